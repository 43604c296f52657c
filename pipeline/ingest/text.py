"""Reader for the text a PDF extractor (pdfminer and the like) gives of a report table.

The extractor flattens the table column by column: for each goal row the
reader sees the goal cell (starting with its id, ``12.12``), then the metric,
baseline, target, responsible person, key measures and metric status cells as
paragraphs separated by blank lines, and finally the status label. What makes
this hard, and how it is handled:

- Rows that span the table (a theme, ``Strateginen tavoite 12. ...``) come
  between goals and carry over to the goals after them, across pages too.
- Two neighbouring cells can be merged on one line (``Suunnitelmaa ei ole. 10
  yhteistyökumppania, joista`` is baseline + target; ``Katri Kalske On laadittu
  ...`` is responsible + measures). Merged lines are split where a new
  sentence starts, and at the end of a person's name.
- A cell can span several paragraphs. Paragraphs are assigned to columns by
  their line widths: each column wraps at its own width, so a paragraph whose
  lines wrap at about 40 characters does not belong to a column that wraps at
  25.
- A page break in the middle of a row puts the rest of its cells after the
  status label, on the next page (the extractor marks the new text box with a
  leading space). Such paragraphs are continued into the cell they fit.
- Page headers (``Sitova tavoite vuodelle 2021 Mittari ...``) and date
  footers (``02.02.2022``) are dropped, and tell the report year and date.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.finnish import is_first_name, is_proper_noun, word_classes
from pipeline.ingest.common import (
    DATE_FOOTER,
    GOAL_ID,
    GOAL_LIKE,
    HEADER_YEAR,
    SENTENCE_END,
    STRATEGIC,
    check_goals,
    decode,
    strategic_title,
    year_from_date,
)
from pipeline.ingest.layout import join_lines, join_paragraphs, wrap_room, wrap_tolerance
from pipeline.lang_fi.headers import GOAL_HEADER, HEADER_WORDS, LAST_HEADER_ENDINGS, PAGE_WORD
from pipeline.records import Goal, Report
from pipeline.status import normalise_status

PAGE_NUMBER = re.compile(rf"^(?:{PAGE_WORD}\s*)?\d{{1,4}}(?:\s*(?:/|\(|of)\s*\d{{1,4}}\)?)?$", re.IGNORECASE)
# Something that looks like a status label even when the wording is not in
# the vocabulary ("Toteutuu lähes", "Ei toteudu vielä").
LABEL_LIKE = re.compile(
    r"^(?:ei\s+)?(?:voida\s+)?(?:toteut\w*|saavut\w*|arvioi\w*|todent\w*)(?:\s+\w+){0,2}\.?$",
    re.IGNORECASE,
)

#: Cells of a goal row before the responsible person.
PRE_CELLS = ("goal", "metric", "baseline", "target")
#: Cells after the responsible person.
POST_CELLS = ("measures", "metric_status")


@dataclass
class Paragraph:
    """Lines the extractor put in one text box."""

    lines: list[str]
    page_break: bool = False

    @property
    def text(self) -> str:
        return join_lines(self.lines)

    @property
    def width(self) -> int:
        return max((len(line) for line in self.lines), default=0)


@dataclass
class _Row:
    """A goal row while it is being read."""

    goal_id: str
    theme: str | None
    strategic_goal: str | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    continuations: list[Paragraph] = field(default_factory=list)
    status_label: str | None = None


# ---------------------------------------------------------------------------
# Decoding and paragraphs


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split extracted text into paragraphs at blank lines and at new text boxes.

    A line that starts with white space begins a new text box: the extractor
    writes one after a page break, even without a blank line before it.
    """
    paragraphs: list[Paragraph] = []
    current: list[str] = []
    page_break = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").split("\n"):
        line = raw.rstrip()
        if not line.strip():
            if current:
                paragraphs.append(Paragraph(current, page_break))
            current, page_break = [], False
            continue
        if line[:1].isspace():
            if current:
                paragraphs.append(Paragraph(current, page_break))
            current, page_break = [], True
        current.append(line.strip())
    if current:
        paragraphs.append(Paragraph(current, page_break))
    return [p for part in paragraphs for p in _split_label(part)]


