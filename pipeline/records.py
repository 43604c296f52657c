"""Record types of the pipeline, defined once.

A :class:`Report` holds the facts about one report file and its :class:`Goal`
records. Field names follow the command-line contract (``shared/CONTRACT.md``)
and are also the stable column names of the DataFrame conversions.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

import pandas as pd

#: Normalised status values, in order from best to worst.
STATUSES: tuple[str, ...] = ("full", "partial", "none", "not_assessable")

#: Goal text fields, in the column order of a report table.
TEXT_FIELDS: tuple[str, ...] = (
    "goal",
    "metric",
    "baseline",
    "target",
    "responsible",
    "measures",
    "metric_status",
)

#: The two kinds of flag an audit verdict raises: the claim is contradicted by the report's own
#: figures (``inconsistent``), or the evidence needs a look (``insufficient_evidence``).
FLAG_KINDS: dict[str, str] = {"inconsistent": "contradicted", "insufficient_evidence": "needs_look"}


def flag_kind(verdict: str | None) -> str | None:
    """``contradicted``, ``needs_look`` or ``None`` (consistent or not audited) for an audit verdict."""
    return FLAG_KINDS.get(verdict) if verdict else None


#: Stable column names of :func:`goals_to_frame`.
GOAL_COLUMNS: tuple[str, ...] = (
    "goal_id",
    "theme",
    "strategic_goal",
    *TEXT_FIELDS,
    "status_label",
    "status",
)

REPORT_COLUMNS: tuple[str, ...] = ("source", "sha256", "date", "year", "department")

#: Cells of a metric row as printed, in the column order of a metric table.
METRIC_TEXT_FIELDS: tuple[str, ...] = ("name", "baseline", "target", "actual")


#: Kinds of :class:`Indicator`. The first four are figures an audit can
#: compare; the rest are numbers that are not figures, kept so a reviewer can
#: see why they were left out (*7. luokalle*, *20-vuotiaiden*, *tavoite 12.4*).
INDICATOR_KINDS: tuple[str, ...] = ("percent", "count", "money", "date", "ordinal", "age", "id", "list_item")
FIGURE_KINDS: tuple[str, ...] = INDICATOR_KINDS[:4]
QUALIFIERS: tuple[str, ...] = ("at_least", "at_most", "over", "under", "about")
DIRECTIONS: tuple[str, ...] = ("increase", "decrease")

#: Stable column names of indicator tables (exports, review sheets).
INDICATOR_COLUMNS: tuple[str, ...] = (
    "field", "kind", "value", "unit", "qualifier", "direction", "text", "start", "end", "sentence",
)


@dataclass(slots=True, frozen=True)
class Indicator:
    """A number found in one text field of a goal, with its meaning.

    ``value`` is a number for ``percent``, ``count`` and ``money`` (euros) and
    an ISO 8601 string for ``date``: ``2021-08-01``, ``2020-10``, ``2021`` or
    an interval ``2021-01-01/2021-12-31``. ``start``/``end`` are character
    offsets into the field's text; ``text`` is that slice and ``sentence``
    the sentence it is in. A change in percentage points is a ``percent``
    with the unit ``prosenttiyksikkö``.
    """

    field: str
    kind: str
    value: float | int | str | None
    unit: str | None
    qualifier: str | None
    direction: str | None
    text: str
    start: int
    end: int
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in INDICATOR_COLUMNS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Indicator:
        return cls(**{name: data.get(name) for name in INDICATOR_COLUMNS})


@dataclass(slots=True)
class Metric:
    """One metric row of a goal, for reports that give a row per metric with its own status.

    ``baseline``, ``target`` and ``actual`` are the cells as printed (Seinäjoki's
    *Nykyarvo | Tavoitearvo | Toteuma-arvo*); ``status_label`` is the label or
    number printed for the row (a traffic light printed as ``1``/``2``/``3``)
    and ``status`` its normalised value through the report's own legend.
    ``page`` is the 1-based PDF page where the row starts.
    """

    name: str | None = None
    baseline: str | None = None
    target: str | None = None
    actual: str | None = None
    status_label: str | None = None
    status: str | None = None
    page: int | None = None
    indicators: list[dict[str, Any]] = field(default_factory=list)
    audit: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Metric:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(slots=True)
class Goal:
    """One binding target (*sitova tavoite*) row of a report.

    Text fields hold the cell's text with line breaks joined and words broken
    by the layout repaired; paragraphs inside a cell are separated by ``\\n``.
    A missing cell is ``None``.
    """

    goal_id: str | None = None
    theme: str | None = None
    strategic_goal: str | None = None
    goal: str | None = None
    metric: str | None = None
    baseline: str | None = None
    target: str | None = None
    responsible: str | None = None
    measures: str | None = None
    metric_status: str | None = None
    status_label: str | None = None
    status: str | None = None
    indicators: list[dict[str, Any]] = field(default_factory=list)
    prediction: dict[str, Any] | None = None
    audit: dict[str, Any] | None = None
    summary: str | None = None
    #: Set when an analyst reviewed the goal: ``{"status", "original_status", "reviewer", "at"}``.
    review: dict[str, Any] | None = None
    #: The 1-based PDF page where the goal starts, when read from a PDF.
    page: int | None = None
    #: The unit, board or company the goal belongs to when one report holds several.
    department: str | None = None
    #: The goal's metric rows, for reports that give each metric its own row and status.
    metrics: list[Metric] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Goal:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["metrics"] = [m if isinstance(m, Metric) else Metric.from_dict(m) for m in values.get("metrics") or []]
        return cls(**values)


@dataclass(slots=True)
class Report:
    """A report file and the goals read from it."""

    source: str
    sha256: str
    date: str | None = None
    year: int | None = None
    department: str | None = None
    goals: list[Goal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: The layout the reader recognised (``column_table``, ``metric_rows``, ...), when it says.
    layout: str | None = None
    #: The first and last 1-based PDF page goals were read from, when read from a PDF.
    pages: tuple[int, int] | None = None

    @property
    def n_goals(self) -> int:
        return len(self.goals)

    def to_dict(self) -> dict[str, Any]:
        """The report document of the contract: ``report`` + ``goals``."""
        head = {name: getattr(self, name) for name in REPORT_COLUMNS}
        head["n_goals"] = self.n_goals
        head["layout"] = self.layout
        head["pages"] = list(self.pages) if self.pages else None
        doc: dict[str, Any] = {"report": head, "goals": [g.to_dict() for g in self.goals]}
        if self.warnings:
            doc["warnings"] = list(self.warnings)
        return doc

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> Report:
        head = doc.get("report") or {}
        return cls(
            source=head.get("source") or "",
            sha256=head.get("sha256") or "",
            date=head.get("date"),
            year=head.get("year"),
            department=head.get("department"),
            goals=[Goal.from_dict(g) for g in doc.get("goals") or []],
            warnings=list(doc.get("warnings") or []),
            layout=head.get("layout"),
            pages=tuple(head["pages"]) if head.get("pages") else None,
        )


def goals_to_frame(report: Report) -> pd.DataFrame:
    """One row per goal, columns :data:`GOAL_COLUMNS` then the report's columns."""
    rows = []
    for goal in report.goals:
        row = {name: getattr(goal, name) for name in GOAL_COLUMNS}
        row.update({name: getattr(report, name) for name in REPORT_COLUMNS})
        rows.append(row)
    columns = [*GOAL_COLUMNS, *REPORT_COLUMNS]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({"year": "Int64"})


def goals_from_frame(frame: pd.DataFrame) -> list[Goal]:
    """Goals from a frame with (a subset of) the columns :data:`GOAL_COLUMNS`.

    Missing values (``NaN``, ``None``, empty strings) become ``None``.
    """
    goals = []
    for record in frame.to_dict(orient="records"):
        values = {}
        for name in GOAL_COLUMNS:
            value = record.get(name)
            if value is None or (isinstance(value, float) and pd.isna(value)):
                value = None
            elif not isinstance(value, str):
                value = str(value)
            values[name] = value.strip() or None if isinstance(value, str) else value
        goals.append(Goal(**values))
    return goals
