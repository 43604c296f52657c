"""The metric_rows layout: goal blocks and company tables with a status number per metric row."""

import json

import pytest

from pipeline.ingest.layouts.metric_rows import _columns, join_cell, legend_of
from pipeline.ingest.pdfboxes import Box, Line
from pipeline.lang_fi.metric_tables import COMPANY_TABLE_COLUMNS, UNIT_TABLE_COLUMNS
from tests.conftest import FIXTURES


@pytest.mark.parametrize(
    ("line", "number", "status"),
    [
        # As pypdfium2 extracts Seinäjoki 2024's legend on PDF page 19, words broken.
        pytest.param("Vihre ä (1) = Toteutunut v. 2024", "1", "full", id="green"),
        pytest.param("Oranssi (2) = Tote uman hie man alle tavoitteen v.2024", "2", "partial", id="orange"),
        pytest.param("Punainen (3) = Tote utuma me rkittävästi alle tavoitte e n v. 2024", "3", "none", id="red"),
        pytest.param("Keltainen (2) = Toteutunut osittain", "2", "partial", id="yellow-partly"),
        pytest.param("Harmaa (4) = Ei arvioitavissa", "4", "not_assessable", id="grey"),
    ],
)
def test_legend_line(line, number, status):
    assert legend_of([line])[number] == status


def test_legend_overrides_the_default():
    legend = legend_of(["Vihreä (1) = Ei toteutunut"])
    assert legend == {"1": "none", "2": "partial", "3": "none", "4": "not_assessable"}


def test_party_seats_are_not_a_legend():
    assert legend_of(["Suomen Keskusta (4) = 12 paikkaa", "Suomen Kristillisdemokraatit (4)"])["4"] == "not_assessable"


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        pytest.param(["hankekausien 21–22 sekä 22–", "23 tavoitteiden mukaisesti."],
                     "hankekausien 21–22 sekä 22–23 tavoitteiden mukaisesti.", id="range-after-dash"),
        pytest.param(["Ka. 3 koulutuspäivää/", "työntekijä"], "Ka. 3 koulutuspäivää/ työntekijä", id="slash-kept"),
        pytest.param([], None, id="empty"),
    ],
)
def test_join_cell(lines, want, voikko):
    assert join_cell(lines) == want


def _line(*words: tuple[float, str]) -> Line:
    boxes = []
    for left, text in words:
        xs = tuple(left + 5.0 * k for k in range(len(text)))
        boxes.append(Box(left, 100.0, xs[-1] + 5.0, 110.0, text, xs))
    return Line(boxes)


@pytest.mark.parametrize(
    ("line", "wanted", "starts"),
    [
        pytest.param(_line((63, "Mittari/mittarit"), (183, "Nykyarvo"), (282, "Tavoitearvo"), (370, "Toteuma-arvo")),
                     UNIT_TABLE_COLUMNS, [63, 183, 282, 370], id="unit-header"),
        pytest.param(_line((62, "Tavoite"), (169, "Mittari"), (304, "Lähtötaso"), (367, "Tavoite-taso"),
                           (438, "Toteuma")),
                     COMPANY_TABLE_COLUMNS, [62, 169, 304, 367, 438], id="company-header"),
        # Three headers printed so close that their characters form one run.
        pytest.param(_line((62, "Tavoite"), (169, "Mittari"), (300, "Lähtötaso/toteumaTavoitetasoToteuma")),
                     COMPANY_TABLE_COLUMNS, [62, 169, 300, 300 + 5 * 17, 300 + 5 * 28], id="company-header-run"),
    ],
)
def test_header_columns(line, wanted, starts):
    assert [x for x, _ in _columns(line, wanted)] == starts


def test_not_a_header():
    line = _line((63, "Tavoite"), (183, "saavutetaan"), (282, "vuonna 2024"))
    assert _columns(line, COMPANY_TABLE_COLUMNS) is None


def test_box_split_at_a_column_start():
    (box,) = _line((300, "2 173 831 1")).boxes
    head, tail = box.split_at(300 + 5 * 10)
    assert (head.text, tail.text, tail.left) == ("2 173 831", "1", 350.0)


# -- Seinäjoki 2024 (skipped when ../shared/data/real/ is absent) ------------

@pytest.fixture(scope="module")
def seinajoki(real_pdf, voikko):
    from pipeline.ingest import read_report

    return read_report(real_pdf("seinajoki"))


def _metric(report, page, name_start):
    return next(m for g in report.goals for m in g.metrics if m.page == page and (m.name or "").startswith(name_start))


def test_seinajoki_layout_pages_and_year(seinajoki):
    # The section speaks of the budget *vuodelle 2025*; the title says Tilinpäätös 2024.
    assert (seinajoki.layout, seinajoki.pages, seinajoki.year) == ("metric_rows", (79, 141), 2024)


