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


# -- answer keys of real statements (tests/fixtures/real_key/) ---------------

#: Fields of a Seinäjoki key row (one metric row) and of a Kauhava key goal, scored in this order.
METRIC_KEY_FIELDS: tuple[str, ...] = (
    "page", "department", "goal", "metric", "baseline", "target", "actual", "status_label", "status",
)
GOAL_KEY_FIELDS: tuple[str, ...] = (
    "page", "department", "goal_id", "goal", "metric", "target", "status_label", "status",
)


def _folded(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def read_items(report) -> list[dict[str, object]]:
    """What a reader gave, as key rows: one per metric row where goals have metrics, else one per goal."""
    items: list[dict[str, object]] = []
    for goal in report.goals:
        if goal.metrics:
            for metric in goal.metrics:
                items.append({"page": metric.page, "department": goal.department, "goal_id": goal.goal_id,
                              "goal": goal.goal, "metric": metric.name, "baseline": metric.baseline,
                              "target": metric.target, "actual": metric.actual,
                              "status_label": metric.status_label, "status": metric.status})
        else:
            items.append({"page": goal.page, "department": goal.department, "goal_id": goal.goal_id,
                          "goal": goal.goal, "metric": goal.metric, "baseline": goal.baseline,
                          "target": goal.target, "actual": None, "status_label": goal.status_label,
                          "status": goal.status})
    return items


#: Fields the keys keep only the first 100 characters of (``KAUHAVA_NOTES.md``: "goal and metric are cut").
_CUT_FIELDS = frozenset({"goal", "metric"})


def field_right(name: str, got: object, want: object) -> bool:
    """A field is right when it equals the key after white-space folding.

    The goal and the metric are right when they start with the key's text,
    which keeps their first 100 characters. A key's ``goal_id`` of ``None``
    means the report prints no number; the contract then has the reader
    number goals within their department, so any id is right there.
    """
    if name == "page":
        return got == want
    if name == "goal_id" and want is None:
        return True
    if name in _CUT_FIELDS:
        if want is None:
            return got is None
        return got is not None and _folded(got).startswith(_folded(want)[:100])
    return _folded(got) == _folded(want)


def match_key(items: list[dict[str, object]], key: list[dict[str, object]]) -> list[dict[str, object] | None]:
    """For each key row, the reader's item it matches, or ``None``.

    A match lies on the key's page ± 1 and its goal starts with the key's goal
    prefix (white space folded); among several, the one whose metric text is
    most like the key's, and each item matches once.
    """
    from difflib import SequenceMatcher

    used: set[int] = set()
    out: list[dict[str, object] | None] = []
    for row in key:
        best, best_score = None, -1.0
        for index, item in enumerate(items):
            if index in used or item["page"] is None or abs(int(item["page"]) - int(row["page"])) > 1:
                continue
            if not field_right("goal", item["goal"], row["goal"]):
                continue
            score = SequenceMatcher(None, _folded(item.get("metric")), _folded(row.get("metric"))).ratio()
            score += 0.5 * (item["page"] == row["page"])
            if score > best_score:
                best, best_score = index, score
        if best is None:
            out.append(None)
        else:
            used.add(best)
            out.append(items[best])
    return out


@dataclass
class KeyScore:
    """How a reader's output compares with an answer key."""

    rows: int = 0  #: key rows
    found: int = 0  #: key rows matched to something the reader gave
    with_status: int = 0  #: key rows with a status
    status_right: int = 0  #: of those, matched with the same status
    fields: int = 0  #: key fields scored (every field of every key row)
    fields_right: int = 0

    def add(self, key: list[dict[str, object]], items: list[dict[str, object]], names: tuple[str, ...]) -> None:
        for row, item in zip(key, match_key(items, key), strict=True):
            self.rows += 1
            self.found += item is not None
            if row.get("status") is not None:
                self.with_status += 1
                self.status_right += item is not None and item["status"] == row["status"]
            for name in names:
                self.fields += 1
                self.fields_right += item is not None and field_right(name, item.get(name), row.get(name))

    @property
    def status_share(self) -> float:
        return self.status_right / self.with_status if self.with_status else math.nan

    @property
    def field_share(self) -> float:
        return self.fields_right / self.fields if self.fields else math.nan


def verdict_disagreements(report, expected: dict[str, list]) -> list[tuple[str, str, str]]:
    """``(goal_id, expected verdict, audit's verdict)`` for every goal whose audit differs from ``expected``.

    ``expected`` maps a goal id to ``[verdict, ...]``, as ``tests/fixtures/seed_audit.json`` holds it.
    """
    return [(g.goal_id, expected[g.goal_id][0], g.audit.verdict) for g in report.goals
            if expected[g.goal_id][0] != g.audit.verdict]
