"""Scoring helpers shared by the benchmarks and the tests."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(slots=True)
class PRF:
    """Counts of true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> PRF:
        """Count multiset matches of ``predicted`` against ``gold``; returns self."""
        found, wanted = Counter(predicted), Counter(gold)
        hits = sum((found & wanted).values())
        self.tp += hits
        self.fp += sum(found.values()) - hits
        self.fn += sum(wanted.values()) - hits
        return self

    def __str__(self) -> str:
        counts = f"tp {self.tp}, fp {self.fp}, fn {self.fn}"
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  ({counts})"


def value_key(value: float | int | str | None) -> Hashable:
    """A value in a form where ``10`` equals ``10.0`` and dates compare as strings."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return round(float(value), 6) if math.isfinite(value) else str(value)
    return str(value)


@dataclass(frozen=True, slots=True)
class UDToken:
    form: str
    lemma: str
    upos: str
    space_after: bool


def read_conllu(path: str | Path) -> Iterator[list[UDToken]]:
    """Sentences of a CoNLL-U file with the gold tokenisation (multi-word token lines and empty nodes skipped)."""
    sentence: list[UDToken] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                if sentence:
                    yield sentence
                sentence = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            sentence.append(UDToken(cols[1], cols[2], cols[3], "SpaceAfter=No" not in cols[9]))
    if sentence:
        yield sentence


def lemma_key(lemma: str) -> str:
    """A lemma compared ignoring case and the UD compound marker: ``sisaren#tytär`` = ``sisarentytär``."""
    return lemma.replace("#", "").lower()
