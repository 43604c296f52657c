"""Finnish names that the digest, the overview and the review app show for the pipeline's codes.

Each concept is one mapping from the code (a field name, a figure kind...) to
what a Finnish analyst reads; the column names follow the review workbook's
figure sheet (``Luvut``: *kenttä*, *laji*, *arvo*, *yksikkö*, *tarkenne*,
*lähdeteksti*).
"""

from __future__ import annotations

#: Figure kinds (``Indicator.kind``).
KIND_NAMES: dict[str, str] = {
    "percent": "prosentti",
    "count": "lukumäärä",
    "money": "rahamäärä",
    "date": "ajankohta",
}

#: Qualifiers of a figure (``Indicator.qualifier``): the words they come from.
QUALIFIER_NAMES: dict[str, str] = {
    "at_least": "vähintään",
    "at_most": "enintään",
    "over": "yli",
    "under": "alle",
    "about": "noin",
}

#: Directions of change (``Indicator.direction``).
DIRECTION_NAMES: dict[str, str] = {
    "increase": "kasvaa",
    "decrease": "vähenee",
}

#: Audit verdicts (``audit.verdict``).
VERDICT_NAMES: dict[str, str] = {
    "consistent": "johdonmukainen",
    "inconsistent": "ristiriitainen",
    "insufficient_evidence": "ei riittävää näyttöä",
}

#: Headings of the two kinds of flag in the digest (their short names: :mod:`pipeline.lang_fi.flags`).
FLAG_HEADINGS: dict[str, str] = {
    "contradicted": "Ristiriidassa näytön kanssa",
    "needs_look": "Näyttö ei riitä: tarkistettava käsin",
}

#: Columns of the digest's figure table, keyed by :func:`pipeline.digest.figure_rows` keys.
FIGURE_COLUMNS: dict[str, str] = {
    "goal": "tavoite",
    "field": "kenttä",
    "kind": "laji",
    "value": "arvo",
    "unit": "yksikkö",
    "qualifier": "tarkenne",
    "direction": "suunta",
    "text": "lähdeteksti",
    "reviewed": "tarkastus",
}

#: An analyst's decision on a figure, as the digest marks it.
REVIEW_NAMES: dict[str, str] = {
    "accept": "hyväksytty",
    "correct": "korjattu",
}
