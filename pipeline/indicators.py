"""Figures in goal texts: percentages, counts, money and dates, with their meaning.

:func:`extract` reads one analysed field (a spaCy ``Doc`` from
:mod:`pipeline.nlp`) and returns :class:`~pipeline.records.Indicator`
records. Numbers are found on the characters, since the tokenizer keeps
``10kpl``, ``496/`` or ``1.1.-31.12.2021`` in one token; the tokens give the
rest: the unit noun's lemma (*664 työntekijää* → ``työntekijä``), number
words (``token._.number``), qualifiers (*vähintään*, *n.*) and change words
with their direction (*nousee*, *väheneminen*).

Patterns run from the most specific to the least, and a character belongs
to at most one indicator: *31.12.2020* is a date before it can be three
numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from pipeline import finnish
from pipeline.lang_fi.cases import LEVEL_ENDING, NUMERAL_CLASS, OUT_OF_ENDING, VOIKKO_CASES
from pipeline.lang_fi.change_words import (
    CHANGE_NOUN_LEMMAS,
    COMPARATIVE_DIRECTIONS,
    DIRECTION_LEMMAS,
    LEVEL_LEMMA,
    LEVEL_SIDE_WORDS,
)
from pipeline.lang_fi.dates import (
    MONTHS,
    SCHOOL_YEAR_END,
    SCHOOL_YEAR_START,
    SCHOOL_YEAR_WORDS,
    SEASON_MONTHS,
    YEAR_LEMMA,
)
from pipeline.lang_fi.function_words import CLAUSE_BREAKS, NOUN_PHRASE_COORDINATORS, SENTENCE_PART_BREAKS
from pipeline.lang_fi.qualifiers import DATE_QUALIFIERS, QUALIFIER_WORDS
from pipeline.lang_fi.targets import ACTUAL_COLUMNS, BUDGET_COLUMNS, COLUMN_LABEL_PATTERN
from pipeline.lang_fi.units import (
    AGE_PATTERN,
    COUNT_SCALES,
    CURRENCY_PATTERN,
    CURRENCY_SCALES,
    MINUS_SIGNS,
    MONEY_SCALES,
    MONEY_UNIT,
    PERCENT_PATTERN,
    POINTS_MARK,
    POINTS_UNIT,
    UNIT_ABBREVIATIONS,
)
from pipeline.nlp import analyse_goals
from pipeline.number_formats import parse_number
from pipeline.records import Goal, Indicator

#: How far (in tokens, inside the sentence) a change word may be from its figure.
DIRECTION_WINDOW = 8

_MONTH = "|".join(MONTHS)

# A number: "2 104" (space or no-break space groups thousands), "12.000" (dots group them, as in Kauhava's
# statement), "1.039,6" (dots and a decimal comma), "13,4", "664".
_NUM = r"(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d{1,3}(?:\.\d{3})+(?!\d)|\d+)(?:,\d+)?"
# Where a number may start: not inside a word or another number, nor after a hyphen that joins a range
# ("10-15", "2021-2022"); a hyphen after a space is a minus sign ("-15 %").
_START = r"(?<![\w.,/])(?<!\w-)"
NUMBER = re.compile(rf"{_START}({_NUM})(?![\d])")
_SEP = r"\s*[-–—]\s*"

_DATE_INTERVAL = re.compile(
    rf"(?<![\d.])(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}})?{_SEP}(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}})(?!\d)"
)
_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?![\d])")
_MONTH_YEAR = re.compile(r"(?<![\d./])(\d{1,2})/(\d{4})(?!\d)")
_MONTH_YEAR_RANGE = re.compile(rf"(?<![\d./])(\d{{1,2}})/(\d{{4}}){_SEP}(\d{{1,2}})/(\d{{4}})(?!\d)")
_SCHOOL_YEAR = re.compile(
    rf"\b(?:{'|'.join(SCHOOL_YEAR_WORDS)})\w*\s+((?:19|20)\d{{2}}){_SEP}((?:19|20)\d{{2}})(?!\d)", re.IGNORECASE
)
_WORD_YEAR = re.compile(r"\b([a-zåäö]+)\s+((?:19|20)\d{2})(?!\d)", re.IGNORECASE)
_YEAR_RANGE = re.compile(rf"(?<![\d.,])((?:19|20)\d{{2}}){_SEP}((?:19|20)\d{{2}})(?![\d])")
_MONTH_RANGE = re.compile(
    rf"\b({_MONTH})(?:kuu\w*)?{_SEP}({_MONTH})kuu\w*(?:\s+((?:19|20)\d{{2}})(?!\d))?", re.IGNORECASE
)
_MONTH_NAME = re.compile(rf"\b({_MONTH})kuu\w*(?:\s+((?:19|20)\d{{2}})(?!\d))?", re.IGNORECASE)
_PERCENT = re.compile(rf"{_START}({_NUM})\s*({PERCENT_PATTERN})", re.IGNORECASE)
# A sum's scale word and currency after its number: "1,2 milj. euroa", "125 t€".
_MONEY_TAIL = rf"\s*({'|'.join(re.escape(word) for word in MONEY_SCALES)})?\s*({CURRENCY_PATTERN})"
_MONEY = re.compile(rf"{_START}({_NUM}){_MONEY_TAIL}", re.IGNORECASE)
_SCALES = {**MONEY_SCALES, **CURRENCY_SCALES}
#: *5,02 / 4,85 M€*: the first of two sums over a slash takes the second's scale and currency.
_MONEY_PAIR = re.compile(rf"{_START}({_NUM})\s*/\s*({_NUM}){_MONEY_TAIL}", re.IGNORECASE)
_SCALED_COUNT = re.compile(
    rf"{_START}({_NUM})\s*({'|'.join(re.escape(word) for word in COUNT_SCALES)})(?![\wåäö])", re.IGNORECASE
)
_GOAL_ID = re.compile(r"(?<![\w.,])\d{1,2}\.\d{1,2}(?![\w.,])")


@dataclass(slots=True)
class _Match:
    kind: str
    value: float | int | str | None
    start: int
    end: int
    unit: str | None = None


def extract(doc, field: str, year: int | None = None) -> list[Indicator]:
    """The indicators of one field.

    Parameters
    ----------
    doc
        The field's text analysed by :func:`pipeline.nlp.load_nlp` (lemmas,
        parts of speech, sentences, ``token._.number``).
    field
        The goal field the text came from (``target``, ``metric_status``...).
    year
        The report year, given to dates without one (*syyskuussa*, *1.8.*).

    Returns
    -------
    list of Indicator
        In order of position. Besides the figure kinds (``percent``,
        ``count``, ``money``, ``date``) numbers that are not figures are
        returned with the kinds ``ordinal``, ``age``, ``id`` or ``list_item``.
    """
    text = doc.text
    taken = [False] * len(text)
    matches: list[_Match] = []

    def claim(match: _Match) -> None:
        if any(taken[match.start:match.end]):
            return
        for i in range(match.start, match.end):
            taken[i] = True
        matches.append(match)

    for match in find_dates(text, year):
        claim(match)
    for found in _MONEY_PAIR.finditer(text):
        scale = _SCALES.get((found.group(3) or found.group(4) or "").lower(), 1)
        claim(_signed(text, _Match("money", rounded(parse_number(found.group(1)) * scale), found.start(1),
                                   found.end(1), MONEY_UNIT)))
    for found in _MONEY.finditer(text):
        scale = _SCALES.get((found.group(2) or found.group(3) or "").lower(), 1)
        claim(_signed(text, _Match("money", rounded(parse_number(found.group(1)) * scale), found.start(), found.end(),
                                   MONEY_UNIT)))
    for found in _SCALED_COUNT.finditer(text):
        # "2,9 miljoonaa": one figure of 2 900 000, not 2,9 and the number word's 1 000 000.
        scale = COUNT_SCALES[found.group(2).lower()]
        claim(_signed(text, _Match("count", rounded(parse_number(found.group(1)) * scale), found.start(), found.end())))
    for found in _PERCENT.finditer(text):
        word = found.group(2).lower()
        unit = POINTS_UNIT if POINTS_MARK in word else "%"
        claim(_signed(text, _Match("percent", parse_number(found.group(1)), found.start(), found.end(), unit)))
    for found in _GOAL_ID.finditer(text):
        claim(_Match("id", found.group(0), found.start(), found.end()))
    for found in NUMBER.finditer(text):
        claim(_signed(text, _bare_number(text, found)))
    for token in doc:
        if token._.number is not None:
            claim(_Match("count", token._.number, token.idx, token.idx + len(token.text)))

    matches.sort(key=lambda m: m.start)
    return _row_units([_indicator(doc, field, m) for m in matches], text)


#: Between two values of one row of a table flattened into text: a bar, perhaps the next column's label
#: (*12.410 | 12.650*, *13,6 | 2022: 14,2*, *1 402 | TP 2023 1 038*).
_CELL_GAP = re.compile(rf"\s*\|\s*(?:{COLUMN_LABEL_PATTERN.replace('?P<kind>', '?:')})?\s*:?\s*", re.IGNORECASE)


#: What ends a row of a table printed as text, and so starts the next: a dash between rows (not the minus of a
#: number), also typed as two hyphens, a semicolon, or a line break.
ROW_BREAK = re.compile(r"\s(?:[—–]|--)\s|;\s|\n")
#: A row named by several metrics over bars (*Käyttäjiä | tyytyväisiä:*).
_SEVERAL_NAMES = re.compile(r"[^\W\d_]\s*\|\s*[^\W\d_][^|\d]*:")


def _row_units(indicators: list[Indicator], text: str) -> list[Indicator]:
    """A table row printed as text gives its unit once, after the last value: *12.410 | 12.650 | 12.598 €/lapsi*
    and *13,6 | 2022: 14,2 pv/htv* are all sums or all days; *1,16 | 1,81 milj. €* are both in millions. A bare
    number takes the kind, unit and scale of the value after it in the same row."""
    out = list(indicators)
    figures = [k for k, figure in enumerate(out) if figure.kind in ("count", "money", "percent")]
    scales = {}
    for k in figures:
        printed = NUMBER.search(out[k].text)
        number = parse_number(printed.group(1)) if printed is not None else 0
        scales[k] = abs(float(out[k].value)) / number if number else 1.0
    for this, after in reversed(list(pairwise(figures))):
        figure, unit_of = out[this], out[after]
        row_start = max((m.end() for m in ROW_BREAK.finditer(text, 0, figure.start)), default=0)
        if (figure.kind == "count" and figure.unit is None and not figure.direction and not figure.qualifier
                and (unit_of.unit is not None or unit_of.kind != "count")
                and _CELL_GAP.fullmatch(text, figure.end, unit_of.start)
                # "Käyttäjiä | tyytyväisiä: 1 200 | 85 %": a row of several metrics, each in its own unit
                and not _SEVERAL_NAMES.search(text, row_start, figure.start)
                # "980 000 | 1,02 milj.": a number of that size has its scale already
                and (scales[after] == 1.0 or abs(float(figure.value)) < 10_000)):
            out[this] = replace(figure, kind=unit_of.kind, unit=unit_of.unit,
                                value=rounded(float(figure.value) * scales[after]))
            scales[this] = scales[after]
    return out


def extract_fields(docs: dict, year: int | None = None) -> list[Indicator]:
    """The indicators of every analysed field of one goal (``{field: Doc}``), field by field."""
    return [i for name, doc in docs.items() for i in extract(doc, name, year)]


def extract_goals(goals: Iterable[Goal], year: int | None = None, mode: str = "fast") -> list[Goal]:
    """Fill ``goal.indicators`` for every goal; returns the goals."""
    goals = list(goals)
    for goal, docs in zip(goals, analyse_goals(goals, mode=mode), strict=True):
        goal.indicators = extract_fields(docs, year)
    return goals


# --- dates --------------------------------------------------------------------------------------


def find_dates(text: str, year: int | None) -> list[_Match]:
    found: list[_Match] = []
    for m in _MONTH_YEAR_RANGE.finditer(text):
        # "8/2022–7/2023": one period, not two months.
        first, last = (int(m.group(1)), int(m.group(2))), (int(m.group(3)), int(m.group(4)))
        if 1 <= first[0] <= 12 and 1 <= last[0] <= 12 and first[::-1] <= last[::-1]:
            found.append(_Match("date", f"{_iso_month(first[1], first[0])}/{_iso_month(last[1], last[0])}",
                                m.start(), m.end()))
    for m in _SCHOOL_YEAR.finditer(text):
        # "lukuvuonna 2022–2023": from August to July.
        start, end = int(m.group(1)), int(m.group(2))
        if end == start + 1:
            found.append(_Match("date", f"{start}-{SCHOOL_YEAR_START}/{end}-{SCHOOL_YEAR_END}",
                                m.start(1), m.end()))
    for m in _WORD_YEAR.finditer(text):
        # "keväällä 2023", "syksyn 2022 aikana": a season of the year, by Voikko's lemma of the word.
        lemmas = {a.get("BASEFORM", "").lower() for a in finnish.analyses(m.group(1).lower())}
        season = next((SEASON_MONTHS[lemma] for lemma in lemmas if lemma in SEASON_MONTHS), None)
        if season is not None:
            when = int(m.group(2))
            found.append(_Match("date", f"{_iso_month(when, season[0])}/{_iso_month(when, season[1])}",
                                m.start(), m.end()))
    for m in _DATE_INTERVAL.finditer(text):
        end_year = int(m.group(6))
        first = _iso_day(int(m.group(3) or end_year), int(m.group(2)), int(m.group(1)))
        last = _iso_day(end_year, int(m.group(5)), int(m.group(4)))
        if first and last:
            found.append(_Match("date", f"{first}/{last}", m.start(), m.end()))
    for m in _DATE.finditer(text):
        day = _iso_day(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if day:
            found.append(_Match("date", day, m.start(), m.end()))
    for m in _DAY_MONTH.finditer(text):
        # "1.8." with no year: the report's year.
        if year and (day := _iso_day(year, int(m.group(2)), int(m.group(1)))):
            found.append(_Match("date", day, m.start(), m.end()))
    for m in _MONTH_YEAR.finditer(text):
        if 1 <= int(m.group(1)) <= 12:
            found.append(_Match("date", f"{m.group(2)}-{int(m.group(1)):02d}", m.start(), m.end()))
    for m in _YEAR_RANGE.finditer(text):
        if int(m.group(1)) <= int(m.group(2)):
            found.append(_Match("date", f"{m.group(1)}/{m.group(2)}", m.start(), m.end()))
    for m in _MONTH_RANGE.finditer(text):
        when = int(m.group(3)) if m.group(3) else year
        first, last = MONTHS[m.group(1).lower()], MONTHS[m.group(2).lower()]
        found.append(_Match("date", f"{_iso_month(when, first)}/{_iso_month(when, last)}", m.start(), m.end()))
    for m in _MONTH_NAME.finditer(text):
        when = int(m.group(2)) if m.group(2) else year
        found.append(_Match("date", _iso_month(when, MONTHS[m.group(1).lower()]), m.start(), m.end()))
    return found


def _iso_day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _iso_month(year: int | None, month: int) -> str:
    # ISO 8601 writes a month of an unknown year as "--MM".
    return f"{year}-{month:02d}" if year else f"--{month:02d}"


def date_span(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a ``date`` figure's ISO value: ``2024-08`` → 1.8.–31.8.2024, ``2024`` → the
    year, ``2024-09/2024-11`` → 1.9.–30.11.2024; None for a month of no year (``--08``) or anything else."""
    first, _, last = str(value).partition("/")
    start, end = _day_bounds(first), _day_bounds(last or first)
    if start is None or end is None:
        return None
    return start[0], end[1]


