"""Numbers as Finnish reports print them, scale words and all.

:func:`figures` reads every number of a short text (a table cell such as
*1,54 milj.*, *-351 t€*, *70–100 %*, *>4*, *90 %<*, *4.*, *33/294*) into
:class:`Figure` records with the value scaled, the unit, a bound and whether
it is a rank, a signed change or a range:

- thousands grouped by spaces (*1 250 000*) or by dots as in Kauhava's
  statement (*12.000*, *9.716 €/asukas*); decimals after a comma (*15,78*)
  or, with one or two digits, after a dot (*3.9*);
- scale words multiply: *2,9 miljoonaa* is one figure, 2 900 000, not two;
- a minus sign may be a hyphen, an en dash or U+2212 (*−7 798 €*), with or
  without a space (*- 10 %*); between two numbers a dash is a range
  (*5,5-6M€*, *3–4*);
- years (*TP 2023*, *tulossa 2025*, *v.2022*) and dates (*1.1.2024*,
  *8/2022*) are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lang_fi.metric_rows import BOUND_AFTER, BOUND_BEFORE
from pipeline.lang_fi.units import COUNT_SCALES, CURRENCY_PATTERN, CURRENCY_SCALES, MONEY_SCALES, PERCENT_PATTERN

#: Scale words after a number, with or without a currency: *2,9 miljoonaa*, *1,54 milj.*, *125 t€*, *1,5 M€*.
SCALE_WORDS: dict[str, float] = {**MONEY_SCALES, **COUNT_SCALES, **CURRENCY_SCALES}


@dataclass(frozen=True, slots=True)
class Figure:
    """One number of a text, scaled to units (euros, per cent, counts).

    ``high`` is the upper end of a range (*70–100 %*: ``value`` 70, ``high``
    100). ``qualifier`` is ``at_least``, ``at_most``, ``over``, ``under`` or
    ``about``. ``signed`` marks a number written with a sign (*+2,5 %*), a
    change rather than a level. ``rank`` marks a place in a list (*4.*,
    *1.sija*); ``bracketed`` a number in brackets, a detail of the one
    before it (*35 (3 700)*). ``of`` is the denominator of *33/294*.
    """

    value: float
    unit: str | None
    text: str
    start: int
    end: int
    high: float | None = None
    qualifier: str | None = None
    signed: bool = False
    rank: bool = False
    bracketed: bool = False
    of: float | None = None
    points: bool = False


_NUM = r"\d{1,3}(?:[ \u00a0]\d{3}(?!\d))+(?:,\d+)?|\d{1,3}(?:\.\d{3}(?![\d,]))+|\d+(?:,\d+|\.\d{1,2}(?!\d))?"
_SCALE = "|".join(re.escape(w) for w in sorted(SCALE_WORDS, key=len, reverse=True))
_SIGN = r"[-+\u2212\u2013]"
_FIGURE = re.compile(
    rf"(?P<sign>(?<![\w\d,.]){_SIGN}\s?)?(?<![\d,.])(?P<num>{_NUM})"
    rf"(?:\s*[-\u2013\u2014]\s*(?P<high>{_NUM}))?"
    rf"(?P<rank>\.(?=\s|$|[a-zåäö]))?"
    rf"(?:\s*(?P<scale>{_SCALE})(?![a-zåäö]))?"
    rf"(?:\s*(?P<percent>{PERCENT_PATTERN})|\s*(?P<currency>{CURRENCY_PATTERN}))?"
    rf"(?:/(?P<of>{_NUM}))?",
    re.IGNORECASE,
)
_DATES = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{4})?|\b\d{1,2}/\d{4}\b|\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2}\b")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")


def _bound_words(words) -> str:
    """An alternation of bound words, longest first; a word that starts or ends in a letter matches only whole
    (*n.* or *n* before a number, never the end of *tehtiin 14*; *max* after one, never *maksu*)."""
    def one(word: str) -> str:
        before = r"(?<![\wåäö])" if word[0].isalpha() else ""
        after = r"(?![\wåäö])" if word[-1].isalpha() else ""
        return before + re.escape(word) + after
    return "|".join(one(w) for w in sorted(words, key=len, reverse=True))


_BEFORE = re.compile("(" + _bound_words(BOUND_BEFORE) + r")\s*$", re.IGNORECASE)
_AFTER = re.compile(r"^\s*(?:\w+\s+)?(" + _bound_words(BOUND_AFTER) + r")", re.IGNORECASE)


def parse_number(text: str) -> float | int:
    """*1 250 000* → 1250000, *12.000* → 12000 (Kauhava groups thousands with dots), *1.039,6* → 1039.6,
    *2,84* → 2.84, *3.9* → 3.9.

    A whole number written without decimals is an ``int``.
    """
    digits = text.replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
        digits = digits.replace(".", "")
    digits = digits.replace(",", ".")
    value = float(digits)
    return int(value) if value.is_integer() and "." not in digits else value


def figures(text: str | None) -> list[Figure]:
    """Every number of ``text`` as a :class:`Figure`, in order; dates and years left out."""
    if not text:
        return []
    masked = _DATES.sub(lambda m: " " * len(m.group(0)), text)
    has_words = bool(re.search(r"[a-zåäö]{3,}", text, re.IGNORECASE))
    found = []
    for m in _FIGURE.finditer(masked):
        num = m.group("num")
        plain = not (m.group("percent") or m.group("currency") or m.group("scale") or m.group("high"))
        if plain and has_words and _YEAR.match(num) and not m.group("sign"):
            continue  # "Määrittyy TP 2023", "tulossa 2025"
        if plain and masked[max(0, m.start() - 2):m.start()].lower() == "v.":
            continue  # "290 (v.2022)"
        scale = SCALE_WORDS.get((m.group("scale") or "").lower(), 1.0)
        value = parse_number(num) * scale
        high = parse_number(m.group("high")) * scale if m.group("high") else None
        sign = (m.group("sign") or "").strip()
        if sign and sign != "+":
            value = -value
        percent = (m.group("percent") or "").lower()
        unit = "%" if percent else ("euro" if m.group("currency") or (m.group("scale") or "").endswith("€") else None)
        qualifier = _bound(masked, m.start(), m.end())
        rank = bool(m.group("rank")) or masked[m.end():m.end() + 4].lower() == "sija"
        found.append(Figure(
            value=value, unit=unit, text=text[m.start():m.end()].strip(), start=m.start(), end=m.end(),
            high=high, qualifier=qualifier, signed=bool(sign), rank=rank,
            bracketed=_in_brackets(masked, m.start()), of=parse_number(m.group("of")) if m.group("of") else None,
            points="yks" in percent,
        ))
    return found


def _bound(text: str, start: int, end: int) -> str | None:
    before = _BEFORE.search(text[max(0, start - 14):start])
    if before:
        return BOUND_BEFORE[before.group(1).lower()]
    after = _AFTER.match(text[end:end + 24])
    if after:
        return BOUND_AFTER[after.group(1).lower()]
    return None


def _in_brackets(text: str, start: int) -> bool:
    return text.rfind("(", 0, start) > text.rfind(")", 0, start)
