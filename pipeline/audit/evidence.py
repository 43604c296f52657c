"""Finding the evidence that answers each part of a target, and judging what it supports.

Figures and sentences are looked for in the metric status (*Mittarien
tilanne*) first and the measures second: a figure matching the part's unit
and the baseline's scale, and sentences that name the part, including
negated or postponed ones (*ei ole järjestetty*, *siirtyi vuodelle 2023*).
Each part gets an outcome (met, partial, not met, unknown); together they
give the status the evidence supports.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations, pairwise

from pipeline import config, finnish
from pipeline.audit import verdict
from pipeline.audit.target import CORE_CASES, QUANTITY_KINDS, Part, content_lemmas, is_done_word, requirements
from pipeline.lang_fi.change_words import EARLIER_CLAUSE_PATTERN, EARLIER_WORDS, EARLIER_YEAR_PATTERN
from pipeline.lang_fi.function_words import (
    ADDING_WORDS,
    ALTERNATIVE_WORDS,
    CLAUSE_WORDS,
    CORE_CASE_NAMES,
    LEVEL_CASE_NAMES,
    OF_WHICH_WORDS,
    OUT_OF_CASE,
    PLACE_CASE_NAMES,
    TOTAL_JOINING_WORDS,
    TOTAL_WORDS,
)
from pipeline.lang_fi.missing_figures import COMPOUND_DATA_LEMMAS, DATA_LEMMAS, PERIODIC_PATTERNS
from pipeline.lang_fi.missing_figures import LATER_WORDS as MISSING_LATER_WORDS
from pipeline.lang_fi.negation import LATER_WINDOW, LATER_WORDS, MOVED_LEMMAS, NEGATION_WORDS, SETBACK_LEMMAS
from pipeline.lang_fi.progress import (
    ACCORDING_TO_WORD,
    CONTINUING_LEMMAS,
    IN_USE_WORD,
    ON_TARGET_WORDS,
    PART_WORD,
    PLAN_LEMMAS,
    PROGRESS_LEMMAS,
    PROGRESS_WORDS,
    REFERS_TO_MEASURES_PATTERN,
    SHARE_WORDS,
)
from pipeline.lang_fi.targets import ABOVE_TARGET, ALL_WORDS, BELOW_TARGET, POSITIVE_RESULT_WORDS
from pipeline.lang_fi.units import MEASURE_UNITS, POINTS_UNIT, RATIO_MARK
from pipeline.records import Goal, Indicator

#: Relative tolerance of an *about* (*noin*) target.
ABOUT_TOLERANCE = 0.1
#: Share of a target reached that still counts as partial progress.
PARTIAL_SHARE = 0.5
#: Fields that report what happened, in the order they answer a target.
EVIDENCE_FIELDS: tuple[str, ...] = ("metric_status", "measures")

REFERS_TO_MEASURES = re.compile(REFERS_TO_MEASURES_PATTERN, re.IGNORECASE)


@dataclass(slots=True)
class Finding:
    """How the evidence answers one part."""

    part: Part
    outcome: str  # "met", "partial", "not_met" or "unknown"
    reason: str
    reported: Indicator | None = None
    ratio: float | None = None
    #: The level reached over the level wanted, where a change was compared (for "slightly below").
    level_ratio: float | None = None


@dataclass(slots=True)
class Assessment:
    """What the evidence of one goal supports."""

    parts: list[Part] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    status: str | None = None  # full/partial/none, or None when the rules cannot tell
    negative: list[str] = field(default_factory=list)  # negated or postponed sentences
    notes: list[str] = field(default_factory=list)
    #: A sentence saying why there is no figure (*kysely tehdään joka toinen vuosi*), if any.
    missing_figure: str | None = None
    #: The year of the compared figures when it is earlier than the latest year the evidence names.
    earlier_year: int | None = None

    @property
    def numeric(self) -> bool:
        return any(p.kind == "quantity" for p in self.parts)


# --- reading the evidence -----------------------------------------------------------------------


def is_negative(sentence) -> bool:
    """A negated or postponed statement: *ei ole järjestetty*, *siirtyi vuodelle 2023*."""
    for token in sentence:
        if "Neg" in token.morph.get("Polarity") or token.lower_ in NEGATION_WORDS:
            return True
        lemma = token.lemma_.lower()
        if lemma in SETBACK_LEMMAS:
            return True
        if lemma in MOVED_LEMMAS and any(t.lower_ in LATER_WORDS
                                         for t in token.doc[token.i + 1:token.i + 1 + LATER_WINDOW]):
            return True
    return False


def _mentions(sentence, lemmas: frozenset[str]) -> bool:
    """True when the sentence names one of ``lemmas`` as what it is about (see :func:`_named`)."""
    return bool(_named(sentence, lemmas))


def _named(sentence, lemmas: frozenset[str]) -> frozenset[str]:
    """Which of ``lemmas`` the sentence names as what it is about.

    Also inside a compound (*perhekeskustoimintamallin* names *toimintamalli*,
    *osayleiskaava* names *kaava*), but only in a core case: in *opintopolusta
    tehty prosessikuvaus* the thing made is the description, not the study
    path. Every Voikko reading counts: the lemmatiser may choose another
    (*päätöstä* → *päättö*, not *päätös*).
    """
    found: set[str] = set()
    for token in sentence:
        if not token.is_alpha or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        case = token.morph.get("Case")
        if case and not set(case) & CORE_CASES:
            continue
        word = token.lemma_.lower()
        found |= {lemma for lemma in lemmas if lemma == word or (len(lemma) >= 6 and lemma in word)}
        found |= finnish.lemmas(token.text) & lemmas
        found |= {finnish.compound_head(word)} & lemmas
        found |= {lemma for lemma in lemmas if finnish.compound_head(lemma) == word}  # "sopimus": yhteistyösopimus
    return frozenset(found)


def _evidence_docs(docs: dict) -> list[tuple[str, object]]:
    return [(name, docs[name]) for name in EVIDENCE_FIELDS if docs.get(name) is not None]


# --- assessing ----------------------------------------------------------------------------------


def assess(goal: Goal, docs: dict, indicators: Iterable[Indicator], year: int | None = None, *,
           band: float | None = None) -> Assessment:
    """What the goal's own evidence supports, part by part; ``year`` is the year reported on, ``band`` the
    report legend's "slightly below" share (else :func:`pipeline.config.slightly_below`)."""
    indicators = list(indicators)
    result = Assessment(parts=requirements(goal, docs, indicators))
    derived = derived_figures(docs, indicators)
    evidence = _evidence_docs(docs)
    for _, doc in evidence:
        result.negative += [s.text.strip() for s in doc.sents if is_negative(s)]
    for part in result.parts:
        if part.kind == "quantity":
            result.findings.append(_assess_quantity(part, indicators + derived))
        else:
            result.findings.append(_assess_text_part(part, evidence, year))
    result.notes = arithmetic_notes(indicators)
    result.status = _combine(result, goal, docs, band)
    result.missing_figure = explains_missing_figure(evidence)
    result.earlier_year = earlier_year(result.findings, evidence, year)
    return result


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def earlier_year(findings: list[Finding], evidence: list[tuple[str, object]], year: int | None = None) -> int | None:
    """The year the compared figures are from, when every one is dated earlier than the evidence's latest year.

    *Vuoden 2021 tulos oli 4,2. Vuoden 2023 tulokset julkaistaan keväällä
    2024.*: 4,2 is from 2021, not the year reported on. A figure's year is the
    last year named before it in its sentence.
    """
    latest = max((int(y) for _, doc in evidence for y in _YEAR.findall(doc.text)), default=None)
    years = []
    for finding in findings:
        if finding.reported is None:
            continue
        figure = finding.reported
        at = figure.sentence.find(figure.text.split(" = ")[0])
        named = _YEAR.findall(figure.sentence[:at if at >= 0 else len(figure.sentence)])
        years.append(int(named[-1]) if named else None)
    if not years or latest is None or any(y is None or y >= latest for y in years):
        return None
    if year is not None and max(years) >= year:
        return None  # the year reported on: "5,6 % (2024)" in a 2024 report is this year's figure
    return max(years)


