"""Training data for the status classifier, from every source through one loader, and training itself.

Sources:

- labelled reports in any readable format (the goal's own normalised
  ``status`` is its label);
- analyst corrections (``{(report sha256, goal id): status}``), which
  override a report's own label;
- the SYNTHETIC corpus (:mod:`pipeline.synthetic_corpus`), labelled with the
  status its evidence makes true.
"""

from __future__ import annotations

import datetime as dt
import platform
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GroupKFold

from pipeline.analysis import read_evidence
from pipeline.classify import ModelError, StatusClassifier, StatusModel, feature_frame, model_version
from pipeline.errors import PipelineError
from pipeline.records import STATUSES, Goal


@dataclass(slots=True)
class Example:
    """One labelled goal: where it came from and the group it is cross-validated by."""

    goal: Goal
    label: str
    source: str
    group: str
    year: int | None = None


@dataclass(slots=True)
class LoadResult:
    examples: list[Example]
    skipped: list[str]
    sources: list[dict]


def load_examples(paths: Iterable[str | Path], corrections: Mapping[tuple[str, str], str] | None = None) -> LoadResult:
    """Labelled goals of the report files at ``paths`` (directories are searched for report files).

    A goal without a usable label (none given, or ``not_assessable`` without a
    correction) is skipped and named in ``skipped``; an unreadable file is
    skipped with its error, the others go on.
    """
    from pipeline.ingest import SUPPORTED, read_report

    corrections = dict(corrections or {})
    examples, skipped, sources = [], [], []
    for path in _expand(paths, SUPPORTED):
        try:
            report = read_report(path)
        except PipelineError as exc:
            skipped.append(str(exc))
            continue
        count = 0
        for goal in report.goals:
            label = corrections.get((report.sha256, goal.goal_id or "")) or goal.status
            if goal.metrics and goal.status is None:
                # A whole statement labels its metric rows, not the goal: each row is an example.
                for row in metric_row_goals(goal):
                    if row.status in STATUSES and row.status != "not_assessable":
                        examples.append(Example(row, row.status, report.source, report_group(report.sha256),
                                                report.year))
                        count += 1
                continue
            if label not in STATUSES or label == "not_assessable":
                skipped.append(f"{report.source}: goal {goal.goal_id}: no usable status label ({goal.status_label!r})")
                continue
            examples.append(Example(goal, label, report.source, report_group(report.sha256), report.year))
            count += 1
        sources.append({"name": report.source, "goals": count, "kind": "labelled report", "sha256": report.sha256})
    return LoadResult(examples, skipped, sources)


def metric_row_goals(goal: Goal) -> list[Goal]:
    """Each metric row of ``goal`` as a goal of its own, with the row's label (the city's number) as its status.

    The row's name is the metric, its cells the baseline and target, its
    actual value the metric status, so the classifier reads a row as it reads
    a goal of a one-metric report.
    """
    return [Goal(goal_id=f"{goal.goal_id or ''}/{i}", goal=goal.goal, metric=row.name, baseline=row.baseline,
                 target=row.target, metric_status=row.actual, status_label=row.status_label, status=row.status,
                 page=row.page, department=goal.department)
            for i, row in enumerate(goal.metrics, start=1)]


def report_group(sha256: str) -> str:
    """The cross-validation group of a report's goals: its content, however it was loaded."""
    return f"report:{sha256[:12]}"


def database_examples(engine) -> list[Example]:
    """The database's labelled goals, analysts' corrected statuses over the reports' own."""
    from pipeline.store import labelled_goals

    return [Example(goal, label, "database", report_group(sha), year)
            for goal, label, sha, year in labelled_goals(engine)]


def prefer(stored: Sequence[Example], others: Sequence[Example]) -> list[Example]:
    """``stored`` plus the ``others`` of reports not among them (a stored report's corrections win)."""
    groups = {e.group for e in stored}
    return [*stored, *(e for e in others if e.group not in groups)]


