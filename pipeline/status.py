"""Status labels: from a city's wording to ``full``/``partial``/``none``/``not_assessable``.

One function normalises a label for every reader (:func:`normalise_status`),
one splits a label that opens a sentence from its evidence
(:func:`split_status`: *Toteutui, nyt 1140 tuntia* → *Toteutui* + *nyt 1140
tuntia*), and one writes the warning for a label nobody knows
(:func:`unknown_label_warning`). The vocabulary is data, in
:mod:`pipeline.lang_fi.status_labels`.

A label matches a vocabulary entry when the lemmas of their words are the
same (Voikko, in any order, filler words such as *tavoite* left out): *Tavoitteet
toteutuivat*, *Toteutuu* and *Toteutui* are one status. A word Voikko does
not know (a typo as printed: *Totetutui*, *toteunut*) may be one or two
edits from a word of the vocabulary. A negation is a word of its own that
edit distance never adds or removes, so *Ei toteutunut* never becomes
*Toteutunut*; a conditional (*Toteutuisi ilman ...*) is no claim at all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.finnish import analyses
from pipeline.lang_fi import status_labels as vocabulary
from pipeline.lang_fi.legends import SLIGHTLY_BELOW_BAND_PATTERN
from pipeline.records import STATUSES

_WORD = re.compile(r"[^\W\d_]+")
# What may stand between a label and its evidence: "Toteutui, nyt ...",
# "Toteutuu. Omavaraisuusaste ...", "Pääsääntöisesti toteutunut- • ...".
_SEPARATORS = " \t\r\n.,:;!?-–—\u2010\u2011\u00ad\ufffe\x02•·"
# Between two words of one label only white space may stand.
_GAP = re.compile(r"\s+")
# Word classes in order of preference when a form has several analyses:
# "toteutuvat" is a verb before an adjective, "lainkaan" an adverb before a noun.
_CLASS_ORDER = {"kieltosana": 0, "teonsana": 0, "seikkasana": 1, "laatusana": 2, "nimisana": 3}
_NEGATION = "ei"


def fold(label: str | None) -> str | None:
    """A label in lower case with single spaces, without closing punctuation.

    >>> fold(" Toteutuu\\n täysin. ")
    'toteutuu täysin'
    """
    if label is None:
        return None
    folded = re.sub(r"\s+", " ", label).strip().lower().rstrip(_SEPARATORS).strip()
    return folded or None


def _word_tokens(word: str) -> tuple[str, ...] | None:
    """The lemma tokens of one word form, or ``None`` when Voikko does not know it.

    *ei*/*eivät* → ``("ei",)``; *toteutumatta* (without being realised) →
    ``("ei", "toteutua")``; a conditional (*toteutuisi*) keeps a mark that
    no label has.
    """
    found = analyses(word)
    if not found:
        return None
    best = min(found, key=lambda a: _CLASS_ORDER.get(a.get("CLASS", ""), 4))
    lemma = best.get("BASEFORM", word).lower()
    if best.get("CLASS") == "kieltosana":
        return (_NEGATION,)
    if best.get("CLASS") == "teonsana":
        if best.get("MOOD") == "MA-infinitive" and best.get("SIJAMUOTO") == "vajanto":
            return (_NEGATION, lemma)
        if best.get("MOOD") == "conditional":
            return (f"{lemma}?",)
    return (lemma,)


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` when it is larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _allowed_edits(word: str) -> int:
    """Edits a typo may have: none in short words (*ei*, *osin*), one in mid-length, two in long words."""
    if len(word) < 5:
        return 0
    return 1 if len(word) < 8 else 2


@lru_cache(maxsize=4096)
def _tokens(word: str) -> tuple[str, ...] | None:
    """Lemma tokens of a word, a typo matched to the nearest vocabulary word."""
    word = word.lower()
    known = _word_tokens(word)
    if known is not None:
        return known
    limit = _allowed_edits(word)
    if not limit:
        return None
    best: tuple[int, str] | None = None
    for candidate in _vocabulary_words():
        d = _distance(word, candidate, limit)
        if d <= limit and (best is None or d < best[0]):
            best = (d, candidate)
    if best is None:
        return None
    tokens = _word_tokens(best[1])
    # A typo never becomes a negation, nor a negation a typo.
    if tokens is None or _NEGATION in tokens:
        return None
    return tokens


def _key(words: list[str]) -> tuple[str, ...] | None:
    """The sorted lemma tokens of a label's words without fillers; ``None`` if a word is unknown."""
    tokens: list[str] = []
    for word in words:
        found = _tokens(word)
        if found is None:
            return None
        tokens.extend(t for t in found if t not in vocabulary.FILLER_LEMMAS)
    return tuple(sorted(tokens)) if tokens else None


def _lists() -> dict[str, tuple[str, ...]]:
    return {
        "full": vocabulary.FULL,
        "partial": vocabulary.PARTIAL,
        "none": vocabulary.NONE,
        "not_assessable": vocabulary.NOT_ASSESSABLE,
    }


@lru_cache(maxsize=1)
def _exact() -> dict[str, str]:
    """Folded labels as printed in the vocabulary → status (no Voikko needed)."""
    return {fold(label): status for status, labels in _lists().items() for label in labels}


def vocabulary_labels() -> tuple[str, ...]:
    """Every label of the vocabulary as printed, folded (``toteutui osittain``), for cue-word searches."""
    return tuple(_exact())


@lru_cache(maxsize=1)
def _vocabulary_words() -> tuple[str, ...]:
    """Every word of the vocabulary, lower-cased, that a typo may be matched to."""
    words = {w.lower() for labels in _lists().values() for label in labels for w in _WORD.findall(label)}
    return tuple(sorted(w for w in words if _allowed_edits(w)))


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, ...], str]:
    """Lemma keys of the vocabulary → status; two statuses for one key is an error in the data."""
    index: dict[tuple[str, ...], str] = {}
    for status, labels in _lists().items():
        for label in labels:
            key = _key(_WORD.findall(label))
            if key is None:
                raise ValueError(f"status label {label!r} of pipeline.lang_fi.status_labels has a word Voikko "
                                 "does not know; write it as a Finnish word form.")
            if index.get(key, status) != status:
                raise ValueError(f"status label {label!r} means {status!r} but its lemmas {key} already mean "
                                 f"{index[key]!r}; fix pipeline.lang_fi.status_labels.")
            index[key] = status
    return index


def _lookup(folded: str) -> str | None:
    """The status of a whole folded label: as printed in the vocabulary, or by its lemmas."""
    if folded in STATUSES:
        return folded
    if folded in _exact():
        return _exact()[folded]
    if any(ch.isdigit() for ch in folded):
        return None
    words = _WORD.findall(folded)
    if not words or len(words) > vocabulary.MAX_LABEL_WORDS:
        return None
    key = _key(words)
    return _index().get(key) if key else None


def _opening(text: str) -> tuple[int, int, str] | None:
    """``(start, end, status)`` of the longest known label that opens ``text``, not crossing punctuation."""
    start = len(text) - len(text.lstrip())
    words: list[re.Match[str]] = []
    position = start
    for match in _WORD.finditer(text, start):
        if not _GAP.fullmatch(text[position : match.start()]) and (words or match.start() != start):
            break
        words.append(match)
        position = match.end()
        if len(words) == vocabulary.MAX_LABEL_WORDS:
            break
    for k in range(len(words), 0, -1):
        folded = fold(text[start : words[k - 1].end()])
        if folded and (status := _lookup(folded)):
            return start, words[k - 1].end(), status
    return None


def _limited(text: str, end: int) -> int | None:
    """Where a negated label's sentence ends when it limits the negation to a part (see ``PART_WORDS``)."""
    stop = re.search(r"\.(?:\s|$)|\n", text[end:])
    clause_end = end + stop.start() if stop else len(text.rstrip())
    clause = _WORD.findall(text[end:clause_end])
    # A short qualification only: a long sentence after "Ei toteutunut" is evidence, not part of the label.
    if len(clause) <= vocabulary.MAX_LABEL_WORDS and any(w.lower() in vocabulary.PART_WORDS for w in clause):
        return clause_end
    return None


def normalise_status(label: str | None) -> str | None:
    """Map a city's status label onto ``full``/``partial``/``none``/``not_assessable``.

    Returns ``None`` for an empty or unknown label (or one with figures in it:
    that is evidence, see :func:`split_status`); the normalised names
    themselves are accepted as labels too. A negated label limited to a part
    in its own sentence is partial (*Ei toteudu tuottotavoitteen osalta, muuten ok*).

    >>> normalise_status("Toteutui suunnitellusti"), normalise_status("Ei toteunut")
    ('full', 'none')
    """
    folded = fold(label)
    if folded is None:
        return None
    if status := _lookup(folded):
        return status
    opening = _opening(folded)
    if opening and opening[2] == "none" and _limited(folded, opening[1]) == len(folded):
        return "partial"
    return None


def split_status(text: str | None) -> tuple[str | None, str | None]:
    """Split a status label that opens ``text`` from the evidence after it.

    Returns ``(label as printed, rest)``; ``(None, text)`` when the text
    does not open with a label (prose only). The label is the longest run of
    at most :data:`~pipeline.lang_fi.status_labels.MAX_LABEL_WORDS` words,
    not crossing punctuation, that :func:`normalise_status` knows; a negated
    label goes on to its sentence's end when that limits it to a part.

    >>> split_status("Toteutui, nyt 1140 tuntia")
    ('Toteutui', 'nyt 1140 tuntia')
    >>> split_status("Nyt vain 15,4 %.")
    (None, 'Nyt vain 15,4 %.')
    """
    if text is None or not text.strip():
        return None, None
    opening = _opening(text)
    if opening is None:
        return None, text.strip()
    start, end, status = opening
    if status == "none" and (limit := _limited(text, end)):
        end = limit
    label = text[start:end].rstrip(_SEPARATORS)
    rest = text[end:].lstrip(_SEPARATORS).strip()
    return label, rest or None


def unknown_label_warning(source: str, where: str, label: str) -> str:
    """The one warning every reader gives for a label it cannot map (``status`` left empty)."""
    examples = ", ".join(repr(e) for e in vocabulary.EXAMPLES)
    return (f"{source}: {where}: unknown status label {label!r}; status left empty. "
            f"Known labels are e.g. {examples}; add a city's own wording to pipeline/lang_fi/status_labels.py.")


def legend_band(text: str | None) -> float | None:
    """The share of the target a report's own legend calls "slightly below", as a fraction: *2 = mittarin arvo jäi
    enintään 5 % alle tavoitetason* → 0.05; None when the legend gives none."""
    found = re.search(SLIGHTLY_BELOW_BAND_PATTERN, text or "", re.IGNORECASE)
    if found is None:
        return None
    share = next(group for group in found.groups() if group)
    return float(share.replace(",", ".")) / 100
