"""A report's own grading of its metric rows, learned from its rows, and the rows it grades otherwise.

A city grades each metric row with its traffic light (Seinäjoki: 1 met, 2
slightly below, 3 clearly below) but rarely says where "slightly" ends, and
one report may draw 94,7 % of the target red while 79 % is amber. The rules
of :mod:`pipeline.metric_audit` check each row against a fixed setting;
this module learns the report's own line from its rows and names the rows
graded unlike the rest.

:class:`OrdinalGrading` is a scikit-learn classifier for ordered classes
(a cumulative-logit, "proportional odds", model): one latent severity
``X @ coef_`` and ordered cut points ``thresholds_`` between the classes,
so ``P(class > k) = expit(X @ coef_ - thresholds_[k])``. A feature given
``+1`` in ``monotonic_cst`` has a non-negative weight, so a larger value
never makes a better (lower) class more likely; L2 regularisation (``C``,
as in :class:`~sklearn.linear_model.LogisticRegression`) keeps a report
with cleanly separated grades from fitting an infinitely sharp line.

:func:`grading_features` gives one row per metric row: the share of the
target missed on a log scale (``audit.missed_by``, 0 when met), the only
feature, constrained to be monotone. Unit class and lower-is-better were
tried as extra features and left out: in ``bench/grading.py``'s
leave-one-out log-loss on the development reports, lower-is-better changed
nothing on Seinäjoki's rows and made the two invented reports worse, and the
unit class gained Seinäjoki 0,01 and lost the other two as much or more.

:func:`unlike_report` fits the model within one report, leave-one-out (a
row is judged by the model fitted on the report's other rows), on every row
with a numeric miss and a city grade of full, partial or none. A row that
missed its target and is graded partial or none is graded unlike the rest
when its grade has a probability below :data:`IMPROBABLE` under the other
rows' grading while the grades on one side of it (better, or worse) have
together at least :data:`PREFERRED`; the preferred grade is the most
probable on that side, and the row is compared with the rows of that grade
nearest to its miss (those that missed as much or more for a row graded
too severely, as little or less for one graded too leniently). Ranks are
left out: 4th place against a target of 1st is no share of a quantity. Fewer
than :data:`MIN_ROWS` rows, a report of one grade, or a grade no other row
has: no judgement, and no error.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data

from pipeline.records import Metric

#: The city's grade as an ordered number: a larger grade is a worse outcome.
GRADES: dict[str, int] = {"full": 1, "partial": 2, "none": 3}
#: A row's grade is improbable under the report's own grading below this probability ...
IMPROBABLE = 0.1
#: ... when the grades on one side of it (all better, or all worse) have together at least this probability.
PREFERRED = 0.8
#: Fewer rows with a numeric miss and a grade than this: the report has no grading to learn.
MIN_ROWS = 4
#: How many rows of the preferred grade a flagged row is compared with.
COMPARED = 2


class OrdinalGrading(ClassifierMixin, BaseEstimator):
    """Cumulative-logit classifier for ordered classes, monotone in the features it is told to be.

    Parameters
    ----------
    C : float
        Inverse strength of the L2 penalty on ``coef_`` (the cut points are
        not penalised); smaller is smoother.
    monotonic_cst : sequence of {-1, 0, 1} or None
        Per feature: ``1`` the weight is at least 0 (a larger value never
        makes a lower class more likely), ``-1`` at most 0, ``0`` free.
        None: all free.
    max_iter : int
        Iterations of L-BFGS-B.

    Attributes
    ----------
    classes_ : ndarray
        The classes in their order (sorted): the first is the best grade.
    coef_ : ndarray of shape (n_features,)
        Weights of the latent severity.
    thresholds_ : ndarray of shape (n_classes - 1,)
        Increasing cut points between consecutive classes.
    n_iter_ : int
        Iterations the optimiser ran.
    """

    def __init__(self, *, C: float = 1.0, monotonic_cst: Sequence[int] | None = None, max_iter: int = 200):
        self.C = C
        self.monotonic_cst = monotonic_cst
        self.max_iter = max_iter

    def fit(self, X, y) -> OrdinalGrading:
        """Fit on ``X`` (n_rows × n_features) and the ordered classes ``y``; returns ``self``."""
        X, y = validate_data(self, X, y, dtype=np.float64)
        check_classification_targets(y)
        self.classes_, codes = np.unique(y, return_inverse=True)
        if len(self.classes_) < 2:
            only = self.classes_.tolist()[0]
            raise ValueError(f"OrdinalGrading needs at least two classes to order, got one class: {only!r}; "
                             "fit it on rows of at least two grades")
        if self.C <= 0:
            raise ValueError(f"C must be positive, got {self.C!r}; use e.g. C=1.0")
        bounds = [_bound(c) for c in self._constraints(X.shape[1])]
        n_features, n_cuts = X.shape[1], len(self.classes_) - 1
        # Cut points start at the empirical cumulative log-odds: the fit with no features.
        share_above = 1.0 - np.cumsum(np.bincount(codes, minlength=n_cuts + 1))[:-1] / len(codes)
        start_cuts = -np.log(share_above / (1.0 - share_above))
        start = np.concatenate([np.zeros(n_features), [start_cuts[0]], np.log(np.maximum(np.diff(start_cuts), 1e-3))])
        found = minimize(_loss, start, args=(X, codes, n_cuts, 1.0 / self.C), jac=True, method="L-BFGS-B",
                         bounds=bounds + [(None, None)] * n_cuts, options={"maxiter": self.max_iter})
        self.coef_ = found.x[:n_features]
        self.thresholds_ = _cuts(found.x[n_features:])
        self.n_iter_ = int(found.nit)
        return self

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        # One latent axis orders the classes: labels that are not ordered along one direction of the
        # features (scikit-learn's three blobs in the plane) cannot all be told apart.
        tags.classifier_tags.poor_score = True
        return tags

    def _constraints(self, n_features: int) -> list[int]:
        if self.monotonic_cst is None:
            return [0] * n_features
        constraints = list(self.monotonic_cst)
        if len(constraints) != n_features or any(c not in (-1, 0, 1) for c in constraints):
            raise ValueError(f"monotonic_cst must give -1, 0 or 1 for each of the {n_features} features, "
                             f"got {constraints!r}")
        return constraints

    def severity(self, X) -> np.ndarray:
        """The latent severity of each row: ``X @ coef_``; larger means a worse class."""
        check_is_fitted(self, "coef_")
        X = validate_data(self, X, dtype=np.float64, reset=False)
        return X @ self.coef_

    def predict_proba(self, X) -> np.ndarray:
        """Probability of each class of ``classes_`` per row."""
        check_is_fitted(self, "coef_")
        above = expit(self.severity(X)[:, None] - self.thresholds_[None, :])
        upper = np.hstack([np.ones((len(above), 1)), above])
        lower = np.hstack([above, np.zeros((len(above), 1))])
        return np.clip(upper - lower, 0.0, 1.0)

    def predict(self, X) -> np.ndarray:
        """The most probable class per row."""
        check_is_fitted(self, "coef_")
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]


def _bound(constraint: int) -> tuple[float | None, float | None]:
    return {1: (0.0, None), -1: (None, 0.0), 0: (None, None)}[constraint]


def _cuts(params: np.ndarray) -> np.ndarray:
    """Increasing cut points from the first one and the logs of the gaps after it."""
    return np.concatenate([params[:1], params[0] + np.cumsum(np.exp(params[1:]))])


def _loss(params: np.ndarray, X: np.ndarray, codes: np.ndarray, n_cuts: int, alpha: float):
    """Negative log-likelihood plus ``alpha/2 ||coef||²``, and its gradient."""
    n_features = X.shape[1]
    coef, cut_params = params[:n_features], params[n_features:]
    cuts = _cuts(cut_params)
    score = X @ coef
    # F[i, k] = P(class > k); the class c has F[:, c-1] - F[:, c], with F = 1 before the first cut, 0 after the last.
    F = np.hstack([np.ones((len(score), 1)), expit(score[:, None] - cuts[None, :]), np.zeros((len(score), 1))])
    dF = F * (1.0 - F)  # derivative of each F by the score (0 at the padded ends)
    rows = np.arange(len(codes))
    upper, lower = F[rows, codes], F[rows, codes + 1]
    prob = np.maximum(upper - lower, 1e-12)
    loss = -np.sum(np.log(prob)) + 0.5 * alpha * coef @ coef
    d_upper, d_lower = dF[rows, codes], dF[rows, codes + 1]
    d_score = -(d_upper - d_lower) / prob
    grad_coef = X.T @ d_score + alpha * coef
    # dF/dcut_k = -dF/dscore, for the cut at the class's upper and lower edge.
    d_cuts = np.zeros(n_cuts)
    np.add.at(d_cuts, codes[codes > 0] - 1, (d_upper / prob)[codes > 0])
    np.add.at(d_cuts, codes[codes < n_cuts], -(d_lower / prob)[codes < n_cuts])
    # cuts[k] = p0 + sum_{j<=k} exp(p_j): chain rule to the parameters.
    grad_cut_params = np.empty(n_cuts)
    grad_cut_params[0] = d_cuts.sum()
    grad_cut_params[1:] = np.exp(cut_params[1:]) * np.cumsum(d_cuts[::-1])[::-1][1:]
    return loss, np.concatenate([grad_coef, grad_cut_params])


def miss_feature(missed_by: float) -> float:
    """The share of the target missed on a log scale: ``log(1 + percentage points missed)``.

    A 5 % miss against 10 % weighs about as much as 50 % against 100 %, and
    a cost that ran 6 433 % over its ceiling does not pull the whole line.
    """
    return math.log1p(100.0 * missed_by)


def grading_features(metrics: Sequence[Metric]) -> np.ndarray:
    """One row per metric: :func:`miss_feature` of ``audit.missed_by`` (each metric needs a numeric miss)."""
    return np.array([[miss_feature(m.audit.missed_by)] for m in metrics], dtype=np.float64).reshape(-1, 1)


def new_model() -> OrdinalGrading:
    """The grading model as :func:`unlike_report` fits it: monotone in the miss."""
    return OrdinalGrading(C=1.0, monotonic_cst=[1])


@dataclass(slots=True)
class UnlikeGrading:
    """A row graded unlike the rest of its report: the city's grade and the one the other rows' grading prefers.

    ``probabilities`` are per status (``full``/``partial``/``none``) under
    the model fitted on the other rows; ``compared`` the rows of the
    preferred grade nearest to the row's miss.
    """

    metric: Metric
    preferred: str
    probabilities: dict[str, float]
    compared: list[Metric]


def graded_rows(metrics: Sequence[Metric]) -> list[Metric]:
    """The rows a report's grading is learned from: a numeric miss (not a rank) and a grade full, partial or none."""
    # A rank is no share of a quantity: 4th place against a target of 1st is no "300 % missed".
    return [m for m in metrics if m.audit is not None and m.audit.missed_by is not None
            and math.isfinite(m.audit.missed_by) and m.audit.unit != "rank" and m.status in GRADES]


