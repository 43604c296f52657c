"""The audit of metric rows: each row's target against its actual value, and the city's own status against both.

Reports such as Seinäjoki's statement give every metric a row *Mittari |
Nykyarvo | Tavoitearvo | Toteuma-arvo* and a traffic light (1 met, 2
slightly below, 3 clearly below). For each :class:`~pipeline.records.Metric`:

1. :func:`assess_metric` reads the cells (:mod:`pipeline.number_formats`),
   decides which way is better (a bound written in the target first:
   *alle*, *enintään*, *max*, *Enint.* are ceilings and *vähintään* a floor
   whatever the metric sounds like; then ranks, zero counts and metrics whose
   Voikko lemma ends in a cost, price or time of :data:`~pipeline.lang_fi.targets.LOWER_IS_BETTER_LEMMAS`,
   *Työkyvyttömyyskustannusten* → *kustannus*), turns what is not a level
   into one (a change target from the baseline, *+2 %-yks. edellisestä
   vuodesta* → 90 %; a change in the actual, *kasvoi 4 %* → 39 936; a share
   in words, *14 koulussa 17:stä* against *Kaikissa kouluissa* → 82,4 % of
   100 %), and gives the status the figures support: ``full`` when the
   target is met, ``partial`` when it is missed by at most ``slightly_below``
   of the target (10 % by default), ``none`` beyond that. A row whose cells
   are words (*Kyllä*, *Osittain*, *Ei tehty*, *Toteutunut. Työ jatkuu.*) is
   judged from the words when they state an outcome; work under way on a
   deliverable, or a deliverable done after its date, rules out ``full``;
   otherwise, or when target and actual are not in the same unit and scale,
   the status is unknown.
2. :func:`audit_metric` compares that with the city's number and returns
   the audit record: ``consistent``, ``inconsistent`` (the city's number is
   contradicted by its own figures) or ``insufficient_evidence`` (needs a
   look: no figure, words only, or figures that cannot be compared), with
   Finnish reasons that say what share of the target was reached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pipeline import config, finnish, grading
from pipeline.audit.target import names_lower_is_better
from pipeline.audit.verdict import STATUS_FI, fi_number, fi_percent, too_far
from pipeline.lang_fi.change_words import DIRECTION_LEMMAS
from pipeline.lang_fi.metric_rows import (
    ACTUAL_CHANGE_LEMMAS,
    ALL_LEMMAS,
    BASELINE_LEMMAS,
    BOUND_BEFORE,
    CHANGE_WORDS,
    DONE_LEMMAS,
    EMPTY_CELLS,
    IN_PROGRESS_WORDS,
    LEVEL_LEMMAS,
    NEGATION_WORDS,
    NO_FIGURE_PHRASES,
    PARTLY_WORDS,
    RANK_HEADS,
    SHARE_OF_ENDINGS,
    STATUS_LEMMAS,
    UNFINISHED_WORDS,
    ZERO_PHRASES,
)
from pipeline.lang_fi.targets import LOWER_IS_BETTER_LEMMAS
from pipeline.number_formats import Figure, figures, parse_number
from pipeline.records import Goal, Metric, MetricAudit, flag_kind

#: Figures whose ratio is beyond this factor, with a unit on one side only, are not taken as comparable:
#: *100 %* against an actual of *1*, a budget of *13491* hours against *323 tuntia* cut.
SCALE_FACTOR = 20.0
#: A verbal actual longer than this many words is judged only by explicit status words.
SHORT_ANSWER_WORDS = 8
#: An actual that opens with a sentence of at most this many words opens with its verdict (*Toteutunut. Työ jatkuu.*).
OPENING_WORDS = 3
#: How many words before a figure of the actual may say it is a change (*vahvistunut noin 1,9 %*).
CHANGE_WORD_REACH = 3


@dataclass(slots=True)
class Comparison:
    """One actual figure against the target it answers.

    ``target`` and ``actual`` are the levels compared; where a level was
    worked out (a change target from the baseline, *kasvoi 4 %* from the
    baseline, *14 koulussa 17:stä* as a share), ``target_note`` and
    ``actual_note`` say how, in Finnish, and ``actual.text`` stays as printed.
    """

    actual: Figure
    target: Figure
    outcome: str  # full, partial or none
    miss: float  # the share of the target missed (0 when met)
    reached: float | None  # the actual as a share of the target, when that means something
    change: float | None = None  # the change from the baseline in per cent (or points), for change targets
    target_note: str | None = None  # *88 % +2 %-yks. = 90 %*
    actual_note: str | None = None  # *38 400 +4 % = 39 936*


@dataclass(slots=True)
class MetricAssessment:
    """What a metric row's own cells support.

    ``allowed`` are further statuses the evidence leaves open: work under way
    on a deliverable at the year's end rules out *full* but not how far it
    got, so both *partial* and *none* are consistent with it.
    """

    status: str | None  # full/partial/none, or None when the cells cannot tell
    lower_is_better: bool = False
    comparisons: list[Comparison] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    no_figure: bool = False  # the actual says there is no figure (yet): "…", "tulossa 2025", "ei mitattu"
    allowed: frozenset[str] = frozenset()


# --- words --------------------------------------------------------------------------------------


def _words(text: str | None) -> list[str]:
    return re.findall(r"[a-zåäöA-ZÅÄÖ]+", text or "")


def _lemmas(text: str | None) -> set[str]:
    """Voikko base forms of the words of ``text``, with the verbs participles come from (*toteutettu* → *toteuttaa*)."""
    return {lemma for word in _words(text) for lemma in finnish.lemmas(word)}


def _lemma_runs(text: str | None, runs) -> bool:
    """Whether ``text`` has one of ``runs`` of lemmas in a row: (*edellinen*, *vuosi*) in *edellisestä vuodesta*."""
    per_word = [finnish.lemmas(word) | {word.lower()} for word in _words(text)]
    return any(all(lemma in per_word[i + k] for k, lemma in enumerate(run))
               for run in runs for i in range(len(per_word) - len(run) + 1))


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

    *alle 2 %*, *enintään 4 kpl*, *max 12 %*, *3 työpäivän kuluessa*, a rank
    (*1.sija*, *Sijoittuminen kuntien elinvoimavertailussa*), a count whose
    target is zero (*0 kpl*: nothing counted falls below zero, so the target
    can only be exceeded), or a metric whose words end in a cost, price or
    time (*Hoitopäivän hinta*, *lupahakemusten käsittelyaika*, *Konsernin
    velkamäärä*). A floor written in the target wins over a metric that only
    sounds inverse: *vähintään 1,10* under *Ensisijaiset hakijat /
    aloituspaikat* is better higher.
    """
    if any(f.rank for f in target):
        return True  # *vähintään 3.*: a place in a list, first is best, whatever the bound says
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
    if target and all(f.value == 0 and f.unit != "euro" and not f.signed for f in target) \
            and all(f.value >= 0 for f in figures(metric.actual)):
        return True
    return names_lower_is_better(_lemmas(metric.name), (*LOWER_IS_BETTER_LEMMAS, *RANK_HEADS))


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