def explains_missing_figure(evidence: list[tuple[str, object]]) -> str | None:
    """The first sentence saying why no figure exists: measured every other year, not published yet.

    *Kysely tehdään joka toinen vuosi*; *Tilastokeskus ei ole vielä julkaissut
    tietoja*; *tulokset valmistuvat vasta keväällä* — but not a bare negation
    (*Asiaa ei seurattu*), which gives no reason.
    """
    for _, doc in evidence:
        for sentence in doc.sents:
            text = sentence.text.lower()
            if any(re.search(pattern, text) for pattern in PERIODIC_PATTERNS):
                return sentence.text.strip()
            lemmas = {t.lemma_.lower() for t in sentence} | {t.lower_ for t in sentence}
            compound = any(w.endswith(d) for w in lemmas for d in COMPOUND_DATA_LEMMAS)
            if (lemmas & DATA_LEMMAS or compound) and (is_negative(sentence) or lemmas & MISSING_LATER_WORDS):
                return sentence.text.strip()
    return None


def derived_figures(docs: dict, indicators: list[Indicator]) -> list[Indicator]:
    """Figures the evidence implies but does not print: a share of a whole, and parts that add up to a total.

    *1 710 hakemusta 1 980:sta* → 86,4 % (the second count in the elative,
    read by Voikko: *1 980:sta* is "out of 1 980"); *2 140 työntekijästä
    irtisanoutui 73* → 3,4 %; *640 osallistujaa ja lisäksi 420 osallistujaa*
    → 1 060 osallistujaa; *318 kerrostaloasuntoa ja 147 pientaloasuntoa* → 465.
    A metric that counts alternatives (*työhön tai koulutukseen siirtyneet*)
    adds the parts listed after *joista*: *6 240, joista 1 810 työllistyi ja
    402 aloitti koulutuksen* → 35,4 %.
    """
    out = []
    metric = docs.get("metric")
    metric_words = {w.strip(".,;:()").lower() for w in metric.text.split()} if metric is not None else set()
    alternatives = bool(metric_words & set(ALTERNATIVE_WORDS))
    total_metric = bool(metric_words & set(TOTAL_WORDS))
    ratio_metric = metric is not None and RATIO_MARK in metric.text
    # Every reading of every word: "osinko" is read as "osa" + "-ko" on its own, "valmistuneiden" is "valmistua".
    metric_lemmas = content_lemmas(metric) | metric_words | frozenset(
        lemma for word in metric_words for lemma in finnish.lemmas(word))
    for name in EVIDENCE_FIELDS:
        doc = docs.get(name)
        if doc is None:
            continue
        out += _fractions(name, doc)
        if ratio_metric:
            out += _ratios(name, doc, indicators)
        counts = [i for i in indicators if i.field == name and i.kind in ("count", "money", "percent")
                  and i.value and not i.direction and i.unit != POINTS_UNIT]
        for at, (first, second) in enumerate(pairwise(counts)):
            if first.sentence != second.sentence or first.kind != second.kind:
                continue
            if first.kind == "percent" and not _earlier(doc.text[first.end:second.start].lower()):
                continue  # two rates: only a year-on-year pair says anything
            between = doc.text[first.end:second.start].lower()
            if first.kind == "count" and _whole_first(first, second, between) and 0 < second.value <= first.value:
                # "540 asukasta, joista 470", "240 linja-autosta 130": the whole named before its part.
                parts = [second]
                third = counts[at + 2] if at + 2 < len(counts) else None
                if third is not None and third.sentence == second.sentence and _joined(
                        doc.text[second.end:third.start].lower(), adding_only=False) and (
                        alternatives or _names_verb(doc, second, third, metric_lemmas)
                        or _joined(doc.text[second.end:third.start].lower(), adding_only=True)
                        or (third.unit is not None and third.unit in metric_lemmas)):
                    # "joista 1 810 työllistyi ja 402 aloitti koulutuksen" under "työhön tai koulutukseen
                    # siirtyneiden osuus"; "joista työllistyi 1 020 ja koulutukseen siirtyi 410" under
                    # "Työllistyneiden ja koulutukseen siirtyneiden osuus".
                    parts.append(third)
                taken = sum(float(p.value) for p in parts)
                if taken <= first.value:
                    out.append(_share(name, doc, taken, first, parts[-1], first.start, parts[-1].end))
            elif first.kind == "count" and _whole_second(second, doc.text) and 0 < first.value <= second.value:
                ending = re.match(r":[a-zåäö]+", doc.text[second.end:second.end + 6])
                end = second.end + (len(ending.group(0)) if ending else 0)
                out.append(_share(name, doc, float(first.value), second, first, first.start, end))
            elif _earlier(between) and first.unit == second.unit and 0 < second.value != first.value:
                out.append(_change_from_earlier(name, doc, first, second))
                if first.kind != "percent":
                    out.append(_amount_from_earlier(name, first, second))
            elif _adds_up(first, second, doc, between, total_metric, metric_lemmas):
                total = first.value + second.value
                out.append(Indicator(name, first.kind, total, first.unit, None, None,
                                     f"{first.text} + {second.text} = {verdict.fi_number(total)}", first.start,
                                     second.end, first.sentence))
    return out


