"""Words that qualify a figure: *vähintään 10 %*, *n. 90 %*, *31.12.2020 mennessä*."""

from __future__ import annotations

#: The word right before a figure → its qualifier (``at_least``, ``at_most``, ``over``, ``under``, ``about``).
#: *n.* is tokenised as ``n.`` or as ``n`` + ``.``, so both spellings are here.
QUALIFIER_WORDS: dict[str, str] = {
    "vähintään": "at_least",
    "ainakin": "at_least",
    "enintään": "at_most",
    "korkeintaan": "at_most",
    "maksimissaan": "at_most",
    "yli": "over",
    "ylittää": "over",
    "alle": "under",
    "noin": "about",
    "n.": "about",
    "n": "about",
    "arviolta": "about",
    "lähes": "about",
    "likimain": "about",
    "suunnilleen": "about",
    "≥": "at_least",
    "≤": "at_most",
}

#: Two words right before a figure that compare with it (*pienempi kuin 2,5 %*) → its qualifier.
COMPARATIVE_QUALIFIERS: dict[str, str] = {
    "pienempi kuin": "under", "alempi kuin": "under", "vähemmän kuin": "under", "matalampi kuin": "under",
    "suurempi kuin": "over", "korkeampi kuin": "over", "enemmän kuin": "over", "isompi kuin": "over",
}

#: Words of a metric that make a bare target figure a sum of money (*verotulot €/asukas*, *kustannukset euroa*).
MONEY_UNIT_WORDS: frozenset[str] = frozenset({"€", "euro", "euroa", "t€", "m€", "€/asukas", "€/as"})

#: Words after a date that bound it: *31.12.2020 mennessä* (by), *10/2020 alkaen* (from).
DATE_QUALIFIERS: dict[str, str] = {
    "mennessä": "at_most", "saakka": "at_most", "asti": "at_most",
    "alkaen": "at_least", "lähtien": "at_least",
}
