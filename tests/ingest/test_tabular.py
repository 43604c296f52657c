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
