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
from itertools import pairwise

from pipeline import finnish
from pipeline.audit import verdict
from pipeline.audit.columns import column_of, row_before
from pipeline.audit.derived import (
    EVIDENCE_FIELDS,
    FRACTION,
    YEAR_FROM,
    around,
    counted_alike,
    derived_figures,
    endpoint,
    implied_shares,
    kind_of,
    level_reached,
    moved_from,
    said_earlier,
    same_thing,
)
from pipeline.audit.target import (
    CORE_CASES,
    QUANTITY_KINDS,
    Part,
    content_lemmas,
    few_things,
    is_done_word,
    listed_items,
    names_time,
    requirements,
    seasons,
)
from pipeline.indicators import date_span, sentence_offset
from pipeline.lang_fi.change_words import EARLIER_CLAUSE_PATTERN, YEAR_LABEL
from pipeline.lang_fi.dates import NAMED_BY_YEAR_HEADS
from pipeline.lang_fi.function_words import CLAUSE_WORDS, LEVEL_CASE_NAMES, RELATIVE_PRONOUN_LEMMA
from pipeline.lang_fi.missing_figures import COMPOUND_DATA_LEMMAS, DATA_LEMMAS, PERIODIC_PATTERNS
from pipeline.lang_fi.missing_figures import LATER_WORDS as MISSING_LATER_WORDS
from pipeline.lang_fi.negation import LATER_WINDOW, LATER_WORDS, MOVED_LEMMAS, NEGATION_WORDS, SETBACK_LEMMAS
from pipeline.lang_fi.progress import (
    ACCORDING_TO_WORD,
    CONTINUING_LEMMAS,
    IN_USE_WORD,
    ON_TARGET_WORDS,
    PLAN_LEMMAS,
    PROGRESS_LEMMAS,
    PROGRESS_WORDS,
    REFERS_TO_MEASURES_PATTERN,
    SHARE_WORDS,
    SOME_OF_WORDS,
    STARTED_LEMMAS,
    STARTED_WORDS,
    UNDER_WAY_ASKED_WORDS,
)
from pipeline.lang_fi.targets import (
    ABOVE_TARGET,
    ALL_WORDS,
    BASELINE_WORDS,
    BELOW_TARGET,
    BUDGET_LABEL_PATTERN,
    EARLIER_LEVEL_PATTERN,
    ELSEWHERE_WORDS,
    GENERIC_LEMMAS,
    LABELLED_PAIR_PATTERN,
    PEER_GROUP,
    POSITIVE_RESULT_WORDS,
    TARGET_LABEL_PATTERN,
)
from pipeline.lang_fi.units import AMOUNT_WORD, COUNTED_ALIKE, MEASURE_UNITS, POINTS_UNIT, TIMES_UNIT
from pipeline.records import Goal, Indicator

#: Relative tolerance of an *about* (*noin*) target.
ABOUT_TOLERANCE = 0.1
#: Share of a target reached that still counts as partial progress.
PARTIAL_SHARE = 0.5

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
        return any(p.kind in ("quantity", "peer") for p in self.parts)


# --- reading the evidence -----------------------------------------------------------------------


def is_negative(sentence) -> bool:
    """A negated or postponed statement: *ei ole järjestetty*, *siirtyi vuodelle 2023*."""
    for token in sentence:
        if ("Neg" in token.morph.get("Polarity") or token.lower_ in NEGATION_WORDS) and not _in_relative_clause(token):
            return True
        lemma = token.lemma_.lower()
        if lemma in SETBACK_LEMMAS:
            return True
        if lemma in MOVED_LEMMAS and any(t.lower_ in LATER_WORDS
                                         for t in token.doc[token.i + 1:token.i + 1 + LATER_WINDOW]):
            return True
    return False


def _in_relative_clause(token) -> bool:
    """*610 nuorta, jotka eivät käyneet nuorisotiloissa*: the negation describes who was counted."""
    for before in reversed(token.doc[token.sent.start:token.i]):
        if before.is_punct:
            return False
        if before.lemma_.lower() == RELATIVE_PRONOUN_LEMMA:
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
        if (case and not set(case) & CORE_CASES) or _attribute_of_an_elative(token):
            continue
        word = token.lemma_.lower()
        found |= {lemma for lemma in lemmas if lemma == word or (len(lemma) >= 6 and lemma in word)}
        found |= finnish.lemmas(token.text) & lemmas
        found |= {finnish.compound_head(word)} & lemmas
        found |= {lemma for lemma in lemmas if finnish.compound_head(lemma) == word}  # "sopimus": yhteistyösopimus
    return frozenset(found)


def _attribute_of_an_elative(token) -> bool:
    """A genitive that belongs to a noun in the elative, what something is about: in *Yhteislipun
    toteutuksesta tehtiin selvitys* the thing made is the study, not the ticket (the words are read in a row;
    the fast pipeline has no parser)."""
    if "Gen" not in token.morph.get("Case"):
        return False
    for earlier in reversed(token.doc[token.sent.start:token.i]):
        if earlier.is_punct:
            break
        if earlier.pos_ in ("VERB", "AUX") and "Fin" in earlier.morph.get("VerbForm"):
            return False  # "Valtuusto hyväksyi kulttuuriohjelman kokouksessaan": the object, not an attribute
    for following in token.doc[token.i + 1:]:
        if following.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return False
        case = set(following.morph.get("Case"))
        if following.pos_ != "ADJ" and "Gen" not in case:
            # "Valtuusto käsittelee ohjelman keväällä 2018": an object before a word of time is no attribute.
            # Only "about": "perhekeskustoimintamallin palvelupakettityöryhmissä toteutettiin pilotteja" names
            # the model where it was worked on.
            return "Ela" in case and not names_time(following.lemma_.lower())
    return False


def _evidence_docs(docs: dict) -> list[tuple[str, object]]:
    return [(name, docs[name]) for name in EVIDENCE_FIELDS if docs.get(name) is not None]


# --- assessing ----------------------------------------------------------------------------------


