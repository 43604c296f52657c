"""The analyst's digest of an analysed report (Markdown; the HTML digest builds on the same parts).

Statuses are shown in the traffic light of the field everywhere (charts,
tables, the review app): green met, amber partial, red not met, grey not
assessable (:data:`STATUS_COLOURS`). Flagged claims are of two kinds, shown
and counted apart: *contradicted* (the evidence supports another status,
verdict ``inconsistent``) and *needs a look* (a numeric target with no figure
to check it, verdict ``insufficient_evidence``).

A whole statement in the ``metric_rows`` layout labels its metric rows, not
its goals: each row has the city's own status and its own audit. The digest
then counts and lists *claims* (:class:`Claim`): a goal's own status, or
each metric row's where the goal has none of its own, and says which it
counted (:data:`~pipeline.lang_fi.digest_labels.COUNTED_UNITS`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from pipeline.audit import STATUS_FI
from pipeline.lang_fi.digest_labels import (
    COUNTED_UNITS,
    COUNTED_UNITS_AXIS,
    DIRECTION_NAMES,
    FIGURE_COLUMNS,
    FLAG_HEADINGS,
    KIND_NAMES,
    METRIC_COLUMNS,
    NO_STATUS_NAME,
    PREDICTED_NAMES,
    QUALIFIER_NAMES,
    REVIEW_NAMES,
    VERDICT_NAMES,
)
from pipeline.lang_fi.flags import FLAG_NAMES_FI
from pipeline.lang_fi.headers import COLUMN_TITLES
from pipeline.records import STATUSES, Audit, Citation, Goal, Indicator, Metric, Report, flag_kind

#: Goal fields by the names the reports print (the goal itself without "Sitova").
FIELD_NAMES: dict[str, str] = {**COLUMN_TITLES, "goal": "Tavoite"}

#: The traffic light: green met, amber partial, red not met, grey not assessable.
STATUS_COLOURS: dict[str, str] = {
    "full": "#2e7d32",
    "partial": "#f0a500",
    "none": "#c62828",
    "not_assessable": "#9e9e9e",
}


def audit_flag(audit: Audit | None) -> str | None:
    """``"contradicted"``, ``"needs_look"`` or ``None`` (not flagged) for a goal's ``audit``."""
    if audit is None or not audit.flagged:
        return None
    return flag_kind(audit.verdict)


@dataclass(frozen=True, slots=True)
class Claim:
    """One status claim of a report: a goal's own (``metric`` is ``None``) or one of its metric rows'.

    ``predicted`` is the classifier's status for a goal and, for a metric
    row, the status the row's own figures support (its audit's
    ``evidence_status``).
    """

    goal: Goal
    metric: Metric | None = None

    @property
    def status(self) -> str | None:
        return self.metric.status if self.metric else self.goal.status

    @property
    def status_label(self) -> str | None:
        return self.metric.status_label if self.metric else self.goal.status_label

    @property
    def audit(self) -> Audit | None:
        return self.metric.audit if self.metric else self.goal.audit

    @property
    def predicted(self) -> str | None:
        if self.metric:
            return self.metric.audit.evidence_status if self.metric.audit else None
        return self.goal.prediction.status if self.goal.prediction else None

    @property
    def page(self) -> int | None:
        return (self.metric.page if self.metric else None) or self.goal.page

    @property
    def flag(self) -> str | None:
        return audit_flag(self.audit)


def goal_claims(goal: Goal) -> list[Claim]:
    """What a goal's status counts: its own status, or its metric rows' when it has none and has rows."""
    if goal.status is None and goal.metrics:
        return [Claim(goal, metric) for metric in goal.metrics]
    return [Claim(goal)]


def status_claims(goals: Iterable[Goal]) -> list[Claim]:
    """The claims the status distribution counts, in report order (:func:`goal_claims`)."""
    return [claim for goal in goals for claim in goal_claims(goal)]


