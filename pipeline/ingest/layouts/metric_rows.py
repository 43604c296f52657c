"""Metric rows: goals whose metrics each get a table row ending in a status number.

Seinäjoki 2024 (section 8.1, PDF pages 79–141) prints, per budget unit
(*Tulosalue 150 Henkilöstöpalvelut*), goal blocks whose binding target is the
cell under *Talousarviotavoite* (beside it *Tilannekuvaus ja riskiarvio*, the
unit's account) and then a ruled table *Mittari/mittarit | Nykyarvo |
Tavoitearvo | Toteuma-arvo* with a status number after each row; per
subsidiary (*Tytäryhteisö Seipark Oy*) one table *Tavoite | Mittari |
Lähtötaso/toteuma | Tavoitetaso | Toteuma* where a goal's cell may span
several metric rows. The number's meaning comes from the report's own legend
(*Vihreä (1) = Toteutunut v. 2024*), else :data:`DEFAULT_TRAFFIC_LIGHT`.

Cells are placed by the text boxes and ruled lines pypdfium2 gives
(:mod:`pipeline.ingest.pdfboxes`): a row is the band between two rules, cut
into several rows where one cell carries several status numbers (the nearest
number takes each text box), and a row a page break cuts goes on at the top
of the next page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.ingest.layout import join_lines
from pipeline.ingest.layouts import Page
from pipeline.ingest.pdfboxes import Box, Line, PageBoxes, join_boxes, lines_of, read_boxes
from pipeline.lang_fi.legends import COLOURS, DEFAULT_TRAFFIC_LIGHT, MEANINGS
from pipeline.lang_fi.metric_tables import (
    COMPANY_HEADING,
    COMPANY_TABLE_COLUMNS,
    GOAL_HEADER,
    HEADER_REST_WORDS,
    STRATEGY_HEADER,
    STRATEGY_LABEL_ENDS,
    TABLE_END_STARTS,
    TABLE_MARKERS,
    UNIT_HEADING,
    UNIT_TABLE_COLUMNS,
)
from pipeline.records import Goal, Metric

_UNIT = re.compile(rf"^{UNIT_HEADING}\s+(\d+)\s+(.+)$", re.IGNORECASE)
_COMPANY = re.compile(rf"^{COMPANY_HEADING}\s+(.+)$", re.IGNORECASE)
_STATUS = re.compile(r"^[1-4]$")
_LEGEND = re.compile(r"^\s*([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?)\s*\((\d)\)\s*=\s*(.+)$")
#: Header lines that only carry years or the rest of a wrapped header (*/toteuma*, *taso/toteuma taso*,
#: *2022 2024 2024*).
_HEADER_REST = re.compile(rf"^(?:(?:{'|'.join(map(re.escape, HEADER_REST_WORDS))}|\d{{4}})\s*)+$", re.IGNORECASE)
#: The status column's width, from the table's right edge (Seinäjoki: numbers 14–22 points in).
_STATUS_WIDTH = 30.0
#: The page header and number sit above this distance from the top edge.
_PAGE_HEAD = 50.0


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


class MetricRows:
    """Goal blocks and company tables with a status number per metric row (see the module's docstring)."""

    name = "metric_rows"

    def detect(self, pages: Sequence[Page]) -> float:
        """0.6 for one page with a metric-row table header, up to 0.95 as more pages carry one."""
        marked = sum(any(marker in _squash(page.text) for marker in TABLE_MARKERS) for page in pages)
        if not marked:
            return 0.0
        return min(0.95, 0.6 + 0.35 * marked / max(1, len(pages)) * 2)

    def read(self, path: Path, pages: Sequence[Page], document: Sequence[Page] | None = None) -> list[Goal]:
        """The goals on ``pages``, their status numbers read by the legend printed anywhere in ``document``."""
        legend = legend_of(line for page in (pages if document is None else document) for line in page.text.split("\n"))
        reader = _Reader(legend)
        for page in read_boxes(path, [page.number for page in pages]):
            reader.page(page)
        reader.finish()
        return reader.goals


LAYOUT = MetricRows()


def legend_of(lines: Iterable[str]) -> dict[str, str]:
    """Status number → status from legend lines, over :data:`DEFAULT_TRAFFIC_LIGHT`.

    A legend line opens with a colour and gives the number and its meaning:
    *Vihre ä (1) = Toteutunut v. 2024* → ``"1": "full"``; *Punainen (3) =
    Tote utuma me rkittävästi alle tavoitte e n* → ``"3": "none"``. Lines
    such as *Suomen Keskusta (4)* are not legends.
    """
    legend = dict(DEFAULT_TRAFFIC_LIGHT)
    for line in lines:
        m = _LEGEND.match(line)
        if m is None or _squash(m[1]) not in COLOURS:
            continue
        meaning = _squash(m[3])
        status = next((status for cue, status in MEANINGS if cue in meaning), None)
        if status is not None:
            legend[m[2]] = status
    return legend


def join_cell(lines: list[str]) -> str | None:
    """A cell's lines as one text; a range broken after its dash joins without a space (*22–* + *23*)."""
    merged: list[str] = []
    for line in lines:
        if merged and merged[-1].endswith(("–", "—")) and line[:1].isdigit():
            merged[-1] += line
        else:
            merged.append(line)
    return join_lines(merged) or None


@dataclass(slots=True)
class _Row:
    """A metric row being read: its cells' lines by field, its status number and page."""

    page: int
    status: str | None
    cells: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class _Table:
    """Where a table's columns start, which field each is, and where its status numbers stand."""

    columns: list[tuple[float, str]]
    status_left: float
    company: bool


class _Reader:
    """Reads the pages of the section in order, one line at a time."""

    def __init__(self, legend: dict[str, str]) -> None:
        self.legend = legend
        self.goals: list[Goal] = []
        self.department: str | None = None
        self.code: str | None = None
        self.counts: dict[str | None, int] = {}
        self.mode: str | None = None
        self.goal_x = 0.0
        self.goal_lines: list[str] = []
        self.account_lines: list[str] = []
        self.goal_page = 0
        self.table: _Table | None = None
        self.rows: list[_Row] = []
        self.band: list[Line] = []
        self.band_index: int | None = None
        self.band_page: PageBoxes | None = None
        self.first_band_on_page = False
        #: Where the first text, the second label and the second text start; the texts' lines.
        self.strategy_x: list[float] | None = None
        self.strategy_lines: tuple[list[str], list[str]] = ([], [])

    # -- pages and lines -------------------------------------------------
    def page(self, page: PageBoxes) -> None:
        self.first_band_on_page = True
        for line in lines_of(page.boxes):
            if line.top > page.height - _PAGE_HEAD:
                continue
            self.line(page, line)
        self._flush_band()

    def line(self, page: PageBoxes, line: Line) -> None:
        text = line.text
        ends = any(text.lower().startswith(start) for start in TABLE_END_STARTS)
        if self.mode == "table" and not ends:
            self._table_line(page, line)
            return
        if ends:
            self._end_goal()
        if m := _UNIT.match(text):
            self._end_goal()
            self.department, self.code = m[2].strip(), m[1]
            self.strategy_lines = ([], [])
            self.mode = None
        elif m := _COMPANY.match(text):
            self._end_goal()
            self.department, self.code = m[1].strip(), None
            self.strategy_lines = ([], [])
            self.mode = None
        elif _squash(text).startswith(STRATEGY_HEADER):
            self._start_strategy(line)
        elif self.mode == "strategy" and not _squash(text).startswith(GOAL_HEADER):
            self._strategy_line(line)
        elif _squash(text).startswith(GOAL_HEADER):
            self._end_goal()
            beside = [box for box in line.boxes if not _squash(box.text).startswith(GOAL_HEADER)]
            self.goal_x = min((box.left for box in beside), default=page.width / 3) - 2
            self.mode, self.goal_page = "goal", page.number
            self.goal_lines, self.account_lines = [], []
        elif (columns := _columns(line, UNIT_TABLE_COLUMNS)) is not None and self.mode == "goal":
            self._start_table(page, line, columns, company=False)
        elif (columns := _columns(line, COMPANY_TABLE_COLUMNS)) is not None and self.department:
            self._end_goal()
            self._start_table(page, line, columns, company=True)
        elif self.mode == "goal":
            left = [box for box in line.boxes if box.left < self.goal_x]
            right = [box for box in line.boxes if box.left >= self.goal_x]
            if left:
                self.goal_lines.append(join_boxes(left))
            if right:
                self.account_lines.append(join_boxes(right))

    # -- the strategy cells above a goal block ---------------------------
    def _start_strategy(self, line: Line) -> None:
        """*Strateginen valinta* | its text | *Strateginen tavoite* | its text, above each goal block.

        The labels may wrap (*Strateginen* / *valinta*); the texts stand right of each label.
        """
        self._end_goal()
        labels = sorted((box for box in line.boxes if _squash(box.text).startswith(STRATEGY_HEADER)),
                        key=lambda box: box.left)
        self.strategy_x = [labels[0].right, labels[1].left, labels[1].right] if len(labels) > 1 else None
        self.strategy_lines = ([], [])
        self.mode = "strategy"
        self._strategy_line(line)

    def _strategy_line(self, line: Line) -> None:
        if self.strategy_x is None:
            return
        first_end, second, second_end = self.strategy_x
        for box in line.boxes:
            if _squash(box.text).startswith(STRATEGY_HEADER) or box.text.strip().lower() in STRATEGY_LABEL_ENDS:
                continue
            if first_end <= box.left < second:
                self.strategy_lines[0].append(box.text)
            elif box.left >= second_end:
                self.strategy_lines[1].append(box.text)

    # -- tables ----------------------------------------------------------
    def _start_table(self, page: PageBoxes, line: Line, columns: list[tuple[float, str]], company: bool) -> None:
        # The status numbers stand in a narrow last column; the rules above and
        # below the header reach its right edge.
        near = [x for y, x in page.rules if line.bottom - 6 <= y <= line.top + 25]
        right = max(near or [x for _, x in page.rules] or [page.width - 57])
        self.table = _Table(columns, right - _STATUS_WIDTH, company)
        self.mode = "table"
        self.band, self.band_index, self.band_page = [], None, page

    def _table_line(self, page: PageBoxes, line: Line) -> None:
        if _HEADER_REST.match(line.text):
            return
        index = sum(1 for y, _ in page.rules if y > line.top - 1.0)
        if self.band and (index != self.band_index or page is not self.band_page):
            self._flush_band()
        self.band.append(line)
        self.band_index, self.band_page = index, page

    def _flush_band(self) -> None:
        if not self.band or self.table is None or self.band_page is None:
            self.band = []
            return
        table, page = self.table, self.band_page
        boxes = _cut([box for line in self.band for box in line.boxes],
                     [x for x, _ in table.columns[1:]] + [table.status_left])
        statuses = [box for box in boxes if box.left >= table.status_left and _STATUS.match(box.text.strip())]
        others = [box for box in boxes if box not in statuses]
        if not statuses:
            if self.first_band_on_page and self.rows:
                # A row the page break cut: its cells go on here.
                self._add_cells(self.rows[-1], others)
            elif others:
                row = _Row(page.number, None)
                self._add_cells(row, others)
                self.rows.append(row)
        else:
            statuses.sort(key=lambda box: -box.top)
            rows = [_Row(page.number, box.text.strip()) for box in statuses]
            for box in others:
                nearest = min(range(len(statuses)), key=lambda k: abs(statuses[k].middle - box.middle))
                self._add_cells(rows[nearest], [box])
            self.rows.extend(rows)
        self.first_band_on_page = False
        self.band = []

    def _add_cells(self, row: _Row, boxes: list[Box]) -> None:
        assert self.table is not None
        by_field: dict[str, list[Box]] = {}
        for box in boxes:
            name = self.table.columns[0][1]
            for x, column in self.table.columns:
                if box.left >= x - 4:
                    name = column
            by_field.setdefault(name, []).append(box)
        for name, found in by_field.items():
            row.cells.setdefault(name, []).extend(line.text for line in lines_of(found))

    def _end_table(self) -> None:
        self._flush_band()
        table = self.table
        if table is not None and table.company:
            for row in self.rows:
                goal_text = join_lines(row.cells.get("goal", []))
                if goal_text and not (goal_text[:1].islower() and self.goals and self.goals[-1].metrics):
                    self._new_goal(goal_text, None, row.page)
                elif goal_text:
                    last = self.goals[-1]
                    last.goal = join_lines([last.goal or "", goal_text])
                if self.goals and self.goals[-1].department == self.department:
                    self.goals[-1].metrics.append(self._metric(row))
        elif table is not None and self.goal_lines:
            goal = self._new_goal(join_lines(self.goal_lines), join_lines(self.account_lines) or None,
                                  self.goal_page)
            goal.metrics.extend(self._metric(row) for row in self.rows)
            self.goal_lines = []
        self.table, self.rows, self.mode = None, [], None

    def _end_goal(self) -> None:
        """A goal block whose metric table never came is still a goal, without metrics."""
        if self.mode == "table":
            self._end_table()
        if self.mode == "goal" and self.goal_lines:
            self._new_goal(join_lines(self.goal_lines), join_lines(self.account_lines) or None, self.goal_page)
        self.goal_lines, self.account_lines = [], []
        self.mode = None

    def finish(self) -> None:
        self._end_goal()

    # -- records ---------------------------------------------------------
    def _new_goal(self, text: str, account: str | None, page: int) -> Goal:
        k = self.counts[self.department] = self.counts.get(self.department, 0) + 1
        goal_id = f"{self.code}.{k}" if self.code else str(k)
        theme, strategic = (join_cell(lines) for lines in self.strategy_lines)
        goal = Goal(goal_id=goal_id, goal=text, metric_status=account, page=page, department=self.department,
                    theme=theme, strategic_goal=strategic)
        self.goals.append(goal)
        return goal

    def _metric(self, row: _Row) -> Metric:
        values = {name: join_cell(row.cells.get(name, [])) for name in ("name", "baseline", "target", "actual")}
        return Metric(**values, status_label=row.status, status=self.legend.get(row.status or ""), page=row.page)


def _cut(boxes: list[Box], starts: list[float]) -> list[Box]:
    """Boxes cut where a column starts inside them (two cells printed close together)."""
    out = []
    for box in boxes:
        pieces = [box]
        for x in starts:
            last = pieces.pop()
            if last.left + 1.0 < x - 2.0 < last.right:
                head, tail = last.split_at(x - 2.0)
                pieces.extend(piece for piece in (head, tail) if piece is not None)
            else:
                pieces.append(last)
        out.extend(pieces)
    return out


def _columns(line: Line, wanted: tuple[tuple[str, str], ...]) -> list[tuple[float, str]] | None:
    """Column starts and fields when ``line`` is a table header with the words of ``wanted`` in order.

    A word must start a box or follow a letter that ends another word
    (*Lähtötaso/toteumaTavoitetasoToteuma* holds three headers in one box).
    """
    boxes = sorted(line.boxes, key=lambda box: box.left)
    columns: list[tuple[float, str]] = []
    k, start = 0, 0
    for word, name in wanted:
        while k < len(boxes):
            lower = boxes[k].text.lower()
            found = next((i for i in range(start, len(lower)) if lower.startswith(word, i)
                          and (i == 0 or boxes[k].text[i].isupper() or not lower[i - 1].isalpha())), None)
            if found is not None:
                columns.append((boxes[k].x_of(found), name))
                start = found + len(word)
                break
            k, start = k + 1, 0
        if k == len(boxes):
            return None
    return columns
