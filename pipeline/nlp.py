"""The Finnish spaCy pipeline: loaded once per process, in two configurations.

``full``
    The model ``spacy_fi_experimental_web_md`` as published (tagger,
    morphologizer, parser, Voikko lemmatizer, NER) plus our components.
``fast``
    What the later stages use: lemmas, parts of speech, morphology and
    sentences. It drops the components no stage reads (parser, NER, tagger),
    replaces the lemmatizer with the cached one and the attribute ruler with
    ``space_tokens`` (the ruler's other rule reads the tagger's tags, which
    the fast pipeline has not got), and runs the network's matrix products on
    whichever of :data:`BLAS_CHOICES` is fastest on the running machine,
    measured when the pipeline is built (:func:`measure_blas`): which one
    wins depends on the CPU and on whether another process shares the cores
    (OpenBLAS spreads one product over threads that then wait for each
    other; held to one thread it keeps its faster kernels). ``bench/nlp.py``
    measures each.

Both add ``goal_sentences`` (sentences that know Finnish abbreviations and
cell paragraphs) and ``number_words`` (``token._.number``).

Where the time goes (cProfile of ``analyse`` on a 1,000-goal SYNTHETIC
report with the fast pipeline as it was before ``space_tokens``): about 70 %
in the spaCy pipeline and within it, per component, about three quarters in
the tok2vec network (its matrix products above all), then the morphologizer,
the attribute ruler's matcher (7 %, now replaced), sentences and number
words; about 20 % in indicator extraction and 10 % in the audit, classifier
and summaries.

What each goal field is read for (so which components it needs):

``goal``, ``metric``, ``target``, ``measures``, ``metric_status``
    Lemmas, parts of speech, morphology and sentences (the audit, the
    classifier's features, the summary) and figures: every component.
``baseline``, ``responsible``
    Figures only (the audit reads the baseline's figures, never its words).
    A figure needs a digit, a month name or a number word; a text with none
    of them (*Opetusjohtaja Pia Kola*, *Uusi mittari*) is only tokenised and
    split into sentences: the network, lemmatizer and number words are
    skipped (:data:`FIGURE_ONLY_FIELDS`, :func:`may_hold_figure`).

The same text in several goals (a responsible person, *Ei lähtötasoa*) is
analysed once.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
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

#: Fields read only for their figures (see the module docstring).
FIGURE_ONLY_FIELDS: frozenset[str] = frozenset({"baseline", "responsible"})

#: How much faster OpenBLAS's threads must be than the best single-threaded
#: choice to be chosen: their gain is gone as soon as another process takes a
#: core, while a single thread keeps its speed.
THREADS_MARGIN = 1.25

#: The matrix products :func:`build_nlp` chooses between: thinc's bundled
#: BLIS (one thread, as the published pipeline), numpy's OpenBLAS with its
#: threads, and OpenBLAS held to one thread (its kernels without the threads
#: that wait for each other when another process has the other core).
BLAS_CHOICES: tuple[str, ...] = ("blis", "openblas", "openblas-1")

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


def build_nlp(mode: Mode = "fast", *, blas: str = "auto"):
    """A new pipeline for ``mode``; prefer :func:`load_nlp`, which keeps one per process.

    ``blas`` chooses the fast configuration's matrix products: ``"auto"``
    (the fastest of :data:`BLAS_CHOICES` on this machine, measured now by
    :func:`measure_blas`), ``"blis"`` (thinc's bundled BLIS, as the published
    pipeline), ``"openblas"`` (numpy's, with its threads) or ``"openblas-1"``
    (numpy's on one thread per product). The choice and the timings behind
    it are in ``nlp.meta["blas"]`` and ``nlp.meta["blas_seconds"]``.
    """
    import spacy

    if mode not in MODES:
        raise ValueError(f"Unknown NLP mode {mode!r}; expected one of {', '.join(MODES)}.")
    if blas not in ("auto", *BLAS_CHOICES):
        raise ValueError(f"Unknown BLAS choice {blas!r}; expected auto, {', '.join(BLAS_CHOICES)}.")
    try:
        nlp = spacy.load(MODEL_NAME, exclude=list(FAST_EXCLUDE) if mode == "fast" else [])
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
        nlp.remove_pipe("attribute_ruler")
        nlp.add_pipe("space_tokens", after="morphologizer")
        if blas == "auto":
            seconds = measure_blas(nlp)
            blas = choose_blas(seconds)
            nlp.meta["blas_seconds"] = seconds
        set_blas(nlp, blas)
    nlp.add_pipe("number_words", after="lemmatizer")
    nlp.get_pipe("number_words").initialize()
    return nlp


def set_blas(nlp, blas: str) -> None:
    """Run every network of ``nlp`` on ``blas``, one of :data:`BLAS_CHOICES`."""
    from thinc.api import NumpyOps

    ops = _one_thread_openblas_ops() if blas == "openblas-1" else NumpyOps(use_blis=blas == "blis")
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    nlp.meta["blas"] = blas


def choose_blas(seconds: dict[str, list[float]]) -> str:
    """The fastest of :func:`measure_blas`'s choices by median; threads only by :data:`THREADS_MARGIN`."""
    median = {name: statistics.median(times) for name, times in seconds.items()}
    single = min((name for name in median if name != "openblas"), key=median.__getitem__)
    if median.get("openblas", float("inf")) * THREADS_MARGIN < median[single]:
        return "openblas"
    return single


@lru_cache(maxsize=1)
def _one_thread_openblas_ops():
    """thinc's numpy ops with OpenBLAS held to one thread for each matrix product."""
    from thinc.api import NumpyOps
    from threadpoolctl import ThreadpoolController

    blas = ThreadpoolController().select(user_api="blas")

    class OneThreadOpenBlasOps(NumpyOps):
        def gemm(self, x, y, out=None, trans1=False, trans2=False):
            with blas.limit(limits=1):  # sets the thread count for this call only: microseconds
                return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)

    return OneThreadOpenBlasOps(use_blis=False)


def measure_blas(nlp, *, rounds: int = 5, n_tokens: int = 360) -> dict[str, list[float]]:
    """Seconds the tok2vec network takes on ``n_tokens`` tokens with each of :data:`BLAS_CHOICES`.

    The choices take turns, ``rounds`` times, so a burst of load from another
    process falls on each; compare the medians. About a second.
    """
    from spacy.tokens import Doc

    tok2vec = nlp.get_pipe("tok2vec")
    current = nlp.meta.get("blas")
    # Only the number of tokens matters for the matrix products, not the words.
    docs = [Doc(nlp.vocab, words=["sana"] * 30) for _ in range(n_tokens // 30)]
    seconds: dict[str, list[float]] = {name: [] for name in BLAS_CHOICES}
    for _ in range(rounds):
        for name in BLAS_CHOICES:
            set_blas(nlp, name)
            started = time.perf_counter()
            tok2vec.predict(docs)
            seconds[name].append(time.perf_counter() - started)
    if current:
        set_blas(nlp, current)
    return seconds


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


def may_hold_figure(text: str) -> bool:
    """Whether :mod:`pipeline.indicators` could find a figure in ``text``.

    Every figure has a digit (*45 %*, *1.8.2021*), a month name (*syyskuussa*,
    a date) or a number word (*kolme*, *kahdessa*); Voikko tells the last.
    """
    from pipeline import finnish
    from pipeline.lang_fi.dates import MONTHS

    if any(c.isdigit() for c in text):
        return True
    for word in text.lower().replace("-", " ").split():
        word = word.strip(".,;:()!?\"'–")
        if word.startswith(tuple(MONTHS)) or any(a.get("CLASS") == "lukusana" for a in finnish.analyses(word)):
            return True
    return False


def analyse_goals(goals: Iterable[Goal], mode: Mode = "fast", batch_size: int = 256) -> list[dict]:
    """Run the pipeline over every text field of ``goals``.

    Returns one ``{field: Doc}`` per goal, in order; empty fields are left out.
    Each distinct text is analysed once (goals then share its ``Doc``: read,
    never change them); a field of :data:`FIGURE_ONLY_FIELDS` that cannot
    hold a figure is only tokenised and split into sentences.
    """
    goals = list(goals)
    nlp = load_nlp(mode)
    keys = [(i, name, text) for i, goal in enumerate(goals) for name, text in field_texts(goal)]
    full: dict[str, None] = {}
    light: dict[str, None] = {}
    for _, name, text in keys:
        if mode == "fast" and name in FIGURE_ONLY_FIELDS and text not in full and not may_hold_figure(text):
            light[text] = None
        else:
            full[text] = None
    docs = dict(zip(full, nlp.pipe(full, batch_size=batch_size), strict=True))
    sentences = nlp.get_pipe("goal_sentences")
    for text in light:
        docs.setdefault(text, sentences(nlp.make_doc(text)))
    result: list[dict] = [{} for _ in goals]
    for i, name, text in keys:
        result[i][name] = docs[text]
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

