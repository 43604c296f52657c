"""Units of figures: abbreviations of counted nouns, per cent and percentage points, money and its scales.

The regular-expression fragments are matched case-insensitively right after
a number (*13,4 %*, *2 %-yks.*, *1,2 milj. euroa*, *10kpl*).
"""

from __future__ import annotations

#: Units written as abbreviations → the unit kept: *yli 10kpl*, *noin 80 kpl*, *5 hlöä*.
UNIT_ABBREVIATIONS: dict[str, str] = {"kpl": "kpl", "hlö": "henkilö", "hlöä": "henkilö", "hlöt": "henkilö",
                                      "h": "tunti", "km": "km", "m2": "m2", "m²": "m2", "ha": "ha", "t": "tonni",
                                      "pv": "päivä", "vrk": "vuorokausi", "op": "opintopiste",
                                      "kpv": "kalenteripäivä", "htv": "henkilötyövuosi",
                                      "kwh": "kwh", "mwh": "mwh", "gwh": "gwh", "m³": "m³", "m3": "m³",
                                      "k-m²": "k-m²", "k-m2": "k-m²", "kt": "kt"}

#: Counted nouns that reports use for one count: a museum's *kävijät* are its *käynnit*, a bus line's
#: *nousijat* its *nousut*; a theatre's *katsojat* and an orchestra's *kuulijat* are their *yleisö*. Compared
#: by the compound's last part (*museokäynti* → *käynti*).
COUNTED_ALIKE: tuple[frozenset[str], ...] = (
    frozenset({"kävijä", "käynti", "käyntikerta", "kävijäkerta", "vierailija", "vierailu", "katsoja", "kuulija",
               "yleisö"}),
    frozenset({"nousu", "nousija", "matkustaja"}),
)
#: A counted noun that is one of a more general one, not the other way round: a detached house is one dwelling.
KINDS_OF: dict[str, str] = {"omakotitalo": "asunto", "paritalo": "asunto"}

#: Units of a length of time: *3 päivää*, *2 viikkoa* count time, not things to get done.
DURATION_UNITS: frozenset[str] = frozenset({"päivä", "arkipäivä", "kalenteripäivä", "vuorokausi", "viikko",
                                            "kuukausi", "vuosi", "tunti", "minuutti"})

#: Per cent after a number: *%*, *prosenttia*; with *yks* a change in percentage points (*%-yks.*).
PERCENT_PATTERN = r"%-?yks\w*\.?|%-?yksikö\w*|prosenttiyksikö\w*|prosenttiyksikkö\w*|%|prosent\w*"
#: A percent unit containing this is a change in percentage points (*%-yks.*, *prosenttiyksikköä*).
POINTS_MARK = "yks"
#: The unit of a change in percentage points.
POINTS_UNIT = "prosenttiyksikkö"

#: Scale words between a number and its currency → the multiplier: *1,2 milj. euroa*, *3 mrd. €*.
#: Longer words before their prefixes (*miljoonaa* before *miljoona*): the order is the match order.
MONEY_SCALES: dict[str, float] = {"milj.": 1e6, "miljoonaa": 1e6, "miljoona": 1e6, "mrd.": 1e9, "miljardia": 1e9,
                                  "tuhatta": 1e3, "t.": 1e3}
#: Currency written with its scale: *5 m€*, *1,5 M€*, *300 k€*, *125 t€*.
CURRENCY_SCALES: dict[str, float] = {"m€": 1e6, "k€": 1e3, "t€": 1e3}
#: Currency after a number: *euroa*, *eur*, *€*, *m€*, *k€*, *t€*, *e*.
CURRENCY_PATTERN = r"euro\w*|eur\b|€|m€|k€|t€|e\b(?!-)"  # not "18 100 e-lainaa"
#: Scale words after a number that counts something, not money: *2,9 miljoonaa* (one figure, not 2,9 and
#: 1 000 000), *1,2 milj. kävijää*, *12 tuhatta asukasta*. Longer words before their prefixes.
COUNT_SCALES: dict[str, float] = {"miljardia": 1e9, "mrd.": 1e9, "miljoonaa": 1e6, "miljoona": 1e6, "milj.": 1e6,
                                  "tuhatta": 1e3}
#: Signs of a negative number: the minus sign U+2212, an en dash or a hyphen written before the digits (*−7 798 €*).
MINUS_SIGNS = "\u2212\u2013-"
#: The unit of money figures.
MONEY_UNIT = "euro"

#: An age after a number: *20-vuotiaiden*, *15 vuotiaat*.
AGE_PATTERN = r"-?vuotia\w*|-?vuotias\w*"

