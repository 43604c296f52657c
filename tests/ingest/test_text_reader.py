import pytest

from pipeline.ingest.text import parse_text, split_paragraphs
from pipeline.records import TEXT_FIELDS

SEED_IDS = ["5.1", "8.1", "12.3", "12.4", "12.5", "12.12", "13.1", "17.1"]
FIELDS = ["goal_id", "theme", "strategic_goal", *TEXT_FIELDS, "status_label", "status"]


def test_seed_has_the_eight_goals(seed_report):
    assert [g.goal_id for g in seed_report.goals] == SEED_IDS


@pytest.mark.parametrize("goal_id", SEED_IDS)
@pytest.mark.parametrize("field", FIELDS)
def test_seed_field_matches_hand_written_record(seed_report, seed_expected, goal_id, field):
    got = next(g for g in seed_report.goals if g.goal_id == goal_id)
    want = next(g for g in seed_expected["goals"] if g["goal_id"] == goal_id)
    assert getattr(got, field) == want[field]


def test_seed_date_and_year_come_from_footer_and_header(seed_report):
    assert (seed_report.date, seed_report.year) == ("2022-02-02", 2021)


def test_seed_reads_without_warnings(seed_report):
    assert seed_report.warnings == []


def test_page_header_is_not_goal_text(seed_report):
    for goal in seed_report.goals:
        for field in TEXT_FIELDS:
            assert "Vastuuhenkil" not in (getattr(goal, field) or "")


def test_status_label_split_off_a_continuation_box():
    paragraphs = split_paragraphs("Toteutuu\ntäysin\n oppivelvollisuuden piirissä\noleville.\n")
    assert [p.lines for p in paragraphs] == [["Toteutuu", "täysin"], ["oppivelvollisuuden piirissä", "oleville."]]
    assert paragraphs[1].page_break


MINIMAL = """Teema A

Strateginen tavoite 3. Asukkaat voivat hyvin

3.1 Lisätään
liikuntaa

Liikkujien määrä

Määrä 100

Määrä 120

Katri Kalske Järjestettiin kaksi uutta
liikuntaryhmää ja kampanja.

Liikkujia on 130.

{label}
"""


@pytest.mark.parametrize(
    ("label", "status"),
    [
        ("Toteutui", "full"),
        ("Toteutui\nosittain", "partial"),
        ("Ei toteutunut", "none"),
        ("Ei arvioitavissa", "not_assessable"),
        ("Ei voida\ntodentaa", "not_assessable"),
    ],
)
def test_status_vocabularies(label, status, voikko):
    (goal,) = parse_text(MINIMAL.format(label=label)).goals
    assert goal.status == status


def test_unknown_label_gives_null_status_and_warning(voikko):
    report = parse_text(MINIMAL.format(label="Toteutuu lähes"), source="x.txt")
    assert report.goals[0].status is None
    assert report.goals[0].status_label == "Toteutuu lähes"
    assert any("unknown status label 'Toteutuu lähes'" in w for w in report.warnings)


def test_minimal_row_cells(voikko):
    (goal,) = parse_text(MINIMAL.format(label="Toteutui")).goals
    assert (goal.theme, goal.strategic_goal, goal.goal) == ("Teema A", "Asukkaat voivat hyvin", "Lisätään liikuntaa")
    assert (goal.metric, goal.baseline, goal.target) == ("Liikkujien määrä", "Määrä 100", "Määrä 120")
    assert goal.responsible == "Katri Kalske"
    assert goal.measures == "Järjestettiin kaksi uutta liikuntaryhmää ja kampanja."
    assert goal.metric_status == "Liikkujia on 130."


def test_duplicate_goal_ids_warn(voikko):
    text = MINIMAL.format(label="Toteutui") + "\n" + MINIMAL.split("\n", 3)[3].format(label="Toteutui")
    report = parse_text(text, source="dup.txt")
    assert [g.goal_id for g in report.goals] == ["3.1", "3.1"]
    assert any("goal id 3.1 appears more than once" in w for w in report.warnings)


