"""The status classifier on the cities' own labels, folded by report.

    .venv/bin/python bench/real_labels.py [--synthetic 600] [--real ../shared/data/real]

The real statements (Seinäjoki and Kauhava 2024) carry hundreds of the
cities' own labels: Kauhava's per goal, Seinäjoki's per metric row (each row
read as a goal, :func:`pipeline.training.metric_row_goals`). A city's label is
a noisy label of the true status. For each report in turn, the classifier is
trained on the SYNTHETIC corpus and the other reports' labels (never on a row
of the report it is tested on), then its agreement with that report's labels
is printed: accuracy and macro-F1, against the majority class of the
training labels and against the classifier trained on SYNTHETIC goals only.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from sklearn.metrics import accuracy_score, f1_score

from pipeline.analysis import read_evidence
from pipeline.training import load_examples, synthetic_examples, train

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic", type=int, default=600, help="SYNTHETIC goals added to every training set")
    parser.add_argument("--real", type=Path, default=ROOT.parent / "shared" / "data" / "real",
                        help="folder of the real statements (default ../shared/data/real)")
    args = parser.parse_args()
    paths = sorted(args.real.glob("*_tilinpaatos.pdf"))
    if not paths:
        print(f"skipped: no statements in {args.real}")
        return
    loaded = load_examples([*paths, ROOT / "data" / "samples"])
    by_report: dict[str, list] = {}
    for example in loaded.examples:
        by_report.setdefault(example.source, []).append(example)
    synthetic = synthetic_examples(args.synthetic, seed=0)
    print("labelled examples per report: " + ", ".join(f"{k} {len(v)}" for k, v in by_report.items()))
    print(f"{'held-out report':45s} {'n':>4s} {'labels f/p/n':>13s} | {'majority':>8s} {'synthetic only':>14s} "
          f"{'+ other reports':>15s} | {'macro-F1 ours':>13s}")
    synthetic_model = train(synthetic, cv_folds=0)
    for source, test in by_report.items():
        others = [e for name, examples in by_report.items() if name != source for e in examples]
        model = train([*synthetic, *others], cv_folds=0)
        truth = [e.label for e in test]
        goals = [e.goal for e in test]
        evidence = read_evidence(goals, test[0].year)
        predicted = [p.status for p in model.predict_goals(goals, evidence.docs, evidence.assessments)]
        baseline = [p.status for p in synthetic_model.predict_goals(goals, evidence.docs, evidence.assessments)]
        majority = Counter(e.label for e in [*synthetic, *others]).most_common(1)[0][0]
        counts = Counter(truth)
        print(f"{source[:45]:45s} {len(test):4d} {counts['full']:>4d}/{counts['partial']}/{counts['none']:<5d} | "
              f"{accuracy_score(truth, [majority] * len(truth)):8.3f} {accuracy_score(truth, baseline):14.3f} "
              f"{accuracy_score(truth, predicted):15.3f} | {f1_score(truth, predicted, average='macro'):13.3f}")


if __name__ == "__main__":
    main()
