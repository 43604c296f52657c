"""The audit of metric rows: each row's target against its actual value, and the city's own status against both.

Reports such as Seinäjoki's statement give every metric a row *Mittari |
Nykyarvo | Tavoitearvo | Toteuma-arvo* and a traffic light (1 met, 2
slightly below, 3 clearly below). For each :class:`~pipeline.records.Metric`:

1. :func:`assess_metric` reads the cells (:mod:`pipeline.number_formats`),
   decides which way is better (costs, prices, waiting times, ranks and
   *alle*/*enintään* targets are better lower; :data:`LOWER_IS_BETTER_HEADS`
   matched on the Voikko lemma's compound head, *Työkyvyttömyyskustannusten*
   → *kustannus*), and gives the status the figures support: ``full`` when
   the target is met, ``partial`` when it is missed by at most
   ``slightly_below`` of the target (10 % by default), ``none`` beyond that.
   A row whose cells are words (*Kyllä*, *Osittain*, *Ei tehty*) is judged
   from the words when they state an outcome; otherwise, or when target and
   actual are not in the same unit and scale, the status is unknown.
2. :func:`audit_metric` compares that with the city's number and returns
   the audit record: ``consistent``, ``inconsistent`` (the city's number is
   contradicted by its own figures) or ``insufficient_evidence`` (needs a
   look: no figure, words only, or figures that cannot be compared), with
   Finnish reasons that say what share of the target was reached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline import config, finnish
from pipeline.audit.verdict import STATUS_FI, fi_percent, too_far
from pipeline.lang_fi.metric_rows import (
    BASELINE_WORDS,
    CHANGE_WORDS,
    DONE_LEMMAS,
    EMPTY_CELLS,
    LOWER_IS_BETTER_HEADS,
    NEGATION_WORDS,
    NO_FIGURE_PHRASES,
    PARTLY_WORDS,
    RANK_HEADS,
    STATUS_LEMMAS,
    UNDER_WAY_WORDS,
)
from pipeline.number_formats import Figure, figures
from pipeline.records import Goal, Metric, MetricAudit, flag_kind

#: Figures whose ratio is beyond this factor, with a unit on one side only, are not taken as comparable:
#: *100 %* against an actual of *1*, a budget of *13491* hours against *323 tuntia* cut.
SCALE_FACTOR = 20.0
#: A verbal actual longer than this many words is judged only by explicit status words.
SHORT_ANSWER_WORDS = 8



@dataclass(slots=True)
class Comparison:
    """One actual figure against the target it answers."""

    actual: Figure
    target: Figure
    outcome: str  # full, partial or none
    miss: float  # the share of the target missed (0 when met)
    reached: float | None  # the actual as a share of the target, when that means something
    change: float | None = None  # the change from the baseline in per cent, for change targets


@dataclass(slots=True)
class MetricAssessment:
    """What a metric row's own cells support."""

    status: str | None  # full/partial/none, or None when the cells cannot tell
    lower_is_better: bool = False
    comparisons: list[Comparison] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    no_figure: bool = False  # the actual says there is no figure (yet): "…", "tulossa 2025", "ei mitattu"


# --- words --------------------------------------------------------------------------------------


def _words(text: str | None) -> list[str]:
    return re.findall(r"[a-zåäöA-ZÅÄÖ]+", text or "")


def _lemmas(text: str | None) -> set[str]:
    """Voikko base forms of the words of ``text``, with the verbs participles come from (*toteutettu* → *toteuttaa*)."""
    return {lemma for word in _words(text) for lemma in finnish.lemmas(word)}


def _restates_done(target: str | None, actual: str) -> bool:
    """The actual repeats the target's verb as done: *työntekijät pysyvät* → *työntekijät pysyneet*."""
    wanted = {lemma for word in _words(target) if finnish.is_verb(word) for lemma in finnish.lemmas(word)}
    done = {lemma for word in _words(actual) if finnish.is_past_participle(word) for lemma in finnish.lemmas(word)}
    return bool(wanted & done)


def _negated_statement(text: str | None) -> bool:
    """*Ylimääräisiä vastikkeita ei peritä*: a negated sentence, not the answer choice *Kyllä/Ei*."""
    return bool(re.search(r"(?<![\wåäö])(?:ei|eivät)\s+[a-zåäö]{3,}", (text or "").lower()))


def _has_word(text: str, words) -> bool:
    lowered = f" {text.lower()} "
    return any(re.search(rf"(?<![\wåäö]){re.escape(w)}(?![\wåäö])", lowered) for w in words)


def _is_empty(text: str | None) -> bool:
    return text is None or text.strip().lower().rstrip(".") in ("", *EMPTY_CELLS)