def _level(figure: Figure, value: float, unit: str | None = None, qualifier: str | None = None) -> Figure:
    """A level worked out from ``figure`` (a change, a share), keeping where it was printed."""
    return replace(figure, value=value, unit=unit if unit is not None else figure.unit, high=None,
                   qualifier=qualifier, signed=False, points=False, of=None)


def _fi(value: float, unit: str | None) -> str:
    """*90 %*, *39 936*, *60,5*: a worked-out level as the reasons print it."""
    text = fi_number(round(value, 1) if abs(value) < 1000 else round(value))
    return f"{text} %" if unit == "%" else text


def _like(figure: Figure, value: float) -> str:
    """``value`` written as ``figure`` is printed: *420,9 milj. €* beside *412,6 milj. €*, *60,5 GWh* by *62,4 GWh*."""
    number = re.search(r"\d[\d \u00a0.,]*\d|\d", figure.text)
    if number is None:
        return _fi(value, figure.unit)
    shown = parse_number(number.group(0).strip())
    scale = abs(figure.value / shown) if shown and figure.value else 1.0
    scaled = value / scale
    digits = fi_number(round(scaled, 1) if abs(scaled) < 1000 else round(scaled))
    return f"{digits}{figure.text[number.end():]}"


# A target stated as a change from the baseline: *+2 %-yks. edellisestä vuodesta*, *-3 % edellisestä
# vuodesta*, *2 % alle nykyarvon*, *5 % max. kasvu*, *Enint. 2,0 %:n vuotuinen kasvu*. It is turned into a
# level from the baseline (88 % +2 %-yks. = 90 %; 62,4 GWh -3 % = 60,5 GWh) and the actual level compared with
# that, so "slightly below" means the same share of the target as for any other row. Where the actual is
# itself a change (*+2,5 %*, *vahvistunut noin 1,9 %*), both are levels against a baseline of 100.