def _earlier(between: str) -> bool:
    """The figure after ``between`` is an earlier year's: *(2023: 259,6 M€)*, *kun vuotta aiemmin heitä oli 695*."""
    return (re.search(EARLIER_YEAR_PATTERN, between) is not None or any(w in between for w in EARLIER_WORDS)
            or re.search(EARLIER_CLAUSE_PATTERN, between) is not None)


def _change_from_earlier(name: str, doc, now: Indicator, before: Indicator) -> Indicator:
    """This year's figure against an earlier one: a change in per cent (in percentage points for rates)."""
    direction = "increase" if now.value > before.value else "decrease"
    if now.kind == "percent":
        change, unit, shown = round(abs(float(now.value) - float(before.value)), 2), POINTS_UNIT, verdict.fi_number
        text = f"{now.text} ({before.text} aiemmin) = {'+' if direction == 'increase' else '−'}{shown(change)} %-yks."
    else:
        change, unit = round(100 * abs(float(now.value) - float(before.value)) / float(before.value), 1), "%"
        text = (f"{now.text} ({before.text} aiemmin) = "
                f"{'+' if direction == 'increase' else '−'}{verdict.fi_percent(change)}")
    return Indicator(name, "percent", change, unit, None, direction, text, now.start, before.end, now.sentence)


def _ratios(name: str, doc, indicators: list[Indicator]) -> list[Indicator]:
    """Under a metric of one thing per another (*Oppilaita / opetusryhmä*): two counts side by side make the
    ratio, *1 386 oppilasta 72 opetusryhmässä* → 19,25, or a share when the first fills the second
    (*412 oppilasta 420 oppilaspaikalla* → 98,1 %)."""
    out = []
    counts = [i for i in indicators if i.field == name and i.kind in ("count", "money") and i.value
              and not i.direction]
    for first, second in pairwise(counts):
        if first.sentence != second.sentence or first.kind != second.kind:
            continue
        side_by_side = first.kind == "count" and first.end + 1 >= second.start and second.unit
        if not (side_by_side or (first.kind == "money" and first.unit == second.unit and second.value > 0)):
            continue  # "Vuosikate oli 6,4 milj. € ja poistot 5,9 milj. €" under "Vuosikate / poistot"
        ratio = float(first.value) / float(second.value)
        text = f"{first.text} / {second.text}"
        out.append(Indicator(name, "count", round(ratio, 2), None, None, None, f"{text} = "
                             f"{verdict.fi_number(round(ratio, 2))}", first.start, second.end, first.sentence))
        if ratio <= 1 or first.kind == "money":
            out.append(Indicator(name, "percent", round(100 * ratio, 1), "%", None, None,
                                 f"{text} = {verdict.fi_percent(round(100 * ratio, 1))}", first.start, second.end,
                                 first.sentence))
    return out


def _amount_from_earlier(name: str, now: Indicator, before: Indicator) -> Indicator:
    """The change in the figures' own unit: *18,9 M€ (2023: 20,4 M€)* → 1,5 M€ down."""
    direction = "increase" if now.value > before.value else "decrease"
    amount = round(abs(float(now.value) - float(before.value)), 2)
    text = f"{now.text} ({before.text} aiemmin) = {'+' if direction == 'increase' else '−'}{verdict.fi_number(amount)}"
    return Indicator(name, now.kind, amount, now.unit, None, direction, text, now.start, before.end, now.sentence)


def _share(name: str, doc, taken: float, whole: Indicator, last: Indicator, start: int, end: int) -> Indicator:
    share = round(100 * taken / float(whole.value), 1)
    return Indicator(name, "percent", share, "%", None, None, f"{doc.text[start:end]} = {verdict.fi_percent(share)}",
                     start, end, whole.sentence)


def _joined(between: str, *, adding_only: bool) -> bool:
    """Words between two counts that add them: *lisäksi*, *sekä*, or (unless ``adding_only``) *ja*."""
    words = [w.strip(".,;:()") for w in between.split()]
    if any(w in OF_WHICH_WORDS for w in words):
        return False
    return any(w in ADDING_WORDS or (not adding_only and w in TOTAL_JOINING_WORDS) for w in words)