def lower_is_better(metric: Metric, target: list[Figure]) -> bool:
    """Whether a smaller actual is better, from the target's bound, ranks and the metric's own words.

    *alle 2 %*, *enintään 4 kpl*, *3 työpäivän kuluessa*, a rank (*1.sija*,
    *Sijoittuminen kuntien elinvoimavertailussa*), or a metric whose words
    end in a cost, price or time (*Hoitopäivän hinta*, *lupahakemusten
    käsittelyaika*, *Konsernin velkamäärä*).
    """
    # "NPS yli 10" with the target 10; not "matkaa kirjastoon enintään 3 km" with the target 61 (%).
    values = {f.value for f in target}
    bounds = {f.qualifier for f in target} | {f.qualifier for f in figures(metric.name) if f.value in values}
    if bounds & {"at_most", "under"}:
        return True
    if bounds & {"at_least", "over"}:
        return False
    cells = [f for text in (metric.baseline, metric.target, metric.actual) for f in figures(text)]
    if any(f.rank for f in cells):
        return True
    return any(lemma.endswith(head) for lemma in _lemmas(metric.name) for head in LOWER_IS_BETTER_HEADS)


def _is_rank(metric: Metric) -> bool:
    return any(lemma.endswith(head) for lemma in _lemmas(metric.name) for head in RANK_HEADS)


# --- numbers ------------------------------------------------------------------------------------


def _headline(found: list[Figure]) -> list[Figure]:
    """The figures outside brackets: in *35 (3 700)* the events count, the matches are a detail."""
    outside = [f for f in found if not f.bracketed]
    return outside or found


def _comparable(actual: Figure, target: Figure) -> bool:
    """Same unit (a unit on one side only is taken from the other) and the same scale."""
    if actual.unit and target.unit and actual.unit != target.unit:
        return False
    if actual.unit and target.unit:
        return True
    low, high = sorted((abs(actual.value), abs(target.value)))
    return low == 0 or high / low <= SCALE_FACTOR


def _compare(actual: Figure, target: Figure, lower: bool, slightly_below: float) -> Comparison:
    value = actual.value
    qualifier = target.qualifier
    if lower:
        wanted = target.high if target.high is not None else target.value
        met = value < wanted if qualifier == "under" else value <= wanted
        miss = 0.0 if met else (value - wanted) / abs(wanted) if wanted else float("inf")
        # Strict "alle 2 %" with exactly 2 %: missed by a hair.
        if not met and miss == 0.0:
            miss = 1e-9
    else:
        wanted = target.value
        met = value > wanted if qualifier == "over" else value >= wanted
        miss = 0.0 if met else (wanted - value) / abs(wanted) if wanted else float("inf")
        if not met and miss == 0.0:
            miss = 1e-9
    reached = value / wanted if wanted and value >= 0 and wanted > 0 else None
    outcome = "full" if met else "partial" if miss <= slightly_below else "none"
    return Comparison(actual, target, outcome, miss, reached)


def _change_target(metric: Metric, target: list[Figure]) -> str | None:
    """*2 % alle nykyarvon*, *5 % max. kasvu*, *< nykyarvo*: a change from the baseline, and which way."""
    text = (metric.target or "").lower()
    if not target or (target[0].unit != "%" and not any(w in text for w in BASELINE_WORDS)):
        return None
    if any(w in text for w in BASELINE_WORDS) and "alle" in text:
        return "decrease"
    for word, direction in CHANGE_WORDS.items():
        if word in text:
            return direction
    return None


def _compare_changes(metric: Metric, target: list[Figure], direction: str, lower: bool,
                     slightly_below: float) -> list[Comparison] | None:
    """Actual changes (*+2,5 %*, or levels against the baseline's) against the wanted change."""
    wanted = target[0]
    limit = -abs(wanted.value) if direction == "decrease" else wanted.value
    actual = _headline(figures(metric.actual))
    if actual and all(f.signed and f.unit == "%" for f in actual):
        changes = [(f, f.value) for f in actual]
    else:
        baseline = _headline(figures(metric.baseline))
        if not actual or len(baseline) != len(actual) or any(b.value == 0 for b in baseline):
            return None
        changes = [(a, 100 * (a.value - b.value) / abs(b.value)) for a, b in zip(actual, baseline, strict=True)]
    out = []
    at_most = direction == "decrease" or wanted.qualifier in ("at_most", "under") or lower
    for figure, change in changes:
        met = change <= limit if at_most else change >= limit
        if met:
            miss = 0.0
        elif (change > 0) != (limit > 0) and limit != 0:
            miss = float("inf")  # went the wrong way: "+2,5 %" where 2 % less was wanted
        else:
            miss = abs(change - limit) / abs(limit) if limit else float("inf")
        outcome = "full" if met else "partial" if miss <= slightly_below else "none"
        out.append(Comparison(figure, wanted, outcome, miss, None, change))
    return out


