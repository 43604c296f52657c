"""Share of goal fields recovered exactly after rendering records to PDF and reading them back.

    .venv/bin/python bench/roundtrip.py [--goals 240] [--per-report 20]

Two paths: the PDF reader (pdfplumber table cells) and pdfminer's extracted
text through the text reader. Goals are SYNTHETIC (pipeline.synthetic),
rendered with every layout of pipeline.render, once with rows moved whole to
the next page and once with rows split across pages (``split_rows``: a row
that does not fit continues under the header of the next page, as in real
reports).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from pipeline.render import LAYOUTS
from pipeline.roundtrip import Score, round_trip, score
from pipeline.synthetic import generate_report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--goals", type=int, default=240)
    parser.add_argument("--per-report", type=int, default=20)
    args = parser.parse_args()
    layouts = list(LAYOUTS)
    for split_rows in (False, True):
        pdf_score, text_score = Score(), Score()
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            for k in range(args.goals // args.per_report):
                layout = layouts[k % len(layouts)]
                report = generate_report(args.per_report, seed=k)
                via_pdf, via_text = round_trip(report, Path(tmp) / f"r{k}.pdf", layout, split_rows=split_rows)
                score(report, via_pdf, pdf_score)
                score(report, via_text, text_score)
        took = time.perf_counter() - started
        rows = "rows split across pages" if split_rows else "rows whole on a page"
        print(f"{pdf_score.goals_expected} synthetic goals, {len(layouts)} layouts, {rows}, {took:.1f} s")
        paths = (("pdf tables (pdfplumber)", pdf_score), ("extracted text (pdfminer + text reader)", text_score))
        for name, s in paths:
            print(f"  {name:42s} goals found {s.goals_found:4d}/{s.goals_expected}  "
                  f"fields exact {s.exact}/{s.fields} = {s.share:.3f}")


if __name__ == "__main__":
    main()
