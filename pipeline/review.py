"""Analyst review: the work queue, the review workbook round trip, corrections and their trail.

Every decision is a new row in ``corrections`` (reviewer, time, old and new
value); nothing is overwritten. The current status of a goal and the current
value of a figure are the original plus the latest decision.

The workbook (``review export``) has a sheet of goals and a sheet of figures
in the order an analyst should work: flagged claims first, then the least
certain predictions. Its last columns are for the analyst; ``review import``
checks every row first and stores all decisions in one transaction, or none.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from pipeline.cells import neutralise, restore
from pipeline.errors import PipelineError
from pipeline.lang_fi.flags import FLAG_NAMES_FI
from pipeline.records import FIGURE_KINDS, STATUSES, Goal, Indicator, flag_kind
from pipeline.status import normalise_status
from pipeline.store import (
    CorrectionRow,
    GoalRow,
    IndicatorRow,
    ReportRow,
    current_figures,
    current_statuses,
    lock_for_corrections,
)

GOAL_SHEET = "Tavoitteet"
FIGURE_SHEET = "Luvut"
#: Columns of the goal sheet; the last three are the analyst's.
GOAL_HEADERS = ("tunniste", "raportti", "versio", "tavoite", "tavoitteen teksti", "ilmoitettu tila", "ennustettu",
                "varmuus", "arvio", "merkintä", "perustelut", "tiivistelmä", "nykyinen tila",
                "korjattu tila", "kommentti", "tarkastaja")
FIGURE_HEADERS = ("luvun tunniste", "tunniste", "tavoite", "kenttä", "laji", "arvo", "yksikkö", "tarkenne",
                  "lähdeteksti", "nykyinen arvo",
                  "päätös", "korjattu arvo", "kommentti", "tarkastaja")
#: Columns written for the analyst to read only; a workbook exported before they existed still imports.
INFORMATIVE_HEADERS = ("merkintä",)
#: Decisions on a figure, in Finnish and English.
FIGURE_ACTIONS = {"hyväksy": "accept", "accept": "accept", "korjaa": "correct", "correct": "correct",
                  "hylkää": "reject", "reject": "reject"}
ISO_DATE = re.compile(r"^(--\d{2}|\d{4}(-\d{2}(-\d{2})?)?)(/\d{4}(-\d{2}(-\d{2})?)?)?$")


class ReviewError(PipelineError):
    """A review workbook or decision that cannot be stored; lists every bad row."""

    def __init__(self, problems: list[str], source: str = "the workbook") -> None:
        self.problems = problems
        super().__init__(f"{source}: nothing was imported; fix these and import again:\n  " + "\n  ".join(problems))


@dataclass(slots=True)
class Decision:
    """One analyst decision before it is stored."""

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
class QueueItem:
    """A goal as the review list shows it."""

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
    #: ``contradicted`` or ``needs_look`` (see :data:`pipeline.records.FLAG_KINDS`), None when not flagged.
    flag: str | None
    reasons: list[str]
    summary: str | None
    current_status: str | None
    reviewed: bool
    figures: list[ReviewFigure] = field(default_factory=list)


@dataclass(slots=True)
class ReviewFigure:
    """A stored figure as the review shows it: the indicator, its value as text now and after the latest decision."""

    indicator_ref: int
    indicator: Indicator
    value: str | None  # as extracted
    current: str | None  # after the latest decision; None when rejected
    decision: str | None = None  # "accept", "correct" or "reject"
    reviewer: str | None = None


# --- the queue ------------------------------------------------------------------------------------


def review_queue(engine: Engine, *, report_id: int | None = None, flagged_only: bool = False) -> list[QueueItem]:
    """Goals in review order: contradicted claims, then those that need a look, then the least certain predictions."""
    with Session(engine) as session:
        statuses = current_statuses(session)
        figures = current_figures(session)
        query = (select(GoalRow).join(ReportRow)
                 .options(selectinload(GoalRow.indicators), selectinload(GoalRow.prediction),
                          selectinload(GoalRow.audit), selectinload(GoalRow.report))
                 .order_by(ReportRow.id, GoalRow.position))
        if report_id is not None:
            query = query.where(GoalRow.report_id == report_id)
        items = [_item(row, statuses, figures) for row in session.scalars(query)]
    if flagged_only:
        items = [i for i in items if i.flagged]
    return sorted(items, key=lambda i: (_FLAG_ORDER.get(i.flag, 2), i.confidence if i.confidence is not None else 1.0))


_FLAG_ORDER = {"contradicted": 0, "needs_look": 1}


def flag_counts(items: list[QueueItem]) -> dict[str, int]:
    """How many items carry each kind of flag: ``{"contradicted": n, "needs_look": m}``."""
    return {kind: sum(i.flag == kind for i in items) for kind in _FLAG_ORDER}


def _item(row: GoalRow, statuses: dict, figures: dict) -> QueueItem:
    probabilities = row.prediction.probabilities if row.prediction else {}
    correction = statuses.get(row.id)
    return QueueItem(
        goal_ref=row.id, report=row.report.source, version=row.report.version, goal_id=row.goal_id, goal=row.goal,
        status_label=row.status_label, claimed=row.status,
        predicted=row.prediction.status if row.prediction else None,
        confidence=max(probabilities.values()) if probabilities else None,
        verdict=row.audit.verdict if row.audit else None, flagged=bool(row.audit and row.audit.flagged),
        flag=flag_kind(row.audit.verdict) if row.audit and row.audit.flagged else None,
        reasons=list(row.audit.reasons) if row.audit else [], summary=row.summary,
        current_status=correction.new_value if correction else row.status, reviewed=correction is not None,
        figures=[_figure(i, figures.get(i.id)) for i in row.indicators if i.kind in FIGURE_KINDS],
    )


def _figure(row: IndicatorRow, decision: CorrectionRow | None) -> ReviewFigure:
    value = _value_text(row)
    current = value
    if decision is not None:
        current = {"accept": value, "correct": decision.new_value, "reject": None}[decision.action]
    return ReviewFigure(row.id, row.record(), value, current, decision.action if decision else None,
                        decision.reviewer if decision else None)


def _value_text(row: IndicatorRow) -> str | None:
    return None if row.value is None else str(row.value)


def goal_texts(engine: Engine, goal_ref: int) -> Goal | None:
    """The stored goal's text fields (for showing it with its figures)."""
    from pipeline.records import GOAL_COLUMNS

    with Session(engine) as session:
        row = session.get(GoalRow, goal_ref)
        return None if row is None else Goal(**{name: getattr(row, name) for name in GOAL_COLUMNS})