@dataclass(slots=True)
class ChangeTarget:
    """A wanted change: ``amount`` in per cent of the baseline, or in percentage points when ``points``."""

    figure: Figure
    amount: float  # signed: -3 for *-3 %*, -2 for *2 % alle nykyarvon*
    points: bool
    ceiling: bool  # the level it gives is an upper limit (*Enint. 2 %:n kasvu*, *-3 %*, a cost)

    def level(self, base: float) -> float:
        return base + self.amount if self.points else base * (1 + self.amount / 100)

    def note(self, base: Figure) -> str:
        """*88 % +2 %-yks. = 90 %*, *62,4 GWh -3 % = 60,5 GWh*."""
        step = f"{_signed(self.amount)} {'%-yks.' if self.points else '%'}"
        return f"{base.text} {step} = {_like(base, self.level(base.value))}"


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + fi_number(round(value, 1))


def _change_target(metric: Metric, target: list[Figure], lower: bool) -> ChangeTarget | None:
    """The change a target asks for, or None when the target is a level."""
    text = (metric.target or "").lower()
    against_baseline = _lemma_runs(metric.target, BASELINE_LEMMAS)
    if len(target) != 1 or target[0].unit != "%" or target[0].high is not None:
        return None
    wanted = target[0]
    changes = {direction for word, direction in CHANGE_WORDS.items() if word in text}
    if not (against_baseline or changes or wanted.signed or wanted.points):
        return None
    below = [word for word, bound in BOUND_BEFORE.items() if bound == "under"]  # *2 % alle nykyarvon*
    if (against_baseline and _has_word(text, below)) or wanted.value < 0 or changes == {"decrease"}:
        direction = "decrease"
    else:
        direction = "increase"
    amount = -abs(wanted.value) if direction == "decrease" else abs(wanted.value)
    ceiling = direction == "decrease" or wanted.qualifier in ("at_most", "under") or lower
    return ChangeTarget(wanted, amount, wanted.points, ceiling)


def _change_of(text: str | None, figure: Figure) -> str | None:
    """The direction a change word gives ``figure`` of ``text``: *kasvoi 4 %*, *vahvistunut noin 1,9 %*, *4 % kasvu*."""
    before = _words((text or "")[:figure.start])[-CHANGE_WORD_REACH:]
    after = _words((text or "")[figure.end:])[:1]
    for word in [*reversed(before), *after]:
        for lemma in finnish.lemmas(word):
            direction = ACTUAL_CHANGE_LEMMAS.get(lemma) or DIRECTION_LEMMAS.get(lemma)
            if direction:
                return direction
    return None


def _actual_changes(metric: Metric, actual: list[Figure], *, minus: bool = True) -> list[float] | None:
    """The actual figures as changes in per cent, when they are changes: *+2,5 %*, *kasvoi 4 %*, *laski 3 %*.

    Without ``minus`` a figure with only a minus sign is a level, not a change: a return on equity of *-152 %*.
    """
    changes = []
    for figure in actual:
        if figure.unit != "%":
            return None
        direction = _change_of(metric.actual, figure)
        signed = figure.signed and (minus or figure.text.startswith("+"))
        if not (signed or direction):
            return None
        value = figure.value if figure.signed else abs(figure.value) * (-1 if direction == "decrease" else 1)
        changes.append(value)
    return changes


