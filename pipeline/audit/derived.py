"""Figures the evidence implies but does not print: shares of a whole, totals of parts, ratios, changes.

*1 710 hakemusta 1 980:sta* → 86,4 %; *640 osallistujaa ja lisäksi 420* →
1 060; *1 386 oppilasta 72 opetusryhmässä* under *Oppilaita / opetusryhmä*
→ 19,25; *268,4 M€ (2023: 259,6 M€)* → +3,4 %. Each derived figure is an
:class:`~pipeline.records.Indicator` whose text shows the arithmetic, so the
audit's reason quotes it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import combinations, pairwise

from pipeline import finnish
from pipeline.audit import verdict
from pipeline.audit.columns import column_of
from pipeline.audit.target import content_lemmas, items_apart, stated_scale, states_percent
from pipeline.indicators import date_span, rounded, sentence_offset
from pipeline.lang_fi.cases import LEVEL_ENDING, OUT_OF_ENDING
from pipeline.lang_fi.change_words import (
    BASE_YEAR_PATTERN,
    EARLIER_CLAUSE_PATTERN,
    EARLIER_WORDS,
    EARLIER_YEAR_PATTERN,
    YEARLY_PATTERN,
)
from pipeline.lang_fi.function_words import (
    ADDING_WORDS,
    ALTERNATIVE_WORDS,
    CLAUSE_WORDS,
    CORE_CASE_NAMES,
    DIFFERENCE_WORDS,
    GENITIVE_CASE,
    LEVEL_CASE_NAMES,
    LOCATIVE_CASE_NAMES,
    NAMING_CASE_NAMES,
    NEGATED_PARTICIPLE,
    NET_PREFIX,
    OF_WHICH_WORDS,
    OUT_OF_CASE,
    PLACE_CASE_NAMES,
    SHARE_LEMMA,
    TOTAL_JOINING_WORDS,
    TOTAL_WORDS,
)
from pipeline.lang_fi.targets import (
    ALL_WORDS,
    BUDGET_COLUMNS,
    ELSEWHERE_WORDS,
    GENERIC_LEMMAS,
    NO_WHOLE_LEMMAS,
    OTHER_BASE_STEMS,
)
from pipeline.lang_fi.units import (
    COUNT_OF_SUFFIXES,
    COUNT_SCALES,
    COUNTED_ALIKE,
    CURRENCY_SCALES,
    KINDS_OF,
    MEASURE_UNITS,
    MINUS_SIGNS,
    MONEY_SCALES,
    MONEY_UNIT,
    PER_THING_PATTERN,
    PER_WORD_PATTERN,
    PERCENT_LABEL_PATTERN,
    PERSON_ENDINGS,
    PERSON_NOUNS,
    PERSON_UNIT,
    POINTS_UNIT,
    RATIO_MARK,
    UNIT_ABBREVIATIONS,
)
from pipeline.records import Indicator

#: Fields that report what happened, in the order they answer a target.
EVIDENCE_FIELDS: tuple[str, ...] = ("metric_status", "measures")


def derived_figures(docs: dict, indicators: list[Indicator], year: int | None = None) -> list[Indicator]:
    """Figures the evidence implies but does not print: a share of a whole, and parts that add up to a total.

    *1 710 hakemusta 1 980:sta* → 86,4 % (the second count in the elative,
    read by Voikko: *1 980:sta* is "out of 1 980"); *2 140 työntekijästä
    irtisanoutui 73* → 3,4 %; *640 osallistujaa ja lisäksi 420 osallistujaa*
    → 1 060 osallistujaa; *318 kerrostaloasuntoa ja 147 pientaloasuntoa* → 465.
    A metric that counts alternatives (*työhön tai koulutukseen siirtyneet*)
    adds the parts listed after *joista*: *6 240, joista 1 810 työllistyi ja
    402 aloitti koulutuksen* → 35,4 %. With the ``year`` reported on, figures dated by their year
    (*Kulutus vuonna 2022 oli 21,7 GWh ja vuonna 2024 20,5 GWh*) give the change between them.
    """
    out = []
    if year is not None:
        base_year = _base_year(docs)
        for name in EVIDENCE_FIELDS:
            out += _dated_changes(name, indicators, year, base_year)
    for name in EVIDENCE_FIELDS:
        out += _moves(name, indicators)
        out += _signed_changes(name, indicators)
        out += _stated_scale(name, docs.get("metric"), indicators)
    metric = docs.get("metric")
    metric_words, goal_words = _word_set(metric), _word_set(docs.get("goal"))
    # "työllistyy tai siirtyy koulutukseen" in the metric or the goal: the parts after "joista" add up.
    alternatives = bool((metric_words | goal_words) & set(ALTERNATIVE_WORDS))
    # "käynnit yhteensä" in the metric, "ovat yhteensä vähintään 14 M€" in the goal: the target counts a total.
    total_metric = bool((metric_words | goal_words) & set(TOTAL_WORDS))
    # "nettomuutto", "aloittaneet miinus lopettaneet": the second of two counts is taken away.
    net_metric = any(word.startswith(NET_PREFIX) or word in DIFFERENCE_WORDS for word in metric_words | goal_words)
    # "vuosikate / poistot", "Vuosikate/poistot": one amount over another (not "€/asukas").
    ratio_metric = metric is not None and (RATIO_MARK in metric.text or re.search(
        r"[a-zåäö]{3,}/[a-zåäö]{3,}", metric.text.lower()) is not None)
    per_things = _divisors(metric.text if metric is not None else "", docs.get("target"))
    numerators = _numerators(metric.text if metric is not None else "")
    # "Mittarit: liikevaihto; tulos", "1) ... 2) ...": metrics listed apart, each item's readings; two sums named
    # by different items are not parts of one total.
    listed = items_apart(metric.text) if metric is not None else None
    item_readings = [frozenset(lemma for word in re.findall(r"[^\W\d_]+", item) for lemma in finnish.lemmas(word))
                     for item in listed] if listed is not None else None
    # Every reading of every word: "osinko" is read as "osa" + "-ko" on its own, "valmistuneiden" is "valmistua".
    metric_lemmas = content_lemmas(metric) | metric_words | frozenset(
        lemma for word in metric_words for lemma in finnish.lemmas(word))
    # "osuus työvoimasta", "LED-valaisimien osuus katuvalaistuksesta": the whole a share is of.
    named = [t for key in ("goal", "metric") if docs.get(key) is not None for t in docs[key]]
    # The case by the tagger or by Voikko: the tagger reads "kuusivuotiaista" as a partitive.
    wholes = frozenset(t.lemma_.lower() for t in named if t.pos_ in ("NOUN", "VERB", "ADJ") and (
        "Ela" in t.morph.get("Case") or (t.is_alpha and OUT_OF_CASE in finnish.case_names(t.text))))
    share_metric = bool(wholes) or any(t.lemma_.lower() == SHARE_LEMMA for t in named)
    # "Laskuttamaton vesi": the share of what was not billed, when the evidence gives what was.
    negated = frozenset(lemma for t in named if t.is_alpha for lemma in _negated_verbs(t.text))
    for name in EVIDENCE_FIELDS:
        doc = docs.get(name)
        if doc is None:
            continue
        out += _fractions(name, doc)
        if share_metric or ratio_metric:
            out += _slashed_shares(name, doc, indicators)
        if share_metric:
            out += _named_wholes(name, doc, indicators, wholes)
        if ratio_metric:
            out += _ratios(name, doc, indicators, _ratio_sides(metric.text))
        if per_things:
            out += _per_thing(name, doc, indicators, per_things, numerators)
        if negated:
            out += _complements(name, doc, indicators, negated)
        counts = [i for i in indicators if i.field == name and i.kind in ("count", "money", "percent")
                  and i.value and not i.direction and i.unit != POINTS_UNIT]
        run: list[Indicator] = []  # parts that add up one after another: "11,5 M€, ja lisäksi 2,1 M€ ja 0,8 M€"
        for at, (first, second) in enumerate(pairwise(counts)):
            if run and run[-1] is not first:
                out += _run_total(name, run)
                run = []
            if first.sentence != second.sentence or first.kind != second.kind:
                continue
            between = doc.text[first.end:second.start].lower()
            if first.kind == "percent" and not said_earlier(between):
                continue  # two rates: only a year-on-year pair says anything
            if first.kind in ("count", "money") and _whole_first(first, second, between) and (
                    0 < second.value <= first.value):
                # "540 asukasta, joista 470", "240 linja-autosta 130": the whole named before its part.
                parts = [second]
                third = counts[at + 2] if at + 2 < len(counts) else None
                joining = doc.text[second.end:third.start].lower() if third is not None else ""
                if third is not None and third.sentence == second.sentence and _joined(
                        joining, adding_only=False) and (
                        alternatives or _names_verb(doc, second, third, metric_lemmas)
                        or _joined(joining, adding_only=True)
                        or (third.unit is not None and third.unit in metric_lemmas)):
                    # "joista 1 810 työllistyi ja 402 aloitti koulutuksen" under "työhön tai koulutukseen
                    # siirtyneiden osuus"; "joista työllistyi 1 020 ja koulutukseen siirtyi 410" under
                    # "Työllistyneiden ja koulutukseen siirtyneiden osuus".
                    parts.append(third)
                taken = sum(float(p.value) for p in parts)
                if taken <= first.value:
                    out.append(_share(name, doc, taken, first, first.start, parts[-1].end))
            elif (((first.unit == second.unit or second.unit is None or GENITIVE_CASE in unit_cases(second))
                   and _whole_second(second, doc.text))
                  or _same_thing_out_of(first, second, doc.text)) and (
                    0 < first.value <= second.value):
                # "1 486 ... 1 602:sta 3–5-vuotiaasta lapsesta": the whole's thing may follow further on.
                ending = re.match(r":[a-zåäö]+", doc.text[second.end:second.end + 6])
                end = second.end + (len(ending.group(0)) if ending else 0)
                out.append(_share(name, doc, float(first.value), second, first.start, end))
            elif said_earlier(between) and (first.unit == second.unit or second.unit is None) and (
                    0 < second.value != first.value or first.value < 0 > second.value != first.value):
                # "..., kun vuonna 2023 niitä oli 22 310"; "Toimintakate oli −1 182,6 M€ (2024: −1 155,4 M€)"
                out += _changes_from_earlier(name, first, second, rates_relative=True)
            elif net_metric and first.kind == "count" and (
                    first.unit is None or second.unit is None or same_thing(first.unit, second.unit)):
                # "Kuntaan muutti 812 henkeä ja sieltä muutti pois 846" under "nettomuutto": in less out.
                net = first.value - second.value
                out.append(Indicator(name, first.kind, net, first.unit if first.unit == second.unit else None, None,
                                     None, f"{first.text} − {second.text} = {verdict.fi_number(net)}", first.start,
                                     second.end, first.sentence))
            elif _adds_up(first, second, doc, between, total_metric, metric_lemmas, item_readings=item_readings):
                total = first.value + second.value
                # Parts counted in other words (vieras, osallistuja) make a total of no one unit.
                unit = first.unit if second.unit is None or same_thing(first.unit, second.unit) else None
                out.append(Indicator(name, first.kind, total, unit, None, None,
                                     f"{first.text} + {second.text} = {verdict.fi_number(total)}", first.start,
                                     second.end, first.sentence))
                run = (run or [first]) + [second]
        out += _run_total(name, run)
        if total_metric:
            out += _listed_total(name, doc, counts)
    return out


#: Between two counts of a list: a comma and the next part's name (*612 000, Tampere-talo 438 000*).
_LIST_NEXT = re.compile(r"\s*(?:[^\W\d_]+\s*)?,\s*[^\d,;.:()]{1,60}")
#: Before a list's last count: *ja* or *sekä* and its name (*sekä kirjastot 1 012 000 käyntiä*).
_LIST_LAST = re.compile(r"\s*(?:[^\W\d_]+\s*)?,?\s*(?:ja|sekä)\s+[^\d,;.:()]{1,60}", re.IGNORECASE)


def _listed_total(name: str, doc, counts: list[Indicator]) -> list[Indicator]:
    """Under a metric of a total, parts listed with commas and a last *ja* or *sekä*, each after its own name:
    *museot 612 000, Tampere-talo 438 000, … sekä kirjastot 1 012 000 käyntiä* → 2 358 000; also two parts in
    places (*Taidemuseossa kävi 71 240 ja Valveella 118 600 kävijää*). The parts count one thing: no unit, or
    units of one thing or counted alike."""
    out = []
    run: list[Indicator] = []
    for first, second in pairwise(counts):
        between = doc.text[first.end:second.start]
        opening = re.split(r"[.;:]\s", doc.text[:first.start])[-1].lower()
        # Not "1 200 000, joista museoissa 400 000 …", "130 000, edellisvuonna 120 000 …", nor other cities'.
        listed = (first.sentence == second.sentence and first.kind == second.kind == "count"
                  and not any(word in between.lower().split() for word in OF_WHICH_WORDS)
                  and not said_earlier(between.lower())
                  and not any(word in opening + between.lower() for word in ELSEWHERE_WORDS))
        if listed and _LIST_NEXT.fullmatch(between):
            run = (run or [first]) + [second]
            continue
        if listed and _LIST_LAST.fullmatch(between):
            run = (run or [first]) + [second]
            units = {part.unit for part in run} - {None, "kpl"}
            if all(same_thing(a, b) or counted_alike(a, b) for a, b in pairwise(sorted(units))):
                out.append(_sum_of(name, run, run[-1].unit if len(units) == 1 else None))
        run = []
    return out


def _run_total(name: str, run: list[Indicator]) -> list[Indicator]:
    """The total of three or more parts that each add up with the next (pairs are totalled already)."""
    if len(run) < 3:
        return []
    units = {part.unit for part in run} - {None}
    return [_sum_of(name, run, units.pop() if len(units) == 1 else None)]


def _sum_of(name: str, parts: list[Indicator], unit: str | None) -> Indicator:
    """The total of ``parts`` in ``unit``, its text the sum written out: *612 000 + 438 000 = 1 050 000*."""
    total = sum(part.value for part in parts)
    text = " + ".join(part.text for part in parts)
    return Indicator(name, parts[0].kind, total, unit, None, None, f"{text} = {verdict.fi_number(total)}",
                     parts[0].start, parts[-1].end, parts[0].sentence)


def around(figure: Indicator) -> tuple[str, str] | None:
    """The figure's sentence before and after its text; None when the text is not in it (a derived figure's
    arithmetic)."""
    at = sentence_offset(figure)
    return (figure.sentence[:at], figure.sentence[at + len(figure.text):]) if at >= 0 else None


def _word_before(figure: Indicator) -> str:
    words = (around(figure) or ("", ""))[0].split()
    return words[-1] if words else ""


def _all_of(figure: Indicator) -> bool:
    """*kaikki 161 päättänyttä*, *kaikille 84 lapselle*: the count is all there are."""
    return _word_before(figure).lower().strip(".,;:") in ALL_WORDS


def _word_set(doc) -> set[str]:
    """The lower-case words of a text field, punctuation stripped: *kpl)* → *kpl*."""
    return {w.strip(".,;:()").lower() for w in doc.text.split()} if doc is not None else set()


def said_earlier(between: str) -> bool:
    """The figure after ``between`` is an earlier year's: *(2023: 259,6 M€)*, *kun vuotta aiemmin heitä oli 695*."""
    return (re.search(EARLIER_YEAR_PATTERN, between) is not None or any(w in between for w in EARLIER_WORDS)
            or re.search(EARLIER_CLAUSE_PATTERN, between) is not None)


