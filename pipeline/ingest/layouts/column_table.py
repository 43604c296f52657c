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

from pipeline.finnish import is_proper_noun
from pipeline.ingest.common import (
    GOAL_ID,
    SENTENCE_END,
    STRATEGIC,
    date_and_year,
    header_field,
    strategic_title,
)
from pipeline.ingest.layout import join_lines, join_paragraphs, join_two, wrap_room, wrap_tolerance
from pipeline.ingest.layouts import Page
from pipeline.ingest.pdfdoc import open_pdf
from pipeline.ingest.text import parse_text
from pipeline.lang_fi.headers import HEADER_WORDS
from pipeline.records import Goal, Report
from pipeline.status import normalise_status

#: Marks that start an item of a list, not the rest of a sentence.
_BULLETS = ("•", "-", "–", "*", "·")
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

    def read(self, path: Path, pages: Sequence[Page], document: Sequence[Page] | None = None) -> list[Goal]:
        return self.read_report(path, pages, document).goals

    def read_report(self, path: Path, pages: Sequence[Page], document: Sequence[Page] | None = None) -> Report:
        """The report of ``pages``: goals from their tables, or else from their text, with the date and year."""
        data = path.read_bytes()
        source = path.name
        sha = hashlib.sha256(data).hexdigest()
        with open_pdf(data, source) as pdf:
            chosen = [pdf.pages[page.number - 1] for page in pages]
            page_texts = [page.extract_text() or "" for page in chosen]
            tables = [(page.page_number, table) for page in chosen for table in _page_tables(page)]
            whole = len(chosen) == len(pdf.pages)
        report = _from_tables(tables, source, sha)
        if report is None:
            from pdfminer.high_level import extract_text

            numbers = None if whole else [page.number - 1 for page in pages]
            report = parse_text(extract_text(io.BytesIO(data), page_numbers=numbers), source=source,
                                check=False)
            report.sha256 = sha
            return report
        date_and_year(report, "\n".join(page_texts))
        return report


LAYOUT = ColumnTable()


def _closing_lines(page) -> list[float]:
    """Heights at which to close a table that the page's end (or top) cut open.

    A row that continues on the next page often has no rule under its last
    line: its column rules run on to the page's end, past the table's last
    horizontal rule, and without a closing rule pdfplumber drops the row. The
    same holds at the top of the next page when the header is not repeated.
    A rule is added where at least three column rules end (or start) beyond
    the horizontal ones.
    """
    vertical = [e for e in page.edges if e["orientation"] == "v"]
    horizontal = [e for e in page.edges if e["orientation"] == "h"]
    if len(vertical) < 3 or not horizontal:
        return []
    lines = []
    bottom = max(e["bottom"] for e in vertical)
    if bottom > max(e["bottom"] for e in horizontal) + 1 and sum(abs(e["bottom"] - bottom) < 1 for e in vertical) >= 3:
        lines.append(bottom)
    top = min(e["top"] for e in vertical)
    if top < min(e["top"] for e in horizontal) - 1 and sum(abs(e["top"] - top) < 1 for e in vertical) >= 3:
        lines.append(top)
    return lines


def _page_tables(page) -> list[list[list[str | None]]]:
    """The cells of each table on ``page``, a table cut open by a page break closed there."""
    settings = {"explicit_horizontal_lines": lines} if (lines := _closing_lines(page)) else None
    return [_table_cells(page, table) for table in page.find_tables(settings)]


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


def _append(cell: list[str], lines: list[str], width: float) -> list[str]:
    """Continue a cell (its lines, ``""`` between paragraphs) with its lines on the next page.

    The paragraph goes on when it stops mid-sentence and the next page does
    not start a new sentence with a capital (other than a name: "... kanssa"
    / "Vantaan ..."), or when its last line is clearly full: the next page's
    first word would have overshot the column (``width`` characters) even
    allowing for the proportional font. A full stop at the page end may end
    the paragraph or only a sentence, and Finnish words are long enough that
    a paragraph's last line is often too full for the next word: only a
    clearly full line says the paragraph goes on. The text is joined as a
    wrapped line, repairing a word broken at the page end ("osal-" /
    "lisuutta" → "osallisuutta"). Otherwise the next page's text is a
    paragraph of its own.
    """
    if not cell or not lines:
        return [*cell, *lines]
    last = cell[-1]
    full = wrap_room(last, lines[0], width) <= -2 * wrap_tolerance(width)
    if not lines[0].startswith(_BULLETS) and (full or (not SENTENCE_END.search(last) and _goes_on(lines[0]))):
        return [*cell[:-1], join_two(last, lines[0]), *lines[1:]]
    return [*cell, "", *lines]


def _goes_on(line: str) -> bool:
    """True when ``line`` can continue a sentence: it does not start with a capital, or with a name."""
    first = re.match(r"\w+", line)
    if not line[:1].isupper() or first is None:
        return True
    return is_proper_noun(first.group())


def _cell_text(lines: list[str]) -> str | None:
    """A cell's text from its lines, where an empty line separates paragraphs."""
    paragraphs = [list(group) for filled, group in itertools.groupby(lines, key=bool) if filled]
    return join_paragraphs(paragraphs)


def _from_tables(tables: list[tuple[int, list[list[str | None]]]], source: str, sha: str) -> Report | None:
    """Goals from pdfplumber tables (each with its 1-based page), or ``None`` when there is no goal table."""
    mapping: dict[int, str] | None = None
    theme = strategic = None
    rows: list[dict[str, object]] = []
    widths: dict[str, int] = {}  # each column's longest line so far, in characters
    for page_number, table in tables:
        top = True  # the first row under a page's (repeated) header
        for row in table:
            if (header := _header_map(row)) is not None:
                mapping = header
                continue
            if mapping is None:
                continue
            at_top, top = top, False
            filled = [c for c in row if c and c.strip()]
            if not filled:
                continue
            # A row spanning the table (a theme, a strategic goal) is one merged
            # cell; at the top of a page, one filled cell among empty ones is
            # rather the rest of the last row: only its measures went on.
            merged = sum(c is not None for c in row) == 1
            if len(row) > 2 and (merged or (len(filled) == 1 and not (at_top and rows))):
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
            for field, lines in cells.items():
                widths[field] = max([widths.get(field, 0), *map(len, lines)])
            if not starts and rows:
                # The rest of the last row after a page break.
                for field, lines in cells.items():
                    rows[-1][field] = _append(rows[-1].get(field, []), lines, widths[field])
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