def _compare_change_target(metric: Metric, change: ChangeTarget, actual: list[Figure], lower: bool,
                           slightly_below: float) -> tuple[list[Comparison] | None, str]:
    """A change target as a level from the baseline, against the actual level (or the actual change)."""
    bound = "at_most" if change.ceiling else "at_least"
    rated = _actual_changes(metric, actual)
    if rated is not None and change.points != all(f.points for f in actual):
        return None, (f"Tavoite: {_clip(metric.target or '')} ja toteuma '{_clip(metric.actual or '')}' ovat "
                      f"muutoksia eri yksiköissä (prosentteja ja prosenttiyksiköitä), joten niitä ei verrata.")
    if rated is not None:
        # Both changes: levels against a baseline of 100 (or the baseline's own per cent for points).
        base_figures = _headline(figures(metric.baseline))
        base = base_figures[0].value if change.points and len(base_figures) == 1 else 100.0
        out = []
        for figure, value in zip(actual, rated, strict=True):
            wanted = _level(change.figure, change.level(base), "%" if change.points else None, bound)
            got = _level(figure, base + value if change.points else base * (1 + value / 100),
                         "%" if change.points else None)
            found = _compare(got, wanted, change.ceiling, slightly_below)
            found.actual, found.change = figure, value
            # The share of the wanted change: +1,9 % of at most +2 % is 95 %.
            found.reached = value / change.amount if value * change.amount > 0 else None
            out.append(_wrong_way(found, change))
        return out, ""
    baseline = _headline(figures(metric.baseline))
    if not baseline or len(baseline) != len(actual) or any(b.value == 0 for b in baseline) \
            or not all(_comparable(a, b) for a, b in zip(actual, baseline, strict=True)):
        return None, (f"Tavoite: {_clip(metric.target or '')} on muutos lähtötasosta, mutta lähtötasoa "
                      f"'{metric.baseline or '…'}' ei voi verrata toteumaan '{_clip(metric.actual or '')}'.")
    out = []
    for figure, base in zip(actual, baseline, strict=True):
        unit = figure.unit or base.unit
        wanted = _level(base, change.level(base.value), unit, bound)
        found = _compare(_level(figure, figure.value, unit), wanted, change.ceiling, slightly_below)
        found.actual = figure
        found.change = (figure.value - base.value if change.points
                        else 100 * (figure.value - base.value) / abs(base.value))
        found.target_note = change.note(base)
        out.append(_wrong_way(found, change))
    return out, ""


def _wrong_way(found: Comparison, change: ChangeTarget) -> Comparison:
    """A change the other way than wanted is clearly below, however small: *+2,5 %* where *2 % alle nykyarvon*."""
    wanted_down = change.amount < 0
    wanted_up = change.amount > 0 and not change.ceiling
    wrong = (wanted_down and (found.change or 0) > 0) or (wanted_up and (found.change or 0) < 0)
    if found.outcome != "full" and wrong:
        found.outcome, found.miss = "none", float("inf")
    return found


def _baseline_level_target(metric: Metric) -> Figure | None:
    """*edellisen vuoden tasolla*, *nykytasolla*, *< nykyarvo*, *vähintään edellisen vuoden tasolla*: the
    baseline's own figure as the target, with the bound the target writes before it."""
    if not _lemma_runs(metric.target, BASELINE_LEMMAS):
        return None
    text = metric.target or ""
    bounds = [bound for word, bound in BOUND_BEFORE.items() if bound != "about" and _has_word(text, (word,))]
    bound = bounds[0] if bounds else None
    if bound is None and not _lemmas(metric.target) & LEVEL_LEMMAS:
        return None
    baseline = _headline(figures(metric.baseline))
    if len(baseline) != 1:
        return None
    return replace(baseline[0], qualifier=bound)


def _share_in_words(metric: Metric) -> tuple[Figure, Figure, str] | None:
    """*Kaikissa kouluissa* against *tehtiin 14 koulussa 17:stä*: 100 % as the target, 82,4 % as the actual, *14 / 17*.

    Only when the actual counts the same thing the target says all of (*koulu*), so a bare *100 %* against
    *Kaikki koulut mukana* is not read as one.
    """
    target_lemmas = _lemmas(metric.target)
    if not target_lemmas & ALL_LEMMAS or figures(metric.target):
        return None
    text = metric.actual or ""
    found = figures(text)
    for part, whole in zip(found, [*found[1:], None], strict=True):
        between = text[part.end:whole.start] if whole else ""
        counted = _words(between)
        of_words = whole is not None and len(counted) == 1 and text[whole.end:].lower().startswith(SHARE_OF_ENDINGS)
        if whole is not None and between.strip() == "/":  # *14 / 17 koulussa*
            part, of_words = replace(part, of=whole.value, end=whole.end), False
        if part.of is None and not of_words:
            continue
        total = part.of if part.of is not None else whole.value
        nouns = {lemma for word in (counted or _words(text[part.end:])[:1]) for lemma in finnish.lemmas(word)}
        if not total or not nouns & (target_lemmas - ALL_LEMMAS):
            continue
        end = whole.end + len(SHARE_OF_ENDINGS[0]) if of_words else part.end
        share = replace(_level(part, 100 * part.value / total, "%"), text=text[part.start:end].strip(" ."))
        return _level(part, 100.0, "%", "at_least"), share, f"{fi_number(part.value)} / {fi_number(total)}"
    return None


