"""Scale words and currency marks written after a number: *2,9 miljoonaa*, *1,2 milj.*, *125 t€*, *1,5 M€*."""

from __future__ import annotations

#: Scale words → multiplier, matched case-insensitively right after a number, longer forms first
#: (*miljoonaa* before *miljoona*); the ones ending in € carry the currency too (*125 t€*, *1,5 M€*).
SCALE_WORDS: dict[str, float] = {
    "miljardia": 1e9, "miljardi": 1e9, "mrd.": 1e9, "mrd": 1e9,
    "miljoonaa": 1e6, "miljoona": 1e6, "milj.": 1e6, "milj": 1e6, "me": 1e6, "m€": 1e6, "meur": 1e6,
    "tuhatta": 1e3, "t€": 1e3, "k€": 1e3, "teur": 1e3, "keur": 1e3,
}
#: Currency after a number or its scale: *euroa*, *€*, *eur*, *€/asukas* (money per resident).
CURRENCY_PATTERN = r"€|euro\w*|eur\b"
#: Per cent after a number: *%*, *prosenttia*; with *yks* a change in percentage points (*%-yks.*).
PERCENT_PATTERN = r"%-?yks\w*\.?|%-?yksikö\w*|prosenttiyksikö\w*|prosenttiyksikkö\w*|%|prosent\w*"