def _day_bounds(text: str) -> tuple[dt.date, dt.date] | None:
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = int(text[:4]), int(text[5:])
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return dt.date(year, month, 1), following - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            day = dt.date.fromisoformat(text)
            return day, day
    except ValueError:
        return None
    return None


# --- numbers ------------------------------------------------------------------------------------


def _signed(text: str, match: _Match) -> _Match:
    """A minus written right before the digits makes the figure negative: *−7 798 €*, *tulos -3,2 %*.

    Only when the sign stands apart from what precedes it, so that *2021-2022*
    or *10-20* stay a range.
    """
    at = match.start - 1
    if at < 0 or text[at] not in MINUS_SIGNS or not isinstance(match.value, int | float):
        return match
    before = text[:at].rstrip()
    if at > 0 and not text[at - 1].isspace() and text[at - 1] != "(":
        return match
    if before and before[-1].isdigit() and not _after_a_year_label(before, match.value):
        return match
    return _Match(match.kind, -match.value, at, match.end, match.unit)


def _after_a_year_label(before: str, value: float) -> bool:
    """*TP 2010 −5.238 €/as.*: a column's kind and year head the figure and the sign is its own; *2010 −2012*
    and *2000 –2500 kävijää* are ranges."""
    return re.search(rf"\b(?:{'|'.join(ACTUAL_COLUMNS + BUDGET_COLUMNS)})\s*(?:19|20)\d{{2}}$", before,
                     re.IGNORECASE) is not None and not (float(value).is_integer() and 1900 <= value <= 2100)


