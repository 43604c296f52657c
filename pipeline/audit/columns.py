"""The column a figure stands in when a report prints a table as a line of text.

Large cities print a metric's years side by side, and a text extractor
flattens the table into one line: a header of column labels, then the values
in the same order (*TP 2023 | TA 2024 | TP 2024 — 14,2 % | 12,8 % | 13,9 %*),
several rows under one header (*TP 2022 | TP 2023 — Käyttöaste: 98,4 % |
98,6 % — Keskivuokra: 16,20 | 16,90*), or a label in each cell (*TP 2022
1 402 | TA 2023 1 100 | TP 2023 1 038*). The label says whether the figure is
an actual (*TP*), a budget (*TA*) or other cities' figure (*kuusikko*), and of which year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline import finnish
from pipeline.indicators import ROW_BREAK, text_offset
from pipeline.lang_fi.dates import YEAR_LEMMA
from pipeline.lang_fi.targets import (
    ACTUAL_COLUMNS,
    BUDGET_COLUMNS,
    CHANGE_COLUMNS,
    COLUMN_LABEL_PATTERN,
    PEER_COLUMNS,
    TARGET_LEMMA,
)
from pipeline.records import Indicator

_LABEL = COLUMN_LABEL_PATTERN.replace("?P<kind>", "?:")
#: Two or more labels over a bar, ending where the values (or a row's name) begin.
_CHANGE = "|".join(re.escape(label) for label in sorted(CHANGE_COLUMNS, key=len, reverse=True))
#: Also a header whose last bar is the first value's (*TP 2011 | TA 2012 | TP 2012 | 1.612 | 1.750 | 1.884*).
_HEADER = re.compile(rf"(?<![\w,.]){_LABEL}(?:\s*\|\s*{_LABEL})+(?:\s*\|\s*(?:{_CHANGE}))?[^\S\n]*"
                     r"(?:[—–=:\n]|--|$|\|(?=\s*(?:[−-]?\d|$)))", re.IGNORECASE)
#: A header of bare years only (*2022 | 2023*), which a row of values can look like.
_BARE_YEARS = re.compile(r"(?:19|20)\d{2}(?:\s*\|\s*(?:19|20)\d{2})+")
#: One label, to read its kind.
_ONE_LABEL = re.compile(COLUMN_LABEL_PATTERN, re.IGNORECASE)
#: A label that is all of its cell before the figure, or follows the row's name: *TP 2022 1 402*, *Väkiluku:
#: TP 2021 122 594*; not the second of two labels over a slash (*TP 2023 / TA 2023: 5,02 / 4,85 M€*).
_CELL_LABEL = re.compile(rf"(?:^|:)\s*({_LABEL})\s*:?\s*$", re.IGNORECASE)
#: A label after the row's name in a cell of a row of several (*Lainakanta TP 2017 4.190 €/asukas | TP 2018 …*).
#: Groups: the word before, then the label.
_NAMED_CELL_LABEL = re.compile(rf"([^\W\d_]+)\s+({_LABEL})\s*:?\s*$", re.IGNORECASE)
#: A label that opens a row of values, after the row's name: *lainakanta: TA 2025 120,0 milj. € | 5.400 €/as.*
_ROW_LABEL = re.compile(rf"(?:^|[:|])\s*({_LABEL})\s*:?\s+(?=[−-]?\d)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Column:
    """A column label: ``budget`` for a plan (*TA*), else an actual; ``year`` the year it is of; ``peer`` for
    other cities' or the country's figure (*kuusikko 2021*), not the city's own."""

    budget: bool
    year: int
    peer: bool = False


def _column(label: str) -> Column:
    found = _ONE_LABEL.search(label)
    kind = (found.group("kind") or "").lower() if found else ""
    year = re.search(r"(?:19|20)\d{2}", label)
    return Column(budget=kind in _BUDGET, year=int(year.group(0)), peer=kind.startswith(PEER_COLUMNS))


_BUDGET = frozenset(kind.lower() for kind in BUDGET_COLUMNS)
_KINDS = frozenset(kind.lower() for kind in (*ACTUAL_COLUMNS, *BUDGET_COLUMNS))


def _kind_or_time_word(word: str) -> bool:
    """A word before a year that makes it no row's label: a column kind (*TA 2023*, *kuusikko 2023*), or a word
    of time or aim (*vuodesta 2022*, *tavoite 2030*)."""
    lemmas = finnish.lemmas(word)
    return (word.lower() in _KINDS or word.lower().startswith(PEER_COLUMNS)
            or any(lemma.endswith((YEAR_LEMMA, TARGET_LEMMA)) for lemma in lemmas))


def column_of(figure: Indicator) -> Column | None:
    """The label of the column ``figure`` stands in, or None when it stands in no flattened table."""
    found = _cell(figure)
    return found[0] if found is not None else None


def row_before(figure: Indicator) -> str:
    """The text of the table row ``figure`` stands in, up to it: the table's title, the row's name and the
    cells before it (*kuusikko: 7 |* of *TP 2022 | TP 2023 — Espoo: 5 | 6 — kuusikko: 7 | 8*); empty outside
    a table."""
    found = _cell(figure)
    return found[1] if found is not None else ""


def _cell(figure: Indicator) -> tuple[Column, str] | None:
    return _cell_in(figure.sentence, figure.text)


@lru_cache(maxsize=8192)
def _cell_in(sentence: str, text: str) -> tuple[Column, str] | None:
    """The column of the figure printed as ``text`` in ``sentence`` and the text of its row before it, with
    the table's title (*Koko maan työttömyysaste TP 2022 | TP 2023 — …*); kept, since the audit asks about
    one figure's column several times."""
    at = text_offset(sentence, text)
    if at < 0:
        return None  # a derived figure's arithmetic
    before = sentence[:at]
    headers = list(_HEADER.finditer(before))
    if headers:
        # A later line of bare four-digit values ("Käynnit 1950 | 2010") is a row, not a new header: only a
        # label of a kind, month or day starts one.
        header = next((h for h in reversed(headers[1:]) if not _BARE_YEARS.fullmatch(h.group(0).strip(" —–=:-\n"))),
                      headers[0])
        labels = header.group(0).rstrip("—–=:-| \n").split("|")
        row = ROW_BREAK.split(before[header.end():])[-1]
        index = row.count("|")
        if index >= len(labels) or re.fullmatch(_CHANGE, labels[index].strip(), re.IGNORECASE):
            return None  # past the header, or a change between the years: no year's figure
        title = re.split(r"[.;]\s", before[:header.start()])[-1]
        return _column(labels[index]), f"{title} {row}"
    row = ROW_BREAK.split(before)[-1]
    own = _CELL_LABEL.search(row.split("|")[-1])
    # "Lainakanta TP 2017 4.190 €/asukas | TP 2018 …": in a row of cells, a label after the row's name (not
    # after a kind: "(TA 2023: 3,5 milj. €)" is no bare 2023).
    named = _NAMED_CELL_LABEL.search(row.split("|")[-1]) if own is None and "|" in sentence else None
    if named is not None and not _kind_or_time_word(named.group(1)):
        return _column(named.group(2)), row
    if own is None:
        # "Vuosikate | lainakanta: TA 2025 120,0 milj. € | 5.400 €/as.": a label before a row's first value is
        # the whole row's, over the bars between its cells.
        own = next((label for label in reversed(list(_ROW_LABEL.finditer(row))) if "|" in row[label.end():]), None)
    return (_column(own.group(1)), row) if own is not None else None
