"""Column headers of report tables and the words of their headings.

Vantaa's table: *Sitova tavoite vuodelle 2021 | Mittari | Lähtötaso |
Tavoitetaso 2021 | Vastuuhenkilö(t) | Keskeiset toimenpiteet | Mittarien
tilanne 1.1.-31.12.2021 | Tila*, with rows spanning the table for themes and
*Strateginen tavoite 12. ...*.
"""

from __future__ import annotations

#: Headers (lower-cased, without punctuation, digits and white space) → goal fields.
#: The first header of each field is its title as the reports print it.
COLUMN_HEADERS: dict[str, str] = {
    "teema": "theme",
    "strateginentavoite": "strategic_goal",
    "tunnus": "goal_id",
    "tavoitenumero": "goal_id",
    "nro": "goal_id",
    "sitovatavoite": "goal",
    "tavoite": "goal",
    "mittari": "metric",
    "mittarit": "metric",
    "lähtötaso": "baseline",
    "tavoitetaso": "target",
    "vastuuhenkilö": "responsible",
    "vastuuhenkilöt": "responsible",
    "keskeisettoimenpiteet": "measures",
    "toimenpiteet": "measures",
    "mittarientilanne": "metric_status",
    "tila": "status_label",
    "toteutuminen": "status_label",
    "arvio": "status_label",
}

#: The column titles as printed, by field (error messages, rendered tables, the digest's field names).
COLUMN_TITLES: dict[str, str] = {
    "goal": "Sitova tavoite",
    "metric": "Mittari",
    "baseline": "Lähtötaso",
    "target": "Tavoitetaso",
    "responsible": "Vastuuhenkilö(t)",
    "measures": "Keskeiset toimenpiteet",
    "metric_status": "Mittarien tilanne",
    "status_label": "Tila",
}

#: Fields whose headers make a repeated table header recognisable in extracted text.
HEADER_FIELDS: tuple[str, ...] = ("metric", "baseline", "target", "responsible", "measures", "metric_status")
#: Their folded headers, as :data:`COLUMN_HEADERS` writes them: ``mittari``, ``lähtötaso``, ...
HEADER_WORDS: tuple[str, ...] = tuple(next(k for k, f in COLUMN_HEADERS.items() if f == name)
                                      for name in HEADER_FIELDS)
#: The folded first header of the goal column, which starts a repeated table header: ``sitovatavoite``.
GOAL_HEADER = "sitovatavoite"
#: Folded endings of the last header of a table: *Tila*, *Mittarien tilanne*.
LAST_HEADER_ENDINGS: tuple[str, ...] = ("tila", "tilanne")

#: The heading of a row spanning the table: *Strateginen tavoite 12. Hyvinvointierot vähenevät*.
STRATEGIC_GOAL_WORDS: tuple[str, ...] = ("strateginen", "tavoite")
#: *Sitova tavoite vuodelle 2021*: the word before the year a table covers.
FOR_YEAR_WORD = "vuodelle"
#: *sivu 3*: the word of a page number.
PAGE_WORD = "sivu"
