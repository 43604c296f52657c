"""The claim audit: targets read as requirements, evidence, verdicts and Finnish reasons."""

from __future__ import annotations

import json

import pytest

from pipeline.analysis import analyse_report, read_evidence
from pipeline.audit import audit_goal
from pipeline.records import Goal, Prediction, Report
from tests.conftest import FIXTURES


def audited(**fields) -> Goal:
    goal = Goal(**{"status_label": None, **fields})
    report = analyse_report(Report(source="t", sha256="", year=2021, goals=[goal]))
    return report.goals[0]


def parts_of(**fields):
    goal = Goal(**fields)
    return read_evidence([goal], 2021).assessments[0].parts


@pytest.fixture(scope="module")
def seed_audit_fixture():
    return json.loads((FIXTURES / "seed_audit.json").read_text(encoding="utf-8"))["goals"]


@pytest.fixture(scope="module")
def seed_audited(seed_report, status_model):
    return analyse_report(Report.from_dict(seed_report.to_dict()), model=status_model)


@pytest.mark.parametrize("goal_id", ["5.1", "8.1", "12.3", "12.4", "12.5", "12.12", "13.1", "17.1"])
def test_seed_verdicts_agree_with_the_auditor(seed_audited, seed_audit_fixture, goal_id):
    goal = next(g for g in seed_audited.goals if g.goal_id == goal_id)
    assert goal.audit.verdict == seed_audit_fixture[goal_id][0], goal.audit.reasons


@pytest.mark.parametrize(
    ("target", "baseline", "expected"),
    [
        ("Osallistujien määrä nousee vähintään 10 prosentilla.", None,
         {"measure": "percent", "value": 10.0, "relative": True, "change": "increase", "qualifier": "at_least"}),
        ("Keskeyttäneiden määrän väheneminen 10 prosentilla", "Keskeyttäneiden määrä 496",
         {"relative": True, "change": "decrease", "baseline": 496.0, "threshold": pytest.approx(446.4),
          "lower_is_better": True}),
        ("Vähintään 2 500 asuntoa.", None,
         {"measure": "count", "value": 2500.0, "unit": "asunto", "threshold": 2500.0, "lower_is_better": False}),
        ("Hoitoon pääsyn odotusaika enintään 14 päivää.", "30 päivää",
         {"measure": "count", "threshold": 14.0, "lower_is_better": True}),
        ("Osuus kasvaa 3 prosenttiyksikköä.", "Osuus 40 %",
         {"points": True, "baseline": 40.0, "threshold": 43.0}),
    ],
)
def test_quantity_targets(target, baseline, expected):
    (part,) = [p for p in parts_of(target=target, baseline=baseline) if p.kind == "quantity"]
    for name, value in expected.items():
        assert getattr(part, name) == value, name


@pytest.mark.parametrize(
    ("target", "kinds"),
    [
        ("10 yhteistyökumppania, joista osa kansainvälisiä toimijoita. Esiselvitys valmis.",
         ["quantity", "component", "deliverable"]),
        ("Selvitys on laadittu ja hyväksytty.", ["deliverable"]),
        ("Poikkeusaikana luotuja toimintamalleja käytössä", ["deliverable"]),
        ("Digituki vahvistuu.", ["qualitative"]),
    ],
)
def test_target_parts(target, kinds):
    assert [p.kind for p in parts_of(target=target)] == kinds