def level_reached(figure: Indicator) -> bool:
    """A moved figure written in the illative or translative is where the move ended: *lyheni 41 vuorokaudesta
    33 vuorokauteen*, *laski 6,8 %:iin*, *kasvoi 120:ksi*."""
    parts = around(figure)
    return bool(unit_cases(figure) & LEVEL_CASE_NAMES) or (
        parts is not None and re.match(LEVEL_ENDING, parts[1]) is not None)


def moved_from(figure: Indicator) -> bool:
    """A figure written in the elative, where a move started or the whole a share is of: *41 vuorokaudesta*,
    *6,4 %:sta*, *4,4 M€:sta*."""
    parts = around(figure)
    # A number word carries the case itself: "kolmelle yhtiölle viidestä".
    own = finnish.case_names(figure.text) if figure.text.isalpha() else frozenset()
    return OUT_OF_CASE in unit_cases(figure) | own or (
        parts is not None and re.match(OUT_OF_ENDING, parts[1]) is not None)


def endpoint(figure: Indicator) -> bool:
    """Where a move started or ended, not its size: *lyheni 41 vuorokaudesta 33 vuorokauteen*."""
    return level_reached(figure) or moved_from(figure)


def _moves(name: str, indicators: list[Indicator]) -> list[Indicator]:
    """A move from one level to another, the first in the elative and the second in the illative: *laski 6,4 %:sta
    5,7 %:iin* → −0,7 %-yks. and −10,9 %; *kasvoivat 4,71 miljoonasta 4,86 miljoonaan* → +3,2 % and +150 000."""
    figures = sorted((i for i in indicators if i.field == name and i.kind in ("count", "money", "percent")
                      and i.value), key=lambda i: i.start)
    out = []
    for first, second in pairwise(figures):
        between = (around(first) or ("", ""))[1]
        joined = second.text in between and re.fullmatch(r"(?::[a-zåäö]+)?\s+", between[:between.find(second.text)])
        if (joined and first.kind == second.kind and first.value != second.value and moved_from(first)
                and level_reached(second) and (first.unit == second.unit or None in (first.unit, second.unit))):
            out += _changes_from_earlier(name, second, first, rates_relative=True)
    return out


