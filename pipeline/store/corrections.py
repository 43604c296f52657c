"""Analysts' decisions: the one rule for current values, storing decisions, and their trail.

Every decision is a new row in ``corrections`` (reviewer, time, old and new
value); nothing is overwritten. The current status of a goal and the current
value of a figure are the original plus the latest decision
(:func:`current_value`); everything that shows or uses a current value
(reading a report back, exports, the review queue, training) asks this module.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from pipeline.errors import ReviewError
from pipeline.records import STATUSES, Correction, Decision
from pipeline.store.schema import CorrectionRow, GoalRow, IndicatorRow

#: Dates a corrected date figure may be: ``2021-08-01``, ``2021-08``, ``2021``, ``2021-01-01/2021-12-31``.
ISO_DATE = re.compile(r"^(--\d{2}|\d{4}(-\d{2}(-\d{2})?)?)(/\d{4}(-\d{2}(-\d{2})?)?)?$")


def current_value(original: str | None, action: str | None, new_value: str | None) -> str | None:
    """The one rule: a status or a figure's value (as text) after the latest decision on it.

    No decision (``action`` None) keeps the original; ``set_status`` and
    ``correct`` give the new value; ``accept`` keeps the original; ``reject``
    leaves no value.
    """
    if action is None or action == "accept":
        return original
    if action == "reject":
        return None
    return new_value


def latest(session: Session) -> tuple[dict[int, CorrectionRow], dict[int, CorrectionRow]]:
    """The latest decision on each corrected goal status (by goal row id) and on each reviewed figure (by id)."""
    statuses: dict[int, CorrectionRow] = {}
    figures: dict[int, CorrectionRow] = {}
    for row in session.scalars(select(CorrectionRow).order_by(CorrectionRow.id)):  # later rows replace earlier
        if row.target == "status":
            statuses[row.goal_ref] = row
        else:
            figures[row.indicator_ref] = row
    return statuses, figures


def current_status(row: GoalRow, correction: CorrectionRow | None) -> str | None:
    return current_value(row.status, correction.action if correction else None,
                         correction.new_value if correction else None)


def current_figure(row: IndicatorRow, decision: CorrectionRow | None) -> str | None:
    return current_value(value_text(row), decision.action if decision else None,
                         decision.new_value if decision else None)


def value_text(row: IndicatorRow) -> str | None:
    """A stored figure's value as the trail writes it: ``664``, ``28.4``, ``2021-08``."""
    return None if row.value is None else str(row.value)


def number_or_text(value: str | None) -> float | int | str | None:
    """A value from the trail as a figure's value: a number (an int when whole) or the text (a date)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    return int(number) if number.is_integer() else number


# --- checking and storing decisions -------------------------------------------------------------------


def check_value(kind: str, value: str | None) -> str | None:
    """Why ``value`` cannot be the corrected value of a figure of ``kind``, or None."""
    if value is None or not str(value).strip():
        return "a corrected value is missing"
    if kind == "date":
        return None if ISO_DATE.match(str(value).strip()) else (
            f"{value!r} is not a date; write it as 2021-08-01, 2021-08, 2021 or 2021-01-01/2021-12-31")
    if parse_number(value) is None:
        return f"{value!r} is not a number; write e.g. 2104 or 13,4"
    return None


def parse_number(value: object) -> float | None:
    """``13,4``, ``2 104``, ``13.4`` or a number cell as a float; None if it is not a finite number."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) if math.isfinite(value) else None
    text = str(value).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None  # "nan", "inf", "1e309" are no figure of a report


def _normal_value(kind: str, value: str | None) -> str | None:
    if value is None or kind == "date":
        return None if value is None else str(value).strip()
    number = parse_number(value)
    return str(int(number)) if number is not None and number.is_integer() else str(number)


