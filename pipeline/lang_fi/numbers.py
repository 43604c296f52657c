"""Finnish cardinal number words and the words of a counting context."""

from __future__ import annotations

#: Units of cardinal base forms: *kolme*, *kuusi*, parts of *kaksikymmentäviisi*.
CARDINAL_UNITS: dict[str, int] = {
    "nolla": 0, "yksi": 1, "kaksi": 2, "kolme": 3, "neljä": 4, "viisi": 5, "kuusi": 6,
    "seitsemän": 7, "kahdeksan": 8, "yhdeksän": 9,
}
#: Multipliers in cardinal base forms: *kolmesataa*, *kaksikymmentä*, *viisituhatta*.
CARDINAL_MULTIPLIERS: dict[str, int] = {"kymmentä": 10, "sataa": 100, "sata": 100, "tuhatta": 1000, "tuhat": 1000,
                                        "miljoonaa": 1_000_000, "miljoona": 1_000_000}
#: *kymmenen* (ten) and *toista* (the teens: *yhdeksäntoista*) add ten.
CARDINAL_TENS: tuple[str, ...] = ("kymmenen", "toista")
#: Multipliers that close a group of thousands: *kaksituhatta viisisataa*.
CARDINAL_GROUPS: tuple[str, ...] = ("tuhat", "tuhatta", "miljoona", "miljoonaa")
#: Every part a cardinal base form is made of, longer forms before their prefixes (the match order).
CARDINAL_PARTS: tuple[str, ...] = (
    "nolla", "yksi", "kaksi", "kolme", "neljä", "viisi", "kuusi", "seitsemän", "kahdeksan", "yhdeksän", "kymmenen",
    "toista", "kymmentä", "sataa", "sata", "tuhatta", "tuhat", "miljoonaa", "miljoona",
)

#: Lemmas that make a sentence about an amount, so an ambiguous number word
#: counts (*mallien määrä on kuusi*, *noin kuusi*), not the noun *kuusi* (spruce).
COUNTING_LEMMAS: frozenset[str] = frozenset({"määrä", "lukumäärä", "yhteensä", "kpl", "kappale", "noin", "yli", "alle",
                                             "vähintään", "enintään", "n."})