# --- words in cells -----------------------------------------------------------------------------

#: Work under way on a deliverable at the year's end: not done, how far is not said.
NOT_DONE: frozenset[str] = frozenset({"partial", "none"})
#: Words that leave no further status open.
NO_MORE: frozenset[str] = frozenset()


def _verbal(metric: Metric, target_is_number: bool) -> tuple[str | None, str, frozenset[str]]:
    """The outcome an actual in words states: (status or None, why, further statuses it leaves open)."""
    actual = (metric.actual or "").strip()
    opening = _opening(actual)
    if opening is not None and opening != actual:
        # "Toteutunut. Työ jatkuu.": a cell that opens with its verdict is judged by it; the rest is detail.
        said = _verbal(replace(metric, actual=opening), target_is_number)
        if said[0] is not None:
            return said
    lemmas = _lemmas(actual)
    words = _words(actual)
    negated = _has_word(actual, NEGATION_WORDS)
    done = bool(lemmas & DONE_LEMMAS) or actual.lower() in ("k", "on") or _restates_done(metric.target, actual)
    stated = bool(lemmas & STATUS_LEMMAS)
    deliverable = bool(_lemmas(metric.target) & DONE_LEMMAS)
    if _has_word(actual, PARTLY_WORDS):
        return "partial", f"toteuma '{actual}' kertoo osittaisesta toteutumisesta", NO_MORE
    if len(words) > SHORT_ANSWER_WORDS and not stated:
        return None, f"toteuma on sanallinen ('{_clip(actual)}') eikä sano suoraan, toteutuiko tavoite", NO_MORE
    in_progress = _has_word(actual, IN_PROGRESS_WORDS)
    unfinished = _has_word(actual, UNFINISHED_WORDS)
    if target_is_number and not stated and not ((in_progress or unfinished) and deliverable):
        # "Työ jatkuu" under a target of 450 clients says nothing of how many there were.
        return None, f"tavoite on luku, mutta toteuma '{_clip(actual)}' ei ole", NO_MORE
    if negated and (done or stated):
        if _negated_statement(metric.name) or _negated_statement(metric.target):
            return "full", f"toteuma '{actual}' vastaa kielteisenä muotoiltua tavoitetta", NO_MORE
        if _has_word(actual, ("toteutui", "toteutunut", "tehty", "valmis")) and len(words) > 3:
            return "partial", f"toteuma '{_clip(actual)}' kertoo osan toteutuneen ja osan ei", NO_MORE
        return "none", f"toteuma '{actual}' on kielteinen", NO_MORE
    if negated:
        if _negated_statement(metric.name):
            return "full", f"toteuma '{actual}' vastaa kielteisenä muotoiltua mittaria", NO_MORE
        return "none", f"toteuma '{actual}' on kielteinen", NO_MORE
    if in_progress or unfinished:
        if deliverable:
            # "Käynnissä" against "Hyväksytty 31.12.2024 mennessä": begun, not done by the year's end.
            # "Jatkuu" against "Valmis", "Laadinta kesken" against "Laadittuna 50 kohdetta": not finished.
            status = "none" if unfinished and not in_progress else "partial"
            return status, (f"tavoite on valmis tuotos, mutta toteuma '{actual}' kertoo työn olevan kesken: "
                            f"tavoite ei toteutunut täysin"), NOT_DONE
        return None, f"toteuma '{actual}' kertoo työn olevan kesken, eikä tavoitteesta voi päätellä tilaa", NO_MORE
    if done or stated:
        late = _late(metric.target, actual)
        if late is not None:
            # "Valmistui 9/2024" against "Valmis 6/2024 mennessä": done, but not by the deadline.
            return "partial", (f"toteuma '{_clip(actual)}' kertoo tavoitteen toteutuneen vasta {late[1]}, "
                               f"määräajan {late[0]} jälkeen"), NOT_DONE
        return "full", f"toteuma '{_clip(actual)}' kertoo tavoitteen toteutuneen", NO_MORE
    return None, f"toteuma '{_clip(actual)}' ei sano, toteutuiko tavoite", NO_MORE


