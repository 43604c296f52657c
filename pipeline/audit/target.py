"""Reading a goal's target as the parts that must all hold.

A quantity (*vähintään 10 prosentilla* from the baseline, *noin 50
opiskelijalla*, *enintään 14 päivää* where lower is better), a required
component (*10 yhteistyökumppania, joista osa kansainvälisiä toimijoita*), a
deliverable (*Selvitys valmis*, *opintopolut rakennettu*), or, when the
target names none of these, a qualitative aim (*Digituki vahvistuu.*).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from pipeline import finnish
from pipeline.indicators import date_span, rounded
from pipeline.lang_fi.cases import CHANGE_CASE, LEVEL_CASE, OUT_OF_CASES, VOIKKO_CASES
from pipeline.lang_fi.change_words import CHANGE_NAMING_NOUNS, DIRECTION_LEMMAS, QUALITY_DIRECTIONS
from pipeline.lang_fi.dates import MONTHS, SEASON_MONTHS, YEAR_LEMMA
from pipeline.lang_fi.function_words import CLAUSE_WORDS, NOUN_PHRASE_COORDINATORS
from pipeline.lang_fi.negation import MOVED_LEMMAS, SETBACK_LEMMAS
from pipeline.lang_fi.progress import (
    DONE_LEMMAS,
    DONE_PHRASES,
    DONE_WORDS,
    FINISHING_LEMMAS,
    ONGOING_LEMMAS,
    PROGRESS_LEMMAS,
    STARTED_LEMMAS,
    UNDER_WAY_ASKED_WORDS,
)
from pipeline.lang_fi.qualifiers import COMPARATIVE_QUALIFIERS, MONEY_UNIT_WORDS, QUALIFIER_WORDS
from pipeline.lang_fi.targets import (
    AND_TOO_WORD,
    AND_WORD,
    BELOW_SIDES,
    BOTH_WORD,
    BOTH_WORDS,
    COMPARISON_PATTERN,
    COMPONENT_WORD,
    EARLIER_YEAR_WORDS,
    GENERIC_LEMMAS,
    LEVEL_LEMMA,
    LOWER_IS_BETTER_LEMMAS,
    NET_COST_LEMMAS,
    PEER_AVERAGE_PATTERN,
    PEER_EXTREME_PATTERN,
    POSITIVE_RESULT_WORDS,
    RELATIVE_CHANGE_WORDS,
    RESULT_LEMMAS,
    SCALE_PATTERN,
)
from pipeline.lang_fi.units import (
    AMOUNT_WORD,
    ANY_THING_UNITS,
    CURRENCY_PATTERN,
    DURATION_UNITS,
    MEASURE_UNITS,
    MONEY_UNIT,
    STATED_PER_THING_PATTERN,
    STATED_PERCENT_PATTERN,
    STATED_SCALE_PATTERN,
    STATED_SCALES,
    UNIT_IN_BRACKETS,
)
from pipeline.records import FIGURE_KINDS, Goal, Indicator

#: Figure kinds a quantity can be: dates are not levels to reach.
QUANTITY_KINDS: tuple[str, ...] = tuple(kind for kind in FIGURE_KINDS if kind != "date")
#: Signs that make a per cent target a change: *+10 %*, *−3 %*.
SIGNS: tuple[str, ...] = ("+", "−", "-")
#: The sign of a figure, also after its qualifier: *+10 %*, *enintään +2,5 %*.
_SIGN = re.compile(r"^(?:[^\d+−-]+\s)?([+−-])\s?\d")


def sign_of(figure: Indicator) -> str | None:
    """``+`` or ``−``/``-`` when the figure is written signed (*+15 km*, *enintään +2,5 %*), else None."""
    found = _SIGN.match(figure.text.strip())
    return found.group(1) if found else None
#: Cases in which a noun is what a sentence is about (not *opintopolusta tehty*).
CORE_CASES = frozenset({"Nom", "Par", "Gen", "Acc"})


@dataclass(slots=True)
class Part:
    """One thing a target requires."""

    kind: str  # "quantity", "component", "deliverable" or "qualitative"
    text: str
    measure: str | None = None  # "count", "percent" or "money" for quantities
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    change: str | None = None  # "increase"/"decrease" for a change from the baseline
    relative: bool = False  # a change in per cent of the baseline: "10 prosentilla"
    points: bool = False  # a change in percentage points
    lower_is_better: bool = False
    baseline: float | None = None
    baseline_kind: str | None = None
    baseline_unit: str | None = None
    threshold: float | None = None  # the level the reported figure is compared with
    lemmas: frozenset[str] = frozenset()
    #: For a quantity that names no unit: the things the metric and the goal count (*yritys* for *Tavoitetaso:
    #: 420* under *aloittaneet yritykset*); empty when anything counted may answer (*kpl*).
    scope: frozenset[str] = frozenset()
    #: Every reading of the metric's and the goal's words (of the figure's own clause when the target sets
    #: several), to tell the figure that answers from others.
    context: frozenset[str] = frozenset()
    #: Every reading of the metric's and the goal's words: what the goal is about at all.
    topic: frozenset[str] = frozenset()
    @property
    def capped(self) -> bool:
        """A change whose size is a ceiling (*kasvaa enintään 2,5 %*, *laskee enintään 1,5 %*, *muutos
        vähintään −100*): the better way is against the change's own direction."""
        return self.change is not None and self.lower_is_better != (self.change == "decrease")

    #: For a deliverable or aim: the last day the target allows (*käytössä elokuussa 2024* → 31.8.2024), and
    #: the words that set it.
    deadline: dt.date | None = None
    deadline_text: str | None = None
    #: For a rating: the lowest and highest value of its scale (*asteikko 1–5*); a figure outside it answers
    #: something else.
    scale: tuple[float, float] | None = None
    #: A deliverable or aim beside others of the same target: each is judged by the clause that names it.
    among_others: bool = False
    #: The months of the season the goal counts in (*syyslukukaudella 2024* → 8–12), if it names one.
    season: tuple[int, int] | None = None


