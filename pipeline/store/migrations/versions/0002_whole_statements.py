"""Whole financial statements: a goal's page and department, its metric rows; a report's layout and pages.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

Adds nullable columns and a new table only: every stored row stays as it was.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reports", sa.Column("layout", sa.String(50)))
    op.add_column("reports", sa.Column("first_page", sa.Integer))
    op.add_column("reports", sa.Column("last_page", sa.Integer))
    op.add_column("goals", sa.Column("page", sa.Integer))
    op.add_column("goals", sa.Column("department", sa.Text))
    op.create_table(
        "metrics",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("goal_ref", sa.Integer, sa.ForeignKey("goals.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("baseline", sa.Text),
        sa.Column("target", sa.Text),
        sa.Column("actual", sa.Text),
        sa.Column("status_label", sa.String(200)),
        sa.Column("status", sa.String(20)),
        sa.Column("page", sa.Integer),
        sa.Column("indicators", sa.JSON, nullable=False),
        sa.Column("audit", sa.JSON),
    )
    op.create_index("ix_metrics_goal_ref", "metrics", ["goal_ref"])