def _expand(paths: Iterable[str | Path], suffixes: Sequence[str]) -> list[Path]:
    out = []
    for path in map(Path, paths):
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.suffix.lower() in suffixes and p.is_file())
        else:
            out.append(path)
    return out


def synthetic_examples(n_goals: int, *, seed: int = 0, families: tuple[int, ...] | None = None,
                       areas: tuple[str, ...] | None = None) -> list[Example]:
    """SYNTHETIC labelled goals (label = the status the evidence makes true), grouped by paraphrase family."""
    from pipeline.synthetic_corpus import generate_corpus

    corpus = generate_corpus(n_goals, seed=seed, families=families, areas=areas)
    return [Example(g.goal, g.truth, "synthetic", f"family:{g.family}", 2021) for g in corpus]


def featurise(examples: Sequence[Example], *, mode: str = "fast") -> pd.DataFrame:
    """The classifier's feature frame for ``examples`` (NLP, indicators and the audit's assessment)."""
    frames = []
    by_year: dict[int | None, list[int]] = {}
    for index, example in enumerate(examples):
        by_year.setdefault(example.year, []).append(index)
    order = []
    for year, indices in by_year.items():
        evidence = read_evidence([examples[i].goal for i in indices], year, mode=mode)
        frames.append(feature_frame(evidence.docs, evidence.assessments))
        order += indices
    frame = pd.concat(frames, ignore_index=True) if frames else feature_frame([], [])
    return frame.iloc[np.argsort(order)].reset_index(drop=True)


def cross_validate(frame: pd.DataFrame, labels: Sequence[str], groups: Sequence[str], folds: int = 3,
                   **params) -> dict[str, float]:
    """Accuracy and macro-F1 over group folds (never splitting a report or a paraphrase family)."""
    labels = np.asarray(labels, dtype=object)
    groups = np.asarray(groups, dtype=object)
    n_groups = len(set(groups))
    if n_groups < 2:
        return {}
    predicted = np.empty_like(labels)
    for train, test in GroupKFold(n_splits=min(folds, n_groups)).split(frame, labels, groups):
        if len(set(labels[train])) < 2:
            return {}
        model = StatusClassifier(**params).fit(frame.iloc[train], labels[train])
        predicted[test] = model.predict(frame.iloc[test])
    return {"accuracy": round(float(accuracy_score(labels, predicted)), 3),
            "macro_f1": round(float(f1_score(labels, predicted, average="macro")), 3),
            "folds": min(folds, n_groups), "grouped_by": "report or paraphrase family"}


def train(examples: Sequence[Example], *, sources: Sequence[dict] = (), mode: str = "fast",
          cv_folds: int = 3, **params) -> StatusModel:
    """Fit a :class:`StatusModel` on ``examples`` and describe it in its card."""
    import sklearn
    import spacy

    if not examples:
        raise ModelError("No labelled goals to train on: give report files with status labels, or --synthetic N.")
    labels = [e.label for e in examples]
    if len(set(labels)) < 2:
        raise ModelError(f"Training data has only the status {labels[0]!r}; a classifier needs at least two "
                         "statuses. Add reports with other outcomes or --synthetic N.")
    started = time.perf_counter()
    frame = featurise(examples, mode=mode)
    classifier = StatusClassifier(**params).fit(frame, labels)
    seconds = time.perf_counter() - started
    scores = cross_validate(frame, labels, [e.group for e in examples], cv_folds, **params) if cv_folds > 1 else {}
    card = {
        "version": model_version(len(examples)),
        "trained_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "training_seconds": round(seconds, 1),
        "training_data": list(sources),
        "n_examples": len(examples),
        "label_counts": dict(Counter(labels)),
        "cross_validation": scores,
        "parameters": classifier.get_params(),
        "nlp_mode": mode,
        "sklearn_version": sklearn.__version__,
        "spacy_version": spacy.__version__,
        "python_version": platform.python_version(),
    }
    return StatusModel(classifier, card)
