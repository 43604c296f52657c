"""The assessment-block layout (Kauhava 2024) on the real statement, checked against the dev answer key."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.ingest import read_report
from pipeline.ingest.layouts import LAYOUT_MODULES, Page, layouts
from pipeline.ingest.layouts.assessment_blocks import LAYOUT, _target
from pipeline.ingest.sections import read_pages
from tests.conftest import FIXTURES, REAL

KAUHAVA = REAL / "kauhava_2024_tilinpaatos.pdf"
KEY = FIXTURES / "real_key" / "kauhava_dev.json"
#: The binding-targets section of Kauhava 2024 (2 Talousarvion toteutuminen).
SECTION = range(58, 114)

needs_kauhava = pytest.mark.skipif(not KAUHAVA.is_file(), reason=f"the real statement {KAUHAVA} is not here")


def _pages(path: Path, numbers: range) -> list[Page]:
    return [page for page in read_pages(path.read_bytes()) if page.number in numbers]


def _short(text: str | None) -> str | None:
    """A field as the key writes it: white space as single spaces, the first 100 characters."""
    return re.sub(r"\s+", " ", text).strip()[:100].rstrip() or None if text else None


def _rows(goals) -> list[dict]:
    """One row per goal, or per metric row of a goal that has them (as the key lists sub-targets)."""
    rows = []
    for goal in goals:
        base = {"page": goal.page, "department": goal.department, "goal_id": goal.goal_id, "goal": _short(goal.goal)}
        if goal.metrics:
            rows += [{**base, "metric": _short(m.name), "target": m.target, "status_label": m.status_label,
                      "status": m.status} for m in goal.metrics]
        else:
            rows.append({**base, "metric": _short(goal.metric), "target": goal.target,
                         "status_label": goal.status_label, "status": goal.status})
    return rows


def _key() -> list[dict]:
    return json.loads(KEY.read_text(encoding="utf-8"))["goals"] if KEY.is_file() else []


def _key_id(entry: dict) -> str:
    return f"p{entry['page']}-{entry['department'][:14]}-{(entry['metric'] or entry['goal'])[:24]}"


@pytest.fixture(scope="session")
def kauhava_pages(real_pdf) -> list[Page]:
    return _pages(real_pdf("kauhava"), SECTION)


@pytest.fixture(scope="session")
def kauhava_goals(kauhava_pages, voikko):
    return LAYOUT.read(KAUHAVA, kauhava_pages)


@pytest.fixture(scope="session")
def kauhava_rows(kauhava_goals) -> list[dict]:
    return _rows(kauhava_goals)


def _find(rows: list[dict], entry: dict) -> dict:
    found = [r for r in rows if r["department"] == entry["department"] and r["goal"] == entry["goal"]
             and r["metric"] == _short(entry["metric"])]
    assert found, f"no goal {entry['goal']!r} / {entry['metric']!r} of {entry['department']} read"
    return min(found, key=lambda r: abs((r["page"] or 0) - entry["page"]))


def test_layout_is_registered():
    assert "assessment_blocks" in LAYOUT_MODULES
    assert any(layout.name == "assessment_blocks" for layout in layouts())


@needs_kauhava
def test_detects_its_own_pages(kauhava_pages):
    assert LAYOUT.detect(kauhava_pages) > 0.9


def test_does_not_claim_another_citys_layout(real_pdf):
    assert LAYOUT.detect(_pages(real_pdf("seinajoki"), range(79, 142))) == 0.0


def test_does_not_claim_empty_pages():
    assert LAYOUT.detect([Page(1, ""), Page(2, "Tuloslaskelma\nToimintatuotot 100")]) == 0.0


@needs_kauhava
@pytest.mark.parametrize("entry", _key(), ids=_key_id)
def test_status_of_each_dev_key_goal(kauhava_rows, entry):
    row = _find(kauhava_rows, entry)
    assert (row["status_label"], row["status"]) == (entry["status_label"], entry["status"])


@needs_kauhava
@pytest.mark.parametrize("entry", _key(), ids=_key_id)
def test_page_of_each_dev_key_goal(kauhava_rows, entry):
    assert _find(kauhava_rows, entry)["page"] == entry["page"]


@needs_kauhava
def test_every_dev_key_goal_is_read_once(kauhava_rows):
    keys = [(e["department"], e["goal"], _short(e["metric"]), e["page"]) for e in _key()]
    read = [(r["department"], r["goal"], r["metric"], r["page"]) for r in kauhava_rows]
    assert [k for k in keys if k not in read] == []


@needs_kauhava
def test_assessment_opening_with_a_label_keeps_its_evidence(kauhava_goals):
    goal = next(g for g in kauhava_goals if g.goal and g.goal.startswith("Käyttötunnit"))
    assert (goal.status_label, goal.status, goal.metric_status) == ("Toteutui", "full", "nyt 1140 tuntia")


@needs_kauhava
def test_state_of_the_assessment_is_not_read_as_text(kauhava_goals):
    company = [g for g in kauhava_goals if g.department and g.department.endswith("Oy")]
    assert company and not any("Valmis" in (g.metric_status or "") for g in company)


@needs_kauhava
def test_company_goals_are_numbered_within_their_company(kauhava_goals):
    ids = [g.goal_id for g in kauhava_goals if g.department == "Kauhavan Jäähalli Oy"]
    assert ids == ["1", "2", "3", "4", "5"]


@needs_kauhava
def test_sub_targets_are_metric_rows_with_their_own_status(kauhava_goals):
    goal = next(g for g in kauhava_goals if g.department == "Ympäristölautakunta" and g.goal_id == "1")
    assert (goal.status_label, goal.status) == (None, None)
    assert [m.status for m in goal.metrics] == ["full", "full", "full", "partial"]


@needs_kauhava
def test_group_metric_table_gives_budget_level_and_actuals(kauhava_goals):
    goal = next(g for g in kauhava_goals if g.goal == "Konsernille asetetut tavoitteet")
    rows = [(m.name, m.target, m.actual, m.baseline) for m in goal.metrics]
    assert rows[2] == ("Konsernin lainat ja vuokravastuut, €/asukas", "alle 12.000", "9.716", "9.228")
    assert len(rows) == 4


@needs_kauhava
def test_group_metric_table_keeps_the_account_under_it_as_prose(kauhava_goals):
    goal = next(g for g in kauhava_goals if g.goal == "Konsernille asetetut tavoitteet")
    assert goal.metric_status == "Kuten taulukosta näkyy, konsernille asetetut tunnuslukutavoitteet toteutuivat."
    assert (goal.status_label, goal.status) == (None, None)


@needs_kauhava
def test_prose_only_goals_are_named_in_the_warnings(kauhava_pages):
    report = LAYOUT.read_report(KAUHAVA, kauhava_pages)
    prose = [g for g in report.goals if g.status_label is None and not g.metrics and g.metric_status]
    assert prose and len(report.warnings) == len(prose)
    assert "Kasvatus- ja opetuslautakunta, goal 1 (page 87)" in "\n".join(report.warnings)


@needs_kauhava
def test_pdf_reader_sets_layout_pages_and_year():
    # The layout gives goals and warnings; the PDF reader adds what every layout shares.
    report = read_report(KAUHAVA)
    assert (report.layout, report.pages, report.year) == ("assessment_blocks", (58, 108), 2024)


@pytest.mark.parametrize(
    ("measure", "target"),
    [
        pytest.param("Omavaraisuusaste vähintään 22 % vuonna 2025.", "vähintään 22 % vuonna 2025", id="qualifier-year"),
        pytest.param("Omavaraisuusaste yli 3 % vuoteen 2025 mennessä (yhtiölle hyväksytään tavanomaista "
                     "alhaisempi omavaraisuusaste).", "yli 3 % vuoteen 2025 mennessä", id="aside"),
        pytest.param("Käyttöaste pidetään yli 90 %:ssa.", "yli 90 %", id="case-ending"),
        pytest.param("Rahoitustulos vähintään nolla.", "vähintään nolla", id="number-word"),
        pytest.param("Voitollinen. Tuottotavoite: 5 % sijoitetulle pääomalle.", "Voitollinen", id="one-word"),
        pytest.param("Rahoitustulos positiivinen.", "positiivinen", id="noun-adjective"),
        pytest.param("Lievästi voitollinen.", "Lievästi voitollinen", id="adverb-adjective"),
        pytest.param("Kaukolämmön hintatilasto (energiateollisuus): alle erillistuotannon keskihinnan",
                     "alle erillistuotannon keskihinnan", id="colon"),
        pytest.param("Tuloslaskelma: tilikauden tulos ylijäämäinen Tase: tase säilyy ylijäämäisenä",
                     "tilikauden tulos ylijäämäinen", id="first-item"),
        pytest.param("Jätevesiverkostoja saneerataan. Mittari vuotovesikerroin, tavoitearvo 2.", "tavoitearvo 2",
                     id="target-word"),
        pytest.param("Yksittäisen vedenjakelukatkoksen enimmäispituus 12 tuntia.", "enimmäispituus 12 tuntia",
                     id="limit-noun"),
        pytest.param("Hyväksytään tuntihinta vuodelle 2024.", None, id="year-is-no-level"),
        pytest.param("Talousvesi täyttää asetuksen (461/2000) mukaiset laatuvaatimukset.", None, id="no-level"),
    ],
)
def test_target_level_of_a_measure(voikko, measure, target):
    assert _target(measure) == target


@needs_kauhava
def test_the_pdf_reader_finds_the_section_and_picks_this_layout(voikko):
    from pipeline.ingest import read_report

    report = read_report(KAUHAVA)
    assert (report.layout, report.pages, report.year) == ("assessment_blocks", (58, 108), 2024)
    assert sum(goal.status is not None for goal in report.goals) >= 50