def sentence_offset(figure: Indicator) -> int:
    """Where the figure's text stands in its sentence: where it occurs first as a whole (not the *5* of *15*
    nor of *1 5*), or −1 when it is not there (a derived figure's arithmetic)."""
    return text_offset(figure.sentence, figure.text)


@lru_cache(maxsize=8192)
def text_offset(sentence: str, text: str) -> int:
    """:func:`sentence_offset` by the strings, kept for the audit's many questions about one figure."""
    whole = re.search(rf"(?<![\d,.])(?<!\d[ \u00a0]){re.escape(text)}(?!\d)", sentence)
    return whole.start() if whole is not None else sentence.find(text)


def rounded(value: float) -> float | int:
    """A number times its scale as a figure's value: whole as an int, else to two decimals."""
    return int(value) if float(value).is_integer() else round(value, 2)


def _numbers_a_list(before: str, value: int) -> bool:
    """*1)* opens a list at the start of a line or after a label's colon; *2)* follows a *1)* on the same line."""
    if before.count("(") > before.count(")"):
        return False  # inside brackets: "(2023: 12) ..."
    if value == 1:
        return not before.strip() or before.rstrip().endswith(":")
    return re.search(rf"(?:^|[\s:]){value - 1}\)\s", before) is not None


def _bare_number(text: str, found: re.Match) -> _Match:
    start, end = found.span(1)
    value = parse_number(found.group(1))
    after = text[end:end + 12]
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and re.match(r"[.)]\s", after):
        return _Match("list_item", value, start, end + 1)
    before = text[line_start:start]
    if re.match(r"\)\s", after) and float(value).is_integer() and _numbers_a_list(before, int(value)):
        return _Match("list_item", value, start, end + 1)  # "Tavoitetaso: 1) 82 % 2) alle 12 %"
    if re.match(r"\.\s+[a-zåäö]", after):
        return _Match("ordinal", value, start, end + 1)  # "7. luokalle"
    age = re.match(AGE_PATTERN, after, re.IGNORECASE)
    if age:
        return _Match("age", value, start, end + age.end())  # "20-vuotiaiden"
    glued = re.match(r"[a-zåäö]+\d?", after, re.IGNORECASE)
    if glued:
        # "10kpl": a unit written onto the number.
        unit = UNIT_ABBREVIATIONS.get(glued.group(0).lower(), glued.group(0).lower())
        return _Match("count", value, start, end + glued.end(), unit)
    if isinstance(value, int) and 1900 <= value <= 2099 and " " not in found.group(1):
        return _Match("year?", value, start, end)
    return _Match("count", value, start, end)


