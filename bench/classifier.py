"""Status classifier and claim audit: seed report, held-out phrasing, baselines, training time.

    .venv/bin/python bench/classifier.py [--train 1200] [--test 450] [--via-pdf]

1. Seed report (real): the audit's verdicts against the auditor's fixture
   (tests/fixtures/seed_audit.json), with a model trained WITHOUT the seed;
   and that model's accuracy on the seed's claimed labels.
2. SYNTHETIC goals with held-out phrasing: train on paraphrase families 0
   and 1, test on family 2 (and, separately, on held-out service areas).
   Classifier macro-F1 against a majority-class baseline and a text-only
   baseline; audit precision/recall on the planted disagreements, for the
   rules alone, rules + classifier, and a classifier-only audit (flag when
   the prediction differs from the claim) as a baseline. With --via-pdf the
   test goals are rendered into report PDFs and read back first.
3. Training time of the default model (the `train` command's data).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, f1_score

from pipeline.analysis import analyse_report, read_evidence
from pipeline.classify import StatusClassifier, StatusModel, feature_frame
from pipeline.evaluate import PRF, verdict_disagreements
from pipeline.ingest import read_report
from pipeline.records import Goal, Report
from pipeline.synthetic_corpus import AREAS, generate_corpus, write_reports
from pipeline.training import featurise, load_examples, synthetic_examples, train

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "samples" / "vantaa_2021_kasvatus_ja_oppiminen.txt"
AUDIT_FIXTURE = ROOT / "tests" / "fixtures" / "seed_audit.json"


def audit_scores(corpus, reports: list[Report], model) -> PRF:
    """Precision/recall of ``flagged`` on the planted disagreements."""
    by_id = {}
    for report in reports:
        for goal in analyse_report(report, model=model).goals:
            by_id[(report.source, goal.goal_id)] = goal
    score = PRF()
    for source, planted_ids in corpus:
        for goal_id, planted in planted_ids.items():
            goal = by_id.get((source, goal_id))
            flagged = bool(goal and goal.audit.flagged)
            score.tp += planted and flagged
            score.fp += (not planted) and flagged
            score.fn += planted and not flagged
    return score


def classifier_only(corpus_goals, predictions) -> PRF:
    score = PRF()
    for sg, predicted in zip(corpus_goals, predictions, strict=True):
        flagged = predicted != sg.goal.status
        score.tp += sg.planted and flagged
        score.fp += (not sg.planted) and flagged
        score.fn += sg.planted and not flagged
    return score


def held_out(name: str, train_examples, test_corpus, via_pdf: bool) -> None:
    print(f"\n== held out: {name}: train {len(train_examples)} goals, test {len(test_corpus)} goals "
          f"({sum(g.planted for g in test_corpus)} planted disagreements)")
    train_frame = featurise(train_examples)
    y_train = [e.label for e in train_examples]
    test_goals = [Goal.from_dict(g.goal.to_dict()) for g in test_corpus]
    evidence = read_evidence(test_goals, 2021)
    test_frame = feature_frame(evidence.docs, evidence.assessments)
    y_test = [g.truth for g in test_corpus]
    models = {
        "majority class": DummyClassifier(strategy="most_frequent").fit(train_frame, y_train),
        "text only": StatusClassifier(use_evidence=False).fit(train_frame, y_train),
        "evidence only": StatusClassifier(use_text=False).fit(train_frame, y_train),
        "ours (text + evidence)": StatusClassifier().fit(train_frame, y_train),
    }
    print(f"{'classifier':26s} {'accuracy':>8s} {'macro-F1':>8s}")
    for label, model in models.items():
        predicted = model.predict(test_frame)
        print(f"{label:26s} {accuracy_score(y_test, predicted):8.3f} "
              f"{f1_score(y_test, predicted, average='macro'):8.3f}")
    ours = StatusModel(models["ours (text + evidence)"], {"version": "bench"})
    if via_pdf:
        with tempfile.TemporaryDirectory() as tmp:
            write_reports(test_corpus, tmp, formats=("pdf",))
            truth = json.loads((Path(tmp) / "truth.json").read_text(encoding="utf-8"))
            reports = [read_report(Path(tmp) / name) for name in truth]
    else:
        reports = [Report(source="synthetic", sha256="", year=2021,
                          goals=[Goal.from_dict(g.goal.to_dict()) for g in test_corpus])]
        # Goal ids repeat every 4 goals in a corpus; number them uniquely for matching.
        for i, goal in enumerate(reports[0].goals):
            goal.goal_id = f"g{i}"
        truth = {"synthetic": {f"g{i}": {"planted": sg.planted} for i, sg in enumerate(test_corpus)}}
    planted = [(source, {gid: rec["planted"] for gid, rec in goals.items()}) for source, goals in truth.items()]
    rules = audit_scores(planted, [Report.from_dict(r.to_dict()) for r in reports], None)
    combined = audit_scores(planted, [Report.from_dict(r.to_dict()) for r in reports], ours)
    only = classifier_only(test_corpus, models["ours (text + evidence)"].predict(test_frame))
    print(f"{'audit of planted claims':26s} {'precision':>9s} {'recall':>7s}")
    for label, score in (("classifier only (baseline)", only), ("rules only", rules), ("rules + classifier", combined)):
        print(f"{label:26s} {score.precision:9.3f} {score.recall:7.3f}   (tp {score.tp}, fp {score.fp}, fn {score.fn})")


def seed_section() -> None:
    fixture = json.loads(AUDIT_FIXTURE.read_text(encoding="utf-8"))["goals"]
    started = time.perf_counter()
    model = train(synthetic_examples(1500, seed=0))
    took = time.perf_counter() - started
    print(f"== seed report (model trained without the seed: 1500 SYNTHETIC goals, {took:.1f} s)")
    for label, used in (("rules only", None), ("rules + classifier", model)):
        report = analyse_report(read_report(SEED), model=used)
        differ = verdict_disagreements(report, fixture)
        agree = len(report.goals) - len(differ)
        print(f"audit agrees with the auditor's fixture ({label}): {agree}/{len(report.goals)}")
        for goal_id, expected, got in differ:
            print(f"   {goal_id}: fixture {expected}, audit {got}")
    report = analyse_report(read_report(SEED), model=model)
    claimed = [g.status for g in report.goals]
    predicted = [g.prediction.status for g in report.goals]
    print(f"classifier accuracy on the seed's claimed labels: {accuracy_score(claimed, predicted):.3f} "
          f"({sum(a == b for a, b in zip(claimed, predicted, strict=True))}/{len(claimed)}); "
          f"majority-class baseline (always 'full'): {claimed.count('full') / len(claimed):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", type=int, default=1200)
    parser.add_argument("--test", type=int, default=450)
    parser.add_argument("--via-pdf", action="store_true", help="render the test goals into PDFs and read them back")
    args = parser.parse_args()

    seed_section()

    # Test seeds 101 and 103 were never looked at while the rules were written (seeds 1 and 13 were).
    train_examples = synthetic_examples(args.train, seed=100, families=(0, 1))
    test_corpus = generate_corpus(args.test, seed=101, families=(2,))
    held_out("paraphrase family 2", train_examples, test_corpus, args.via_pdf)

    names = [a.name for a in AREAS]
    train_areas, test_areas = tuple(names[::2]), tuple(names[1::2])
    train_examples = synthetic_examples(args.train, seed=102, areas=(*train_areas, "Terveyspalvelut", "Ympäristö"))
    test_corpus = generate_corpus(args.test, seed=103, areas=(*test_areas, "Koulutus"))
    held_out(f"service areas {', '.join((*test_areas, 'Koulutus'))}", train_examples, test_corpus, args.via_pdf)

    started = time.perf_counter()
    loaded = load_examples([ROOT / "data" / "samples"])
    examples = loaded.examples + synthetic_examples(1500, seed=0)
    model = train(examples)
    took = time.perf_counter() - started
    print(f"\n== default model: {len(examples)} goals, trained in {took:.1f} s on this machine "
          f"(features + fit {model.card['training_seconds']} s, the rest cross-validation for the card)")


if __name__ == "__main__":
    main()
