"""Why a report has no figure: the survey runs every other year, the statistics are not out yet.

A claimed *Ei arvioitavissa* is consistent when the text gives such a reason
(*Kysely tehdään joka toinen vuosi*, *Tilastokeskus ei ole vielä julkaissut
tietoja*, *tulokset valmistuvat keväällä 2024*).
"""

from __future__ import annotations

#: Regular expressions (lower case) of a measurement made only every few years:
#: *joka toinen vuosi*, *joka toisena vuonna*, *kahden vuoden välein*, *parillisina vuosina*.
PERIODIC_PATTERNS: tuple[str, ...] = (
    r"joka (?:toi|kolma|neljä|viide)\w*\s+vuo\w*",
    r"\w+ vuoden välein",
    r"(?:parillisi|parittomi)\w*\s+vuo\w*",
)
#: Lemmas of data that may not exist yet or cannot be compared: *julkaista*, *tilasto*, *tulos*, *mitata*,
#: *saatavilla*, *lukuja ei voi verrata*; also as the last part of a compound (*asukaskysely*, *päästötieto*).
DATA_LEMMAS: frozenset[str] = frozenset({
    "julkaista", "valmistua", "saada", "mitata", "mittaus", "kerätä", "tilasto", "tieto", "tulos", "data",
    "aineisto", "saatavilla", "käytettävissä", "kysely", "tutkimus", "raportti", "luku", "verrata",
    "vertailukelpoinen",
})
#: Data lemmas long enough to be recognised as the last part of a compound (*henkilöstökysely*).
COMPOUND_DATA_LEMMAS: frozenset[str] = frozenset(w for w in DATA_LEMMAS if len(w) >= 5)
#: Words of a later time: *vielä* (yet, with a negation), *myöhemmin*, *seuraavan kerran*, *ensi vuonna*,
#: *vasta keväällä 2026*.
LATER_WORDS: frozenset[str] = frozenset({"vielä", "myöhemmin", "seuraavan", "seuraava", "ensi", "tulossa",
                                         "valmistuvat", "valmistuu", "julkaistaan", "saadaan", "vasta"})