# --- words in cells -----------------------------------------------------------------------------


def _verbal(metric: Metric, target_is_number: bool) -> tuple[str | None, str]:
    """The outcome an actual in words states: (status or None, why)."""
    actual = (metric.actual or "").strip()
    lemmas = _lemmas(actual)
    words = _words(actual)
    negated = _has_word(actual, NEGATION_WORDS)
    done = bool(lemmas & DONE_LEMMAS) or actual.lower() in ("k", "on") or _restates_done(metric.target, actual)
    stated = bool(lemmas & STATUS_LEMMAS)
    if _has_word(actual, PARTLY_WORDS):
        return "partial", f"toteuma '{actual}' kertoo osittaisesta toteutumisesta"
    if len(words) > SHORT_ANSWER_WORDS and not stated:
        return None, f"toteuma on sanallinen ('{_clip(actual)}') eikä sano suoraan, toteutuiko tavoite"
    under_way = _has_word(actual, UNDER_WAY_WORDS)
    if target_is_number and not stated and not under_way:
        return None, f"tavoite on luku, mutta toteuma '{_clip(actual)}' ei ole"
    if negated and (done or stated):
        if _negated_statement(metric.name) or _negated_statement(metric.target):
            return "full", f"toteuma '{actual}' vastaa kielteisenä muotoiltua tavoitetta"
        if _has_word(actual, ("toteutui", "toteutunut", "tehty", "valmis")) and len(words) > 3:
            return "partial", f"toteuma '{_clip(actual)}' kertoo osan toteutuneen ja osan ei"
        return "none", f"toteuma '{actual}' on kielteinen"
    if negated:
        if _negated_statement(metric.name):
            return "full", f"toteuma '{actual}' vastaa kielteisenä muotoiltua mittaria"
        return "none", f"toteuma '{actual}' on kielteinen"
    if under_way:
        # "Jatkuu" against "Valmis", "Laadinta kesken" against "Laadittuna 50 kohdetta": not done by the year's end.
        if target_is_number or _lemmas(metric.target) & DONE_LEMMAS:
            return "none", f"tavoite on valmis tuotos, mutta toteuma '{actual}' kertoo työn olevan kesken"
        return None, f"toteuma '{actual}' kertoo työn olevan kesken, eikä tavoitteesta voi päätellä tilaa"
    if done or stated:
        return "full", f"toteuma '{_clip(actual)}' kertoo tavoitteen toteutuneen"
    return None, f"toteuma '{_clip(actual)}' ei sano, toteutuiko tavoite"


def _no_figure(text: str | None) -> bool:
    """*…*, *tulossa 2025*, *ei mitattu*, *Laskenta kesken*: the actual has no figure (yet)."""
    if _is_empty(text):
        return True
    return not figures(text) and _has_word(text, NO_FIGURE_PHRASES) and len(_words(text)) <= 4


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


# --- assessing ----------------------------------------------------------------------------------


def assess_metric(metric: Metric, *, slightly_below: float | None = None) -> MetricAssessment:
    """The status a metric row's own cells support, with Finnish reasons.

    Parameters
    ----------
    metric
        The row: ``name``, ``baseline``, ``target``, ``actual`` as printed.
    slightly_below
        A target missed by at most this share of its value counts as
        ``partial``; default :func:`pipeline.config.slightly_below` (10 %).
    """
    share = config.slightly_below() if slightly_below is None else slightly_below
    target = _headline(figures(metric.target))
    actual = _headline(figures(metric.actual))
    lower = lower_is_better(metric, target) or _is_rank(metric)
    result = MetricAssessment(status=None, lower_is_better=lower)
    target_text = _clip(metric.target or "…")
    if _no_figure(metric.actual):
        result.no_figure = True
        result.reasons.append(f"Tavoite: {target_text}; toteumaa ei ole ilmoitettu ('{metric.actual or ''}').")
        return result
    if not target and actual:
        result.reasons.append(f"Tavoitteessa '{target_text}' ei ole lukua, johon toteumaa "
                              f"'{_clip(metric.actual)}' voisi verrata.")
        return result
    if not actual:
        status, why = _verbal(metric, target_is_number=bool(target))
        result.status = status
        result.reasons.append(f"Tavoite: {target_text}; {why}.")
        return result
    direction = _change_target(metric, target)
    if direction is not None:
        comparisons = _compare_changes(metric, target, direction, lower, share)
        if comparisons is None:
            result.reasons.append(f"Tavoite: {target_text} on muutos lähtötasosta, mutta lähtötasoa "
                                  f"'{metric.baseline or '…'}' ei voi verrata toteumaan '{_clip(metric.actual)}'.")
            return result
    else:
        pairs = _pairs(target, actual)
        if pairs is None:
            result.reasons.append(f"Tavoitteen '{target_text}' ja toteuman '{_clip(metric.actual)}' luvut eivät "
                                  f"vastaa toisiaan yksi yhteen.")
            return result
        unlike = [(a, t) for a, t in pairs if not _comparable(a, t)]
        if unlike:
            a, t = unlike[0]
            result.reasons.append(f"Tavoite: {target_text}; toteuma: {_clip(metric.actual)}: luvut {a.text} ja "
                                  f"{t.text} eivät ole samaa yksikköä tai mittakaavaa, joten niitä ei verrata.")
            return result
        comparisons = [_compare(a, t, lower, share) for a, t in pairs]
    result.comparisons = comparisons
    outcomes = {c.outcome for c in comparisons}
    result.status = outcomes.pop() if len(outcomes) == 1 else "partial"
    result.reasons.append(_describe(metric, comparisons, lower, share))
    return result