# --- context from the tokens --------------------------------------------------------------------


def _indicator(doc, field: str, match: _Match) -> Indicator:
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    first, last = span.start, span.end  # token indices, end exclusive
    sentence = span.sent
    kind, unit = match.kind, match.unit
    if kind in ("count", "year?") and unit is None:
        unit_token = _unit_token(doc, last, sentence.end, match.end, _governed_cases(doc, match))
        if unit_token is not None:
            word = unit_token.text.lower()
            unit = UNIT_ABBREVIATIONS.get(word, UNIT_ABBREVIATIONS.get(word.rstrip("."), unit_token.lemma_.lower()))
            last = unit_token.i + 1
        elif kind == "count" and (named := _unit_before(doc, first, sentence.start)) is not None:
            unit = named.lemma_.lower()  # "Lainoja oli 1 985 000": the counted noun before its verb
    if kind == "year?":
        # A four-digit number is a year unless it counts something: "2000 asukasta";
        # after "vuoden", "vuonna" it is a year whatever follows: "vuoden 2023 tietoja".
        year_word = span.start > 0 and doc[span.start - 1].lemma_.lower() == YEAR_LEMMA
        # "valmistui 2023 118 asuntoa": another number after it is what is counted; the four digits are a year.
        number_follows = span.end < len(doc) and doc[span.end].like_num
        kind = "count" if unit and not year_word and not number_follows else "date"
        if kind == "date":
            unit, last = None, span.end
            match.value = str(match.value)
    qualifier = None
    direction = None
    if kind in ("percent", "count", "money"):
        qualifier, first = _qualifier(doc, first, sentence.start)
        direction, first = _direction(doc, first, last, sentence, unit)
        if direction and re.match(LEVEL_ENDING, doc.text[match.end:match.end + 8]) and not re.search(
                OUT_OF_ENDING, doc.text[max(0, match.start - 25):match.start]):
            # "arvosana nousi 4,1:een": the level reached, not the size of a change; but in "laski 2,1 %:sta
            # 1,7 %:iin" both figures belong to the move.
            direction = None
    elif kind == "date" and last < sentence.end and (qualifier := DATE_QUALIFIERS.get(doc[last].text.lower())):
        last += 1  # "31.12.2020 mennessä", "10/2020 alkaen"
    start = min(match.start, doc[first].idx)
    end = max(match.end, doc[last - 1].idx + len(doc[last - 1].text)) if last > span.end else match.end
    return Indicator(
        field=field,
        kind=kind,
        value=match.value,
        unit=unit if kind != "date" else None,
        qualifier=qualifier,
        direction=direction,
        text=doc.text[start:end],
        start=start,
        end=end,
        sentence=sentence.text.strip(),
    )


