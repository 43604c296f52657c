"""The database: reports, goals, indicators, predictions and audit results, with SQLAlchemy 2.

A SQLite file under ``data/`` by default, PostgreSQL (or any SQLAlchemy URL)
when one is given (see :func:`pipeline.config.database_url`).

- One transaction per report: :func:`store_report` writes a report and all its
  goals, indicators, predictions and audits, or nothing.
- A report is identified by its content (sha256): storing the same file again
  changes nothing, also when two runs race (the unique constraint decides).
- A new content under a known source name is stored as the next ``version``
  of that source, beside the old one.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    func,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from pipeline.errors import PipelineError, ReportError
from pipeline.records import GOAL_COLUMNS, Audit, Goal, Indicator, Prediction, Report, Review, flag_kind


class StoreError(PipelineError):
    """The database cannot be reached or used."""


class Base(DeclarativeBase):
    pass


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ReportRow(Base):
    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("source", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    version: Mapped[int] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(String(10))
    year: Mapped[int | None] = mapped_column(Integer)
    department: Mapped[str | None] = mapped_column(String(500))
    n_goals: Mapped[int] = mapped_column(Integer)
    model_version: Mapped[str | None] = mapped_column(String(100))
    warnings: Mapped[list] = mapped_column(JSON, default=list)
    stored_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    goals: Mapped[list[GoalRow]] = relationship(back_populates="report", cascade="all, delete-orphan",
                                                order_by="GoalRow.position")


class GoalRow(Base):
    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    goal_id: Mapped[str | None] = mapped_column(String(50))
    theme: Mapped[str | None] = mapped_column(Text)
    strategic_goal: Mapped[str | None] = mapped_column(Text)
    goal: Mapped[str | None] = mapped_column(Text)
    metric: Mapped[str | None] = mapped_column(Text)
    baseline: Mapped[str | None] = mapped_column(Text)
    target: Mapped[str | None] = mapped_column(Text)
    responsible: Mapped[str | None] = mapped_column(Text)
    measures: Mapped[str | None] = mapped_column(Text)
    metric_status: Mapped[str | None] = mapped_column(Text)
    status_label: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str | None] = mapped_column(String(20))
    summary: Mapped[str | None] = mapped_column(Text)
    report: Mapped[ReportRow] = relationship(back_populates="goals")
    indicators: Mapped[list[IndicatorRow]] = relationship(cascade="all, delete-orphan",
                                                          order_by="IndicatorRow.position")
    prediction: Mapped[PredictionRow | None] = relationship(cascade="all, delete-orphan")
    audit: Mapped[AuditRow | None] = relationship(cascade="all, delete-orphan")


class IndicatorRow(Base):
    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_ref: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(30))
    kind: Mapped[str] = mapped_column(String(20))
    value_number: Mapped[float | None] = mapped_column(Float)
    value_text: Mapped[str | None] = mapped_column(String(50))
    unit: Mapped[str | None] = mapped_column(String(200))
    qualifier: Mapped[str | None] = mapped_column(String(20))
    direction: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str | None] = mapped_column(Text)

    @property
    def value(self) -> float | int | str | None:
        """The value as extracted: a number (an int when whole) or an ISO 8601 date."""
        if self.value_number is not None:
            return int(self.value_number) if float(self.value_number).is_integer() else self.value_number
        return self.value_text

    def record(self) -> Indicator:
        """The stored figure as extracted."""
        return Indicator(field=self.field, kind=self.kind, value=self.value, unit=self.unit, qualifier=self.qualifier,
                         direction=self.direction, text=self.text, start=self.start, end=self.end,
                         sentence=self.sentence)


class PredictionRow(Base):
    __tablename__ = "predictions"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_ref: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(20))
    probabilities: Mapped[dict] = mapped_column(JSON)
    model_version: Mapped[str] = mapped_column(String(100))


class AuditRow(Base):
    __tablename__ = "audits"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_ref: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), unique=True)
    verdict: Mapped[str] = mapped_column(String(30))
    flagged: Mapped[bool] = mapped_column(Boolean)
    reasons: Mapped[list] = mapped_column(JSON)
    evidence_status: Mapped[str | None] = mapped_column(String(20))
    notes: Mapped[list] = mapped_column(JSON, default=list)
    cited: Mapped[list] = mapped_column(JSON, default=list)


class CorrectionRow(Base):
    """One analyst decision, never changed afterwards: the trail of a goal's status or a figure.

    ``target`` is ``status`` (``new_value`` a status) or ``figure`` (``action``
    ``accept``, ``correct`` with ``new_value`` the corrected value, or
    ``reject``). The current value is the original plus the latest decision.
    """

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_ref: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    indicator_ref: Mapped[int | None] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    target: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(20))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(String(200))
    comment: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20), default="web")  # "web" or "workbook"
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class FailureRow(Base):
    """A file that could not be processed, with its error and where it was moved."""

    __tablename__ = "failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    error: Mapped[str] = mapped_column(Text)
    quarantined_to: Mapped[str | None] = mapped_column(Text)
    failed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class ModelRow(Base):
    """A trained model version; predictions name it in ``model_version``."""

    __tablename__ = "models"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[str] = mapped_column(String(100), unique=True)
    path: Mapped[str] = mapped_column(Text)
    card: Mapped[dict] = mapped_column(JSON)
    trained_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


# --- engines --------------------------------------------------------------------------------------

_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def engine_for(url: str) -> Engine:
    """An engine for ``url`` with the tables created; one per URL and process."""
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = _create(url)
    return engine


def _create(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if str(path) != ":memory:" and not str(path).startswith("file:"):  # file:...?mode=ro&uri=true is a URI
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection, _record):  # pragma: no cover - exercised by every SQLite test
            cursor = connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except Exception as exc:  # an unknown dialect or a missing driver
            raise StoreError(f"Cannot use the database URL {_safe(url)!r}: {exc}. Expected an SQLAlchemy URL "
                             "such as sqlite:///data/pipeline.sqlite or postgresql+psycopg://user@host/db.") from exc
    try:
        Base.metadata.create_all(engine)
    except OperationalError as exc:
        raise StoreError(f"Cannot reach the database {_safe(url)!r}: {exc.orig}. Check the URL (--db or "
                         "PIPELINE_DATABASE_URL) and that the server is running.") from exc
    return engine


def _safe(url: str) -> str:
    """The URL without its password."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


