"""Month names as written in dates: *syyskuussa*, *tammi–helmikuu 2021*."""

from __future__ import annotations

#: The stem of each month's name (before *kuu*) → its number.
MONTHS: dict[str, int] = {
    "tammi": 1, "helmi": 2, "maalis": 3, "huhti": 4, "touko": 5, "kesä": 6,
    "heinä": 7, "elo": 8, "syys": 9, "loka": 10, "marras": 11, "joulu": 12,
}
#: The noun that makes the number after it a year: *vuoden 2023 tietoja*, *vuonna 2022*.
YEAR_LEMMA = "vuosi"
#: Seasons and school terms (Voikko's lemma) → their first and last month: *keväällä 2023* is March–May 2023,
#: *syyslukukaudella 2024* August–December 2024.
SEASON_MONTHS: dict[str, tuple[int, int]] = {"kevät": (3, 5), "kesä": (6, 8), "syksy": (9, 11),
                                             "syyslukukausi": (8, 12), "kevätlukukausi": (1, 5)}
#: Words before a school year (*lukuvuonna 2022–2023*, *lukuvuoden*), which runs from August to July.
SCHOOL_YEAR_WORDS: tuple[str, ...] = ("lukuvuo", "lukuvuode", "lukuvuote", "toimintakau")
SCHOOL_YEAR_START = "08-01"
SCHOOL_YEAR_END = "07-31"

#: Heads of nouns that a year names, a document's title rather than a time: *visio 2050*, *henkilöstöohjelma
#: 2012–2015*, *palveluverkkosuunnitelma 2026–2030* (not *käyttöönotto 2025*, which says when).
NAMED_BY_YEAR_HEADS: frozenset[str] = frozenset({
    "ohjelma", "suunnitelma", "visio", "strategia", "kaava", "yleiskaava", "linjaus", "talousarvio", "sopimus",
    "raportti", "katsaus", "selvitys", "politiikka", "periaate",
})