def assess(goal: Goal, docs: dict, indicators: Iterable[Indicator], year: int | None = None, *,
           band: float | None = None) -> Assessment:
    """What the goal's own evidence supports, part by part; ``year`` is the year reported on, ``band`` the
    report legend's "slightly below" share (else :func:`pipeline.config.slightly_below`)."""
    indicators = list(indicators)
    result = Assessment(parts=requirements(goal, docs, indicators))
    derived = derived_figures(docs, indicators, year)
    evidence = _evidence_docs(docs)
    for _, doc in evidence:
        result.negative += [s.text.strip() for s in doc.sents if is_negative(s)]
    parts = []
    for part in result.parts:
        if part.kind == "peer":
            parts.append(part)
            result.findings.append(_assess_peer(part, indicators + derived, year))
            continue
        if part.kind != "quantity":
            parts.append(part)
            result.findings.append(_assess_text_part(part, evidence, year, indicators))
            continue
        finding = _assess_quantity(part, indicators + derived, year)
        items = listed_items(docs.get("goal"), part) if finding.outcome == "unknown" else []
        if items:
            # "2 kohdetta" under "rakennetaan lähiliikuntapaikka ja kuntoportaat" with no count in the evidence:
            # the two things the goal names, each by what the report says of it.
            parts += items
            result.findings += [_assess_text_part(item, evidence, year, indicators) for item in items]
        else:
            parts.append(part)
            result.findings.append(finding)
    result.parts = parts
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
        after = re.match(r"\s*\(((?:19|20)\d{2})\)", figure.sentence[at + len(figure.text):]) if at >= 0 else None
        # "Viimeisin tulos oli 3,8 (2023)": the year in brackets right after the figure.
        years.append(int(after.group(1)) if after else int(named[-1]) if named else None)
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


def _candidates(part: Part, indicators: list[Indicator], usable=lambda figure: True) -> list[Indicator]:
    """The figures that may answer ``part``, from the first field that has a ``usable`` one: the metric status
    answers before the measures do, but not with only last year's figure, a budget or another city's."""
    fallback: list[Indicator] = []
    for field_name in EVIDENCE_FIELDS:
        out = []
        for figure in indicators:
            if figure.field != field_name or figure.kind not in QUANTITY_KINDS:
                continue
            moved = figure.direction and not endpoint(figure)  # not "laski 6,4 %:sta 5,7 %:iin"
            if part.relative and figure.kind == "percent" and figure.unit != POINTS_UNIT and moved:
                out.append(figure)  # a reported change: "noussut 28,4 %"
            elif _absolute_change(part) and moved and figure.kind == part.measure and _same_unit(part, figure):
                out.append(figure)  # "lisättiin 11,5 km" against "+15 km"
            elif part.points and figure.kind == "percent" and figure.unit == "prosenttiyksikkö":
                out.append(figure)
            elif part.relative or part.change:
                # A level compared with the baseline's level: a count with a count, a rate with a rate.
                if part.baseline_kind == figure.kind and (not figure.direction or level_reached(figure)) and (
                        # in the measures, a count of other things is another measure ("2 600 nuorta")
                        (part.baseline_unit is None and (figure.field != "measures" or (
                            (figure.unit != TIMES_UNIT or _counts_times(part)) and _in_scope(part, figure))))
                        or figure.unit is None
                        or (figure.unit == "kpl" and part.baseline_unit not in MEASURE_UNITS)
                        or same_thing(figure.unit, part.baseline_unit)):
                    out.append(figure)
            elif figure.kind == part.measure and (not figure.direction or level_reached(figure)) and _same_unit(
                    part, figure):
                out.append(figure)
        if not out:
            out = [level for figure in indicators if figure.field == field_name
                   and (level := _level_after_change(part, figure)) is not None]
        if any(usable(figure) for figure in out):
            return out
        fallback = fallback or out
    return fallback


def _assess_peer(part: Part, indicators: list[Indicator], year: int | None = None) -> Finding:
    """The city's figure against other cities' (:func:`~pipeline.audit.target._peer_parts`): in the evidence,
    a figure after words naming other cities in its sentence is theirs (*Muut kuusikkokunnat: Helsinki 12,1 %,
    Vantaa 12,9 %*), one before them the city's own, this year's."""
    figures = [f for f in indicators if f.field in EVIDENCE_FIELDS and f.kind in ("percent", "count", "money")
               and not f.direction and f.unit != POINTS_UNIT and sentence_offset(f) >= 0]
    peers = [f for f in figures if _of_the_peer_group(f) and not _said_of_earlier(f, year)
             and not _another_column(f, year) and not moved_from(f)
             # "(12/2022: Helsinki 9,0 %)": a year's bracket before the figure
             and not re.search(r"\(\s*(?:\d{1,2}/)?(?:19|20)\d{2}\s*:[^)]*$", f.sentence[:sentence_offset(f)])]
    own = [f for f in figures if not _after_peer_words(f) and not _elsewhere(f) and not _said_of_earlier(f, year)
           and not _budget_figure(f) and not _another_column(f, year) and not moved_from(f)
           and any(p.kind == f.kind and p.field == f.field for p in peers)]
    if not own:
        return Finding(part, "unknown", verdict.no_figure_reason(part))
    # The city's figure beside the others' in one sentence before one elsewhere in the field.
    mine = next((f for f in own if any(p.sentence == f.sentence for p in peers)), own[0])
    theirs = [float(p.value) for p in peers if p.kind == mine.kind]
    reference = {"min": min, "max": max}.get(part.measure, lambda values: sum(values) / len(values))(theirs)
    value = float(mine.value)
    if part.measure == "mean" and part.qualifier in ("under", "over"):
        met = value < reference if part.lower_is_better else value > reference
    else:
        met = value <= reference if part.lower_is_better else value >= reference
    return Finding(part, "met" if met else "not_met", verdict.peer_reason(part, mine, reference, len(theirs)), mine)


def _after_peer_words(figure: Indicator) -> bool:
    """Words naming other cities or the country stand before the figure in its sentence."""
    before = figure.sentence[:sentence_offset(figure)].lower()
    return any(word in before for word in ELSEWHERE_WORDS)