# --- writing ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoreResult:
    stored: bool  # False when this content was already in the database
    report_id: int
    version: int


def has_report(engine: Engine, sha256: str) -> bool:
    with Session(engine) as session:
        return session.scalar(select(ReportRow.id).where(ReportRow.sha256 == sha256)) is not None


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


def find_report(engine: Engine, sha256: str) -> tuple[int, str] | None:
    """``(report id, source)`` of the stored report with this content hash, or None."""
    with Session(engine) as session:
        row = session.execute(select(ReportRow.id, ReportRow.source).where(ReportRow.sha256 == sha256)).first()
    return (row.id, row.source) if row else None


def check_database(url: str) -> Engine:
    """The engine for ``url`` once it is known to open, read and take writes; else a one-line :class:`StoreError`.

    The write check deletes nothing: a delete that matches no row still opens
    a write transaction, which a read-only SQLite file ("attempt to write a
    readonly database") or PostgreSQL server refuses.
    """
    engine = engine_for(url)
    try:
        with engine.begin() as connection:
            connection.execute(select(FailureRow.id).limit(1))
            connection.execute(delete(FailureRow).where(FailureRow.id < 0))
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise StoreError(f"Cannot write to the database {_safe(url)!r} ({detail}); no file was touched. Check the "
                         "URL (--db or PIPELINE_DATABASE_URL), its permissions and the server.") from exc
    return engine


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
    row = ReportRow(source=report.source, sha256=report.sha256, version=version, date=report.date, year=report.year,
                    department=report.department, n_goals=report.n_goals, model_version=model_version,
                    warnings=list(report.warnings))
    for position, goal in enumerate(report.goals):
        goal_row = GoalRow(position=position, summary=goal.summary,
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
            audit = goal.audit.to_dict()
            goal_row.audit = AuditRow(verdict=audit["verdict"], flagged=audit["flagged"], reasons=audit["reasons"],
                                      evidence_status=audit["evidence_status"], notes=audit["notes"],
                                      cited=audit["cited"])
        row.goals.append(goal_row)
    return row


def record_failure(engine: Engine, source: str, sha256: str | None, error: str,
                   quarantined_to: str | None) -> None:
    with Session(engine) as session, session.begin():
        session.add(FailureRow(source=source, sha256=sha256, error=error, quarantined_to=quarantined_to))


def failed_hashes(engine: Engine) -> set[str]:
    with Session(engine) as session:
        return {h for h in session.scalars(select(FailureRow.sha256)) if h}


def record_model(engine: Engine, version: str, path: str, card: dict[str, Any]) -> None:
    with Session(engine) as session, session.begin():
        if session.scalar(select(ModelRow.id).where(ModelRow.version == version)) is None:
            session.add(ModelRow(version=version, path=path, card=card))


# --- reading ------------------------------------------------------------------------------------------


def load_report(engine: Engine, report_id: int, *, reviewed: bool = False) -> Report:
    """The stored report with its goals, indicators, predictions and audits.

    With ``reviewed=True`` analysts' corrections are applied: a corrected
    status replaces the claim (the original is kept in ``goal.review``), a
    corrected figure its value, a rejected figure is left out, and reviewed
    figures carry ``"reviewed": "accept" | "correct"``.
    """
    with Session(engine) as session:
        row = session.get(ReportRow, report_id)
        if row is None:
            raise StoreError(f"No report with id {report_id} in the database; list them with: export.")
        report = _to_report(row)
        if reviewed:
            _apply_reviews(session, row, report)
        return report


def latest_report_ids(engine: Engine) -> list[int]:
    """Ids of the newest stored version of every report source, oldest source first."""
    newest = (select(ReportRow.source, func.max(ReportRow.version).label("version"))
              .group_by(ReportRow.source).subquery())
    query = (select(ReportRow.id)
             .join(newest, (ReportRow.source == newest.c.source) & (ReportRow.version == newest.c.version))
             .order_by(ReportRow.id))
    with Session(engine) as session:
        return list(session.scalars(query))


def _apply_reviews(session: Session, row: ReportRow, report: Report) -> None:
    statuses = current_statuses(session)
    figures = current_figures(session)
    for goal_row, goal in zip(row.goals, report.goals, strict=True):
        correction = statuses.get(goal_row.id)
        if correction is not None:
            goal.review = Review(status=correction.new_value, original_status=goal.status,
                                 reviewer=correction.reviewer, at=correction.created_at.isoformat())
            goal.status = correction.new_value
        kept = []
        for indicator_row, item in zip(goal_row.indicators, goal.indicators, strict=True):
            decision = figures.get(indicator_row.id)
            if decision is None:
                kept.append(item)
            elif decision.action == "correct":
                kept.append(replace(item, value=_number_or_text(decision.new_value), original_value=item.value,
                                    reviewed="correct"))
            elif decision.action != "reject":
                kept.append(replace(item, reviewed=decision.action))
        goal.indicators = kept


def _number_or_text(value: str | None) -> Any:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    return int(number) if number.is_integer() else number


def _to_report(row: ReportRow) -> Report:
    goals = []
    for goal_row in row.goals:
        goal = Goal(**{name: getattr(goal_row, name) for name in GOAL_COLUMNS}, summary=goal_row.summary)
        goal.indicators = [i.record() for i in goal_row.indicators]
        if goal_row.prediction:
            goal.prediction = Prediction(status=goal_row.prediction.status,
                                         probabilities=dict(goal_row.prediction.probabilities or {}),
                                         model_version=goal_row.prediction.model_version)
        if goal_row.audit:
            goal.audit = Audit.from_dict({"verdict": goal_row.audit.verdict, "flagged": goal_row.audit.flagged,
                                          "flag": flag_kind(goal_row.audit.verdict),
                                          "reasons": goal_row.audit.reasons,
                                          "evidence_status": goal_row.audit.evidence_status,
                                          "notes": goal_row.audit.notes, "cited": goal_row.audit.cited})
        goals.append(goal)
    return Report(source=row.source, sha256=row.sha256, date=row.date, year=row.year, department=row.department,
                  goals=goals, warnings=list(row.warnings or []))


def export_tables(engine: Engine) -> dict[str, pd.DataFrame]:
    """``goals``, ``indicators`` and ``audits`` as frames with the report's source and version on every row."""
    report_cols = [ReportRow.source, ReportRow.version, ReportRow.sha256.label("report_sha256"),
                   ReportRow.year.label("report_year")]
    goals = (select(GoalRow.id.label("goal_ref"), *report_cols,
                    *[getattr(GoalRow, name) for name in GOAL_COLUMNS], GoalRow.summary,
                    PredictionRow.status.label("predicted_status"), PredictionRow.model_version,
                    AuditRow.verdict, AuditRow.flagged)
             .join(ReportRow, GoalRow.report_id == ReportRow.id)
             .outerjoin(PredictionRow, PredictionRow.goal_ref == GoalRow.id)
             .outerjoin(AuditRow, AuditRow.goal_ref == GoalRow.id)
             .order_by(ReportRow.id, GoalRow.position))
    indicators = (select(IndicatorRow.id.label("indicator_ref"), GoalRow.id.label("goal_ref"), *report_cols,
                         GoalRow.goal_id, IndicatorRow.field, IndicatorRow.kind, IndicatorRow.value_number,
                         IndicatorRow.value_text, IndicatorRow.unit, IndicatorRow.qualifier, IndicatorRow.direction,
                         IndicatorRow.text, IndicatorRow.start, IndicatorRow.end, IndicatorRow.sentence)
                  .join(GoalRow, IndicatorRow.goal_ref == GoalRow.id)
                  .join(ReportRow, GoalRow.report_id == ReportRow.id)
                  .order_by(ReportRow.id, GoalRow.position, IndicatorRow.position))
    audits = (select(AuditRow.id.label("audit_ref"), GoalRow.id.label("goal_ref"), *report_cols, GoalRow.goal_id,
                     GoalRow.status.label("claimed_status"), AuditRow.verdict, AuditRow.flagged,
                     AuditRow.evidence_status, AuditRow.reasons, AuditRow.notes)
              .join(GoalRow, AuditRow.goal_ref == GoalRow.id)
              .join(ReportRow, GoalRow.report_id == ReportRow.id)
              .order_by(ReportRow.id, GoalRow.position))
    with engine.connect() as connection:
        frames = {name: pd.read_sql(query, connection)
                  for name, query in (("goals", goals), ("indicators", indicators), ("audits", audits))}
    with Session(engine) as session:
        statuses = current_statuses(session)
        decisions = current_figures(session)
    goals_frame, figures_frame = frames["goals"], frames["indicators"]
    goals_frame["current_status"] = [statuses[r].new_value if r in statuses else s
                                     for r, s in zip(goals_frame["goal_ref"], goals_frame["status"], strict=True)]
    goals_frame["reviewed"] = goals_frame["goal_ref"].isin(list(statuses))
    figures_frame["review"] = [decisions[r].action if r in decisions else None for r in figures_frame["indicator_ref"]]
    figures_frame["corrected_value"] = [decisions[r].new_value if r in decisions and decisions[r].action == "correct"
                                        else None for r in figures_frame["indicator_ref"]]
    for frame in (goals_frame, frames["audits"]):
        # The two kinds of flag apart: "contradicted" (inconsistent) and "needs_look" (insufficient evidence).
        frame["flag"] = [flag_kind(v) if f else None for v, f in zip(frame["verdict"], frame["flagged"], strict=True)]
    for column in ("reasons", "notes"):
        # Lists of Finnish sentences, one per line, for CSV and Excel readers.
        frames["audits"][column] = frames["audits"][column].map(
            lambda v: "\n".join(v) if isinstance(v, list) else v)
    return frames


def lock_for_corrections(session: Session, goal_refs: set[int], indicator_refs: set[int]) -> None:
    """Serialise corrections: call first in the transaction that reads current values and writes new rows.

    PostgreSQL locks the goals' and figures' rows (``SELECT ... FOR UPDATE``,
    in id order so two transactions cannot deadlock); a concurrent correction
    of the same goal or figure waits and then reads this one's row. SQLite
    locks whole files only: ``BEGIN IMMEDIATE`` takes the write lock before
    the first read, so the values read are still current when the rows are
    written (a deferred transaction would read an old snapshot and then fail
    or, worse, write an ``old_value`` that is no longer the latest).
    """
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        return
    if goal_refs:
        session.execute(select(GoalRow.id).where(GoalRow.id.in_(sorted(goal_refs))).order_by(GoalRow.id)
                        .with_for_update())
    if indicator_refs:
        session.execute(select(IndicatorRow.id).where(IndicatorRow.id.in_(sorted(indicator_refs)))
                        .order_by(IndicatorRow.id).with_for_update())


def current_statuses(session: Session) -> dict[int, CorrectionRow]:
    """The latest status correction of each corrected goal, by goal row id."""
    return _latest(session, "status", "goal_ref")


def current_figures(session: Session) -> dict[int, CorrectionRow]:
    """The latest decision on each reviewed figure, by indicator row id."""
    return _latest(session, "figure", "indicator_ref")


def _latest(session: Session, target: str, key: str) -> dict[int, CorrectionRow]:
    rows = session.scalars(select(CorrectionRow).where(CorrectionRow.target == target).order_by(CorrectionRow.id))
    return {getattr(row, key): row for row in rows}  # later rows replace earlier ones


def labelled_goals(engine: Engine) -> list[tuple[Goal, str, str, int | None]]:
    """Every stored goal with a usable label: ``(goal, label, report sha256, year)``.

    An analyst's status correction overrides the report's own label.
    """
    out = []
    with Session(engine) as session:
        corrected = current_statuses(session)
        for report in session.scalars(select(ReportRow).order_by(ReportRow.id)):
            for row in report.goals:
                label = corrected[row.id].new_value if row.id in corrected else row.status
                if label in ("full", "partial", "none"):
                    goal = Goal(**{name: getattr(row, name) for name in GOAL_COLUMNS})
                    out.append((goal, label, report.sha256, report.year))
    return out