def _label_of(lines: list[str]) -> str | None:
    text = " ".join(lines).strip()
    if normalise_status(text) is not None or LABEL_LIKE.match(text):
        return text
    return None


def _split_label(paragraph: Paragraph) -> list[Paragraph]:
    """Split a status label off a text box that also holds other text.

    ``Toteutuu`` / ``täysin`` / ``oppivelvollisuuden piirissä ...``: the label
    of one row and the next page's continuation in one box.
    """
    lines = paragraph.lines
    if len(lines) < 2 or _label_of(lines):
        return [paragraph]
    for k in (3, 2, 1):
        if k < len(lines) and _label_of(lines[:k]) and not _label_of(lines[: k + 1]):
            return [Paragraph(lines[:k], paragraph.page_break), Paragraph(lines[k:], True)]
    for k in (3, 2, 1):
        if k < len(lines) and _label_of(lines[-k:]):
            return [Paragraph(lines[:-k], paragraph.page_break), Paragraph(lines[-k:], False)]
    return [paragraph]


def _flat(paragraph: Paragraph) -> str:
    return re.sub(r"\s+", "", " ".join(paragraph.lines)).lower()


def _header_length(paragraphs: list[Paragraph], i: int) -> int:
    """Number of paragraphs of a repeated table header starting at ``i`` (0 if none)."""
    # Compared with white space removed, so that "Vastuuhenkil" / "ö(t)" broken over lines still matches.
    first = _flat(paragraphs[i])
    hits = sum(word in first for word in HEADER_WORDS)
    if not (first.startswith(GOAL_HEADER) and not STRATEGIC.match(paragraphs[i].text)) and hits < 2:
        return 0
    seen = first
    for j in range(i, min(i + 8, len(paragraphs))):
        if j > i:
            seen += _flat(paragraphs[j])
        if seen.endswith(LAST_HEADER_ENDINGS) and sum(word in seen for word in HEADER_WORDS) >= 3:
            return j - i + 1
    return 0


# ---------------------------------------------------------------------------
# Widths: each column wraps at its own width


def _tokens(line: str) -> list[str]:
    return line.split()


def _fit(lines: list[str], width: float) -> float:
    """How badly wrapped lines fit a column of ``width`` characters (0 = well).

    A line longer than the column cannot be in it; a line that ends although
    the next line's first word would have fitted after it was not wrapped at
    this width. Proportional fonts make character counts approximate, hence
    the tolerance.
    """
    tol = wrap_tolerance(width)
    cost = 0.0
    if len(lines) > 1:
        # Several lines that all stop well short of the column: a narrower column.
        cost += 0.1 * max(0.0, width - tol - max(len(line) for line in lines))
    for k, line in enumerate(lines):
        cost += max(0.0, len(line) - width - tol)
        if k + 1 < len(lines):
            cost += max(0.0, wrap_room(line, lines[k + 1], width))
    return cost


def _group_cost(groups: list[list[list[str]]]) -> float:
    """Cost of grouping paragraphs (as line lists) into columns, each at its own width."""
    cost = 0.0
    for group in groups:
        if not group:
            continue
        width = max(len(line) for lines in group for line in lines)
        cost += sum(_fit(lines, width) for lines in group)
    return cost


def _best_split(units: list[list[str]], n_groups: int, allow_empty_last: bool = False) -> list[list[list[str]]]:
    """Split ``units`` (paragraphs as line lists) in order into ``n_groups`` columns by width fit.

    Every column but the last holds at least one unit (the last may be empty
    with ``allow_empty_last``, at a small cost: a goal normally reports its
    metric status). The cost of a column depends on its own units only, so a
    dynamic programme over (column, first unit) finds the cheapest split in
    O(n_groups · n²) column costs; of equally cheap splits it keeps the one
    with the earliest cuts. Trying every split instead took 42 s for one row
    of 40 paragraphs and minutes for 60.
    """
    n = len(units)
    eps = 1e-9
    column: dict[tuple[int, int], float] = {}

    def cost(a: int, b: int) -> float:
        if (a, b) not in column:
            column[a, b] = _group_cost([units[a:b]]) if b > a else 2.0
        return column[a, b]

    # rest[k][i]: the cheapest way to put units[i:] into the last k columns.
    inf = float("inf")
    rest = [[inf] * (n + 1) for _ in range(n_groups + 1)]
    for i in range(n + 1):
        if i < n or allow_empty_last:
            rest[1][i] = cost(i, n)
    for k in range(2, n_groups + 1):
        for i in range(n):
            rest[k][i] = min((cost(i, j) + rest[k - 1][j] for j in range(i + 1, n + 1)), default=inf)
    if rest[n_groups][0] == inf:
        raise ValueError(f"cannot split {n} paragraphs into {n_groups} columns")
    cuts, i = [], 0
    for k in range(n_groups, 1, -1):
        target = rest[k][i]
        i = next(j for j in range(i + 1, n + 1) if cost(i, j) + rest[k - 1][j] <= target + eps)
        cuts.append(i)
    bounds = [0, *cuts, n]
    return [units[a:b] for a, b in itertools.pairwise(bounds)]


