"""Record types of the pipeline, defined once.

A :class:`Report` holds the facts about one report file and its :class:`Goal`
records. Field names follow the command-line contract (``shared/CONTRACT.md``)
and are also the stable column names of the DataFrame conversions.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
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
#: Audit verdicts: the claim agrees with the evidence, contradicts it, or cannot be checked.
VERDICTS: tuple[str, ...] = ("consistent", "inconsistent", "insufficient_evidence")
DIRECTIONS: tuple[str, ...] = ("increase", "decrease")

#: Stable column names of indicator tables (exports, review sheets).
INDICATOR_COLUMNS: tuple[str, ...] = (
    "field", "kind", "value", "unit", "qualifier", "direction", "text", "start", "end", "sentence",
)


def _plain(value: Any) -> Any:
    """A record, or a list or dict of them, as the contract's JSON values."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _record_dict(record: Any) -> dict[str, Any]:
    """Every field of a record dataclass, in order, as JSON values."""
    return {f.name: _plain(getattr(record, f.name)) for f in fields(record)}


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The items of ``data`` that are fields of ``cls`` (a document may carry more)."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


class _Record:
    """What every record does: its fields as the contract's JSON values, and back."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return _record_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        return cls(**_known(cls, data))


@dataclass(slots=True, frozen=True)
class Indicator:
    """A number found in one text field of a goal, with its meaning.

    ``value`` is a number for ``percent``, ``count`` and ``money`` (euros) and
    an ISO 8601 string for ``date``: ``2021-08-01``, ``2020-10``, ``2021`` or
    an interval ``2021-01-01/2021-12-31``. ``start``/``end`` are character
    offsets into the field's text; ``text`` is that slice and ``sentence``
    the sentence it is in. A change in percentage points is a ``percent``
    with the unit ``prosenttiyksikkö``.

    A figure read back with analysts' decisions applied has ``reviewed``
    (``accept`` or ``correct``; a rejected figure is left out) and, when
    corrected, ``value`` is the analyst's and ``original_value`` the extracted one.
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
    reviewed: str | None = None
    original_value: float | int | str | None = None

    @property
    def is_figure(self) -> bool:
        """A percentage, count, sum of money or date (not an ordinal, age, id or list number)."""
        return self.kind in FIGURE_KINDS

    def to_dict(self) -> dict[str, Any]:
        """The contract's indicator object; ``reviewed``/``original_value`` only when reviewed."""
        doc = {name: getattr(self, name) for name in INDICATOR_COLUMNS}
        if self.reviewed is not None:
            doc["reviewed"] = self.reviewed
            if self.reviewed == "correct":
                doc["original_value"] = self.original_value
        return doc

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Indicator:
        return cls(**{name: data.get(name) for name in INDICATOR_COLUMNS}, reviewed=data.get("reviewed"),
                   original_value=data.get("original_value"))


@dataclass(slots=True)
class Prediction(_Record):
    """The status classifier's prediction for a goal: its status, calibrated probabilities and model version."""

    status: str
    probabilities: dict[str, float] = field(default_factory=dict)
    model_version: str | None = None

    @property
    def confidence(self) -> float | None:
        """The probability of the most likely status."""
        return max(self.probabilities.values()) if self.probabilities else None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Prediction:
        values = _known(cls, data)
        values["probabilities"] = dict(values.get("probabilities") or {})
        return cls(**values)


@dataclass(slots=True, frozen=True)
class Citation(_Record):
    """A figure the audit compared with the target: its field and character offsets."""

    field: str
    start: int
    end: int



@dataclass(slots=True)
class Audit(_Record):
    """The audit of a goal's claimed status.

    ``verdict`` is one of :data:`VERDICTS`; ``flagged`` is true unless it is
    ``consistent``, and ``flag`` says which kind (:func:`flag_kind`).
    ``reasons`` and ``notes`` (internal arithmetic, which never flags) are
    Finnish sentences; ``evidence_status`` is the status the figures and text
    support (``None`` when the rules cannot tell) and ``cited`` the figures
    compared with the target.
    """

    verdict: str
    flagged: bool
    flag: str | None = None
    reasons: list[str] = field(default_factory=list)
    evidence_status: str | None = None
    notes: list[str] = field(default_factory=list)
    cited: list[Citation] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Audit:
        values = _known(cls, data)
        values["reasons"] = list(values.get("reasons") or [])
        values["notes"] = list(values.get("notes") or [])
        values["cited"] = [c if isinstance(c, Citation) else Citation.from_dict(c) for c in values.get("cited") or []]
        return cls(**values)