def test_row_split_by_page_break_before_its_label(seed_report, voikko):
    """8.1's label moved after the next page's continuation gives the same goal."""
    from tests.conftest import SEED

    text = SEED.read_text(encoding="utf-8")
    moved = text.replace("Toteutuu\ntäysin\n oppivelvollisuuden piirissä", " oppivelvollisuuden piirissä", 1)
    moved = moved.replace("valmisteltu.\n\nEdistämme", "valmisteltu.\n\nToteutuu\ntäysin\n\nEdistämme", 1)
    assert moved != text
    report = parse_text(moved)
    got = next(g for g in report.goals if g.goal_id == "8.1")
    want = next(g for g in seed_report.goals if g.goal_id == "8.1")
    assert got.to_dict() == want.to_dict()


@pytest.mark.parametrize(("date", "year"), [("2022-02-02", 2021), ("2022-06-30", 2021), ("2021-12-15", 2021)])
def test_year_from_footer_date(date, year):
    from pipeline.ingest.common import year_from_date

    assert year_from_date(date) == year


def long_row(n_paragraphs: int) -> str:
    """One goal row of ``n_paragraphs`` paragraphs and no person name (2 KB at 60): no cell boundary by name."""
    body = "\n\n".join(f"Toimenpide {k} jatkuu\nsuunnitellusti." for k in range(n_paragraphs))
    return f"1.1 Lisätään asuntotuotantoa\n\n{body}\n\nToteutuu täysin\n"


@pytest.mark.parametrize("n_paragraphs", [20, 40, 60], ids=lambda n: f"{n}-paragraphs")
def test_splitting_a_long_row_into_cells_is_polynomial(monkeypatch, n_paragraphs):
    from pipeline.ingest import text

    calls = []
    real = text._group_cost
    monkeypatch.setattr(text, "_group_cost", lambda groups: calls.append(1) or real(groups))
    report = parse_text(long_row(n_paragraphs))
    assert [g.goal_id for g in report.goals] == ["1.1"]
    units = n_paragraphs + 1
    assert len(calls) <= units * (units + 1) // 2  # each column (first, last paragraph) costed once


def rows_text(*rows: tuple[str, str, str | None]) -> str:
    return "\n\n".join(f"{goal}\n\n{metric}" + (f"\n\n{label}" if label else "") for goal, metric, label in rows) + "\n"


@pytest.mark.parametrize(("goal_ids", "text_ids"), [
    pytest.param(["99.2", "100.1", "101.1"], ["99.2", "100.1", "101.1"], id="three-digit-first-part"),
    pytest.param(["150.2", "150.10", "150.100"], ["150.2", "150.10", "150.100"], id="three-digit-parts"),
    pytest.param(["1.1.1", "1.1.2", "12.4"], ["1.1.1", "1.1.2", "12.4"], id="three-part-ids"),
    pytest.param(["12.4", "12.5"], ["12.4.", "12.5."], id="trailing-dot"),
])
def test_goal_ids_real_reports_use_are_each_a_goal(goal_ids, text_ids):
    labels = ["Toteutuu täysin", "Toteutuu osittain", "Ei toteutunut"]
    report = parse_text(rows_text(*((f"{i} Lisätään palveluja", "Asiakasmäärä", labels[k % 3])
                                    for k, i in enumerate(text_ids))))
    assert [g.goal_id for g in report.goals] == goal_ids
    assert report.warnings == []


@pytest.mark.parametrize(("rows", "warning"), [
    pytest.param([("1.1 Lisätään palveluja", "Asiakasmäärä", "Toteutuu täysin"),
                  ("1000.1 Parannetaan palveluja", "Asiakasmäärä", "Toteutuu osittain")],
                 r"numbered 1000\.1 .*part of goal 1\.1.*at most three digits", id="four-digit-id-after-a-row"),
    pytest.param([("1.1 Lisätään palveluja", "Asiakasmäärä", None),
                  ("1.2 Parannetaan palveluja", "Asiakasmäärä", "Toteutuu osittain")],
                 r"numbered 1\.2 .*part of goal 1\.1.*status label", id="row-without-label-before-it"),
])
def test_a_goal_looking_row_is_never_folded_silently(rows, warning):
    import re

    report = parse_text(rows_text(*rows))
    assert any(re.search(warning, w) for w in report.warnings), report.warnings
