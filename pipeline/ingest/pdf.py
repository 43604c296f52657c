"""Reader for report PDFs: table cells read directly with pdfplumber.

A PDF whose pages hold no goal table falls back to its extracted text and
:mod:`pipeline.ingest.text`.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import re
from pathlib import Path

from pipeline.errors import ReportError
from pipeline.ingest.layout import join_lines, join_paragraphs, join_two
from pipeline.ingest.tabular import header_field
from pipeline.ingest.text import (
    DATE_FOOTER,
    GOAL_ID,
    HEADER_YEAR,
    SENTENCE_END,
    STRATEGIC,
    check_goals,
    parse_text,
    year_from_date,
)
from pipeline.records import Goal, Report, normalise_status

_CELL_FIELDS = ("goal", "metric", "baseline", "target", "responsible", "measures", "metric_status", "status_label")


def _open_pdf(data: bytes, source: str):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    if not data.strip():
        raise ReportError(source, "the file is empty; expected a report PDF.")
    if not data.lstrip().startswith(b"%PDF"):
        raise ReportError(source, "not a PDF file (it does not start with '%PDF'); check the file type.")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages  # parses the page tree: a truncated file fails here
    except (PdfminerException, PDFSyntaxError, PDFPasswordIncorrect, PDFEncryptionError) as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in str(cause).lower():
            raise ReportError(source, "the PDF is encrypted; save an unprotected copy and read that.") from exc
        problem = f"the PDF is damaged or truncated ({cause!r}); get a fresh copy of the file."
        raise ReportError(source, problem) from exc
    return pdf


def _table_cells(page, table) -> list[list[str | None]]:
    """A table's cells as text, with a blank line where a cell's paragraphs are spaced apart."""
    rows = []
    for row in table.rows:
        cells = []
        for bbox in row.cells:
            if bbox is None:
                cells.append(None)
                continue
            lines = page.crop(bbox, strict=False).extract_text_lines(return_chars=False)
            out: list[str] = []
            # Line spacing within a paragraph is the smallest gap; a paragraph break is wider.
            gaps = [b["top"] - a["top"] for a, b in itertools.pairwise(lines)]
            for k, line in enumerate(lines):
                if k and gaps[k - 1] > 1.4 * min(gaps):
                    out.append("")
                out.append(line["text"])
            cells.append("\n".join(out))
        rows.append(cells)
    return rows


def _cell_lines(cell: str | None) -> list[str]:
    """A cell's lines; an empty string marks a paragraph break."""
    lines = [line.strip() for line in (cell or "").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _header_map(row: list[str | None]) -> dict[int, str] | None:
    """Column index → field, when ``row`` is the table's header row."""
    mapping = {}
    for index, cell in enumerate(row):
        field = header_field(join_lines(_cell_lines(cell))) if cell else None
        if field and field not in mapping.values():
            mapping[index] = field
    return mapping if len(mapping) >= 4 else None


def _append(cell: list[str], lines: list[str]) -> list[str]:
    """Continue a cell after a page break: mid-sentence text joins its last line."""
    if not lines:
        return cell
    if cell and lines[0][:1].islower() and not SENTENCE_END.search(cell[-1]):
        return [*cell[:-1], join_two(cell[-1], lines[0]), *lines[1:]]
    return [*cell, "", *lines]


def _cell_text(lines: list[str]) -> str | None:
    """A cell's text from its lines, where an empty line separates paragraphs."""
    paragraphs = [list(group) for filled, group in itertools.groupby(lines, key=bool) if filled]
    return join_paragraphs(paragraphs)


def read_pdf(path: Path) -> Report:
    """Read a report PDF: its goal tables, or else its text."""
    data = path.read_bytes()
    source = path.name
    pdf = _open_pdf(data, source)
    with pdf:
        page_texts = [page.extract_text() or "" for page in pdf.pages]
        tables = [_table_cells(page, table) for page in pdf.pages for table in page.find_tables()]
    sha = hashlib.sha256(data).hexdigest()
    if not any(text.strip() for text in page_texts):
        raise ReportError(
            source, "the PDF has no text layer (a scanned image?); run OCR on it first (e.g. ocrmypdf)."
        )
    report = _from_tables(tables, source, sha)
    if report is None:
        from pdfminer.high_level import extract_text

        report = parse_text(extract_text(io.BytesIO(data)), source=source)
        report.sha256 = sha
        return report
    full = "\n".join(page_texts)
    if m := HEADER_YEAR.search(full):
        report.year = int(m.group(1))
    footers = (DATE_FOOTER.match(line.strip()) for line in full.split("\n"))
    dates = [f"{int(m[3]):04d}-{int(m[2]):02d}-{int(m[1]):02d}" for m in footers if m]
    if dates:
        report.date = max(dates)
        report.year = report.year or year_from_date(report.date)
    check_goals(report, source)
    return report


def _from_tables(tables: list[list[list[str | None]]], source: str, sha: str) -> Report | None:
    """Goals from pdfplumber tables, or ``None`` when there is no goal table."""
    mapping: dict[int, str] | None = None
    theme = strategic = None
    rows: list[dict[str, object]] = []
    for table in tables:
        for row in table:
            if (header := _header_map(row)) is not None:
                mapping = header
                continue
            if mapping is None:
                continue
            filled = [c for c in row if c and c.strip()]
            if not filled:
                continue
            if len(filled) == 1 and len(row) > 2:
                text = join_lines(_cell_lines(filled[0]))
                if m := STRATEGIC.match(text):
                    strategic = m.group(2).strip() or None
                else:
                    theme = text
                continue
            cells = {field: _cell_lines(row[i]) if i < len(row) else [] for i, field in mapping.items()}
            goal_lines = cells.get("goal") or []
            id_lines = cells.get("goal_id") or []
            starts = bool(id_lines) or bool(goal_lines and GOAL_ID.match(goal_lines[0]))
            if not starts and rows:
                # The rest of the last row after a page break.
                for field, lines in cells.items():
                    rows[-1][field] = _append(rows[-1].get(field, []), lines)
                continue
            rows.append({**cells, "theme": theme, "strategic_goal": strategic})
    if not rows:
        return None
    report = Report(source=source, sha256=sha)
    for row in rows:
        values = {field: _cell_text(row.get(field, [])) for field in _CELL_FIELDS}
        goal_id = _cell_text(row.get("goal_id", []))
        if goal_id is None and values["goal"] and (m := GOAL_ID.match(values["goal"])):
            goal_id = m.group(1)
            values["goal"] = values["goal"][m.end() :].strip() or None
        label = re.sub(r"\s+", " ", values["status_label"]) if values["status_label"] else None
        values["status_label"] = label
        report.goals.append(
            Goal(goal_id=goal_id, theme=row["theme"], strategic_goal=row["strategic_goal"],
                 status=normalise_status(label), **values)
        )
    return report
