"""Report layouts as small plug-ins: each module holds one layout's detector and reader.

A whole financial statement (*tilinpäätös*) holds its binding targets in one
section, in whatever layout the city uses. The section finder reads every
page's text once (fast); each layout then says how sure it is that the found
pages are its kind (:meth:`Layout.detect`) and the surest one reads them
(:meth:`Layout.read`). A layout that also reads report-level facts only it
knows (the date, warnings) may define ``read_report(path, pages, document=None) -> Report``,
which the PDF reader then calls instead of ``read``; either way the PDF reader
itself refuses a report without goals, runs ``check_goals``, takes the year
from the statement's title and sets ``sha256``, ``layout`` and ``pages``.
A layout module exposes one instance as ``LAYOUT``; :data:`LAYOUT_MODULES`
lists the modules in the order they are asked.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pipeline.records import Goal

#: Modules under ``pipeline.ingest.layouts`` that each define ``LAYOUT``.
LAYOUT_MODULES: tuple[str, ...] = ("column_table", "metric_rows", "assessment_blocks")


@dataclass(frozen=True, slots=True)
class Page:
    """One PDF page's text, as the fast text pass gives it."""

    number: int  #: 1-based PDF page number
    text: str


class Layout(Protocol):
    """What a layout plug-in provides."""

    #: The name written to ``report.layout`` (``column_table``, ``metric_rows``, ...).
    name: str

    def detect(self, pages: Sequence[Page]) -> float:
        """How sure, from 0 to 1, that ``pages`` are written in this layout."""
        ...

    def read(self, path: Path, pages: Sequence[Page], document: Sequence[Page] | None = None) -> list[Goal]:
        """The goals on ``pages`` of the PDF at ``path``, each with its ``page`` (and ``department``, ``metrics``).

        ``document`` is every page's text from the PDF reader's one fast pass (``pages`` when not given), for
        what a report prints outside its section, such as a status legend; a layout never reads the text again.
        """
        ...


def layouts() -> list[Layout]:
    """Every registered layout, in the order of :data:`LAYOUT_MODULES`."""
    return [importlib.import_module(f"{__name__}.{name}").LAYOUT for name in LAYOUT_MODULES]
