"""The database schema: one table class per table (SQLAlchemy 2 declarative).

Only :mod:`pipeline.store` uses these classes; everything else reads and
writes records through its functions. The schema changes only through a
migration in ``migrations/versions/`` (Alembic): a column added here is
added there too, and ``tests/store/test_migrations.py`` checks that the two
agree.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from pipeline.records import Indicator


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
    layout: Mapped[str | None] = mapped_column(String(50))  # since revision 0002
    first_page: Mapped[int | None] = mapped_column(Integer)  # since revision 0002
    last_page: Mapped[int | None] = mapped_column(Integer)  # since revision 0002
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
    page: Mapped[int | None] = mapped_column(Integer)  # since revision 0002
    department: Mapped[str | None] = mapped_column(Text)  # since revision 0002
    report: Mapped[ReportRow] = relationship(back_populates="goals")
    indicators: Mapped[list[IndicatorRow]] = relationship(cascade="all, delete-orphan",
                                                          order_by="IndicatorRow.position")
    prediction: Mapped[PredictionRow | None] = relationship(cascade="all, delete-orphan")
    audit: Mapped[AuditRow | None] = relationship(cascade="all, delete-orphan")
    metrics: Mapped[list[MetricRow]] = relationship(cascade="all, delete-orphan", order_by="MetricRow.position")


class MetricRow(Base):
    """A goal's metric row with its own status (since revision 0002); its figures and audit as documents."""

    __tablename__ = "metrics"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_ref: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str | None] = mapped_column(Text)
    baseline: Mapped[str | None] = mapped_column(Text)
    target: Mapped[str | None] = mapped_column(Text)
    actual: Mapped[str | None] = mapped_column(Text)
    status_label: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str | None] = mapped_column(String(20))
    page: Mapped[int | None] = mapped_column(Integer)
    indicators: Mapped[list] = mapped_column(JSON, default=list)
    audit: Mapped[dict | None] = mapped_column(JSON)


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