def _pairs(target: list[Figure], actual: list[Figure]) -> list[tuple[Figure, Figure]] | None:
    if len(target) == 1:
        return [(a, target[0]) for a in actual]
    if len(target) == len(actual):
        return list(zip(actual, target, strict=True))
    return None


def _describe(metric: Metric, comparisons: list[Comparison], lower: bool, share: float) -> str:
    """*Tavoite: 22 000; toteuma: 25 506 (115,9 % tavoitteesta): tavoite saavutettu.*"""
    parts = []
    for c in comparisons:
        if c.change is not None:
            parts.append(f"{c.actual.text} (muutos lähtötasosta {_signed_percent(c.change)})")
        elif c.reached is not None and not c.actual.rank:
            parts.append(f"{c.actual.text} ({fi_percent(100 * c.reached)} tavoitteesta)")
        else:
            parts.append(c.actual.text)
    head = f"Tavoite: {_clip(metric.target or '')}"
    if lower:
        head += " (pienempi on parempi)"
    verdicts = {"full": "tavoite saavutettu",
                "partial": f"tavoite jäi hieman saavuttamatta (enintään {fi_percent(100 * share)})",
                "none": f"tavoite jäi selvästi saavuttamatta (yli {fi_percent(100 * share)})"}
    outcome = {c.outcome for c in comparisons}
    said = verdicts[outcome.pop()] if len(outcome) == 1 else "osa luvuista saavuttaa tavoitteen, osa ei"
    return f"{head}; toteuma: {'; '.join(parts)}: {said}."


def _signed_percent(value: float) -> str:
    return ("+" if value > 0 else "") + fi_percent(value)


# --- the verdict --------------------------------------------------------------------------------


def audit_metric(metric: Metric, *, slightly_below: float | None = None) -> MetricAudit:
    """The audit of one metric row: ``verdict``, ``flagged``, ``flag``, ``reasons``, ``evidence_status``.

    ``flag`` is ``contradicted`` for an inconsistent claim, ``needs_look``
    when the evidence is insufficient, and ``None`` for a consistent one.
    """
    assessment = assess_metric(metric, slightly_below=slightly_below)
    claimed, evidence = metric.status, assessment.status
    reasons = list(assessment.reasons)
    label = f"{metric.status_label} ({STATUS_FI[claimed]})" if claimed in STATUS_FI and metric.status_label \
        else (metric.status_label or "")
    verdict, reason = _verdict(claimed, evidence, label)
    reasons.append(reason)
    return MetricAudit(
        verdict=verdict,
        flagged=verdict != "consistent",
        flag=flag_kind(verdict),
        reasons=reasons,
        evidence_status=evidence,
        lower_is_better=assessment.lower_is_better,
        reached=[round(c.reached, 4) if c.reached is not None else None for c in assessment.comparisons],
        missed_by=_worst_miss(assessment.comparisons),
        unit=_unit(assessment.comparisons),
    )