def _validate(session: Session, decision: Decision) -> str | None:
    """Why ``decision`` cannot be stored, or None."""
    goal = session.get(GoalRow, decision.goal_ref)
    if goal is None:
        return f"unknown goal {decision.goal_ref}"
    if not decision.reviewer.strip():
        return "the reviewer's name is missing"
    limit = CorrectionRow.__table__.columns["reviewer"].type.length
    if len(decision.reviewer.strip()) > limit:  # PostgreSQL would refuse it with a 500, SQLite keep it
        return f"the reviewer's name is {len(decision.reviewer.strip())} characters; write at most {limit}"
    if decision.target == "status":
        if decision.new_value not in STATUSES:
            return f"status {decision.new_value!r} is not one of {', '.join(STATUSES)}"
        return None
    figure = session.get(IndicatorRow, decision.indicator_ref) if decision.indicator_ref else None
    if figure is None or figure.goal_ref != decision.goal_ref:
        return f"unknown figure {decision.indicator_ref} of goal {decision.goal_ref}"
    if decision.action not in ("accept", "correct", "reject"):
        return f"decision {decision.action!r} is not accept, correct or reject"
    if decision.action == "correct":
        return check_value(figure.kind, decision.new_value)
    return None


def record(engine: Engine, decisions: Iterable[Decision]) -> int:
    """Store ``decisions`` in one transaction; returns how many changed something.

    A decision that repeats the current state (the same status, the same
    figure decision) is not stored again, so importing a workbook twice
    changes nothing. Any invalid decision rejects them all (:class:`ReviewError`).
    """
    decisions = list(decisions)
    stored = 0
    with Session(engine) as session, session.begin():
        # Read the current values and write the new rows as one serialised step: two analysts (or
        # twenty requests) changing one goal at once must each see the other's row as the old value.
        _lock_for_corrections(session, {d.goal_ref for d in decisions},
                              {d.indicator_ref for d in decisions if d.indicator_ref})
        problems = [f"{d.where}: {problem}" if d.where else problem
                    for d in decisions if (problem := _validate(session, d))]
        if problems:
            raise ReviewError(problems, "the decisions")
        statuses, figures = latest(session)
        for decision in decisions:
            row = _correction(session, decision, statuses, figures)
            if row is None:
                continue
            session.add(row)
            session.flush()
            if decision.target == "status":
                statuses[decision.goal_ref] = row
            else:
                figures[decision.indicator_ref] = row
            stored += 1
    return stored


def _lock_for_corrections(session: Session, goal_refs: set[int], indicator_refs: set[int]) -> None:
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


def _correction(session: Session, decision: Decision, statuses: dict, figures: dict) -> CorrectionRow | None:
    now = dt.datetime.now(dt.UTC)
    if decision.target == "status":
        goal = session.get(GoalRow, decision.goal_ref)
        previous = statuses.get(goal.id)
        old = current_status(goal, previous)
        if previous is not None and old == decision.new_value:
            return None
        return CorrectionRow(goal_ref=goal.id, target="status", action="set_status", old_value=old,
                             new_value=decision.new_value, reviewer=decision.reviewer, comment=decision.comment,
                             source=decision.source, created_at=now)
    figure = session.get(IndicatorRow, decision.indicator_ref)
    previous = figures.get(figure.id)
    old = current_figure(figure, previous)
    new = current_value(value_text(figure), decision.action, _normal_value(figure.kind, decision.new_value))
    if previous is not None and previous.action == decision.action and old == new:
        return None
    return CorrectionRow(goal_ref=decision.goal_ref, indicator_ref=figure.id, target="figure",
                         action=decision.action, old_value=old, new_value=new, reviewer=decision.reviewer,
                         comment=decision.comment, source=decision.source, created_at=now)


def trail(engine: Engine, goal_ref: int | None = None) -> list[Correction]:
    """Every decision (of one goal), oldest first."""
    with Session(engine) as session:
        query = select(CorrectionRow).order_by(CorrectionRow.id)
        if goal_ref is not None:
            query = query.where(CorrectionRow.goal_ref == goal_ref)
        return [Correction(r.goal_ref, r.indicator_ref, r.target, r.action, r.old_value, r.new_value, r.reviewer,
                           r.comment, r.source, r.created_at.isoformat()) for r in session.scalars(query)]
