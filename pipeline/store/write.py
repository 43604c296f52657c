"""Writing to the database: a report with everything found in it (one transaction), failures, model versions.

- One transaction per report: :func:`store_report` writes a report and all its
  goals, metric rows, indicators, predictions and audits, or nothing.
- A report is identified by its content (sha256): storing the same file again
  changes nothing, also when two runs race (the unique constraint decides).
- A new content under a known source name is stored as the next ``version``
  of that source, beside the old one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pipeline.errors import ReportError, StoreError
from pipeline.records import GOAL_COLUMNS, Report
from pipeline.store.schema import (
    AuditRow,
    FailureRow,
    GoalRow,
    IndicatorRow,
    MetricRow,
    ModelRow,
    PredictionRow,
    ReportRow,
)


@dataclass(frozen=True, slots=True)
class StoreResult:
    stored: bool  # False when this content was already in the database
    report_id: int
    version: int


def check_lengths(report: Report) -> None:
    """Refuse, as bad input, text longer than its column holds: PostgreSQL would refuse it, SQLite keep it.

    Checked before writing so that both databases behave alike and the file is
    quarantined with a message that names the field, not a driver error.
    """
    def check(table, name: str, value: object, where: str) -> None:
        limit = table.__table__.columns[name].type.length
        if isinstance(value, str) and limit and len(value) > limit:
            raise ReportError(report.source, f"{where}{name} is {len(value):,} characters ({value[:40]!r}...); "
                                             f"the database keeps up to {limit}. Is this cell the {name}?")

    for name in ("source", "department"):
        check(ReportRow, name, getattr(report, name), "the report's ")
    for goal in report.goals:
        for name in ("goal_id", "status_label", "department"):
            if name in GoalRow.__table__.columns:
                check(GoalRow, name, getattr(goal, name), f"goal {str(goal.goal_id)[:20]}: ")


def store_report(engine: Engine, report: Report, *, model_version: str | None = None) -> StoreResult:
    """Store ``report`` with everything found in it, in one transaction.

    Returns the existing row when the same content (sha256) is stored already.
    ``model_version`` defaults to the version its goals' predictions name.
    """
    model_version = model_version or next(
        (g.prediction.model_version for g in report.goals if g.prediction), None)
    if not report.sha256:
        raise StoreError(f"{report.source}: a report without a content hash cannot be stored; read it from a file.")
    check_lengths(report)
    try:
        with Session(engine) as session, session.begin():
            existing = session.scalars(select(ReportRow).where(ReportRow.sha256 == report.sha256)).first()
            if existing is not None:
                return StoreResult(False, existing.id, existing.version)
            latest = session.scalar(select(func.max(ReportRow.version)).where(ReportRow.source == report.source))
            row = _report_row(report, (latest or 0) + 1, model_version)
            session.add(row)
            session.flush()
            return StoreResult(True, row.id, row.version)
    except IntegrityError:
        # Another run stored the same content (or took the version number) first.
        with Session(engine) as session:
            existing = session.scalars(select(ReportRow).where(ReportRow.sha256 == report.sha256)).first()
        if existing is None:
            return store_report(engine, report, model_version=model_version)
        return StoreResult(False, existing.id, existing.version)


def _report_row(report: Report, version: int, model_version: str | None) -> ReportRow:
    first_page, last_page = report.pages or (None, None)
    row = ReportRow(source=report.source, sha256=report.sha256, version=version, date=report.date, year=report.year,
                    department=report.department, n_goals=report.n_goals, model_version=model_version,
                    warnings=list(report.warnings), layout=report.layout, first_page=first_page, last_page=last_page)
    for position, goal in enumerate(report.goals):
        goal_row = GoalRow(position=position, summary=goal.summary, page=goal.page, department=goal.department,
                           **{name: getattr(goal, name) for name in GOAL_COLUMNS})
        for index, item in enumerate(goal.indicators):
            value = item.value
            goal_row.indicators.append(IndicatorRow(
                position=index, field=item.field, kind=item.kind,
                value_number=float(value) if isinstance(value, int | float) else None,
                value_text=None if isinstance(value, int | float) else value,
                unit=item.unit, qualifier=item.qualifier, direction=item.direction,
                text=item.text, start=item.start, end=item.end, sentence=item.sentence,
            ))
        if goal.prediction:
            goal_row.prediction = PredictionRow(status=goal.prediction.status,
                                                probabilities=dict(goal.prediction.probabilities),
                                                model_version=goal.prediction.model_version or model_version
                                                or "unknown")
        if goal.audit:
            audit = goal.audit
            goal_row.audit = AuditRow(verdict=audit.verdict, flagged=audit.flagged, reasons=list(audit.reasons),
                                      evidence_status=audit.evidence_status, notes=list(audit.notes),
                                      cited=[c.to_dict() for c in audit.cited])
        for index, metric in enumerate(goal.metrics):
            goal_row.metrics.append(MetricRow(
                position=index, name=metric.name, baseline=metric.baseline, target=metric.target,
                actual=metric.actual, status_label=metric.status_label, status=metric.status, page=metric.page,
                indicators=[i.to_dict() for i in metric.indicators],
                audit=metric.audit.to_dict() if metric.audit else None))
        row.goals.append(goal_row)
    return row


def record_failure(engine: Engine, source: str, sha256: str | None, error: str,
                   quarantined_to: str | None) -> None:
    with Session(engine) as session, session.begin():
        session.add(FailureRow(source=source, sha256=sha256, error=error, quarantined_to=quarantined_to))


def record_model(engine: Engine, version: str, path: str, card: dict[str, Any]) -> None:
    with Session(engine) as session, session.begin():
        if session.scalar(select(ModelRow.id).where(ModelRow.version == version)) is None:
            session.add(ModelRow(version=version, path=path, card=card))
