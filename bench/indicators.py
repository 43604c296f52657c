"""Indicator precision and recall on the seed report's hand-written gold list.

    .venv/bin/python bench/indicators.py

Scores exact (kind, value) matches per goal field against
tests/fixtures/seed_indicators.json, for our extractor (fast and full NLP
configurations) and, as a baseline in the same run, the spaCy model's own NER:
its PERCENT, CARDINAL, MONEY and DATE entities read as percent, count, money
and date, with the entity's number or date read by the same value parsers.
Also reports how often unit, qualifier and direction match too.

Caveat: the extractor was developed while reading this report, so the
seed is not held out; tests/test_indicators.py holds phrase cases beyond it.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from pipeline import finnish
from pipeline.evaluate import PRF, value_key
from pipeline.indicators import NUMBER, extract, find_dates, parse_number
from pipeline.ingest import read_report
from pipeline.nlp import build_nlp, field_texts
from pipeline.spacy_components import cardinal_value

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "samples" / "vantaa_2021_kasvatus_ja_oppiminen.txt"
GOLD = ROOT / "tests" / "fixtures" / "seed_indicators.json"
NER_KINDS = {"PERCENT": "percent", "CARDINAL": "count", "MONEY": "money", "DATE": "date"}


def gold_by_field(gold: dict) -> dict[tuple[str, str], list[tuple]]:
    out: dict[tuple[str, str], list[tuple]] = {}
    for goal_id, field, kind, value, unit, qualifier, direction, _text in gold["figures"]:
        out.setdefault((goal_id, field), []).append((kind, value_key(value), unit, qualifier, direction))
    return out


def ner_value(kind: str, text: str, year: int):
    """Read the value of a NER entity with the extractor's own parsers (so only detection differs)."""
    if kind == "date":
        found = sorted(find_dates(text, year), key=lambda m: (m.start, -(m.end - m.start)))
        if found:
            return found[0].value
        years = re.findall(r"(?:19|20)\d{2}", text)
        return years[0] if years else None
    number = NUMBER.search(text)
    if number:
        value = parse_number(number.group(1))
        if kind == "money" and re.search(r"milj", text):
            value *= 1_000_000
        return value
    for word in text.split():
        for analysis in finnish.analyses(word.lower()):
            if analysis.get("CLASS") == "lukusana" and (v := cardinal_value(analysis.get("BASEFORM", ""))):
                return v
    return None


def main() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    wanted = gold_by_field(gold)
    report = read_report(SEED)
    year = report.year
    results = {}
    for mode in ("fast", "full"):
        nlp = build_nlp(mode)
        kind_value, full_match = PRF(), PRF()
        started = time.perf_counter()
        for goal in report.goals:
            for field, text in field_texts(goal):
                found = [i for i in extract(nlp(text), field, year) if i.kind in NER_KINDS.values()]
                expected = wanted.get((goal.goal_id, field), [])
                kind_value.add([(i.kind, value_key(i.value)) for i in found], [e[:2] for e in expected])
                full_match.add([(i.kind, value_key(i.value), i.unit, i.qualifier, i.direction) for i in found],
                               expected)
        results[f"ours ({mode})"] = (kind_value, full_match, time.perf_counter() - started)

    nlp = build_nlp("full")
    baseline = PRF()
    started = time.perf_counter()
    for goal in report.goals:
        for field, text in field_texts(goal):
            doc = nlp(text)
            found = [(NER_KINDS[e.label_], value_key(ner_value(NER_KINDS[e.label_], e.text, year)))
                     for e in doc.ents if e.label_ in NER_KINDS]
            baseline.add(found, [e[:2] for e in wanted.get((goal.goal_id, field), [])])
    results["spaCy NER (baseline)"] = (baseline, None, time.perf_counter() - started)

    n_gold = sum(len(v) for v in wanted.values())
    print(f"seed report: {report.n_goals} goals, {n_gold} gold figures")
    for name, (kind_value, full_match, _took) in results.items():
        print(f"{name:22s} kind+value  {kind_value}")
        if full_match is not None:
            print(f"{'':22s} +unit/qual/dir {full_match}")
    print("baseline ratio (F1 ours fast / NER):",
          f"{results['ours (fast)'][0].f1 / max(results['spaCy NER (baseline)'][0].f1, 1e-9):.2f}")


if __name__ == "__main__":
    main()
