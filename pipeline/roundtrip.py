"""Round trip of goal records through a rendered PDF, read back two ways.

Records are rendered into a report-like PDF table (:mod:`pipeline.render`),
then read back (a) by the PDF reader from the table cells and (b) from
pdfminer's extracted text by the text reader. The score is the share of
goal fields recovered exactly.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from pipeline.records import GOAL_COLUMNS, Report


@dataclass
class Score:
    fields: int = 0
    exact: int = 0
    goals_expected: int = 0
    goals_found: int = 0

    @property
    def share(self) -> float:
        return self.exact / self.fields if self.fields else 0.0


def score(expected: Report, got: Report | None, score: Score) -> Score:
    """Add to ``score`` the fields of ``got`` that equal ``expected``'s, matched by goal id."""
    score.goals_expected += expected.n_goals
    score.fields += expected.n_goals * len(GOAL_COLUMNS)
    if got is None:
        return score
    score.goals_found += got.n_goals
    by_id = {}
    for goal in got.goals:
        by_id.setdefault(goal.goal_id, goal)
    for goal in expected.goals:
        back = by_id.get(goal.goal_id)
        if back is not None:
            score.exact += sum(getattr(goal, f) == getattr(back, f) for f in GOAL_COLUMNS)
    return score


def round_trip(
    report: Report, pdf_path: Path, layout: str, *, split_rows: bool = False
) -> tuple[Report | None, Report | None]:
    """Render ``report`` (rows split across pages with ``split_rows``) and read it back two ways."""
    from pdfminer.high_level import extract_text

    from pipeline.errors import ReportError
    from pipeline.ingest.pdf import read_pdf
    from pipeline.ingest.text import parse_text
    from pipeline.render import render_pdf

    render_pdf(report, pdf_path, layout=layout, split_rows=split_rows)
    try:
        via_pdf = read_pdf(pdf_path)
    except ReportError:
        via_pdf = None
    try:
        via_text = parse_text(extract_text(io.BytesIO(pdf_path.read_bytes())), source=pdf_path.name)
    except ReportError:
        via_text = None
    return via_pdf, via_text
