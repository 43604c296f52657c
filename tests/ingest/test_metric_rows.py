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
