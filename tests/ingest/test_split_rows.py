"""Table rows that continue on the next page, as real reports print them.

The renderer's ``split_rows`` breaks a row at the page end and goes on under
the header repeated at the top of the next page; the PDF reader joins the
rest of the row to its goal, cell by cell.
"""

import re

import pytest

from pipeline.ingest.layouts.column_table import _append, _page_tables
from pipeline.ingest.pdf import read_pdf
from pipeline.records import GOAL_COLUMNS, Goal, Report
from pipeline.render import render_pdf
from pipeline.status import normalise_status

SHY = "\xad"  # a soft hyphen: the renderer may break the word there, printing "osal-"
SENTENCES = (
    f"Kehittämistä jatketaan yhteis{SHY}työssä palveluntuottajien kanssa. Asukkaiden osal{SHY}lisuutta "
    f"vahvis{SHY}tettiin kolmessa asuinalueella, ja tulokset esitel{SHY}tiin lautakunnalle. "
)
#: Two paragraphs long enough that goal 1.2's measures cell cannot end on the page it starts on.
MEASURES = (SENTENCES * 3).strip() + "\n" + (SENTENCES * 3).strip()


def _report(lead: int, soft_hyphens: bool = True) -> Report:
    """Goal 1.1 with ``lead`` short sentences of measures, then goal 1.2 whose row goes on to page 2."""
    measures = MEASURES if soft_hyphens else MEASURES.replace(SHY, "")
    common = {"theme": "Hyvinvoiva kaupunki", "strategic_goal": "Asukkaat voivat hyvin"}
    goals = [
        Goal(goal_id="1.1", goal="Lisätään liikuntaa", metric="Liikkujien määrä", baseline="100 (2020)",
             target="120", responsible="Katri Kalske", measures=" ".join(["Toimenpide toteutettiin."] * lead),
             metric_status="Liikkujia oli 130.", status_label="Toteutui osittain", **common),
        Goal(goal_id="1.2", goal="Vahvistetaan osallisuutta", metric="Osallistujien määrä", baseline="50 (2020)",
             target="80", responsible="Timo Aronkytö", measures=measures, metric_status="Osallistujia oli 85.",
             status_label="Toteutuu täysin", **common),
    ]
    for goal in goals:
        goal.status = normalise_status(goal.status_label)
    return Report(source="split.pdf", sha256="", year=2021, date="2022-02-02", goals=goals)


def _page_end(path, column: int) -> tuple[str, str]:
    """The last line of ``column`` at the foot of page 1 and its first line at the top of page 2."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        first, second = _page_tables(pdf.pages[0])[-1], _page_tables(pdf.pages[1])[0]
    return (first[-1][column] or "").split("\n")[-1], (second[1][column] or "").split("\n")[0]


# Each case: goal 1.1's length (which moves the page break through goal 1.2's
# measures, or through 1.1's own), the column that breaks, and what the two
# pages show there. The expected pieces are checked first, so that a change
# in the renderer cannot make a case test something else in silence.
CASES = [
    pytest.param(32, 5, r"osal-$", r"^lisuutta ", id="mid-word-at-a-hyphen"),
    pytest.param(34, 5, r"yhteistyössä$", r"^palveluntuottajien ", id="mid-sentence"),
    pytest.param(31, 5, r"asuinalueella,$", r"^ja tulokset ", id="mid-sentence-after-a-comma"),
    pytest.param(70, 5, r"Toimenpide$", r"^toteutettiin\. ", id="mid-sentence-in-the-earlier-goal"),
    pytest.param(46, 5, r"lautakunnalle\.$", r"^Kehittämistä ", id="between-paragraphs"),
    pytest.param(
        35, 5, r"lautakunnalle\.$", r"^Kehittämistä ", id="between-sentences-of-a-paragraph",
        marks=pytest.mark.xfail(strict=True, reason="a sentence that ends on a page's last line, with the "
                                "line not full, reads as a paragraph's end: the page cannot tell them apart"),
    ),
]


@pytest.fixture(scope="module")
def split_pdfs(tmp_path_factory):
    """The rendered PDF of each case's report, by goal 1.1's length."""
    tmp = tmp_path_factory.mktemp("split")
    return {lead: render_pdf(_report(lead), tmp / f"lead{lead}.pdf", split_rows=True)
            for lead in {case.values[0] for case in CASES}}


@pytest.mark.parametrize(("lead", "column", "page_end", "page_top"), CASES)
def test_row_continued_on_the_next_page_is_read_whole(voikko, split_pdfs, lead, column, page_end, page_top):
    path = split_pdfs[lead]
    end, top = _page_end(path, column)
    assert re.search(page_end, end) and re.search(page_top, top), (end, top)
    back = read_pdf(path)
    want = _report(lead, soft_hyphens=False)
    assert [g.goal_id for g in back.goals] == ["1.1", "1.2"]
    for got, expected in zip(back.goals, want.goals, strict=True):
        assert {f: getattr(got, f) for f in GOAL_COLUMNS} == {f: getattr(expected, f) for f in GOAL_COLUMNS}


@pytest.mark.parametrize(
    ("cell", "lines", "joined"),
    [
        # A word broken without a hyphen by a narrow column, at the page end.
        (["luodaan perhekeskustoimintamal"], ["lia Vantaalle."], ["luodaan perhekeskustoimintamallia Vantaalle."]),
        (["kehitetään yhteis-"], ["työtä kouluissa."], ["kehitetään yhteistyötä kouluissa."]),
        # A capital that is a name goes on with the sentence; another one starts a paragraph.
        (["yhteistyössä"], ["Vantaan kanssa."], ["yhteistyössä Vantaan kanssa."]),
        (["Liikkujien määrä"], ["Osallistujien määrä"], ["Liikkujien määrä", "", "Osallistujien määrä"]),
        (["Suunnitelma valmistui."], ["Toteutus jatkuu."], ["Suunnitelma valmistui.", "", "Toteutus jatkuu."]),
        (["hankkeet ovat"], ["• uusi kerho"], ["hankkeet ovat", "", "• uusi kerho"]),
        (["Toteutuu"], ["täysin"], ["Toteutuu täysin"]),
        ([], ["Uusi kappale."], ["Uusi kappale."]),
    ],
    ids=["mid-word", "at-a-hyphen", "a-name", "a-new-paragraph", "after-a-full-stop", "a-bullet", "a-status-label",
         "an-empty-cell"],
)
def test_cell_continued_after_a_page_break(voikko, cell, lines, joined):
    assert _append(cell, lines, width=40) == joined