def leave_one_out(rows: Sequence[Metric], index: int) -> dict[str, float] | None:
    """Probabilities per status of row ``index`` under the model fitted on the other rows.

    None when the other rows are fewer than ``MIN_ROWS - 1``, of one grade only,
    or do not include the row's own grade (a grade given once has no grading to compare with).
    """
    others = [m for i, m in enumerate(rows) if i != index]
    grades = {GRADES[m.status] for m in others}
    if len(others) < MIN_ROWS - 1 or len(grades) < 2 or GRADES[rows[index].status] not in grades:
        return None
    model = new_model().fit(grading_features(others), [GRADES[m.status] for m in others])
    proba = model.predict_proba(grading_features([rows[index]]))[0]
    by_grade = dict(zip(model.classes_.tolist(), proba.tolist(), strict=True))
    return {status: by_grade.get(grade, 0.0) for status, grade in GRADES.items()}


def unlike_report(metrics: Sequence[Metric]) -> list[UnlikeGrading]:
    """Rows that missed their target whose city grade the report's own other rows make improbable.

    Parameters
    ----------
    metrics : the report's metric rows, audited (``audit.missed_by``, ``status``).

    Returns
    -------
    One :class:`UnlikeGrading` per flagged row, in the rows' order.
    """
    rows = graded_rows(metrics)
    if len(rows) < MIN_ROWS:
        return []
    found = []
    for i, metric in enumerate(rows):
        if metric.audit.missed_by <= 0 or metric.status == "full":
            continue
        probabilities = leave_one_out(rows, i)
        if probabilities is None:
            continue
        if probabilities[metric.status] >= IMPROBABLE:
            continue
        grade = GRADES[metric.status]
        better = {s: p for s, p in probabilities.items() if GRADES[s] < grade}
        worse = {s: p for s, p in probabilities.items() if GRADES[s] > grade}
        side = max(better, worse, key=lambda grades: sum(grades.values()))
        if sum(side.values()) >= PREFERRED:
            preferred = max(side, key=side.get)
            found.append(UnlikeGrading(metric, preferred, probabilities, _compared(metric, rows, preferred)))
    return found


def _compared(metric: Metric, rows: Sequence[Metric], preferred: str) -> list[Metric]:
    """The rows of the preferred grade nearest to the row's miss, those that contradict its grade first.

    A row graded worse than preferred is contradicted by rows of the better
    grade that missed as much or more; one graded better, by rows of the
    worse grade that missed as little or less.
    """
    miss = metric.audit.missed_by
    worse = GRADES[metric.status] > GRADES[preferred]
    candidates = [m for m in rows if m is not metric and m.status == preferred]
    contradicting = [m for m in candidates if (m.audit.missed_by >= miss if worse else m.audit.missed_by <= miss)]
    return sorted(contradicting or candidates, key=lambda m: abs(m.audit.missed_by - miss))[:COMPARED]
