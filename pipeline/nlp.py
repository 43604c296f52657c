"""The Finnish spaCy pipeline: loaded once per process, in two configurations.

``full``
    The model ``spacy_fi_experimental_web_md`` as published (tagger,
    morphologizer, parser, Voikko lemmatizer, NER) plus our components.
``fast``
    What the later stages use: lemmas, parts of speech, morphology and
    sentences. It drops the components no stage reads (parser, NER, tagger),
    replaces the lemmatizer with the cached one, and runs the network's matrix
    products through OpenBLAS instead of thinc's bundled BLIS, which is several
    times slower on this class of machine. ``bench/nlp.py`` measures both.

Both add ``goal_sentences`` (sentences that know Finnish abbreviations and
cell paragraphs) and ``number_words`` (``token._.number``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from pipeline.errors import PipelineError
from pipeline.records import TEXT_FIELDS, Goal

MODEL_NAME = "spacy_fi_experimental_web_md"
Mode = Literal["fast", "full"]
MODES: tuple[str, ...] = ("fast", "full")

#: Components of the model that no later stage reads: the parser (its
#: subject/object labels change a few lemmas only), the NER (indicators are
#: found by ``pipeline.indicators``) and the fine-grained tagger (the
#: morphologizer gives the parts of speech the lemmatizer needs).
FAST_EXCLUDE: tuple[str, ...] = ("parser", "ner", "tagger")

_lock = threading.Lock()
_loaded: dict[str, object] = {}


class ModelMissingError(PipelineError):
    """The Finnish spaCy model is not installed."""


def load_nlp(mode: Mode = "fast"):
    """The process-wide pipeline for ``mode`` (``"fast"`` or ``"full"``), loaded on first use."""
    if mode not in MODES:
        raise ValueError(f"Unknown NLP mode {mode!r}; expected one of {', '.join(MODES)}.")
    nlp = _loaded.get(mode)
    if nlp is None:
        with _lock:
            nlp = _loaded.get(mode)
            if nlp is None:
                nlp = _loaded[mode] = build_nlp(mode)
    return nlp


def build_nlp(mode: Mode = "fast", *, openblas: bool = True):
    """A new pipeline for ``mode``; prefer :func:`load_nlp`, which keeps one per process.

    ``openblas=False`` keeps thinc's default BLIS matrix products in the fast
    configuration (for measuring what each choice contributes).
    """
    import spacy
    from thinc.api import use_ops

    if mode not in MODES:
        raise ValueError(f"Unknown NLP mode {mode!r}; expected one of {', '.join(MODES)}.")
    try:
        if mode == "full":
            nlp = spacy.load(MODEL_NAME)
        else:
            # The ops are chosen when the model's layers are built.
            with use_ops("numpy", use_blis=not openblas):
                nlp = spacy.load(MODEL_NAME, exclude=list(FAST_EXCLUDE))
    except OSError as exc:
        raise ModelMissingError(
            f"Could not load the spaCy model {MODEL_NAME!r} ({exc}). "
            "Install it with: pip install spacy-fi-experimental-web-md==0.15.0 (scripts/setup.sh does this)."
        ) from exc
    nlp.add_pipe("goal_sentences", first=True)
    if mode == "fast":
        tables = nlp.get_pipe("lemmatizer").lookups
        nlp.replace_pipe("lemmatizer", "cached_voikko_lemmatizer")
        nlp.get_pipe("lemmatizer").initialize(lookups=tables)
    nlp.add_pipe("number_words", after="lemmatizer")
    nlp.get_pipe("number_words").initialize()
    return nlp


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """One token of a goal field: offsets into the field's text, lemma, sentence number."""

    text: str
    lemma: str
    pos: str
    start: int
    end: int
    sentence: int


def field_texts(goal: Goal) -> Iterator[tuple[str, str]]:
    """``(field, text)`` for every non-empty text field of ``goal``, in table order."""
    for name in TEXT_FIELDS:
        text = getattr(goal, name)
        if text and text.strip():
            yield name, text


def analyse_goals(goals: Iterable[Goal], mode: Mode = "fast", batch_size: int = 64) -> list[dict]:
    """Run the pipeline over every text field of ``goals``.

    Returns one ``{field: Doc}`` per goal, in order; empty fields are left out.
    """
    goals = list(goals)
    nlp = load_nlp(mode)
    keys = [(i, name) for i, goal in enumerate(goals) for name, _ in field_texts(goal)]
    texts = (text for goal in goals for _, text in field_texts(goal))
    result: list[dict] = [{} for _ in goals]
    for (i, name), doc in zip(keys, nlp.pipe(texts, batch_size=batch_size), strict=True):
        result[i][name] = doc
    return result


def tokens(doc) -> list[TokenInfo]:
    """The tokens of ``doc`` (whitespace left out) with lemmas, offsets and sentence numbers."""
    out = []
    for number, sentence in enumerate(doc.sents):
        for token in sentence:
            if token.is_space:
                continue
            out.append(TokenInfo(token.text, token.lemma_, token.pos_, token.idx, token.idx + len(token.text),
                                 number))
    return out