# --- storing decisions ------------------------------------------------------------------------------


def validate(session: Session, decision: Decision) -> str | None:
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
        return _check_value(figure.kind, decision.new_value)
    return None


def _check_value(kind: str, value: str | None) -> str | None:
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


def record(engine: Engine, decisions: Iterable[Decision]) -> int:
    """Store ``decisions`` in one transaction; returns how many changed something.

    A decision that repeats the current state (the same status, the same
    figure decision) is not stored again, so importing a workbook twice
    changes nothing. Any invalid decision rejects them all.
    """
    decisions = list(decisions)
    stored = 0
    with Session(engine) as session, session.begin():
        # Read the current values and write the new rows as one serialised step: two analysts (or
        # twenty requests) changing one goal at once must each see the other's row as the old value.
        lock_for_corrections(session, {d.goal_ref for d in decisions},
                             {d.indicator_ref for d in decisions if d.indicator_ref})
        problems = [f"{d.where}: {problem}" if d.where else problem
                    for d in decisions if (problem := validate(session, d))]
        if problems:
            raise ReviewError(problems, "the decisions")
        statuses = current_statuses(session)
        figures = current_figures(session)
        for decision in decisions:
            row = _correction(session, decision, statuses, figures)
            if row is None:
                continue
            session.add(row)
            session.flush()
            (statuses if decision.target == "status" else figures)[
                decision.goal_ref if decision.target == "status" else decision.indicator_ref] = row
            stored += 1
    return stored


def _correction(session: Session, decision: Decision, statuses: dict, figures: dict) -> CorrectionRow | None:
    now = dt.datetime.now(dt.UTC)
    if decision.target == "status":
        goal = session.get(GoalRow, decision.goal_ref)
        previous = statuses.get(goal.id)
        old = previous.new_value if previous else goal.status
        if previous is not None and old == decision.new_value:
            return None
        return CorrectionRow(goal_ref=goal.id, target="status", action="set_status", old_value=old,
                             new_value=decision.new_value, reviewer=decision.reviewer, comment=decision.comment,
                             source=decision.source, created_at=now)
    figure = session.get(IndicatorRow, decision.indicator_ref)
    previous = figures.get(figure.id)
    original = _value_text(figure)
    old = original if previous is None else {"accept": original, "correct": previous.new_value,
                                             "reject": None}[previous.action]
    new = {"accept": original, "correct": _normal_value(figure.kind, decision.new_value), "reject": None}[
        decision.action]
    if previous is not None and previous.action == decision.action and old == new:
        return None
    return CorrectionRow(goal_ref=decision.goal_ref, indicator_ref=figure.id, target="figure",
                         action=decision.action, old_value=old, new_value=new, reviewer=decision.reviewer,
                         comment=decision.comment, source=decision.source, created_at=now)


