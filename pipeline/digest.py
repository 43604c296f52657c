"""The analyst's digest of an analysed report (Markdown; the HTML digest builds on the same parts)."""

from __future__ import annotations

from collections import Counter

from pipeline.audit import STATUS_FI
from pipeline.records import FIGURE_KINDS, STATUSES, Report


def status_counts(report: Report) -> dict[str, dict[str, int]]:
    """``{"claimed": {status: n}, "predicted": {status: n}}`` over :data:`STATUSES` and ``None``."""
    claimed = Counter(g.status for g in report.goals)
    predicted = Counter((g.prediction or {}).get("status") for g in report.goals)
    keys = [*STATUSES, None]
    return {"claimed": {str(k): claimed.get(k, 0) for k in keys},
            "predicted": {str(k): predicted.get(k, 0) for k in keys}}


def _cell(text: object) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def markdown_digest(report: Report) -> str:
    """Status counts, the flagged claims with their reasons, then every goal's claim and prediction."""
    counts = status_counts(report)
    flagged = [g for g in report.goals if (g.audit or {}).get("flagged")]
    lines = [f"# {report.source}", "",
             f"Vuosi {report.year or '?'} · päivätty {report.date or '?'} · {report.n_goals} tavoitetta · "
             f"{len(flagged)} tarkistettavaa", "",
             "| tila | ilmoitettu | ennustettu |", "|---|---:|---:|"]
    for status in STATUSES:
        lines.append(f"| {STATUS_FI[status]} | {counts['claimed'][status]} | {counts['predicted'][status]} |")
    lines += ["", "## Tarkistettavat väitteet", ""]
    if not flagged:
        lines.append("Ei tarkistettavia väitteitä.")
    for goal in flagged:
        lines.append(f"### {goal.goal_id or '-'} {_cell(goal.goal)}")
        lines.append(f"Ilmoitettu: **{_cell(goal.status_label)}** · arvio: **{goal.audit['verdict']}**")
        lines += [f"- {_cell(reason)}" for reason in goal.audit["reasons"]]
        lines.append("")
    lines += ["## Kaikki tavoitteet", "", "| tavoite | ilmoitettu | ennustettu | arvio | lukuja |", "|---|---|---|---|---:|"]
    for goal in report.goals:
        predicted = (goal.prediction or {}).get("status")
        figures = sum(1 for i in goal.indicators if i["kind"] in FIGURE_KINDS)
        lines.append(f"| {_cell(goal.goal_id)} | {_cell(goal.status_label)} | {STATUS_FI.get(predicted, '-')} | "
                     f"{(goal.audit or {}).get('verdict', '-')} | {figures} |")
    return "\n".join(lines) + "\n"


def figure_rows(report: Report) -> list[dict]:
    """One row per extracted figure: goal, field, kind, value, unit, qualifier, direction, text."""
    return [{"goal": g.goal_id, "field": i["field"], "kind": i["kind"], "value": i["value"], "unit": i["unit"],
             "qualifier": i["qualifier"], "direction": i["direction"], "text": i["text"]}
            for g in report.goals for i in g.indicators if i["kind"] in FIGURE_KINDS]