def _signed_changes(name: str, indicators: list[Indicator]) -> list[Indicator]:
    """A per cent written with its sign and no change word (*Yöpymiset +3,7 %*, *Lainakanta −2,1 %*): a change
    that way, as a change word would say."""
    out = []
    for figure in indicators:
        sign = re.match(rf"[+{MINUS_SIGNS}]", figure.text)
        if figure.field == name and figure.kind == "percent" and not figure.direction and sign and figure.value and (
                not _from_another_base(figure)):
            out.append(replace(figure, value=abs(float(figure.value)),
                               direction="increase" if sign.group(0) == "+" else "decrease"))
    return out


def _from_another_base(figure: Indicator) -> bool:
    """A signed per cent measured from a budget, the target or other cities, not from the year before:
    *(+3,5 % TA:sta)*, *tavoitteesta +4 %*, *kuusikossa +4,1 %*."""
    parts = around(figure)
    if parts is None:
        return True
    near = f"{parts[0][-30:]} {parts[1][:20]}".lower()
    words = re.findall(r"[^\W\d_][\w:]*", near)
    return any(word.startswith(OTHER_BASE_STEMS) or word in _BUDGET_WORDS for word in words) or any(
        word in near for word in ELSEWHERE_WORDS)


#: The budget's labels as words of their own (*TA*).
_BUDGET_WORDS = frozenset(kind.lower() for kind in BUDGET_COLUMNS)
#: A scale word in a figure's own text.
_SCALE_WORDS = "|".join(re.escape(w) for w in (*MONEY_SCALES, *CURRENCY_SCALES, *COUNT_SCALES))


def _stated_scale(name: str, metric, indicators: list[Indicator]) -> list[Indicator]:
    """Figures printed without the scale the metric or their table row states: *9,21* under *Käyntikerrat,
    milj.* or after *Käyntikerrat (milj.) | TP 2024 | …* is 9 210 000; *−1 231,7* under *Toimintakate (M€)*
    is −1 231 700 000 €; *98,3* under *Käyttöaste (%)* is 98,3 %. The figure keeps its text, so its column
    and year are still read."""
    out = []
    in_percent = metric is not None and states_percent(metric.text)
    for figure in indicators:
        if figure.field != name or figure.kind != "count" or figure.unit is not None:
            continue  # not "2 500 €", which has its own scale
        parts = around(figure)
        labelled = parts is not None and re.search(PERCENT_LABEL_PATTERN, parts[0]) is not None
        if (in_percent or labelled) and not figure.direction and 0 <= float(figure.value) <= 100 and (
                "," in figure.text or column_of(figure) is not None):
            # "Käyttöaste vuonna 2024: 98,3" under "Käyttöaste (%)": a rate printed without its sign.
            out.append(Indicator(name, "percent", figure.value, "%", figure.qualifier, None, figure.text,
                                 figure.start, figure.end, figure.sentence))
            continue
        if abs(float(figure.value)) >= 10_000 or re.search(_SCALE_WORDS, figure.text.lower()):
            continue  # already scaled: "9,2 milj.", "125 t€"
        # Euros per thing the metric states are a table's cells' unit, not every bare number's in its prose.
        in_table = column_of(figure) is not None
        found = next((s for s in (stated_scale(parts[0] if parts is not None else ""),
                                  stated_scale(metric.text if metric is not None else "", per_thing=in_table))
                      if s is not None), None)
        if found is None:
            continue
        multiplier, money = found
        kind = "money" if money else "count"
        out.append(Indicator(name, kind, rounded(float(figure.value) * multiplier), MONEY_UNIT if kind == "money"
                             else None, figure.qualifier, figure.direction, figure.text, figure.start, figure.end,
                             figure.sentence))
    return out


def _base_year(docs: dict) -> int | None:
    """The year a target counts its change from: *−5 % vuoden 2007 tasosta*, *5 % pienempi kuin vuonna 2007*."""
    texts = [docs[name].text for name in ("target", "goal") if docs.get(name) is not None]
    if any(re.search(YEARLY_PATTERN, text, re.IGNORECASE) for text in texts):
        return None  # "+2 % vuodessa": each year against the one before
    found = next((m for text in texts if (m := re.search(BASE_YEAR_PATTERN, text, re.IGNORECASE))), None)
    return int(next(g for g in found.groups() if g)) if found is not None else None


