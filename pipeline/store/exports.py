"""Exports: goals, indicators and audits as tables, with analysts' decisions beside the originals."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from pipeline.records import GOAL_COLUMNS, flag_kind
from pipeline.store.corrections import current_value, latest
from pipeline.store.schema import AuditRow, GoalRow, IndicatorRow, PredictionRow, ReportRow


def export_tables(engine: Engine) -> dict[str, pd.DataFrame]:
    """``goals``, ``indicators`` and ``audits`` as frames with the report's source and version on every row.

    ``goals`` adds ``current_status`` (the claim after the latest status
    decision) and ``reviewed``; ``indicators`` adds ``review`` (the latest
    decision) and ``corrected_value`` (the analyst's value of a corrected figure).
    """
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
        statuses, decisions = latest(session)
    goals_frame, figures_frame = frames["goals"], frames["indicators"]
    goals_frame["current_status"] = [
        current_value(status, statuses[ref].action, statuses[ref].new_value) if ref in statuses else status
        for ref, status in zip(goals_frame["goal_ref"], goals_frame["status"], strict=True)]
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
