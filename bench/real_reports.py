"""Whole financial statements read end to end, against the answer keys.

    .venv/bin/python bench/real_reports.py [--runs 3] [--real ../shared/data/real]

For each statement of ``../shared/data/real/`` (Seinäjoki and Kauhava 2024):
the section's pages, the seconds ``read_report`` takes (min/median/max over
``--runs``), the goals and metric rows found, the share of them with a
recognised status, and against the independent labellers' keys
(``tests/fixtures/real_key/{city}_{dev,heldout}.json``) the share of key
rows found, found with the right status, and of fields right, for the
development and the held-out part separately. Key rows are Seinäjoki's
metric rows and Kauhava's goals; a row is found on its page ± 1 with its
goal's text (see :func:`pipeline.evaluate.match_key`). Only totals are
printed for the held-out part.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from pipeline.evaluate import GOAL_KEY_FIELDS, METRIC_KEY_FIELDS, KeyScore, read_items
from pipeline.ingest import read_report

ROOT = Path(__file__).resolve().parents[1]
KEYS = ROOT / "tests" / "fixtures" / "real_key"
STATEMENTS = {"seinajoki": METRIC_KEY_FIELDS, "kauhava": GOAL_KEY_FIELDS}


def _key_rows(city: str, split: str) -> list[dict] | None:
    path = KEYS / f"{city}_{split}.json"
    if not path.is_file():
        return None
    doc = json.loads(path.read_text(encoding="utf-8"))
    return doc.get("rows") or doc.get("goals") or []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed reads of each statement (default 3)")
    parser.add_argument("--real", default=str(ROOT.parent / "shared" / "data" / "real"),
                        help="folder of the statements (default ../shared/data/real)")
    args = parser.parse_args()
    print(f"{'statement':10s} {'layout':18s} {'pages':>8s} {'s min/med/max':>17s} {'goals':>6s} {'rows':>5s} "
          f"{'status%':>8s} | {'part':8s} {'key':>4s} {'found%':>7s} {'status%':>8s} {'fields%':>8s}")
    for city, names in STATEMENTS.items():
        path = Path(args.real) / f"{city}_2024_tilinpaatos.pdf"
        if not path.is_file():
            print(f"{city:10s} skipped: {path} is absent")
            continue
        seconds = []
        report = None
        for _ in range(args.runs):
            start = time.perf_counter()
            try:
                report = read_report(path)
            except Exception as exc:  # a bench reports the failure and goes on
                print(f"{city:10s} failed: {exc}")
                break
            seconds.append(time.perf_counter() - start)
        if report is None or not seconds:
            continue
        items = read_items(report)
        recognised = sum(item["status"] is not None for item in items)
        rows = sum(len(goal.metrics) for goal in report.goals)
        pages = f"{report.pages[0]}–{report.pages[1]}" if report.pages else "-"
        timing = f"{min(seconds):.1f}/{statistics.median(seconds):.1f}/{max(seconds):.1f}"
        head = (f"{city:10s} {report.layout or '-':18s} {pages:>8s} {timing:>17s} {report.n_goals:6d} {rows:5d} "
                f"{100 * recognised / max(1, len(items)):7.1f}%")
        for split in ("dev", "heldout"):
            key = _key_rows(city, split)
            if key is None:
                print(f"{head} | {split:8s} (no key)")
                head = " " * len(head)
                continue
            score = KeyScore()
            score.add(key, items, names)
            print(f"{head} | {split:8s} {score.rows:4d} {100 * score.found / max(1, score.rows):6.1f}% "
                  f"{100 * score.status_share:7.1f}% {100 * score.field_share:7.1f}%")
            head = " " * len(head)


if __name__ == "__main__":
    main()