def requirements(goal: Goal, docs: dict, indicators: Iterable[Indicator]) -> list[Part]:
    """The parts of the goal's target, from its text (``docs["target"]``) and indicators.

    A goal printed without a target level may state it itself (*Pohjanrannan koulun peruskorjaus
    valmistuu ja Ketunpesän koulun rakentaminen käynnistyy*): a goal with a finite verb is read as the
    target then.
    """
    indicators = list(indicators)
    target_field = "target"
    target_doc = docs.get("target")
    goal_doc = docs.get("goal")
    goal_verbs = sum(1 for t in goal_doc or () if t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm"))
    # "Tavoite: kaikki kolme hanketta toteutuvat" over a goal listing 1) … 2) … 3): the count is the list's.
    listed = len(re.findall(_NUMBERED_ITEM, goal_doc.text)) if goal_doc is not None else 0
    counted = [i for i in indicators if i.field == "target" and i.kind in QUANTITY_KINDS
               and not (listed > 1 and i.kind == "count" and i.value == listed and target_doc is not None
                        and _all_of_the_list(target_doc.text, i))]
    says_nothing = target_doc is None or not target_doc.text.strip() or (
        any(t.lower_ in BOTH_WORDS for t in target_doc)
        and not counted
        # "Molemmat toteutettu 2024"; with words of its own ("molemmat hankkeet käytössä") only over a goal of
        # two things to happen, not over "kaikille esihenkilöille" of one.
        and (not content_lemmas(target_doc) or goal_verbs >= 2))
    if says_nothing and goal_verbs:
        # A goal that says what happens (a finite verb), not a heading such as "Investoinnit"; also under a
        # target that only points back to it.
        target_field, target_doc = "goal", goal_doc
    if target_doc is None or not target_doc.text.strip():
        return []
    target_figures = [i for i in indicators if i.field == target_field and i.kind in QUANTITY_KINDS]
    baseline_figures = [i for i in indicators if i.field == "baseline" and i.kind in QUANTITY_KINDS]
    metric_lemmas = content_lemmas(docs.get("metric"))
    inverse_context = _inverse(docs.get("metric"), target_doc)
    money_metric = _names_money(docs.get("metric"))
    metric_text = docs["metric"].text if docs.get("metric") is not None else ""
    context = frozenset(lemma for name in ("metric", "goal") if docs.get(name) is not None
                        for token in docs[name] if token.is_alpha and token.lemma_.lower() not in GENERIC_LEMMAS
                        and token.lower_ not in QUALIFIER_WORDS  # "vähintään" would name "vähemmän"
                        for lemma in finnish.lemmas(token.text)) - GENERIC_LEMMAS
    goal_figures = [i for i in indicators if i.field == "goal" and i.kind in QUANTITY_KINDS] if (
        target_field != "goal") else []
    goal_moves = goal_doc is None or any(g.direction for g in goal_figures)
    season = next((s for doc in (target_doc, goal_doc) if doc is not None for s in seasons(doc.text)), None)
    scoped = not _counts_anything(docs.get("metric"))
    # "Tavoite: 150 ja 60" under "käytetyt kesätyösetelit; kaupungin kesätyöntekijät": each its own item.
    items = _metric_items(docs.get("metric"))
    items = items if len(items) == len(target_figures) > 1 else []
    # Which way each item is better, not by the whole a share is out of ("osuus energiankulutuksesta").
    item_heads = _metric_items(docs.get("metric"), skip_cases=OUT_OF_CASES) if items else []
    parts: list[Part] = []
    for index, found in enumerate(target_figures):
        if _in_component(target_doc, found) or _dated_start(
                found, target_doc.text, target_figures, goal_doc.text if goal_doc is not None else ""):
            continue
        case = unit_case(target_doc.text, found)
        bases = _paired(found, target_figures, baseline_figures,  # by the figure as found, before it is read
                        (target_doc.text, docs["baseline"].text if docs.get("baseline") is not None else ""))
        figure = _from_goal(_read_around(found, target_doc.text, money_metric, metric_text), goal_figures)
        # "LED-valojen osuus; kulutus GWh": each figure is better higher or lower by its own item of the metric.
        inverse = names_lower_is_better(item_heads[index]) if item_heads else inverse_context
        part = _quantity(figure, bases, inverse, case, goal_moves=goal_moves)
        _size_of_a_net_cost(part, [d for d in (target_doc, goal_doc) if d is not None],
                            cost=inverse or bool(metric_lemmas & NET_COST_LEMMAS))
        _size_from_goal(part, goal_figures)
        part.topic = context
        part.season = season
        if len(target_figures) == 1 and ";" not in target_doc.text:
            part.context = context  # with two figures to reach, the metric names both: no help in choosing
        else:
            # "Vuosikate ≥ poistot; nettoinvestoinnit ≤ 14 M€": the words of the figure's own clause; a clause
            # that is only a figure ("1 200 aloittanutta; +2 %") has the goal's words for it ("yrityskanta kasvaa
            # vähintään 2 %").
            # "−2 % / −25 %" under "Lämmönkulutuksen muutos; päästöt suhteessa vuoteen 1990": the metric's item
            # in the same place, when the metric lists its items apart.
            part.context = _clause_words(target_doc.text, found, target_figures) or (
                _goal_words(goal_doc, goal_figures, found) if ";" in target_doc.text else frozenset()) or (
                items[index] if items and ";" in metric_text else frozenset())
        if (part.unit is None or (part.relative and part.baseline_kind == "count")) and scoped:
            # "+3 %" of "kävijäkerrat": the change is of what the metric counts.
            goal_units = {g.unit for g in goal_figures if g.value == figure.value and g.unit}
            part.scope = frozenset((items[index] if items else metric_lemmas) | goal_units)
        if not any(p.kind == "quantity" and _same_level(p, part) for p in parts):
            parts.append(part)  # "+10 % (92 950)": the level a change implies is not a second part
    for sentence in target_doc.sents:
        component = _component(sentence)
        if component is not None:
            parts.append(component)
        # "+4 %; rakentaminen käynnissä 2024": a clause with no figure to reach is a deliverable of its own.
        for clause in _clauses(sentence):
            if not any(f.start >= clause.start_char and f.end <= clause.end_char for f in target_figures):
                deliverable = _deliverable(clause, metric_lemmas or content_lemmas(goal_doc))
                if deliverable is not None:
                    parts += _split(deliverable, clause)
    surplus = next((w.strip(".,;:") for w in target_doc.text.split()
                    if w.strip(".,;:").lower() in POSITIVE_RESULT_WORDS), None)
    parts += _comparisons(target_doc.text)
    parts += _peer_parts(target_doc.text, inverse_context)
    if parts and surplus is not None and not _sized_surplus(target_doc.text, surplus, target_figures):
        # "95 %; ylijäämä": besides the figure, a result above zero.
        parts.append(Part(kind="qualitative", text=surplus, lemmas=RESULT_LEMMAS))
    if not parts and not target_figures:
        held = _earlier_level(target_doc, inverse_context)
        if held is not None:
            parts.append(held)
    if not parts:
        moved = _direction_only(target_doc, baseline_figures)
        if moved is not None:
            parts.append(moved)
    if not parts:
        # "Digituki vahvistuu.": a qualitative target, judged by what the status says.
        lemmas = content_lemmas(target_doc)
        if lemmas:
            whole = Part(kind="qualitative", text=target_doc.text.strip(), lemmas=lemmas)
            split = _split(whole, next(iter(target_doc.sents)))
            metric = docs.get("metric")
            if len(split) == 1 and metric is not None and metric.text.strip():
                # "Päätös kevät 2024" under the metric "Selvitys ja valtuuston päätös": the metric's parts.
                by_metric = _split(whole, next(iter(metric.sents)))
                split = by_metric if len(by_metric) > 1 else split
            parts += split
    scale = _scale(" ".join(docs[name].text for name in ("goal", "metric", "target") if docs.get(name) is not None))
    for part in parts:
        # A target outside the scale is not a rating on it: 13,5 milj. käyntiä beside a satisfaction of 1–5.
        if (part.kind == "quantity" and part.measure == "count" and part.unit is None and not part.change
                and scale is not None and scale[0] <= part.value <= scale[1]):
            part.scale = scale
    due = _deadline(i for i in indicators if i.field in (target_field, "target") and i.kind == "date")
    things = [part for part in parts if part.kind != "quantity"]
    for part in things:
        part.among_others = len(things) > 1
        if due is not None:
            part.deadline, part.deadline_text = due
    return parts


def _scale(text: str) -> tuple[float, float] | None:
    """*(asteikko 1–5)* → (1, 5)."""
    found = re.search(SCALE_PATTERN, text, re.IGNORECASE)
    if found is None:
        return None
    low, high = (float(g) for g in found.groups() if g is not None)
    return (low, high) if low < high else None


def _deadline(dates: Iterable[Indicator]) -> tuple[dt.date, str] | None:
    """The latest last day among the target's dates, and its words: *käytössä elokuussa 2024*."""
    spans = [(span[1], figure.text) for figure in dates if (span := date_span(figure.value)) is not None]
    return max(spans) if spans else None


def _clause_words(text: str, figure: Indicator, figures: list[Indicator]) -> frozenset[str]:
    """Every reading of the words in the clause that holds the figure: between semicolons, and between the
    words that open a clause when another figure is in the same stretch (*Vuosikate vähintään 95 M€ ja
    lainakanta enintään 4.050 €/asukas*)."""
    start = text.rfind(";", 0, figure.start) + 1
    end = text.find(";", figure.end)
    end = end if end >= 0 else len(text)
    # Only a break between this figure and a neighbour counts: "Koulujen ja päiväkotien käyttöaste vähintään
    # 90 %" keeps its first words.
    previous = max((f.end for f in figures if start <= f.end <= figure.start and f is not figure), default=None)
    following = min((f.start for f in figures if figure.end <= f.start < end and f is not figure), default=None)
    breaks = [m.end() for m in re.finditer(_CLAUSE_BREAK, text)]
    if previous is not None:
        start = max([start, *(b for b in breaks if previous <= b <= figure.start)])
    if following is not None:
        end = min([end, *(b for b in breaks if figure.end <= b <= following)])
    return _word_lemmas(text[start:end])

def _word_lemmas(text: str) -> frozenset[str]:
    """Every reading of the words of ``text`` but the generic ones and the qualifiers (*vähintään*)."""
    return frozenset(lemma for word in re.findall(r"[^\W\d_]{3,}", text.lower()) if word not in QUALIFIER_WORDS
                     for lemma in finnish.lemmas(word)) - GENERIC_LEMMAS


def _size_from_goal(part: Part, goal_figures: list[Indicator]) -> None:
    """A change whose goal says it with a verb and a qualifier (*päästöt vähenevät vähintään 60 %*) is a floor
    on its size, however the target writes it (*vähintään −60 %*); *kasvaa enintään 2,5 %* is a ceiling."""
    if part.change is None or part.value is None:
        return
    said = {g.qualifier for g in goal_figures if g.direction == part.change and g.qualifier
            and g.kind == part.measure and abs(float(g.value)) == abs(part.value)}
    if said <= {"at_least", "over"} and said:
        part.lower_is_better = part.change == "decrease"
    elif said <= {"at_most", "under"} and said:
        part.lower_is_better = part.change != "decrease"


def _dated_start(figure: Indicator, text: str, figures: list[Indicator], goal_text: str = "") -> bool:
    """A level of a named year in brackets after a change (*+20 % (2021: 1 812 600)*, *−1,0 %-yks. (12/2024 =
    14,2 %)*): where the change starts from, not a second level to reach; not a level of a year later than any
    the target or the goal names (*Tavoite 2025: +20 % (2026: 2 200 000)*)."""
    bracket = text.rfind("(", 0, figure.start)
    dated = re.search(_DATED, text[bracket + 1:figure.start]) if bracket > text.rfind(")", 0, figure.start) else None
    if dated is None or not any(f.end <= bracket and (f.direction or sign_of(f)) for f in figures):
        return False
    named = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", f"{text[:bracket]} {goal_text}")]
    return not named or int(dated.group(1)) <= max(named)


#: A year's label just before its figure: *2021:*, *12/2024 =*. The group is the year.
_DATED = re.compile(r"(?:\b\d{1,2}/)?\b((?:19|20)\d{2})\s*[:=]\s*$")


def _goal_words(goal_doc, goal_figures: list[Indicator], figure: Indicator) -> frozenset[str]:
    """The words of the goal's clause that states a target figure too (*yrityskanta kasvaa vähintään 2 %* of
    *Uusia yrityksiä perustetaan vähintään 1 200 ja yrityskanta kasvaa vähintään 2 %*), when it states it once."""
    same = [g for g in goal_figures if g.kind == figure.kind and g.value == figure.value]
    if goal_doc is None or len(same) != 1:
        return frozenset()
    text = goal_doc.text
    breaks = [0, *(m.end() for m in re.finditer(_CLAUSE_BREAK, text)), len(text)]
    start = max(b for b in breaks if b <= same[0].start)
    return _word_lemmas(text[start:min(b for b in breaks if b >= same[0].end)])


#: Where a goal's clause ends: a comma or semicolon, or a word that opens the next clause (*ja*, *mutta*).
_CLAUSE_BREAK = re.compile(rf"[,;]\s|\s(?:{'|'.join(sorted(CLAUSE_WORDS))})\s", re.IGNORECASE)


def _comparisons(text: str) -> list[Part]:
    """*vuosikate ≥ poistot*, *Vuosikate kattaa poistot*: one amount at least another, read as a ratio of at
    least 100 % (the metric's *vuosikate / poistot*), one part for each such clause without a figure of its own."""
    out = []
    for clause in text.split(";"):
        if re.search(r"\d", clause) or not re.search(COMPARISON_PATTERN, clause, re.IGNORECASE):
            continue
        text = re.sub(r"^[^\W\d_]+:\s*", "", clause.strip())  # without a field label: "Tavoitetaso: ..."
        out.append(Part(kind="quantity", text=text, measure="percent", value=100.0, unit="%", qualifier="at_least",
                        threshold=100.0))
    return out


def _all_of_the_list(text: str, figure: Indicator) -> bool:
    """*kaikki kolme*: a number word right after *kaikki*, counting the goal's list, not a level to reach
    (not *Kaikissa kouluissa 3 liikuntatuntia*)."""
    before = text[:figure.start].split()
    return not re.search(r"\d", figure.text) and bool(before) and before[-1].lower() in BOTH_WORDS


def _peer_parts(text: str, lower_is_better: bool) -> list[Part]:
    """*kuusikon alhaisin*, *kuusikon 1. sija*, *alle kuusikkokuntien keskiarvon*: the city's figure against
    other cities', one part each. ``measure`` says which of theirs: the lowest (``min``), the highest (``max``)
    or their average (``mean``); *paras* and *1. sija* are the lowest where less is better."""
    out = []
    for found in re.finditer(PEER_EXTREME_PATTERN, text, re.IGNORECASE):
        lowest = found.group(1) is not None or (found.group(3) is not None and lower_is_better)
        out.append(Part(kind="peer", text=found.group(0), measure="min" if lowest else "max", lower_is_better=lowest))
    for found in re.finditer(PEER_AVERAGE_PATTERN, text, re.IGNORECASE):
        side = (found.group(1) or "").lower() or (found.group(2) or "").lower()
        if not side:
            continue  # "90 % (kuusikon keskiarvo 85 %)": the others' figure for comparison, not a target
        below = lower_is_better if side == "parempi" else side in BELOW_SIDES
        strict = side not in ("vähintään", "enintään", "≥", "≤", ">=", "<=")
        out.append(Part(kind="peer", text=found.group(0).strip(), measure="mean", lower_is_better=below,
                        qualifier=("under" if below else "over") if strict else None))
    return out


def _sized_surplus(text: str, word: str, figures: list[Indicator]) -> bool:
    """*ylijäämä vähintään 1,5 M€*: the sum in the same clause is the size of the surplus, not another part."""
    at = text.find(word)
    marks = [m.start() for m in re.finditer(r"[;,.](?=\s|$)", text)]  # not the comma of "1,5 M€"
    start = max([m + 1 for m in marks if m < at], default=0)
    end = min([m for m in marks if m > at], default=len(text))
    return any(f.kind == "money" and start <= f.start < end for f in figures)


def listed_items(goal_doc, part: Part) -> list[Part]:
    """A small count of things (*2 kohdetta*, *2 palvelua*) whose things the goal names one by one
    (*rakennetaan lähiliikuntapaikka ja kuntoportaat*): those things, as deliverables; else none."""
    if goal_doc is None or not few_things(part):
        return []  # a count of named things ("2 kohdetta"), not a rating of 3 or 2 km
    sentence = next(iter(goal_doc.sents), None)
    if sentence is None:
        return []
    whole = Part(kind="deliverable", text=sentence.text.strip(), lemmas=content_lemmas(sentence))
    items = _split(whole, sentence)
    if len(items) != int(part.value):
        items = _named_alike(sentence, part.unit)
    for item in items:
        item.among_others = True
    return items if len(items) == int(part.value) else []


def _named_alike(sentence, thing: str | None) -> list[Part]:
    """Things named one by one before the noun they share, the ``thing`` the target counts (*Ekojärven ja
    Kaukolan asemakaavat* under *2 asemakaavaa*, *Jynkän, Pirtin ja Neulamäen koulujen perusparannukset* under
    *kolme koulua*): one deliverable each, named by its own name (the noun they share names them all); not
    partners (*Kuopion ja Jyväskylän yliopistojen kanssa*) of other things counted."""
    tokens = list(sentence)
    for start, token in enumerate(tokens):
        if token.pos_ != "PROPN" or "Gen" not in token.morph.get("Case"):
            continue
        names, at = [token], start + 1
        while at + 1 < len(tokens) and tokens[at].lower_ in (",", *NOUN_PHRASE_COORDINATORS) and (
                tokens[at + 1].pos_ == "PROPN" and "Gen" in tokens[at + 1].morph.get("Case")):
            names.append(tokens[at + 1])
            at += 2
        if len(names) > 1 and at < len(tokens) and tokens[at].pos_ == "NOUN" and thing is not None and (
                tokens[at].lemma_.lower() == thing or finnish.compound_head(tokens[at].lemma_.lower()) == thing):
            head = tokens[at]
            return [Part(kind="deliverable", text=f"{name.text} {head.lemma_.lower()}",
                         lemmas=frozenset({name.lemma_.lower()})) for name in names]
    return []


def few_things(part: Part) -> bool:
    """The part counts a few things to get done (*2 kohdetta*, *kolme hanketta*): named things, each a part
    of the target, not a measure (*2 km*), a time (*3 päivää*), a rating or a change."""
    return (part.measure == "count" and part.value is not None and float(part.value).is_integer()
            and 2 <= part.value <= FEW_THINGS and part.unit is not None and part.unit.isalpha()
            and part.unit not in MEASURE_UNITS and part.unit not in DURATION_UNITS and part.scale is None
            and part.change is None and not part.lower_is_better and part.qualifier not in ("at_most", "under"))


#: The most things a target may count for each to be a part of it (*kolme hanketta*), not a figure to reach.
FEW_THINGS = 3


def _split(part: Part, sentence) -> list[Part]:
    """A deliverable or aim of coordinated things, one part each: *sekä Espoon keskukseen että Leppävaaraan*,
    *Selvitys ja valtuuston päätös*.

    The sides of the first *sekä ... että* (else the first *ja*) that each
    name something of their own; otherwise the part as it is.
    """
    words = [t.lower_ for t in sentence]
    if BOTH_WORD in words and AND_TOO_WORD in words[words.index(BOTH_WORD):]:
        first = words.index(BOTH_WORD)
        second = first + words[first:].index(AND_TOO_WORD)
        sides = [sentence[first + 1:second], sentence[second + 1:]]
    elif AND_WORD in words and not sentence[words.index(AND_WORD) - 1].text.endswith("-"):
        # Not an elided compound: "kaikki liikunta- ja nuorisotilat" asks for all of both together.
        at = words.index(AND_WORD)
        sides = [sentence[:at], sentence[at + 1:]]
    elif "," in words and part.kind == "deliverable":
        at = words.index(",")  # "hankesuunnitelma hyväksytty, rakentaminen alkanut": a list of things to do
        sides = [sentence[:at], sentence[at + 1:]]
    else:
        return [part]
    names = [content_lemmas(side) for side in sides]
    if not all(names) or names[0] == names[1] or not all(_names_a_thing(side) for side in sides):
        return [part]
    # What tells the sides apart: "koulu" is in both "Pohjanrannan koulun peruskorjaus" and "Ketunpesän koulun
    # rakentaminen".
    names = [names[0] - names[1] or names[0], names[1] - names[0] or names[1]]
    return [Part(kind=part.kind, text=side.text.strip(" ,.;"), lemmas=name) for side, name in zip(sides, names,
                                                                                                  strict=True)]


def _paired(figure: Indicator, target_figures: list[Indicator], baseline_figures: list[Indicator],
            texts: tuple[str, str] = ("", "")) -> list[Indicator]:
    """The baseline figures for one target figure: *89,5 % ja 3,4 %* for *≥ 90 % ja ≤ 3 %* pair in order.

    When the target and the baseline (``texts``) have as many clauses between semicolons, the figure's
    clause pairs with the baseline's clause of the same place (*11 lainaa/asukas; +15 %* with *10,6
    lainaa/asukas; 18 100 e-lainaa*). Else, when they give as many figures of a kind, the n-th target
    figure's baseline is the n-th baseline figure, also when the target's figures are changes and the
    baseline's are levels of another kind; otherwise all.
    """
    target_text, baseline_text = texts
    if ";" in target_text and target_text.count(";") == baseline_text.count(";"):
        clause = target_text.count(";", 0, figure.start)
        return [b for b in baseline_figures if baseline_text.count(";", 0, b.start) == clause]
    same = [f for f in target_figures if f.kind == figure.kind]
    bases = [f for f in baseline_figures if f.kind == figure.kind]
    if len(same) > 1 and len(same) == len(bases):
        return [bases[same.index(figure)]]
    if len(same) > 1 and not bases and len(same) == len(baseline_figures):
        # "−3 % / −3 %" from "Sähkö 43,0 GWh, lämpö 90,1 GWh": each change from its own level, in order.
        return [baseline_figures[same.index(figure)]]
    return baseline_figures


def _names_money(metric_doc) -> bool:
    """The metric measures euros (*verotulot yhteensä €/asukas*): a target figure without a unit is money."""
    return metric_doc is not None and any(t.lower_ in MONEY_UNIT_WORDS or t.lemma_.lower() in MONEY_UNIT_WORDS
                                          for t in metric_doc)


def _read_around(figure: Indicator, text: str, money_metric: bool, metric_text: str = "") -> Indicator:
    """What the words around a target figure add: *pienempi kuin 2,1 %* (under), a unit from the metric, and
    the scale or per cent the metric states for a bare figure (*100,0* under *Vuosikate, M€* is 100 M€, *95*
    under *Lähikouluun sijoitettujen osuus, %* is 95 %)."""
    qualifier, kind, unit, value = figure.qualifier, figure.kind, figure.unit, figure.value
    if qualifier is None:
        before = " ".join(text[:figure.start].lower().split()[-2:])
        qualifier = COMPARATIVE_QUALIFIERS.get(before)
    scale = stated_scale(metric_text)
    bare = kind == "count" and unit is None and abs(float(value)) < 10_000
    if bare and scale is not None:
        value = rounded(float(value) * scale[0])
        kind, unit = ("money", MONEY_UNIT) if scale[1] else ("count", None)
    elif bare and states_percent(metric_text):
        kind, unit = "percent", "%"
    if money_metric and kind == "count" and unit is None and not _counts_besides_money(metric_text):
        kind, unit = "money", MONEY_UNIT
    if (qualifier, kind, unit, value) == (figure.qualifier, figure.kind, figure.unit, figure.value):
        return figure
    return Indicator(figure.field, kind, value, unit, qualifier, figure.direction, figure.text,
                     figure.start, figure.end, figure.sentence)


def _counts_besides_money(metric_text: str) -> bool:
    """The metric states units of its items in brackets, one of them not money: *liikevaihto (M€), matkustajat
    (milj.)* counts passengers too, so a bare target figure need not be euros."""
    units = [u for u in re.findall(r"\(([^()]*)\)", metric_text) if re.fullmatch(UNIT_IN_BRACKETS, u.strip(),
                                                                              re.IGNORECASE)]
    return len(units) > 1 and any(not re.search(CURRENCY_PATTERN, u, re.IGNORECASE) for u in units)


def states_percent(metric_text: str) -> bool:
    """The metric, one item only, is in per cent: *Käyttöaste, %*, *Negatiivinen keskeyttäminen, %
    opiskelijoista* (not *1) keskiarvo (1–5) 2) läpäisy (%)*, whose per cent is one item's)."""
    return re.search(STATED_PERCENT_PATTERN, metric_text.strip()) is not None and items_apart(metric_text) is None


def items_apart(metric_text: str) -> list[str] | None:
    """The items of a metric listed apart, with semicolons or numbers (*liikevaihto; tulos*, *1) … 2) …*), as
    texts; None for a metric of one item."""
    if ";" not in metric_text and re.search(_NUMBERED_ITEM, metric_text) is None:
        return None
    return re.split(rf";|{_NUMBERED_ITEM}", metric_text)


#: The number that opens an item of a numbered list: *1)*.
_NUMBERED_ITEM = r"(?:^|\s)\d\)"


def stated_scale(text: str, per_thing: bool = True) -> tuple[float, bool] | None:
    """The scale a metric or a table row's name states for figures printed without one (*Vuosikate, M€*,
    *Käyntikerrat (milj.)*): its multiplier, and whether it is money; with ``per_thing`` also euros per thing
    (*Käyttökustannukset €/oppilas*)."""
    found = re.search(STATED_SCALE_PATTERN, text, re.IGNORECASE)
    if found is None and per_thing and re.search(STATED_PER_THING_PATTERN, text, re.IGNORECASE) is not None:
        return (1.0, True)
    return STATED_SCALES[found.group(1).lower()] if found is not None else None


def _names_a_thing(side) -> bool:
    """A side of a coordination that is a thing to do, not a modifier shared with the other side: *Lukion ja
    ammatillisen koulutuksen yhteistyösopimus* is one agreement (*Lukion* is only a genitive)."""
    return any(t.pos_ == "VERB" or (t.pos_ in ("NOUN", "PROPN") and set(t.morph.get("Case")) - {"Gen"})
               for t in side)


def _metric_items(metric_doc, skip_cases: frozenset[str] = frozenset()) -> list[frozenset[str]]:
    """The content lemmas of each item of a metric listed with semicolons (*Liikevaihto; tilikauden tulos*),
    numbered (*1) osallistumisaste, 2) henkilöstön vaihtuvuus*) or between commas; ``skip_cases`` leaves out
    words in those cases."""
    if metric_doc is None:
        return []
    numbered = [t.i for t in metric_doc if t.like_num and t.i + 1 < len(metric_doc) and metric_doc[t.i + 1].text == ")"
                and not t.whitespace_]
    if ";" not in metric_doc.text and len(numbered) < 2:
        # "Mittarit: kiinteistöjen energiankulutus, aurinkosähkön tuotanto": items between commas, each naming
        # something (the caller takes them only when they are as many as the target's figures).
        commas = [frozenset(t.lemma_.lower() for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ")
                            and t.lemma_.lower() not in GENERIC_LEMMAS and not set(t.morph.get("Case")) & skip_cases)
                  for span in _between_marks(metric_doc[:], ",")]
        return commas if len(commas) > 1 and all(commas) else []
    items, current = [], []
    for token in metric_doc:
        if token.text == ";" or (";" not in metric_doc.text and token.i in numbered):
            if current and not (numbered and token.i == numbered[0] and ";" not in metric_doc.text):
                items.append(current)  # not the label before the first number: "Mittarit: 1) ..."
            current = []
        elif not (token.text == ")" and token.i - 1 in numbered):
            current.append(token)
    items.append(current)
    return [frozenset(t.lemma_.lower() for t in item if t.pos_ in ("NOUN", "PROPN", "ADJ")
                      and t.lemma_.lower() not in GENERIC_LEMMAS and not set(t.morph.get("Case")) & skip_cases)
            for item in items]


def _inverse(*docs) -> bool:
    """A metric where less is better, also as the head of a compound: *nettokustannus*, *käsittelyaika*.

    Not a whole that a share is taken out of (the elative): *uusiutuvan energian osuus kiinteistöjen
    energiankulutuksesta* is better higher.
    """
    return names_lower_is_better({lemma for doc in docs for lemma in content_lemmas(doc, skip_cases=OUT_OF_CASES)})


def names_lower_is_better(lemmas: Iterable[str], heads: Iterable[str] = LOWER_IS_BETTER_LEMMAS) -> bool:
    """A lemma ends in one of ``heads``, the things of which less is better: *nettokustannus*, *jakelukeskeytys*."""
    heads = tuple(heads)
    return any(lemma.endswith(head) for lemma in lemmas for head in heads)


def _counts_anything(metric_doc) -> bool:
    """A metric in pieces (*Avustusta saaneet toimijat, kpl*), or none at all: any counted thing may answer it."""
    if metric_doc is None or not metric_doc.text.strip():
        return True
    if any(t.lower_ in ANY_THING_UNITS - {AMOUNT_WORD} for t in metric_doc):
        return True
    # "määrä" counts anything only when nothing else says what: not "Uusien yritysten määrä".
    return any(t.lemma_.lower() == AMOUNT_WORD for t in metric_doc) and not content_lemmas(metric_doc)


def _earlier_level(target_doc, inverse_context: bool) -> Part | None:
    """*vähintään vuoden 2023 taso*, *pysyy edellisvuoden tasolla*: no change the wrong way from an earlier year,
    read as a change of at least (or, where less is better, at most) 0 % from it."""
    tokens = list(target_doc)
    for i, token in enumerate(tokens):
        if token.lemma_.lower() != LEVEL_LEMMA or i == 0:
            continue
        before = [t.lower_ for t in tokens[max(i - 3, 0):i]]
        if not any(re.fullmatch(r"(?:19|20)\d{2}", w) or w in EARLIER_YEAR_WORDS for w in before):
            continue
        said = {QUALIFIER_WORDS.get(t.lower_) for t in tokens} & {"at_least", "at_most"}
        qualifier = said.pop() if len(said) == 1 else ("at_most" if inverse_context else "at_least")
        first = next(j for j in range(max(i - 4, 0), i) if tokens[j].lower_ in QUALIFIER_WORDS
                     or tokens[j].lower_ in EARLIER_YEAR_WORDS or tokens[j].lemma_.lower() == YEAR_LEMMA
                     or tokens[j].like_num or j == i - 1)
        return Part(kind="quantity", text=target_doc[first:i + 1].text, measure="percent", value=0.0, unit="%",
                    qualifier=qualifier, change="increase", relative=True,
                    lower_is_better=qualifier == "at_most")
    return None


def _direction_only(target_doc, baseline_figures: list[Indicator]) -> Part | None:
    """*Väkiluku kasvaa* under *Lähtötilanne: 51 961*: a target that names only a direction, from the baseline."""
    directions = {DIRECTION_LEMMAS.get(t.lemma_.lower()) for t in target_doc if t.pos_ == "VERB"} - {None}
    levels = [b for b in baseline_figures if b.kind in ("count", "money", "percent") and b.unit != "prosenttiyksikkö"]
    if len(directions) != 1:
        return None
    if not levels:
        # "Kokonaisindeksi paranee edellisestä kyselystä": a figure is wanted, though none is printed to start from.
        return Part(kind="quantity", text=target_doc.text.strip(), change=directions.pop())
    direction = directions.pop()
    baseline = levels[0]
    value = float(baseline.value)
    return Part(kind="quantity", text=target_doc.text.strip(), measure=baseline.kind, value=value, unit=baseline.unit,
                qualifier="over" if direction == "increase" else "under", change=None,
                lower_is_better=direction == "decrease", baseline=value, baseline_kind=baseline.kind,
                baseline_unit=baseline.unit, threshold=value)


def _from_goal(figure: Indicator, goal_figures: list[Indicator]) -> Indicator:
    """A bare target level (*Tavoitetaso: 25 milj. €*) takes its qualifier from the goal's same figure
    (*Vuosikate on vähintään 25 miljoonaa euroa*), and a level to come down to its direction from the goal's
    change (*osuus laskee 1,0 prosenttiyksikköä* → *Tavoitetaso: 6,4 %* is a ceiling)."""
    same = [g for g in goal_figures if g.kind == figure.kind and g.value == figure.value]
    moving = next((g.direction for g in same if g.direction), None)
    if figure.direction is None and not sign_of(figure) and moving is not None and _names_a_change(figure):
        # "Tavoite 2027: heikkeneminen enintään 3,0 %" under "Toimintakate heikkenee enintään 3,0 %".
        figure = Indicator(figure.field, figure.kind, figure.value, figure.unit, figure.qualifier, moving,
                           figure.text, figure.start, figure.end, figure.sentence)
    if figure.qualifier is not None or figure.direction is not None or sign_of(figure):
        return figure
    qualifier = next((g.qualifier for g in same if g.qualifier), None)
    # Not when the goal states this very figure without a direction: "80 % katuvalaisimista on LED-valaisimia ja
    # sähkönkulutus laskee 15 %".
    stated_flat = bool(same) and not any(g.direction for g in same)
    if qualifier is None and not stated_flat and any(g.direction == "decrease" for g in goal_figures) and not any(
            g.direction == "increase" for g in goal_figures):
        qualifier = "at_most"
    if qualifier is None:
        return figure
    return Indicator(figure.field, figure.kind, figure.value, figure.unit, qualifier, figure.direction, figure.text,
                     figure.start, figure.end, figure.sentence)


def _size_of_a_net_cost(part: Part, docs: list, cost: bool = False) -> None:
    """*Toimintakate heikkenee enintään 3,0 %* from −1 412,6 M€: the audit reads a change of a sum below zero
    (or of a ``cost``, where less is better) as a change of its size, and getting worse is the size growing
    (paranee: shrinking). The word of quality is read in the clause of the figure, with no word of size there."""
    if not (part.relative and part.change and part.baseline is not None and (part.baseline < 0 or cost)):
        return
    number = re.search(r"\d[\d,]*", part.text)
    qualities = set()
    for doc in docs:
        for clause in re.split(r"[;,]\s|\s(?:ja|sekä)\s", doc.text):
            if number is None or number.group(0) not in clause:
                continue
            lemmas = {lemma for word in re.findall(r"[^\W\d_]+", clause) for lemma in finnish.lemmas(word)}
            if lemmas & set(DIRECTION_LEMMAS) - set(QUALITY_DIRECTIONS):
                continue  # "toimintakate kasvaa enintään 3,0 %": a word of size decides
            qualities |= {QUALITY_DIRECTIONS[lemma] for lemma in lemmas if lemma in QUALITY_DIRECTIONS}
    if len(qualities) != 1:
        return
    quality = qualities.pop()
    part.change = "increase" if quality == "worse" else "decrease"
    # A smaller size is better, but for an improvement capped from above ("paranee enintään").
    part.lower_is_better = not (quality == "better" and part.qualifier == "at_most")
    part.threshold = _threshold(part)


def _names_a_change(figure: Indicator) -> bool:
    """A change noun stands right before the figure, but for a qualifier: *muutos enintään 3,0 %*."""
    at = figure.sentence.find(figure.text)
    words = [w for w in re.findall(r"[^\W\d_]+", figure.sentence[:max(at, 0)].lower()) if w not in QUALIFIER_WORDS]
    if not words:
        return False
    lemmas = finnish.lemmas(words[-1])
    # Voikko reads a -minen noun as its verb: "heikkeneminen" → "heiketä".
    return bool(lemmas & CHANGE_NAMING_NOUNS) or ("minen" in words[-1] and bool(lemmas & set(DIRECTION_LEMMAS)))


def _signed_change(figure: Indicator, baseline_figures: list[Indicator]) -> bool:
    """*+10 %*, *−3 %* against a baseline that is not a share: a change in per cent of the baseline."""
    return (figure.kind == "percent" and figure.unit == "%" and sign_of(figure) is not None
            and not any(b.kind == "percent" for b in baseline_figures))


def unit_case(text: str, figure: Indicator) -> str | None:
    """The case of the figure's unit word, from Voikko: *38 prosenttiin* → ``Ill``, *10 %:lla* → ``Ade``.

    The illative names the level to reach (*nousee 38 prosenttiin*), the
    adessive the size of a change (*nousee 10 prosentilla*); an ending after
    a colon (*%:iin*) is read as spoken.
    """
    words = text[figure.start:figure.end].split()
    ending = re.match(r":[a-zåäö]+", text[figure.end:figure.end + 6])
    word = (words[-1] if words else "") + (ending.group(0) if ending else "")
    if not word or (word[0].isdigit() and ":" not in word):
        return None
    cases = {VOIKKO_CASES.get(c) for c in finnish.case_names(word)} - {None}
    return cases.pop() if len(cases) == 1 else None


def _quantity(figure: Indicator, baseline_figures: list[Indicator], inverse_context: bool,
              case: str | None = None, goal_moves: bool = True) -> Part:
    part = Part(kind="quantity", text=figure.text, measure=figure.kind, value=float(figure.value),
                unit=figure.unit, qualifier=figure.qualifier)
    words = figure.text.lower()
    signed = False
    if _signed_change(figure, baseline_figures):
        signed = True
        part.value = abs(part.value)
        part.relative = True
        part.change = "increase" if sign_of(figure) == "+" else "decrease"
    elif sign_of(figure) and figure.kind in ("count", "money", "percent") and not any(
            b.kind == figure.kind and sign_of(b) for b in baseline_figures) and (
            figure.kind == "percent" or goal_moves or any(b.kind == figure.kind for b in baseline_figures)):
        # A signed sum with nothing to change from and a goal that names no change is a level: "Talousarvio
        # −184,0 M€" under "Toimintakate ei ylitä talousarviota".
        # Not against a signed baseline: "−4 %" after "Lähtötaso −3 %" is a level of a rate.
        # "+15 km", "−2 000 €", "+2 %-yks.": a change of that size from the baseline.
        signed = True
        part.value = abs(part.value)
        part.points = figure.unit == "prosenttiyksikkö"
        part.relative = figure.kind == "percent" and not part.points
        part.change = "increase" if sign_of(figure) == "+" else "decrease"
    elif case == LEVEL_CASE and figure.unit != "prosenttiyksikkö":
        # "nousee 85 prosenttiin", "laskee 7 %:iin": a level to reach, whichever way it moves.
        part.lower_is_better = figure.direction == "decrease" or figure.qualifier in ("at_most", "under")
        part.threshold = part.value
        return part
    elif case == CHANGE_CASE and figure.kind == "percent" and figure.unit != "prosenttiyksikkö":
        part.relative = True
        part.change = figure.direction or ("decrease" if inverse_context else "increase")
    elif figure.kind == "percent" and figure.unit == "prosenttiyksikkö":
        part.points = True
        part.change = figure.direction or ("decrease" if inverse_context else "increase")
    elif figure.kind == "percent" and (figure.direction or any(w in words for w in RELATIVE_CHANGE_WORDS)):
        part.relative = True
        part.change = figure.direction or ("decrease" if inverse_context else "increase")
    elif figure.direction:
        part.change = figure.direction
    if part.change and signed and figure.qualifier in ("at_least", "at_most", "over", "under"):
        # The qualifier bounds the signed change: "muutos vähintään −100" keeps the level at or above the
        # baseline less 100, "enintään +2,5 %" at or below the baseline and 2,5 %.
        part.lower_is_better = figure.qualifier in ("at_most", "under")
    elif part.change:
        # A ceiling on a change turns its direction round: "laskee enintään 1,5 %" keeps the level at or
        # above the threshold, "kasvaa enintään 3 %" at or below it.
        part.lower_is_better = (part.change == "decrease") != (figure.qualifier == "at_most")
    else:
        part.lower_is_better = figure.qualifier in ("at_most", "under") or (
            inverse_context and figure.qualifier is None)
    baseline = _baseline_for(part, baseline_figures)
    if baseline is not None:
        part.baseline = float(baseline.value)
        part.baseline_kind, part.baseline_unit = baseline.kind, baseline.unit
    part.threshold = _threshold(part)
    return part


def _baseline_for(part: Part, baseline_figures: list[Indicator]) -> Indicator | None:
    if part.relative or part.change:
        # "vähenee 10 prosentilla" of a count baseline ("Keskeyttäneiden määrä 496"), or of a rate.
        wanted = ("count", "money", "percent") if part.relative else (part.measure,)
    else:
        wanted = (part.measure,)
    for kind in wanted:
        for figure in baseline_figures:
            if figure.kind == kind and (part.unit is None or figure.unit in (None, part.unit, "kpl")
                                        or kind != part.measure or part.relative or part.points):
                return figure
    return None


def _threshold(part: Part) -> float | None:
    sign = -1 if part.change == "decrease" else 1
    if part.relative:
        return part.baseline * (1 + sign * part.value / 100) if part.baseline is not None else None
    if part.points or part.change:
        return part.baseline + sign * part.value if part.baseline is not None else None
    return part.value


def _in_component(doc, figure: Indicator) -> bool:
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    return span is not None and any(t.lower_ == COMPONENT_WORD for t in doc[max(span.start - 3, 0):span.start])


def _component(sentence) -> Part | None:
    """*10 yhteistyökumppania, joista osa kansainvälisiä toimijoita*: a required kind among the counted."""
    for token in sentence:
        if token.lower_ == COMPONENT_WORD:
            rest = sentence.doc[token.i + 1:sentence.end]
            lemmas = frozenset(t.lemma_.lower() for t in rest if t.pos_ in ("NOUN", "ADJ", "PROPN")
                               and t.lemma_.lower() not in GENERIC_LEMMAS)
            if lemmas:
                text = sentence.doc.text[token.idx:rest[-1].idx + len(rest[-1].text)].rstrip(".")
                return Part(kind="component", text=text, lemmas=lemmas)
    return None


def _same_level(first: Part, second: Part) -> bool:
    """Two parts ask for one level: equal thresholds, or equal to the decimals the second is printed with
    (*10 %:n lasku (≤ 12,8 %)* from 14,2 % implies 12,78)."""
    if first.threshold is None or second.threshold is None:
        return False
    if abs(first.threshold - second.threshold) <= 0.001 * abs(second.threshold):
        return True
    printed = re.search(r"\d(?:[,.](\d+))?\D*$", second.text)
    decimals = len(printed.group(1) or "") if printed else 0
    return second.change is None and round(first.threshold, decimals) == round(second.threshold, decimals)


def _between_marks(span, mark: str) -> list:
    """The non-empty pieces of ``span`` between tokens ``mark`` (``;`` for a target's clauses, ``,`` for a metric's
    items), as spans; the span itself when it has none."""
    edges = [span.start - 1, *[t.i for t in span if t.text == mark], span.end]
    return [span.doc[a + 1:b] for a, b in pairwise(edges) if b > a + 1]


def _clauses(sentence) -> list:
    """A target's clauses: between semicolons, and each item of a numbered list (*1) … valmistuu, 2) …
    otetaan käyttöön, 3) …*) on its own."""
    out = []
    for piece in _between_marks(sentence, ";"):
        starts = [t.i for t in piece if t.i + 1 < piece.end and t.like_num and t.doc[t.i + 1].text == ")"
                  and (t.i == piece.start or t.doc[t.i - 1].text in (",", ":"))]
        edges = [piece.start, *[i for i in starts if i > piece.start], piece.end]
        out += [piece.doc[a:b] for a, b in pairwise(edges) if b > a]
    return out


def _deliverable(sentence, named_elsewhere: frozenset[str] = frozenset()) -> Part | None:
    """*Esiselvitys valmis.*, *opintopolut rakennettu*, *toimintamalleja käytössä*, *Verkkosivut uudistetaan*.

    A target that names no thing of its own (*Tavoitetaso: käytössä elokuussa 2024*) is about what the metric
    or the goal names (``named_elsewhere``).
    """
    # "rakentaminen alkaa 2012", "peruskorjaus valmistuu": a start or an end asked is a thing to happen too;
    # not "alkaa parantua" (begins to), nor "Molemmat hankkeet valmistuvat", which is the goal's things.
    asked = not any(t.lower_ in BOTH_WORDS for t in sentence) and any(
        t.pos_ == "VERB" and t.lemma_.lower() in STARTED_LEMMAS | FINISHING_LEMMAS
        and not (t.i + 1 < len(t.doc) and "Inf" in t.doc[t.i + 1].morph.get("VerbForm")) for t in sentence)
    done = asked or any(is_done_word(t) or _planned(t) or t.lower_ in UNDER_WAY_ASKED_WORDS for t in sentence)
    if not done:
        return None
    lemmas = frozenset(t.lemma_.lower() for t in sentence if t.pos_ in ("NOUN", "PROPN")
                       and t.morph.get("Case") and set(t.morph.get("Case")) & CORE_CASES
                       and t.lemma_.lower() not in GENERIC_LEMMAS) or named_elsewhere
    if not lemmas:
        return None
    return Part(kind="deliverable", text=sentence.text.strip(), lemmas=lemmas)


def _planned(token) -> bool:
    """A thing to be done, in the present passive of a target: *uudistetaan*, *laaditaan*, *järjestetään*.

    Not continuing work (*jatketaan*, *kehitetään*), which is a qualitative aim.
    """
    morph = token.morph
    return (token.pos_ == "VERB" and "Pass" in morph.get("Voice") and "Pres" in morph.get("Tense")
            and "Fin" in morph.get("VerbForm") and token.lemma_.lower() not in PROGRESS_LEMMAS | ONGOING_LEMMAS)


def is_done_word(token) -> bool:
    """A word saying something was done: *valmis*, *käytössä*, *on laadittu*, *toteutettiin*.

    Past participles count in the nominative only (*rakenteita on luotu*),
    not as attributes in other cases (*suunnitelluista sijainneista*); work
    under way (*eteni*, *valmisteltu*) is progress, not done.
    """
    lemma = token.lemma_.lower()
    word = token.lower_
    if lemma in DONE_LEMMAS or word in DONE_WORDS:
        return True
    if any(lemma == verb and _next_is(token, following) for verb, following in DONE_PHRASES):
        return True
    if token.pos_ != "VERB" or lemma in PROGRESS_LEMMAS | SETBACK_LEMMAS | MOVED_LEMMAS:
        return False
    morph = token.morph
    if "Past" in morph.get("PartForm"):
        return morph.get("Case") in ([], ["Nom"])
    return "Fin" in morph.get("VerbForm") and "Past" in morph.get("Tense")


def _next_is(token, word: str) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == word


def content_lemmas(doc, skip_cases: frozenset[str] = frozenset()) -> frozenset[str]:
    """Lemmas of the nouns, names and adjectives of ``doc`` that are not too general (:data:`GENERIC_LEMMAS`).

    ``skip_cases`` leaves out words in those cases (spaCy's *Case* feature, e.g. ``Ela``).
    """
    if doc is None:
        return frozenset()
    return frozenset(t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "PROPN", "ADJ")
                     and t.lemma_.lower() not in GENERIC_LEMMAS and not names_time(t.lemma_.lower())
                     and not set(t.morph.get("Case")) & skip_cases)


def seasons(text: str) -> list[tuple[int, int]]:
    """The months of each season a text names, by Voikko's lemmas: *Syksyllä 2024* → [(9, 11)],
    *syyslukukaudella* → [(8, 12)]."""
    return [SEASON_MONTHS[lemma] for word in re.findall(r"[^\W\d_]+", text)
            for lemma in sorted(finnish.lemmas(word)) if lemma in SEASON_MONTHS]


def names_time(lemma: str) -> bool:
    """*elokuu*, *syksy*, *syyslukukausi*, *vuosi*: when something is due, not what."""
    return lemma == YEAR_LEMMA or lemma in SEASON_MONTHS or (lemma.endswith("kuu") and lemma[:-3] in MONTHS)