def _unit_token(doc, i: int, stop: int, number_end: int, cases: frozenset[str] | None):
    """The noun a count counts: *664 työntekijää*, *kahdeksan mahdollista oppilaitoskumppania*.

    ``cases`` are the cases the noun may have (``None``: any). A number word
    governs its noun: *kolme työpajaa* (partitive), *Kahden ...
    koordinaattorin* (the same case), *yksi uusi ... käytäntö*. Skips
    adjectives, participles, genitive and partitive modifiers in between and
    the first halves of coordinated compounds (*kieli- ja kulttuuri...*);
    stops at punctuation, verbs and anything written onto the number (*496/*).
    """
    if i < len(doc) and doc[i - 1].idx + len(doc[i - 1].text) > number_end:
        return None
    skipped = 0
    end = min(stop, len(doc))
    while i < end and skipped <= 4:
        token = doc[i]
        word = token.text.lower()
        if word.rstrip(".") in UNIT_ABBREVIATIONS:
            return token
        hyphen_follows = i + 1 < end and doc[i + 1].text == "-" and not token.whitespace_
        if (token.is_alpha and hyphen_follows) or token.text.endswith("-"):
            # "kieli- ja kulttuurikoordinaattorin": the first half of a compound.
            i, skipped = i + (2 if hyphen_follows else 1), skipped + 1
            continue
        nominal = token.pos_ in ("NOUN", "PROPN") or _nominalised_adjective(doc, i, end)
        if nominal:
            case = set(token.morph.get("Case"))
            if cases is None and case == {"Gen"} and _partitive_noun_follows(doc, i, end):
                i, skipped = i + 1, skipped + 1  # "94 välimallin vuokra-asuntoa": an attribute of the noun
                continue
            if cases is None or case & cases:
                return token
            if case & {"Gen", "Par"}:
                i, skipped = i + 1, skipped + 1  # "huoltajien osallisuutta vahvistava käytäntö"
                continue
            return None
        participle = token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm")
        if token.pos_ in ("ADJ", "NUM") or participle or (word in NOUN_PHRASE_COORDINATORS and skipped):
            i, skipped = i + 1, skipped + 1
            continue
        return None
    return None


