"""Summaries against the officials' own condensed account, and the time to build a large digest.

    .venv/bin/python bench/summaries.py [--goals 500]

For each seed goal, the measures (*Keskeiset toimenpiteet*) are summarised
and scored against the goal's metric status (*Mittarien tilanne*), which
officials wrote as a condensed account of them: ROUGE-1 and ROUGE-L F1 on
content lemmas. Baselines in the same run: the first sentence of the
measures, and a random sentence (fixed seed). All three get the same number
of sentences as the summary chose for that goal, capped by the same length.
Then the HTML + Markdown digest of a SYNTHETIC report of --goals goals is
timed (analysis excluded).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from pipeline.analysis import analyse_report, read_evidence
from pipeline.digest import write_digest
from pipeline.ingest import read_report
from pipeline.records import Report
from pipeline.summarise import candidates, summarise
from pipeline.synthetic_corpus import generate_corpus

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "samples" / "vantaa_2021_kasvatus_ja_oppiminen.txt"


def lcs(a: list[str], b: list[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def f1(overlap: int, predicted: int, reference: int) -> float:
    if not overlap:
        return 0.0
    precision, recall = overlap / predicted, overlap / reference
    return 2 * precision * recall / (precision + recall)


def rouge(predicted: list[str], reference: list[str]) -> tuple[float, float]:
    from collections import Counter

    unigram = sum((Counter(predicted) & Counter(reference)).values())
    return (f1(unigram, len(predicted), len(reference)),
            f1(lcs(predicted, reference), len(predicted), len(reference)))


def lemmas_of(nlp, text: str) -> list[str]:
    return [t.lemma_.lower() for t in nlp(text) if t.is_alpha or t.like_num]


def main() -> None:
    from pipeline.nlp import load_nlp

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--goals", type=int, default=500)
    args = parser.parse_args()
    nlp = load_nlp("fast")
    report = read_report(SEED)
    evidence = read_evidence(report.goals, report.year)
    rng = random.Random(0)
    totals = {"ours": [0.0, 0.0], "first sentence": [0.0, 0.0], "random sentence": [0.0, 0.0]}
    random_mean = [0.0, 0.0]  # the random baseline averaged over 100 seeds, for scale
    scored = 0
    print(f"{'goal':>6s} {'ours R1/RL':>12s} {'first R1/RL':>12s} {'random R1/RL':>13s}")
    for goal, docs, assessment in zip(report.goals, evidence.docs, evidence.assessments, strict=True):
        if not goal.measures or not goal.metric_status:
            continue
        ours = summarise(docs, assessment, fields=("measures",))
        sentences = [c.text for c in candidates(docs, ("measures",))]
        k = max(1, sum(1 for s in sentences if s in ours))
        systems = {"ours": ours, "first sentence": " ".join(sentences[:k]),
                   "random sentence": " ".join(rng.sample(sentences, min(k, len(sentences))))}
        reference = lemmas_of(nlp, goal.metric_status)
        row = []
        for name, text in systems.items():
            r1, rl = rouge(lemmas_of(nlp, text), reference)
            totals[name][0] += r1
            totals[name][1] += rl
            row.append(f"{r1:.2f}/{rl:.2f}")
        for draw in range(100):
            pick = random.Random(1000 + draw).sample(sentences, min(k, len(sentences)))
            r1, rl = rouge(lemmas_of(nlp, " ".join(pick)), reference)
            random_mean[0] += r1 / 100
            random_mean[1] += rl / 100
        scored += 1
        print(f"{goal.goal_id:>6s} {row[0]:>12s} {row[1]:>12s} {row[2]:>13s}")
    print(f"\nmean over {scored} seed goals (ROUGE-1 F1 / ROUGE-L F1 on lemmas):")
    for name, (r1, rl) in totals.items():
        print(f"  {name:16s} {r1 / scored:.3f} / {rl / scored:.3f}")
    print(f"  {'random (100 seeds)':16s} {random_mean[0] / scored:.3f} / {random_mean[1] / scored:.3f}")
    base = totals["first sentence"]
    print(f"  ratio ours / first sentence: ROUGE-1 {totals['ours'][0] / base[0]:.2f}, "
          f"ROUGE-L {totals['ours'][1] / base[1]:.2f}")

    big = Report(source="synthetic_500.json", sha256="", year=2021,
                 goals=[g.goal for g in generate_corpus(args.goals, seed=7)])
    analyse_report(big)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        html_path, _ = write_digest(big, tmp)
        took = time.perf_counter() - started
        size = html_path.stat().st_size / 1e6
    print(f"\ndigest (HTML + Markdown) of a {args.goals}-goal SYNTHETIC report: {took:.2f} s, HTML {size:.1f} MB")


if __name__ == "__main__":
    main()
