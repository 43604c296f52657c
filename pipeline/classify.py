"""The status classifier: predicts ``full``/``partial``/``none`` from a goal's evidence.

Features (:func:`feature_frame`) are one row per goal: the lemmas of its
target, measures and metric status (each lemma prefixed by its field, so
*ei* in the status differs from *ei* in the baseline) and numeric evidence
from the audit's target comparison (:mod:`pipeline.audit`): parts met, partly
met, not met or unknown, the reported share of the target, negated
sentences. :class:`StatusClassifier` is a scikit-learn estimator over that
frame: TF-IDF on the lemmas and scaled evidence columns into a logistic
regression, with class probabilities calibrated by cross-validation.

Models are saved with skops (:func:`save_model`), never pickle, together
with a model card; :func:`load_model` refuses a file that holds types other
than skops' own trusted ones and exactly those of this project's models
(:data:`TRUSTED_TYPES`), a fitted model of another shape, a file written for
another format or scikit-learn version, and a damaged file, with a message
that says to retrain.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils.validation import check_is_fitted

from pipeline import config
from pipeline.audit import Assessment
from pipeline.errors import PipelineError
from pipeline.lang_fi.abbreviations import MEANINGFUL_ABBREVIATIONS
from pipeline.records import STATUSES, Goal, Prediction

#: Bumped when the feature frame changes; a model of another format is refused.
FORMAT_VERSION = 1

EVIDENCE_COLUMNS: tuple[str, ...] = (
    "n_parts", "n_quantity", "n_met", "n_partial", "n_not_met", "n_unknown",
    "evidence_full", "evidence_partial", "evidence_none", "evidence_unknown",
    "min_share", "n_negative", "n_status_figures", "no_status",
)
TEXT_PREFIXES = {"target": "t", "measures": "m", "metric_status": "s", "metric": "k"}


class ModelError(PipelineError):
    """A model file that cannot be used, or training data that cannot train one."""


# --- features ---------------------------------------------------------------------------------


def goal_text(docs: dict) -> str:
    """Field-prefixed lemmas: ``s_koulutus s_ei s_järjestää t_nousta ...``."""
    words = []
    for name, prefix in TEXT_PREFIXES.items():
        doc = docs.get(name)
        if doc is None:
            continue
        for token in doc:
            if token.is_alpha or token.lower_ in MEANINGFUL_ABBREVIATIONS:
                words.append(f"{prefix}_{token.lemma_.lower()}")
    return " ".join(words)


def evidence_row(assessment: Assessment, docs: dict) -> dict[str, float]:
    """The numeric evidence of one goal, from :func:`pipeline.audit.assess`."""
    outcomes = [f.outcome for f in assessment.findings]
    shares = [min(f.ratio, 2.0) for f in assessment.findings if f.ratio is not None and math.isfinite(f.ratio)]
    status_doc = docs.get("metric_status")
    return {
        "n_parts": len(assessment.parts),
        "n_quantity": sum(p.kind == "quantity" for p in assessment.parts),
        "n_met": outcomes.count("met"),
        "n_partial": outcomes.count("partial"),
        "n_not_met": outcomes.count("not_met"),
        "n_unknown": outcomes.count("unknown"),
        "evidence_full": float(assessment.status == "full"),
        "evidence_partial": float(assessment.status == "partial"),
        "evidence_none": float(assessment.status == "none"),
        "evidence_unknown": float(assessment.status is None),
        "min_share": min(shares) if shares else 1.0,
        "n_negative": len(assessment.negative),
        "n_status_figures": sum(t.like_num or t._.number is not None for t in status_doc) if status_doc else 0,
        "no_status": float(status_doc is None),
    }


def feature_frame(all_docs: Sequence[dict], assessments: Sequence[Assessment]) -> pd.DataFrame:
    """One row per goal: the ``text`` column and :data:`EVIDENCE_COLUMNS`."""
    rows = []
    for docs, assessment in zip(all_docs, assessments, strict=True):
        row = evidence_row(assessment, docs)
        row["text"] = goal_text(docs)
        rows.append(row)
    return pd.DataFrame(rows, columns=["text", *EVIDENCE_COLUMNS])


# --- the estimator ------------------------------------------------------------------------------


class StatusClassifier(ClassifierMixin, BaseEstimator):
    """Calibrated logistic regression over lemma TF-IDF and evidence columns.

    Parameters
    ----------
    C : float
        Inverse regularisation strength of the logistic regression.
    use_text, use_evidence : bool
        Which feature groups to use (the benchmarks train text-only baselines).
    calibration_folds : int
        Cross-validation folds of the sigmoid calibration (fewer when a class
        has fewer examples).
    """

    def __init__(self, *, C: float = 2.0, use_text: bool = True, use_evidence: bool = True,
                 calibration_folds: int = 3) -> None:
        self.C = C
        self.use_text = use_text
        self.use_evidence = use_evidence
        self.calibration_folds = calibration_folds

    def fit(self, X: pd.DataFrame, y: Sequence[str]) -> StatusClassifier:
        """Fit on a :func:`feature_frame` and status labels; returns self."""
        y = np.asarray(list(y), dtype=object)
        if len(y) != len(X):
            raise ModelError(f"Got {len(X)} feature rows but {len(y)} labels; give one label per goal.")
        unknown = sorted({str(v) for v in y} - set(STATUSES))
        if unknown:
            raise ModelError(f"Unknown status labels {unknown}; expected {', '.join(STATUSES)}. "
                             "Map the report's labels with pipeline.status.normalise_status first.")
        classes, counts = np.unique(y, return_counts=True)
        if len(classes) < 2:
            raise ModelError(f"Training data has only the status {list(classes) or 'none at all'}; a classifier needs "
                             "labelled goals of at least two statuses. Add reports with other outcomes or --synthetic.")
        if not (self.use_text or self.use_evidence):
            raise ModelError("Both feature groups are off; set use_text or use_evidence.")
        columns = []
        if self.use_text:
            columns.append(("text", TfidfVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2),
                                                    max_features=20000,
                                                    min_df=2 if len(y) > 50 else 1, sublinear_tf=True), "text"))
        if self.use_evidence:
            columns.append(("evidence", StandardScaler(), list(EVIDENCE_COLUMNS)))
        model = Pipeline([
            ("features", ColumnTransformer(columns)),
            ("logreg", LogisticRegression(C=self.C, max_iter=5000, class_weight="balanced")),
        ])
        folds = min(self.calibration_folds, int(counts.min()))
        if folds >= 2:
            # ensemble=False: one model on all data, calibrated on cross-validated predictions.
            self.model_ = CalibratedClassifierCV(model, method="sigmoid", cv=folds, ensemble=False).fit(X, y)
            fitted = self.model_.calibrated_classifiers_[0].estimator
        else:
            self.model_ = fitted = model.fit(X, y)  # too few examples of a class to calibrate
        if self.use_text:
            # Kept by scikit-learn for introspection only; it would be most of the saved file.
            vectorizer = fitted.named_steps["features"].named_transformers_["text"]
            if hasattr(vectorizer, "stop_words_"):
                del vectorizer.stop_words_
        self.classes_ = self.model_.classes_
        self.n_features_in_ = X.shape[1]
        return self

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        check_is_fitted(self, "model_")
        return self.model_.predict_proba(X)

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        check_is_fitted(self, "model_")
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]


# --- a trained model with its card ---------------------------------------------------------------


@dataclass(slots=True)
class StatusModel:
    """A fitted classifier with its model card; what :func:`load_model` returns."""

    classifier: StatusClassifier
    card: dict[str, Any]

    @property
    def version(self) -> str:
        return self.card.get("version", "unknown")

    def predict_goals(self, goals: Sequence[Goal], all_docs: Sequence[dict],
                      assessments: Sequence[Assessment]) -> list[Prediction]:
        """The :class:`~pipeline.records.Prediction` of each goal: status, probabilities and model version."""
        if not goals:
            return []
        frame = feature_frame(all_docs, assessments)
        probabilities = self.classifier.predict_proba(frame)
        out = []
        for row in probabilities:
            best = int(np.argmax(row))
            out.append(Prediction(
                status=str(self.classifier.classes_[best]),
                probabilities={str(c): round(float(p), 4) for c, p in zip(self.classifier.classes_, row, strict=True)},
                model_version=self.version,
            ))
        return out


#: The only types a model file may hold beyond those skops trusts itself: exactly the ones this
#: project's own models contain, listed from the shipped model with
#: ``skops.io.get_untrusted_types(file="models/status_classifier.skops")``. Never prefixes: a file
#: whose ``builtins.eval`` or ``numpy.full_like`` sits in a ``FunctionTransformer`` would pass a
#: ``builtins.``/``numpy.`` prefix and run its own code at prediction time.
TRUSTED_TYPES: frozenset[str] = frozenset({
    "pipeline.classify.StatusClassifier",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
})


def save_model(model: StatusModel, path: str | Path) -> Path:
    """Write ``model`` with skops and its card next to it (``<name>.card.md`` and ``.card.json``)."""
    import sklearn
    import skops.io as sio

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    card = dict(model.card)
    card.setdefault("format_version", FORMAT_VERSION)
    card.setdefault("sklearn_version", sklearn.__version__)
    bundle = {"format_version": FORMAT_VERSION, "sklearn_version": sklearn.__version__,
              "card_json": json.dumps(card, ensure_ascii=False), "classifier": model.classifier}
    sio.dump(bundle, path)
    path.with_suffix(".card.json").write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    path.with_suffix(".card.md").write_text(render_card(card), encoding="utf-8")
    return path


def load_model(path: str | Path | None = None) -> StatusModel:
    """Load a model written by :func:`save_model`, checking what it holds before loading it."""
    import zipfile

    import sklearn
    import skops.io as sio

    path = Path(path or config.model_path())
    retrain = "Retrain it with: python -m pipeline train --out " + str(path)
    if not path.is_file():
        raise ModelError(f"{path}: no model file there. {retrain}")
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except (zipfile.BadZipFile, json.JSONDecodeError, KeyError, ValueError, OSError) as exc:
        raise ModelError(f"{path}: not a readable skops model file ({exc}); it may be damaged. {retrain}") from exc
    foreign = [t for t in untrusted if t not in TRUSTED_TYPES]
    if foreign:
        raise ModelError(f"{path}: refusing to load types that are not part of a status model: {foreign}. "
                         f"The file may have been tampered with. {retrain}")
    try:
        bundle = sio.load(path, trusted=untrusted)
    except Exception as exc:  # skops raises many kinds for a damaged archive
        problem = f"{type(exc).__name__}: {exc}"
        raise ModelError(f"{path}: the model file could not be loaded ({problem}). {retrain}") from exc
    if not isinstance(bundle, dict) or "classifier" not in bundle:
        raise ModelError(f"{path}: this skops file does not hold a status model. {retrain}")
    if bundle.get("format_version") != FORMAT_VERSION:
        raise ModelError(f"{path}: model format {bundle.get('format_version')!r}, this program reads "
                         f"format {FORMAT_VERSION}. {retrain}")
    if _minor(bundle.get("sklearn_version")) != _minor(sklearn.__version__):
        raise ModelError(f"{path}: trained with scikit-learn {bundle.get('sklearn_version')}, this environment has "
                         f"{sklearn.__version__}; predictions could differ silently. {retrain}")
    classifier = bundle["classifier"]
    if not isinstance(classifier, StatusClassifier):
        raise ModelError(f"{path}: holds a {type(classifier).__name__}, not a StatusClassifier. {retrain}")
    _check_fitted_structure(path, classifier, retrain)
    try:
        card = json.loads(bundle.get("card_json") or "{}")
    except (TypeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: the model card inside the file is not JSON ({exc}). {retrain}") from exc
    if not isinstance(card, dict):
        raise ModelError(f"{path}: the model card inside the file is a {type(card).__name__}, not an object. {retrain}")
    return StatusModel(classifier, card)


def _check_fitted_structure(path: Path, classifier: StatusClassifier, retrain: str) -> None:
    """Refuse a StatusClassifier whose fitted parts are not what :meth:`StatusClassifier.fit` makes.

    A file with an ``OrderedDict`` where the fitted model should be loads (skops trusts the type)
    and would die with a traceback at the first prediction. With only :data:`TRUSTED_TYPES`
    allowed no function can be inside, so one prediction on an empty goal is safe to try here.
    """
    model = getattr(classifier, "model_", None)
    if not isinstance(model, (CalibratedClassifierCV, Pipeline)):
        raise ModelError(f"{path}: the classifier's fitted model is a {type(model).__name__}, expected a "
                         f"CalibratedClassifierCV or Pipeline. {retrain}")
    classes = getattr(classifier, "classes_", None)
    if not isinstance(classes, np.ndarray) or not {str(c) for c in classes} <= set(STATUSES) or len(classes) < 2:
        raise ModelError(f"{path}: the classifier's classes are {classes!r}, expected two or more of "
                         f"{', '.join(STATUSES)}. {retrain}")
    empty = pd.DataFrame([{**dict.fromkeys(EVIDENCE_COLUMNS, 0.0), "text": ""}])
    try:
        probabilities = classifier.predict_proba(empty)
    except Exception as exc:  # whatever a malformed fitted model raises: the file is refused, not the report
        raise ModelError(f"{path}: the model cannot predict ({type(exc).__name__}: {exc}). {retrain}") from exc
    if np.shape(probabilities) != (1, len(classes)):
        raise ModelError(f"{path}: the model gives probabilities of shape {np.shape(probabilities)}, expected "
                         f"(1, {len(classes)}). {retrain}")


def _minor(version: str | None) -> str:
    return ".".join(str(version).split(".")[:2])


def model_version(n_examples: int, when: dt.datetime | None = None) -> str:
    when = when or dt.datetime.now(dt.UTC)
    return f"{when:%Y%m%dT%H%M%SZ}-{n_examples}"


def render_card(card: dict[str, Any]) -> str:
    """The model card as Markdown."""
    lines = [f"# Model card: status classifier {card.get('version', '')}", ""]
    lines += [
        ("Predicts the status of a binding target (`full`, `partial`, `none`) from the goal's evidence: the lemmas "
         "of its target, measures and metric status, and the audit's comparison of target and reported figures."),
        ("It is one input of the audit (`pipeline/audit/`), used where the rules cannot decide; it does not "
         "replace an analyst."),
        "",
        "## Training data",
    ]
    for source in card.get("training_data", []):
        lines.append(f"- {source['name']}: {source['goals']} goals ({source.get('kind', '')})")
    lines += ["", f"Labels: {json.dumps(card.get('label_counts', {}), ensure_ascii=False)}", "", "## Cross-validated"]
    for name, value in (card.get("cross_validation") or {}).items():
        lines.append(f"- {name}: {value}")
    lines += ["", "## Environment"]
    for name in ("trained_at", "training_seconds", "sklearn_version", "spacy_version", "python_version",
                 "format_version", "parameters"):
        if name in card:
            lines.append(f"- {name}: {card[name]}")
    lines += ["", "## Caveats", "",
              ("Synthetic goals (clearly generated, see `pipeline/synthetic_corpus.py`) make up most of the training "
               "data; real reports' claimed labels are noisy (audits find them over-optimistic). Check the audit "
               "reasons, not only the predicted status."), ""]
    return "\n".join(lines)