def _dated_changes(name: str, indicators: list[Indicator], year: int, base_year: int | None = None
                   ) -> list[Indicator]:
    """*vuonna 2022 oli 21,7 GWh ja vuonna 2024 20,5 GWh*, *Syksyn 2023 kyselyssä osuus oli 9,2 %. Syksyn 2024
    kyselyssä ... 6,8 %*, *TP 2023 | TP 2024 — 205,1 GWh | 198,4 GWh*: each figure dated by its column or by the
    year named last before it; this year's against the latest earlier year's of the same kind and unit, or
    against the ``base_year``'s when the target counts from it (*−5 % vuoden 2007 tasosta*)."""
    dated: list[tuple[Indicator, int]] = []
    when = None
    for figure in sorted((i for i in indicators if i.field == name), key=lambda i: i.start):
        if figure.kind == "date":
            span = date_span(figure.value)
            when = span[0].year if span is not None and span[0].year == span[1].year else None
        elif figure.kind in ("count", "money", "percent") and figure.value and not figure.direction and (
                figure.unit != POINTS_UNIT):
            # A figure in a flattened table is dated by its column (a budget's or other cities' by none), others
            # by the year named last before them.
            column = column_of(figure)
            dated += [(figure, column.year)] if column is not None and not (column.budget or column.peer) else [
                (figure, when)] if column is None and when is not None else []
    out = []
    for now, now_year in dated:
        if now_year != year:
            continue
        # The latest earlier year's figure: *TP 2022 | TP 2023 | TP 2024* compares 2024 with 2023.
        earlier = [(b_year, b) for b, b_year in dated if b_year < year and b.kind == now.kind and b.unit == now.unit]
        base = [pair for pair in earlier if pair[0] == base_year]
        before = max(base or earlier, key=lambda pair: pair[0])[1] if earlier else None
        if before is not None and before.value != now.value:
            out += _changes_from_earlier(name, now, before, rates_relative=True)
    return out


def _changes_from_earlier(name: str, now: Indicator, before: Indicator, *, rates_relative: bool = False
                          ) -> list[Indicator]:
    """This year's figure against an earlier one: the change in per cent (in percentage points for rates,
    and with ``rates_relative`` in per cent of the earlier rate too) and, for counts and sums, in the figures'
    own unit (*18,9 M€ (2023: 20,4 M€)* → −7,4 % and 1,5 M€ down)."""
    if now.kind != "percent" and now.value < 0 and before.value < 0:
        # Two net costs (toimintakate −1 182,6 M€ after −1 155,4 M€): the sum grew by its size. Not rates:
        # −0,2 % after −0,5 % is a rise.
        now, before = replace(now, value=-now.value), replace(before, value=-before.value)
    direction = "increase" if now.value > before.value else "decrease"
    sign = "+" if direction == "increase" else "−"
    compared = f"{now.text} ({before.text} aiemmin) = {sign}"
    difference = abs(float(now.value) - float(before.value))
    span = (now.start, before.end, now.sentence)
    if now.kind == "percent":
        change = round(difference, 2)
        points = [Indicator(name, "percent", change, POINTS_UNIT, None, direction,
                            f"{compared}{verdict.fi_number(change)} %-yks.", *span)]
        if not rates_relative or before.value <= 0 or now.value < 0:
            return points  # no per cent of a rate at or below zero, nor across it
        relative = round(100 * difference / float(before.value), 1)
        return [Indicator(name, "percent", relative, "%", None, direction,
                          f"{compared}{verdict.fi_percent(relative)}", *span), *points]
    amount = round(difference, 2)
    by_amount = Indicator(name, now.kind, amount, now.unit, None, direction, f"{compared}{verdict.fi_number(amount)}",
                          *span)
    if before.value <= 0 or now.value < 0:
        return [by_amount]  # a result that turned from loss to surplus has no change in per cent
    change = round(100 * difference / float(before.value), 1)
    return [Indicator(name, "percent", change, "%", None, direction, f"{compared}{verdict.fi_percent(change)}", *span),
            by_amount]


