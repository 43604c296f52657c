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
}

#: Words after a date that bound it: *31.12.2020 mennessä* (by), *10/2020 alkaen* (from).
DATE_QUALIFIERS: dict[str, str] = {
    "mennessä": "at_most", "saakka": "at_most", "asti": "at_most",
    "alkaen": "at_least", "lähtien": "at_least",
}
