"""The section finder: which pages of a whole statement hold the binding targets."""

import pytest

from pipeline.errors import ReportError
from pipeline.ingest.layouts import Page
from pipeline.ingest.sections import describe, find_section, page_score, read_pages, select_pages, statement_year

TARGET_PAGE = (
    "Talousarviotavoite Tilannekuvaus ja riskiarvio\nArviointikertomuksen vaikuttavuus.\n"
    "Mittari/mittarit Nykyarvo Tavoitearvo Toteuma-arvo\n77 % 70–100 % 77 % 1"
)
BALANCE_SHEET = "TASE\nVastaavaa\nPysyvät vastaavat\nAineettomat hyödykkeet 1 234 567\nVastattavaa\nOma pääoma"
BOARD_PAGE = (
    "Kaupunginhallitukseen nähden sitova toiminnallinen tavoite:\n1. Palvelut ovat laadukkaita.\n"
    "Toteutuminen: Toteutui osittain. Digitiekartta hyväksyttiin."
)


@pytest.mark.parametrize(
    ("text", "at_least", "below"),
    [
        pytest.param(TARGET_PAGE, 3.0, None, id="metric-table-page"),
        pytest.param(BOARD_PAGE, 3.0, None, id="board-goal-page"),
        pytest.param(BALANCE_SHEET, None, 1.0, id="balance-sheet"),
        pytest.param("Toteutui hyvin vuonna 2024.", None, 3.0, id="one-status-word"),
    ],
)
def test_page_score(text, at_least, below):
    score = page_score(text)
    assert (at_least is None or score >= at_least) and (below is None or score < below)


def _document(targets: set[int], n: int = 60) -> list[Page]:
    return [Page(k, TARGET_PAGE if k in targets else BALANCE_SHEET) for k in range(1, n + 1)]


@pytest.mark.parametrize(
    ("pages", "want"),
    [
        pytest.param(_document({2}, n=5), "1–5", id="short-document-read-whole"),
        pytest.param(_document(set(range(30, 41))), "30–41", id="one-run-and-the-page-after"),
        pytest.param(_document({30, 31, 36, 37}), "30–38", id="gap-of-prose-bridged"),
        pytest.param(_document({5} | set(range(30, 41))), "30–41", id="stray-page-left-out"),
        pytest.param(_document(set()), "1–60", id="nothing-scored-read-whole"),
        pytest.param(_document(set(range(50, 61))), "50–60", id="section-ends-the-document"),
    ],
)
def test_find_section(pages, want):
    assert describe(find_section(pages)) == want


@pytest.mark.parametrize(
    ("spec", "want"),
    [
        pytest.param("3-5", "3–5", id="range"),
        pytest.param("7", "7", id="one-page"),
        pytest.param("2-3,8-9", "2–3, 8–9", id="two-ranges"),
        pytest.param("8 - 9, 2", "2, 8–9", id="spaces-and-order"),
    ],
)
def test_select_pages(spec, want):
    assert describe(select_pages(_document(set(), n=10), spec, "r.pdf")) == want


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        pytest.param("58to113", r"r\.pdf: --pages '58to113' is not a list of pages; expected e\.g\. '58-113'",
                     id="words"),
        pytest.param("5-11", r"outside the PDF's 1–10", id="past-the-end"),
        pytest.param("0-2", r"outside the PDF's 1–10", id="page-zero"),
        pytest.param("6-4", r"r\.pdf: --pages '6-4': the range '6-4' starts after it ends \(page 6 comes after "
                     r"page 4\); give the first page first, e\.g\. '4-6'", id="backwards"),
        pytest.param("2,9-3", r"the range '9-3' starts after it ends", id="backwards-in-a-list"),
    ],
)
def test_select_pages_refuses(spec, message):
    with pytest.raises(ReportError, match=message):
        select_pages(_document(set(), n=10), spec, "r.pdf")


@pytest.mark.parametrize(
    ("city", "want"),
    [
        # SOURCES.md: section 8.1 on PDF pages 79–141; 142 is the page after, read in case a row goes on.
        pytest.param("seinajoki", "79–142", id="seinajoki"),
        # Section 2 on pages 58–113; the last board goal is on 108, then budget tables and prose.
        pytest.param("kauhava", "58–109", id="kauhava"),
    ],
)
def test_real_statement_section(real_pdf, city, want):
    pages = read_pages(real_pdf(city).read_bytes())
    assert describe(find_section(pages)) == want


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        pytest.param(["Seinäjoen kaupunki\nTilinpäätös 2024\n", "TILINPÄÄTÖS 2024"], 2024, id="cover"),
        pytest.param(["Kansi", "Sisällys", "Tilinpäätös 2024\n59/157\nTeksti"], 2024, id="page-header"),
        pytest.param(["Konsernitapaamisissa käsitelty mm. tilinpäätös 2023 ja talousarvio"], None, id="in-a-sentence"),
        pytest.param(["Kansi", "Sisällys", "Johdanto", "Tilinpäätös 2024"], None, id="past-the-first-pages"),
    ],
)
def test_statement_year(texts, want):
    assert statement_year([Page(k + 1, text) for k, text in enumerate(texts)]) == want
