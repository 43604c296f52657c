"""The column table: one row per goal under a header row of the seed's columns.

Vantaa, Tampere and the seed print each binding target as one table row:
*Sitova tavoite | Mittari | Lähtötaso | Tavoitetaso | Vastuuhenkilö(t) |
Keskeiset toimenpiteet | Mittarien tilanne | Tila*, with spanning rows for
the theme and *Strateginen tavoite N.*. Table cells are read directly with
pdfplumber; pages whose goals are not in a ruled table fall back to their
extracted text and :mod:`pipeline.ingest.text`.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import re
from collections.abc import Sequence
from pathlib import Path

from pipeline.ingest.common import (
    GOAL_ID,
    SENTENCE_END,
    STRATEGIC,
    check_goals,
    date_and_year,
    header_field,
    strategic_title,
)
from pipeline.ingest.layout import join_lines, join_paragraphs, join_two
from pipeline.ingest.layouts import Page
from pipeline.ingest.pdfdoc import open_pdf
from pipeline.ingest.text import parse_text
from pipeline.lang_fi.headers import HEADER_WORDS
from pipeline.records import Goal, Report
from pipeline.status import normalise_status

_CELL_FIELDS = ("goal", "metric", "baseline", "target", "responsible", "measures", "metric_status", "status_label")

#: How sure the layout is of pages without its header that still hold goal rows
#: (a goal id such as ``3.1`` opening a line, and a status label on a line of its own).
_TEXT_ONLY = 0.25


class ColumnTable:
    """The seed's column table (see the module's docstring)."""

    name = "column_table"

    def detect(self, pages: Sequence[Page]) -> float:
        """The share of the seed's column headers on ``pages``; a little for goal rows without them."""
        squashed = re.sub(r"\s+", "", " ".join(page.text for page in pages)).lower()
        share = sum(word in squashed for word in HEADER_WORDS) / len(HEADER_WORDS)
        if share:
            return share
        lines = [line.strip() for page in pages for line in page.text.split("\n")]
        has_ids = any(GOAL_ID.match(line) for line in lines)
        has_labels = any(normalise_status(line) for line in lines)
        return _TEXT_ONLY if has_ids and has_labels else 0.0

    def read(self, path: Path, pages: Sequence[Page]) -> list[Goal]:
        return self.read_report(path, pages).goals

    def read_report(self, path: Path, pages: Sequence[Page]) -> Report:
        """The report of ``pages``: goals from their tables, or else from their text, with the date and year."""
        data = path.read_bytes()
        source = path.name
        sha = hashlib.sha256(data).hexdigest()
        with open_pdf(data, source) as pdf:
            chosen = [pdf.pages[page.number - 1] for page in pages]
            page_texts = [page.extract_text() or "" for page in chosen]
            tables = [
                (page.page_number, _table_cells(page, table)) for page in chosen for table in page.find_tables()
            ]
            whole = len(chosen) == len(pdf.pages)
        report = _from_tables(tables, source, sha)
        if report is None:
            from pdfminer.high_level import extract_text

            numbers = None if whole else [page.number - 1 for page in pages]
            report = parse_text(extract_text(io.BytesIO(data), page_numbers=numbers), source=source)
            report.sha256 = sha
            return report
        date_and_year(report, "\n".join(page_texts))
        check_goals(report, source)
        return report


LAYOUT = ColumnTable()


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


def _from_tables(tables: list[tuple[int, list[list[str | None]]]], source: str, sha: str) -> Report | None:
    """Goals from pdfplumber tables (each with its 1-based page), or ``None`` when there is no goal table."""
    mapping: dict[int, str] | None = None
    theme = strategic = None
    rows: list[dict[str, object]] = []
    for page_number, table in tables:
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
                    strategic = strategic_title(m.group(2))
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
            rows.append({**cells, "theme": theme, "strategic_goal": strategic, "page": page_number})
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
                 status=normalise_status(label), page=row["page"], **values)
        )
    return report
