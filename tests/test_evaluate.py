import pytest

from pipeline.evaluate import field_right, verdict_disagreements
from pipeline.records import Audit, Goal, Report

LONG = "Voitollinen. Tuottotavoite: 5 % sijoitetulle pääomalle. Yhtiö maksaa osinkoa 6 % sijoitetulle pääomalle."


@pytest.mark.parametrize(
    ("name", "got", "want", "right"),
    [
        pytest.param("metric", LONG, LONG[:100].rstrip(), True, id="metric-cut-at-100"),
        pytest.param("metric", "Voitollinen.", LONG[:100].rstrip(), False, id="metric-shorter-than-key"),
        pytest.param("metric", None, None, True, id="metric-none"),
        pytest.param("metric", "Voitollinen", None, False, id="metric-where-key-has-none"),
        pytest.param("goal_id", "3", None, True, id="unprinted-id-numbered-by-reader"),
        pytest.param("goal_id", "3", "2", False, id="printed-id-wrong"),
        pytest.param("target", "yli  20 %", "yli 20 %", True, id="white-space-folded"),
        pytest.param("page", 61, 60, False, id="page-exact"),
    ],
)
def test_field_right(name, got, want, right):
    assert field_right(name, got, want) is right


@pytest.mark.parametrize(("verdicts", "expected"), [
    pytest.param(["consistent", "inconsistent"], [], id="all-agree"),
    pytest.param(["inconsistent", "inconsistent"], [("1.1", "consistent", "inconsistent")], id="one-differs"),
])
def test_verdict_disagreements_names_each_goal_that_differs(verdicts, expected):
    goals = [Goal(goal_id=gid, audit=Audit(verdict, verdict != "consistent"))
             for gid, verdict in zip(("1.1", "1.2"), verdicts, strict=True)]
    fixture = {"1.1": ["consistent", "auditor"], "1.2": ["inconsistent", "auditor"]}
    assert verdict_disagreements(Report(source="r.txt", sha256="0", goals=goals), fixture) == expected
