"""Reading the database back as records: reports, goals, the review queue, labelled goals, model versions.

Every stored goal becomes a :class:`~pipeline.records.Goal` in one place
(:func:`_goal`); analysts' decisions are applied through the one rule of
:mod:`pipeline.store.corrections`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from pipeline.errors import StoreError
from pipeline.records import (
    FIGURE_KINDS,
    GOAL_COLUMNS,
    STATUSES,
    Audit,
    Goal,
    Indicator,
    Metric,
    Prediction,
    Report,
    Review,
    ReviewFigure,
    ReviewItem,
    flag_kind,
)
from pipeline.store.corrections import current_figure, current_status, latest, number_or_text, value_text
from pipeline.store.schema import CorrectionRow, FailureRow, GoalRow, IndicatorRow, ModelRow, ReportRow

#: Statuses a classifier can learn from (``not_assessable`` says nothing about progress).
LABELS: tuple[str, ...] = tuple(s for s in STATUSES if s != "not_assessable")


def has_report(engine: Engine, sha256: str) -> bool:
    """True when a report with this content is stored."""
    with Session(engine) as session:
        return session.scalar(select(ReportRow.id).where(ReportRow.sha256 == sha256)) is not None


def find_report(engine: Engine, sha256: str) -> tuple[int, str] | None:
    """``(report id, source)`` of the stored report with this content hash, or None."""
    with Session(engine) as session:
        row = session.execute(select(ReportRow.id, ReportRow.source).where(ReportRow.sha256 == sha256)).first()
    return (row.id, row.source) if row else None


def failed_hashes(engine: Engine) -> set[str]:
    """The contents (sha256) of files that failed before."""
    with Session(engine) as session:
        return {h for h in session.scalars(select(FailureRow.sha256)) if h}


def latest_report_ids(engine: Engine) -> list[int]:
    """Ids of the newest stored version of every report source, oldest source first."""
    newest = (select(ReportRow.source, func.max(ReportRow.version).label("version"))
              .group_by(ReportRow.source).subquery())
    query = (select(ReportRow.id)
             .join(newest, (ReportRow.source == newest.c.source) & (ReportRow.version == newest.c.version))
             .order_by(ReportRow.id))
    with Session(engine) as session:
        return list(session.scalars(query))


def load_report(engine: Engine, report_id: int, *, reviewed: bool = False) -> Report:
    """The stored report with its goals, metric rows, indicators, predictions and audits.

    With ``reviewed=True`` analysts' decisions are applied: a corrected status
    replaces the claim (the original is kept in ``goal.review``), a corrected
    figure its value (``reviewed="correct"``, the original in
    ``original_value``), an accepted one is marked ``reviewed="accept"``, and a
    rejected figure is left out.
    """
    with Session(engine) as session:
        row = session.get(ReportRow, report_id)
        if row is None:
            raise StoreError(f"No report with id {report_id} in the database; list them with: export.")
        statuses, figures = latest(session) if reviewed else ({}, {})
        goals = [_goal(goal_row, statuses.get(goal_row.id), figures if reviewed else None) for goal_row in row.goals]
        pages = (row.first_page, row.last_page) if row.first_page is not None else None
        return Report(source=row.source, sha256=row.sha256, date=row.date, year=row.year, department=row.department,
                      goals=goals, warnings=list(row.warnings or []), layout=row.layout, pages=pages)


def _goal(row: GoalRow, correction: CorrectionRow | None = None,
          figures: dict[int, CorrectionRow] | None = None) -> Goal:
    """The stored goal as a record; with ``figures`` (latest decisions by figure id) reviewed (:func:`load_report`)."""
    goal = Goal(**{name: getattr(row, name) for name in GOAL_COLUMNS}, summary=row.summary, page=row.page,
                department=row.department)
    goal.indicators = [_figure(i, figures.get(i.id)) if figures is not None else i.record() for i in row.indicators]
    goal.indicators = [i for i in goal.indicators if i is not None]
    if row.prediction:
        goal.prediction = Prediction(status=row.prediction.status, probabilities=dict(row.prediction.probabilities),
                                     model_version=row.prediction.model_version)
    if row.audit:
        goal.audit = Audit.from_dict({"verdict": row.audit.verdict, "flagged": row.audit.flagged,
                                      "flag": flag_kind(row.audit.verdict),
                                      "reasons": row.audit.reasons, "evidence_status": row.audit.evidence_status,
                                      "notes": row.audit.notes, "cited": row.audit.cited})
    goal.metrics = [Metric.from_dict({"name": m.name, "baseline": m.baseline, "target": m.target, "actual": m.actual,
                                      "status_label": m.status_label, "status": m.status, "page": m.page,
                                      "indicators": m.indicators, "audit": m.audit}) for m in row.metrics]
    if correction is not None:
        goal.review = Review(status=correction.new_value, original_status=goal.status, reviewer=correction.reviewer,
                             at=correction.created_at.isoformat())
        goal.status = current_status(row, correction)
    return goal


def _figure(row: IndicatorRow, decision: CorrectionRow | None) -> Indicator | None:
    """A stored figure with the latest decision applied; None when it was rejected."""
    figure = row.record()
    if decision is None:
        return figure
    if decision.action == "reject":
        return None
    if decision.action == "correct":
        return replace(figure, value=number_or_text(current_figure(row, decision)), original_value=figure.value,
                       reviewed="correct")
    return replace(figure, reviewed=decision.action)


def goal_texts(engine: Engine, goal_ref: int) -> Goal | None:
    """The stored goal as a record (for showing it with its figures), or None."""
    with Session(engine) as session:
        row = session.get(GoalRow, goal_ref)
        return None if row is None else _goal(row)


def labelled_goals(engine: Engine) -> list[tuple[Goal, str, str, int | None]]:
    """Every stored goal with a usable label: ``(goal, label, report sha256, year)``.

    An analyst's status correction overrides the report's own label.
    """
    out = []
    with Session(engine) as session:
        statuses, _ = latest(session)
        for report in session.scalars(select(ReportRow).order_by(ReportRow.id)):
            for row in report.goals:
                label = current_status(row, statuses.get(row.id))
                if label in LABELS:
                    out.append((_goal(row), label, report.sha256, report.year))
    return out


def reviewed_goals(engine: Engine) -> list[tuple[Goal, str, int | None]]:
    """The goals whose status an analyst corrected to a usable label: ``(goal, corrected status, report year)``."""
    with Session(engine) as session:
        statuses, _ = latest(session)
        rows = [(session.get(GoalRow, ref), correction) for ref, correction in statuses.items()]
        return [(_goal(row), current_status(row, correction), row.report.year) for row, correction in rows
                if current_status(row, correction) in LABELS]


def models(engine: Engine) -> list[tuple[str, Path]]:
    """The recorded model versions and their files, oldest first."""
    with Session(engine) as session:
        return [(row.version, Path(row.path)) for row in session.scalars(select(ModelRow).order_by(ModelRow.id))]


def review_queue(engine: Engine, *, report_id: int | None = None, flagged_only: bool = False) -> list[ReviewItem]:
    """Goals in review order: contradicted claims, then those that need a look, then the least certain predictions."""
    with Session(engine) as session:
        statuses, figures = latest(session)
        query = (select(GoalRow).join(ReportRow)
                 .options(selectinload(GoalRow.indicators), selectinload(GoalRow.prediction),
                          selectinload(GoalRow.audit), selectinload(GoalRow.report))
                 .order_by(ReportRow.id, GoalRow.position))
        if report_id is not None:
            query = query.where(GoalRow.report_id == report_id)
        items = [_item(row, statuses.get(row.id), figures) for row in session.scalars(query)]
    if flagged_only:
        items = [i for i in items if i.flagged]
    return sorted(items, key=lambda i: (_FLAG_ORDER.get(i.flag, 2), i.confidence if i.confidence is not None else 1.0))


_FLAG_ORDER = {"contradicted": 0, "needs_look": 1}


def _item(row: GoalRow, correction: CorrectionRow | None, figures: dict[int, CorrectionRow]) -> ReviewItem:
    goal = _goal(row)
    return ReviewItem(
        goal_ref=row.id, report=row.report.source, version=row.report.version, goal_id=goal.goal_id, goal=goal.goal,
        status_label=goal.status_label, claimed=goal.status,
        predicted=goal.prediction.status if goal.prediction else None,
        confidence=goal.prediction.confidence if goal.prediction else None,
        verdict=goal.audit.verdict if goal.audit else None, flagged=goal.flagged,
        flag=goal.audit.flag if goal.flagged else None,
        reasons=list(goal.audit.reasons) if goal.audit else [], summary=goal.summary,
        current_status=current_status(row, correction), reviewed=correction is not None,
        figures=[_review_figure(i, figures.get(i.id)) for i in row.indicators if i.kind in FIGURE_KINDS],
    )


def _review_figure(row: IndicatorRow, decision: CorrectionRow | None) -> ReviewFigure:
    return ReviewFigure(row.id, row.record(), value_text(row), current_figure(row, decision),
                        decision.action if decision else None, decision.reviewer if decision else None)
