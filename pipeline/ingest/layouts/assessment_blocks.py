"""Assessment blocks: goals as small two-column tables and numbered lists (Kauhava 2024).

Two shapes share one section (*Talousarvion toteutuminen*):

- **Company blocks.** Under each company's name (*Kauhavan Jäähalli Oy*),
  grouped by *Taloudelliset tavoitteet* / *Toiminnalliset tavoitteet*, each
  goal is a table *Tavoite | Toimenpide/mittari* followed by *Arviointi |
  Tila*. The assessment opens with a status label and often a figure (*Ei
  toteutunut, tappio 8.941 €*); the *Tila* column says *Valmis*, the state of
  the assessment, not the status. A block may run over a page break.
- **Board goals.** Under each board (the heading above *Talousarvion
  toteutuminen*), after *Tavoitteiden toteutuminen ja toiminta*, numbered
  goals with *Mittarit ja tavoitetaso:* and *Toteutuminen: <label>. <text>*.
  A goal whose bullets each have their own *Toteutuminen* has metric rows
  (sub-targets) with their own status; so has one whose *Mittarit ja
  tavoitetaso* lists bullets answered by one unlabelled text. Some goals
  give prose only: ``status_label`` stays ``None`` and the reader says so.

The company or board is the goal's ``department``. Company goals have no
printed number and are numbered within their company; board goals keep
theirs (a board may print two lists, both starting at 1).

The group-level metric table at the start (*Konsernille asetetut tavoitteet
| TA2024 | TP2024 | TP2023 | TP2022*) becomes one goal with a metric row per
key figure: the budget's level is the target, TP2024 the actual and TP2023
the baseline; the table prints no status, and the sentence under it is the
goal's metric status.

Text and positions come from pypdfium2's text runs (a few milliseconds a
page), never from a whole-table extraction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import ReportError
from pipeline.finnish import word_classes
from pipeline.ingest.layout import join_lines
from pipeline.ingest.layouts import Page
from pipeline.lang_fi import assessment_blocks as words
from pipeline.lang_fi.qualifiers import QUALIFIER_WORDS
from pipeline.records import Goal, Metric, Report
from pipeline.status import normalise_status, split_status

# Line-end hyphen marks of pdfium ("kassa\x02" / "lainaa"): a hyphen that join_lines may drop.
_SOFT_HYPHENS = str.maketrans({"\x02": "-", "\ufffe": "-"})
_HYPHEN_MARKS = ("\x02", "\ufffe")
_NUMBERED = re.compile(r"^(\d{1,2})\.\s+(?=\S)")
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\s+")
_YEAR_COLUMN = re.compile(rf"^({re.escape(words.BUDGET_COLUMN)}|{re.escape(words.ACTUAL_COLUMN)})\s*(\d{{4}})$")
#: Page bands (points from the top and the bottom edge) that hold running headers and page numbers.
_HEADER_BAND = 60.0
_FOOTER_BAND = 60.0
#: How far (points) a heading may start right of the text margin.
_MARGIN_SLACK = 8.0
#: How far (points) a numbered goal may start right of the text margin.
_NUMBER_SLACK = 25.0


@dataclass(frozen=True, slots=True)
class _Run:
    """One text run pdfium reports: a piece of a line with its horizontal extent."""

    x0: float
    x1: float
    text: str
    bold: bool


@dataclass(slots=True)
class _Line:
    page: int
    top: float  #: points from the page's top edge, of the line's middle
    runs: list[_Run] = field(default_factory=list)
    text: str = ""  #: set by :meth:`done` once every run is in
    folded: str = ""  #: the text lower-cased
    bold: bool = False  #: every run with letters in it is bold (a heading, a header row)

    @property
    def x0(self) -> float:
        return self.runs[0].x0

    def done(self) -> _Line:
        self.runs.sort(key=lambda r: r.x0)
        self.text = _text(self.runs)
        self.folded = self.text.lower()
        lettered = [r for r in self.runs if any(ch.isalpha() for ch in r.text)]
        self.bold = bool(lettered) and all(r.bold for r in lettered)
        return self


def _text(runs: Sequence[_Run]) -> str:
    """The text of runs on one line, as pdfium's text stream spaces them.

    A run that does not end in a space goes on without one (*M* + *ittarit*,
    *Vuokra* + *-* + *asunnot*: pieces of one word); only runs far apart, as
    in two table columns, get one.
    """
    out = ""
    previous: _Run | None = None
    for run in runs:
        piece = run.text.replace("\r", "").replace("\n", " ")
        if previous is not None and out and not out[-1].isspace() and run.x0 - previous.x1 > 6.0:
            out += " "
        out += piece
        previous = run
    return re.sub(r"[ \t]+", " ", out).strip()


def _page_lines(document, number: int) -> list[_Line]:
    """The text lines of one PDF page (1-based ``number``), top to bottom, without header and footer.

    pdfium reports the page's text as rectangles, each a run of characters on
    one line; a run's text is the stream's characters from its first to the
    next run's first (``get_text_bounded`` would also catch a neighbour's
    characters where boxes overlap: *Quick ratio – –*).
    """
    import pypdfium2.raw as pdfium_c

    page = document[number - 1]
    textpage = page.get_textpage()
    try:
        height = page.get_height()
        count = textpage.count_chars()
        stream = textpage.get_text_range(0, count) if count > 0 else ""
        boxes = [textpage.get_rect(i) for i in range(textpage.count_rects())]
        firsts = [pdfium_c.FPDFText_GetCharIndexAtPos(textpage, left + 0.3, (bottom + top) / 2, 1.0, 1.0)
                  for left, bottom, _, top in boxes]
        weights = [pdfium_c.FPDFText_GetFontWeight(textpage, i) if i >= 0 else 0 for i in firsts]
    finally:
        textpage.close()
        page.close()
    pieces: list[tuple[float, _Run]] = []
    for k, (left, bottom, right, top) in enumerate(boxes):
        first = firsts[k]
        if first < 0:
            continue
        end = next((f for f in firsts[k + 1 :] if f > first), len(stream))
        text = stream[first:end]
        middle = height - (bottom + top) / 2
        if not text.strip() or middle < _HEADER_BAND or middle > height - _FOOTER_BAND:
            continue
        pieces.append((middle, _Run(left, right, text, weights[k] >= 600)))
    pieces.sort(key=lambda p: (p[0], p[1].x0))
    lines: list[_Line] = []
    for middle, run in pieces:
        if lines and abs(lines[-1].top - middle) < 4.0:
            lines[-1].runs.append(run)
        else:
            lines.append(_Line(number, middle, [run]))
    return [line.done() for line in lines]


def _lines(path: Path, pages: Sequence[Page]) -> list[_Line]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise ReportError(path.name, f"the PDF cannot be opened ({exc}); get a fresh copy of the file.") from exc
    try:
        return [line for page in pages for line in _page_lines(document, page.number)]
    finally:
        document.close()


def _join(lines: Sequence[str]) -> str | None:
    """Wrapped lines of one cell as one line of text, words broken at the line end repaired.

    pdfium marks a hyphen at a line's end: before a lower-case word it is the
    typesetter's (*kai-* / *kissa* → *kaikissa*, although *kai* is a word),
    before *ja* or a capital it stays (*energia-* / *ja korjaus...*).
    """
    merged: list[str] = []
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if merged and merged[-1].endswith(_HYPHEN_MARKS):
            first = line.split()[0].strip(",.;:")
            if line[:1].islower() and first not in words.KEEP_HYPHEN_BEFORE:
                merged[-1] = merged[-1][:-1] + line
                continue
        merged.append(line)
    text = join_lines([line.translate(_SOFT_HYPHENS) for line in merged])
    return text or None


def _strip_bullet(runs: list[_Run]) -> list[_Run]:
    if runs and runs[0].text.strip() in words.BULLETS:
        return runs[1:]
    return runs


def _is_bullet(line: _Line) -> bool:
    return len(line.runs) > 1 and line.runs[0].text.strip() in words.BULLETS


# ---------------------------------------------------------------------------
# Targets: the level a measure sets, as printed


_NUMBER = r"(?P<number>\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?)"
_UNIT = r"(?:\s*%|\s*€(?:/\w+)?|\s+(?!(?:" + "|".join(words.TIME_WORDS) + r")\b)[^\W\d_]+)?"
_TIME = r"(?:\s+(?:" + "|".join(words.TIME_WORDS) + r")\s+\d{4}(?:\s+mennessä)?)?"
_LEVEL = re.compile(_NUMBER + _UNIT + _TIME)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# Words before a target level: *Omavaraisuusaste yli 20 %*, *vähintään 0,5* (not the abbreviation *n.*).
_QUALIFIED = re.compile(r"\b(?:" + "|".join(w for w in QUALIFIER_WORDS if w.isalpha() and len(w) > 2)
                        + r")\s+", re.IGNORECASE)
_TARGET_WORD = re.compile(r"\b(?:" + "|".join(words.TARGET_WORDS) + r")\s+\d+(?:[.,]\d+)?", re.IGNORECASE)
_ASIDE = re.compile(r"\s*\([^()]*\)")
_SENTENCE_END = re.compile(r"\.\s+(?=[A-ZÅÄÖ])|\s\(|$")
# "Tuloslaskelma: tilikauden tulos ylijäämäinen Tase: tase säilyy": the level of the first item only.
_LABEL_COLON = re.compile(r":\s+")
_NEXT_ITEM = re.compile(r"\s+[A-ZÅÄÖ][\w -]{0,40}:\s")


def _levels(text: str):
    """Figures with their unit and time phrase (*22 % vuonna 2025*), years on their own left out."""
    return (m for m in _LEVEL.finditer(text)
            if not (_YEAR.match(m.group("number")) and not re.match(r"\s*[%€]", text[m.end("number") :])))


def _target(text: str | None, *, colon_only: bool = False) -> str | None:
    """The target level a measure's first sentence sets, as printed.

    ``Omavaraisuusaste yli 3 % vuoteen 2025 mennessä (yhtiölle ...`` → ``yli 3 %
    vuoteen 2025 mennessä``; ``Käyttötunnit: vähintään 1100 tuntia.`` →
    ``vähintään 1100 tuntia``; ``Rahoitustulos vähintään nolla.`` →
    ``vähintään nolla``; ``Voitollinen.`` → ``Voitollinen``; a measure with no
    level (``Asuntokannan modernisointi.``) → ``None``. With ``colon_only``
    only a level after ``Name:`` counts (a goal's own text, a bullet).
    """
    if not text:
        return None
    if m := _TARGET_WORD.search(text):
        return m.group(0)
    # Asides in brackets are no level: "(461/2000)", "(energiateollisuus)".
    text = _ASIDE.sub("", text)
    sentence = text[: _SENTENCE_END.search(text).start()].strip().rstrip(".")
    if m := _LABEL_COLON.search(sentence):
        level = _NEXT_ITEM.split(sentence[m.end() :])[0].strip().rstrip(".")
        # "asemakaavojen laadinnassa oman työn osuus vähintään 70 %" → "vähintään 70 %"
        if (q := _QUALIFIED.search(level)) and (figure := next(_levels(level[q.end() :]), None)) \
                and figure.start() == 0:
            return level[q.start() : q.end() + figure.end()].strip()
        return level or None
    if colon_only:
        return None
    if m := _QUALIFIED.search(sentence):
        rest = sentence[m.start() :]
        level = next(_levels(rest), None)
        if level is not None and level.start() == m.end() - m.start():
            return rest[: level.end()].strip()
        return rest.strip()
    if level := next(_levels(sentence), None):
        # "vedenjakelukatkoksen enimmäispituus 12 tuntia": a limit noun before the figure belongs to it.
        before = sentence[: level.start()].split()
        if before and before[-1].lower().startswith(words.LIMIT_STEMS):
            return f"{before[-1]} {level.group(0).strip()}"
        return level.group(0).strip()
    tokens = sentence.split()
    if len(tokens) == 1:
        return sentence
    if len(tokens) == 2 and "laatusana" in word_classes(tokens[1].lower()):
        # "Lievästi voitollinen" is the level; "Rahoitustulos positiivinen" names the metric first.
        return sentence if "nimisana" not in word_classes(tokens[0].lower()) else tokens[1]
    return None


def _assessed(text: str | None) -> tuple[str | None, str | None, str | None]:
    """``(label, status, evidence)`` of an assessment: *Toteutui, nyt 1140 tuntia* → label *Toteutui*."""
    label, evidence = split_status(text)
    return label, normalise_status(label), evidence


# ---------------------------------------------------------------------------
# Company blocks


def _is_heading(line: _Line, margin: float) -> bool:
    return line.bold and line.x0 <= margin + _MARGIN_SLACK and len(line.text) <= 100


def _is_goal_header(line: _Line) -> bool:
    return line.folded.split() == [*words.GOAL_HEADER]


def _is_assessment_header(line: _Line) -> bool:
    return line.folded.split() == [*words.ASSESSMENT_HEADER]


def _run_x(line: _Line, word: str) -> float:
    """Where the header ``word`` starts on a header line (the second column's left edge)."""
    for run in line.runs:
        text = run.text.lower()
        if (at := text.find(word[:4])) >= 0:
            # Both headers in one run: in proportion to the characters before the word.
            return run.x0 + (run.x1 - run.x0) * at / max(len(text.rstrip()), 1)
    return line.runs[-1].x0


@dataclass(slots=True)
class _Block:
    department: str | None
    split: float
    goal_lines: list[_Line] = field(default_factory=list)
    cells: tuple[list[str], list[str]] = field(default_factory=lambda: ([], []))
    assessment: list[str] = field(default_factory=list)
    state_x: float | None = None  #: where the *Tila* column starts, once the assessment began

    def to_goal(self, number: int) -> Goal:
        goal_text, measure = _join(self.cells[0]), _join(self.cells[1])
        page = self.goal_lines[0].page if self.goal_lines else None
        goal = Goal(goal_id=str(number), department=self.department, goal=goal_text, metric=measure, page=page)
        goal.target = _target(measure) if measure else _target(goal_text, colon_only=True)
        goal.status_label, goal.status, goal.metric_status = _assessed(_join(self.assessment))
        return goal


def _company_goals(lines: list[_Line], margin: float) -> list[Goal]:
    goals: list[Goal] = []
    heading: str | None = None
    block: _Block | None = None
    numbers: dict[str | None, int] = {}

    def close() -> None:
        nonlocal block
        if block is not None and (block.cells[0] or block.cells[1]):
            numbers[block.department] = numbers.get(block.department, 0) + 1
            goals.append(block.to_goal(numbers[block.department]))
        block = None

    for line in lines:
        if _is_goal_header(line):
            close()
            block = _Block(heading, split=_run_x(line, words.GOAL_HEADER[1]) - 3.0)
            continue
        if block is not None and _is_assessment_header(line):
            block.state_x = _run_x(line, words.ASSESSMENT_HEADER[1]) - 3.0
            continue
        if _is_heading(line, margin):
            close()
            if line.folded not in words.GOAL_GROUPS:
                heading = line.text
            continue
        if block is None:
            continue
        if block.state_x is None:
            left = [r for r in line.runs if r.x0 < block.split]
            right = [r for r in line.runs if r.x0 >= block.split]
            if left:
                block.cells[0].append(_text(left))
            if right:
                block.cells[1].append(_text(right))
            block.goal_lines.append(line)
        else:
            # The *Tila* column (Valmis) is the assessment's state, not the goal's status.
            assessment = [r for r in line.runs if r.x0 < block.state_x]
            if assessment:
                block.assessment.append(_text(assessment))
    close()
    return goals


# ---------------------------------------------------------------------------
# Board goals


@dataclass(slots=True)
class _Item:
    """A piece of a board goal: its title, its metric lines, a bullet, or an assessment."""

    kind: str  # "title", "metric", "bullet", "assessment"
    page: int
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str | None:
        return _join(self.lines)


def _marker_rest(line: _Line, marker: str) -> str:
    """The text after a marker at the start of a line (*Toteutuminen: Toteutui* → *Toteutui*)."""
    text = line.text
    m = re.match(re.escape(marker).replace(r"\ ", r"\s*") + r"\w*\s*:?\s*", text, re.IGNORECASE)
    return text[m.end() :] if m else text


def _board_goal(number: str, department: str | None, lines: list[_Line]) -> Goal:
    items: list[_Item] = [_Item("title", lines[0].page, [_NUMBERED.sub("", lines[0].text, count=1)])]
    assessments = sum(line.folded.startswith(words.ASSESSMENT_MARKER) for line in lines)
    seen_assessments = 0
    for line in lines[1:]:
        folded = line.folded
        current = items[-1]
        if folded.startswith(words.METRICS_MARKER):
            items.append(_Item("metric", line.page, [_marker_rest(line, words.METRICS_MARKER)]))
        elif folded.startswith(words.ASSESSMENT_MARKER):
            seen_assessments += 1
            items.append(_Item("assessment", line.page, [_marker_rest(line, words.ASSESSMENT_MARKER)]))
        elif _is_bullet(line) and (current.kind != "assessment" or seen_assessments < assessments):
            # A bullet before the (last) assessment is a metric or a sub-target; after it, evidence.
            items.append(_Item("bullet", line.page, [_text(_strip_bullet(line.runs))]))
        elif _is_bullet(line):
            current.lines.append(_text(_strip_bullet(line.runs)))
        else:
            current.lines.append(line.text)
    title = next(i for i in items if i.kind == "title")
    goal = Goal(goal_id=number, department=department, goal=title.text, page=title.page)
    bullets = [i for i in items if i.kind == "bullet"]
    assessment_items = [i for i in items if i.kind == "assessment"]
    listed = any(i.kind == "metric" for i in items) and len(bullets) > 1
    if len(assessment_items) > 1:
        # Sub-targets: each bullet answered by its own Toteutuminen.
        previous = 0
        for k, item in enumerate(items):
            if item.kind != "assessment":
                continue
            # The sub-target is the last bullet since the previous assessment.
            bullet = next((b for b in reversed(items[previous:k]) if b.kind == "bullet"), None)
            previous = k
            name = bullet.text if bullet else None
            label, status, evidence = _assessed(item.text)
            goal.metrics.append(Metric(name=name, target=_target(name, colon_only=True), actual=evidence,
                                       status_label=label, status=status,
                                       page=bullet.page if bullet else item.page))
        return goal
    assessment = assessment_items[0].text if assessment_items else None
    if listed and split_status(assessment)[0] is None:
        # Listed metrics answered by one text without a label: a row per metric, judged apart.
        for bullet in bullets:
            goal.metrics.append(Metric(name=bullet.text, target=_target(bullet.text, colon_only=True),
                                       page=bullet.page))
        goal.metric_status = assessment
        return goal
    metric = _join([line for i in items if i.kind in ("metric", "bullet") for line in i.lines])
    goal.metric = metric
    goal.target = _target(metric)
    goal.status_label, goal.status, goal.metric_status = _assessed(assessment)
    return goal


def _board_goals(lines: list[_Line], margin: float) -> list[Goal]:
    """Each board's numbered goals.

    A board may print several goal lists that each start at 1 (Kauhava 2024's
    Kaupunginhallitus: its goals on page 79, its binding operational goal on
    page 80). The first list keeps the printed numbers; the n-th list's goal
    ``k`` becomes ``n.k``, so ids stay distinct within the board and stable
    for the same file.
    """
    goals: list[Goal] = []
    department: str | None = None
    in_goals = False
    current: list[_Line] = []
    last_number = 0
    goal_list = 0  # the board's goal lists so far
    previous: _Line | None = None

    def close() -> None:
        nonlocal current
        if current:
            number = _NUMBERED.match(current[0].text).group(1)
            goal_id = number if goal_list <= 1 else f"{goal_list}.{number}"
            goals.append(_board_goal(goal_id, department, current))
        current = []

    for line in lines:
        folded = line.folded
        if folded == words.BOARD_BUDGET_HEADING and previous is not None:
            close()
            department, in_goals, goal_list = previous.text, False, 0
        elif _is_heading(line, margin):
            close()
            in_goals = any(h in folded for h in words.BOARD_GOALS_HEADINGS)
            last_number = 0
        elif in_goals and (m := _NUMBERED.match(line.text)) and line.x0 <= margin + _NUMBER_SLACK \
                and int(m.group(1)) in (1, last_number + 1):
            close()
            last_number = int(m.group(1))
            goal_list += last_number == 1
            current = [line]
        elif in_goals and current:
            current.append(line)
        previous = line
    close()
    return goals


# ---------------------------------------------------------------------------
# The group-level metric table


def _group_goal(lines: list[_Line], margin: float) -> Goal | None:
    """*Konsernille asetetut tavoitteet | TA2024 | TP2024 | TP2023 | TP2022* as one goal with metric rows.

    The figures are right-aligned under their year's header, so a cell is the
    run that ends where its header ends.
    """
    for k, line in enumerate(lines):
        if not line.folded.startswith(words.GROUP_TABLE_HEADING):
            continue
        columns = [(run, m.group(1), int(m.group(2))) for run in line.runs
                   if (m := _YEAR_COLUMN.match(run.text.strip()))]
        budget = [c[0] for c in columns if c[1] == words.BUDGET_COLUMN]
        actuals = [c[0] for c in sorted((c for c in columns if c[1] == words.ACTUAL_COLUMN), key=lambda c: -c[2])]
        if not budget or not actuals:
            return None
        first_column = min(c[0].x0 for c in columns)
        heading = next((x.text for x in reversed(lines[:k]) if _is_heading(x, margin)), None)
        goal = Goal(goal_id="1", department=_SECTION_NUMBER.sub("", heading or "") or None,
                    goal=_text([r for r in line.runs if r.x0 < first_column - 3.0]), page=line.page)
        end = len(lines)
        for index in range(k + 1, len(lines)):
            row = lines[index]
            names = [r for r in row.runs if r.x1 < first_column - 3.0]
            cells = [r for r in row.runs if r.x1 >= first_column - 3.0]
            if not names or not cells or row.page != line.page:
                end = index
                break

            def under(header: _Run, cells: list[_Run] = cells) -> str | None:
                return next((_text([r]) for r in cells if abs(r.x1 - header.x1) < 6.0), None)

            goal.metrics.append(Metric(name=_text(names).rstrip(" ,"), target=under(budget[0]),
                                       actual=under(actuals[0]),
                                       baseline=under(actuals[1]) if len(actuals) > 1 else None, page=row.page))
        # The officials' account under the table ("Kuten taulukosta näkyy, ... toteutuivat."), up to the
        # next heading: evidence for the rows, not a label of its own.
        account = []
        for row in lines[end:]:
            if _is_heading(row, margin) or row.page != line.page:
                break
            account.append(row.text)
        goal.metric_status = _join(account)
        return goal if goal.metrics else None
    return None


# ---------------------------------------------------------------------------
# The plug-in


def _folded_text(pages: Sequence[Page]) -> str:
    return re.sub(r"\s+", " ", " ".join(p.text for p in pages)).lower()


class AssessmentBlocks:
    """Kauhava's layout: company assessment blocks and numbered board goals."""

    name = "assessment_blocks"

    def detect(self, pages: Sequence[Page]) -> float:
        """Sure when *Tavoite Toimenpide/mittari* blocks with *Arviointi Tila* rows or
        numbered goals with *Toteutuminen:* fill the pages."""
        text = _folded_text(pages)
        blocks = min(text.count(" ".join(words.GOAL_HEADER)), text.count(" ".join(words.ASSESSMENT_HEADER)))
        assessed = text.count(words.ASSESSMENT_MARKER)
        if blocks:
            return min(0.95, 0.6 + 0.05 * blocks + 0.02 * assessed)
        if assessed >= 2 and any(h in text for h in words.BOARD_GOALS_HEADINGS):
            return min(0.7, 0.3 + 0.05 * assessed)
        return 0.0

    def read(self, path: Path, pages: Sequence[Page], document: Sequence[Page] | None = None) -> list[Goal]:
        """The goals on ``pages``: company blocks, the group table and board goals, in page order."""
        lines = _lines(Path(path), pages)
        if not lines:
            return []
        margin = min(line.x0 for line in lines)
        goals = _company_goals(lines, margin) + _board_goals(lines, margin)
        if group := _group_goal(lines, margin):
            goals.insert(0, group)
        return sorted(goals, key=lambda g: g.page or 0)

    def read_report(self, path: Path, pages: Sequence[Page], document: Sequence[Page] | None = None) -> Report:
        """A :class:`Report` of :meth:`read`'s goals and a warning for each goal given in prose only.

        The PDF reader adds what every layout shares (the checks, the year, ``sha256`` and ``pages``).
        """
        path = Path(path)
        report = Report(source=path.name, sha256="", layout=self.name)
        report.goals = self.read(path, pages, document)
        for goal in report.goals:
            if goal.status_label is None and not goal.metrics and goal.metric_status:
                report.warnings.append(
                    f"{path.name}: {goal.department}, goal {goal.goal_id} (page {goal.page}): the assessment "
                    "gives no status label, only prose; status left empty."
                )
        return report


LAYOUT = AssessmentBlocks()
