"""Readers for CSV and XLSX files with one goal per row.

Headers may be the Finnish column titles of a report table (``Sitova
tavoite``, ``Mittari``, ``Lähtötaso``, ``Tavoitetaso``, ``Vastuuhenkilö(t)``,
``Keskeiset toimenpiteet``, ``Mittarien tilanne``, ``Tila``, optionally
``Teema`` and ``Strateginen tavoite``) or the contract's English field names.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections import Counter
from pathlib import Path

import pandas as pd

from pipeline.errors import ReportError
from pipeline.ingest.common import GOAL_ID, decode, header_field, strategic_title
from pipeline.lang_fi.headers import COLUMN_TITLES
from pipeline.records import Report, goals_from_frame
from pipeline.status import normalise_status, unknown_label_warning

REQUIRED = ("goal", "status_label")
#: Separators a CSV file may use: Finnish Excel writes semicolons (the comma is the decimal sign).
SEPARATORS = (";", ",", "\t")
#: What the XML inside an XLSX workbook may expand to. A report table of a few
#: hundred goals is well under 10 MB; a "zip bomb" of a few kilobytes expands
#: to gigabytes and would take minutes and all memory to read.
MAX_XLSX_EXPANDED = 64 * 1024 * 1024
MAX_XLSX_MEMBERS = 1000


def map_columns(columns: list[object], source: str) -> dict[object, str]:
    """Map a file's column headers onto goal fields, naming what is missing."""
    mapping: dict[object, str] = {}
    for column in columns:
        field = header_field(column)
        if field and field not in mapping.values():
            mapping[column] = field
    if "status" in mapping.values() and "status_label" not in mapping.values():
        mapping = {col: ("status_label" if f == "status" else f) for col, f in mapping.items()}
    missing = [f for f in REQUIRED if f not in mapping.values()]
    if missing:
        raise ReportError(
            source,
            f"missing column(s) {', '.join(missing)}; found {[str(c) for c in columns]}. "
            f"Expected the Finnish headers {', '.join(repr(t) for t in COLUMN_TITLES.values())} "
            "or the field names goal, metric, baseline, target, responsible, measures, metric_status, status_label.",
        )
    return mapping


def frame_to_report(frame: pd.DataFrame, source: str, sha256: str) -> Report:
    """Goals from a table of one goal per row (see :func:`map_columns`)."""
    mapping = map_columns(list(frame.columns), source)
    frame = frame[list(mapping)].rename(columns=mapping)
    frame = frame.dropna(how="all")
    report = Report(source=source, sha256=sha256)
    report.goals = goals_from_frame(frame)
    if not report.goals:
        raise ReportError(source, "the table has a header but no goal rows.")
    for number, goal in enumerate(report.goals, start=2):
        goal.strategic_goal = strategic_title(goal.strategic_goal)
        if goal.goal_id is None and goal.goal and (m := GOAL_ID.match(goal.goal)):
            goal.goal_id = m.group(1)
            goal.goal = goal.goal[m.end() :].strip()
        if goal.status is None:
            goal.status = normalise_status(goal.status_label)
        elif normalise_status(goal.status) is None:
            raise ReportError(
                source,
                f"row {number}: status {goal.status!r} is not one of full, partial, none, not_assessable.",
            )
        if goal.status_label and goal.status is None:
            where = f"row {number} (goal {goal.goal_id})"
            report.warnings.append(unknown_label_warning(source, where, goal.status_label))
    counts = Counter(g.goal_id for g in report.goals if g.goal_id)
    for dup in sorted(i for i, n in counts.items() if n > 1):
        report.warnings.append(f"{source}: goal id {dup} appears more than once.")
    return report


def separator(text: str) -> str:
    """The column separator, decided from the header row: the candidate that splits it into most columns.

    ``Sitova tavoite;Mittari;Lähtötaso;...`` → ``;``. Python's sniffer looks at
    whole rows, and realistic rows (``Nousi 28,4 %; 188 työntekijää``) have
    commas and semicolons in their text, so it gives up or picks the comma.
    A header row has neither in its titles.
    """
    line = text.split("\n", 1)[0]
    best, most = ",", 1
    for sep in SEPARATORS:
        n = len(next(csv.reader(io.StringIO(line), delimiter=sep), [""]))
        if n > most:
            best, most = sep, n
    return best


def read_csv(path: Path, encoding: str | None = None) -> Report:
    """Read a CSV file (comma, semicolon or tab separated)."""
    data = path.read_bytes()
    text = decode(data, path.name, encoding)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=separator(text), dtype=object, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ReportError(path.name, f"not a readable CSV table ({exc}).") from exc
    frame = frame.replace("", None)
    return frame_to_report(frame, path.name, hashlib.sha256(data).hexdigest())


def check_expansion(data: bytes, source: str) -> None:
    """Refuse a workbook whose parts would expand past :data:`MAX_XLSX_EXPANDED` before anything reads them.

    The sizes come from the zip's directory; :mod:`zipfile` never inflates a
    part past the size its directory gives (it fails with a bad CRC instead),
    so a file that lies about them cannot expand further either.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise ReportError(source, f"not a readable XLSX workbook (BadZipFile: {exc}).") from exc
    expanded = sum(m.file_size for m in members)
    if len(members) > MAX_XLSX_MEMBERS or expanded > MAX_XLSX_EXPANDED:
        raise ReportError(
            source,
            f"the workbook expands to {expanded / 2**20:,.0f} MB in {len(members)} parts; a report table is "
            f"read up to {MAX_XLSX_EXPANDED // 2**20} MB in {MAX_XLSX_MEMBERS} parts. It may be a zip bomb; "
            "if it is a real report, save the goal table alone as CSV or as a smaller workbook.",
        )


def read_xlsx(path: Path) -> Report:
    """Read the first sheet of an XLSX workbook that has the needed columns."""
    data = path.read_bytes()
    if not data:
        raise ReportError(path.name, "the file is empty; expected an XLSX workbook.")
    check_expansion(data, path.name)
    try:
        sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, dtype=str, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many kinds for a damaged zip
        raise ReportError(path.name, f"not a readable XLSX workbook ({type(exc).__name__}: {exc}).") from exc
    errors = []
    for name, frame in sheets.items():
        try:
            return frame_to_report(frame, path.name, hashlib.sha256(data).hexdigest())
        except ReportError as exc:
            errors.append(f"sheet {name!r}: {exc.problem}")
    raise ReportError(path.name, "; ".join(errors) or "the workbook has no sheets.")