# ---------------------------------------------------------------------------
# Names of responsible persons, and cells merged on one line


def _name_length(paragraph: Paragraph) -> int | None:
    """Length of a person-name run that starts ``paragraph``, in characters of its first line.

    ``Katri Kalske On laadittu ...`` → 12; ``Timo`` / ``Aronkytö ja`` → 4
    (the whole first line). A run is first name(s), a surname, and optionally
    ``ja`` / ``,`` and another such name. ``None`` when it does not start
    with a first name that Voikko knows.
    """
    words = [(k, m) for k, line in enumerate(paragraph.lines) for m in re.finditer(r"[\w-]+|,|&", line)]
    if not words or not is_first_name(words[0][1].group()):
        return None
    i, end = 0, 0
    while i < len(words):
        j = i
        while j < len(words) and is_first_name(words[j][1].group()):
            j += 1
        if j == i or j >= len(words) or not words[j][1].group()[:1].isupper():
            break
        end = j  # index of the surname
        i = j + 1
        joined = i + 1 < len(words) and words[i][1].group() in {",", "ja", "&"}
        if joined and is_first_name(words[i + 1][1].group()):
            i += 1
            continue
        break
    if end == 0:
        return None
    line_no, match = words[end]
    if line_no > 0:
        return len(paragraph.lines[0])
    return match.end()


def _responsible_split(paragraph: Paragraph) -> tuple[list[str], list[str]]:
    """Split a paragraph that starts with a name into (responsible lines, measures lines)."""
    length = _name_length(paragraph) or 0
    first = paragraph.lines[0]
    rest = first[length:].strip(" ,")
    if not rest:
        # The first line holds only names: the whole box is the responsible cell.
        return paragraph.lines, []
    return [first[:length].strip()], [rest, *paragraph.lines[1:]]


def _sentence_starts(line: str) -> list[tuple[int, int]]:
    """Places in a line where a new cell may start, with a score (higher = surer)."""
    found = []
    for m in re.finditer(r"(?<=\S)\s+(\S+)", line):
        word = m.group(1)
        before = line[: m.start()]
        bare = word.strip("()\"'”,")
        if not bare:
            continue
        if before.endswith((".", "!", "?")) and (bare[:1].isupper() or bare[:1].isdigit()):
            found.append((m.start(1), 2))
        elif (
            bare[:1].isupper()
            and not bare.isupper()
            and before.split()[-1][:1].islower()
            and not is_proper_noun(bare.strip(".,:;"))
            and word_classes(bare.strip(".,:;"))
        ):
            found.append((m.start(1), 1))
    return found


def _split_merged(units: list[list[str]], wanted: int) -> list[list[str]]:
    """Split first lines that hold two cells until there are ``wanted`` units."""
    units = [list(u) for u in units]
    while len(units) < wanted:
        best: tuple[int, int, int] | None = None  # (score, unit index, position)
        for idx, lines in enumerate(units):
            for pos, score in _sentence_starts(lines[0]):
                if best is None or (score, idx) > best[:2]:
                    best = (score, idx, pos)
        if best is None:
            break
        _, idx, pos = best
        lines = units[idx]
        units[idx : idx + 1] = [[lines[0][:pos].strip()], [lines[0][pos:].strip(), *lines[1:]]]
    return units


# ---------------------------------------------------------------------------
# Rows into goals