def flagged_claims(goals: Iterable[Goal]) -> list[Claim]:
    """Every flagged claim in report order: a goal's own audit, then each of its metric rows' audits."""
    out = []
    for goal in goals:
        out += [c for c in (Claim(goal), *(Claim(goal, m) for m in goal.metrics)) if c.flag]
    return out


def flag_counts(goals: Iterable[Goal]) -> dict[str, int]:
    """``{"contradicted": n, "needs_look": m}`` over ``goals`` and their metric rows."""
    counts = Counter(c.flag for c in flagged_claims(goals))
    return {kind: counts.get(kind, 0) for kind in FLAG_NAMES_FI}


def counted_unit(rows: int, claims: int) -> str:
    """``goals``, ``metrics`` or ``mixed`` (keys of :data:`COUNTED_UNITS`): what ``claims`` counted claims are,
    ``rows`` of them metric rows."""
    return "goals" if not rows else "metrics" if rows == claims else "mixed"


def claims_unit(claims: Sequence[Claim]) -> str:
    """:func:`counted_unit` of ``claims``."""
    return counted_unit(sum(c.metric is not None for c in claims), len(claims))


def goal_anchors(goals: Sequence[Goal]) -> list[str | None]:
    """The id of each goal's section in the digest: ``goal-<id>``, and ``goal-<id>-<n>`` for the n-th goal of an id
    already used (Kauhava's companies each have a goal *1*), ``None`` without an id."""
    seen: Counter = Counter()
    anchors = []
    for goal in goals:
        if goal.goal_id:
            seen[goal.goal_id] += 1
        n = seen[goal.goal_id]
        anchors.append(None if not goal.goal_id else f"goal-{goal.goal_id}" + (f"-{n}" if n > 1 else ""))
    return anchors


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
    """``{"claimed": {status: n}, "predicted": {status: n}}`` over :data:`STATUSES` and ``None``.

    Counted over :func:`status_claims`: a goal's own status, or its metric rows' where it has none.
    """
    claims = status_claims(report.goals)
    claimed = Counter(c.status for c in claims)
    predicted = Counter(c.predicted for c in claims)
    keys = [*STATUSES, None]
    return {"claimed": {str(k): claimed.get(k, 0) for k in keys},
            "predicted": {str(k): predicted.get(k, 0) for k in keys}}


def claim_heading(claim: Claim) -> list[str]:
    """The parts of a flagged claim's heading: goal id and text, department, page (*s. 84*).

    Goal ids repeat across the departments of a whole statement (Kauhava's
    *1 Taloudellinen tulos* in two companies); the department and the page
    tell them apart.
    """
    goal = claim.goal
    parts = [" ".join(str(p) for p in (goal.goal_id, goal.goal) if p) or "–"]
    if goal.department:
        parts.append(goal.department)
    if claim.page:
        parts.append(f"s. {claim.page}")
    return parts


def metric_count(report: Report) -> int:
    """The number of metric rows over the report's goals."""
    return sum(len(g.metrics) for g in report.goals)


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


def status_rows(report: Report) -> list[dict]:
    """The status table's rows: ``{"code", "name", "claimed", "predicted"}`` per status, and one for claims
    without a status (none printed, or none the figures support) when there are any."""
    counts = status_counts(report)
    codes = [*STATUSES, *(["None"] if counts["claimed"]["None"] or counts["predicted"]["None"] else [])]
    return [{"code": None if code == "None" else code, "name": STATUS_FI.get(code, NO_STATUS_NAME),
             "claimed": counts["claimed"][code], "predicted": counts["predicted"][code]} for code in codes]