_DAY = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_MONTH = re.compile(r"(?<![\d./])(\d{1,2})/(\d{4})(?!\d)")


def _last_date(text: str | None) -> tuple[tuple[int, int, int], str] | None:
    """The latest date of ``text`` as (year, month, day) with its text; *6/2024* is the end of June."""
    found = [((int(m[3]), int(m[2]), int(m[1])), m[0]) for m in _DAY.finditer(text or "")]
    found += [((int(m[2]), int(m[1]), 31), m[0]) for m in _MONTH.finditer(text or "") if 1 <= int(m[1]) <= 12]
    return max(found) if found else None


def _late(target: str | None, actual: str) -> tuple[str, str] | None:
    """(the deadline, the date done) when the actual was done after the target's date: *9/2024* after *6/2024*."""
    deadline, done = _last_date(target), _last_date(actual)
    if deadline is None or done is None or done[0] <= deadline[0]:
        return None
    return deadline[1], done[1]


def _opening(text: str) -> str | None:
    """The first sentence of ``text`` when it is a short verdict: *Toteutunut.* of *Toteutunut. Työ jatkuu.*"""
    first = re.match(r"\s*([^.!?;]+)[.!?;]\s+\S", text)
    if first is None or len(_words(first.group(1))) > OPENING_WORDS:
        return None
    return first.group(1).strip()


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
    lower = lower_is_better(metric, target)
    result = MetricAssessment(status=None, lower_is_better=lower)
    target_text = _clip(metric.target or "…")
    if _no_figure(metric.actual):
        result.no_figure = True
        result.reasons.append(f"Tavoite: {target_text}; toteumaa ei ole ilmoitettu ('{metric.actual or ''}').")
        return result
    if not actual:
        result.status, why, result.allowed = _verbal(metric, target_is_number=bool(target))
        result.reasons.append(f"Tavoite: {target_text}; {why}.")
        return result
    comparisons, problem = _comparisons(metric, target, actual, lower, share)
    if comparisons is None:
        result.reasons.append(problem)
        return result
    result.comparisons = comparisons
    outcomes = {c.outcome for c in comparisons}
    result.status = outcomes.pop() if len(outcomes) == 1 else "partial"
    result.reasons.append(_describe(metric, comparisons, lower, share))
    return result


