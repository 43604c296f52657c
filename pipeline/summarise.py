"""Extractive summaries of a goal's progress, in the report's own Finnish.

:func:`summarise` picks one to three sentences of the goal's measures and
metric status by content, never by position alone:

- lemma centrality: how much of the other sentences' content (nouns, verbs,
  adjectives) a sentence shares, TF-IDF weighted;
- the figures that answer the target: a sentence that holds a figure the
  audit compared with the target, or a figure in the target's unit;
- negated or postponed evidence (*ei ole järjestetty*, *siirtyi vuodelle
  2023*), which an analyst must not miss.

Sentences are copied whole from the source, so figures stay exact and no
text is invented; they are returned in source order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.audit import Assessment, is_negative

#: Parts of speech that carry a sentence's content.
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
MAX_SENTENCES = 3
MAX_CHARS = 450
SOURCE_FIELDS = ("metric_status", "measures")


@dataclass(slots=True)
class Candidate:
    field: str
    index: int  # position in the field
    text: str
    lemmas: list[str]
    span: object  # the sentence's spaCy Span
    figure_score: float = 0.0
    negative: bool = False
    score: float = 0.0


def candidates(docs: dict, fields: Sequence[str] = SOURCE_FIELDS) -> list[Candidate]:
    """The sentences of ``fields`` (duplicates across fields kept once, in the first field)."""
    out: list[Candidate] = []
    seen: set[str] = set()
    for name in fields:
        doc = docs.get(name)
        if doc is None:
            continue
        for index, sentence in enumerate(doc.sents):
            text = sentence.text.strip()
            if len(text) < 3 or text in seen:
                continue
            seen.add(text)
            lemmas = [t.lemma_.lower() for t in sentence if t.pos_ in CONTENT_POS and (t.is_alpha or t.like_num)]
            out.append(Candidate(name, index, text, lemmas, sentence, negative=is_negative(sentence)))
    return out


def centrality(items: list[Candidate]) -> list[float]:
    """Mean TF-IDF cosine similarity of each sentence with the others."""
    n = len(items)
    if n < 2:
        return [1.0] * n
    document_frequency = Counter(lemma for item in items for lemma in set(item.lemmas))
    vectors = []
    for item in items:
        counts = Counter(item.lemmas)
        vector = {lemma: count * math.log(1 + n / document_frequency[lemma]) for lemma, count in counts.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({lemma: v / norm for lemma, v in vector.items()})
    scores = []
    for i, vector in enumerate(vectors):
        total = sum(sum(vector.get(lemma, 0.0) * weight for lemma, weight in other.items())
                    for j, other in enumerate(vectors) if j != i)
        scores.append(total / (n - 1))
    return scores


def summarise(docs: dict, assessment: Assessment | None = None, *, fields: Sequence[str] = SOURCE_FIELDS,
              max_sentences: int = MAX_SENTENCES, max_chars: int = MAX_CHARS) -> str | None:
    """One to ``max_sentences`` whole sentences of ``fields``, chosen by content; None when there are none.

    Parameters
    ----------
    docs
        The goal's analysed fields (``{field: Doc}`` from :func:`pipeline.nlp.analyse_goals`).
    assessment
        The audit's assessment; its compared figures and target units steer the choice.
    """
    items = candidates(docs, fields)
    if not items:
        return None
    cited = _cited_texts(assessment)
    units = _target_units(assessment)
    for item, central in zip(items, centrality(items), strict=True):
        item.figure_score = _figure_score(item, cited, units)
        status_bonus = 0.15 if item.field == "metric_status" else 0.0
        item.score = central + item.figure_score + (0.35 if item.negative else 0.0) + status_bonus
    chosen: list[Candidate] = []
    length = 0
    for item in sorted(items, key=lambda c: (-c.score, SOURCE_FIELDS.index(c.field) if c.field in SOURCE_FIELDS
                                             else 9, c.index)):
        if len(chosen) >= max_sentences:
            break
        if chosen and length + len(item.text) + 1 > max_chars:
            continue
        if any(_overlap(item, other) > 0.8 for other in chosen):
            continue  # nearly the same sentence in both fields
        chosen.append(item)
        length += len(item.text) + 1
    if not chosen:  # one sentence longer than the limit: keep it whole rather than cut a figure
        chosen = [max(items, key=lambda c: c.score)]
    order = {name: k for k, name in enumerate(fields)}
    chosen.sort(key=lambda c: (order.get(c.field, 9), c.index))
    return " ".join(c.text for c in chosen)


def _cited_texts(assessment: Assessment | None) -> set[str]:
    if assessment is None:
        return set()
    return {f.reported.sentence for f in assessment.findings if f.reported is not None and f.reported.sentence}


def _target_units(assessment: Assessment | None) -> set[str]:
    if assessment is None:
        return set()
    return {p.unit for p in assessment.parts if p.kind == "quantity" and p.unit}


def _figure_score(item: Candidate, cited: set[str], units: set[str]) -> float:
    if item.text in cited:
        return 0.6  # the figure the audit compared with the target
    sentence = item.span
    score = 0.0
    if any(t.like_num or t._.number is not None for t in sentence):
        score += 0.2
    if (units and any(t.lemma_.lower() in units for t in sentence)) or ("%" in units and "%" in item.text):
        score += 0.2
    return score


def _overlap(a: Candidate, b: Candidate) -> float:
    first, second = set(a.lemmas), set(b.lemmas)
    return len(first & second) / max(1, min(len(first), len(second)))