def _of_the_peer_group(figure: Indicator) -> bool:
    """The nearest words before the figure naming someone else name the group of cities (*kuusikkokunnat
    14,9 %*), not the country (*koko maa 13,9 %*)."""
    before = figure.sentence[:sentence_offset(figure)].lower()
    named = [(before.rfind(word), word) for word in ELSEWHERE_WORDS if word in before]
    return bool(named) and re.match(PEER_GROUP, max(named)[1]) is not None


def _level_after_change(part: Part, figure: Indicator) -> Indicator | None:
    """A level target answered by a change from its baseline: *49 %* and *nousi 3 prosenttiyksikköä* → 52 %;
    *2 500 kävijää* and *kasvoi 4 %* → 2 600; *9 viikkoa* and *lyheni 2 viikolla* → 7 viikkoa."""
    if part.baseline is None or part.relative or part.points or part.change or not figure.direction:
        return None
    sign = 1 if figure.direction == "increase" else -1
    value = float(figure.value)
    if part.measure == "percent" and figure.unit == "prosenttiyksikkö":
        level = part.baseline + sign * value
    elif part.measure in ("count", "money") and figure.kind == "percent" and figure.unit == "%":
        level = part.baseline * (1 + sign * value / 100)
    elif part.measure in ("count", "money") and figure.kind == part.measure and _same_unit(part, figure) and not (
            endpoint(figure)):
        # The size of the move, not where it went to or came from: not *41 vuorokaudesta 33 vuorokauteen*.
        level = part.baseline + sign * value
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
        # Percentage points measure a difference: "jäi 1,9 prosenttiyksikköä tavoitetason alle" is no level.
        return figure.kind == "percent" and (part.measure == "percent" or part.relative) and (
            figure.unit != POINTS_UNIT or part.points)
    if part.scale is not None and not part.scale[0] <= float(figure.value) <= part.scale[1]:
        return False  # "1 095" people does not answer a rating of 1–5
    if (part.unit is None and part.value is not None and not float(part.value).is_integer()
            and figure.unit not in (None, "kpl") and float(figure.value).is_integer()):
        # "Tavoitetaso: 3,9" on an index: a whole count of things ("42 kehittämispäivää") does not answer it.
        return False
    if part.unit is None and not _in_scope(part, figure):
        return False
    if part.unit in MEASURE_UNITS and figure.unit is None and " + " in figure.text:
        return False  # "42 kohteessa + kuudessa rakennuksessa = 48" measures no kilotonnes of emissions
    return part.unit is None or figure.unit in (None, "kpl", part.unit) or counted_alike(figure.unit, part.unit) or (
        figure.unit is not None and part.unit is not None and (figure.unit.endswith(part.unit) or part.unit.endswith(
            figure.unit)))


def _in_scope(part: Part, figure: Indicator) -> bool:
    """A figure counting things of its own answers a target with no unit only when the metric counts them:
    *Tavoitetaso: 420* under *aloittaneet yritykset* is not answered by 612 advice clients, nor *+3 %* of
    *kävijäkerrat* by 2 600 young people at a summer camp."""
    if not part.scope or figure.unit in (None, "kpl", TIMES_UNIT):
        return True
    # "asiakas" is what "asiakasmäärä" counts, "yleisö" what "yleisömäärä" does
    counted = {thing.removesuffix(AMOUNT_WORD) for thing in part.scope if len(thing) > len(AMOUNT_WORD) + 2}
    return any(_answers_for(figure.unit, thing, part.scope) or (len(figure.unit) >= 4 and thing.startswith(figure.unit))
               for thing in part.scope | counted)


def _counts_times(part: Part) -> bool:
    """The metric counts times: *kävijäkerrat*, *käyntikerrat*."""
    return any(thing.endswith(TIMES_UNIT) for thing in part.scope)


def _answers_for(unit: str, thing: str, scope: frozenset[str]) -> bool:
    """A count of ``unit`` answers a target counting ``thing``: the same thing, a kind of it, or one counted
    alike; but not another kind of the same (*verkkokäynnit* do not answer *kirjastokäynnit*, though both are
    *käynnit*)."""
    if any(unit in alike and thing in alike for alike in COUNTED_ALIKE) or kind_of(unit, thing):
        return True  # "käyntikerrat" and "kävijäkerrat"; "omakotitalot" under "asunnot"
    heads = finnish.compound_head(unit), finnish.compound_head(thing)
    if heads[0] == heads[1] and unit != heads[0] and thing != heads[1] and not (
            unit.endswith(thing) or thing.endswith(unit)) and not any(
            unit[:-len(heads[0])] in named for named in scope):
        return False  # "verkko" is nowhere in "kirjastokäynnit" ("kotihoito" is in "kotihoidon asiakaskäynnit")
    return same_thing(unit, thing) or counted_alike(unit, thing)


def _inside(figure: Indicator, other: Indicator) -> bool:
    """``figure`` lies within the longer ``other`` of the same field."""
    return (other is not figure and other.field == figure.field and other.start <= figure.start
            and figure.end <= other.end and other.end - other.start > figure.end - figure.start)