def _comparisons(metric: Metric, target: list[Figure], actual: list[Figure], lower: bool,
                 share: float) -> tuple[list[Comparison] | None, str]:
    """The actual figures against the target, each as a level: (comparisons, or None and the Finnish reason)."""
    target_text = _clip(metric.target or "…")
    if not target:
        level = _baseline_level_target(metric)
        if level is not None:
            # "< nykyarvo" is a ceiling and "> nykyarvo" a floor; "edellisen vuoden tasolla" goes the metric's way.
            lower = level.qualifier in ("at_most", "under") or (lower and level.qualifier not in ("at_least", "over"))
            pairs = _pairs([level], actual)
            if pairs and all(_comparable(a, t) for a, t in pairs):
                found = [_compare(a, t, lower, share) for a, t in pairs]
                for c in found:
                    c.target_note = f"= lähtötaso {level.text}"
                return found, ""
        if _has_word(metric.target or "", ZERO_PHRASES):
            # "Ei yhtään" against "2 kpl": a ceiling of zero, any excess misses it.
            zero = Figure(0, None, _clip(metric.target or ""), 0, len(metric.target or ""), qualifier="at_most")
            return [_compare(a, zero, True, share) for a in actual], ""
        shared = _share_in_words(metric)
        if shared is not None:
            wanted, got, note = shared
            found = _compare(got, wanted, False, share)
            found.actual_note = note
            return [found], ""
        return None, (f"Tavoitteessa '{target_text}' ei ole lukua, johon toteumaa "
                      f"'{_clip(metric.actual or '')}' voisi verrata.")
    change = _change_target(metric, target, lower)
    if change is not None:
        return _compare_change_target(metric, change, actual, lower, share)
    rated = _actual_changes(metric, actual, minus=False)
    if rated is not None and len(target) == 1:
        resolved = _change_as_level(metric, target[0], actual, rated)
        if resolved is None:
            return None, (f"Tavoite: {target_text}; toteuma '{_clip(metric.actual or '')}' on muutos, mutta "
                          f"lähtötasosta '{metric.baseline or '…'}' ei saa tasoa, jota verrata tavoitteeseen.")
        found = []
        for figure, readings in resolved:
            compared = [_compare(level, target[0], lower, share) for level, _ in readings]
            if len({c.outcome for c in compared}) > 1:
                return None, (f"Tavoite: {target_text}; toteuma '{_clip(metric.actual or '')}' voi olla muutos "
                              f"prosentteina tai prosenttiyksikköinä ({'; '.join(n for _, n in readings)}), "
                              f"ja ne tukevat eri tilaa.")
            compared[0].actual, compared[0].actual_note = figure, readings[0][1]
            found.append(compared[0])
        return found, ""
    pairs = _pairs(target, actual)
    if pairs is None:
        return None, (f"Tavoitteen '{target_text}' ja toteuman '{_clip(metric.actual or '')}' luvut eivät "
                      f"vastaa toisiaan yksi yhteen.")
    unlike = [(a, t) for a, t in pairs if not _comparable(a, t)]
    if unlike:
        a, t = unlike[0]
        return None, (f"Tavoite: {target_text}; toteuma: {_clip(metric.actual or '')}: luvut {a.text} ja "
                      f"{t.text} eivät ole samaa yksikköä tai mittakaavaa, joten niitä ei verrata.")
    return [_compare(a, t, lower, share) for a, t in pairs], ""


def _change_as_level(metric: Metric, target: Figure, actual: list[Figure],
                     rated: list[float]) -> list[tuple[Figure, list[tuple[Figure, str]]]] | None:
    """*kasvoi 4 %* from a baseline of 38 400: the level 39 936, to compare with a level target; *nousi 1,5
    %-yks.* from 88 %: 89,5 %. Each actual figure with its readings: a change in per cent of a baseline that is
    itself a per cent (*kasvoi 2 %* from 60 %) may mean 61,2 % or 62 %, and both are given."""
    baseline = _headline(figures(metric.baseline))
    if len(baseline) != len(actual) or not all(_comparable(b, target) for b in baseline):
        return None
    out = []
    for figure, value, base in zip(actual, rated, baseline, strict=True):
        if figure.points and base.unit != "%":
            return None
        readings = []
        for points in {figure.points, figure.points or base.unit == "%"}:
            level = base.value + value if points else base.value * (1 + value / 100)
            step = f"{_signed(value)} {'%-yks.' if points else '%'}"
            readings.append((_level(base, level), f"{base.text} {step} = {_like(base, level)}"))
        shown = replace(figure, text=_clip(metric.actual or "", 40)) if len(actual) == 1 else figure
        out.append((shown, readings))
    return out


def _pairs(target: list[Figure], actual: list[Figure]) -> list[tuple[Figure, Figure]] | None:
    if len(target) == 1:
        return [(a, target[0]) for a in actual]
    if len(target) == len(actual):
        return list(zip(actual, target, strict=True))
    return None