def counted_text(report: Report) -> str:
    """A Finnish sentence that says what the status counts count: goals, metric rows, or both."""
    claims = status_claims(report.goals)
    rows = sum(c.metric is not None for c in claims)
    goals = len(claims) - rows
    unit = claims_unit(claims)
    if unit == "goals":
        return f"Lasketaan tavoitteiden omat tilat ({goals} tavoitetta)."
    rows_text = (f"mittarien tilat ({rows} mittaria) niiltä tavoitteilta, joilla ei ole omaa tilaa; "
                 "mittarin toinen tila on se, jota rivin omat luvut tukevat.")
    if unit == "metrics":
        return "Lasketaan " + rows_text
    return f"Lasketaan tavoitteiden omat tilat ({goals} tavoitetta) ja " + rows_text


def markdown_digest(report: Report) -> str:
    """Status counts, the flagged claims with their reasons, then every goal's claim and prediction and every
    metric row."""
    claims = status_claims(report.goals)
    unit = claims_unit(claims)
    flags = flag_counts(report.goals)
    heading, under = report_heading(report)
    n_metrics = metric_count(report)
    facts = (f"Vuosi {report.year or '?'} · päivätty {report.date or '?'} · {report.n_goals} tavoitetta · "
             + (f"{n_metrics} mittaria · " if n_metrics else "")
             + " · ".join(f"{flags[kind]} {name}" for kind, name in FLAG_NAMES_FI.items()))
    lines = [f"# {markdown_text(heading)}", ""]
    if under:
        lines += [markdown_text(under), ""]
    lines += [facts, "", overview(report), "", counted_text(report), "",
              f"| tila | ilmoitettu | {PREDICTED_NAMES[unit]} |", "|---|---:|---:|"]
    lines += [f"| {row['name']} | {row['claimed']} | {row['predicted']} |" for row in status_rows(report)]
    lines += ["", "## Tarkistettavat väitteet"]
    flagged = flagged_claims(report.goals)
    for kind, title in FLAG_HEADINGS.items():
        of_kind = [c for c in flagged if c.flag == kind]
        lines += ["", f"### {title} ({len(of_kind)})", ""]
        if not of_kind:
            lines.append("Ei yhtään.")
        for claim in of_kind:
            lines += _markdown_flag(claim)
    lines += ["## Kaikki tavoitteet", "",
              "| tavoite | toimiala | ilmoitettu | ennustettu | arvio | lukuja | tiivistelmä |",
              "|---|---|---|---|---|---:|---|"]
    for goal in report.goals:
        predicted = goal.prediction.status if goal.prediction else None
        figures = len(goal.figures)
        label = goal.status_label or (f"mittareittain ({len(goal.metrics)})" if goal.metrics else None)
        if goal.review:
            label = f"{STATUS_FI.get(goal.review.status, '-')} (tarkastettu, {goal.review.reviewer})"
        verdict = VERDICT_NAMES.get(goal.audit.verdict if goal.audit else None, "-")
        lines.append(f"| {markdown_text(goal.goal_id)} | {markdown_text(goal.department)} | {markdown_text(label)} | "
                     f"{STATUS_FI.get(predicted, '-')} | {verdict} | {figures} | "
                     f"{markdown_text(goal.summary)} |")
    if n_metrics:
        lines += ["", "## Mittarit", "", "| tavoite | toimiala | " + " | ".join(METRIC_COLUMNS.values()) + " |",
                  "|---|---|" + "---|" * len(METRIC_COLUMNS)]
        for goal in report.goals:
            for metric in goal.metrics:
                lines.append("| " + " | ".join(markdown_text(cell) for cell in (
                    goal.goal_id, goal.department, *metric_view(metric).values())) + " |")
    return "\n".join(lines) + "\n"