def _pick(part: Part, candidates: list[Indicator], year: int | None = None) -> Indicator:
    # A figure inside a larger derived one is a part of it: "2 100 käyntiä" of "2 100 + 380 = 2 480".
    candidates = _prefer(candidates, lambda c: any(_inside(c, o) for o in candidates))
    # "4,2 %; edellisenä lukuvuonna 5,3 %": last year's figure is not this year's answer.
    candidates = _prefer(candidates, lambda c: _said_of_earlier(c, year))
    # "syyslukukaudella 2024": not the figure of a sentence about the spring ("Keväällä 2024 ryhmiä oli 118").
    candidates = _prefer(candidates, lambda c: _other_season(part, c))
    # Not "%" for a change in per cent, which a level of the baseline's kind answers as well as a reported change.
    exact = [c for c in candidates if c.unit and c.unit == part.unit and not part.relative]
    pool = exact or candidates
    if part.scope and not _counts_times(part) and any(c.unit not in (None, "kpl", TIMES_UNIT) for c in pool):
        # "käytiin 2,31 miljoonaa kertaa, ja verkkokäyntejä kertyi 2,46 miljoonaa" under "verkkokirjaston
        # käynnit": a count naming the thing before a count of times.
        pool = [c for c in pool if c.unit != TIMES_UNIT]
    if part.context and len(pool) > 1:
        # The figure whose sentence says what the metric counts: "valmistui 184 asuntoa", not "rakennuslupia
        # myönnettiin 312 asunnolle", under "Valmistuneiden asuntojen määrä".
        relevance = {id(c): len(_sentence_lemmas(c.sentence) & part.context) for c in pool}
        best = max(relevance.values())
        pool = [c for c in pool if relevance[id(c)] == best]
    reference = part.baseline if part.baseline is not None else part.threshold
    if part.threshold is not None and part.threshold > 0:
        pool = _prefer(pool, lambda c: float(c.value) <= 0)  # a loss is no answer to a positive level
    if reference and len(pool) > 1 and all(float(c.value) > 0 for c in pool):
        # Several figures of the same unit: the one on the baseline's scale answers the target
        # ("609 opiskelijaa" for a baseline of 496, not a subgroup's "194").
        return min(pool, key=lambda c: abs(math.log(float(c.value) / reference)) if reference > 0 else 0)
    return pool[0]


def _other_season(part: Part, figure: Indicator) -> bool:
    """The figure's sentence names only seasons other than the one the goal counts in."""
    named = seasons(figure.sentence)
    return part.season is not None and bool(named) and not any(
        start <= part.season[1] and part.season[0] <= end for start, end in named)


def _near_baseline(part: Part, figure: Indicator) -> bool:
    """A level within a factor of two of the part's baseline (any level when there is no usable baseline)."""
    if not part.baseline or part.baseline < 0 or figure.kind != part.baseline_kind:
        return True
    return 0.5 <= float(figure.value) / part.baseline <= 2


def _prefer(candidates: list[Indicator], unwanted) -> list[Indicator]:
    """The candidates that are not ``unwanted``; all of them when every one is."""
    return [c for c in candidates if not unwanted(c)] or candidates


def _said_of_earlier(figure: Indicator, year: int | None = None) -> bool:
    """The words just before the figure put it in an earlier year: *edellisenä lukuvuonna 5,3 %*,
    *96 asuntoa (2022: 241)*, its own kun-clause (*5,7 %, kun se lukuvuonna 2022–2023 oli 6,4 %*), and with the
    ``year`` reported on, the column of a flattened table (*TP 2023 | TP 2024 — 14,2 % | 13,9 %*) or a year
    label (*2022: 35 vrk, 2023: 28 vrk*, *(12/2022: 9,6 %)*, *2022: 4.455 €, 2021: 4.290 €*)."""
    column = column_of(figure)
    if column is not None and year is not None:
        return column.year < year
    parts = around(figure)
    before = parts[0][-30:].lower() if parts is not None else ""
    if parts is not None and re.search(EARLIER_CLAUSE_PATTERN, re.split(r",\s", parts[0].lower())[-1]):
        # "5,7 %, kun se lukuvuonna 2022–2023 oli 6,4 %": the figure's own kun-clause, longer than the window
        # (not "Kun vuonna 2022 ... oli 6,4 %, vuonna 2023 se oli 5,7 %").
        return True
    label = re.search(YEAR_LABEL, before)
    if label is not None and year is not None:
        return int(label.group(1)) < year
    return said_earlier(before)


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


