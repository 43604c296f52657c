"""The analyst's digest of an analysed report (Markdown; the HTML digest builds on the same parts)."""

from __future__ import annotations

import re
from collections import Counter

from pipeline.audit import STATUS_FI
from pipeline.lang_fi.headers import COLUMN_TITLES
from pipeline.records import FIGURE_KINDS, STATUSES, Report


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
    flagged = [g for g in report.goals if (g.audit or {}).get("flagged")]
    facts = (f"Vuosi {report.year or '?'} · päivätty {report.date or '?'} · {report.n_goals} tavoitetta · "
             f"{len(flagged)} tarkistettavaa")
    lines = [f"# {markdown_text(report.source)}", "", facts, "", overview(report), "",
             "| tila | ilmoitettu | ennustettu |", "|---|---:|---:|"]
    for status in STATUSES:
        lines.append(f"| {STATUS_FI[status]} | {counts['claimed'][status]} | {counts['predicted'][status]} |")
    lines += ["", "## Tarkistettavat väitteet", ""]
    if not flagged:
        lines.append("Ei tarkistettavia väitteitä.")
    for goal in flagged:
        lines.append(f"### {markdown_text(goal.goal_id or '-')} {markdown_text(goal.goal)}")
        lines.append(f"Ilmoitettu: **{markdown_text(goal.status_label)}** · arvio: **{goal.audit['verdict']}**")
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
        lines.append(f"| {markdown_text(goal.goal_id)} | {markdown_text(label)} | {STATUS_FI.get(predicted, '-')} | "
                     f"{(goal.audit or {}).get('verdict', '-')} | {figures} | {markdown_text(goal.summary)} |")
    return "\n".join(lines) + "\n"


def figure_rows(report: Report) -> list[dict]:
    """One row per extracted figure: goal, field, kind, value, unit, qualifier, direction, text."""
    return [{"goal": g.goal_id, "field": i["field"], "kind": i["kind"], "value": i["value"], "unit": i["unit"],
             "qualifier": i["qualifier"], "direction": i["direction"], "text": i["text"],
             "reviewed": {"accept": "hyväksytty", "correct": "korjattu"}.get(i.get("reviewed"), "")}
            for g in report.goals for i in g.indicators if i["kind"] in FIGURE_KINDS]


# --- HTML -------------------------------------------------------------------------------------------

VERDICT_FI = {"consistent": "johdonmukainen", "inconsistent": "ristiriitainen",
              "insufficient_evidence": "ei riittävää näyttöä"}
FIELD_FI = {**COLUMN_TITLES, "goal": "Tavoite"}


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
        fields.append({"label": FIELD_FI[name], "segments": highlight(text, items, cited_by_field.get(name, set()))})
    return fields


def template_environment():
    """The Jinja2 environment of ``pipeline/templates``, escaping everything by default."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("pipeline", "templates"),
                       autoescape=select_autoescape(["html", "j2"], default=True))


def charts(report: Report) -> list[dict]:
    """PNG charts (base64): status claimed vs predicted, and claimed status by theme."""
    import base64
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    counts = status_counts(report)
    names = [STATUS_FI[s] for s in STATUSES]
    out = []
    figure = Figure(figsize=(6, 3), dpi=100)
    axes = figure.subplots()
    positions = range(len(STATUSES))
    axes.bar([p - 0.2 for p in positions], [counts["claimed"][s] for s in STATUSES], width=0.4, label="ilmoitettu")
    axes.bar([p + 0.2 for p in positions], [counts["predicted"][s] for s in STATUSES], width=0.4, label="ennustettu")
    axes.set_xticks(list(positions), names, fontsize=8)
    axes.set_ylabel("tavoitteita")
    axes.legend(fontsize=8)
    figure.tight_layout()
    out.append({"alt": "Tilat: ilmoitettu ja ennustettu", "png": _png(figure, io, base64)})

    themes = sorted({g.theme or "–" for g in report.goals})
    if len(themes) > 1:
        figure = Figure(figsize=(7, 0.5 + 0.45 * len(themes)), dpi=100)
        axes = figure.subplots()
        left = [0] * len(themes)
        for status in STATUSES:
            values = [sum(1 for g in report.goals if (g.theme or "–") == t and g.status == status) for t in themes]
            axes.barh([t[:45] for t in themes], values, left=left, label=STATUS_FI[status])
            left = [a + b for a, b in zip(left, values, strict=True)]
        axes.tick_params(labelsize=7)
        axes.legend(fontsize=7)
        figure.tight_layout()
        out.append({"alt": "Ilmoitetut tilat teemoittain", "png": _png(figure, io, base64)})
    return out


def _png(figure, io, base64) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def overview(report: Report) -> str:
    """A one-paragraph Finnish summary of the report."""
    counts = status_counts(report)["claimed"]
    flagged = sum(1 for g in report.goals if (g.audit or {}).get("flagged"))
    parts = [f"{counts[s]} {STATUS_FI[s]}" for s in STATUSES if counts[s]]
    text = f"Raportissa on {report.n_goals} sitovaa tavoitetta"
    if parts:
        text += " (ilmoitettu: " + ", ".join(parts) + ")"
    text += f". Tarkastus nostaa esiin {flagged} väitettä, joiden luvut tai teksti eivät tue ilmoitettua tilaa."
    return text


def html_digest(report: Report) -> str:
    """The self-contained HTML digest (charts embedded); every text from the report is escaped."""
    def view(goal) -> dict:
        predicted = (goal.prediction or {}).get("status")
        verdict = (goal.audit or {}).get("verdict")
        return {"goal": goal, "predicted": STATUS_FI.get(predicted, "–"), "verdict": VERDICT_FI.get(verdict, "–"),
                "fields": highlighted_fields(goal, goal.indicators, (goal.audit or {}).get("cited", []))}

    flagged = [view(g) for g in report.goals if (g.audit or {}).get("flagged")]
    counts = status_counts(report)
    status_rows = [{"name": STATUS_FI[s], "claimed": counts["claimed"][s], "predicted": counts["predicted"][s]}
                   for s in STATUSES]
    return template_environment().get_template("digest.html.j2").render(
        status_fi=STATUS_FI, report=report, flagged=flagged, goals=[view(g) for g in report.goals],
        status_rows=status_rows, charts=charts(report), figure_rows=figure_rows(report), overview=overview(report))


def write_digest(report: Report, out_dir) -> tuple:
    """Write ``<out_dir>/<report name>.html`` and ``.md``; returns both paths."""
    from pathlib import Path

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = Path(report.source).stem or "report"
    html_path, md_path = out / f"{stem}.html", out / f"{stem}.md"
    html_path.write_text(html_digest(report), encoding="utf-8")
    md_path.write_text(markdown_digest(report), encoding="utf-8")
    return html_path, md_path