@dataclass(slots=True)
class MetricAudit(Audit):
    """The audit of one metric row (:mod:`pipeline.metric_audit`): an :class:`Audit` and what the row's figures say.

    ``reached`` the share of the target each figure reached, ``missed_by``
    the largest share missed and ``unit`` the row's unit (``%``, ``euro``,
    ``rank``, ``change`` or None for a count), for comparing rows;
    ``graded_unlike_report`` the rows of the same report graded otherwise.
    """

    lower_is_better: bool | None = None
    reached: list[float | None] = field(default_factory=list)
    missed_by: float | None = None
    unit: str | None = None
    graded_unlike_report: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MetricAudit:
        audit = Audit.from_dict(data)
        extra = _known(cls, data)
        return cls(**{**extra, **{f.name: getattr(audit, f.name) for f in fields(Audit)},
                      "reached": list(extra.get("reached") or []),
                      "graded_unlike_report": list(extra.get("graded_unlike_report") or [])})


@dataclass(slots=True)
class Review(_Record):
    """An analyst's decision on a goal's status: the current ``status``, the report's own, who and when (ISO)."""

    status: str
    original_status: str | None
    reviewer: str
    at: str



def _optional(record_type: type, value: Any) -> Any:
    """``value`` as ``record_type`` (from a dict of the contract), or ``None``."""
    if value is None or isinstance(value, record_type):
        return value
    return record_type.from_dict(value)


def _indicators(values: Any) -> list[Indicator]:
    return [i if isinstance(i, Indicator) else Indicator.from_dict(i) for i in values or []]


@dataclass(slots=True)
class Metric(_Record):
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
    indicators: list[Indicator] = field(default_factory=list)
    audit: MetricAudit | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Metric:
        values = _known(cls, data)
        values["indicators"] = _indicators(values.get("indicators"))
        values["audit"] = _optional(MetricAudit, values.get("audit"))
        return cls(**values)


@dataclass(slots=True)
class Goal(_Record):
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
    indicators: list[Indicator] = field(default_factory=list)
    prediction: Prediction | None = None
    audit: Audit | None = None
    summary: str | None = None
    #: Set when an analyst reviewed the goal's status (the claim then holds the reviewed status).
    review: Review | None = None
    #: The 1-based PDF page where the goal starts, when read from a PDF.
    page: int | None = None
    #: The unit, board or company the goal belongs to when one report holds several.
    department: str | None = None
    #: The goal's metric rows, for reports that give each metric its own row and status.
    metrics: list[Metric] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        """True when the audit flags the claim."""
        return self.audit is not None and self.audit.flagged

    @property
    def figures(self) -> list[Indicator]:
        """The indicators that are figures (:data:`FIGURE_KINDS`), in order."""
        return [i for i in self.indicators if i.is_figure]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Goal:
        values = _known(cls, data)
        values["indicators"] = _indicators(values.get("indicators"))
        values["prediction"] = _optional(Prediction, values.get("prediction"))
        values["audit"] = _optional(Audit, values.get("audit"))
        values["review"] = _optional(Review, values.get("review"))
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


# --- review ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class Decision:
    """One analyst decision before it is stored.

    ``target`` is ``status`` (``action`` ``set_status``, ``new_value`` a status)
    or ``figure`` (``action`` ``accept``, ``correct`` with ``new_value`` the
    corrected value, or ``reject``; ``indicator_ref`` the stored figure).
    """

    goal_ref: int
    target: str  # "status" or "figure"
    action: str  # "set_status", "accept", "correct", "reject"
    new_value: str | None
    reviewer: str
    comment: str | None = None
    indicator_ref: int | None = None
    source: str = "web"  # "web" or "workbook"
    where: str = ""  # "sheet 'Luvut', row 7" for a workbook decision


@dataclass(slots=True)
class Correction:
    """A stored decision, as the audit trail shows it (never changed afterwards)."""

    goal_ref: int
    indicator_ref: int | None
    target: str
    action: str
    old_value: str | None
    new_value: str | None
    reviewer: str
    comment: str | None
    source: str
    created_at: str  # ISO 8601


@dataclass(slots=True)
class ReviewFigure:
    """A stored figure as the review shows it: the figure, its value as text as extracted and now."""

    indicator_ref: int
    indicator: Indicator
    value: str | None  # as extracted
    current: str | None  # after the latest decision; None when rejected
    decision: str | None = None  # "accept", "correct" or "reject"
    reviewer: str | None = None


@dataclass(slots=True)
class ReviewItem:
    """A stored goal as the review list shows it, with its current status and figures."""

    goal_ref: int
    report: str
    version: int
    goal_id: str | None
    goal: str | None
    status_label: str | None
    claimed: str | None
    predicted: str | None
    confidence: float | None
    verdict: str | None
    flagged: bool
    #: ``contradicted`` or ``needs_look`` (see :data:`FLAG_KINDS`), None when not flagged.
    flag: str | None
    reasons: list[str]
    summary: str | None
    current_status: str | None
    reviewed: bool
    figures: list[ReviewFigure] = field(default_factory=list)


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