def _assess_quantity(part: Part, indicators: list[Indicator], year: int | None = None) -> Finding:
    def unusable(figure: Indicator) -> bool:
        # Nor a whole a share is out of, or where a move started: "kolmelle yhtiölle viidestä", "4,4 M€:sta".
        return (_restates_baseline(part, figure) or _restates_target(figure) or _off_topic(part, figure)
                or moved_from(figure))

    def not_this_years(figure: Indicator) -> bool:
        return _budget_figure(figure) or _elsewhere(figure) or _said_of_earlier(figure, year)

    def of_its_clause(figure: Indicator) -> bool:
        # "Vuosikate ≥ 30 M€; lainakanta ≤ 5 400 €/as.": a part of several is answered where its own words are.
        return not part.context or part.context == part.topic or bool(
            _sentence_lemmas(figure.sentence) & part.context)

    found = _candidates(part, indicators,
                        usable=lambda c: not unusable(c) and not not_this_years(c) and of_its_clause(c))
    # A table's column of a budget, another year or other cities never answers, however near its figure is:
    # "TP 2023 | TP 2025 — 4,4 | –" has no figure of 2025.
    found = [c for c in found if not _another_column(c, year)]
    # Other cities' or the country's figure is never the city's own answer, even when it is the only one.
    candidates = _prefer([c for c in found if not unusable(c) and not _elsewhere(c)], _budget_figure)
    if not candidates:
        relative = _against_target(part, indicators)
        candidates = [relative] if relative is not None else []
    if not candidates and part.measure == "percent" and not (part.relative or part.points):
        # "otettiin käyttöön kaikissa 74 yksikössä" is no measure of a share that should stay low ("alle 7 %").
        candidates = implied_shares(indicators, all_of=not part.lower_is_better)
    if not candidates:
        return Finding(part, "unknown", verdict.no_figure_reason(part))
    changes = [c for c in candidates if c.direction] if _absolute_change(part) else []
    if (part.relative or part.points) and part.threshold is not None:
        # A change from a stated baseline: this year's level against the level it implies, before a change
        # the report counts from another year ("193 050 (2021: 151 300, 2022: 182 400)"); but not a level far off
        # the baseline's scale, another thing counted ("aloitti 1 318" beside 13 850 firms and "kasvoi 2,4 %").
        levels = [c for c in candidates if not c.direction and _near_baseline(part, c)]
        candidates = levels or [c for c in candidates if c.direction] or candidates
    figure = _pick(part, changes or candidates, year)
    reported = float(figure.value)
    if (((part.relative or part.points) and figure.kind == "percent") or _absolute_change(part)) and figure.direction:
        # A reported change compared with the wanted change.
        moved = reported if figure.direction == part.change else -reported
        if part.capped:
            # "kasvavat enintään 2,5 %", "muutos vähintään −100": a ceiling on the change.
            outcome = _outcome_lower(moved, part.value, part.qualifier, start=None)
        else:
            outcome = _outcome_higher(moved, part.value, part.qualifier, start=0.0)
        ratio = moved / part.value if part.value else None
        # The share of the wanted change reached; not for a ceiling, nor for a move the wrong way.
        shown = ratio if outcome != "met" and ratio is not None and ratio >= 0 and not part.capped else None
        level_ratio = None
        sign = 1 if part.change == "increase" else -1
        if part.baseline and part.threshold:
            reached = part.baseline * (1 + sign * moved / 100) if part.relative else part.baseline + sign * moved
            level_ratio = reached / part.threshold
        elif not part.capped and (levels := _levels_compared(figure, indicators)) is not None:
            # "38 900 (35 100 aiemmin) = +10,8 %" against "+15 %": this year's level against the one the wanted
            # change implies from the earlier year's (40 365), for a legend's "slightly below". Not for a ceiling
            # on growth ("enintään +2,5 %"), which the keys judge by the change itself.
            now, before = levels
            wanted = before * (1 + sign * part.value / 100) if part.relative else before + sign * part.value
            level_ratio = now / wanted if wanted else None
        return Finding(part, outcome, verdict.reported_reason(part, figure, shown, of_target=True), figure, ratio,
                       level_ratio)
    if part.threshold is None:
        return Finding(part, "unknown", verdict.no_baseline_reason(part, figure), figure)
    threshold, start = part.threshold, part.baseline
    if part.relative and start is not None and start < 0 and reported < 0:
        # "Toimintakate kasvaa enintään 2,5 %" from −168,4 M€: the change is in the size of the sum.
        reported, threshold, start = abs(reported), abs(threshold), abs(start)
    elif part.measure == "money" and threshold < 0 and reported < 0 and part.qualifier in ("at_most", "under"):
        # "Toimintakate enintään −96,5 milj. €": a ceiling on the size of the net cost, not a deficit to reach.
        reported, threshold = abs(reported), abs(threshold)
        start = abs(start) if start is not None else None
    if part.lower_is_better:
        outcome = _outcome_lower(reported, threshold, part.qualifier, start)
    else:
        outcome = _outcome_higher(reported, threshold, part.qualifier, start)
        if outcome == "not_met" and few_things(part) and 0 < reported < threshold and reported.is_integer():
            outcome = "partial"  # "kolme hanketta", one done
    ratio = reported / threshold if threshold else None
    shown = ratio if not part.lower_is_better and outcome != "met" else None
    return Finding(part, outcome, verdict.reported_reason(part, figure, shown), figure, ratio)


def _levels_compared(change: Indicator, indicators: list[Indicator]) -> tuple[float, float] | None:
    """The two levels a change between years was computed from (the later, the earlier), as sizes."""
    if around(change) is not None:
        return None  # printed, not computed
    now = next((i for i in indicators if i.field == change.field and i.start == change.start
                and around(i) is not None and not i.direction), None)
    before = next((i for i in indicators if i.field == change.field and i.end == change.end
                   and around(i) is not None and i is not now), None)
    if now is None or before is None:
        return None
    return abs(float(now.value)), abs(float(before.value))


def _elsewhere(figure: Indicator) -> bool:
    """A figure of the country or of other cities, given for comparison: *Valtakunnallisesti ... noin 3,5 %*,
    the column *kuusikko 2021* of a flattened table."""
    column = column_of(figure)
    if column is not None:
        # In a table, the column or the row's own name: not a word over another row.
        return column.peer or any(word in row_before(figure).lower() for word in ELSEWHERE_WORDS)
    parts = around(figure)
    if parts is None:
        # A figure worked out from others ("1 251 400 (1 182 000 aiemmin) = +5,9 %"): where its first part is.
        first = re.split(r" [+/−] | = | \(|, joista ", figure.text)[0]
        at = figure.sentence.find(first)
        parts = (figure.sentence[:at], "") if at >= 0 else ("", "")
    clause = re.split(r"[,;:]\s", parts[0].lower())[-1]
    return any(word in clause for word in ELSEWHERE_WORDS)


def _another_column(figure: Indicator, year: int | None) -> bool:
    """The figure stands in a table's column that is not this year's actual: a budget, other cities', or
    another year's."""
    column = column_of(figure)
    return column is not None and (column.budget or column.peer or (year is not None and column.year != year))


def _budget_figure(figure: Indicator) -> bool:
    """The budget beside the actual: *(TA 2023: 3,5 milj. €)*, *TP 2023 / TA 2023: 5,02 / 4,85 M€*."""
    column = column_of(figure)
    if column is not None:
        return column.budget  # "TP 2023 | TA 2024 | TP 2024 — 14,2 % | 12,8 % | 13,9 %"
    parts = around(figure)
    if parts is None:
        return False
    at = len(parts[0])
    for pair in re.finditer(LABELLED_PAIR_PATTERN, figure.sentence):
        if pair.end(2) < at <= pair.start(3):  # the first or the second value of a pair: its own label decides
            label = pair.group(2) if at == pair.start(3) else pair.group(1)
            return re.match(BUDGET_LABEL_PATTERN, f"{label}:") is not None
    return re.search(BUDGET_LABEL_PATTERN, parts[0][-25:]) is not None


def _off_topic(part: Part, figure: Indicator) -> bool:
    """A figure in the measures whose sentence shares no word with the metric or the goal: *palautetta tuli 236,
    joista 61 % koski tiloja* does not answer *tyytyväisten osuus*."""
    return (figure.field == "measures" and bool(part.topic) and " = " not in figure.text
            and not _sentence_lemmas(figure.sentence) & part.topic)


def _restates_baseline(part: Part, figure: Indicator) -> bool:
    """*Vuodelta 2024 ei ole tulosta; 61 % on kevään 2023 lähtötaso*: the baseline again, no answer."""
    return (part.baseline is not None and figure.value == part.baseline
            and any(word in figure.sentence.lower() for word in BASELINE_WORDS))


