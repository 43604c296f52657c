"""A report's own grading learned from its rows (:mod:`pipeline.grading`): how well it predicts the city's grade.

    .venv/bin/python bench/grading.py [--runs 5]

For each development report (Seinäjoki's development rows of
``tests/fixtures/real_key/seinajoki_dev.json``, and the invented Kokkola and
Rauma rows of ``tests/fixtures/rows_key/dev/``), every row the grading is
learned from is predicted by a model fitted on the report's other rows
(leave-one-out, as :func:`pipeline.grading.unlike_report` judges a row).
Printed per report: the leave-one-out log-loss and accuracy of

- the baseline: the other rows' grade shares, whatever the row's figures;
- the model on the miss alone (what the pipeline uses, ``C=1``), and with
  a stronger and a weaker penalty;
- the miss with lower-is-better, with the unit class (``%``, euro, change,
  a count), and with both: the features left out, to show why.

Then the rows flagged as graded unlike the rest, and the time
:func:`~pipeline.grading.unlike_report` takes per report (min/median/max
over ``--runs`` runs). Held-out keys are never read.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import numpy as np

from pipeline import grading
from pipeline.metric_audit import audit_report_metrics
from pipeline.records import Goal, Metric

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
UNIT_CLASSES = ("%", "euro", "change")


def dev_reports() -> dict[str, list[Metric]]:
    """The development reports' metric rows, audited with the default setting."""
    keys = {"seinajoki (dev rows)": json.loads((FIXTURES / "real_key" / "seinajoki_dev.json").read_text("utf-8"))}
    for path in sorted((FIXTURES / "rows_key" / "dev").glob("*.json")):
        keys[path.stem] = json.loads(path.read_text("utf-8"))
    reports = {}
    for name, key in keys.items():
        metrics = [Metric(name=r["metric"], baseline=r["baseline"], target=r["target"], actual=r["actual"],
                          status_label=r["status_label"], status=key["legend"].get(r["status_label"]),
                          page=r.get("page")) for r in key["rows"]]
        audit_report_metrics([Goal(metrics=metrics)], slightly_below=0.1)
        reports[name] = metrics
    return reports


def features(rows: list[Metric], lower: bool, unit: bool) -> np.ndarray:
    columns = [grading.grading_features(rows)]
    if lower:
        columns.append(np.array([[float(bool(m.audit.lower_is_better))] for m in rows]).reshape(-1, 1))
    if unit:
        columns.append(np.array([[float(m.audit.unit == u) for u in UNIT_CLASSES] for m in rows]).reshape(-1, 3))
    return np.hstack(columns)


def leave_one_out(rows: list[Metric], lower: bool, unit: bool, model: bool,
                  C: float = 1.0) -> tuple[float, float, int]:
    """Mean log-loss, accuracy and the number of rows judged (a grade no other row has is not judged)."""
    X = features(rows, lower, unit)
    y = np.array([grading.GRADES[m.status] for m in rows])
    losses, right = [], 0
    for i in range(len(rows)):
        keep = np.arange(len(rows)) != i
        if y[i] not in y[keep] or len(set(y[keep])) < 2:
            continue
        if model:
            cst = [1] + [0] * (X.shape[1] - 1)
            fitted = grading.OrdinalGrading(C=C, monotonic_cst=cst).fit(X[keep], y[keep])
            proba = dict(zip(fitted.classes_, fitted.predict_proba(X[i:i + 1])[0], strict=True))
        else:
            values, counts = np.unique(y[keep], return_counts=True)
            proba = dict(zip(values, counts / counts.sum(), strict=True))
        losses.append(-np.log(max(proba[y[i]], 1e-6)))
        right += max(proba, key=proba.get) == y[i]
    return float(np.mean(losses)), right / len(losses), len(losses)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="timing runs per report (default 5)")
    args = parser.parse_args()
    variants = {"grade shares (baseline)": (False, False, False, 1.0), "miss, C=1 (used)": (False, False, True, 1.0),
                "miss, C=0.3": (False, False, True, 0.3), "miss, C=10": (False, False, True, 10.0),
                "miss + lower-is-better": (True, False, True, 1.0), "miss + unit class": (False, True, True, 1.0),
                "miss + both": (True, True, True, 1.0)}
    for name, metrics in dev_reports().items():
        rows = grading.graded_rows(metrics)
        print(f"\n== {name}: {len(metrics)} rows, {len(rows)} with a numeric miss and a grade")
        base = None
        for label, (lower, unit, model, C) in variants.items():
            loss, accuracy, n = leave_one_out(rows, lower, unit, model, C)
            base = base or loss
            print(f"{label:26s} log-loss {loss:.3f} ({loss / base:.2f} × baseline), accuracy {accuracy:.3f}, n {n}")
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            found = grading.unlike_report(metrics)
            times.append(time.perf_counter() - start)
        print(f"graded unlike the rest: {len(found)}; unlike_report took min {min(times):.3f} s, "
              f"median {statistics.median(times):.3f} s, max {max(times):.3f} s over {args.runs} runs")
        for unlike in found:
            m = unlike.metric
            print(f"- p. {m.page} {(m.name or '')[:60]}: tavoite {m.target!r}, toteuma {m.actual!r}, city "
                  f"{m.status_label}, missed {100 * m.audit.missed_by:.1f} %, P(city) "
                  f"{unlike.probabilities[m.status]:.3f}, preferred {unlike.preferred}; compared: "
                  + "; ".join(f"{(c.name or '')[:40]} ({100 * c.audit.missed_by:.1f} %)" for c in unlike.compared))


if __name__ == "__main__":
    main()
