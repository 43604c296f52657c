"""Reader for report PDFs: the section finder, then the layout plug-in that recognises the pages.

A report PDF may be a report of the binding targets alone (the seed) or a
whole financial statement of 150–200 pages. One fast text pass finds the
pages that hold the binding targets (:mod:`pipeline.ingest.sections`, or
the pages the caller names); each layout of :mod:`pipeline.ingest.layouts`
says how sure it is that they are its kind, and the surest one reads them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from pipeline.errors import ReportError
from pipeline.ingest.common import check_goals, date_and_year
from pipeline.ingest.layouts import Layout, Page, layouts
from pipeline.ingest.pdfdoc import check_header, open_pdf
from pipeline.ingest.sections import Progress, describe, find_section, read_pages, select_pages, statement_year
from pipeline.records import Report

#: A layout must be at least this sure to read the pages.
MIN_CONFIDENCE = 0.2


def read_pdf(path: Path, pages: str | None = None, progress: Progress | None = None) -> Report:
    """Read a report PDF: find its binding-targets pages, recognise their layout and read them.

    Parameters
    ----------
    path:
        The PDF file.
    pages:
        Pages to read instead of the section the finder picks, e.g. ``"58-113"``.
    progress:
        Called as ``progress(stage, done, total)`` while reading (pages read, goals found).

    Returns
    -------
    Report
        With ``layout`` (the layout's name), ``pages`` (the first and last page
        goals were read from) and each goal's ``page``.

    Raises
    ------
    ReportError
        For a file that is not a readable PDF, has no text layer, or whose pages
        no layout recognises (the message names the pages looked at).
    """
    data = path.read_bytes()
    source = path.name
    every = _page_texts(data, source, progress)
    if not any(page.text.strip() for page in every):
        raise ReportError(
            source, "the PDF has no text layer (a scanned image?); run OCR on it first (e.g. ocrmypdf)."
        )
    section = select_pages(every, pages, source) if pages else find_section(every)
    layout = choose_layout(section, source)
    # A layout gives what only it knows (goals, its own warnings, a date); the checks below run whichever
    # way it reads, so every layout's report is checked alike.
    read_report = getattr(layout, "read_report", None)
    if read_report is not None:
        report = read_report(path, section, every)
    else:
        report = Report(source=source, sha256="", goals=layout.read(path, section, every))
        date_and_year(report, "\n".join(page.text for page in section))
    if not report.goals:
        raise ReportError(
            source,
            f"the {layout.name} layout recognised pages {describe(section)} but read no goals from them; "
            "if the targets are on other pages, name them with --pages, e.g. --pages 58-113.",
        )
    # A statement's section speaks of the next year's budget (*vuodelle 2025*): its title says its year.
    report.year = statement_year(every) or report.year
    check_goals(report, source)
    report.sha256 = hashlib.sha256(data).hexdigest()
    report.layout = layout.name
    numbers = [goal.page for goal in report.goals if goal.page is not None]
    numbers += [metric.page for goal in report.goals for metric in goal.metrics if metric.page is not None]
    report.pages = (min(numbers), max(numbers)) if numbers else (section[0].number, section[-1].number)
    if progress is not None:
        progress("goals found", report.n_goals, report.n_goals)
    return report


def _page_texts(data: bytes, source: str, progress: Progress | None) -> list[Page]:
    """Every page's text; a file pypdfium2 cannot open gets pdfplumber's precise message (encrypted, damaged)."""
    import pypdfium2 as pdfium

    check_header(data, source)
    try:
        every = read_pages(data, progress)
    except pdfium.PdfiumError as exc:
        open_pdf(data, source).close()  # raises the message that names the problem
        raise ReportError(source, f"the PDF cannot be opened ({exc}); get a fresh copy of the file.") from exc
    if not every:
        open_pdf(data, source).close()
        raise ReportError(source, "the PDF has no pages; get a fresh copy of the file.")
    return every


def choose_layout(pages: Sequence[Page], source: str) -> Layout:
    """The registered layout surest that ``pages`` are its kind.

    Raises
    ------
    ReportError
        When none is at least :data:`MIN_CONFIDENCE` sure, naming the pages looked at.
    """
    scored = [(layout.detect(pages), index, layout) for index, layout in enumerate(layouts())]
    confidence, _, best = max(scored, key=lambda item: (item[0], -item[1]))
    if confidence < MIN_CONFIDENCE:
        names = ", ".join(layout.name for _, _, layout in scored)
        raise ReportError(
            source,
            f"no known layout of binding targets on pages {describe(pages)} (layouts tried: {names}); "
            "if the targets are on other pages, name them with --pages, e.g. --pages 58-113.",
        )
    return best

