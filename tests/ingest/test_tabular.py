import pandas as pd
import pytest

from pipeline.errors import ReportError
from pipeline.ingest import read_report

FINNISH = {
    "Teema": ["Hyvinvointi"],
    "Strateginen tavoite": ["Hyvinvointierot vähenevät"],
    "Sitova tavoite": ["12.4 Vahvistetaan mielenterveysosaamista"],
    "Mittari": ["Koulutettujen määrä"],
    "Lähtötaso": ["664"],
    "Tavoitetaso 2021": ["Nousee 10 %"],
    "Vastuuhenkilö(t)": ["Katri Kalske"],
    "Keskeiset toimenpiteet": ["Koulutettiin 188 työntekijää."],
    "Mittarien tilanne": ["Nousi 28,4 %."],
    "Tila": ["Toteutuu osittain"],
}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_finnish_headers(tmp_path, suffix):
    path = tmp_path / f"r{suffix}"
    frame = pd.DataFrame(FINNISH)
    frame.to_csv(path, index=False, sep=";") if suffix == ".csv" else frame.to_excel(path, index=False)
    (goal,) = read_report(path).goals
    assert (goal.goal_id, goal.goal) == ("12.4", "Vahvistetaan mielenterveysosaamista")
    assert (goal.target, goal.responsible, goal.status) == ("Nousee 10 %", "Katri Kalske", "partial")
    assert goal.strategic_goal == "Hyvinvointierot vähenevät"


def test_english_field_names(tmp_path):
    path = tmp_path / "r.csv"
    pd.DataFrame({"goal_id": ["1.1"], "goal": ["G"], "status_label": ["Toteutui"]}).to_csv(path, index=False)
    (goal,) = read_report(path).goals
    assert (goal.goal_id, goal.goal, goal.status) == ("1.1", "G", "full")


def test_csv_without_needed_columns_names_them(tmp_path):
    path = tmp_path / "r.csv"
    pd.DataFrame({"Mittari": ["x"], "Lähtötaso": ["y"]}).to_csv(path, index=False)
    with pytest.raises(ReportError, match=r"r\.csv: missing column\(s\) goal, status_label"):
        read_report(path)


def test_unknown_label_in_csv_warns_with_row(tmp_path):
    path = tmp_path / "r.csv"
    pd.DataFrame({"Sitova tavoite": ["1.1 G"], "Tila": ["Melkein"]}).to_csv(path, index=False)
    report = read_report(path)
    assert report.goals[0].status is None
    assert any("row 2 (goal 1.1): unknown status label 'Melkein'" in w for w in report.warnings)


def test_json_round_trip(tmp_path, seed_report):
    import json

    path = tmp_path / "r.json"
    path.write_text(json.dumps(seed_report.to_dict(), ensure_ascii=False), encoding="utf-8")
    back = read_report(path)
    assert [g.to_dict() for g in back.goals] == [g.to_dict() for g in seed_report.goals]


@pytest.mark.parametrize(
    ("cell", "title"),
    [
        pytest.param("3. Hyvinvointierot vähenevät", "Hyvinvointierot vähenevät", id="number"),
        pytest.param("12.Hyvinvointierot vähenevät", "Hyvinvointierot vähenevät", id="number-without-space"),
        pytest.param("Strateginen tavoite 3. Hyvinvointierot vähenevät", "Hyvinvointierot vähenevät", id="title"),
        pytest.param("Hyvinvointierot vähenevät", "Hyvinvointierot vähenevät", id="no-number"),
        pytest.param("2030 mennessä hiilineutraali", "2030 mennessä hiilineutraali", id="year-is-not-a-number"),
    ],
)
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_strategic_goal_number_is_stripped(tmp_path, suffix, cell, title):
    path = tmp_path / f"r{suffix}"
    frame = pd.DataFrame({**FINNISH, "Strateginen tavoite": [cell]})
    frame.to_csv(path, index=False, sep=";") if suffix == ".csv" else frame.to_excel(path, index=False)
    (goal,) = read_report(path).goals
    assert goal.strategic_goal == title


@pytest.mark.parametrize("sep", [";", ",", "\t"], ids=["semicolon", "comma", "tab"])
def test_separator_comes_from_the_header_row_whatever_the_rows_hold(tmp_path, sep):
    from pipeline.hostile import csv_rows

    path = tmp_path / "r.csv"
    path.write_text(csv_rows(30, sep=sep), encoding="utf-8")
    report = read_report(path)
    assert len(report.goals) == 30
    goal = report.goals[0]
    assert (goal.goal_id, goal.goal, goal.target) == ("1.1", "Lisätään asuntotuotantoa",
                                                      "Vähintään 2 500 asuntoa; kohtuuhintaisia 20 %")
    assert goal.responsible == "Anna Virtanen, Timo Aro" and goal.status == "partial"


def test_duplicate_ids_in_a_table_are_warned_once_each(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("Sitova tavoite;Tila\n1.1 A;Toteutui\n1.1 B;Toteutui\n1.2 C;Toteutui\n1.1 D;Toteutui\n",
                    encoding="utf-8")
    assert read_report(path).warnings == ["r.csv: goal id 1.1 appears more than once."]


def test_workbook_that_expands_past_the_limit_is_refused_unread(tmp_path):
    from pipeline.hostile import xlsx_bomb

    with pytest.raises(ReportError, match=r"pommi_80mb\.xlsx: the workbook expands to 80 MB.*zip bomb"):
        read_report(xlsx_bomb(tmp_path, 80))


def test_workbook_under_the_limit_is_read(tmp_path):
    from pipeline.hostile import xlsx_bomb

    with pytest.raises(ReportError, match=r"missing column"):  # read, and refused for its content only
        read_report(xlsx_bomb(tmp_path, 1))
