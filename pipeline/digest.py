"""The analyst's digest of an analysed report (Markdown; the HTML digest builds on the same parts).

Statuses are shown in the traffic light of the field everywhere (charts,
tables, the review app): green met, amber partial, red not met, grey not
assessable (:data:`STATUS_COLOURS`). Flagged claims are of two kinds, shown
and counted apart: *contradicted* (the evidence supports another status,
verdict ``inconsistent``) and *needs a look* (a numeric target with no figure
to check it, verdict ``insufficient_evidence``).
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import quote

from pipeline.audit import STATUS_FI
from pipeline.lang_fi.digest_labels import (
    DIRECTION_NAMES,
    FIGURE_COLUMNS,
    FLAG_HEADINGS,
    KIND_NAMES,
    QUALIFIER_NAMES,
    REVIEW_NAMES,
    VERDICT_NAMES,
)
from pipeline.lang_fi.flags import FLAG_NAMES_FI
from pipeline.lang_fi.headers import COLUMN_TITLES
from pipeline.records import FIGURE_KINDS, STATUSES, Report, flag_kind

#: Goal fields by the names the reports print (the goal itself without "Sitova").
FIELD_NAMES: dict[str, str] = {**COLUMN_TITLES, "goal": "Tavoite"}

#: The traffic light: green met, amber partial, red not met, grey not assessable.
STATUS_COLOURS: dict[str, str] = {
    "full": "#2e7d32",
    "partial": "#f0a500",
    "none": "#c62828",
    "not_assessable": "#9e9e9e",
}


def audit_flag(audit: dict | None) -> str | None:
    """``"contradicted"``, ``"needs_look"`` or ``None`` (not flagged) for a goal's ``audit``."""
    if not audit or not audit.get("flagged"):
        return None
    return flag_kind(audit.get("verdict"))


def flag_counts(goals) -> dict[str, int]:
    """``{"contradicted": n, "needs_look": m}`` over ``goals``."""
    counts = Counter(audit_flag(g.audit) for g in goals)
    return {kind: counts.get(kind, 0) for kind in FLAG_NAMES_FI}


def report_department(report: Report) -> str | None:
    """The report's department, or the one department all its goals share."""
    if report.department:
        return report.department
    departments = {getattr(g, "department", None) for g in report.goals}
    return departments.pop() if len(departments) == 1 else None


def report_heading(report: Report) -> tuple[str, str | None]:
    """The digest's title and the line under it.

    The report's own title and department when the document gives them
    (*Kaupunkikulttuurin toimiala: sitovien tavoitteiden toteutuminen 2022*)
    with the file name under it; the file name alone otherwise.
    """
    title = getattr(report, "title", None)
    department = report_department(report)
    if title and department and department.lower() not in title.lower():
        heading = f"{department}: {title}"
    elif title or department:
        heading = title or f"{department}: sitovien tavoitteiden toteutuminen {report.year or ''}".strip()
    else:
        return report.source, None
    return heading, report.source


def page_link(source_href: str | None, page: int | None) -> str | None:
    """``file.pdf#page=N`` for a goal read from a PDF page, else ``None``."""
    if not source_href or not page or not source_href.lower().endswith(".pdf"):
        return None
    return f"{quote(source_href)}#page={int(page)}"


def status_counts(report: Report) -> dict[str, dict[str, int]]:
    """``{"claimed": {status: n}, "predicted": {status: n}}`` over :data:`STATUSES` and ``None``."""
    claimed = Counter(g.status for g in report.goals)
    predicted = Counter((g.prediction or {}).get("status") for g in report.goals)
    keys = [*STATUSES, None]
    return {"claimed": {str(k): claimed.get(k, 0) for k in keys},
            "predicted": {str(k): predicted.get(k, 0) for k in keys}}


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#~|!])")


def markdown_text(text: object) -> str:
    """Report text for a Markdown line, heading or table cell: shown as text, never as markup.

    HTML (``<script>``, ``<img onerror=...>``) becomes entities; Markdown's own
    syntax (links ``[x](javascript:...)``, emphasis, code, headings, table
    pipes) is backslash-escaped; line breaks become spaces. The digest is
    also published as a Prefect artifact, which renders the Markdown.
    """
    value = str(text if text is not None else "")
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value).replace("\r", " ").replace("\n", " ")


