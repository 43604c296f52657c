"""Lemma accuracy and throughput of the NLP configurations, side by side in one run.

    .venv/bin/python bench/nlp.py [--conllu ../shared/data/ud_fi_tdt/fi_tdt-ud-test.conllu] [--sentences N]

Lemma accuracy: UD Finnish-TDT test set with the gold tokenisation, ignoring
case and the compound marker '#', punctuation included (as UD scores it).
Configurations: the model's default pipeline as published, our full and fast
pipelines (pipeline.nlp), and raw Voikko (first analysis's base form, the
word itself when Voikko does not know it).

Throughput: tokens per second over the same raw sentence texts (the test
set's "# text" lines, tokenised by each pipeline) and the seed report's goal
fields, each configuration timed on the same texts, best of --repeats, as a
ratio to the default pipeline.
"""

from __future__ import annotations

import argparse
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


def throughput(nlp, texts: list[str], repeats: int) -> float:
    best = float("inf")
    tokens = 0
    for _ in range(repeats):
        started = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))
        best = min(best, time.perf_counter() - started)
    return tokens / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conllu", type=Path, default=CONLLU)
    parser.add_argument("--sentences", type=int, default=0, help="use only the first N sentences (0: all)")
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()

    sentences = list(read_conllu(args.conllu))
    if args.sentences:
        sentences = sentences[: args.sentences]
    texts = ["".join(t.form + (" " if t.space_after else "") for t in s).strip() for s in sentences]
    report = read_report(SEED)
    texts += [text for goal in report.goals for _, text in field_texts(goal)]
    n_tokens = sum(len(s) for s in sentences)

    configs = {
        "default (model as published)": spacy.load(MODEL_NAME),
        "ours full": build_nlp("full"),
        "ours fast": build_nlp("fast"),
        "ours fast, BLIS (ablation)": build_nlp("fast", openblas=False),
    }
    print(f"{len(sentences)} UD sentences, {n_tokens} gold tokens; throughput over {len(texts)} texts")
    for name, nlp in configs.items():
        print(f"  {name:30s} components: {', '.join(nlp.pipe_names)}")
    rows = []
    for name, nlp in configs.items():
        accuracy = lemma_accuracy(nlp, sentences)
        speed = throughput(nlp, texts, args.repeats)
        rows.append((name, accuracy, speed))
    rows.append(("raw Voikko (first analysis)", voikko_accuracy(sentences), None))
    base_speed = rows[0][2]
    base_accuracy = rows[0][1]
    print(f"{'configuration':30s} {'lemma acc':>9s} {'vs default':>10s} {'tokens/s':>9s} {'speed ratio':>11s}")
    for name, accuracy, speed in rows:
        speed_text = f"{speed:9.0f} {speed / base_speed:10.2f}x" if speed else f"{'-':>9s} {'-':>11s}"
        print(f"{name:30s} {100 * accuracy:9.2f} {100 * (accuracy - base_accuracy):+10.2f} {speed_text}")


if __name__ == "__main__":
    main()
