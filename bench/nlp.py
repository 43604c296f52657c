"""Lemma accuracy and throughput of the NLP configurations, side by side in one run.

    .venv/bin/python bench/nlp.py [--conllu ../shared/data/ud_fi_tdt/fi_tdt-ud-test.conllu] [--sentences N]
                                  [--runs 5] [--speed-texts 800]

Lemma accuracy: UD Finnish-TDT test set with the gold tokenisation, ignoring
case and the compound marker '#', punctuation included (as UD scores it).
Configurations: the model's default pipeline as published, our full and fast
pipelines (pipeline.nlp), and raw Voikko (first analysis's base form, the
word itself when Voikko does not know it).

Throughput: tokens per second over the same raw texts (the first
--speed-texts sentences of the test set as running text, tokenised by each
pipeline, and the seed report's goal fields). After one untimed pass each
(warm caches, as in a long-running process), each of --runs runs goes through
the texts in chunks of --chunk, every configuration doing each chunk in turn
in a rotating order, so load from another process falls on all of them
alike; each run's speed is divided by the published pipeline's in the same
run, and the min/median/max of those ratios are printed.

"ours fast" chooses its matrix products (BLIS, OpenBLAS, OpenBLAS on one
thread) by measuring each when it is built (pipeline.nlp.measure_blas); the
ablations force one.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc

from pipeline import finnish
from pipeline.evaluate import lemma_key, read_conllu
from pipeline.ingest import read_report
from pipeline.nlp import MODEL_NAME, build_nlp, field_texts

ROOT = Path(__file__).resolve().parents[1]
CONLLU = ROOT.parent / "shared" / "data" / "ud_fi_tdt" / "fi_tdt-ud-test.conllu"
SEED = ROOT / "data" / "samples" / "vantaa_2021_kasvatus_ja_oppiminen.txt"


def lemma_accuracy(nlp, sentences) -> float:
    right = total = 0
    docs = (Doc(nlp.vocab, words=[t.form for t in s], spaces=[t.space_after for t in s]) for s in sentences)
    for sentence, doc in zip(sentences, nlp.pipe(docs, batch_size=256), strict=True):
        for gold, token in zip(sentence, doc, strict=True):
            right += lemma_key(gold.lemma) == lemma_key(token.lemma_)
            total += 1
    return right / total


def voikko_accuracy(sentences) -> float:
    right = total = 0
    for sentence in sentences:
        for gold in sentence:
            found = finnish.analyses(gold.form)
            lemma = found[0].get("BASEFORM", gold.form) if found else gold.form
            right += lemma_key(gold.lemma) == lemma_key(lemma)
            total += 1
    return right / total


def timed_pass(nlp, texts: list[str]) -> tuple[int, float]:
    """Tokens and seconds of one pass over ``texts``."""
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))
    return tokens, time.perf_counter() - started


def interleaved_speeds(configs: dict, texts: list[str], runs: int, chunk: int) -> dict[str, list[float]]:
    """Tokens per second of each configuration in each run.

    A run goes through the texts in chunks of ``chunk``; every configuration
    does each chunk in turn (in an order that rotates) before the next chunk,
    so a burst of load from another process falls on all of them alike.
    """
    names = list(configs)
    speeds: dict[str, list[float]] = {name: [] for name in names}
    for run in range(runs):
        tokens = dict.fromkeys(names, 0)
        seconds = dict.fromkeys(names, 0.0)
        for k, start in enumerate(range(0, len(texts), chunk)):
            shift = (run + k) % len(names)
            for name in names[shift:] + names[:shift]:
                n, took = timed_pass(configs[name], texts[start:start + chunk])
                tokens[name] += n
                seconds[name] += took
        for name in names:
            speeds[name].append(tokens[name] / seconds[name])
    return speeds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conllu", type=Path, default=CONLLU)
    parser.add_argument("--sentences", type=int, default=0, help="score only the first N sentences (0: all)")
    parser.add_argument("--speed-texts", type=int, default=800, help="time the first N sentences as texts")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chunk", type=int, default=50, help="texts each configuration does in turn")
    args = parser.parse_args()
    if not args.conllu.exists():
        raise SystemExit(f"{args.conllu} not found: pass --conllu PATH to UD Finnish-TDT's fi_tdt-ud-test.conllu")

    sentences = list(read_conllu(args.conllu))
    if args.sentences:
        sentences = sentences[: args.sentences]
    texts = ["".join(t.form + (" " if t.space_after else "") for t in s).strip()
             for s in sentences[: args.speed_texts]]
    report = read_report(SEED)
    texts += [text for goal in report.goals for _, text in field_texts(goal)]
    n_tokens = sum(len(s) for s in sentences)

    configs = {
        "default (model as published)": spacy.load(MODEL_NAME),
        "ours full": build_nlp("full"),
        "ours fast": build_nlp("fast"),
        "ours fast, BLIS (ablation)": build_nlp("fast", blas="blis"),
        "ours fast, OpenBLAS (ablation)": build_nlp("fast", blas="openblas"),
        "ours fast, OpenBLAS 1 thread (abl.)": build_nlp("fast", blas="openblas-1"),
    }
    fast = configs["ours fast"]
    choice = {name: f"{statistics.median(seconds) * 1000:.0f} ms"
              for name, seconds in fast.meta["blas_seconds"].items()}
    print(f"{len(sentences)} UD sentences, {n_tokens} gold tokens; throughput over {len(texts)} texts, "
          f"{args.runs} interleaved runs")
    print(f"ours fast chose {fast.meta['blas']} (median tok2vec time on its sample: {choice})")
    for name, nlp in configs.items():
        print(f"  {name:32s} components: {', '.join(nlp.pipe_names)}")
    accuracy = {name: lemma_accuracy(nlp, sentences) for name, nlp in configs.items()}
    for nlp in configs.values():
        timed_pass(nlp, texts)  # warm-up
    speeds = interleaved_speeds(configs, texts, args.runs, args.chunk)
    names = list(configs)
    base = names[0]
    ratios = {name: [s / b for s, b in zip(speeds[name], speeds[base], strict=True)] for name in names}
    base_accuracy = accuracy[base]
    print(f"{'configuration':32s} {'lemma acc':>9s} {'vs default':>10s} {'tokens/s':>9s} "
          f"{'ratio min':>9s} {'median':>7s} {'max':>6s}")
    for name in names:
        r = ratios[name]
        print(f"{name:32s} {100 * accuracy[name]:9.2f} {100 * (accuracy[name] - base_accuracy):+10.2f} "
              f"{statistics.median(speeds[name]):9.0f} {min(r):8.2f}x {statistics.median(r):6.2f}x {max(r):5.2f}x")
    voikko = voikko_accuracy(sentences)
    print(f"{'raw Voikko (first analysis)':32s} {100 * voikko:9.2f} {100 * (voikko - base_accuracy):+10.2f}")


if __name__ == "__main__":
    main()