@pytest.mark.parametrize(
    ("page", "name", "cells"),
    [
        pytest.param(80, "Suhteellinen osuus arviointikertomuksen", ("77 %", "70–100 %", "77 %", "1", "full"),
                     id="unit-row"),
        # Two metrics in one row with one ball: one row, the cells joined.
        pytest.param(81, "Emokaupungin velkamäärä", ("4 970 (TP2022) 9 335 (TP2022)", "4 900 9 900", "5 529 9179",
                                                     "2", "partial"), id="two-metrics-one-ball"),
        # Two metrics in one cell, each with its own ball: two rows.
        pytest.param(129, "Kontaktoitujen yritysten", ("…", "1 500", "1920", "1", "full"), id="company-first-of-two"),
        pytest.param(129, "Neuvontapalvelujen", ("1 249", "1 300", "1208", "2", "partial"), id="company-second-of-two"),
        # The number 4 (a black ball, no legend): the actual has no 2024 figure.
        pytest.param(84, "Työkyvyttömyyskustannusten", ("1,7 %", "alle 2 %", "…", "4", "not_assessable"),
                     id="status-4"),
        # Headers printed as one run: Lähtötaso/toteumaTavoitetasoToteuma.
        pytest.param(132, "Käyttöaste", ("100", "100", "100", "1", "full"), id="company-header-in-one-run"),
    ],
)
def test_seinajoki_metric_row(seinajoki, page, name, cells):
    metric = _metric(seinajoki, page, name)
    assert (metric.baseline, metric.target, metric.actual, metric.status_label, metric.status) == cells


def test_seinajoki_row_split_over_a_page_break(seinajoki):
    metric = _metric(seinajoki, 85, "Toteutumaraportti")
    assert metric.status is not None and metric.actual


@pytest.mark.parametrize(
    ("goal_id", "department", "goal_start"),
    [
        pytest.param("120.2", "Tarkastustoimi", "Sisäisen tarkastuksen vaikuttavuus.", id="unit-goal"),
        pytest.param("150.3", "Henkilöstöpalvelut", "Työkyvyttömyyskustannusten osuus", id="numbered-in-unit"),
    ],
)
def test_seinajoki_goal(seinajoki, goal_id, department, goal_start):
    goal = next(g for g in seinajoki.goals if g.goal_id == goal_id and g.department == department)
    assert goal.goal.startswith(goal_start) and goal.status is None


def test_seinajoki_strategy_cells(seinajoki):
    goal = next(g for g in seinajoki.goals if g.goal_id == "120.1")
    assert (goal.theme, goal.strategic_goal) == ("Hyvän johtamisen ja tasapainoisen talouden Seinäjoki",
                                                 "Kaupunkikonsernin palvelut tukevat koko kaupungin onnistumista")


def test_seinajoki_company_goals_numbered_within_the_company(seinajoki):
    ids = [g.goal_id for g in seinajoki.goals if g.department == "Sevas Kodit Oy"]
    assert ids == [str(k) for k in range(1, len(ids) + 1)] and len(ids) >= 5


def test_seinajoki_every_row_has_a_status(seinajoki):
    rows = [m for g in seinajoki.goals for m in g.metrics]
    assert len(rows) >= 280 and all(m.status for m in rows)


def test_seinajoki_development_key(seinajoki):
    from pipeline.evaluate import METRIC_KEY_FIELDS, KeyScore, read_items

    key = json.loads((FIXTURES / "real_key" / "seinajoki_dev.json").read_text(encoding="utf-8"))["rows"]
    score = KeyScore()
    score.add(key, read_items(seinajoki), METRIC_KEY_FIELDS)
    assert score.status_share >= 0.97 and score.field_share >= 0.97


# -- a statement written here, so the layout is tested without the real PDFs --