def markdown_digest(report: Report) -> str:
    """Status counts, the flagged claims with their reasons, then every goal's claim and prediction."""
    counts = status_counts(report)
    flags = flag_counts(report.goals)
    heading, under = report_heading(report)
    facts = (f"Vuosi {report.year or '?'} · päivätty {report.date or '?'} · {report.n_goals} tavoitetta · "
             + " · ".join(f"{flags[kind]} {name}" for kind, name in FLAG_NAMES_FI.items()))
    lines = [f"# {markdown_text(heading)}", ""]
    if under:
        lines += [markdown_text(under), ""]
    lines += [facts, "", overview(report), "", "| tila | ilmoitettu | ennustettu |", "|---|---:|---:|"]
    for status in STATUSES:
        lines.append(f"| {STATUS_FI[status]} | {counts['claimed'][status]} | {counts['predicted'][status]} |")
    lines += ["", "## Tarkistettavat väitteet"]
    for kind, title in FLAG_HEADINGS.items():
        flagged = [g for g in report.goals if audit_flag(g.audit) == kind]
        lines += ["", f"### {title} ({len(flagged)})", ""]
        if not flagged:
            lines.append("Ei yhtään.")
        for goal in flagged:
            lines.append(f"#### {markdown_text(goal.goal_id or '-')} {markdown_text(goal.goal)}")
            lines.append(f"Ilmoitettu: **{markdown_text(goal.status_label)}** · "
                         f"arvio: **{VERDICT_NAMES.get(goal.audit['verdict'], goal.audit['verdict'])}**")
            lines += [f"- {markdown_text(reason)}" for reason in goal.audit["reasons"]]
            lines.append("")
    lines += ["## Kaikki tavoitteet", "", "| tavoite | ilmoitettu | ennustettu | arvio | lukuja | tiivistelmä |",
              "|---|---|---|---|---:|---|"]
    for goal in report.goals:
        predicted = (goal.prediction or {}).get("status")
        figures = sum(1 for i in goal.indicators if i["kind"] in FIGURE_KINDS)
        label = goal.status_label
        if goal.review:
            label = f"{STATUS_FI.get(goal.review['status'], '-')} (tarkastettu, {goal.review['reviewer']})"
        verdict = VERDICT_NAMES.get((goal.audit or {}).get("verdict"), "-")
        lines.append(f"| {markdown_text(goal.goal_id)} | {markdown_text(label)} | {STATUS_FI.get(predicted, '-')} | "
                     f"{verdict} | {figures} | {markdown_text(goal.summary)} |")
    return "\n".join(lines) + "\n"


def figure_rows(report: Report) -> list[dict]:
    """One row per extracted figure: goal, field, kind, value, unit, qualifier, direction, text."""
    return [{"goal": g.goal_id, "field": i["field"], "kind": i["kind"], "value": i["value"], "unit": i["unit"],
             "qualifier": i["qualifier"], "direction": i["direction"], "text": i["text"],
             "reviewed": REVIEW_NAMES.get(i.get("reviewed"), "")}
            for g in report.goals for i in g.indicators if i["kind"] in FIGURE_KINDS]