def _describe(metric: Metric, comparisons: list[Comparison], lower: bool, share: float) -> str:
    """*Tavoite: 22 000; toteuma: 25 506 (115,9 % tavoitteesta): tavoite saavutettu.*

    A worked-out level says how: *Tavoite: +2 %-yks. edellisestä vuodesta (tavoitetaso 88 % +2 %-yks. = 90 %);
    toteuma: 89,1 % (muutos lähtötasosta +1,1 %-yks.; 99 % tavoitteesta)*.
    """
    parts = []
    for c in comparisons:
        details = []
        if c.actual_note:
            details.append(c.actual_note)
        if c.change is not None:
            step = "%-yks." if c.target.unit == "%" and c.target_note and "%-yks." in c.target_note else "%"
            details.append(f"muutos lähtötasosta {_signed(c.change)} {step}")
        if c.reached is not None and not c.actual.rank:
            details.append(f"{fi_percent(100 * c.reached)} tavoitteesta")
        parts.append(f"{c.actual.text} ({'; '.join(details)})" if details else c.actual.text)
    head = f"Tavoite: {_clip(metric.target or '')}"
    notes = list(dict.fromkeys(c.target_note for c in comparisons if c.target_note))
    if notes:
        head += f" (tavoitetaso {'; '.join(notes)})"
    if lower:
        head += " (pienempi on parempi)"
    verdicts = {"full": "tavoite saavutettu",
                "partial": f"tavoite jäi hieman saavuttamatta (enintään {fi_percent(100 * share)})",
                "none": f"tavoite jäi selvästi saavuttamatta (yli {fi_percent(100 * share)})"}
    outcome = {c.outcome for c in comparisons}
    said = verdicts[outcome.pop()] if len(outcome) == 1 else "osa luvuista saavuttaa tavoitteen, osa ei"
    return f"{head}; toteuma: {'; '.join(parts)}: {said}."


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
    verdict, reason = _verdict(claimed, evidence, label, assessment.allowed)
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


def _verdict(claimed: str | None, evidence: str | None, label: str,
             allowed: frozenset[str] = frozenset()) -> tuple[str, str]:
    """The verdict on a row's claimed status against the status its figures support, and its Finnish reason.

    A claim among ``allowed`` is consistent too: the evidence rules out the other statuses, not this one.
    """
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
    if claimed in allowed:
        others = " tai ".join(f"'{STATUS_FI[s]}'" for s in sorted(allowed, key=list(STATUS_FI).index))
        return "consistent", f"Ilmoitettu tila {label} sopii rivin tietoihin, jotka tukevat tilaa {others}."
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


def graded_unlike_report(metrics: list[Metric]) -> list[tuple[Metric, list[Metric]]]:
    """Rows a report grades unlike its own other rows, each with the rows it is compared with.

    The report's grading is learned from its own rows (:mod:`pipeline.grading`):
    an ordinal model of the city's grade on the share of the target missed,
    fitted leave-one-out, so each row is judged by the grading of the others.
    A row that missed its target is graded unlike the rest when its grade is
    improbable under that grading (below :data:`pipeline.grading.IMPROBABLE`)
    while the grades on one side of it are clearly preferred (94,7 % of the
    target drawn red while rows at 93 % are amber); it is compared with the
    rows of the preferred grade nearest to its miss. Too few rows, or one
    grade: none.
    """
    return [(found.metric, found.compared) for found in grading.unlike_report(metrics)]


def flag_grading(metrics: list[Metric]) -> list[Metric]:
    """Add ``graded_unlike_report`` and a Finnish reason to the audit of the rows :func:`graded_unlike_report` finds."""
    for metric in metrics:
        if metric.audit is not None:
            metric.audit.graded_unlike_report = []
    found = grading.unlike_report(metrics)
    for unlike in found:
        metric, others = unlike.metric, unlike.compared
        misses = [m.audit.missed_by for m in others]
        more = ("enemmän" if min(misses) >= metric.audit.missed_by else "vähemmän"
                if max(misses) <= metric.audit.missed_by else "lähes yhtä paljon")
        compared = "; ".join(f"{_row_name(m)} (jäi {fi_percent(100 * m.audit.missed_by)})" for m in others)
        metric.audit.graded_unlike_report = [_row_name(m) for m in others]
        metric.audit.reasons.append(
            f"Arvioitu eri tavalla kuin raportin muut rivit: tavoitteesta jäi "
            f"{fi_percent(100 * metric.audit.missed_by)} ja tila on {metric.status_label}, mutta raportti antaa "
            f"tilan {others[0].status_label} riveille, joilta jäi {more}: {compared}. Raportin muiden rivien "
            f"arvioinnin mukaan tilan {metric.status_label} todennäköisyys on "
            f"{fi_percent(100 * unlike.probabilities[metric.status])}, tilan {others[0].status_label} "
            f"{fi_percent(100 * unlike.probabilities[unlike.preferred])}.")
    return [unlike.metric for unlike in found]


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
