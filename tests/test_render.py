import re

import pytest

from pipeline.render import LAYOUTS, render_pdf
from pipeline.synthetic import generate_report


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_split_rows_repeat_the_header_only_at_the_top_of_each_page(layout, tmp_path):
    import pdfplumber

    path = render_pdf(generate_report(20, seed=3), tmp_path / "r.pdf", layout=layout, split_rows=True)
    headers, continued = [], 0
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            rows = [row for table in page.extract_tables() for row in table]
            headers += [(number, k) for k, row in enumerate(rows) if (row[0] or "").startswith("Sitova tavoite")]
            # Under the header, a row of cells (not one spanning the table) without a goal id.
            continued += len(rows) > 1 and rows[1][1] is not None and not re.match(r"\d", rows[1][0] or "")
    assert headers == [(number, 0) for number in range(1, len(headers) + 1)]
    assert continued, "no row went on to the next page: the case tests nothing"


def test_a_missing_field_renders_as_an_empty_cell(tmp_path):
    import pdfplumber

    report = generate_report(2, seed=1)
    report.goals[0].measures = None
    path = render_pdf(report, tmp_path / "r.pdf", split_rows=True)
    with pdfplumber.open(path) as pdf:
        rows = [row for table in pdf.pages[0].extract_tables() for row in table]
    (row,) = [row for row in rows if (row[0] or "").startswith(report.goals[0].goal_id)]
    assert row[5] == ""
