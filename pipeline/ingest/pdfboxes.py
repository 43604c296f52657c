"""Text boxes and ruled lines of PDF pages, with pypdfium2: what layout readers place cells by.

pdfplumber's table finder parses every character of a page through pdfminer
(about 0.2 s a page); pypdfium2 gives the same page's text runs with their
boxes and its vector paths in a few milliseconds, which is enough to cut a
ruled table into rows and columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Box:
    """A run of text on one line: left, bottom, right and top in PDF points (y grows upwards)."""

    left: float
    bottom: float
    right: float
    top: float
    text: str
    #: The left edge of each character of ``text`` (a space: of the character after it).
    xs: tuple[float, ...] = ()

    @property
    def middle(self) -> float:
        return (self.bottom + self.top) / 2

    def x_of(self, index: int) -> float:
        """The left edge of character ``index``."""
        return self.xs[index] if index < len(self.xs) else self.left

    def split_at(self, x: float) -> tuple[Box | None, Box | None]:
        """The characters left of ``x`` and those from it on, as two boxes (``None`` when empty).

        Two cells can print so close that their characters form one run
        (*Lähtötaso/toteumaTavoitetasoToteuma*); a column's start cuts them apart.
        """
        cut = next((k for k, left in enumerate(self.xs) if left >= x), len(self.text))
        head, tail = self.text[:cut].rstrip(), self.text[cut:].lstrip()
        if not head or not tail:
            return (self, None) if head else (None, self)
        start = cut + (len(self.text[cut:]) - len(tail))
        return (
            Box(self.left, self.bottom, self.xs[cut - 1] + 0.1, self.top, head, self.xs[: len(head)]),
            Box(self.xs[start], self.bottom, self.right, self.top, tail, self.xs[start:]),
        )


@dataclass(slots=True)
class Line:
    """Boxes whose vertical middles fall within one another's height, left to right."""

    boxes: list[Box] = field(default_factory=list)

    @property
    def top(self) -> float:
        return max(box.top for box in self.boxes)

    @property
    def bottom(self) -> float:
        return min(box.bottom for box in self.boxes)

    @property
    def text(self) -> str:
        return join_boxes(self.boxes)


@dataclass(slots=True)
class PageBoxes:
    """One page's text boxes and the heights of its horizontal rules."""

    number: int  #: 1-based
    width: float
    height: float
    boxes: list[Box]
    #: y of each horizontal rule (a thin, wide path), top to bottom, with the rightmost x it reaches.
    rules: list[tuple[float, float]]


def join_boxes(boxes: Sequence[Box]) -> str:
    """The text of boxes on one line: touching boxes join directly (``Toteuma`` ``-`` ``arvo``)."""
    out = ""
    previous: Box | None = None
    for box in sorted(boxes, key=lambda b: b.left):
        text = box.text.replace("\x02", "-").replace("\xad", "-")
        if previous is not None and box.left - previous.right > 1.0 and not out.endswith(" "):
            out += " "
        out += text
        previous = box
    return " ".join(out.split())


def lines_of(boxes: Iterable[Box]) -> list[Line]:
    """Boxes grouped into lines, top to bottom; a hyphen box lower than its words stays on their line."""
    lines: list[Line] = []
    for box in sorted(boxes, key=lambda b: -b.top):
        for line in lines:
            if line.bottom - 0.5 <= box.middle <= line.top + 0.5:
                line.boxes.append(box)
                break
        else:
            lines.append(Line([box]))
    lines.sort(key=lambda line: -line.top)
    return lines


#: Characters further apart than this (points) start a new box: a word space is
#: about 3, the gap between two table columns 10 or more.
MAX_GAP = 6.0


def _runs(textpage) -> list[Box]:
    """The page's characters joined into runs of text on one line, split at column gaps.

    Built from characters with their font-height boxes rather than pdfium's own
    text rectangles: those overlap around a dash (*70–100 %* gives ``70–``,
    ``0–``, ``100``), and their text read back by bounds repeats characters.
    """
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count)
    if len(text) != count:
        text = "".join(textpage.get_text_range(k, 1) or " " for k in range(count))
    runs: list[Box] = []
    current: list = []  # [left, bottom, right, top, text, xs]
    space = False
    for k, char in enumerate(text):
        if char in "\r\n":
            if current:
                runs.append(_box(current))
            current, space = [], False
            continue
        if char.isspace():
            space = True
            continue
        left, bottom, right, top = textpage.get_charbox(k, loose=True)
        char = "-" if char in "\x02\xad\ufffe" else char
        same_line = current and current[1] - 1.0 <= (bottom + top) / 2 <= current[3] + 1.0
        # Loose boxes of neighbouring letters overlap (*M* and *ittari*): only a step back is a new run.
        if same_line and current[0] <= left <= current[2] + MAX_GAP:
            current[0], current[1] = min(current[0], left), min(current[1], bottom)
            current[2], current[3] = max(current[2], right), max(current[3], top)
            current[4] += (" " if space else "") + char
            current[5].extend([left] * (2 if space else 1))
        else:
            if current:
                runs.append(_box(current))
            current = [left, bottom, right, top, char, [left]]
        space = False
    if current:
        runs.append(_box(current))
    return runs


def _box(run: list) -> Box:
    return Box(run[0], run[1], run[2], run[3], run[4], tuple(run[5]))


def read_boxes(path: Path, numbers: Sequence[int]) -> list[PageBoxes]:
    """The text boxes and horizontal rules of the 1-based pages ``numbers`` of the PDF at ``path``."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(path)
    try:
        out = []
        for number in numbers:
            page = pdf[number - 1]
            width, height = page.get_size()
            textpage = page.get_textpage()
            boxes = _runs(textpage)
            textpage.close()
            rules: dict[float, float] = {}
            for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=2):
                left, bottom, right, top = obj.get_bounds()
                if top - bottom < 2.0 and right - left > 20.0:
                    y = round((top + bottom) / 2)
                    rules[y] = max(rules.get(y, 0.0), right)
            page.close()
            out.append(PageBoxes(number, width, height, boxes, sorted(rules.items(), key=lambda item: -item[0])))
        return out
    finally:
        pdf.close()