def _restates_target(figure: Indicator) -> bool:
    """*52 % (tavoite 60 %)*, *Tavoitetaso 2024: 60 %*: the target again, labelled so, no answer."""
    parts = around(figure)
    return parts is not None and re.search(TARGET_LABEL_PATTERN, parts[0][-30:], re.IGNORECASE) is not None


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


def _assess_text_part(part: Part, evidence: list[tuple[str, object]], year: int | None = None,
                      indicators: Iterable[Indicator] = ()) -> Finding:
    """A component, deliverable or qualitative target against the sentences of the evidence.

    A sentence that names the part decides: negated → not met, under way →
    partial, done (*on laadittu*, *valmistui*, *eteni tavoitteen mukaisesti*,
    a count of things in use) → met. When no sentence names it, the metric
    status as a whole speaks for it (and the measures, when the status says
    *kts. toimenpiteet*).
    """
    dates = [i for i in indicators if i.kind == "date"]
    naming = [(len(_named(sentence, part.lemmas)), order, sentence)
              for order, sentence in enumerate(s for _, doc in evidence for s in doc.sents)]
    # The sentence naming most of the part speaks first: "Ketunpesän koulun ... rakentaminen ei alkanut"
    # before "Pohjanrannan koulun peruskorjaus valmistui" for the Ketunpesä part.
    # Among those naming as much, one with the target's own verb first: "Valtuusto hyväksyi ohjelman" before
    # "Ohjelmaa valmisteltiin" for "hyväksytty 2022".
    asked = _sentence_lemmas(part.text) - GENERIC_LEMMAS
    ordered = []
    for count, _, whole in sorted(naming, key=lambda n: (-n[0], not _asked_verb_of_the_thing(n[2], asked, part),
                                                         n[1])):
        if not count:
            break
        # "Lähiliikuntapaikka valmistui kesäkuussa 2023; kuntoportaiden rakentaminen siirtyi": a thing among
        # others is judged by the clause that names it.
        start, end = _clause_naming(part, whole)
        ordered.append((count, whole.doc.char_span(start, min(end, whole.end_char), alignment_mode="contract")
                        or whole))
    # "Luonnos esiteltiin lautakunnalle 18.10.2023. Hyväksyminen siirtyi vuodelle 2024.": a move past the
    # deadline said of the part in any sentence that names it as fully as the best outweighs a step towards it.
    for count, sentence in ordered:
        postponed = _moved_past_deadline(part, sentence, evidence, dates) if count == ordered[0][0] else None
        if postponed is not None:
            return postponed
    ordered = [sentence for _, sentence in ordered]
    for sentence in ordered:
        if is_negative(sentence) and not _in_progress(sentence):
            return _text_finding(part, "not_met", sentence)
        if _start_asked(part, sentence) and not _only_later_years(sentence, year):
            # "ryhmä aloittaa syyslukukaudella 2024" and "ryhmä aloitti elokuussa 2024": the start was the aim.
            return _late(part, sentence, evidence, dates) or _text_finding(part, "met", sentence)
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
            return _late(part, sentence, evidence, dates) or _text_finding(part, "met", sentence)
        if _later_year(sentence, year):
            return _text_finding(part, "not_met", sentence)  # "tilat valmistuvat keväällä 2025"
    sentences = _status_sentences(evidence)
    # "Työ eteni osittain; osa yksiköistä ei ole vielä aloittanut": under way, not failed.
    progress = [s for s in sentences if _in_progress(s) and not _on_target(s)]
    negative = [s for s in sentences if is_negative(s) and s not in progress]
    started = [s for s in sentences if _start_asked(part, s) and not _only_later_years(s, year)]
    if started and not negative:
        # "Valmistelevat työt käynnissä 31.12.2023" and "johtosiirrot käynnistyivät lokakuussa 2023".
        return _late(part, started[0], evidence, dates) or _text_finding(part, "met", started[0])
    done = [s for s in sentences if not is_negative(s) and s not in progress
            and (_on_target(s) or any(is_done_word(t) for t in s))]
    if progress or (done and negative):
        return _text_finding(part, "partial", (progress or negative)[0])
    if negative:
        return _text_finding(part, "not_met", negative[0])
    if done and _all_wanted(part) and _fraction_short(done[0]):
        return _text_finding(part, "partial", done[0])
    if done:
        return _late(part, done[0], evidence, dates) or _text_finding(part, "met", done[0])
    return _text_finding(part, "unknown", None)


def _asked_verb_of_the_thing(sentence, asked: frozenset[str], part: Part) -> bool:
    """The sentence has the target's own verb and names the thing as a head, not as a genitive before another
    noun: *Kaupunginvaltuusto hyväksyi strategian*, not *Koulun väistötilat otettiin käyttöön* for the school."""
    verb = any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in asked for t in sentence)
    heads = [t for t in sentence if t.is_alpha and _named(t.doc[t.i:t.i + 1], part.lemmas) and not (
        "Gen" in t.morph.get("Case") and t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ == "NOUN")]
    return verb and bool(heads)


def _asks_under_way(part: Part) -> bool:
    """The target asks for work to be under way: *rakentaminen käynnissä 2024*, *Rakentaminen alkanut 2022*."""
    return bool({word.strip(".,;:").lower() for word in part.text.split()} & UNDER_WAY_ASKED_WORDS)


def _start_asked(part: Part, sentence) -> bool:
    """The target asks for a start (*ryhmä aloittaa*, *hanke käynnistyy*) and the sentence reports it, not negated:
    the work's only word of progress is the verb the target itself uses."""
    if is_negative(sentence) or any(t.lower_ in SHARE_WORDS or _part_of(t) for t in sentence):
        return False
    if _asks_under_way(part):
        # "rakentaminen käynnissä 2024" and "rakentaminen alkoi syyskuussa 2024": under way is what was asked.
        return any(t.lemma_.lower() in STARTED_LEMMAS or t.lower_ in STARTED_WORDS for t in sentence)
    asked = _sentence_lemmas(part.text) & CONTINUING_LEMMAS
    said = {t.lemma_.lower() for t in sentence if t.lemma_.lower() in PROGRESS_LEMMAS or t.lower_ in PROGRESS_WORDS}
    # "koeajot käynnistyvät 2020" and "Koeajot käynnissä": what was to start is going on.
    going_on = bool(asked & STARTED_LEMMAS) and any(t.lower_ in STARTED_WORDS for t in sentence)
    return bool(asked) and (going_on or (bool(said) and said <= asked))


