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
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy.engine import Engine

from pipeline.cells import neutralise, restore
from pipeline.errors import ReviewError
from pipeline.lang_fi.flags import FLAG_NAMES_FI
from pipeline.records import FLAG_KINDS, STATUSES, Decision, ReviewItem
from pipeline.status import normalise_status
from pipeline.store import check_value, parse_number, record, review_queue, reviewed_goals

__all__ = ["FIGURE_HEADERS", "GOAL_HEADERS", "Decision", "ReviewError", "export_workbook", "flag_counts",
           "import_workbook", "model_accuracy_on_reviewed", "read_workbook"]

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

def flag_counts(items: list[ReviewItem]) -> dict[str, int]:
    """How many items carry each kind of flag: ``{"contradicted": n, "needs_look": m}``."""
    return {kind: sum(i.flag == kind for i in items) for kind in FLAG_KINDS.values()}



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
        problem = check_value(str(cell["laji"] or ""), None if value is None else str(value))
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
    """Accuracy of each model on the goals analysts corrected (their corrected status as the truth).

    Each goal is analysed with its own report's year (dates without one get it).
    """
    from pipeline.classify import ModelError, load_model
    from pipeline.training import Example, featurise

    examples = [Example(goal, label, "review", "reviewed", year) for goal, label, year in reviewed_goals(engine)]
    results = []
    if not examples:
        return results
    frame = featurise(examples)
    for version, path in models:
        try:
            model = load_model(path)
        except ModelError as exc:
            results.append({"version": version, "path": str(path), "reviewed": len(examples), "accuracy": None,
                            "note": str(exc)})
            continue
        predicted = model.classifier.predict(frame)
        right = sum(p == e.label for p, e in zip(predicted, examples, strict=True))
        results.append({"version": version, "path": str(path), "reviewed": len(examples),
                        "accuracy": right / len(examples), "note": ""})
    return results