def _partitive_noun_follows(doc, i: int, end: int) -> bool:
    """The token after ``i`` is a noun in the partitive, the case a number over one governs."""
    return i + 1 < end and doc[i + 1].pos_ == "NOUN" and "Par" in doc[i + 1].morph.get("Case")


def _unit_before(doc, first: int, sentence_start: int):
    """The counted noun before the number: *Lainoja oli 1 985 000*, *tunteja kertyi 3 120*, *verkkokäyntejä 87 600*.

    A noun in the partitive directly before the number, or directly before a
    verb (or *olla*) that directly precedes it; nothing else may stand between
    them. Not a word of change (*kasvua 5 %*).
    """
    before = first - 1
    if before >= sentence_start and doc[before].pos_ == "NOUN" and "Par" in doc[before].morph.get("Case") and (
            doc[before].is_alpha and doc[before].lemma_.lower() not in CHANGE_NOUN_LEMMAS):
        return doc[before]  # "ja verkkokäyntejä 87 600": the noun right before, with no verb
    verb = before
    if verb - 1 < sentence_start or doc[verb].pos_ not in ("VERB", "AUX"):
        return None
    noun = doc[verb - 1]
    # A sentence's first word may be tagged a name for its capital: "Lupia myönnettiin 312".
    nominal = noun.pos_ == "NOUN" or (noun.pos_ == "PROPN" and noun.i == sentence_start)
    if nominal and "Par" in noun.morph.get("Case") and noun.is_alpha:
        return noun
    return None