def _markdown_flag(claim: Claim) -> list[str]:
    """A flagged claim in Markdown: a heading with department and page, the metric row's cells, the verdict and
    the reasons."""
    lines = ["#### " + " · ".join(markdown_text(part) for part in claim_heading(claim))]
    verdict = VERDICT_NAMES.get(claim.audit.verdict, claim.audit.verdict)
    if claim.metric:
        cells = {key: markdown_text(value) for key, value in metric_view(claim.metric).items()}
        lines.append(f"Mittari: **{cells['name']}** · "
                     + " · ".join(f"{METRIC_COLUMNS[key]} {cells[key]}" for key in ("baseline", "target", "actual"))
                     + "  ")
        lines.append(f"Ilmoitettu: **{cells['status_label']}** · "
                     f"{PREDICTED_NAMES['metrics']}: **{STATUS_FI.get(claim.predicted, '–')}** · arvio: **{verdict}**")
    else:
        lines.append(f"Ilmoitettu: **{markdown_text(claim.status_label or '–')}** · "
                     f"ennustettu: **{STATUS_FI.get(claim.predicted, '–')}** · arvio: **{verdict}**")
    return [*lines, *(f"- {markdown_text(reason)}" for reason in claim.audit.reasons), ""]


def metric_view(metric: Metric) -> dict[str, str]:
    """A metric row's cells keyed by :data:`METRIC_COLUMNS`: as printed, the status its figures support, the
    verdict, the page."""
    audit = metric.audit
    name, baseline, target, actual = (cell or "–" for cell in (metric.name, metric.baseline, metric.target,
                                                                 metric.actual))
    label = metric.status_label or "–"
    if metric.status in STATUS_FI and metric.status_label:
        label = f"{metric.status_label} ({STATUS_FI[metric.status]})"
    return {"name": name, "baseline": baseline, "target": target, "actual": actual, "status_label": label,
            "evidence": STATUS_FI.get(audit.evidence_status if audit else None, "–"),
            "verdict": VERDICT_NAMES.get(audit.verdict if audit else None, "–"),
            "page": str(metric.page) if metric.page else "–"}


def figure_rows(report: Report) -> list[dict]:
    """One row per extracted figure: goal, field, kind, value, unit, qualifier, direction, text."""
    return [{"goal": g.goal_id, "field": i.field, "kind": i.kind, "value": i.value, "unit": i.unit,
             "qualifier": i.qualifier, "direction": i.direction, "text": i.text,
             "reviewed": REVIEW_NAMES.get(i.reviewed, "")}
            for g in report.goals for i in g.figures]


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


def highlight(text: str, indicators: Iterable[Indicator], cited: set[tuple[int, int]]) -> list[dict]:
    """``text`` cut into segments, the figures marked; the template escapes every segment.

    A cited figure (one the audit compared with the target) gets the class
    ``cited``. Overlapping figures keep the first.
    """
    segments, position = [], 0
    for item in sorted(indicators, key=lambda i: (i.start, -i.end)):
        start, end = item.start, item.end
        if start < position or end > len(text) or not item.is_figure:
            continue
        if start > position:
            segments.append({"text": text[position:start], "mark": False})
        title = " ".join(str(x) for x in (item.kind, item.value, item.unit or "") if x != "")
        css = "cited" if (start, end) in cited else "figure"
        segments.append({"text": text[start:end], "mark": True, "title": title, "css": css})
        position = end
    if position < len(text):
        segments.append({"text": text[position:], "mark": False})
    return segments


