"""The schema of release 678ec42 (the last one without migrations), also from any earlier release.

Revision ID: 0001
Revises:
Create Date: 2026-11-28

Releases before migrations created their tables with ``create_all``, which
adds missing tables but never missing columns. This revision therefore
creates whatever table is missing (all of them in a new database) and adds
the one column earlier releases lacked (``audits.cited``); it changes no row.
The tables are written out here as they were, not imported from the current
schema, so later changes to :mod:`pipeline.store.schema` cannot change what
this revision does.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

meta = sa.MetaData()
sa.Table(
    "reports", meta,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source", sa.String(500), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("date", sa.String(10)),
    sa.Column("year", sa.Integer),
    sa.Column("department", sa.String(500)),
    sa.Column("n_goals", sa.Integer, nullable=False),
    sa.Column("model_version", sa.String(100)),
    sa.Column("warnings", sa.JSON, nullable=False),
    sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("source", "version"),
)
sa.Table(
    "goals", meta,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("goal_id", sa.String(50)),
    *(sa.Column(name, sa.Text) for name in ("theme", "strategic_goal", "goal", "metric", "baseline", "target",
                                            "responsible", "measures", "metric_status")),
    sa.Column("status_label", sa.String(200)),
    sa.Column("status", sa.String(20)),
    sa.Column("summary", sa.Text),
)
sa.Table(
    "indicators", meta,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("goal_ref", sa.Integer, sa.ForeignKey("goals.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("field", sa.String(30), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("value_number", sa.Float),
    sa.Column("value_text", sa.String(50)),
    sa.Column("unit", sa.String(200)),
    sa.Column("qualifier", sa.String(20)),
    sa.Column("direction", sa.String(20)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("sentence", sa.Text),
)


def _one_per_goal(name: str, *columns: sa.Column) -> sa.Table:
    """A table with at most one row per goal (a prediction, an audit)."""
    return sa.Table(name, meta, sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("goal_ref", sa.Integer, sa.ForeignKey("goals.id", ondelete="CASCADE"), nullable=False,
                              unique=True), *columns)


_one_per_goal(
    "predictions",
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("probabilities", sa.JSON, nullable=False),
    sa.Column("model_version", sa.String(100), nullable=False),
)
_one_per_goal(
    "audits",
    sa.Column("verdict", sa.String(30), nullable=False),
    sa.Column("flagged", sa.Boolean, nullable=False),
    sa.Column("reasons", sa.JSON, nullable=False),
    sa.Column("evidence_status", sa.String(20)),
    sa.Column("notes", sa.JSON, nullable=False),
    sa.Column("cited", sa.JSON, nullable=False),
)
sa.Table(
    "corrections", meta,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("goal_ref", sa.Integer, sa.ForeignKey("goals.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("indicator_ref", sa.Integer, sa.ForeignKey("indicators.id", ondelete="CASCADE"), index=True),
    sa.Column("target", sa.String(20), nullable=False),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("old_value", sa.Text),
    sa.Column("new_value", sa.Text),
    sa.Column("reviewer", sa.String(200), nullable=False),
    sa.Column("comment", sa.Text),
    sa.Column("source", sa.String(20), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
sa.Table(
    "failures", meta,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source", sa.String(500), nullable=False),
    sa.Column("sha256", sa.String(64), index=True),
    sa.Column("error", sa.Text, nullable=False),
    sa.Column("quarantined_to", sa.Text),
    sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
)
sa.Table(
    "models", meta,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("version", sa.String(100), nullable=False, unique=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("card", sa.JSON, nullable=False),
    sa.Column("trained_at", sa.DateTime(timezone=True), nullable=False),
)


def upgrade() -> None:
    bind = op.get_bind()
    had_audits = sa.inspect(bind).has_table("audits")
    meta.create_all(bind, checkfirst=True)
    if had_audits and "cited" not in {c["name"] for c in sa.inspect(bind).get_columns("audits")}:
        # Releases before the digest's highlighting (474a964) kept no cited figures.
        op.add_column("audits", sa.Column("cited", sa.JSON, nullable=True))
