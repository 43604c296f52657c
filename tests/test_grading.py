"""A report's own grading learned from its rows: the estimator, and the rows graded unlike the rest."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.utils.estimator_checks import parametrize_with_checks

from pipeline.grading import OrdinalGrading, miss_feature
from pipeline.metric_audit import audit_report_metrics, graded_unlike_report
from pipeline.records import Goal, Metric

LABELS = {"full": "1", "partial": "2", "none": "3"}


@parametrize_with_checks([OrdinalGrading(), OrdinalGrading(C=0.1, max_iter=50)])
def test_estimator_contract(estimator, check):
    check(estimator)


# Misses (share of the target) and the city's grades (1 met, 2 slightly below, 3 clearly below).
NOISY = ([0, 0, 0, 0.02, 0.04, 0.08, 0.12, 0.15, 0.3, 0.5, 0.7, 0.1, 0.03],
         [1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 1])
BACKWARDS = ([0, 0.05, 0.1, 0.3, 0.5, 0.8], [3, 3, 2, 2, 1, 1])


@pytest.mark.parametrize(("misses", "grades"), [pytest.param(*NOISY, id="noisy-report"),
                                                pytest.param(*BACKWARDS, id="graded-backwards")])
def test_a_larger_miss_never_makes_a_better_grade_more_likely(misses, grades):
    model = OrdinalGrading(monotonic_cst=[1]).fit([[miss_feature(m)] for m in misses], grades)
    grid = [[miss_feature(m)] for m in np.linspace(0, 1.5, 61)]
    # P(grade >= k) for k = 2, 3 over increasing misses.
    at_least = np.cumsum(model.predict_proba(grid)[:, ::-1], axis=1)[:, ::-1][:, 1:]
    assert np.all(np.diff(at_least, axis=0) >= -1e-12)
    assert model.coef_[0] >= 0


def test_a_report_graded_in_order_is_learned():
    model = OrdinalGrading(monotonic_cst=[1]).fit([[miss_feature(m)] for m in NOISY[0]], NOISY[1])
    assert model.predict([[miss_feature(m)] for m in (0.0, 0.07, 0.6)]).tolist() == [1, 2, 3]


@pytest.mark.parametrize(
    ("params", "X", "y", "match"),
    [
        pytest.param({}, [[0.1], [0.2]], [2, 2], "one class: 2", id="one-class"),
        pytest.param({"monotonic_cst": [1, 1]}, [[0.1], [0.2]], [1, 2], "for each of the 1 features",
                     id="constraint-per-feature"),
        pytest.param({"monotonic_cst": [2]}, [[0.1], [0.2]], [1, 2], "-1, 0 or 1", id="constraint-values"),
        pytest.param({"C": 0.0}, [[0.1], [0.2]], [1, 2], "C must be positive", id="no-penalty"),
    ],
)
def test_bad_fit_input_says_what_was_expected(params, X, y, match):
    with pytest.raises(ValueError, match=match):
        OrdinalGrading(**params).fit(X, y)


def report(*rows: tuple[str, str, str]) -> list[Metric]:
    """One report's rows ``(name, actual against a target of 100, city status)``, audited together."""
    metrics = [Metric(name=name, baseline="…", target="100", actual=actual, status_label=LABELS[status],
                      status=status, page=10 + i) for i, (name, actual, status) in enumerate(rows)]
    audit_report_metrics([Goal(metrics=metrics)], slightly_below=0.1)
    return metrics


MET = [(f"Toteutunut {i}", str(100 + i), "full") for i in range(4)]
AMBER = [("Kävijät", "80", "partial"), ("Lainat", "76", "partial"), ("Tapahtumat", "73", "partial"),
         ("Jäsenet", "70", "partial")]
RED = [("Kurssit", "45", "none"), ("Näyttelyt", "30", "none"), ("Konsertit", "38", "none")]
SLIGHT = [("Kävijät", "97", "partial"), ("Lainat", "95", "partial"), ("Tapahtumat", "93", "partial"),
          ("Jäsenet", "96", "partial")]
DEEP = [("Kurssit", "85", "none"), ("Näyttelyt", "80", "none"), ("Konsertit", "75", "none"), ("Retket", "70", "none")]


@pytest.mark.parametrize(
    ("rows", "odd", "compared"),
    [
        pytest.param([*MET, ("Asiakaskontaktit", "95", "none"), *AMBER, *RED], "Asiakaskontaktit",
                     ["Kävijät", "Lainat"], id="red-at-5-while-20-to-30-is-amber"),
        pytest.param([*MET, *SLIGHT, *DEEP, ("Ryhmät", "40", "partial")], "Ryhmät", ["Retket", "Konsertit"],
                     id="amber-at-60-while-15-to-30-is-red"),
    ],
)
def test_a_row_graded_unlike_the_rest_is_flagged_with_the_rows_compared(rows, odd, compared):
    metrics = report(*rows)
    found = graded_unlike_report(metrics)
    assert [(m.name, [c.name for c in others]) for m, others in found] == [(odd, compared)]
    flagged = next(m for m in metrics if m.name == odd)
    pages = {m.name: m.page for m in metrics}
    assert flagged.audit.graded_unlike_report == [f"s. {pages[name]} {name}" for name in compared]
    assert flagged.audit.reasons[-1].startswith("Arvioitu eri tavalla kuin raportin muut rivit: tavoitteesta jäi")


def test_the_reason_names_the_grades_their_probabilities_and_the_rows_compared():
    metrics = report(*MET, ("Asiakaskontaktit", "95", "none"), *AMBER, *RED)
    reason = next(m for m in metrics if m.name == "Asiakaskontaktit").audit.reasons[-1]
    assert "jäi 5 % ja tila on 3, mutta raportti antaa tilan 2 riveille, joilta jäi enemmän: " in reason
    assert "s. 15 Kävijät (jäi 20 %); s. 16 Lainat (jäi 24 %)." in reason
    assert "tilan 3 todennäköisyys on" in reason


@pytest.mark.parametrize(
    "rows",
    [
        pytest.param([*MET, *AMBER, *RED, ("Asiakaskontaktit", "95", "partial")], id="graded-in-order"),
        pytest.param([("Kävijät", "95", "none"), ("Lainat", "70", "partial")], id="two-rows"),
        pytest.param([("Kävijät", "95", "none"), ("Lainat", "70", "none"), ("Kurssit", "90", "none"),
                      ("Näyttelyt", "99", "none")], id="one-grade"),
        pytest.param([*MET, ("Asiakaskontaktit", "95", "none"), *AMBER], id="a-grade-given-once"),
        pytest.param([*MET, *AMBER, ("Sijoitus", "…", "none")], id="a-row-without-a-figure"),
    ],
)
def test_no_flag_without_a_grading_to_contradict(rows):
    metrics = report(*rows)
    assert graded_unlike_report(metrics) == []
    assert all(m.audit.graded_unlike_report == [] for m in metrics)