def trail(engine: Engine, goal_ref: int | None = None) -> list[dict]:
    """Every decision (of one goal), oldest first."""
    with Session(engine) as session:
        query = select(CorrectionRow).order_by(CorrectionRow.id)
        if goal_ref is not None:
            query = query.where(CorrectionRow.goal_ref == goal_ref)
        return [{"goal_ref": r.goal_ref, "indicator_ref": r.indicator_ref, "target": r.target, "action": r.action,
                 "old_value": r.old_value, "new_value": r.new_value, "reviewer": r.reviewer, "comment": r.comment,
                 "source": r.source, "created_at": r.created_at.isoformat()} for r in session.scalars(query)]


# --- the workbook -----------------------------------------------------------------------------------


def export_workbook(engine: Engine, path: str | Path, *, report_id: int | None = None,
                    flagged_only: bool = False) -> Path:
    """Write the review workbook; returns its path."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    items = review_queue(engine, report_id=report_id, flagged_only=flagged_only)
    book = Workbook()
    goals = book.active
    goals.title = GOAL_SHEET
    goals.append(list(GOAL_HEADERS))
    for item in items:
        # Report text is never written as a live formula (pipeline.cells); import restores it.
        goals.append([neutralise(v) for v in (
            item.goal_ref, item.report, item.version, item.goal_id, item.goal, item.status_label, item.predicted,
            round(item.confidence, 3) if item.confidence is not None else None, item.verdict,
            FLAG_NAMES_FI.get(item.flag), "\n".join(item.reasons), item.summary, item.current_status,
            None, None, None)])
    figures = book.create_sheet(FIGURE_SHEET)
    figures.append(list(FIGURE_HEADERS))
    for item in items:
        for figure in item.figures:
            indicator = figure.indicator
            figures.append([neutralise(v) for v in (
                figure.indicator_ref, item.goal_ref, item.goal_id, indicator.field, indicator.kind, figure.value,
                indicator.unit, indicator.qualifier, indicator.text, figure.current, None, None, None, None)])
    editable = PatternFill("solid", fgColor="FFF2CC")
    for sheet, headers, first_edit in ((goals, GOAL_HEADERS, "korjattu tila"), (figures, FIGURE_HEADERS, "päätös")):
        start = headers.index(first_edit) + 1
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            if cell.column >= start:
                cell.fill = editable
        sheet.freeze_panes = "B2"
    status_list = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True)
    goals.add_data_validation(status_list)
    status_list.add(f"M2:M{max(2, goals.max_row)}")
    action_list = DataValidation(type="list", formula1='"hyväksy,korjaa,hylkää"', allow_blank=True)
    figures.add_data_validation(action_list)
    action_list.add(f"K2:K{max(2, figures.max_row)}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def read_workbook(path: str | Path, *, reviewer: str | None = None) -> list[Decision]:
    """The analyst's decisions in a review workbook; raises :class:`ReviewError` listing every bad cell."""
    from openpyxl import load_workbook

    path = Path(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a file that is not a workbook
        raise ReviewError([f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})"], str(path)) from exc
    problems: list[str] = []
    decisions: list[Decision] = []
    for sheet_name, headers in ((GOAL_SHEET, GOAL_HEADERS), (FIGURE_SHEET, FIGURE_HEADERS)):
        if sheet_name not in book.sheetnames:
            problems.append(f"sheet {sheet_name!r} is missing; export a new workbook with: review export")
            continue
        rows = book[sheet_name].iter_rows(values_only=True)
        header = [str(h).strip().lower() if h is not None else "" for h in next(rows, ())]
        missing = [h for h in headers if h not in header and h not in INFORMATIVE_HEADERS]
        if missing:
            problems.append(f"sheet {sheet_name!r}: columns {missing} are missing")
            continue
        index = {h: header.index(h) for h in headers if h in header}
        for number, values in enumerate(rows, start=2):
            cell = {h: (restore(values[i]) if i < len(values) else None) for h, i in index.items()}
            _read_row(sheet_name, number, cell, reviewer, decisions, problems)
    book.close()
    if problems:
        raise ReviewError(problems, str(path))
    for decision in decisions:
        decision.source = "workbook"
    return decisions


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_row(sheet: str, number: int, cell: dict, reviewer: str | None, decisions: list[Decision],
              problems: list[str]) -> None:
    where = f"sheet {sheet!r}, row {number}"
    if sheet == GOAL_SHEET:
        edits = ("korjattu tila", "kommentti")
        if all(_blank(cell[c]) for c in edits):
            return
        goal_ref = _ref(cell["tunniste"], where, "tunniste", problems)
        name = cell["tarkastaja"] if not _blank(cell["tarkastaja"]) else reviewer
        if _blank(name):
            problems.append(f"{where}, column 'tarkastaja': the reviewer's name is missing")
            return
        if _blank(cell["korjattu tila"]):
            problems.append(f"{where}, column 'korjattu tila': a comment without a status; set the status too")
            return
        status = normalise_status(str(cell["korjattu tila"]))
        if status is None:
            problems.append(f"{where}, column 'korjattu tila': {cell['korjattu tila']!r} is not a status; use "
                            f"{', '.join(STATUSES)} or a label such as 'Toteutuu osittain'")
            return
        if goal_ref is not None:
            decisions.append(Decision(goal_ref, "status", "set_status", status, str(name).strip(),
                                      None if _blank(cell["kommentti"]) else str(cell["kommentti"]), where=where))
        return
    if all(_blank(cell[c]) for c in ("päätös", "korjattu arvo", "kommentti")):
        return
    indicator_ref = _ref(cell["luvun tunniste"], where, "luvun tunniste", problems)
    goal_ref = _ref(cell["tunniste"], where, "tunniste", problems)
    action = FIGURE_ACTIONS.get(str(cell["päätös"] or "").strip().lower())
    if action is None and not _blank(cell["korjattu arvo"]):
        action = "correct"
    if action is None:
        problems.append(f"{where}, column 'päätös': {cell['päätös']!r} is not hyväksy, korjaa or hylkää")
        return
    name = cell["tarkastaja"] if not _blank(cell["tarkastaja"]) else reviewer
    if _blank(name):
        problems.append(f"{where}, column 'tarkastaja': the reviewer's name is missing")
        return
    value = None if _blank(cell["korjattu arvo"]) else cell["korjattu arvo"]
    if action == "correct":
        if isinstance(value, dt.datetime | dt.date):
            value = value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
        problem = _check_value(str(cell["laji"] or ""), None if value is None else str(value))
        if problem:
            problems.append(f"{where}, column 'korjattu arvo': {problem}")
            return
    if indicator_ref is not None and goal_ref is not None:
        decisions.append(Decision(goal_ref, "figure", action, None if value is None else str(value),
                                  str(name).strip(), None if _blank(cell["kommentti"]) else str(cell["kommentti"]),
                                  indicator_ref, where=where))


def _ref(value: object, where: str, column: str, problems: list[str]) -> int | None:
    number = parse_number(value) if value is not None else None
    if number is None or not number.is_integer():
        problems.append(f"{where}, column {column!r}: {value!r} is not an id from the exported workbook")
        return None
    return int(number)


def import_workbook(engine: Engine, path: str | Path, *, reviewer: str | None = None) -> int:
    """Validate and store a workbook's decisions in one transaction; returns how many changed something."""
    decisions = read_workbook(path, reviewer=reviewer)
    try:
        return record(engine, decisions)
    except ReviewError as exc:
        raise ReviewError(exc.problems, str(path)) from exc


# --- model versions on reviewed goals ------------------------------------------------------------


def model_accuracy_on_reviewed(engine: Engine, models: Iterable[tuple[str, Path]]) -> list[dict]:
    """Accuracy of each model on the goals analysts corrected (their corrected status as the truth)."""
    from pipeline.analysis import read_evidence
    from pipeline.classify import ModelError, load_model
    from pipeline.records import GOAL_COLUMNS

    with Session(engine) as session:
        corrected = current_statuses(session)
        rows = [(session.get(GoalRow, ref), c.new_value) for ref, c in corrected.items()]
        examples = [(Goal(**{n: getattr(row, n) for n in GOAL_COLUMNS}), label, row.report.year)
                    for row, label in rows if label in ("full", "partial", "none")]
    results = []
    if not examples:
        return results
    goals = [g for g, _, _ in examples]
    evidence = read_evidence(goals, examples[0][2])
    for version, path in models:
        try:
            model = load_model(path)
        except ModelError as exc:
            results.append({"version": version, "path": str(path), "reviewed": len(examples), "accuracy": None,
                            "note": str(exc)})
            continue
        predicted = [p.status for p in model.predict_goals(goals, evidence.docs, evidence.assessments)]
        right = sum(p == label for p, (_, label, _) in zip(predicted, examples, strict=True))
        results.append({"version": version, "path": str(path), "reviewed": len(examples),
                        "accuracy": right / len(examples), "note": ""})
    return results
