"""Words of metric tables: which way a metric is better, bounds in a cell, and verbal actual values.

Seinäjoki prints each metric as *Mittari | Nykyarvo | Tavoitearvo |
Toteuma-arvo* with a traffic light; the cells are short (*alle 2 %*, *>4*,
*90 %<*, *5 % max. kasvu*, *Kyllä*, *Osittain*, *tulossa 2025*).
"""

from __future__ import annotations

#: Heads of lemmas of a rank in a list, where first is best (*Sijoittuminen kuntien elinvoimavertailussa*).
#: Ranks are read only in metric tables: in a goal's text *sijoitus* is as often an investment.
RANK_HEADS: tuple[str, ...] = ("sijoitus", "sija", "sijoittuminen")
#: Bounds written before a number in a cell → qualifier: *alle 2 %*, *väh. 40 ha*, *>10*, ceilings written
#: *max 12 %*, *Enint. 2,0 %:n kasvu*, *korkeintaan 5*, *≤ 7*. Words match whole words only (*tehtiin 14*
#: is not *n. 14*).
BOUND_BEFORE: dict[str, str] = {
    "vähintään": "at_least", "vähint.": "at_least", "väh.": "at_least", "väh": "at_least", "min.": "at_least",
    "ainakin": "at_least", "≥": "at_least", ">=": "at_least",
    "yli": "over", ">": "over",
    "enintään": "at_most", "enint.": "at_most", "enint": "at_most", "korkeintaan": "at_most",
    "korkeint.": "at_most", "max.": "at_most", "max": "at_most", "maks.": "at_most", "maks": "at_most",
    "maksimissaan": "at_most", "≤": "at_most", "<=": "at_most",
    "alle": "under", "<": "under",
    "noin": "about", "n.": "about", "n": "about", "arviolta": "about",
}
#: Bounds written after a number → qualifier: *90 %<* (over 90 %), *5 % max. kasvu*, *12 % max*,
#: *3 työpäivän kuluessa* (within three working days).
BOUND_AFTER: dict[str, str] = {
    "<": "at_least", "max.": "at_most", "max": "at_most", "maks.": "at_most", "maks": "at_most",
    "kuluessa": "at_most", "sisällä": "at_most", "tai enemmän": "at_least", "tai vähemmän": "at_most",
    "tai yli": "at_least", "tai alle": "at_most",
}
#: A target stated against the current value: *2 % alle nykyarvon*, *< nykyarvo*, *5 % max. kasvu*,
#: *+2 %-yks. edellisestä vuodesta*, *edellisen vuoden tasolla*: runs of Voikko lemmas, so any case matches.
BASELINE_LEMMAS: tuple[tuple[str, ...], ...] = (
    ("nykyarvo",), ("nykytaso",), ("lähtötaso",), ("lähtöarvo",), ("edellinen", "vuosi"), ("viime", "vuosi"),
    ("nykyinen", "taso"), ("vertailuvuosi",),
)
#: The level of the baseline itself: *edellisen vuoden tasolla*, *nykytasolla*, *nykyarvon tasolla*.
LEVEL_LEMMAS: frozenset[str] = frozenset({"taso", "nykytaso"})
#: Change words in a target cell → the direction of the change wanted (*kasvu*, *lasku*).
CHANGE_WORDS: dict[str, str] = {
    "kasvu": "increase", "nousu": "increase", "lisäys": "increase", "muutos": "increase",
    "lasku": "decrease", "väheneminen": "decrease", "vähennys": "decrease", "alenema": "decrease",
}
#: Verbs that make an actual figure a change, beside those of :mod:`pipeline.lang_fi.change_words`:
#: *toimintakate vahvistunut 1,9 %*, *tunteja karsittiin*.
ACTUAL_CHANGE_LEMMAS: dict[str, str] = {
    "vahvistua": "increase", "vahvistunut": "increase", "karsia": "decrease", "leikata": "decrease",
}
#: Words for "all" in a target without a figure, read as 100 %: *Kaikissa kouluissa*, *jokaisella koululla*.
ALL_LEMMAS: frozenset[str] = frozenset({"kaikki", "jokainen", "kukin"})
#: A target of none in words, a ceiling of zero: *Ei yhtään*, *ei lainkaan*, *nolla*.
ZERO_PHRASES: tuple[str, ...] = ("ei yhtään", "ei yhtäkään", "ei lainkaan", "nolla")
#: The elative ending after the whole in a share written in words: *14 koulussa 17:stä*.
SHARE_OF_ENDINGS: tuple[str, ...] = (":stä", ":sta")

#: A cell with no value: *…*, *...*, *n/a*, *-*.
EMPTY_CELLS: tuple[str, ...] = ("…", "...", "..", "n/a", "-", "–", "—", "ei tietoa", "ei saatavilla")
#: Phrases saying the figure does not exist yet or was not measured: *tulossa 2025*, *ei mitattu*,
#: *Määrittyy TP 2023*, *Laskenta kesken*, *tiedot julkaistaan*.
NO_FIGURE_PHRASES: tuple[str, ...] = (
    "tulossa", "ei mitattu", "ei mitata", "määrittyy", "laskenta kesken", "julkaistaan", "ei julkaistu",
    "ei saatavilla", "ei tiedossa", "ei tietoa", "ei vielä tiedossa", "ei valmistunut vielä",
)
#: Words that state an outcome by themselves: *Kyllä*, *k* (*k/e* = kyllä/ei), *valmis*, *Toteutui*, *on*.
DONE_LEMMAS: frozenset[str] = frozenset({
    "kyllä", "k", "valmis", "valmistua", "valmistaa", "toteutua", "toteutunut", "toteuttaa", "tehdä", "tehty",
    "käytössä", "ottaa", "hyväksyä", "laatia", "järjestää",
})
#: Status words of the report's own vocabulary, valid against a numeric target too (*Toteutui* against *alle 1 %*).
STATUS_LEMMAS: frozenset[str] = frozenset({"toteutua", "toteutunut", "saavuttaa", "saavutettu"})
#: A part done: *Osittain*, *pääosin*, *osalla kouluista*, *yhtä lukuun ottamatta*.
PARTLY_WORDS: tuple[str, ...] = ("osittain", "osin", "pääosin", "osalla", "osassa", "lukuun ottamatta", "lähes",
                                 "varsin hyvin")
#: Work under way, not done by the end of the year: *Käynnissä*, *valmisteilla*, *aloitettu*. Partly done.
IN_PROGRESS_WORDS: tuple[str, ...] = ("käynnissä", "valmisteilla", "aloitettu", "alkoi", "menossa", "työn alla")
#: Work not finished: *Jatkuu* (against *Valmis*), *Laadinta kesken*. As far from done as the words can tell.
UNFINISHED_WORDS: tuple[str, ...] = ("jatkuu", "kesken")
#: Negation: *Ei*, *ei tehty*, *ei ole valmistunut*, *eivät*.
NEGATION_WORDS: tuple[str, ...] = ("ei", "eivät", "eikä", "en", "emme")
