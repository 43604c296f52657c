"""The overview across reports: an index page of every stored report, linked to each report's digest.

Per department and year: the claimed and predicted status counts and the two
kinds of flag (contradicted, needs a look), counted like the digest counts
them: a goal's own status, or its metric rows' where it has none, and the
flags of goals and of metric rows (:func:`pipeline.digest.goal_claims`).
Then every goal that appears in several years, recognised by the same department and goal id or by the same
goal text, with its status and key figure year by year, each linked to that
report's digest. Static HTML with the charts embedded, like the digest; every
text from a report is escaped by the template.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.audit import STATUS_FI
from pipeline.digest import (
    audit_flag,
    counted_unit,
    digest_name,
    flagged_claims,
    goal_anchors,
    goal_claims,
    report_department,
    report_heading,
    stacked_status_bars,
    template_environment,
    write_digest,
)
from pipeline.lang_fi.digest_labels import COUNTED_UNITS_AXIS, FLAG_HEADINGS
from pipeline.records import STATUSES, Goal, Report

INDEX_NAME = "index.html"
NO_DEPARTMENT = "–"


@dataclass(slots=True)
class Group:
    """One department's goals of one year, over all its reports."""

    department: str
    year: int | None
    reports: list[dict] = field(default_factory=list)  # {"heading", "href"}
    goals: int = 0
    #: Metric rows counted in place of goals that have no status of their own (whole statements).
    metrics: int = 0
    claimed: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    flags: Counter = field(default_factory=Counter)


def goal_department(goal: Goal, report: Report) -> str:
    return getattr(goal, "department", None) or report_department(report) or NO_DEPARTMENT


def key_figure(goal: Goal) -> str | None:
    """The figure that says most about a goal's status: one the audit compared with the target, else the first
    figure of its metric status, as printed (*noussut 28,4 %*)."""
    figures = [i for i in goal.figures if i.kind != "date"]
    cited = {(c.field, c.start, c.end) for c in (goal.audit.cited if goal.audit else [])}
    for item in figures:
        if (item.field, item.start, item.end) in cited:
            return item.text
    return next((i.text for i in figures if i.field == "metric_status"), None)


def department_groups(reports: Sequence[Report], hrefs: Sequence[str]) -> list[Group]:
    """Counts per department and year, in order of department then year."""
    groups: dict[tuple[str, int | None], Group] = {}
    for report, href in zip(reports, hrefs, strict=True):
        heading, _ = report_heading(report)
        for goal in report.goals:
            key = (goal_department(goal, report), report.year)
            group = groups.setdefault(key, Group(*key))
            if not any(r["href"] == href for r in group.reports):
                group.reports.append({"heading": heading, "href": href})
            group.goals += 1
            for claim in goal_claims(goal):
                group.metrics += claim.metric is not None
                group.claimed[claim.status] += 1
                group.predicted[claim.predicted] += 1
            for claim in flagged_claims([goal]):
                group.flags[claim.flag] += 1
    return [groups[k] for k in sorted(groups, key=lambda k: (k[0].lower(), k[1] or 0))]


def _normalised(text: str | None) -> str | None:
    return " ".join(text.lower().split()) if text and text.strip() else None


def recurring_goals(reports: Sequence[Report], hrefs: Sequence[str]) -> list[dict]:
    """Goals seen in more than one year: the same department and goal id, or the same goal text.

    Returns ``{"department", "goal_id", "goal", "years": {year: {"status", "label", "figure", "href"}}}``
    sorted by department and goal id; a year with several matching goals keeps the first.
    """
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    entries = []
    first_with: dict[tuple, int] = {}
    for report, href in zip(reports, hrefs, strict=True):
        for goal, anchor in zip(report.goals, goal_anchors(report.goals), strict=True):
            index = len(entries)
            parent[index] = index
            department = goal_department(goal, report)
            entries.append((report, f"{href}#{anchor}" if anchor else href, goal, department))
            keys = [("text", _normalised(goal.goal))]
            if goal.goal_id:
                keys.append(("id", department, goal.goal_id))
            for key in keys:
                if key[-1] is None:
                    continue
                if key in first_with:
                    parent[find(index)] = find(first_with[key])
                else:
                    first_with[key] = index
    clusters: dict[int, list[int]] = {}
    for index in range(len(entries)):
        clusters.setdefault(find(index), []).append(index)
    out = []
    for members in clusters.values():
        years: dict[int, dict] = {}
        for index in members:
            report, href, goal, _ = entries[index]
            if report.year is None or report.year in years:
                continue
            years[report.year] = {"status": goal.status, "label": goal.status_label or STATUS_FI.get(goal.status),
                                  "figure": key_figure(goal), "flag": audit_flag(goal.audit),
                                  "href": href}
        if len(years) < 2:
            continue
        _, _, goal, department = entries[members[0]]
        out.append({"department": department, "goal_id": goal.goal_id, "goal": goal.goal,
                    "years": dict(sorted(years.items()))})
    return sorted(out, key=lambda g: (g["department"].lower(), _id_order(g["goal_id"]), g["goal"] or ""))


def _id_order(goal_id: str | None) -> tuple:
    """Goal ids in the report's order: 12.3 before 12.12."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in (goal_id or "").split("."))


def overview_chart(groups: Sequence[Group]) -> dict | None:
    """Claimed statuses per department and year as stacked bars in the traffic-light colours (PNG, base64)."""
    if not groups:
        return None
    unit = counted_unit(sum(g.metrics for g in groups), sum(sum(g.claimed.values()) for g in groups))
    png = stacked_status_bars([f"{g.department[:40]} {g.year or '?'}" for g in groups], [g.claimed for g in groups],
                              xlabel=f"{COUNTED_UNITS_AXIS[unit]} (ilmoitettu tila)")
    return {"alt": "Ilmoitetut tilat toimialoittain ja vuosittain", "png": png}


def digest_names(reports: Sequence[Report]) -> list[str]:
    """A distinct digest file name (without suffix) per report: ``name``, or ``name-2`` for a second ``name``."""
    seen: Counter = Counter()
    names = []
    for report in reports:
        name = digest_name(report)
        seen[name] += 1
        names.append(name if seen[name] == 1 else f"{name}-{seen[name]}")
    return names


def overview_html(reports: Sequence[Report], hrefs: Sequence[str]) -> str:
    """The index page; ``hrefs`` are the reports' digests as the page links them."""
    groups = department_groups(reports, hrefs)
    chart = overview_chart(groups)
    recurring = recurring_goals(reports, hrefs)
    return template_environment().get_template("overview.html.j2").render(
        groups=groups, recurring=recurring, years=sorted({year for g in recurring for year in g["years"]}),
        charts=[chart] if chart else [],
        statuses=STATUSES, flag_headings=FLAG_HEADINGS, n_reports=len(reports),
        n_goals=sum(r.n_goals for r in reports))


def write_overview(reports: Sequence[Report], out_dir, *, write_digests: bool = True) -> Path:
    """Write ``<out_dir>/index.html`` and, with ``write_digests``, every report's digest beside it.

    Without ``write_digests`` only the missing digests are written (the flow
    writes each report's digest when it stores it).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    names = digest_names(reports)
    for report, name in zip(reports, names, strict=True):
        if write_digests or not (out / f"{name}.html").exists():
            write_digest(report, out, name=name)
    path = out / INDEX_NAME
    path.write_text(overview_html(reports, [f"{name}.html" for name in names]), encoding="utf-8")
    return path