def _late(part: Part, sentence, evidence: list[tuple[str, object]], dates: list[Indicator]) -> Finding | None:
    """Done, but only after the target's deadline: *käytössä elokuussa 2024* and *otettiin käyttöön 7.1.2025*."""
    after = _date_after_deadline(part, sentence, evidence, dates)
    if after is None:
        return None
    return Finding(part, "not_met", verdict.late_reason(part, after.text, sentence.text.strip()))


def _moved_past_deadline(part: Part, sentence, evidence: list[tuple[str, object]],
                         dates: list[Indicator]) -> Finding | None:
    """*käyttöönotto siirtyi tammikuuhun 2025* against *käyttöönotto 8/2024*: not done in time, whatever is
    under way."""
    start, end = _clause_naming(part, sentence)
    if not any(t.lemma_.lower() in MOVED_LEMMAS | SETBACK_LEMMAS for t in sentence if start <= t.idx < end):
        return None
    if _date_after_deadline(part, sentence, evidence, dates) is None:
        return None
    return _text_finding(part, "not_met", sentence)


def _date_after_deadline(part: Part, sentence, evidence: list[tuple[str, object]],
                         dates: list[Indicator]) -> Indicator | None:
    """A date after the part's deadline in the clause of the sentence that names the part."""
    if part.deadline is None:
        return None
    name = next((n for n, doc in evidence if doc is sentence.doc), None)
    start, end = _clause_naming(part, sentence)
    if _asks_under_way(part) and any(
            figure.field == name and start <= figure.start < end and (span := date_span(figure.value)) is not None
            and span[0] <= part.deadline for figure in dates):
        return None  # "rakentaminen käynnistyi 9/2022, valmistuminen 2024": the start is what was due
    in_clause = [f for f in dates if f.field == name and start <= f.start < end and date_span(f.value) is not None]
    # "hyväksyi strategian … vetovoimaa 2025 kokouksessaan 17.11.2008": a bare year beside the day it was done is
    # no time of doing (but "valmistui joulukuussa 2014; käsittely siirtyi helmikuuhun 2015" is).
    dated_in_time = any(re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", str(f.value))
                        and date_span(f.value)[1] <= part.deadline for f in in_clause)
    for figure in in_clause:
        span = date_span(figure.value)
        if span[0] > part.deadline and not _year_of_a_name(figure, sentence.doc) and not (
                dated_in_time and _year_after_a_name_word(figure, sentence.doc)):
            return figure
    return None


def _year_after_a_name_word(figure: Indicator, doc) -> bool:
    """A bare year right after a noun in a core case, as in a title (*vetovoimaa 2025*); not *käyttöön 2024*,
    *valtuustossa 2024* nor *vuonna 2024*."""
    if not re.fullmatch(r"\d{4}", str(figure.value)):
        return False
    word = _word_right_before(figure, doc)
    return (word is not None and word.pos_ in ("NOUN", "PROPN") and not names_time(word.lemma_.lower())
            and bool(set(word.morph.get("Case")) & CORE_CASES))


#: The cases of a noun a year names: *visio 2050*, *henkilöstöohjelman 2012–2015*.
NAME_CASES = frozenset({"Nom", "Gen"})


def _year_of_a_name(figure: Indicator, doc) -> bool:
    """A year printed after a document's noun is part of its name, not a time: *visio 2050 hyväksyttiin*,
    *henkilöstöohjelman 2012–2015* (but *käyttöönotto 2025*, *keväällä 2025*)."""
    if not re.fullmatch(r"(?:19|20)\d{2}(?:\s?[–-]\s?(?:19|20)\d{2})?", figure.text):
        return False  # "käyttöön 7.1.2025", "käyttöön tammikuussa 2014": a date of its own
    word = _word_right_before(figure, doc)
    return (word is not None and word.pos_ in ("NOUN", "PROPN")
            and finnish.compound_head(word.lemma_.lower()) in NAMED_BY_YEAR_HEADS
            and bool(set(word.morph.get("Case")) & NAME_CASES))


def _word_right_before(figure: Indicator, doc):
    """The token the figure follows with only a space between, or None."""
    before = [t for t in doc if t.idx + len(t) <= figure.start and not t.is_space]
    if not before or doc.text[before[-1].idx + len(before[-1]):figure.start].strip():
        return None
    return before[-1]


def _clause_naming(part: Part, sentence) -> tuple[int, int]:
    """The characters of the clause (between semicolons and commas) that names the part: *Kuivannon koulu otettiin
    käyttöön 8/2023 (2,8 M€); Pikkuvehmaan urakkakilpailu keskeytettiin, uusi kilpailutus 2024* for the school.
    The whole sentence for the only part of its kind, or when no clause, or more than one, names as much of it."""
    if not part.among_others:
        return sentence.start_char, sentence.end_char
    text, base = sentence.text, sentence.start_char
    bounds = [0] + [m.end() for m in re.finditer(r"[;,]\s", text)] + [len(text) + 1]
    clauses = [(base + a, base + b) for a, b in pairwise(bounds)]
    # "Hirvensalon koulun laajennus, jossa on 8 opetustilaa, otettiin käyttöön": a relative clause is an aside;
    # the clause goes on after it.
    k = 1
    while k + 1 < len(clauses):
        opening = sentence.doc.char_span(*clauses[k], alignment_mode="contract")
        before = sentence.doc.char_span(*clauses[k - 1], alignment_mode="contract")
        after = sentence.doc.char_span(*clauses[k + 1], alignment_mode="contract")
        # Only an aside inside a clause: not after a clause with its own verb, nor before one opening with "ja".
        inside = (before is not None and not any("Fin" in t.morph.get("VerbForm") for t in before)
                  and after is not None and len(after) and after[0].lower_ not in CLAUSE_WORDS)
        if inside and opening is not None and len(opening) and opening[0].lemma_.lower() == RELATIVE_PRONOUN_LEMMA:
            clauses[k - 1:k + 2] = [(clauses[k - 1][0], clauses[k + 1][1])]
        else:
            k += 1
    named = [(len(_named(sentence.doc.char_span(a, min(b, sentence.end_char), alignment_mode="contract") or [],
                         part.lemmas)), (a, b)) for a, b in clauses]
    most = max((count for count, _ in named), default=0)
    naming = [clause for count, clause in named if count and count == most]
    # The one clause naming most of it: "Luostarivuoren koulun peruskorjaus valmistui …, ja Hirvensalon koulun
    # laajennus siirtyi" for the renovation.
    return naming[0] if len(naming) == 1 else (sentence.start_char, sentence.end_char)