def _verdict(claimed: str | None, evidence: str | None, label: str) -> tuple[str, str]:
    """The verdict on a row's claimed status against the status its figures support, and its Finnish reason."""
    if claimed is None:
        return "insufficient_evidence", "Mittarille ei ole ilmoitettu tilaa."
    if claimed == "not_assessable":
        if evidence is None:
            return "consistent", f"Ilmoitettu tila {label} vastaa tietoja: toteumaluku puuttuu."
        return "inconsistent", (f"Tila on ilmoitettu arvioimattomaksi ({label}), mutta luvut tukevat tilaa "
                                f"'{STATUS_FI[evidence]}'.")
    if evidence is None:
        return "insufficient_evidence", f"Ilmoitettua tilaa {label} ei voi tarkistaa rivin luvuista."
    if evidence == claimed:
        return "consistent", f"Ilmoitettu tila {label} vastaa rivin lukuja."
    return "inconsistent", (f"Ilmoitettu tila {label} on {too_far(claimed, evidence)}: rivin luvut tukevat tilaa "
                            f"'{STATUS_FI[evidence]}'.")


def _unit(comparisons: list[Comparison]) -> str | None:
    """The unit the row is measured in, for comparing rows: ``%``, ``euro``, ``rank``, ``change`` or None (a count)."""
    if not comparisons:
        return None
    first = comparisons[0]
    if first.actual.rank or first.target.rank:
        return "rank"
    if first.change is not None:
        return "change"
    return first.target.unit or first.actual.unit


def _worst_miss(comparisons: list[Comparison]) -> float | None:
    """The largest share of the target missed over the row's figures (0 when all met), for comparing rows."""
    if not comparisons:
        return None
    worst = max(c.miss for c in comparisons)
    return round(worst, 4) if worst != float("inf") else None


# --- grading within one report ------------------------------------------------------------------

#: A row is compared with rows of the other grade that missed at least this many times as much (or as little).
GRADE_GAP = 2.0


def graded_unlike_report(metrics: list[Metric]) -> list[tuple[Metric, list[Metric]]]:
    """Rows a report grades unlike its own other rows, each with the rows it is compared with.

    Among the rows that missed their target (``audit.missed_by`` > 0) with
    the city's *partial* (amber) or *none* (red), in the same unit: a red row
    contradicts an amber one that missed at least :data:`GRADE_GAP` times as
    much (94,7 % of the target drawn red while 79 % is amber). A row is
    graded unlike the rest when it contradicts more than half of the rows of
    the other grade, so the odd row is named, not the many it disagrees with.
    """
    rows = [m for m in metrics if m.audit and m.status in ("partial", "none")
            and (m.audit.missed_by or 0) > 0 and m.audit.unit != "rank"]
    out = []
    for metric in rows:
        miss = metric.audit.missed_by
        alike = [m for m in rows if m.audit.unit == metric.audit.unit]
        other = [m for m in alike if m.status != metric.status]
        if metric.status == "none":
            against = [m for m in other if m.audit.missed_by >= GRADE_GAP * miss]
        else:
            against = [m for m in other if m.audit.missed_by * GRADE_GAP <= miss]
        if against and 2 * len(against) > len(other):
            nearest = sorted(against, key=lambda m: abs(m.audit.missed_by - miss))
            out.append((metric, nearest[:2]))
    return out


def flag_grading(metrics: list[Metric]) -> list[Metric]:
    """Add ``graded_unlike_report`` and a Finnish reason to the audit of the rows :func:`graded_unlike_report` finds."""
    for metric in metrics:
        if metric.audit is not None:
            metric.audit.graded_unlike_report = []
    found = graded_unlike_report(metrics)
    for metric, others in found:
        more = "enemmän" if metric.status == "none" else "vähemmän"
        compared = "; ".join(f"{_row_name(m)} (jäi {fi_percent(100 * m.audit.missed_by)})" for m in others)
        metric.audit.graded_unlike_report = [_row_name(m) for m in others]
        metric.audit.reasons.append(
            f"Arvioitu eri tavalla kuin raportin muut rivit: tavoitteesta jäi "
            f"{fi_percent(100 * metric.audit.missed_by)} ja tila on {metric.status_label}, mutta raportti antaa "
            f"tilan {others[0].status_label} riveille, joilta jäi {more}: {compared}.")
    return [m for m, _ in found]


def _row_name(metric: Metric) -> str:
    page = f"s. {metric.page} " if metric.page else ""
    return f"{page}{_clip(metric.name or '…', 50)}"


def audit_report_metrics(goals: list[Goal], *, slightly_below: float | None = None) -> list[Metric]:
    """Fill ``audit`` of every metric row of the report's goals, in place, then compare the rows' grades.

    Returns the rows graded unlike the rest of the report (see :func:`graded_unlike_report`).
    """
    metrics = [m for goal in goals for m in goal.metrics]
    for metric in metrics:
        metric.audit = audit_metric(metric, slightly_below=slightly_below)
    return flag_grading(metrics)
