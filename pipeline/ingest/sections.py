"""The section finder: which pages of a whole financial statement hold the binding targets.

A *tilinpäätös* runs to 150–200 pages, of which the binding targets fill one
section (Seinäjoki 2024: PDF pages 79–141). One fast text pass with pypdfium2
reads every page (about 4 ms a page); each page is scored by the headings and
vocabulary of :mod:`pipeline.lang_fi.sections` and the status labels of
:mod:`pipeline.records`, and the densest run of scored pages is the section.
The slower table reading then runs on those pages only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.errors import ReportError
from pipeline.ingest.layouts import Page
from pipeline.lang_fi.sections import METRIC_HEADERS, STATEMENT_TITLES, TARGET_HEADINGS
from pipeline.status import vocabulary_labels

#: Called as ``progress(stage, done, total)`` while a long file is read.
Progress = Callable[[str, int, int], None]

#: A page scoring this much is a binding-targets page.
PAGE_THRESHOLD = 3.0
#: Pages of a section may be this many pages apart (a board's budget table and prose
#: between two of its goals, Kauhava 2024 pages 94–101) and still be one section.
MAX_GAP = 8
#: A document this short is read whole, as readers did before the finder:
#: a report of the binding targets alone, like the seed.
SHORT_DOCUMENT = 20

_STATUS_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(label) for label in vocabulary_labels()), key=len, reverse=True)) + r")\b"
)


def read_pages(data: bytes, progress: Progress | None = None) -> list[Page]:
    """Every page's text, 1-based, in one pass with pypdfium2."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        pages = []
        total = len(pdf)
        for index in range(total):
            page = pdf[index]
            textpage = page.get_textpage()
            text = textpage.get_text_bounded().replace("\r\n", "\n").replace("\r", "\n")
            textpage.close()
            page.close()
            pages.append(Page(index + 1, text))
            if progress is not None and ((index + 1) % 25 == 0 or index + 1 == total):
                progress("pages read", index + 1, total)
        return pages
    finally:
        pdf.close()


def page_score(text: str) -> float:
    """How much ``text`` reads like a binding-targets page.

    Two points for each distinct target heading (*Talousarviotavoite*,
    *Arviointi Tila*, *Toteutuminen:*), one for each distinct metric-table
    header (*Nykyarvo*, *Tavoitetaso*) and half a point for each status label
    (*Toteutui osittain*), at most two.
    """
    folded = re.sub(r"\s+", " ", text).lower()
    score = 2.0 * sum(heading in folded for heading in TARGET_HEADINGS)
    score += sum(header in folded for header in METRIC_HEADERS)
    score += min(2.0, 0.5 * len(_STATUS_WORDS.findall(folded)))
    return score


_TITLE = re.compile(rf"^\s*(?:{'|'.join(STATEMENT_TITLES)})\s+(\d{{4}})\s*$", re.IGNORECASE | re.MULTILINE)


def statement_year(pages: Sequence[Page]) -> int | None:
    """The year a whole statement covers, from its title on the first pages (*Tilinpäätös 2024*)."""
    for page in pages[:3]:
        if m := _TITLE.search(page.text):
            return int(m.group(1))
    return None


def find_section(pages: Sequence[Page]) -> list[Page]:
    """The pages that hold the binding targets.

    A short document (at most :data:`SHORT_DOCUMENT` pages) is read whole. In a
    longer one, pages scoring at least :data:`PAGE_THRESHOLD` that lie at most
    :data:`MAX_GAP` pages apart form runs; the run with the highest total
    score is the section, with the page after its last scored page (a row
    that goes on). A document without any scored page is returned whole, so
    the layouts can say they recognise none of it.
    """
    if len(pages) <= SHORT_DOCUMENT:
        return list(pages)
    scores = [page_score(page.text) for page in pages]
    hits = [i for i, score in enumerate(scores) if score >= PAGE_THRESHOLD]
    if not hits:
        return list(pages)
    runs: list[list[int]] = [[hits[0]]]
    for i in hits[1:]:
        if i - runs[-1][-1] <= MAX_GAP + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    best = max(runs, key=lambda run: sum(scores[i] for i in run))
    last = min(best[-1] + 1, len(pages) - 1)
    return list(pages[best[0] : last + 1])


def select_pages(pages: Sequence[Page], spec: str, source: str) -> list[Page]:
    """The pages named by ``spec`` (``58-113``, ``79-127,128-141``, ``19``), 1-based and inclusive.

    Raises
    ------
    ReportError
        When ``spec`` is not a list of pages and ranges, has a range whose first page is after its last,
        or names a page the PDF does not have.
    """
    wanted: list[int] = []
    for part in spec.replace(" ", "").split(","):
        m = re.fullmatch(r"(\d+)(?:[-–](\d+))?", part)
        if m is None:
            raise ReportError(
                source, f"--pages {spec!r} is not a list of pages; expected e.g. '58-113' or '79-127,130'."
            )
        first, last = int(m[1]), int(m[2] or m[1])
        if first > last:
            raise ReportError(
                source,
                f"--pages {spec!r}: the range {part!r} starts after it ends (page {first} comes after page "
                f"{last}); give the first page first, e.g. '{last}-{first}'.",
            )
        if not 1 <= first <= last <= len(pages):
            raise ReportError(
                source,
                f"--pages {spec!r} names pages outside the PDF's 1–{len(pages)}; give pages within them.",
            )
        wanted.extend(range(first, last + 1))
    return [pages[n - 1] for n in sorted(set(wanted))]


def describe(pages: Sequence[Page]) -> str:
    """Page numbers as ranges for messages: ``58–113``, ``1–3, 7``."""
    numbers = [page.number for page in pages]
    parts = []
    start = prev = None
    for n in numbers:
        if prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            parts.append(f"{start}–{prev}" if prev != start else f"{start}")
        start = prev = n
    if start is not None:
        parts.append(f"{start}–{prev}" if prev != start else f"{start}")
    return ", ".join(parts)
