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

#: What the digest's status counts count: goals' own statuses, metric rows' statuses (a goal whose report
#: labels only its metrics), or both in one report. Nominative plural for titles, partitive for an axis.
COUNTED_UNITS: dict[str, str] = {
    "goals": "Tavoitteet",
    "metrics": "Mittarit",
    "mixed": "Tavoitteet ja mittarit",
}
COUNTED_UNITS_AXIS: dict[str, str] = {
    "goals": "tavoitteita",
    "metrics": "mittareita",
    "mixed": "tavoitteita ja mittareita",
}

#: The second status column: a goal's status predicted by the classifier, a metric row's status read from
#: its own figures (the metric audit's ``evidence_status``).
PREDICTED_NAMES: dict[str, str] = {
    "goals": "ennustettu",
    "metrics": "rivin luvuista päätelty",
    "mixed": "ennustettu / rivin luvuista päätelty",
}

#: Columns of a goal's metric table, keyed by :class:`pipeline.records.Metric` fields and the digest's own.
METRIC_COLUMNS: dict[str, str] = {
    "name": "mittari",
    "baseline": "lähtötaso",
    "target": "tavoitetaso",
    "actual": "toteuma",
    "status_label": "kaupungin tila",
    "evidence": "rivin luvuista",
    "verdict": "arvio",
    "page": "sivu",
}

#: The status table's row for claims without a status: none printed, or none the row's figures support.
NO_STATUS_NAME = "ei ilmoitettu / ei pääteltävissä"
