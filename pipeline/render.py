"""Rendering goal records as a report-like PDF table (reportlab).

Used to make test and benchmark PDFs that look like the real reports: a
landscape table with the Finnish column headers repeated on every page,
rows spanning the table for themes and strategic goals, multi-paragraph
cells, and a date footer. Rows move whole to the next page, or with
``split_rows`` continue on it as in the real reports: the row's cells break
at the page end (between paragraphs, mid-sentence, or at a hyphen inside a
word) and go on under the header repeated at the top of the next page.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.lang_fi.headers import COLUMN_TITLES
from pipeline.records import Report

FIELDS = ("goal", "metric", "baseline", "target", "responsible", "measures", "metric_status", "status_label")
#: What the reports print after a column's title: *Sitova tavoite vuodelle 2021*, *Tavoitetaso 2021*.
_TITLE_ENDINGS = {"goal": " vuodelle {year}", "target": " {year}", "measures": " 1.1. - 31.12.{year}",
                  "metric_status": " 1.1. - 31.12.{year}"}
HEADERS = tuple(COLUMN_TITLES[name] + _TITLE_ENDINGS.get(name, "") for name in FIELDS)
#: Column widths in points; the sums fit a landscape A4 page with margins.
LAYOUTS: dict[str, Sequence[float]] = {
    "vantaa": (95, 80, 95, 115, 70, 175, 130, 60),
    "wide_measures": (90, 70, 80, 100, 65, 210, 125, 60),
    "even": (96, 96, 96, 96, 96, 96, 96, 48),
}


def render_pdf(
    report: Report, path: str | Path, layout: str = "vantaa", font_size: float = 8.0, *, split_rows: bool = False
) -> Path:
    """Write ``report``'s goals as a table PDF at ``path``.

    Cell paragraphs (``\\n`` in a field) become separate paragraphs in the
    cell; a goal's id starts its goal cell as in the real reports. With
    ``split_rows`` a row that does not fit the rest of a page continues on
    the next one; a soft hyphen (U+00AD) in a field lets a line, and so a
    page, break inside that word ("osal\\xadlisuutta" → "osal-" / "lisuutta").
    """
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    path = Path(path)
    widths = LAYOUTS[layout]
    style = ParagraphStyle(
        "cell", fontName="Helvetica", fontSize=font_size, leading=font_size * 1.2, spaceBefore=font_size * 0.8
    )
    head_style = ParagraphStyle("head", parent=style, fontName="Helvetica-Bold", spaceBefore=0)
    span_style = ParagraphStyle("span", parent=head_style, fontSize=font_size + 1)
    year = report.year or ""

    def cell(text: str | None) -> list | str:
        return [Paragraph(escape(part), style) for part in (text or "").split("\n") if part.strip()] or ""

    rows: list[list] = [[Paragraph(escape(h.format(year=year)), head_style) for h in HEADERS]]
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.4, "#888888"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), "#d9e2f3"),
    ]
    theme = strategic = None
    for goal in report.goals:
        for value, prefix in ((goal.theme, ""), (goal.strategic_goal, "Strateginen tavoite {n}. ")):
            is_theme = prefix == ""
            if value and value != (theme if is_theme else strategic):
                number = (goal.goal_id or "0").split(".")[0]
                rows.append([Paragraph(escape(prefix.format(n=number) + value), span_style)] + [""] * 7)
                commands.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
                if is_theme:
                    theme = value
                else:
                    strategic = value
        values = [getattr(goal, name) for name in FIELDS]
        values[0] = f"{goal.goal_id} {goal.goal or ''}".strip()
        rows.append([cell(v) for v in values])
    # Splitting inside a row is tried first (splitByRow off): with both on,
    # reportlab moves the row whole when it can, and the row it later splits
    # comes after a copy of the header in mid-page.
    table = Table(rows, colWidths=list(widths), repeatRows=1, splitByRow=not split_rows, splitInRow=int(split_rows))
    table.setStyle(TableStyle(commands))

    def footer(canvas, doc) -> None:
        if report.date:
            y, m, d = report.date.split("-")
            canvas.setFont("Helvetica", 7)
            canvas.drawString(15 * mm, 8 * mm, f"{d}.{m}.{y}")

    doc = SimpleDocTemplate(
        str(path), pagesize=landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm,
        topMargin=12 * mm, bottomMargin=14 * mm, title=report.source,
    )
    doc.build([table], onFirstPage=footer, onLaterPages=footer)
    return path