def _adds_up(first: Indicator, second: Indicator, doc, between: str, total_metric: bool,
             metric_lemmas: frozenset[str]) -> bool:
    """Two figures in one clause that are parts of one total, with no verb of their own between them.

    Joined by an adding word (*lisäksi*, *sekä*): the same thing, or the
    second leaves its unit out (*812 valaisinta ja lisäksi syksyllä 480*).
    Joined by a bare *ja* they add up only when something says the target
    counts both: the metric counts a total (*käynnit yhteensä*) or names both
    parts (*osinko ja takauspalkkiot*), the units are two kinds of one thing
    (*kerrostaloasunto*, *pientaloasunto*), or both stand in the same case
    after one verb (*myönnettiin 54 yhdistykselle ja 11 taiteilijalle*).
    Not *412 asuntoa ja rakennuslupia myönnettiin 530*: a verb of its own
    makes a second clause.
    """
    if not _joined(between, adding_only=False) or not _same_doing(doc, first, second, metric_lemmas):
        return False
    same = first.unit == second.unit if first.kind == "money" else _same_thing(first.unit, second.unit)
    if _joined(between, adding_only=True):
        return same or second.unit is None  # "... oli 48, ja ... lisäksi 19"
    if same and first.unit in MEASURE_UNITS:
        return True  # "38.600 m² katuja ja 7.900 m² kevyen liikenteen väyliä": one measure, two places
    if first.kind == "money":
        named = [_named_before(doc, f) for f in (first, second)]
        return same and (total_metric or all(n and n in metric_lemmas for n in named))
    if same and (total_metric or first.unit != second.unit):
        return True
    return bool(_unit_case(first) & _unit_case(second) - CORE_CASE_NAMES)


def _names_verb(doc, second: Indicator, third: Indicator, metric_lemmas: frozenset[str]) -> bool:
    """The verb between two parts is one the metric names: *... ja koulutukseen siirtyi 410*."""
    span = doc.char_span(second.end, third.start, alignment_mode="contract")
    verbs = [t for t in span if t.pos_ == "VERB"] if span is not None else []
    return bool(verbs) and all(finnish.lemmas(t.text) & metric_lemmas for t in verbs)