def _nominalised_adjective(doc, i: int, end: int) -> bool:
    """*1 756 nuorta*, *20 työtöntä*: an adjective in the partitive with no noun after it is the counted thing."""
    token = doc[i]
    if token.pos_ != "ADJ" or "Par" not in token.morph.get("Case"):
        return False
    following = doc[i + 1] if i + 1 < end else None
    return following is None or not (following.pos_ in ("NOUN", "ADJ") and "Par" in following.morph.get("Case"))


def _governed_cases(doc, match: _Match) -> frozenset[str] | None:
    """The cases a count's noun may take, from the number word's own case."""
    if match.kind == "year?":
        return frozenset({"Par"})  # "2000 asukasta" counts; "2021 aikana" is a year
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if len(span) != 1 or not span[0].is_alpha:
        return None  # digits: "50 opiskelijalla", "664 työntekijää"
    # Every case Voikko allows for the form: "kahdeksan" is nominative or genitive.
    cases = set()
    for analysis in finnish.analyses(span[0].text.lower()):
        case = VOIKKO_CASES.get(analysis.get("SIJAMUOTO", ""))
        if analysis.get("CLASS") != NUMERAL_CLASS or case is None:
            continue
        if case == "Nom":
            cases.add("Nom" if match.value == 1 else "Par")
        else:
            cases.add(case)
    return frozenset(cases) or None


def _below_a_years_level(tokens) -> bool:
    """*vuoden 1990 tason*, *edellisvuoden tason*: the level of a year, in the genitive."""
    words = list(tokens)
    level = next((k for k, t in enumerate(words) if t.lemma_.lower() == LEVEL_LEMMA), None)
    if level is None or "Gen" not in words[level].morph.get("Case"):
        return False
    before = words[:level]
    return any(re.fullmatch(r"(?:19|20)\d{2}", t.text) or YEAR_LEMMA in finnish.lemmas(t.text)
               or t.lemma_.lower().endswith(YEAR_LEMMA) for t in before)


