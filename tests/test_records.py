import json
from dataclasses import replace

import pandas as pd
import pytest

from pipeline.records import (
    GOAL_COLUMNS,
    Audit,
    Citation,
    Goal,
    Indicator,
    Metric,
    MetricAudit,
    Prediction,
    Report,
    Review,
    goals_from_frame,
    goals_to_frame,
)


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


FIGURE = Indicator("metric_status", "percent", 28.4, "%", None, "increase", "noussut 28,4 %", 44, 58,
                   "Määrä on noussut 28,4 % vuoden 2021 aikana.")


def _analysed_goal() -> Goal:
    return Goal(goal_id="12.4", status="partial", indicators=[FIGURE],
                prediction=Prediction("partial", {"full": 0.2, "partial": 0.7, "none": 0.1}, "v1"),
                audit=Audit("consistent", False, None, ["Ilmoitettu tila vastaa raportoituja tietoja."], "partial",
                            ["Tieto: 188 / 664 = 28,3 %; raportoitu 28,4 % (täsmää)."],
                            [Citation("metric_status", 44, 58)]),
                metrics=[Metric(name="NPS", indicators=[FIGURE],
                                audit=MetricAudit("insufficient_evidence", True, flag="needs_look", missed_by=0.2))])


def test_analysed_goal_round_trips_through_json_as_records():
    goal = _analysed_goal()
    back = Goal.from_dict(json.loads(json.dumps(goal.to_dict())))
    assert back == goal
    assert isinstance(back.metrics[0].indicators[0], Indicator) and isinstance(back.audit.cited[0], Citation)


def test_analysed_goal_document_has_contract_shapes():
    doc = _analysed_goal().to_dict()
    assert doc["prediction"] == {"status": "partial", "probabilities": {"full": 0.2, "partial": 0.7, "none": 0.1},
                                 "model_version": "v1"}
    assert list(doc["audit"]) == ["verdict", "flagged", "flag", "reasons", "evidence_status", "notes", "cited"]
    assert doc["audit"]["cited"] == [{"field": "metric_status", "start": 44, "end": 58}]
    assert list(doc["indicators"][0]) == ["field", "kind", "value", "unit", "qualifier", "direction", "text",
                                          "start", "end", "sentence"]


@pytest.mark.parametrize(("figure", "extra"), [
    (FIGURE, {}),
    (replace(FIGURE, reviewed="accept"), {"reviewed": "accept"}),
    (replace(FIGURE, value=30.1, original_value=28.4, reviewed="correct"),
     {"value": 30.1, "reviewed": "correct", "original_value": 28.4}),
], ids=["not-reviewed", "accepted", "corrected"])
def test_indicator_document_names_review_only_when_reviewed(figure, extra):
    assert figure.to_dict() == {**FIGURE.to_dict(), **extra}
    assert Indicator.from_dict(figure.to_dict()) == figure


def test_review_round_trips():
    goal = Goal(goal_id="1", status="none", review=Review("none", "full", "Liisa", "2026-01-02T10:00:00+00:00"))
    assert Goal.from_dict(goal.to_dict()) == goal