def _same_doing(doc, first: Indicator, second: Indicator, metric_lemmas: frozenset[str]) -> bool:
    """The second figure's clause does what the metric counts: no verb of its own, or one the metric names.

    *Valmistuneita asuntoja oli 312 ja lisäksi ... valmistui 196 asuntoa* under *Valmistuneiden asuntojen
    määrä* adds up; *9 uutta yritystä, ja lisäksi 7 ... yritystä laajensi toimintaansa* under *Uudet
    sijoittuneet yritykset* does not, nor *412 asuntoa ja rakennuslupia myönnettiin 530*.
    """
    span = doc.char_span(first.end, second.end, alignment_mode="contract")
    tokens = list(span) if span is not None else []
    rest = doc.char_span(second.end, len(doc.text), alignment_mode="contract")
    for token in rest if rest is not None else []:
        if token.is_punct or token.lower_ in CLAUSE_WORDS:
            break
        tokens.append(token)
    verbs = [t for t in tokens if t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm")]
    if all(finnish.lemmas(t.text) & metric_lemmas for t in verbs):
        return True
    # A verb the metric does not name: a different doing only if the first figure's own verb is one it names
    # ("sijoittui 9 uutta yritystä" vs "laajensi"); "varattiin 11 480 tuntia ... annettiin 940 tuntia" adds up.
    figure = doc.char_span(first.start, first.end, alignment_mode="expand")
    own = [t for t in figure.sent if t.idx < first.start and t.pos_ == "VERB"
           and "Fin" in t.morph.get("VerbForm")] if figure is not None else []
    return bool(own) and not finnish.lemmas(own[-1].text) & metric_lemmas


def _named_before(doc, figure: Indicator) -> str | None:
    """The noun right before a figure, what it is an amount of: *osinkoa 3,0 M€* → *osinko*."""
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    token = doc[span.start - 1]
    return token.lemma_.lower() if token.pos_ == "NOUN" else None


def _unit_case(figure: Indicator) -> frozenset[str]:
    words = figure.text.split()
    return finnish.case_names(words[-1]) if len(words) > 1 and words[-1].isalpha() else frozenset()


_FRACTION = re.compile(r"(?<![\d/.,])(\d+)\s?/\s?(\d+)(?![\d/.,]\d)")
#: A fraction whose second number is this or more is a month and year (*8/2022*), not a share.
_YEAR_FROM = 1900


def _fractions(name: str, doc) -> list[Indicator]:
    """*14/18 vastattiin ajallaan* → 77,8 %: a count out of a whole written with a slash (not *8/2022*)."""
    out = []
    for found in _FRACTION.finditer(doc.text):
        part, whole = int(found.group(1)), int(found.group(2))
        if not 0 < part <= whole < _YEAR_FROM:
            continue
        share = round(100 * part / whole, 1)
        sentence = next((s.text for s in doc.sents if s.start_char <= found.start() < s.end_char), doc.text)
        out.append(Indicator(name, "percent", share, "%", None, None, f"{found.group(0)} = {verdict.fi_percent(share)}",
                             found.start(), found.end(), sentence))
    return out


def _same_thing(first: str | None, second: str | None) -> bool:
    """Units of counts that add up: the same, one a kind of the other (*vuokra-asunto*, *ARA-vuokra-asunto*),
    or two kinds of one thing (*kerrostaloasunto*, *pientaloasunto*: both *asunto*)."""
    if not (first and second):
        return False
    return (first == second or first.endswith(second) or second.endswith(first)
            or finnish.compound_head(first) == finnish.compound_head(second))


def _whole_first(first: Indicator, second: Indicator, between: str) -> bool:
    """The count ``first`` is the whole of the count after it: *540 asukasta, joista 470*, *240 autosta 130*,
    *2 140 työntekijästä irtisanoutui 73* — but not a change from one level to another (*180 kävijästä 150
    kävijään*)."""
    words = [w.strip(".,;:") for w in between.split()]
    if any(w in OF_WHICH_WORDS for w in words):
        return True
    unit_word = first.text.split()[-1] if len(first.text.split()) > 1 else ""
    return bool(unit_word) and OUT_OF_CASE in finnish.case_names(unit_word) and not (
        _unit_case(second) & LEVEL_CASE_NAMES)


def _whole_second(second: Indicator, text: str) -> bool:
    """The count ``second`` is the whole its predecessor is out of: *1 710 hakemusta 1 980:sta*, *3 102 lasta
    ikäluokan 3 737 lapsesta*."""
    ending = re.match(r":[a-zåäö]+", text[second.end:second.end + 6])
    if ending:
        return OUT_OF_CASE in finnish.case_names(ending.group(0))
    return OUT_OF_CASE in _unit_case(second)


def _candidates(part: Part, indicators: list[Indicator]) -> list[Indicator]:
    out = []
    for field_name in EVIDENCE_FIELDS:
        for figure in indicators:
            if figure.field != field_name or figure.kind not in QUANTITY_KINDS:
                continue
            if part.relative and figure.kind == "percent" and figure.direction:
                out.append(figure)  # a reported change: "noussut 28,4 %"
            elif _absolute_change(part) and figure.direction and figure.kind == part.measure and _same_unit(
                    part, figure):
                out.append(figure)  # "lisättiin 11,5 km" against "+15 km"
            elif part.points and figure.kind == "percent" and figure.unit == "prosenttiyksikkö":
                out.append(figure)
            elif part.relative or part.change:
                # A level compared with the baseline's level: a count with a count, a rate with a rate.
                if part.baseline_kind == figure.kind and not figure.direction and (
                        part.baseline_unit is None or figure.unit in (None, "kpl")
                        or _same_thing(figure.unit, part.baseline_unit)):
                    out.append(figure)
            elif figure.kind == part.measure and not figure.direction and _same_unit(part, figure):
                out.append(figure)
        if not out:
            out = [level for figure in indicators if figure.field == field_name
                   and (level := _level_after_change(part, figure)) is not None]
        if out:
            return out  # the metric status answers before the measures do
    return out


def _implied_shares(indicators: list[Indicator]) -> list[Indicator]:
    """For a share with nothing else to answer it: two counts of one thing in a sentence, the whole first,
    or a count right before the places it fills.

    *Nuorisovaltuusto teki 18 aloitetta ...; 14 aloitteeseen vastattiin ajallaan* → 77,8 %; *aloitti 213
    opiskelijaa 220 aloituspaikkaan* → 96,8 %.
    """
    out = []
    for field_name in EVIDENCE_FIELDS:
        counts = [i for i in indicators if i.field == field_name and i.kind == "count" and i.unit and i.value
                  and not i.direction]
        for first, second in combinations(counts, 2):
            adjacent = counts.index(second) == counts.index(first) + 1
            if _same_thing(first.unit, second.unit) and 0 < second.value < first.value:
                # "Lupia myönnettiin 312. ... sähköisesti haettiin 301 lupaa.": one thing, the whole first.
                whole, part = first, second
            elif adjacent and first.sentence == second.sentence and first.end + 1 >= second.start and (
                    _unit_case(second) & PLACE_CASE_NAMES) and 0 < first.value <= second.value:
                whole, part = second, first  # "aloitti 213 opiskelijaa 220 aloituspaikkaan"
            else:
                continue
            share = round(100 * float(part.value) / float(whole.value), 1)
            out.append(Indicator(field_name, "percent", share, "%", None, None,
                                 f"{part.text} / {whole.text} = {verdict.fi_percent(share)}", first.start,
                                 second.end, first.sentence))
        if out:
            return out
    return out


def _level_after_change(part: Part, figure: Indicator) -> Indicator | None:
    """A level target answered by a change from its baseline: *49 %* and *nousi 3 prosenttiyksikköä* → 52 %;
    *2 500 kävijää* and *kasvoi 4 %* → 2 600."""
    if part.baseline is None or part.relative or part.points or part.change or not figure.direction:
        return None
    sign = 1 if figure.direction == "increase" else -1
    value = float(figure.value)
    if part.measure == "percent" and figure.unit == "prosenttiyksikkö":
        level = part.baseline + sign * value
    elif part.measure in ("count", "money") and figure.kind == "percent" and figure.unit == "%":
        level = part.baseline * (1 + sign * value / 100)
    else:
        return None
    shown = verdict.fi_percent if part.measure == "percent" else verdict.fi_number
    text = f"lähtötaso {shown(part.baseline)}, {figure.text} → {shown(round(level, 2))}"
    return Indicator(figure.field, part.measure, round(level, 2), part.unit, None, None, text, figure.start, figure.end,
                     figure.sentence)


def _absolute_change(part: Part) -> bool:
    """A change of a size in the target's own unit: *+15 km*, *vähenee 50 opiskelijalla*."""
    return part.change is not None and not part.relative and not part.points and part.measure != "percent"


def _same_unit(part: Part, figure: Indicator) -> bool:
    if part.measure == "percent" or figure.kind == "percent":
        return figure.kind == "percent" and (part.measure == "percent" or part.relative)
    if part.unit is None and part.scope and figure.unit not in (None, "kpl"):
        # "Tavoitetaso: 420" under "aloittaneet yritykset": 612 advice clients do not answer it.
        return any(_same_thing(figure.unit, thing) or (len(figure.unit) >= 4 and thing.startswith(figure.unit))
                   for thing in part.scope)  # "asiakas" is what "asiakasmäärä" counts
    return part.unit is None or figure.unit in (None, "kpl", part.unit) or (
        figure.unit is not None and part.unit is not None and (figure.unit.endswith(part.unit) or part.unit.endswith(
            figure.unit)))


def _inside(figure: Indicator, other: Indicator) -> bool:
    """``figure`` lies within the longer ``other`` of the same field."""
    return (other is not figure and other.field == figure.field and other.start <= figure.start
            and figure.end <= other.end and other.end - other.start > figure.end - figure.start)


def _pick(part: Part, candidates: list[Indicator]) -> Indicator:
    # A figure inside a larger derived one is a part of it: "2 100 käyntiä" of "2 100 + 380 = 2 480".
    candidates = [c for c in candidates if not any(_inside(c, o) for o in candidates)] or candidates
    # "4,2 %; edellisenä lukuvuonna 5,3 %": last year's figure is not this year's answer.
    candidates = [c for c in candidates if not _said_of_earlier(c)] or candidates
    exact = [c for c in candidates if c.unit and c.unit == part.unit]
    pool = exact or candidates
    if part.context and len(pool) > 1:
        # The figure whose sentence says what the metric counts: "valmistui 184 asuntoa", not "rakennuslupia
        # myönnettiin 312 asunnolle", under "Valmistuneiden asuntojen määrä".
        relevance = {id(c): len(_sentence_lemmas(c.sentence) & part.context) for c in pool}
        best = max(relevance.values())
        pool = [c for c in pool if relevance[id(c)] == best]
    reference = part.baseline if part.baseline is not None else part.threshold
    if part.threshold is not None and part.threshold > 0:
        pool = [c for c in pool if float(c.value) > 0] or pool  # a loss is no answer to a positive level
    if reference and len(pool) > 1 and all(float(c.value) > 0 for c in pool):
        # Several figures of the same unit: the one on the baseline's scale answers the target
        # ("609 opiskelijaa" for a baseline of 496, not a subgroup's "194").
        return min(pool, key=lambda c: abs(math.log(float(c.value) / reference)) if reference > 0 else 0)
    return pool[0]


def _said_of_earlier(figure: Indicator) -> bool:
    """The words just before the figure put it in an earlier year: *edellisenä lukuvuonna 5,3 %*."""
    at = figure.sentence.find(figure.text)
    before = figure.sentence[max(0, at - 30):at].lower() if at >= 0 else ""
    return any(word in before for word in EARLIER_WORDS)


def _sentence_lemmas(sentence: str) -> frozenset[str]:
    return frozenset(lemma for word in re.findall(r"[^\W\d_]+", sentence) for lemma in finnish.lemmas(word))


def _against_target(part: Part, indicators: list[Indicator]) -> Indicator | None:
    """*Osallistujamäärä jäi 30 % alle tavoitteen*: a level stated as a share below (or above) the target."""
    if part.threshold is None or part.relative or part.points:
        return None
    for figure in indicators:
        if figure.field not in EVIDENCE_FIELDS or figure.kind != "percent" or figure.unit != "%":
            continue
        after = figure.sentence[figure.sentence.find(figure.text) + len(figure.text):].lower().lstrip()
        sign = -1 if after.startswith(BELOW_TARGET) else 1 if after.startswith(ABOVE_TARGET) else 0
        if sign:
            level = part.threshold * (1 + sign * float(figure.value) / 100)
            return Indicator(figure.field, part.measure, round(level, 2), part.unit, None, None,
                             f"{figure.text} {after.split()[0]} {after.split()[1]}".rstrip(".,"), figure.start,
                             figure.end, figure.sentence)
    return None


def _assess_quantity(part: Part, indicators: list[Indicator]) -> Finding:
    candidates = _candidates(part, indicators)
    if not candidates:
        relative = _against_target(part, indicators)
        candidates = [relative] if relative is not None else []
    if not candidates and part.measure == "percent" and not (part.relative or part.points):
        candidates = _implied_shares(indicators)
    if not candidates:
        return Finding(part, "unknown", verdict.no_figure_reason(part))
    changes = [c for c in candidates if c.direction] if _absolute_change(part) else []
    figure = _pick(part, changes or candidates)
    reported = float(figure.value)
    if (((part.relative or part.points) and figure.kind == "percent") or _absolute_change(part)) and figure.direction:
        # A reported change compared with the wanted change.
        moved = reported if figure.direction == part.change else -reported
        if part.qualifier in ("at_most", "under"):
            # "kasvavat enintään 2,5 %": a ceiling on the change.
            outcome = _outcome_lower(moved, part.value, part.qualifier, start=None)
        else:
            outcome = _outcome_higher(moved, part.value, part.qualifier, start=0.0)
        ratio = moved / part.value if part.value else None
        # The share of the wanted change reached; not for a ceiling, nor for a move the wrong way.
        shown = ratio if outcome != "met" and ratio is not None and ratio >= 0 and part.qualifier not in (
            "at_most", "under") else None
        level_ratio = None
        if part.baseline and part.threshold:
            sign = 1 if part.change == "increase" else -1
            reached = part.baseline * (1 + sign * moved / 100) if part.relative else part.baseline + sign * moved
            level_ratio = reached / part.threshold
        return Finding(part, outcome, verdict.reported_reason(part, figure, shown, of_target=True), figure, ratio,
                       level_ratio)
    if part.threshold is None:
        return Finding(part, "unknown", verdict.no_baseline_reason(part, figure), figure)
    threshold, start = part.threshold, part.baseline
    if part.relative and start is not None and start < 0 and reported < 0:
        # "Toimintakate kasvaa enintään 2,5 %" from −168,4 M€: the change is in the size of the sum.
        reported, threshold, start = abs(reported), abs(threshold), abs(start)
    if part.lower_is_better:
        outcome = _outcome_lower(reported, threshold, part.qualifier, start)
    else:
        outcome = _outcome_higher(reported, threshold, part.qualifier, start)
    ratio = reported / threshold if threshold else None
    shown = ratio if not part.lower_is_better and outcome != "met" else None
    return Finding(part, outcome, verdict.reported_reason(part, figure, shown), figure, ratio)


def _outcome_higher(reported: float, wanted: float, qualifier: str | None, start: float | None) -> str:
    slack = ABOUT_TOLERANCE * abs(wanted) if qualifier == "about" else 0.0
    if reported > wanted or (reported >= wanted - slack and qualifier != "over"):
        return "met"
    if start is not None and reported > start:
        return "partial"
    if start is None and wanted > 0 and reported >= PARTIAL_SHARE * wanted:
        return "partial"
    return "not_met"


def _outcome_lower(reported: float, wanted: float, qualifier: str | None, start: float | None) -> str:
    slack = ABOUT_TOLERANCE * abs(wanted) if qualifier == "about" else 0.0
    if reported < wanted or (reported <= wanted + slack and qualifier != "under"):
        return "met"
    if start is not None and reported < start:
        return "partial"
    return "not_met"


def _assess_text_part(part: Part, evidence: list[tuple[str, object]], year: int | None = None) -> Finding:
    """A component, deliverable or qualitative target against the sentences of the evidence.

    A sentence that names the part decides: negated → not met, under way →
    partial, done (*on laadittu*, *valmistui*, *eteni tavoitteen mukaisesti*,
    a count of things in use) → met. When no sentence names it, the metric
    status as a whole speaks for it (and the measures, when the status says
    *kts. toimenpiteet*).
    """
    naming = [(len(_named(sentence, part.lemmas)), order, sentence)
              for order, sentence in enumerate(s for _, doc in evidence for s in doc.sents)]
    # The sentence naming most of the part speaks first: "Ketunpesän koulun ... rakentaminen ei alkanut"
    # before "Pohjanrannan koulun peruskorjaus valmistui" for the Ketunpesä part.
    for count, _, sentence in sorted(naming, key=lambda n: (-n[0], n[1])):
        if not count:
            break
        if is_negative(sentence) and not _in_progress(sentence):
            return _text_finding(part, "not_met", sentence)
        if _in_progress(sentence) and not _on_target(sentence):
            return _text_finding(part, "partial", sentence)
        sign = _sign_of_result(part, sentence)
        if sign is not None:
            return _text_finding(part, "met" if sign > 0 else "not_met", sentence)
        in_use = IN_USE_WORD in part.text.lower() and _counts_something(sentence)
        done = any(is_done_word(t) for t in sentence) or _on_target(sentence)
        if done and _all_wanted(part) and _fraction_short(sentence):
            return _text_finding(part, "partial", sentence)  # "kaikki tilat" but "6/14 siirtyi"
        if part.kind == "component" or in_use or done:
            return _text_finding(part, "met", sentence)
        if _later_year(sentence, year):
            return _text_finding(part, "not_met", sentence)  # "tilat valmistuvat keväällä 2025"
    sentences = _status_sentences(evidence)
    # "Työ eteni osittain; osa yksiköistä ei ole vielä aloittanut": under way, not failed.
    progress = [s for s in sentences if _in_progress(s) and not _on_target(s)]
    negative = [s for s in sentences if is_negative(s) and s not in progress]
    done = [s for s in sentences if not is_negative(s) and s not in progress
            and (_on_target(s) or any(is_done_word(t) for t in s))]
    if progress or (done and negative):
        return _text_finding(part, "partial", (progress or negative)[0])
    if negative:
        return _text_finding(part, "not_met", negative[0])
    if done and _all_wanted(part) and _fraction_short(done[0]):
        return _text_finding(part, "partial", done[0])
    if done:
        return _text_finding(part, "met", done[0])
    return _text_finding(part, "unknown", None)


_SIGNED_SUM = re.compile(r"(?<![\w,.])([−-]|\+)?\s?\d[\d\s.\u00a0]*(?:,\d+)?\s?(?:€|euro|milj|M€|t€|tuhatta)",
                         re.IGNORECASE)


def _sign_of_result(part: Part, sentence) -> int | None:
    """A part asking for a surplus or a loss-free result (*tulos on ylijäämäinen*, *Voitollinen*) against a sum in
    the sentence that names it: +1 when the sum is positive, −1 when negative (*tulos oli −7 798 €*)."""
    if not any(word.strip(".,;:").lower() in POSITIVE_RESULT_WORDS for word in part.text.split()):
        return None
    found = _SIGNED_SUM.search(sentence.text)
    if found is None:
        return None
    return -1 if found.group(1) in ("−", "-") else 1


def _all_wanted(part: Part) -> bool:
    """The part asks for all of something: *kaikki liikunta- ja nuorisotilat*."""
    return any(word.strip(".,;:") in ALL_WORDS for word in part.text.lower().split())


def _fraction_short(sentence) -> bool:
    """A count out of a whole that falls short of all: *nuorisotiloista siirtyi 6/14*."""
    return any(0 < int(found.group(1)) < int(found.group(2)) < _YEAR_FROM for found in _FRACTION.finditer(
        sentence.text))


def _later_year(sentence, year: int | None) -> bool:
    """The sentence puts the part after the year reported on: *valmistuvat keväällä 2025* in a 2024 report."""
    return year is not None and any(int(y) > year for y in _YEAR.findall(sentence.text))


def _text_finding(part: Part, outcome: str, sentence) -> Finding:
    quote = sentence.text.strip() if sentence is not None else None
    return Finding(part, outcome, verdict.text_part_reason(part, outcome, quote))


def _status_sentences(evidence: list[tuple[str, object]]) -> list:
    """The metric status's sentences, and the measures' when the status refers to them (*kts. toimenpiteet*)."""
    docs = dict(evidence)
    status = docs.get("metric_status")
    if status is None:
        return []
    sentences = list(status.sents)
    refers = REFERS_TO_MEASURES.search(status.text) is not None
    if refers and docs.get("measures") is not None:
        sentences += list(docs["measures"].sents)
    return sentences


def _part_of(token) -> bool:
    """*osa toimenpiteistä siirtyi*: a share of the work, not all of it."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.lower_ == PART_WORD and following is not None and "Ela" in following.morph.get("Case")


def _on_target(sentence) -> bool:
    """*eteni tavoitteen mukaisesti*, *suunnitellusti*, *aikataulussa*: the report says it went as planned."""
    words = [t.lower_ for t in sentence]
    lemmas = [t.lemma_.lower() for t in sentence]
    if any(w in ON_TARGET_WORDS for w in words):
        return True
    return any(w == ACCORDING_TO_WORD and i > 0 and lemmas[i - 1] in PLAN_LEMMAS for i, w in enumerate(words))


def _in_progress(sentence) -> bool:
    """Work under way: *on käynnissä*, *valmisteilla ja valmistuu vuonna 2022*, *työ eteni osittain*.

    Negated, a word of progress says the work did not start (*työtä ei ole
    aloitettu*); only an explicit share (*osittain*, *puolet*, *kesken*) keeps a
    negated sentence partial (*eteni osittain; osa ei ole vielä aloittanut*).
    """
    if any(t.lower_ in SHARE_WORDS or _part_of(t) for t in sentence):
        return True
    if is_negative(sentence):
        return False
    progress = [t for t in sentence if t.lemma_.lower() in PROGRESS_LEMMAS or t.lower_ in PROGRESS_WORDS]
    if progress and all(t.lemma_.lower() in CONTINUING_LEMMAS for t in progress) and any(
            is_done_word(t) for t in sentence):
        # "Koulu otettiin käyttöön 8.8.2024, ja siellä aloitti 720 oppilasta": done; what goes on is use.
        return False
    return bool(progress)


def _counts_something(sentence) -> bool:
    return any(t.like_num or t._.number for t in sentence)


def _combine(result: Assessment, goal: Goal, docs: dict, legend_band: float | None) -> str | None:
    """The status the parts support together: all met → full, none met → none, else partial."""
    known = [f for f in result.findings if f.outcome != "unknown"]
    if not known:
        return None
    outcomes = {f.outcome for f in known}
    unknown_quantity = any(f.outcome == "unknown" and f.part.kind == "quantity" for f in result.findings)
    single = len(result.findings) == 1 and result.findings[0].part.kind == "quantity" and outcomes <= {
        "partial", "not_met"}
    if single and legend_band is not None:
        # One figure to reach, missed, in a report whose legend sets "slightly below": within the band is
        # partial, further is none, however much progress there was.
        return "partial" if _slightly_below(result.findings[0], legend_band) else "none"
    if outcomes == {"not_met"} or (single and not _slightly_below(result.findings[0], config.slightly_below())):
        # Without a legend a missed figure is not met; progress counts as partial only within the setting.
        return "none"
    if outcomes == {"met"}:
        if unknown_quantity:
            return None  # one figure checks out, another has nothing to compare with
        if _scope_negated(result, goal, docs):
            return "partial"
        return "full"
    return "partial"


def _slightly_below(finding: Finding, band: float) -> bool:
    """A quantity missed by at most ``band``, the "slightly below" share of the target.

    Other parts (an unfinished deliverable) are partial as they are.
    """
    if finding.part.kind != "quantity":
        return True
    ratio = finding.level_ratio if finding.level_ratio is not None else finding.ratio
    if ratio is None:
        return False
    part = finding.part
    compared_change = finding.level_ratio is None and finding.reported is not None and (
        finding.reported.direction is not None)
    if (part.lower_is_better and not compared_change) or (compared_change and part.qualifier in ("at_most", "under")):
        return ratio <= 1 + band  # a ceiling: at most the band over it
    return ratio >= 1 - band


def _scope_negated(result: Assessment, goal: Goal, docs: dict) -> bool:
    """A met figure, but the metric status also says part of the goal's scope was not done.

    *Perusopetuksen koulutuksia ei ole järjestetty*: the goal's metric counts
    trainings (*koulutus*); a negated sentence about them limits the claim.
    """
    scope = content_lemmas(docs.get("metric")) | content_lemmas(docs.get("goal"))
    status_doc = docs.get("metric_status")
    if status_doc is None:
        return False
    return any(is_negative(s) and _mentions(s, scope) for s in status_doc.sents)


# --- arithmetic ---------------------------------------------------------------------------------


#: A computed share above this (per cent) is a ratio of figures that do not belong together.
MAX_NOTE_SHARE = 1000.0


def arithmetic_notes(indicators: list[Indicator]) -> list[str]:
    """Check a reported percentage change against counts of the same unit (information only).

    *31.12.2020 mennessä ... 664 työntekijää. Vuonna 2021 ... 188 työntekijää
    lisää* and *määrä on noussut 28,4 %*: 188 / 664 = 28,3 %.
    """
    notes = []
    changes = [i for i in indicators if i.kind == "percent" and i.direction and i.unit == "%"
               and i.field in EVIDENCE_FIELDS]
    # Counts of things are whole numbers: "2,6" (of a "2,6 miljoonaa" read apart) is not one.
    counts = [i for i in indicators if i.kind == "count" and i.unit and i.value and float(i.value).is_integer()
              and i.field in (*EVIDENCE_FIELDS, "baseline")]
    for change in changes:
        for base in counts:
            for added in counts:
                earlier = added.start <= base.start and added.field == base.field
                if added is base or added.unit != base.unit or earlier:
                    continue
                computed = 100 * float(added.value) / float(base.value)
                if not 0 < computed <= MAX_NOTE_SHARE:
                    continue  # not a share of the same thing: "1 000 000 / 2,6"
                if added.direction == change.direction or (added.direction is None and abs(computed - float(
                        change.value)) < 2):
                    difference = abs(computed - float(change.value))
                    notes.append(verdict.arithmetic_note(float(added.value), float(base.value), computed,
                                                         float(change.value), matches=difference < 1))
                    return notes
    return notes
