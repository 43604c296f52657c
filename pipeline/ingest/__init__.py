"""Readers that turn report files into :class:`pipeline.records.Report` records.

One module per input format; :func:`read_report` picks the reader by the
file's extension.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import ReportError
from pipeline.ingest.sections import Progress
from pipeline.records import Report

SUPPORTED = (".pdf", ".txt", ".csv", ".xlsx", ".json")


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
    if not path.is_file():
        raise ReportError(str(path), "no such file.")
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