#: The general word for a person, which counts people of any kind (*480 henkilöä*, *5 hlöä*).
PERSON_UNIT = "henkilö"
#: Counted nouns that name people, and the endings of those that do (agents *työntekijä*, *osallistuja*; the
#: jobless *työtön*; residents *tamperelainen*).
PERSON_NOUNS: frozenset[str] = frozenset({"henkilö", "ihminen", "lapsi", "nuori", "aikuinen", "asiakas", "asukas",
                                          "oppilas", "opiskelija", "potilas", "vanhus", "työtön", "kävijä"})
PERSON_ENDINGS: tuple[str, ...] = ("ja", "jä", "tön", "ton", "lainen", "läinen")

#: Words that make a figure one per thing already: *16,6 asukasta kohti*, *5,2 per asukas*.
PER_WORD_PATTERN = r"\b(?:kohden|kohti|per)\b"

#: A count of times, of whatever its verb does: *Kirjastoissa käytiin 2,31 miljoonaa kertaa* counts visits.
TIMES_UNIT = "kerta"

#: Units of a metric that counts pieces of whatever kind: *Avustusta saaneet toimijat, kpl*.
ANY_THING_UNITS: frozenset[str] = frozenset({"kpl", "lkm", "määrä"})
#: The word of an amount, which counts anything only when the metric names nothing else (*Määrä, kpl*).
AMOUNT_WORD = "määrä"
#: Endings of a noun that is the number of a thing, and the empty ending of the thing itself: *asukasluku*,
#: *asukasmäärä*, *asukas*.
COUNT_OF_SUFFIXES: tuple[str, ...] = ("luku", "määrä", "")
#: Units of measurement (not counted things): amounts in them add up across places (*38.600 m² katuja ja
#: 7.900 m² väyliä*).
MEASURE_UNITS: frozenset[str] = frozenset({"m2", "m²", "km", "ha", "tonni", "kt", "tunti", "kwh", "mwh", "gwh",
                                            "euro"})
#: The mark of a metric of one thing per another: *Oppilaita / opetusryhmä*.
RATIO_MARK = " / "
#: A metric of a sum or count per one thing: *nettokustannus €/asukas*, *käynnit/asukas*, *euroa asukasta kohden*,
#: *oppilasta per ryhmä*. The group is the thing divided by.
PER_THING_PATTERN = (r"(?:€|euroa?|eur|[a-zåäö]{2,})\s*/\s*([a-zåäö]+)|(?:€|euroa?)\s+([a-zåäö]+)\s+kohden"
                     r"|\bper\s+([a-zåäö]+)")

#: A scale the metric or a table's row name states for the figures printed without one: *Käyntikerrat, milj.*,
#: *Käyntikerrat (milj.)*, *Toimintakate (M€)*, *Vuosikate, 1 000 €* → the multiplier, and whether it is money.
STATED_SCALES: dict[str, tuple[float, bool]] = {
    "milj. €": (1e6, True), "m€": (1e6, True), "t€": (1e3, True), "k€": (1e3, True), "1 000 €": (1e3, True),
    "milj.": (1e6, False), "milj": (1e6, False), "miljoonaa": (1e6, False),
}
#: Where a stated scale stands: after a comma or in brackets, at the end of the name or before a bar or colon.
STATED_SCALE_PATTERN = r"[,(]\s*(milj\. €|m€|t€|k€|1 000 €|milj\.?|miljoonaa)\s*\)?\s*(?:[|:]|$)"
#: Euros per thing stated at the end of a metric's name (*Perusopetuksen käyttökustannukset €/oppilas*,
#: *Nettokustannus, euroa/asukas*): its bare figures are euros.
STATED_PER_THING_PATTERN = r"(?:^|[\s,(])(?:€|euroa?)\s*/\s*[^\W\d_]+\.?\s*\)?\s*(?:[|:]|$)"
#: A metric whose unit is per cent, after a comma or in brackets at its end: *Lähikouluun sijoitettujen osuus,
#: %*, *Negatiivinen keskeyttäminen, % opiskelijoista*, *Käyttöaste (%)*.
STATED_PERCENT_PATTERN = r"[,(]\s*%(?:\s*\)|\s+[^\W\d_]+)?\s*$"
#: A bracket that holds only a unit or a scale: *(M€)*, *(milj.)*, *(%)*, *(€/as.)*, *(kpl)* — not a remark such
#: as *(kaupunki ilman liikelaitoksia)*.
UNIT_IN_BRACKETS = (r"(?:milj\.?|t|1 000)?\s*(?:€|m€|t€|k€|euroa?|%|kpl|lkm|hlö\.?|km|m²|m2|kt|gwh|mwh|kwh|h|pv|vrk"
                    r"|milj\.?)(?:\s*/\s*[^\W\d_]+\.?)?")
#: A figure's own label naming a rate, right before it: *Sairauspoissaolo-% 2012: 4,6*, *Käyttöaste-%: 91,2*.
PERCENT_LABEL_PATTERN = r"[^\W\d_]-%\s*(?:(?:19|20)\d{2})?\s*:?\s*$"
