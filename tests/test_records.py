import pandas as pd

from pipeline.records import GOAL_COLUMNS, Goal, Metric, Report, goals_from_frame, goals_to_frame


def test_frame_round_trip_keeps_fields_and_columns():
    report = Report(
        source="r.csv", sha256="x", year=2021,
        goals=[Goal(goal_id="1.1", goal="Tavoite", target="10 %", status_label="Toteutui", status="full"),
               Goal(goal_id="1.2", goal="Toinen", metric=None, status_label=None)],
    )
    frame = goals_to_frame(report)
    assert list(frame.columns[: len(GOAL_COLUMNS)]) == list(GOAL_COLUMNS)
    back = goals_from_frame(frame)
    assert [g.to_dict() for g in back] == [g.to_dict() for g in report.goals]


def test_goals_from_frame_turns_blanks_into_none():
    frame = pd.DataFrame({"goal_id": ["1.1"], "goal": ["  "], "metric": [float("nan")]})
    (goal,) = goals_from_frame(frame)
    assert goal.goal is None and goal.metric is None


def test_report_document_has_contract_keys():
    doc = Report(source="a.txt", sha256="s", date="2022-02-02", year=2021, goals=[Goal(goal_id="1.1")]).to_dict()
    assert doc["report"] == {"source": "a.txt", "sha256": "s", "date": "2022-02-02", "year": 2021,
                             "department": None, "n_goals": 1, "layout": None, "pages": None}
    assert set(doc["goals"][0]) >= {"goal_id", "theme", "strategic_goal", "goal", "metric", "baseline", "target",
                                   "responsible", "measures", "metric_status", "status_label", "status",
                                   "indicators", "prediction", "audit", "summary"}


def test_metrics_round_trip_through_the_document():
    goal = Goal(goal_id="150.2", page=84, department="Henkilöstöpalvelut", goal="Tyytyväinen henkilöstö",
                metrics=[Metric(name="NPS", baseline="9", target="10", actual="11", status_label="1", status="full",
                                page=84)])
    report = Report(source="s.pdf", sha256="s", year=2024, layout="metric_rows", pages=(79, 141), goals=[goal])
    doc = report.to_dict()
    assert doc["report"]["pages"] == [79, 141]
    assert doc["goals"][0]["metrics"][0]["actual"] == "11"
    assert Report.from_dict(doc) == report