@pytest.mark.parametrize(
    ("fields", "verdict"),
    [
        pytest.param(dict(target="Vähintään 2 500 asuntoa.", metric_status="Valmistui 2 104 asuntoa.",
                          status="full"), "inconsistent", id="met-claim-figures-short"),
        pytest.param(dict(target="Vähintään 2 500 asuntoa.", metric_status="Valmistui 2 380 asuntoa.",
                          status="partial"), "inconsistent", id="partial-claim-slightly-short-without-a-legend"),
        pytest.param(dict(target="Vähintään 2 500 asuntoa.", metric_status="Valmistui 2 104 asuntoa.",
                          status="partial"), "inconsistent", id="partial-claim-figures-clearly-short"),
        pytest.param(dict(target="Vähintään 2 500 asuntoa.", metric_status="Valmistui 2 704 asuntoa.",
                          status="none"), "inconsistent", id="too-modest"),
        pytest.param(dict(target="Vähintään 2 500 asuntoa.", metric_status="Asuntotuotanto eteni hyvin.",
                          status="full"), "insufficient_evidence", id="no-figure"),
        pytest.param(dict(target="Odotusaika enintään 14 päivää.", baseline="30 päivää",
                          metric_status="Odotusaika oli 12 päivää.", status="full"), "consistent", id="inverse-met"),
        pytest.param(dict(target="Odotusaika enintään 14 päivää.", baseline="30 päivää",
                          metric_status="Odotusaika oli 21 päivää.", status="full"), "inconsistent",
                     id="inverse-not-met"),
        pytest.param(dict(target="Selvitys valmis.", metric_status="Selvitys siirtyi vuodelle 2022.",
                          status="full"), "inconsistent", id="postponed-deliverable"),
        pytest.param(dict(target="Selvitys valmis.", metric_status="Selvitys valmistui syyskuussa.",
                          status="full"), "consistent", id="delivered"),
        pytest.param(dict(target="Koulutuksia järjestetään.", metric_status="Koulutuksia ei ole järjestetty.",
                          status="full"), "inconsistent", id="negated-evidence"),
        pytest.param(dict(target="Vähintään 2 500 asuntoa.", metric_status="Valmistui 2 704 asuntoa.",
                          status=None), "insufficient_evidence", id="no-claim"),
    ],
)
def test_verdicts(fields, verdict):
    goal = audited(**fields)
    assert goal.audit.verdict == verdict, goal.audit.reasons
    assert goal.audit.flagged is (verdict != "consistent")


def test_reason_quotes_target_and_figure_with_share():
    goal = audited(target="Vähintään 2 500 asuntoa.", metric_status="Valmistui 2 104 asuntoa.", status="full")
    assert "Tavoite: Vähintään 2 500 asuntoa; raportoitu: 2 104 asuntoa (84,2 %)." in goal.audit.reasons


def test_reason_names_the_claim_as_too_optimistic():
    goal = audited(target="Vähintään 2 500 asuntoa.", metric_status="Valmistui 2 104 asuntoa.", status="full",
                   status_label="Toteutuu täysin")
    assert any("'Toteutuu täysin' on liian myönteinen" in r for r in goal.audit.reasons)


def test_arithmetic_is_information_not_a_flag():
    goal = audited(
        target="Osallistujien määrä nousee vähintään 10 prosentilla.",
        measures="31.12.2020 mennessä oli koulutettu 664 työntekijää. Vuonna 2021 koulutettiin 100 työntekijää lisää.",
        metric_status="Koulutettujen määrä on noussut 28,4 %.", status="full",
    )
    assert goal.audit.notes == ["Tieto: 100 / 664 = 15,1 %; raportoitu 28,4 % (ei täsmää)."]
    assert goal.audit.verdict == "consistent"


def test_goal_with_all_fields_empty_is_not_an_error():
    goal = audited(goal_id="1.1", status="full")
    assert goal.indicators == []
    assert goal.audit.verdict in ("consistent", "insufficient_evidence")


def test_classifier_decides_where_rules_cannot():
    goal = Goal(target="Digituki vahvistuu.", metric_status="Digitukea ei ole järjestetty.", status="full")
    assessment = read_evidence([goal], 2021).assessments[0]
    assessment.status = None  # as if the rules had nothing to go on
    confident = Prediction("none", {"full": 0.05, "partial": 0.15, "none": 0.8})
    assert audit_goal(goal, assessment, confident).verdict == "inconsistent"
    unsure = Prediction("none", {"full": 0.35, "partial": 0.2, "none": 0.45})
    assert audit_goal(goal, assessment, unsure).verdict == "consistent"


@pytest.mark.parametrize(
    ("claimed", "predicted", "verdict"),
    [("full", "partial", "inconsistent"), ("partial", "full", "consistent"), ("none", "full", "consistent")],
    ids=["over-optimistic-claim-flagged", "cautious-claim-not-flagged", "pessimistic-claim-not-flagged"],
)
def test_the_classifier_alone_flags_only_claims_more_optimistic_than_its_reading(claimed, predicted, verdict):
    goal = Goal(target="Digituki vahvistuu.", metric_status="Digitukea on kehitetty.", status=claimed)
    assessment = read_evidence([goal], 2021).assessments[0]
    assessment.status = None  # as if the rules had nothing to go on
    probabilities = dict.fromkeys(("full", "partial", "none"), 0.02) | {predicted: 0.96}
    assert audit_goal(goal, assessment, Prediction(predicted, probabilities)).verdict == verdict