def _cells(row: _Row) -> dict[str, list[list[str]]]:
    """Assign a row's paragraphs to the cells of a goal."""
    paragraphs = row.paragraphs
    cells: dict[str, list[list[str]]] = {}
    r = next((i for i in range(1, len(paragraphs)) if _name_length(paragraphs[i])), None)
    if r is None:
        # No responsible person: split everything by widths.
        units = _split_merged([p.lines for p in paragraphs], 6)
        if len(units) < 6:
            units += [[] for _ in range(6 - len(units))]
            groups = [[u] if u else [] for u in units]
        else:
            groups = _best_split(units, 6)
        for name, group in zip((*PRE_CELLS, *POST_CELLS), groups, strict=True):
            cells[name] = group
        cells["responsible"] = []
        return cells
    pre = _split_merged([p.lines for p in paragraphs[:r]], len(PRE_CELLS))
    if len(pre) > len(PRE_CELLS):
        pre_groups = _best_split(pre, len(PRE_CELLS))
    else:
        pre_groups = [[u] for u in pre] + [[] for _ in range(len(PRE_CELLS) - len(pre))]
    for name, group in zip(PRE_CELLS, pre_groups, strict=True):
        cells[name] = group
    responsible, merged_measures = _responsible_split(paragraphs[r])
    cells["responsible"] = [responsible]
    post = ([merged_measures] if merged_measures else []) + [p.lines for p in paragraphs[r + 1 :]]
    if not post:
        cells["measures"], cells["metric_status"] = [], []
    elif len(post) == 1:
        cells["measures"], cells["metric_status"] = post, []
    else:
        cells["measures"], cells["metric_status"] = _best_split(post, 2, allow_empty_last=True)
    return cells


def _open(cell: list[list[str]]) -> bool:
    """True when a cell's text stops mid-sentence (no full stop at its end)."""
    return bool(cell) and bool(cell[-1]) and not SENTENCE_END.search(cell[-1][-1])


def _continue(cells: dict[str, list[list[str]]], paragraph: Paragraph) -> None:
    """Append a paragraph that continues a row after a page break to the cell it fits."""
    lines = paragraph.lines
    lower = lines[0][:1].islower()
    best: tuple[float, str] | None = None
    for name in (*POST_CELLS, *PRE_CELLS):
        cell = cells.get(name) or []
        cell_lines = [line for para in cell for line in para]
        if not cell_lines:
            continue
        width = max(len(line) for line in cell_lines)
        cost = _fit(lines, width) + sum(_fit([line], width) for line in cell_lines[-1:])
        if lower:
            cost += 0.0 if _open(cell) else 10.0
        elif _open(cell):
            cost += 3.0
        if best is None or cost < best[0]:
            best = (cost, name)
    if best is None:
        return
    cell = cells[best[1]]
    if lower and _open(cell):
        cell[-1] = cell[-1] + lines  # the sentence goes on: join as wrapped lines
    else:
        cell.append(list(lines))


def _to_goal(row: _Row) -> Goal:
    cells = _cells(row)
    for paragraph in row.continuations:
        _continue(cells, paragraph)
    goal_lines = cells["goal"]
    if goal_lines and goal_lines[0]:
        goal_lines[0][0] = GOAL_ID.sub("", goal_lines[0][0], count=1)
    values = {name: join_paragraphs(group) for name, group in cells.items()}
    if values.get("responsible"):
        # A list of names is one line of text even when its box had paragraphs.
        values["responsible"] = values["responsible"].replace("\n", " ")
    label = re.sub(r"\s+", " ", row.status_label).strip() if row.status_label else None
    return Goal(
        goal_id=row.goal_id,
        theme=row.theme,
        strategic_goal=row.strategic_goal,
        status_label=label,
        status=normalise_status(label),
        **values,
    )