_SIGNED_SUM = re.compile(r"(?<![\w,.])([−-]|\+)?\s?\d[\d\s.\u00a0]*(?:,\d+)?\s?(?:€|euro|milj|M€|t€|tuhatta)",
                         re.IGNORECASE)


def _sign_of_result(part: Part, sentence) -> int | None:
    """A part asking for a surplus or a loss-free result (*tulos on ylijäämäinen*, *Voitollinen*) against a sum in
    the sentence that names it: +1 when the sum is positive, −1 when negative (*tulos oli −7 798 €*)."""
    if not _says_any(part.text, POSITIVE_RESULT_WORDS):
        return None
    found = _SIGNED_SUM.search(sentence.text)
    if found is None:
        return None
    return -1 if found.group(1) in ("−", "-") else 1


def _all_wanted(part: Part) -> bool:
    """The part asks for all of something: *kaikki liikunta- ja nuorisotilat*."""
    return _says_any(part.text, ALL_WORDS)


def _says_any(text: str, words: frozenset[str]) -> bool:
    """One of ``words`` (lower case) stands in ``text``, punctuation aside."""
    return any(word.strip(".,;:").lower() in words for word in text.split())


def _fraction_short(sentence) -> bool:
    """A count out of a whole that falls short of all: *nuorisotiloista siirtyi 6/14*, *vain 19 koulussa
    43:sta*."""
    return any(0 < int(found.group(1)) < int(found.group(2)) < YEAR_FROM
               for pattern in (FRACTION, _COUNT_OUT_OF) for found in pattern.finditer(sentence.text)
               # not a move from one level to another: "laskivat 5 prosenttiin 8:sta"
               if pattern is FRACTION or not _to_a_level(found.group(0)))


def _to_a_level(text: str) -> bool:
    """The word after the first number is in a case of reaching (*5 prosenttiin*, *14 päivään*)."""
    words = text.split()
    return len(words) > 2 and bool(finnish.case_names(words[1]) & LEVEL_CASE_NAMES)


#: A count and the whole it is out of in the elative: *19 koulussa 43:sta*.
_COUNT_OUT_OF = re.compile(r"(?<![\d,.])(\d+)(?:\s+[^\W\d_]+){0,2}\s+(\d+):st[aä]\b")


def _later_year(sentence, year: int | None) -> bool:
    """The sentence puts the part after the year reported on: *valmistuvat keväällä 2025* in a 2024 report."""
    return year is not None and any(int(y) > year for y in _YEAR.findall(sentence.text))


def _only_later_years(sentence, year: int | None) -> bool:
    """Every year the sentence names is after the year reported on: *käynnistyy maaliskuussa 2025* in a 2024
    report, not *käynnistyi 9/2022, valmistuminen 2024* in a 2022 one."""
    years = [int(y) for y in _YEAR.findall(sentence.text)]
    return year is not None and bool(years) and min(years) > year


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
    """*osa toimenpiteistä siirtyi*, *Toinen hankkeista valmistui*: a share of the work, not all of it; not
    *kaksi niistä etuajassa* (a pronoun) nor *yksi suurimmista hankkeista* (one among the largest)."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return ((token.lower_ in SOME_OF_WORDS or token._.number is not None) and following is not None
            and "Ela" in following.morph.get("Case") and following.pos_ != "PRON"
            and "Sup" not in following.morph.get("Degree"))


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
        "partial", "not_met"} and not _few_things(result.findings[0])
    if single and legend_band is not None:
        # One figure to reach, missed, in a report whose legend sets "slightly below": within the band is
        # partial, further is none, however much progress there was.
        return "partial" if _slightly_below(result.findings[0], legend_band) else "none"
    if outcomes == {"not_met"} or single:
        # Without a legend of its own a report has no "slightly below": one figure missed is not met, however
        # close (the auditors' reading; metric rows, whose legend has one, keep the setting).
        return "none"
    progress = [f for f in known if f.outcome == "partial" and not _few_things(f)]
    if "met" not in outcomes and progress and all(f.part.kind == "quantity" for f in progress) and (
            legend_band is None or not any(_slightly_below(f, legend_band) for f in progress)):
        return "none"  # no part met, and what moved was figures: progress towards them reaches no part
    if outcomes == {"met"}:
        if unknown_quantity:
            return None  # one figure checks out, another has nothing to compare with
        if _scope_negated(result, goal, docs):
            return "partial"
        return "full"
    return "partial"


def _few_things(finding: Finding) -> bool:
    """A target of a few things to get done, some of them done: each thing is a part of the target, so some done
    is partly met, not a figure missed."""
    return finding.outcome == "partial" and few_things(finding.part)


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
    # Not a comparison with another year: "Käyntimäärä kasvoi, mutta ei ole palannut vuoden 2019 tasolle".
    return any(is_negative(s) and _mentions(s, scope) and not re.search(EARLIER_LEVEL_PATTERN, s.text.lower())
               for s in status_doc.sents)


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
                if added is base or added.unit != base.unit or earlier or endpoint(added):
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