def _nearer_number(doc, token, distance: int, sentence, after_figure: bool) -> bool:
    """A number stands nearer to the change word ``token`` on its far side from the figure: that one moved."""
    step = 1 if after_figure else -1
    for k in range(1, distance):
        j = token.i + step * k
        if not sentence.start <= j < sentence.end or doc[j].text == "(":
            return False  # not a number in an aside: "10 %:n lasku (≤ 12,8 %)"
        if doc[j].like_num and any(ch.isdigit() for ch in doc[j].text):
            return True
    return False


def _qualifier(doc, first: int, sentence_start: int) -> tuple[str | None, int]:
    """The qualifier word right before a figure: *vähintään 10 prosentilla*, *n. 90 %*."""
    i = first - 1
    if i >= sentence_start and (qualifier := QUALIFIER_WORDS.get(doc[i].text.lower())):
        return qualifier, i
    return None, first


def _direction(doc, first: int, last: int, sentence, unit: str | None = None) -> tuple[str | None, int]:
    best: tuple[int, str, int] | None = None
    for token in sentence:
        if unit is not None and token.lemma_.lower() == unit:
            continue  # "Nousuja kertyi 1,37 milj.": the boardings counted, not a rise
        direction = DIRECTION_LEMMAS.get(token.lemma_.lower()) or DIRECTION_LEMMAS.get(token.text.lower()) or (
            # "63 % pienemmät kuin vuonna 1990": a comparative right after the figure, which it measures; not
            # "8,1 % oli pienempi kuin koko maassa" (levels compared) nor "pienempi kuin 2,1 %" before it.
            COMPARATIVE_DIRECTIONS.get(token.lemma_.lower())
            if token.i == last and "Cmp" in token.morph.get("Degree") else None) or (
            # "31 % alle vuoden 1990 tason": below a year's level by the figure (not "alle 3-vuotiaiden", nor
            # "yli tavoitellun tason", a gap to the target).
            LEVEL_SIDE_WORDS.get(token.lower_) if token.i == last and _below_a_years_level(
                doc[token.i + 1:min(token.i + 5, sentence.end)]) else None)
        if direction is None or token.morph.get("PartForm") in (["Pres"], ["Agt"]):
            # "osallisuutta lisäävien mallien määrä": a present participle
            # describes a noun, it does not say which way a figure moved.
            continue
        distance = first - token.i if token.i < first else token.i - last + 1
        if token.i in range(first, last) or distance > DIRECTION_WINDOW:
            continue
        between = doc[token.i + 1:first] if token.i < first else doc[last:token.i]
        # A colon written onto the number is its case ending, no break: "10 %:n lasku".
        between = [t for t in between if not (t.text == ":" and not t.whitespace_ and t.i > 0
                                              and not doc[t.i - 1].whitespace_)]
        after_figure = token.i >= last
        breaks = CLAUSE_BREAKS if after_figure else SENTENCE_PART_BREAKS
        number_between = after_figure and any(t.like_num and any(c.isdigit() for c in t.text) for t in between)
        if (any(t.text in breaks for t in between) or number_between
                or _nearer_number(doc, token, distance, sentence, after_figure)):
            # "Osuus oli 1,7 % eli se laski 0,4 prosenttiyksikköä": "laski" moves the nearer 0,4;
            # "11,9 % eli 0,7 prosenttiyksikköä korkeampi": the comparative is the 0,7's;
            # "3 120, koska kesäaukioloa supistettiin": another clause. Before the figure a comma
            # may open an apposition: "väheneminen 10 prosentilla, noin 50 opiskelijalla".
            continue
        if best is None or distance < best[0]:
            best = (distance, direction, token.i)
    if best is None:
        return None, first
    distance, direction, i = best
    # "noussut 28,4 %": a change word right before the figure belongs to its text.
    return direction, (i if i == first - 1 else first)