def parse_text(text: str, source: str = "<text>", *, check: bool = True) -> Report:
    """Read the goals of a report from text a PDF extractor gave.

    Parameters
    ----------
    text:
        The extracted text, e.g. ``pdftotext``/pdfminer output of a report table.
    source:
        The file name, used in the report record and in messages.
    check:
        Refuse a report without goals and warn on duplicate ids and unknown
        labels (:func:`~pipeline.ingest.common.check_goals`); the PDF reader
        turns it off because it runs those checks itself for every layout.

    Returns
    -------
    Report
        With ``source``, ``sha256`` of the UTF-8 text, the ``date`` and
        ``year`` the page headers and footers tell, and the goals in order.
    """
    report = Report(source=source, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    paragraphs = split_paragraphs(text)
    theme: str | None = None
    strategic: str | None = None
    rows: list[_Row] = []
    current: _Row | None = None
    dates: list[str] = []
    i = 0
    while i < len(paragraphs):
        paragraph = paragraphs[i]
        joined = paragraph.text
        skip = _header_length(paragraphs, i)
        if skip:
            year = HEADER_YEAR.search(" ".join(" ".join(p.lines) for p in paragraphs[i : i + skip]))
            if year and report.year is None:
                report.year = int(year.group(1))
            i += skip
            continue
        if m := DATE_FOOTER.match(joined):
            day, month, year_ = (int(x) for x in m.groups())
            dates.append(f"{year_:04d}-{month:02d}-{day:02d}")
            i += 1
            continue
        if PAGE_NUMBER.match(joined):
            i += 1
            continue
        label = _label_of(paragraph.lines)
        if current is not None:
            if label is not None:
                current.status_label = label
                rows.append(current)
                current = None
            elif paragraph.page_break and GOAL_ID.match(paragraph.lines[0]) and current.paragraphs:
                # A new row although the last one had no status label.
                rows.append(current)
                current = None
                continue
            elif paragraph.page_break or current.continuations:
                # The row goes on after a page break before its label: the
                # rest of its cells, to be continued into the cells they fit.
                _warn_if_goal_like(report, source, paragraph, current.goal_id)
                current.continuations.append(paragraph)
            else:
                _warn_if_goal_like(report, source, paragraph, current.goal_id)
                current.paragraphs.append(paragraph)
            i += 1
            continue
        # Between rows: a spanning row, a new goal, or the rest of the last row.
        if m := STRATEGIC.match(joined):
            strategic = strategic_title(m.group(2))
        elif m := GOAL_ID.match(paragraph.lines[0]):
            current = _Row(goal_id=m.group(1), theme=theme, strategic_goal=strategic, paragraphs=[paragraph])
        elif i + 1 < len(paragraphs) and STRATEGIC.match(paragraphs[i + 1].text) and not _ends_row_text(paragraph):
            theme = joined
        elif rows:
            _warn_if_goal_like(report, source, paragraph, rows[-1].goal_id)
            rows[-1].continuations.append(paragraph)
        elif not rows and theme is None and len(paragraph.lines) == 1:
            theme = joined
        else:
            report.warnings.append(f"{source}: text before the first goal was skipped: {joined[:60]!r}")
        i += 1
    if current is not None:
        report.warnings.append(f"{source}: goal {current.goal_id} has no status label.")
        rows.append(current)
    if dates:
        report.date = max(dates)
        report.year = report.year or year_from_date(report.date)
    report.goals = [_to_goal(row) for row in rows]
    if check:
        check_goals(report, source)
    return report


def _warn_if_goal_like(report: Report, source: str, paragraph: Paragraph, into: str) -> None:
    """Say so when a paragraph numbered like a goal (``100.1 Lisätään ...``) is read as part of goal ``into``."""
    if m := GOAL_LIKE.match(paragraph.lines[0]):
        report.warnings.append(
            f"{source}: a row numbered {m.group(1)} ({paragraph.text[:50]!r}) was read as part of goal {into}, "
            "because that goal's row had not ended with a status label"
            + ("" if GOAL_ID.match(paragraph.lines[0]) else " and goal ids have at most three digits per part")
            + "; check both goals in the report."
        )


def _ends_row_text(paragraph: Paragraph) -> bool:
    """A theme is a short heading, not running text that ends a sentence mid-row."""
    return len(paragraph.lines) > 2


def read_text(path: Path, encoding: str | None = None) -> Report:
    """Read a ``.txt`` file of extracted report text (see :func:`parse_text`)."""
    data = path.read_bytes()
    text = decode(data, path.name, encoding)
    report = parse_text(text, source=path.name)
    report.sha256 = hashlib.sha256(data).hexdigest()
    return report