def finnish_number(value: object) -> str:
    """A figure's value as Finnish readers write it: ``2 500``, ``28,4``; dates and text unchanged."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}".replace(",", "\u00a0").replace(".", ",")


def figure_table(report: Report) -> tuple[list[str], list[list[str]]]:
    """The figure table in Finnish: column names as in the review workbook and Finnish values.

    ``metric_status`` → *Mittarien tilanne*, ``count`` → *lukumäärä*,
    ``at_least`` → *vähintään*, ``28.4`` → *28,4*.
    """
    names = {"field": FIELD_NAMES, "kind": KIND_NAMES, "qualifier": QUALIFIER_NAMES, "direction": DIRECTION_NAMES}
    rows = []
    for row in figure_rows(report):
        cells = []
        for key in FIGURE_COLUMNS:
            value = row[key]
            if key in names:
                value = names[key].get(value, value)
            elif key == "value":
                value = finnish_number(value)
            cells.append("" if value is None else str(value))
        rows.append(cells)
    return list(FIGURE_COLUMNS.values()), rows


# --- HTML -------------------------------------------------------------------------------------------


def highlight(text: str, indicators: list[dict], cited: set[tuple[int, int]]) -> list[dict]:
    """``text`` cut into segments, the figures marked; the template escapes every segment.

    A cited figure (one the audit compared with the target) gets the class
    ``cited``. Overlapping figures keep the first.
    """
    segments, position = [], 0
    for item in sorted(indicators, key=lambda i: (i["start"], -i["end"])):
        start, end = item["start"], item["end"]
        if start < position or end > len(text) or item["kind"] not in FIGURE_KINDS:
            continue
        if start > position:
            segments.append({"text": text[position:start], "mark": False})
        title = " ".join(str(x) for x in (item["kind"], item["value"], item.get("unit") or "") if x != "")
        css = "cited" if (start, end) in cited else "figure"
        segments.append({"text": text[start:end], "mark": True, "title": title, "css": css})
        position = end
    if position < len(text):
        segments.append({"text": text[position:], "mark": False})
    return segments


def highlighted_fields(goal, indicators: list[dict], cited: list[dict] = ()) -> list[dict]:
    """The goal's target, baseline, metric status and measures, each cut into :func:`highlight` segments.

    ``cited`` are the audit's ``{"field", "start", "end"}`` references.
    """
    cited_by_field: dict[str, set[tuple[int, int]]] = {}
    for ref in cited:
        cited_by_field.setdefault(ref["field"], set()).add((ref["start"], ref["end"]))
    fields = []
    for name in ("target", "baseline", "metric_status", "measures"):
        text = getattr(goal, name)
        if not text:
            continue
        items = [i for i in indicators if i["field"] == name]
        fields.append({"label": FIELD_NAMES[name], "segments": highlight(text, items, cited_by_field.get(name, set()))})
    return fields


def template_environment():
    """The Jinja2 environment of ``pipeline/templates``, escaping everything by default."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(loader=PackageLoader("pipeline", "templates"),
                              autoescape=select_autoescape(["html", "j2"], default=True))
    environment.globals.update(status_colours=STATUS_COLOURS, status_fi=STATUS_FI, flag_names=FLAG_NAMES_FI)
    return environment


def charts(report: Report) -> list[dict]:
    """PNG charts (base64) in the traffic-light colours: status claimed vs predicted, and claimed status by theme."""
    import base64
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    counts = status_counts(report)
    names = [STATUS_FI[s] for s in STATUSES]
    colours = [STATUS_COLOURS[s] for s in STATUSES]
    out = []
    figure = Figure(figsize=(6, 3), dpi=100)
    axes = figure.subplots()
    positions = range(len(STATUSES))
    # Claimed solid, predicted hatched and paler, each bar in its status's colour.
    axes.bar([p - 0.2 for p in positions], [counts["claimed"][s] for s in STATUSES], width=0.4, color=colours,
             edgecolor="#333333", linewidth=0.5)
    axes.bar([p + 0.2 for p in positions], [counts["predicted"][s] for s in STATUSES], width=0.4, color=colours,
             alpha=0.45, hatch="//", edgecolor="#333333", linewidth=0.5)
    axes.set_xticks(list(positions), names, fontsize=8)
    axes.set_ylabel("tavoitteita")
    axes.legend(handles=[Patch(facecolor="#bbbbbb", edgecolor="#333333", label="ilmoitettu"),
                         Patch(facecolor="#bbbbbb", edgecolor="#333333", alpha=0.45, hatch="//", label="ennustettu")],
                fontsize=8)
    figure.tight_layout()
    out.append({"alt": "Tilat: ilmoitettu (täysi pylväs) ja ennustettu (viivoitettu)",
                "png": _png(figure, io, base64)})

    themes = sorted({g.theme or "–" for g in report.goals})
    if len(themes) > 1:
        counts = [Counter(g.status for g in report.goals if (g.theme or "–") == t) for t in themes]
        out.append({"alt": "Ilmoitetut tilat teemoittain",
                    "png": stacked_status_bars([t[:45] for t in themes], counts, legend_outside=False)})
    return out


