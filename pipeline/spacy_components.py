"""Our spaCy components for Finnish goal texts.

The factories are registered with spaCy through the ``spacy_factories`` entry
points in ``pyproject.toml``: spaCy imports this module when it builds a
pipeline, so importing :mod:`pipeline` itself registers nothing.

- ``goal_sentences``: rule-based sentence starts that know Finnish
  abbreviations (*n.*, *milj.*, *esim.*), dates (*31.12.2020*) and ordinals
  (*7. luokalle*); a newline in a cell is a paragraph break and ends a
  sentence, except between the lines of a table printed as text. Used instead
  of the parser's sentences in both configurations.
- ``cached_voikko_lemmatizer``: the model's Voikko lemmatizer with its result
  cached per word form, part of speech and the dependency labels it reads, so
  it gives the same lemmas at a fraction of the Voikko calls.
- ``space_tokens``: whitespace tokens get the part of speech ``SPACE``, as
  the model's attribute ruler gives them, without its matcher (its other
  rule reads the tagger's tags, which the fast pipeline does not compute).
- ``number_words``: the value of Finnish cardinal number words in any case
  (*kolmessa* → 3, *Kahden* → 2), as ``token._.number``, without reading the
  noun *kuusi* (spruce) as six.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token
from spacy_fi_experimental_web_md.fi import VoikkoLemmatizer

from pipeline import finnish
from pipeline.lang_fi.abbreviations import SENTENCE_ABBREVIATIONS
from pipeline.lang_fi.cases import NUMERAL_CLASS
from pipeline.lang_fi.lemmas import RARE_HOMOGRAPHS
from pipeline.lang_fi.numbers import (
    CARDINAL_GROUPS,
    CARDINAL_MULTIPLIERS,
    CARDINAL_PARTS,
    CARDINAL_TENS,
    CARDINAL_UNITS,
    COUNTING_LEMMAS,
)


class GoalSentences:
    """Sentence starts for report cells, without a parser.

    A sentence ends at ``.``, ``!`` or ``?`` followed by a word that starts
    with a capital letter or a digit, unless the period belongs to an
    abbreviation (*n.*, *milj.*) or a number (*7. luokalle*, *1.8.2021*).
    A line break starts a new sentence, since cells are paragraphs, except
    inside a table printed as text: the lines on both sides of it hold a
    column bar (*TP 2021 | TP 2022* over *63 % | 71 %*), and a row is read
    with its header.
    """

    def __init__(self, name: str = "goal_sentences", *,
                 abbreviations: Iterable[str] = SENTENCE_ABBREVIATIONS) -> None:
        self.name = name
        self.abbreviations = frozenset(a.lower() for a in abbreviations)

    def __call__(self, doc: Doc) -> Doc:
        starts = [False] * len(doc)
        if len(doc):
            starts[0] = True
        for i, token in enumerate(doc[:-1]):
            following = doc[i + 1]
            paragraph_break = ("\n" in token.whitespace_ or (token.is_space and "\n" in token.text)) and not (
                _inside_table(doc.text, following.idx))
            if paragraph_break or self._ends_sentence(token, following):
                starts[i + 1] = True
        for token, start in zip(doc, starts, strict=True):
            token.is_sent_start = start
        return doc

    def _ends_sentence(self, token: Token, following: Token) -> bool:
        text = token.text
        if text in {"!", "?"} or (text == "." and not token.is_space):
            previous = token.doc[token.i - 1] if token.i > 0 else None
            if text == "." and previous is not None and not previous.whitespace_:
                # "n." split as "n" + "."; "2021." keeps its period as a token.
                if f"{previous.text.lower()}." in self.abbreviations:
                    return False
                if previous.like_num and following.text[:1].islower():
                    return False  # "7 . luokalle"
            return _starts_sentence(following)
        if text.endswith(".") and len(text) > 1:
            if text.lower() in self.abbreviations:
                return False
            if text[:-1].replace(".", "").isdigit():
                # "7. luokalle" is an ordinal, "31.12.2020." ends a sentence
                # only when a capitalised word follows.
                return _starts_sentence(following) and not following.text[:1].islower()
            return _starts_sentence(following)
        return False


#: What separates the columns of a table that a report prints as text.
_TABLE_BAR = "|"


def _inside_table(text: str, at: int) -> bool:
    """The line ``at`` is on and the one right before it (not across a blank line) are rows of one table: both
    hold a column bar."""
    line_start = text.rfind("\n", 0, at) + 1
    if line_start < 1:
        return False
    previous_start = text.rfind("\n", 0, line_start - 1) + 1
    line_end = text.find("\n", line_start)
    before = text[previous_start:line_start - 1]
    after = text[line_start:line_end if line_end >= 0 else len(text)]
    return _TABLE_BAR in before and _TABLE_BAR in after


def _starts_sentence(token: Token) -> bool:
    first = token.text[:1]
    return first.isupper() or first.isdigit() or first in "\"'”–-•"


@Language.factory(
    "goal_sentences",
    assigns=["token.is_sent_start"],
    default_config={"abbreviations": sorted(SENTENCE_ABBREVIATIONS)},
)
def make_goal_sentences(nlp: Language, name: str, abbreviations: list[str]) -> GoalSentences:
    return GoalSentences(name, abbreviations=abbreviations)


class SpaceTokens:
    """``pos_ = "SPACE"``, ``tag_ = "Sp"`` and no morphology for whitespace tokens (a line break, a double space)."""

    def __init__(self, name: str = "space_tokens") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        # A whitespace token exists only where more than one space separates words.
        if "\n" in text or "  " in text or "\t" in text or "\r" in text or "\xa0" in text or text[:1].isspace():
            for token in doc:
                if token.is_space:
                    token.pos_, token.tag_ = "SPACE", "Sp"
                    token.set_morph(None)
        return doc


@Language.factory("space_tokens", assigns=["token.pos", "token.tag", "token.morph"])
def make_space_tokens(nlp: Language, name: str) -> SpaceTokens:
    return SpaceTokens(name)


class CachedVoikkoLemmatizer(VoikkoLemmatizer):
    """The model's Voikko lemmatizer with results cached.

    The lemma of a token depends only on its form, its part of speech and
    the dependency labels the parent class reads (subject or object, and
    the head's label for a conjunct), so caching on exactly those keeps every
    lemma identical while Voikko analyses each distinct key once. Analyses
    come from :func:`pipeline.finnish.analyses`, the process-wide Voikko.
    One choice differs from the parent's: where its analysis is a rare word
    with the very same form as a common one (*kerto* for *kerta*, see
    :data:`~pipeline.lang_fi.lemmas.RARE_HOMOGRAPHS`), the common one wins.
    """

    def __init__(self, vocab: Any, name: str = "lemmatizer", *, overwrite_lemma: bool = False,
                 cache_size: int = 200_000) -> None:
        # Not VoikkoLemmatizer.__init__: it opens a Voikko handle of its own.
        Pipe.__init__(self)
        self.name = name
        self.vocab = vocab
        self.overwrite_lemma = overwrite_lemma
        self.cache_size = cache_size
        self.nsubj_labels = [vocab.strings.add(x) for x in ["nsubj", "nsubj:cop"]]
        self.lookups = None
        self.cache_: dict[tuple[int, int, int, int], str] = {}

    def initialize(self, get_examples: Callable | None = None, *, nlp: Language | None = None,
                   lookups: Any = None) -> None:
        """Take the model's exception tables (``lemma_exc``) and check Voikko loads."""
        super().initialize(get_examples, nlp=nlp, lookups=lookups)
        finnish.voikko()
        self.cache_.clear()

    def __call__(self, doc: Doc) -> Doc:
        if self.lookups is None:
            raise ValueError(
                f"The component {self.name!r} has no lemma exception tables: call nlp.initialize() or "
                "initialize(lookups=...) with the tables of the model's own lemmatizer first."
            )
        cache = self.cache_
        for token in doc:
            if not (self.overwrite_lemma or token.lemma == 0):
                continue
            head_dep = token.head.dep if token.dep_ == "conj" else 0
            key = (token.orth, token.pos, token.dep, head_dep)
            lemma = cache.get(key)
            if lemma is None:
                if token.pos_ in ("PUNCT", "SPACE"):
                    lemma = token.orth_
                else:
                    lemma = self.lemmatize(token, self._analyze(token)) or token.orth_.lower()
                if len(cache) >= self.cache_size:
                    cache.clear()
                cache[key] = lemma
            token.lemma_ = lemma
        return doc

    def _analyze(self, token: Token) -> dict:
        orth = token.orth_
        parts = [orth]
        if "-" in orth and orth[-1] != "-":
            # "sote-keskus": analyse the head "keskus", keep the prefix.
            parts = [x for x in orth.rsplit("-", 1) if x] or [orth]
            orth = parts[-1]
        found = [dict(a) for a in finnish.analyses(orth)]
        analysis = _common_homograph(self._disambiguate_analyses(token, found), found)
        if len(parts) > 1 and "BASEFORM" in analysis:
            analysis["BASEFORM"] = parts[0] + "-" + analysis["BASEFORM"]
        return analysis


def _common_homograph(analysis: dict, found: list[dict]) -> dict:
    """The analysis of the common word when Voikko's choice is a rare homograph with the same form
    (:data:`~pipeline.lang_fi.lemmas.RARE_HOMOGRAPHS`): *käyntikertoja* → *käyntikerta*."""
    base = analysis.get("BASEFORM", "")
    for rare, common in RARE_HOMOGRAPHS.items():
        if base.endswith(rare):
            wanted = base[: -len(rare)] + common
            same_form = [a for a in found if a.get("BASEFORM") == wanted and a.get("SIJAMUOTO") == analysis.get(
                "SIJAMUOTO") and a.get("NUMBER") == analysis.get("NUMBER")]
            if same_form:
                return same_form[0]
    return analysis


@Language.factory(
    "cached_voikko_lemmatizer",
    assigns=["token.lemma"],
    requires=["token.pos"],
    default_config={"overwrite_lemma": False, "cache_size": 200_000},
    default_score_weights={"lemma_acc": 0.0},
)
def make_cached_voikko_lemmatizer(nlp: Language, name: str, overwrite_lemma: bool,
                                  cache_size: int) -> CachedVoikkoLemmatizer:
    return CachedVoikkoLemmatizer(nlp.vocab, name, overwrite_lemma=overwrite_lemma, cache_size=cache_size)


# Finnish cardinal numbers as parts of a base form: "kaksikymmentäviisi",
# "kolmesataa", "yhdeksäntoista". Ordinals (kuudes, toinen) do not parse.
_NUMBER_PART = re.compile("(" + "|".join(CARDINAL_PARTS) + ")")


def cardinal_value(baseform: str) -> int | None:
    """The value of a Finnish cardinal base form, or ``None`` (ordinals, other words).

    >>> cardinal_value("kaksikymmentäviisi"), cardinal_value("kolmesataa"), cardinal_value("kuudes")
    (25, 300, None)
    """
    word = baseform.lower()
    parts = []
    position = 0
    while position < len(word):
        match = _NUMBER_PART.match(word, position)
        if not match:
            return None
        parts.append(match.group(1))
        position = match.end()
    if not parts:
        return None
    total = 0
    current = 0
    for part in parts:
        if part in CARDINAL_UNITS:
            current += CARDINAL_UNITS[part]
        elif part in CARDINAL_TENS:
            current += 10  # "kymmenen"; "yhdeksäntoista": nine of the second ten
        elif part in CARDINAL_GROUPS:
            total += max(current, 1) * CARDINAL_MULTIPLIERS[part]
            current = 0
        else:  # kymmentä, sata, sataa
            current = max(current, 1) * CARDINAL_MULTIPLIERS[part]
            # "kaksisataaviisikymmentä": keep multiplying only the last unit
    return total + current


class NumberWords:
    """Sets ``token._.number`` for cardinal number words: *kolmessa* → 3.

    Voikko gives the base form and the word class ``lukusana``. A word that
    is also a noun (*kuusi* the spruce or the moon's plural) counts as a
    number only in a counting context: a noun in the partitive follows it
    (*kuusi työpajaa*), a qualifier precedes it (*noin kuusi*), or its
    sentence speaks of an amount (*mallien määrä on kuusi*). The tagger is
    no help here: it tags *Pihalla kasvaa kuusi* (a spruce grows in the
    yard) as ``NUM`` too.
    """

    def __init__(self, name: str = "number_words") -> None:
        self.name = name

    def initialize(self, get_examples: Callable | None = None, *, nlp: Language | None = None) -> None:
        finnish.voikko()

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            token._.number = self.value(token)
        return doc

    def value(self, token: Token) -> int | None:
        if not token.is_alpha:
            return None
        found = finnish.analyses(token.text.lower())
        numbers = {cardinal_value(a.get("BASEFORM", "")) for a in found if a.get("CLASS") == NUMERAL_CLASS}
        numbers.discard(None)
        if len(numbers) != 1:
            return None
        other = any(a.get("CLASS") != NUMERAL_CLASS for a in found)
        if other and not (_partitive_noun_follows(token) or self._counting_sentence(token)):
            return None
        return numbers.pop()

    def _counting_sentence(self, token: Token) -> bool:
        return any(t.lemma_.lower() in COUNTING_LEMMAS for t in token.sent if t.i != token.i)


def _partitive_noun_follows(token: Token) -> bool:
    doc = token.doc
    if token.i + 1 >= len(doc):
        return False
    following = doc[token.i + 1]
    return following.pos_ == "NOUN" and "Par" in following.morph.get("Case")


@Language.factory("number_words", assigns=["token._.number"], requires=["token.pos"])
def make_number_words(nlp: Language, name: str) -> NumberWords:
    if not Token.has_extension("number"):
        Token.set_extension("number", default=None)
    return NumberWords(name)