def _ratio_sides(metric_text: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The readings of the words on each side of a metric's slash: *myydyt liput / myytävissä olleet paikat*."""
    sides = re.split(r"\s/\s|(?<=[a-zåäö])/(?=[a-zåäö])", metric_text.lower(), maxsplit=1)
    if len(sides) != 2 or re.search(rf"\b{SHARE_LEMMA}", metric_text.lower()):
        return None  # "Työllistyneiden/koulutukseen siirtyneiden osuus": the slash is "or"
    return tuple(frozenset(lemma for word in re.findall(r"[^\W\d_]+", side) for lemma in finnish.lemmas(word))
                 for side in sides)


def _named_by(figure: Indicator, readings: frozenset[str], *, heads: bool = True) -> bool:
    """The figure's counted noun, before or after it, is one of ``readings`` or, with ``heads``, the last part
    of one (*suorite* of *liikennesuorite*)."""
    names = readings | ({finnish.compound_head(reading) for reading in readings} if heads else set())
    return figure.unit in readings or bool(finnish.lemmas(_word_before(figure)) & names)


def _ratios(name: str, doc, indicators: list[Indicator],
            sides: tuple[frozenset[str], frozenset[str]] | None = None) -> list[Indicator]:
    """Under a metric of one thing per another (*Oppilaita / opetusryhmä*): two counts side by side make the
    ratio, *1 386 oppilasta 72 opetusryhmässä* → 19,25, or a share when the first fills the second
    (*412 oppilasta 420 oppilaspaikalla* → 98,1 %); so do two counts each named by a side of the metric
    (*Myytyjä lippuja 61 380, myytävissä olleita paikkoja 73 300* under *myydyt liput / myytävissä olleet
    paikat*)."""
    out = []
    counts = [i for i in indicators if i.field == name and i.kind in ("count", "money") and i.value
              and not i.direction]
    for first, second in pairwise(counts):
        if first.sentence != second.sentence or first.kind != second.kind:
            continue
        if (sides is not None and first.kind == "count" and _named_by(first, sides[0])
                and _named_by(second, sides[1]) and not _named_by(first, sides[1], heads=False)):
            out += _quotient(name, first, second, as_share=float(first.value) <= float(second.value))
            continue
        columns = column_of(first), column_of(second)
        if None not in columns and first.kind == "money":
            # "TA 2023 (muutettu) 412,6 M€ | TP 2023 338,9 M€" under "toteutuneet menot / talousarvio": the actual
            # over the budget, whichever is printed first; one year's over the same year's, not "TP 2012 | TA 2013"
            # side by side. Two other cells of a table make no ratio.
            if (columns[0].budget != columns[1].budget and not (columns[0].peer or columns[1].peer)
                    and columns[0].year == columns[1].year):
                actual, budget = (second, first) if columns[0].budget else (first, second)
                out += _quotient(name, actual, budget, kind="money", as_share=True)
            continue
        side_by_side = first.kind == "count" and first.end + 1 >= second.start and second.unit
        if not (side_by_side or (first.kind == "money" and first.unit == second.unit and second.value > 0)):
            continue  # "Vuosikate oli 6,4 milj. € ja poistot 5,9 milj. €" under "Vuosikate / poistot"
        out += _quotient(name, first, second,
                         as_share=float(first.value) / float(second.value) <= 1 or first.kind == "money")
    return out


def _quotient(name: str, first: Indicator, second: Indicator, *, kind: str = "count", unit: str | None = None,
              as_share: bool = False) -> list[Indicator]:
    """*first / second = ratio*, and with ``as_share`` the same in per cent."""
    ratio = float(first.value) / float(second.value)
    text = f"{first.text} / {second.text}"
    out = [Indicator(name, kind, round(ratio, 2), unit, None, None, f"{text} = {verdict.fi_number(round(ratio, 2))}",
                     first.start, second.end, first.sentence)]
    if as_share:
        share = round(100 * ratio, 1)
        out.append(Indicator(name, "percent", share, "%", None, None, f"{text} = {verdict.fi_percent(share)}",
                             first.start, second.end, first.sentence))
    return out


def _negated_verbs(word: str) -> frozenset[str]:
    """*laskuttamaton* → {*laskuttaa*}: the verb a caritive participle (*-maton*, *-mätön*) denies."""
    denied = {a.get("BASEFORM", "").lower() for a in finnish.analyses(word.lower())
              if a.get("PARTICIPLE") == NEGATED_PARTICIPLE}
    return frozenset(finnish.lemmas(word) - denied) if denied else frozenset()


def _complements(name: str, doc, indicators: list[Indicator], negated: frozenset[str]) -> list[Indicator]:
    """A whole and the part the metric's caritive denies: *pumpattiin 3,12 milj. m³ vettä, ja asiakkaille
    laskutettiin 2,71 milj. m³* under *Laskuttamaton vesi / pumpattu vesi* → (3,12 − 2,71) / 3,12 = 13,1 %."""
    figures = [i for i in indicators if i.field == name and i.kind in ("count", "money") and i.value
               and not i.direction]
    out = []
    for whole, part in pairwise(figures):
        if whole.sentence != part.sentence or not 0 < part.value < whole.value:
            continue
        span = doc.char_span(whole.end, part.start, alignment_mode="contract")
        if span is None or not any(t.pos_ == "VERB" and finnish.lemmas(t.text) & negated for t in span):
            continue
        share = round(100 * (float(whole.value) - float(part.value)) / float(whole.value), 1)
        out.append(Indicator(name, "percent", share, "%", None, None,
                             f"({whole.text} − {part.text.rstrip('.')}) / {whole.text} = {verdict.fi_percent(share)}",
                             whole.start, part.end, whole.sentence))
    return out


def _divisors(metric: str, target) -> frozenset[str]:
    """What a metric divides by: *Oppilaita / opetusryhmä* → {*opetusryhmä*}, *nettokustannus €/asukas* (in the
    metric or the target) → {*asukas*}, every reading of the word. Not *120 tapahtumaa / 25 000 kävijää* in a
    target, which is two targets."""
    text = f"{metric} {target.text if target is not None else ''}".lower()
    words = [g for m in re.finditer(PER_THING_PATTERN, text) for g in m.groups() if g]
    if RATIO_MARK in metric:
        words += re.findall(r"[a-zåäö]+", metric.split(RATIO_MARK, 1)[1].lower())[:1]
    words = [UNIT_ABBREVIATIONS.get(word, word) for word in words]  # "htv" is "henkilötyövuosi"
    return frozenset(lemma for word in words for lemma in finnish.lemmas(word) | {word})


def _numerators(metric: str) -> frozenset[str]:
    """What a metric of one thing per another counts: *Ensisijaiset hakijat / aloituspaikat* → {*hakija*,
    *ensisijainen*}, every reading of each word; nothing when the metric has no ratio mark."""
    if RATIO_MARK not in metric:
        return frozenset()
    words = re.findall(r"[a-zåäö]{3,}", metric.split(RATIO_MARK, 1)[0].lower())
    return frozenset(lemma for word in words for lemma in finnish.lemmas(word) | {word})


def _per_thing(name: str, doc, indicators: list[Indicator], divisors: frozenset[str],
               numerators: frozenset[str] = frozenset()) -> list[Indicator]:
    """A sum or count and, later in the same field, the count of what the metric divides by: *Nettokustannukset
    olivat 1 252 000 €; asukkaita oli 24 896* under *€/asukas* → 50,29; *oppilaita oli 6 450 ja opetusryhmiä 312*
    under *Oppilaita / opetusryhmä* → 20,67. When the metric names what it counts (``numerators``) and the text
    gives a count of that, the count divided is that one, before or after the divisor: *264 aloituspaikkaa, ja
    ensisijaisia hakijoita oli 322* under *Ensisijaiset hakijat / aloituspaikat* → 1,22, not *kolmeen lajiin /
    264 aloituspaikkaa*."""
    figures = [i for i in indicators if i.field == name and i.kind in ("count", "money") and i.value
               and not i.direction]
    # Only when a count of the thing counted is there to choose: "eronneet / vakituinen henkilöstö" names no unit.
    counted = [f for f in figures if f.kind == "count" and any(same_thing(f.unit, n) for n in numerators)]
    out = []
    for a, b in pairwise(figures):
        for first, second in ((a, b), (b, a)) if counted else ((a, b),):
            if second.kind != "count" or not float(second.value).is_integer() or second.value < 2 or re.search(
                    r"\d,\d", second.text):
                continue  # a count of things divided by, not "14,25 lainaa asukasta kohden (2022: 13,6)"
            if second.unit:
                divides = any(same_thing(second.unit, d) for d in divisors)
            else:  # "asukkaita oli 31.12.2024 yhteensä 24 896": the thing named before its date
                span = doc.char_span(first.end, second.start, alignment_mode="contract")
                # also its number: "Asukasluku 31.12.2008 oli 576 632" under "/ asukas"
                divides = span is not None and any(
                    {lemma.removesuffix(suffix) for lemma in finnish.lemmas(t.text) for suffix in COUNT_OF_SUFFIXES}
                    & divisors for t in span if t.is_alpha)
            if not divides:
                continue
            if first.kind == "count" and (same_thing(first.unit, second.unit) or not (
                    first.unit or _names_numerator(first, numerators))):
                continue
            if counted and first.kind == "count" and first not in counted:
                continue
            # "61 vakituista työntekijää; vakituisia oli 812" under "eronneet / vakituinen henkilöstö, %": also
            # a share.
            out += _quotient(name, first, second, kind=first.kind,
                             unit=first.unit if first.kind == "money" else None,
                             as_share=first.kind == "count" and first.value < second.value)
    return out


def _names_numerator(figure: Indicator, numerators: frozenset[str]) -> bool:
    """A count printed without its noun whose clause names what the metric counts: *Lainoja kertyi vuonna 2008
    yhteensä 9,56 milj.* under *Kirjastolainat / asukas*."""
    heads = numerators | {finnish.compound_head(n) for n in numerators}
    parts = around(figure) or ("", "")
    before = re.split(r"[,;:]\s", parts[0])[-1]
    after = re.split(r"[,;:.]\s", parts[1])[0]
    if re.search(PER_WORD_PATTERN, before + " " + after, re.IGNORECASE):
        return False  # "16,6 asukasta kohti": already per thing
    # whole words, so that "e-lainoja" is not "lainoja"
    return any(finnish.lemmas(word) & heads for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", before))


def _slashed_shares(name: str, doc, indicators: list[Indicator]) -> list[Indicator]:
    """Two figures over a slash under a share or a ratio: *LED-valaisimia 2 140 / 3 480 kpl* → 61,5 %,
    *TP 2023 / TA 2023: 14,2 / 15,0 M€* under *Toteutuneet / budjetoidut investoinnit* → 94,7 %."""
    figures = sorted((i for i in indicators if i.field == name and i.kind in ("count", "money") and i.value
                      and not i.direction), key=lambda i: i.start)
    out = []
    for first, second in pairwise(figures):
        if first.kind != second.kind or not re.fullmatch(r"[\d \u00a0.,]+/\s*", doc.text[first.start:second.start]):
            continue
        if 0 < first.value <= second.value:
            out.append(_share(name, doc, float(first.value), second, first.start, second.end))
    return out


def _named_wholes(name: str, doc, indicators: list[Indicator], wholes: frozenset[str]) -> list[Indicator]:
    """Under a share of a whole, a count and then the whole, named by its noun or a total word:
    *työttömiä työnhakijoita oli 1 238 ja työvoima 17 260 henkeä* under *osuus työvoimasta* → 7,2 %;
    *LED-valaisimia 3 410 kpl, valaisimia kaikkiaan 5 520* → 61,8 %."""
    counts = [i for i in indicators if i.field == name and i.kind == "count" and i.value and not i.direction]
    out = []
    for first, second in pairwise(counts):
        if first.sentence != second.sentence or first.value == second.value:
            continue
        # A total of the same thing: not "kaksi kerrostaloa, joissa oli yhteensä 64 asuntoa".
        alike = first.unit in (None, "kpl") or second.unit in (None, "kpl") or same_thing(first.unit, second.unit)
        span = doc.char_span(first.end, second.start, alignment_mode="contract")
        between = list(span) if span is not None else []
        if first.value < second.value and any((t.lower_ in TOTAL_WORDS and alike) or t.lemma_.lower() in wholes
                                               for t in between[-2:]):
            out.append(_share(name, doc, float(first.value), second, first.start, second.end))
        elif first.value > second.value and any(t.lemma_.lower() in wholes and "Ela" in t.morph.get("Case")
                                                for t in between):
            # "318 perusopetuksen päättäneestä 311 sai opiskelupaikan" under "osuus päättäneistä".
            out.append(_share(name, doc, float(second.value), first, first.start, second.end))
    return out


def _share(name: str, doc, taken: float, whole: Indicator, start: int, end: int) -> Indicator:
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
             metric_lemmas: frozenset[str], *, item_readings: list[frozenset[str]] | None = None) -> bool:
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
    if not _joined(between, adding_only=False):
        return False
    if _joined(between, adding_only=True) and first.unit == second.unit and (
            _thing_after(doc, second) or "") in metric_lemmas:
        return True  # "18 400 k-m² asuinkerrosalaa, ja lisäksi kaavamuutos toi 7 900 k-m² asuinkerrosalaa"
    things = _thing_after(doc, first, naming_only=True), _thing_after(doc, second, naming_only=True)
    if None not in things and things[0] != things[1] and things[0] in metric_lemmas and (
            things[1] not in metric_lemmas):
        return False  # "164.000 k-m² asuntokerrosalaa ja lisäksi 71.000 k-m² toimitilakerrosalaa": another thing
    if total_metric and _named_items(doc, first, second, metric_lemmas):
        return True
    if not _same_doing(doc, first, second, metric_lemmas):
        return False
    if not total_metric and _names_other_thing(doc, first, second, metric_lemmas):
        return False
    same = first.unit == second.unit if first.kind == "money" else same_thing(first.unit, second.unit)
    # "46 opiskelijaa ... ja lisäksi 17 kansainvälisellä linjalla": a word in an oblique case is where, not what.
    elliptic = second.unit is None or (first.kind == "count" and bool(
        unit_cases(second) - CORE_CASE_NAMES) and not unit_cases(second) & CORE_CASE_NAMES)
    if _joined(between, adding_only=True):
        # "... oli 48, ja ... lisäksi 19"; "vaihdettiin LED-valaisimiksi 612, ja lisäksi ... 214 LED-valaisinta";
        # "18 650 vierasta ja lisäksi ... 12 300 osallistujaa" under "kävijät yhteensä".
        # "812 pitkäaikaistyötöntä ja lisäksi 480 henkilöä": people counted by the general word for a person.
        # "1 214 kerros- ja rivitaloasuntoa, ja lisäksi valmistui 472 omakotitaloa": counted alike.
        return (same or elliptic or first.unit is None or total_metric
                or (second.unit == PERSON_UNIT and _counts_people(first.unit))
                or _kinds_the_metric_counts(first.unit, second.unit, metric_lemmas)
                or counted_alike(first.unit, second.unit))
    own = _subject_before(doc, second)
    if not total_metric and own is not None and own not in metric_lemmas and not same_thing(own, first.unit):
        return False  # "Lainoja kertyi 276 500, ja asukasluku vuoden lopussa oli 24 480": another thing
    if second.unit is None and first.unit is not None and first.kind == "count":
        return True  # "Röyttään sijoittui kaksi uutta yritystä ja satama-alueelle yksi": the thing left out
    if first.unit is None and second.unit is not None and first.kind == "count" and _places_the_metric_names(
            doc, first, second, metric_lemmas):
        return True  # "Uimahalleissa kävi 1,16 milj. ja muissa sisäliikuntapaikoissa 1,81 milj. asiakasta"
    places = unit_cases(second) - CORE_CASE_NAMES
    following = doc.char_span(first.end, second.start, alignment_mode="contract")
    if places and first.kind == "count" and following is not None and len(following) and (
            finnish.case_names(following[0].text) & places):
        return True  # "187 asuntoa pientaloihin ja 126 kerrostaloihin": one thing in two places
    subjects = {_subject_before(doc, f) for f in (first, second)}
    if not total_metric and len(subjects) == 2 and None not in subjects:
        return False  # "liikevaihto oli 28,4 milj. euroa ja tilikauden tulos 1 085 000 euroa": two things
    if same and first.kind != "money" and first.unit in MEASURE_UNITS:
        return True  # "38.600 m² katuja ja 7.900 m² kevyen liikenteen väyliä": one measure, two places
    if first.kind == "money":
        # "osinko ja takauspalkkiot" names two parts of one sum; "liikevaihto; tulos" (``item_readings``) two
        # metrics, each its own figure.
        named = [_named_before(doc, f) for f in (first, second)]
        apart = item_readings is not None and None not in named and len(
            {next((k for k, item in enumerate(item_readings) if n in item), -1) for n in named}) > 1
        return same and (total_metric or (not apart and all(n and n in metric_lemmas for n in named)))
    if same and (total_metric or first.unit != second.unit):
        return True
    return bool(unit_cases(first) & unit_cases(second) - CORE_CASE_NAMES)


def _places_the_metric_names(doc, first: Indicator, second: Indicator, metric_lemmas: frozenset[str]) -> bool:
    """Each of two counts follows a place the metric names, in the same place case: *Uimahalleissa kävi
    1,16 milj. ja muissa sisäliikuntapaikoissa 1,81 milj.* under *sisäliikuntapaikkojen ja uimahallien
    käyntikerrat*: one thing counted in two places, its unit written once at the end."""
    figure = doc.char_span(first.start, first.end, alignment_mode="expand")
    between = doc.char_span(first.end, second.start, alignment_mode="contract")
    if figure is None or between is None:
        return False
    if said_earlier(between.text.lower()) or re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", between.text):
        return False  # "... ja edellisvuonna uimahalleissa 1,05 milj.": another year, not another place

    def places(tokens) -> list[tuple[frozenset[str], frozenset[str]]]:
        return [(cases, named) for t in tokens if t.is_alpha
                and (cases := finnish.case_names(t.text) & LOCATIVE_CASE_NAMES)
                and (named := finnish.lemmas(t.text) & metric_lemmas)]

    before = places(t for t in figure.sent if t.i < figure.start)
    after = places(between)
    # Two places: the same case, words that share no reading ("uimahalleissa" is "uimahalli" and "halli" at once).
    return any(cases & other_cases and not named & other for cases, named in before for other_cases, other in after)


def _named_items(doc, first: Indicator, second: Indicator, metric_lemmas: frozenset[str]) -> bool:
    """Each figure's own words name a different thing the metric names: *Kaupunginteatterissa oli 112 600
    katsojaa ja musiikkikeskuksen tapahtumissa 131 400 kävijää* under *kaupunginteatterin ja musiikkikeskuksen
    kävijät yhteensä*."""
    parts = around(first)
    if parts is None:
        return False
    clause = re.split(r"[,;:]\s", parts[0])[-1]
    between = doc.text[first.end:second.start]
    named = [{lemma for word in re.findall(r"[^\W\d_]+", text) for lemma in finnish.lemmas(word)}
             & metric_lemmas - GENERIC_LEMMAS for text in (clause, between)]
    return all(named) and not named[0] & named[1]


def _names_other_thing(doc, first: Indicator, second: Indicator, metric_lemmas: frozenset[str]) -> bool:
    """Right before the second figure, a word names what it counts, and the metric does not count that:
    *aloitti 306 uutta yritystä, ja lopettaneita oli 214* under *Aloittaneiden yritysten lukumäärä*;
    *asuinkerrosalaa 38 500 k-m² ja lisäksi liike- ja toimitilakerrosalaa 24 000 k-m²* under *asuinkerrosala*.
    A place (*ja satama-alueelle yksi*) names no thing."""
    span = doc.char_span(first.end, second.start, alignment_mode="contract")
    if span is None or not metric_lemmas:
        return False
    if (first.unit is not None and first.unit.isalpha() and first.unit not in MEASURE_UNITS
            and first.unit == second.unit and first.unit in metric_lemmas):
        # "omaa tuotantoa 1 318 asuntoa sekä yksityistä tuotantoa 5 864 asuntoa": both count the thing the
        # metric counts; the word before is a kind of it, not another thing (a measure, "24 000 k-m²", names
        # no thing: the word before it does).
        return False
    words = list(span)
    joins = [i for i, t in enumerate(words) if t.lower_ in ADDING_WORDS or t.lower_ in TOTAL_JOINING_WORDS]
    after = words[joins[-1] + 1:] if joins else words
    for token in after:
        if token.pos_ not in ("NOUN", "ADJ", "VERB") or not token.is_alpha:
            continue
        if token.pos_ == "VERB" and "Part" not in token.morph.get("VerbForm"):
            continue
        if not finnish.case_names(token.text) & NAMING_CASE_NAMES:
            continue  # "uusien katujen rakentamisen yhteydessä asennettiin 214": genitives qualify, they name no thing
        if not finnish.lemmas(token.text) & metric_lemmas:
            return True
    return False


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
    # Voikko has the last word on what is a verb: "varhaisiän" is tagged one, but is "varhaisikä".
    verbs = [t for t in tokens if t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm") and finnish.is_verb(t.text)]
    if all(finnish.lemmas(t.text) & metric_lemmas for t in verbs):
        return True
    # A verb the metric does not name: a different doing only if the first figure's own verb is one it names
    # ("sijoittui 9 uutta yritystä" vs "laajensi"); "varattiin 11 480 tuntia ... annettiin 940 tuntia" adds up.
    figure = doc.char_span(first.start, first.end, alignment_mode="expand")
    own = [t for t in figure.sent if t.idx < first.start and t.pos_ == "VERB"
           and "Fin" in t.morph.get("VerbForm")] if figure is not None else []
    return bool(own) and not finnish.lemmas(own[-1].text) & metric_lemmas


def _thing_after(doc, figure: Indicator, naming_only: bool = False) -> str | None:
    """The noun right after a figure and its unit: *7 900 k-m² asuinkerrosalaa* → *asuinkerrosala*; with
    ``naming_only``, only a noun that names what is counted (not *38 henkilöä kaupungin yksiköihin*, whose
    genitive qualifies a place)."""
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    at = span.end + (1 if naming_only and doc[span.end].pos_ == "SYM" and span.end + 1 < len(doc) else 0)
    token = doc[at]
    if naming_only and not (finnish.case_names(token.text) & NAMING_CASE_NAMES or "Nom" in token.morph.get("Case")):
        return None
    return token.lemma_.lower() if token.pos_ == "NOUN" else None


def _subject_before(doc, figure: Indicator) -> str | None:
    """The noun a figure is said of, before it in its clause: *liikevaihto oli 28,4 milj. euroa* → *liikevaihto*,
    *ja tilikauden tulos 1 085 000 euroa* → *tulos*; None when a place or nothing comes first."""
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None:
        return None
    for token in reversed(doc[span.sent.start:span.start]):
        if token.is_punct or token.pos_ in ("CCONJ", "NUM") or token.lower_ in ADDING_WORDS:
            return None
        if token.pos_ == "NOUN" and "Nom" in token.morph.get("Case"):
            return token.lemma_.lower()
        if token.pos_ not in ("AUX", "ADV", "NOUN", "ADJ"):
            return None
    return None


def _named_before(doc, figure: Indicator) -> str | None:
    """The noun right before a figure, what it is an amount of: *osinkoa 3,0 M€* → *osinko*."""
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    token = doc[span.start - 1]
    return token.lemma_.lower() if token.pos_ == "NOUN" else None


def unit_cases(figure: Indicator) -> frozenset[str]:
    """Voikko's cases of the unit word written after a figure (*33 vuorokauteen* → illative), if any."""
    words = figure.text.split()
    return finnish.case_names(words[-1]) if len(words) > 1 and words[-1].isalpha() else frozenset()


FRACTION = re.compile(r"(?<![\d/.,])(\d+)\s?/\s?(\d+)(?![\d/.,]\d)")
#: A fraction whose second number is this or more is a month and year (*8/2022*), not a share.
YEAR_FROM = 1900


def _fractions(name: str, doc) -> list[Indicator]:
    """*14/18 vastattiin ajallaan* → 77,8 %: a count out of a whole written with a slash (not *8/2022*)."""
    out = []
    for found in FRACTION.finditer(doc.text):
        part, whole = int(found.group(1)), int(found.group(2))
        if not 0 < part <= whole < YEAR_FROM:
            continue
        share = round(100 * part / whole, 1)
        sentence = next((s.text for s in doc.sents if s.start_char <= found.start() < s.end_char), doc.text)
        out.append(Indicator(name, "percent", share, "%", None, None, f"{found.group(0)} = {verdict.fi_percent(share)}",
                             found.start(), found.end(), sentence))
    return out


def same_thing(first: str | None, second: str | None) -> bool:
    """Units of counts that add up: the same, one a kind of the other (*vuokra-asunto*, *ARA-vuokra-asunto*),
    or two kinds of one thing (*kerrostaloasunto*, *pientaloasunto*: both *asunto*)."""
    if not (first and second):
        return False
    return (first == second or first.endswith(second) or second.endswith(first)
            or finnish.compound_head(first) == finnish.compound_head(second))


def _kinds_the_metric_counts(first: str | None, second: str | None, metric_lemmas: frozenset[str]) -> bool:
    """One count is a kind of the other's thing, and that thing is what the metric counts: *rivitaloasuntoa* and
    *omakotitaloa* under *valmistuneet asunnot* (not under *valmistuneet omakotitalot*)."""
    general = {KINDS_OF.get(unit, KINDS_OF.get(finnish.compound_head(unit))) for unit in (first, second) if unit}
    return (kind_of(first, second) or kind_of(second, first)) and bool(general & metric_lemmas)


def _counts_people(unit: str | None) -> bool:
    """The counted noun names people: *pitkäaikaistyötön*, *työntekijä*, *tamperelainen*, *nuori*."""
    return unit is not None and (unit in PERSON_NOUNS or unit.endswith(PERSON_ENDINGS)
                                 or finnish.compound_head(unit) in PERSON_NOUNS)


def kind_of(unit: str | None, thing: str | None) -> bool:
    """A count of ``unit`` is a count of ``thing`` too (:data:`KINDS_OF`): an *omakotitalo* is one *asunto*,
    not the other way round."""
    if not (unit and thing):
        return False
    return KINDS_OF.get(unit, KINDS_OF.get(finnish.compound_head(unit))) in (thing, finnish.compound_head(thing))


def counted_alike(first: str | None, second: str | None) -> bool:
    """Two counted nouns reports use for one count (:data:`COUNTED_ALIKE`): *katsojaa* and *kävijää*,
    *museokäynnit* and *kävijää*."""
    if not (first and second):
        return False
    readings = [{word, finnish.compound_head(word)} for word in (first, second)]
    return any(readings[0] & alike and readings[1] & alike for alike in COUNTED_ALIKE)


def _whole_first(first: Indicator, second: Indicator, between: str) -> bool:
    """The count ``first`` is the whole of the count after it: *540 asukasta, joista 470*, *240 autosta 130*,
    *2 140 työntekijästä irtisanoutui 73*, *1 486:sta oli kelpoisen hoitamana 1 058* — but not a change from
    one level to another (*180 kävijästä 150 kävijään*)."""
    words = [w.strip(".,;:") for w in between.split()]
    if any(w in OF_WHICH_WORDS for w in words):
        return True
    if re.match(OUT_OF_ENDING, between):  # "tehtävistä 1 486:sta oli kelpoisen hoitamana 1 058"
        return not level_reached(second)
    unit_word = first.text.split()[-1] if len(first.text.split()) > 1 else ""
    return bool(unit_word) and OUT_OF_CASE in finnish.case_names(unit_word) and not (
        unit_cases(second) & LEVEL_CASE_NAMES)


def _whole_second(second: Indicator, text: str) -> bool:
    """The figure ``second`` is the whole its predecessor is out of: *1 710 hakemusta 1 980:sta*, *3 102 lasta
    ikäluokan 3 737 lapsesta*, *14,2 milj. euroa 15,9 milj. euron talousarviosta*."""
    ending = re.match(r":[a-zåäö]+", text[second.end:second.end + 6])
    if ending:
        return OUT_OF_CASE in finnish.case_names(ending.group(0))
    if second.kind == "money":
        following = re.match(r"\s+([^\W\d_]+)", text[second.end:second.end + 40])
        return following is not None and OUT_OF_CASE in finnish.case_names(following.group(1))
    if OUT_OF_CASE in unit_cases(second):
        return True
    # "5 118 oppilasta kevään 2010 5 262 perusopetuksen päättäneestä": genitives before the elative whole (not
    # "5 000 oppilaan tavoitteesta", an aim).
    for word in _words_after_number(second, text, most=3, reach=60):
        cases = finnish.case_names(word)
        if OUT_OF_CASE in cases:
            return not finnish.lemmas(word) & NO_WHOLE_LEMMAS
        if GENITIVE_CASE not in cases:
            return False
    return False


def _same_thing_out_of(first: Indicator, second: Indicator, text: str) -> bool:
    """The thing ``first`` counts follows ``second`` in the elative a few words on: *2 486 lasta 9 812
    varhaiskasvatuksessa olevasta lapsesta* (the whole, whatever word the count took as its unit)."""
    if first.kind != "count" or first.unit is None or second.kind != "count":
        return False
    return any(first.unit in finnish.lemmas(word) and OUT_OF_CASE in finnish.case_names(word)
               for word in _words_after_number(second, text, most=4, reach=80))


def _words_after_number(figure: Indicator, text: str, *, most: int, reach: int) -> list[str]:
    """Up to ``most`` words right after the figure's number (its unit word first, if it has one), within
    ``reach`` characters: *9 812 varhaiskasvatuksessa olevasta lapsesta*."""
    number = re.match(r"[−-]?[\d \u00a0.,]*\d", text[figure.start:figure.end])
    after = figure.start + (number.end() if number else 0)
    words = re.match(rf"(?:\s+[^\W\d_]+){{1,{most}}}", text[after:after + reach])
    return words.group(0).split() if words is not None else []


def implied_shares(indicators: list[Indicator], all_of: bool = True) -> list[Indicator]:
    """For a share with nothing else to answer it: two counts of one thing in a sentence, the whole first,
    or a count right before the places it fills.

    *Nuorisovaltuusto teki 18 aloitetta ...; 14 aloitteeseen vastattiin ajallaan* → 77,8 %; *aloitti 213
    opiskelijaa 220 aloituspaikkaan* → 96,8 %; with ``all_of``, *kaikille 84 lapselle* → 100 %.
    """
    out = []
    for field_name in EVIDENCE_FIELDS:
        for figure in indicators:
            if all_of and figure.field == field_name and figure.kind == "count" and figure.value and _all_of(figure):
                # "Kaikki 161 päättänyttä saivat jatkopaikan", "laadittiin kaikille 84 lapselle": the whole.
                out.append(Indicator(field_name, "percent", 100.0, "%", None, None,
                                     f"{_word_before(figure)} {figure.text} = 100 %", figure.start, figure.end,
                                     figure.sentence))
        counts = [i for i in indicators if i.field == field_name and i.kind == "count" and i.unit and i.value
                  and not i.direction]
        for (i, first), (j, second) in combinations(enumerate(counts), 2):
            adjacent = j == i + 1
            if same_thing(first.unit, second.unit) and 0 < second.value < first.value:
                # "Lupia myönnettiin 312. ... sähköisesti haettiin 301 lupaa.": one thing, the whole first.
                whole, part = first, second
            elif adjacent and first.sentence == second.sentence and first.end + 1 >= second.start and (
                    unit_cases(second) & PLACE_CASE_NAMES) and 0 < first.value <= second.value:
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
