"""Readers that turn report files into :class:`pipeline.records.Report` records.

One module per input format; :func:`read_report` picks the reader by the
file's extension.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import ReportError
from pipeline.ingest.sections import Progress
from pipeline.records import METRIC_TEXT_FIELDS, TEXT_FIELDS, Report

SUPPORTED = (".pdf", ".txt", ".csv", ".xlsx", ".json")
#: The longest text a goal's field may hold. A report cell is at most a few
#: thousand characters; a field of megabytes is not a report's, and spaCy
#: refuses texts over 1,000,000 characters deep in the analysis (E088).
MAX_FIELD_CHARS = 100_000


def read_report(
    path: str | Path, encoding: str | None = None, pages: str | None = None, progress: Progress | None = None
) -> Report:
    """Read one report file (``.pdf``, ``.txt``, ``.csv``, ``.xlsx`` or ``.json``).

    ``pages`` (``"58-113"``) and ``progress`` apply to PDFs: the pages to read
    instead of the binding-targets section the finder picks, and a callback
    ``progress(stage, done, total)`` for long files.

    Raises
    ------
    ReportError
        For a missing, empty, damaged or unsupported file, naming the problem.
    """
    path = Path(path)
    if path.is_dir():
        raise ReportError(str(path), "is a folder, not a report file; give a file, or scan the folder with "
                                     "`python -m pipeline scan FOLDER`.")
    if not path.is_file():
        raise ReportError(str(path), "no such file.")
    report = _read(path, encoding, pages, progress)
    check_field_lengths(report)
    return report


def check_field_lengths(report: Report) -> None:
    """Refuse a report with a text field longer than :data:`MAX_FIELD_CHARS`, naming the goal and field."""
    for goal in report.goals:
        cells = [(name, getattr(goal, name)) for name in TEXT_FIELDS]
        cells += [(f"metrics.{name}", getattr(metric, name)) for metric in goal.metrics for name in METRIC_TEXT_FIELDS]
        for name, value in cells:
            if len(value or "") > MAX_FIELD_CHARS:
                raise ReportError(report.source, f"goal {goal.goal_id}: the field {name!r} holds {len(value):,} "
                                                 f"characters; a report cell is read up to {MAX_FIELD_CHARS:,}. "
                                                 "Check that the file is a report table and its cells are split.")


def _read(path: Path, encoding: str | None, pages: str | None, progress: Progress | None) -> Report:
    suffix = path.suffix.lower()
    if pages and suffix != ".pdf":
        raise ReportError(path.name, f"--pages {pages!r} applies to PDF files only; leave it out for a {suffix} file.")
    if suffix == ".txt":
        from pipeline.ingest.text import read_text

        return read_text(path, encoding)
    if suffix == ".csv":
        from pipeline.ingest.tabular import read_csv

        return read_csv(path, encoding)
    if suffix == ".xlsx":
        from pipeline.ingest.tabular import read_xlsx

        return read_xlsx(path)
    if suffix == ".json":
        from pipeline.ingest.jsondoc import read_json

        return read_json(path)
    if suffix == ".pdf":
        from pipeline.ingest.pdf import read_pdf

        return read_pdf(path, pages=pages, progress=progress)
    raise ReportError(
        path.name, f"unsupported file type {suffix or '(none)'!r}; expected one of {', '.join(SUPPORTED)}."
    )
