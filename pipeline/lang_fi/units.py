"""Units of figures: abbreviations of counted nouns, per cent and percentage points, money and its scales.

The regular-expression fragments are matched case-insensitively right after
a number (*13,4 %*, *2 %-yks.*, *1,2 milj. euroa*, *10kpl*).
"""

from __future__ import annotations

from pipeline.lang_fi.scales import PERCENT_PATTERN

__all__ = ["AGE_PATTERN", "CURRENCY_PATTERN", "CURRENCY_SCALES", "MONEY_SCALES", "MONEY_UNIT", "PERCENT_PATTERN",
           "POINTS_MARK", "POINTS_UNIT", "UNIT_ABBREVIATIONS"]

#: Units written as abbreviations → the unit kept: *yli 10kpl*, *noin 80 kpl*, *5 hlöä*.
UNIT_ABBREVIATIONS: dict[str, str] = {"kpl": "kpl", "hlö": "henkilö", "hlöä": "henkilö", "hlöt": "henkilö",
                                      "h": "tunti", "km": "km", "m2": "m2", "ha": "ha", "t": "tonni",
                                      "pv": "päivä", "vrk": "vuorokausi", "op": "opintopiste"}

#: A percent unit containing this is a change in percentage points (*%-yks.*, *prosenttiyksikköä*).
POINTS_MARK = "yks"
#: The unit of a change in percentage points.
POINTS_UNIT = "prosenttiyksikkö"

#: Scale words between a number and its currency → the multiplier: *1,2 milj. euroa*, *3 mrd. €*.
#: Longer words before their prefixes (*miljoonaa* before *miljoona*): the order is the match order.
MONEY_SCALES: dict[str, float] = {"milj.": 1e6, "miljoonaa": 1e6, "miljoona": 1e6, "mrd.": 1e9, "miljardia": 1e9,
                                  "tuhatta": 1e3, "t.": 1e3}
#: Currency written with its scale: *5 m€*, *300 k€*.
CURRENCY_SCALES: dict[str, float] = {"m€": 1e6, "k€": 1e3}
#: Currency after a number: *euroa*, *eur*, *€*, *m€*, *k€*, *e*.
CURRENCY_PATTERN = r"euro\w*|eur\b|€|m€|k€|e\b"
#: The unit of money figures.
MONEY_UNIT = "euro"

#: An age after a number: *20-vuotiaiden*, *15 vuotiaat*.
AGE_PATTERN = r"-?vuotia\w*|-?vuotias\w*"