def stacked_status_bars(labels: list[str], counts: list[Counter], *, xlabel: str | None = None,
                        legend_outside: bool = True) -> str:
    """A PNG (base64) of one horizontal bar per label, stacked by status in the traffic-light colours."""
    import base64
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7.5, 0.7 + 0.42 * len(labels)), dpi=100)
    axes = figure.subplots()
    left = [0] * len(labels)
    for status in STATUSES:
        values = [c.get(status, 0) for c in counts]
        axes.barh(labels, values, left=left, label=STATUS_FI[status], color=STATUS_COLOURS[status])
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.invert_yaxis()  # first label on top, as in the tables
    if xlabel:
        axes.set_xlabel(xlabel)
    axes.tick_params(labelsize=7)
    axes.legend(fontsize=7, **({"loc": "upper left", "bbox_to_anchor": (1.01, 1.0)} if legend_outside else {}))
    figure.tight_layout()
    return _png(figure, io, base64)


def _png(figure, io, base64) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def overview(report: Report) -> str:
    """A one-paragraph Finnish summary of the report."""
    counts = status_counts(report)["claimed"]
    flags = flag_counts(report.goals)
    parts = [f"{counts[s]} {STATUS_FI[s]}" for s in STATUSES if counts[s]]
    text = f"Raportissa on {report.n_goals} sitovaa tavoitetta"
    if parts:
        text += " (ilmoitettu: " + ", ".join(parts) + ")"
    text += (f". Tarkastuksen mukaan {flags['contradicted']} väitettä on ristiriidassa lukujen tai tekstin kanssa, "
             f"ja {flags['needs_look']} väitteen tarkistamiseen näyttö ei riitä.")
    return text


def html_digest(report: Report, *, source_href: str | None = None) -> str:
    """The self-contained HTML digest (charts embedded); every text from the report is escaped.

    ``source_href`` is the source file as the digest's folder reaches it
    (default: the file name, beside the digest); goals read from a PDF page
    link to ``source_href#page=N``.
    """
    href = source_href if source_href is not None else report.source

    def view(goal) -> dict:
        predicted = (goal.prediction or {}).get("status")
        verdict = (goal.audit or {}).get("verdict")
        return {"goal": goal, "predicted_code": predicted, "predicted": STATUS_FI.get(predicted, "–"),
                "verdict": VERDICT_NAMES.get(verdict, "–"), "flag": audit_flag(goal.audit),
                "page_link": page_link(href, getattr(goal, "page", None)),
                "fields": highlighted_fields(goal, goal.indicators, (goal.audit or {}).get("cited", []))}

    views = [view(g) for g in report.goals]
    counts = status_counts(report)
    status_rows = [{"code": s, "name": STATUS_FI[s], "claimed": counts["claimed"][s],
                    "predicted": counts["predicted"][s]} for s in STATUSES]
    flag_groups = [{"kind": kind, "title": FLAG_HEADINGS[kind], "items": [v for v in views if v["flag"] == kind]}
                   for kind in FLAG_HEADINGS]
    columns, rows = figure_table(report)
    heading, under = report_heading(report)
    return template_environment().get_template("digest.html.j2").render(
        report=report, heading=heading, under=under, flag_groups=flag_groups,
        n_flagged=sum(len(g["items"]) for g in flag_groups), goals=views, status_rows=status_rows,
        charts=charts(report), figure_columns=columns, figure_rows=rows, overview=overview(report))


def digest_name(report: Report) -> str:
    """The digest's file name without suffix: the report file's name."""
    from pathlib import Path

    return Path(report.source).stem or "report"


def write_digest(report: Report, out_dir, *, source_path=None, name: str | None = None) -> tuple:
    """Write ``<out_dir>/<report name>.html`` and ``.md``; returns both paths.

    ``source_path`` is the report file, when known: the page links of a PDF
    then point to it from the digest's folder. ``name`` replaces the report
    file's name.
    """
    import os
    from pathlib import Path

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = name or digest_name(report)
    html_path, md_path = out / f"{stem}.html", out / f"{stem}.md"
    href = None
    if source_path is not None:
        href = Path(os.path.relpath(Path(source_path).resolve(), out.resolve())).as_posix()
    html_path.write_text(html_digest(report, source_href=href), encoding="utf-8")
    md_path.write_text(markdown_digest(report), encoding="utf-8")
    return html_path, md_path