def _statement(path):
    """Two pages in Seinäjoki's layout: a unit's goal block and ruled metric table, a row cut by the
    page break, a company table with two metrics (and balls) in one goal cell, and a legend."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica", 9)

    def text(x, y, s):
        c.drawString(x, y, s)

    def rule(y, right=536):
        c.line(57, y, right, y)

    # Unlike Seinäjoki's and the default traffic light, this legend makes 3 partial.
    text(57, 800, "Keltainen (3) = Toteutunut osittain")
    text(57, 780, "Tulosalue 150 Henkilöstöpalvelut")
    for x, s in ((62, "Strateginen"), (174, "Hyvän johtamisen ja"), (287, "Strateginen tavoite"),
                 (429, "Osaava henkilöstö")):
        text(x, 740, s)
    text(62, 728, "valinta")
    text(174, 728, "talouden Seinäjoki")
    rule(712)
    text(62, 702, "Talousarviotavoite")
    text(285, 702, "Tilannekuvaus ja riskiarvio")
    text(62, 690, "Tyytyväinen henkilöstö")
    text(285, 690, "Kysely tehtiin syksyllä.")
    rule(680)
    for x, s in ((62, "Mittari/mittarit"), (287, "Nykyarvo"), (352, "Tavoitearvo"), (430, "Toteuma-arvo")):
        text(x, 670, s)
    rule(664)
    for x, s in ((62, "NPS"), (287, "9"), (352, "10"), (430, "11"), (516, "1")):
        text(x, 654, s)
    text(62, 643, "(asteikko -100–100)")
    rule(635)
    for x, s in ((62, "Sairauspoissaolot"), (287, "12 pv"), (352, "alle 10 pv"), (430, "14 pv"), (516, "3")):
        text(x, 625, s)
    rule(615)
    for x, s in ((62, "Koulutuspäivät"), (287, "2"), (352, "3"), (430, "2,84"), (516, "2")):
        text(x, 90, s)
    c.showPage()
    c.setFont("Helvetica", 9)
    text(62, 770, "työntekijää kohden")
    rule(760)
    text(57, 720, "Tytäryhteisö Seipark Oy")
    rule(700, 538)
    for x, s in ((62, "Tavoite"), (169, "Mittari"), (304, "Lähtötaso/toteuma"), (400, "Tavoitetaso"),
                 (460, "Toteuma")):
        text(x, 690, s)
    rule(684, 538)
    for x, s in ((62, "Pysäköinti kasvaa"), (169, "Lyhytaikapysäköinnit"), (304, "1 767"), (400, "1 800"),
                 (460, "1 674"), (526, "3")):
        text(x, 674, s)
    for x, s in ((169, "Pitkäaikaispysäköinnit"), (304, "500"), (400, "520"), (460, "530"), (526, "1")):
        text(x, 650, s)
    rule(640, 538)
    c.save()
    return path


@pytest.fixture(scope="module")
def written(tmp_path_factory, voikko):
    from pipeline.ingest import read_report

    return read_report(_statement(tmp_path_factory.mktemp("statement") / "statement.pdf"))


def test_written_statement_layout(written):
    assert (written.layout, written.pages) == ("metric_rows", (1, 2))


def test_written_unit_goal(written):
    goal = written.goals[0]
    assert (goal.goal_id, goal.department, goal.page, goal.goal, goal.metric_status) == (
        "150.1", "Henkilöstöpalvelut", 1, "Tyytyväinen henkilöstö", "Kysely tehtiin syksyllä.")


def test_written_strategy_cells(written):
    # Strateginen valinta (its label wrapped) is the theme, Strateginen tavoite the strategic goal.
    goal = written.goals[0]
    assert (goal.theme, goal.strategic_goal) == ("Hyvän johtamisen ja talouden Seinäjoki", "Osaava henkilöstö")


@pytest.mark.parametrize(
    ("index", "want"),
    [
        pytest.param(0, ("NPS (asteikko -100–100)", "9", "10", "11", "1", "full", 1), id="two-line-name"),
        # The report's own legend says what 3 means.
        pytest.param(1, ("Sairauspoissaolot", "12 pv", "alle 10 pv", "14 pv", "3", "partial", 1), id="legend-3"),
        # A row the page break cuts goes on at the top of the next page.
        pytest.param(2, ("Koulutuspäivät työntekijää kohden", "2", "3", "2,84", "2", "partial", 1),
                     id="row-over-page-break"),
    ],
)
def test_written_unit_metric(written, index, want):
    metric = written.goals[0].metrics[index]
    got = (metric.name, metric.baseline, metric.target, metric.actual, metric.status_label, metric.status,
           metric.page)
    assert got == want


@pytest.mark.parametrize(
    ("extra", "status"),
    [
        # The statement's own legend (page 1, outside the section read) makes 3 partial.
        pytest.param([], "partial", id="legend-outside-the-section"),
        # A later legend in the pages passed wins: the legend comes from them, not from reading the file again.
        pytest.param(["Punainen (3) = Ei toteutunut"], "none", id="legend-from-the-pages-passed"),
    ],
)
def test_legend_read_from_the_document_passed(tmp_path, voikko, extra, status):
    from pipeline.ingest.layouts import Page
    from pipeline.ingest.layouts.metric_rows import LAYOUT
    from pipeline.ingest.sections import read_pages

    path = _statement(tmp_path / "statement.pdf")
    document = read_pages(path.read_bytes()) + [Page(3, line) for line in extra]
    goals = LAYOUT.read(path, document[:2], document)
    assert goals[0].metrics[1].status_label == "3" and goals[0].metrics[1].status == status


def test_written_company_goal_with_two_balls(written):
    goal = written.goals[1]
    assert (goal.goal_id, goal.department, goal.goal) == ("1", "Seipark Oy", "Pysäköinti kasvaa")
    assert [(m.name, m.actual, m.status) for m in goal.metrics] == [
        ("Lyhytaikapysäköinnit", "1 674", "partial"), ("Pitkäaikaispysäköinnit", "530", "full")]