def highlighted_fields(goal: Goal, indicators: Sequence[Indicator], cited: Sequence[Citation] = ()) -> list[dict]:
    """The goal's target, baseline, metric status and measures, each cut into :func:`highlight` segments.

    ``cited`` are the audit's references to the figures it compared with the target.
    """
    cited_by_field: dict[str, set[tuple[int, int]]] = {}
    for ref in cited:
        cited_by_field.setdefault(ref.field, set()).add((ref.start, ref.end))
    fields = []
    for name in ("target", "baseline", "metric_status", "measures"):
        text = getattr(goal, name)
        if not text:
            continue
        items = [i for i in indicators if i.field == name]
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
    """PNG charts (base64) in the traffic-light colours: status claimed vs predicted, and claimed status by theme.

    Each chart is ``{"title", "alt", "png"}``; the title says what is counted
    (*Tavoitteet (8)*, *Mittarit (284)*: :func:`status_claims`).
    """
    import base64
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    claims = status_claims(report.goals)
    unit = claims_unit(claims)
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
    axes.set_ylabel(COUNTED_UNITS_AXIS[unit])
    title = f"{COUNTED_UNITS[unit]} ({len(claims)}): ilmoitettu ja {PREDICTED_NAMES[unit]} tila"
    axes.set_title(title, fontsize=9)
    axes.legend(handles=[Patch(facecolor="#bbbbbb", edgecolor="#333333", label="ilmoitettu"),
                         Patch(facecolor="#bbbbbb", edgecolor="#333333", alpha=0.45, hatch="//",
                               label=PREDICTED_NAMES[unit])],
                fontsize=8)
    figure.tight_layout()
    out.append({"title": title, "alt": f"{title} (ilmoitettu täysi pylväs, {PREDICTED_NAMES[unit]} viivoitettu)",
                "png": _png(figure, io, base64)})

    themes = sorted({c.goal.theme or "–" for c in claims})
    if len(themes) > 1:
        counts = [Counter(c.status for c in claims if (c.goal.theme or "–") == t) for t in themes]
        title = f"{COUNTED_UNITS[unit]}: ilmoitetut tilat teemoittain"
        out.append({"title": title, "alt": title,
                    "png": stacked_status_bars([t[:45] for t in themes], counts, legend_outside=False,
                                               xlabel=COUNTED_UNITS_AXIS[unit])})
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
    unit = claims_unit(status_claims(report.goals))
    parts = [f"{counts[s]} {STATUS_FI[s]}" for s in STATUSES if counts[s]]
    n_metrics = metric_count(report)
    text = f"Raportissa on {report.n_goals} sitovaa tavoitetta"
    if n_metrics:
        text += f" ja {n_metrics} mittaria"
    if parts:
        text += f" ({COUNTED_UNITS[unit].lower()}, ilmoitettu: " + ", ".join(parts) + ")"
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

    def metric_row(metric: Metric) -> dict:
        return {"metric": metric, "cells": metric_view(metric), "flag": audit_flag(metric.audit),
                "page_link": page_link(href, metric.page)}

    def view(claim: Claim) -> dict:
        goal = claim.goal
        verdict = claim.audit.verdict if claim.audit else None
        return {"goal": goal, "claim": claim, "heading": claim_heading(claim), "predicted_code": claim.predicted,
                "predicted": STATUS_FI.get(claim.predicted, "–"), "verdict": VERDICT_NAMES.get(verdict, "–"),
                "flag": claim.flag, "page_link": page_link(href, claim.page),
                "metric": metric_row(claim.metric) if claim.metric else None,
                "metrics": [metric_row(m) for m in goal.metrics],
                "fields": [] if claim.metric else highlighted_fields(
                    goal, goal.indicators, goal.audit.cited if goal.audit else [])}

    flagged = [view(c) for c in flagged_claims(report.goals)]
    flag_groups = [{"kind": kind, "title": FLAG_HEADINGS[kind], "items": [v for v in flagged if v["flag"] == kind]}
                   for kind in FLAG_HEADINGS]
    unit = claims_unit(status_claims(report.goals))
    columns, rows = figure_table(report)
    heading, under = report_heading(report)
    return template_environment().get_template("digest.html.j2").render(
        report=report, heading=heading, under=under, flag_groups=flag_groups,
        n_flagged=len(flagged), status_rows=status_rows(report),
        goals=[{**view(Claim(g)), "anchor": a} for g, a in zip(report.goals, goal_anchors(report.goals), strict=True)],
        counted=counted_text(report), predicted_name=PREDICTED_NAMES[unit], metric_columns=METRIC_COLUMNS,
        n_metrics=metric_count(report),
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
