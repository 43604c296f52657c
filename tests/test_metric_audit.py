"""The audit of metric rows: target against actual, the direction, the share reached, words, the city's number."""

from __future__ import annotations

import pytest

from pipeline.config import slightly_below
from pipeline.metric_audit import assess_metric, audit_metric, lower_is_better
from pipeline.number_formats import figures
from pipeline.records import Metric


def row(name="Mittari", baseline="…", target="…", actual="…", status="full") -> Metric:
    return Metric(name=name, baseline=baseline, target=target, actual=actual, status_label="1", status=status)


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        pytest.param(row("Kävijämäärä", "900", "1 000", "1 020"), "full", id="count-met"),
        pytest.param(row("Kävijämäärä", "900", "1 000", "960"), "partial", id="count-4-percent-short"),
        pytest.param(row("Kävijämäärä", "900", "1 000", "850"), "none", id="count-15-percent-short"),
        pytest.param(row("Kävijämäärä", "900", "1 000", "1 000"), "full", id="count-exactly"),
        pytest.param(row("Asiakastyytyväisyys", "3,8", ">4", "4,0"), "partial", id="strict-over-by-a-hair"),
        pytest.param(row("Jonotusaika, vrk", "30", "21", "25"), "none", id="waiting-time-lower-better"),
        pytest.param(row("Jonotusaika, vrk", "30", "21", "19"), "full", id="waiting-time-met"),
        pytest.param(row("Siivouksen kustannukset €/m2", "2,10", "2,00", "2,15"), "partial", id="cost-slightly-over"),
        pytest.param(row("Poissaolot", "5 %", "alle 4 %", "4 %"), "partial", id="alle-strict"),
        pytest.param(row("Sijoitus vertailussa", "5.", "3.", "2."), "full", id="rank-better"),
        pytest.param(row("Sijoitus vertailussa", "5.", "3.", "8."), "none", id="rank-worse"),
        pytest.param(row("Opiskelijapaikat", "40", "50–60", "52"), "full", id="range-low-end"),
        pytest.param(row("Liikevaihto", "0,9 milj.", "1,2 milj.", "1 150 000"), "partial", id="scale-word-vs-digits"),
        pytest.param(row("Tulos", "-80 t€", "-50 t€", "-70 t€"), "none", id="negative-money"),
        pytest.param(row("Energiankulutus", "…", "3 % alle nykyarvon", "-3,4 %"), "full", id="change-below-baseline"),
        pytest.param(row("Energiankulutus", "…", "3 % alle nykyarvon", "+1,0 %"), "none", id="change-wrong-way"),
        pytest.param(row("Yksikkökustannus", "pk 100 ryhmä 200", "4 % max. kasvu", "pk 106 ryhmä 202"), "partial",
                     id="change-ceiling-per-pair"),
        pytest.param(row("Tapahtumat (osallistujat)", "20 (900)", "30 (1 000)", "12 (1 200)"), "none",
                     id="bracketed-detail-ignored"),
        pytest.param(row("Osuus", "10 %", "12 %", "12"), "full", id="unit-from-the-target"),
    ],
)
def test_expected_status_from_figures(metric, expected):
    assert assess_metric(metric, slightly_below=0.1).status == expected


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        pytest.param(row("Ohjelma hyväksytty", "…", "Kyllä", "Kyllä"), "full", id="kylla"),
        pytest.param(row("Ohjelma hyväksytty", "…", "k/e", "k"), "full", id="k-of-k-e"),
        pytest.param(row("Järjestelmä käytössä", "…", "Kyllä", "Osittain"), "partial", id="osittain"),
        pytest.param(row("Kyllä / ei", "Ei", "Kyllä", "Ei"), "none", id="answer-ei"),
        pytest.param(row("Selvitys", "aloitettu", "Valmis", "Jatkuu"), "none", id="under-way-vs-done"),
        pytest.param(row("Suunnitelma", "…", "Suunnitelma valmistuu", "ei ole valmistunut"), "none",
                     id="negated-done"),
        pytest.param(row("Maksuja ei koroteta", "…", "…", "ei korotettu"), "full", id="negated-metric-kept"),
        pytest.param(row("Yhteistyö", "…", "kumppanit sitoutuvat", "kumppanit sitoutuneet"), "full",
                     id="target-verb-restated-as-done"),
        pytest.param(row("Kouluissa käytössä", "…", "Kaikilla kouluilla", "Toteutui kahdella, yhdellä ei toteutunut"),
                     "partial", id="done-and-not-done"),
        pytest.param(row("Keskeyttäneet", "2 %", "alle 1,5 %", "Toteutui"), "full", id="status-word-vs-number"),
    ],
)
def test_expected_status_from_words(metric, expected):
    assert assess_metric(metric).status == expected


@pytest.mark.parametrize(
    "metric",
    [
        pytest.param(row("Tyytyväisyys", "4", "4,2", "…"), id="ellipsis"),
        pytest.param(row("Kysely", "1", "1", "tulossa 2026"), id="coming-next-year"),
        pytest.param(row("Muutto", "80", "90", "ei mitattu"), id="not-measured"),
        pytest.param(row("Osuus", "100 %", "100 %", "1"), id="unit-and-scale-differ"),
        pytest.param(row("Tunnit", "5 000", "5 000", "Tunteja vähennettiin 120 tuntia."), id="a-cut-not-a-level"),
        pytest.param(row("Hyvä palvelu", "…", "Asiakkaat tyytyväisiä", "Palautetta kerätään jatkuvasti."),
                     id="verbal-no-outcome"),
        pytest.param(row("Tapahtumat", "…", "Kaikki koulut mukana", "100 %"), id="number-against-words"),
        pytest.param(row("Oppilaat", "…", "30", "Kyllä"), id="kylla-against-a-number"),
    ],
)
def test_insufficient_evidence_rather_than_a_guess(metric):
    audit = audit_metric(metric)
    assert (audit.evidence_status, audit.verdict, audit.flag) == (None, "insufficient_evidence", "needs_look")


@pytest.mark.parametrize(
    ("name", "target", "lower"),
    [
        pytest.param("Työmatkakustannusten osuus", "3 %", True, id="cost-compound-head"),
        pytest.param("Aterian hinta", "4,10", True, id="price"),
        pytest.param("Rakennuslupien käsittelyaika", "20 pv", True, id="processing-time"),
        pytest.param("Kaupungin velkamäärä", "5 000", True, id="debt"),
        pytest.param("Lainaukset", "enintään 5", True, id="enintaan"),
        pytest.param("Aukioloajat tunteina", "3 000", False, id="opening-hours-not-a-waiting-time"),
        pytest.param("NPS yli 20", "20", False, id="bound-in-the-metric-name"),
        pytest.param("Matka enintään 2 km (% asukkaista)", "70", False, id="bound-of-another-number"),
        pytest.param("Ensisijaiset hakijat / aloituspaikat", "vähintään 1,2", False, id="floor-word-wins"),
        pytest.param("Hoitopäivän hinta", "vähintään 45 €", False, id="floor-word-wins-over-a-price"),
        pytest.param("Sijoitus vertailussa", "vähintään 3.", True, id="a-rank-stays-a-rank"),
        pytest.param("Saavutettavuuspoikkeamat", "0 kpl", True, id="zero-count-is-a-ceiling"),
        pytest.param("Tietoturvapoikkeamat", "0", True, id="bare-zero-is-a-ceiling"),
        pytest.param("Tilikauden tulos", "0 €", False, id="break-even-result-is-a-floor"),
        pytest.param("Sähkön jakelukeskeytykset", "60 min", True, id="interruptions-are-harm"),
        pytest.param("Pyöräilyn osuus matkoista", "12 %", False, id="an-ordinary-share"),
    ],
)
def test_direction(name, target, lower):
    metric = row(name, "…", target, "1")
    assert lower_is_better(metric, figures(target)) is lower


@pytest.mark.parametrize(
    ("status", "verdict", "words"),
    [
        pytest.param("full", "inconsistent", "liian myönteinen", id="green-but-clearly-below"),
        pytest.param("partial", "inconsistent", "liian myönteinen", id="amber-but-clearly-below"),
        pytest.param("none", "consistent", "vastaa", id="red-and-clearly-below"),
    ],
)
def test_verdict_against_the_city_number(status, verdict, words):
    audit = audit_metric(row("Kävijät", "700", "1 000", "800", status))
    assert audit.verdict == verdict
    assert words in audit.reasons[-1]
    assert audit.flag == ("contradicted" if verdict == "inconsistent" else None)


def test_reason_says_the_share_of_the_target_reached():
    audit = audit_metric(row("Kävijät", "700", "1 000", "800", "none"))
    assert "800 (80 % tavoitteesta)" in audit.reasons[0]


def test_not_assessable_is_consistent_when_no_figure_exists():
    audit = audit_metric(row("Kysely", "1", "1", "tulossa 2026", "not_assessable"))
    assert audit.verdict == "consistent"


def test_not_assessable_is_contradicted_when_figures_exist():
    audit = audit_metric(row("Kävijät", "700", "1 000", "1 200", "not_assessable"))
    assert audit.verdict == "inconsistent"


@pytest.mark.parametrize(("share", "expected"), [(0.05, "none"), (0.1, "partial"), (0.2, "partial")])
def test_slightly_below_is_a_setting(share, expected):
    assert assess_metric(row("Kävijät", "700", "1 000", "920"), slightly_below=share).status == expected


def test_slightly_below_from_the_environment(monkeypatch):
    monkeypatch.setenv("PIPELINE_SLIGHTLY_BELOW", "0,15")
    assert slightly_below() == 0.15


@pytest.mark.parametrize("value", ["kymmenen", "1.5"])
def test_bad_slightly_below_setting_names_the_value(monkeypatch, value):
    monkeypatch.setenv("PIPELINE_SLIGHTLY_BELOW", value)
    with pytest.raises(ValueError, match=f"PIPELINE_SLIGHTLY_BELOW='{value}'"):
        slightly_below()


def test_analyse_audits_every_metric_row(nlp):
    from pipeline.analysis import analyse_report
    from pipeline.records import Goal, Report

    goal = Goal(goal_id="1", goal="Kirjasto houkuttelee kävijöitä",
                metrics=[row("Kävijät", "700", "1 000", "1 100", "full"), row("Lainat", "5", "6", "4", "full")])
    report = analyse_report(Report(source="t", sha256="", year=2024, goals=[goal]))
    assert [m.audit.verdict for m in report.goals[0].metrics] == ["consistent", "inconsistent"]


def test_a_goal_labelled_only_by_its_metric_rows_is_not_flagged_itself(nlp):
    from pipeline.analysis import analyse_report
    from pipeline.records import Goal, Report

    goal = Goal(goal_id="1", goal="Kirjasto houkuttelee kävijöitä", metrics=[row("Kävijät", "700", "1 000", "1 100")])
    audit = analyse_report(Report(source="t", sha256="", year=2024, goals=[goal])).goals[0].audit
    assert (audit.verdict, audit.flagged) == ("consistent", False)


def test_analyse_prints_each_metric_row_verdict_with_reasons_when_flagged(nlp, tmp_path, capsys):
    import json

    from pipeline.cli import main

    doc = {"report": {"source": "rivit.json", "year": 2024, "layout": "metric_rows"}, "goals": [
        {"goal_id": "1", "goal": "Kirjasto houkuttelee", "metrics": [
            {"name": "Kävijät", "baseline": "700", "target": "1 000", "actual": "1 100", "status_label": "1",
             "status": "full", "page": 3},
            {"name": "Lainat", "baseline": "5", "target": "6", "actual": "4", "status_label": "2",
             "status": "partial", "page": 3}]}]}
    path = tmp_path / "rivit.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["analyse", str(path), "--no-model"]) == 0
    out = capsys.readouterr().out
    assert "p. 3 Kävijät: claimed 1 consistent" in out
    assert "p. 3 Lainat: claimed 2 FLAG inconsistent" in out
    assert "- Tavoite: 6; toteuma: 4 (66,7 % tavoitteesta)" in out


# --- rows the audit was not written against: ceilings, change targets, shares in words, work under way ---


def claimed(name, baseline, target, actual, label):
    """A row with the city's number (1, 2, 3) and its normalised status."""
    status = {"1": "full", "2": "partial", "3": "none"}[label]
    return Metric(name=name, baseline=baseline, target=target, actual=actual, status_label=label, status=status)


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        pytest.param(row("Vuokrarästit", "5,2 %", "max 5 %", "4,6 %"), "full", id="max-percent-kept"),
        pytest.param(row("Lainat €/asukas", "3.300 €/asukas", "max 3.200 €/asukas", "3.150 €/asukas"), "full",
                     id="max-per-resident-kept"),
        pytest.param(row("Toimitilat", "260 000 m²", "max 250 000 m²", "253 000 m²"), "partial",
                     id="max-area-slightly-over"),
        pytest.param(row("Ylityöt", "50", "Enint. 40", "46"), "none", id="enint-clearly-over"),
        pytest.param(row("Valitukset", "25", "korkeintaan 20", "19"), "full", id="korkeintaan-kept"),
        pytest.param(row("Jonossa", "9", "maks. 6", "6"), "full", id="maks-exactly"),
        pytest.param(row("Tapahtumat", "9", "≤ 7", "7,5"), "partial", id="less-or-equal-sign-slightly-over"),
        pytest.param(row("Päivystykset", "12", "12 max", "11"), "full", id="max-after-the-number"),
    ],
)
def test_ceiling_words_are_ceilings(metric, expected):
    assessment = assess_metric(metric, slightly_below=0.1)
    assert (assessment.status, assessment.lower_is_better) == (expected, True)


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [
        pytest.param("0 kpl", "3 kpl", "none", id="three-against-zero"),
        pytest.param("0 kpl", "1", "none", id="one-against-zero"),
        pytest.param("0 kpl", "0 kpl", "full", id="zero-kept"),
        pytest.param("Ei yhtään", "2 kpl", "none", id="none-in-words-exceeded"),
        pytest.param("ei lainkaan", "0", "full", id="none-in-words-kept"),
    ],
)
def test_a_zero_target_is_a_ceiling(target, actual, expected):
    assert assess_metric(row("Poikkeamat", "8 kpl", target, actual)).status == expected


@pytest.mark.parametrize(
    ("metric", "expected", "level"),
    [
        pytest.param(row("Käyttöaste", "70 %", "+3 %-yks. edellisestä vuodesta", "72,5 %"), "partial",
                     "70 % +3 %-yks. = 73 %", id="points-slightly-short"),
        pytest.param(row("Käyttöaste", "70 %", "+3 %-yks. edellisestä vuodesta", "73,4 %"), "full",
                     "70 % +3 %-yks. = 73 %", id="points-met"),
        pytest.param(row("Sähkönkulutus", "40,0 GWh", "-5 % edellisestä vuodesta", "38,5 GWh"), "partial",
                     "40,0 −5 % = 38", id="cut-slightly-short"),
        pytest.param(row("Sähkönkulutus", "40,0 GWh", "-5 % edellisestä vuodesta", "37,9 GWh"), "full",
                     "40,0 −5 % = 38", id="cut-met"),
        pytest.param(row("Sähkönkulutus", "40,0 GWh", "-5 % edellisestä vuodesta", "40,8 GWh"), "none",
                     "40,0 −5 % = 38", id="cut-went-the-wrong-way"),
        pytest.param(row("Lainaajat", "20 000", "+5 % edellisestä vuodesta", "20 400"), "partial",
                     "20 000 +5 % = 21 000", id="growth-slightly-short"),
        pytest.param(row("Käyttömenot", "200 milj. €", "Enint. 3 %:n vuotuinen kasvu", "205 milj. €"), "full",
                     "200 milj. € +3 % = 206 milj. €", id="growth-ceiling-kept"),
        pytest.param(row("Nettokustannukset €/asiakas", "1 500 €", "edellisen vuoden tasolla", "1 560 €"), "partial",
                     "= lähtötaso 1 500 €", id="cost-at-last-years-level"),
    ],
)
def test_a_change_target_is_a_level_from_the_baseline(metric, expected, level):
    assessment = assess_metric(metric, slightly_below=0.1)
    assert assessment.status == expected
    assert f"tavoitetaso {level}" in assessment.reasons[0]


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [
        pytest.param("Enint. 2,0 %:n vuotuinen kasvu", "vahvistui noin 1,8 %", "full", id="rate-within-its-ceiling"),
        pytest.param("Enint. 2,0 %:n vuotuinen kasvu", "kasvoi 2,1 %", "partial", id="rate-just-over-its-ceiling"),
        pytest.param("3 % alle nykyarvon", "-3,5 %", "full", id="signed-cut-met"),
        pytest.param("3 % alle nykyarvon", "+0,5 %", "none", id="signed-rise-where-a-cut-was-wanted"),
        pytest.param("+2 %-yks. edellisestä vuodesta", "+1,5 %", None, id="points-against-per-cent"),
    ],
)
def test_a_rate_in_the_actual_against_a_rate_target(target, actual, expected):
    assessment = assess_metric(row("Toimintakate", "3,4 %", target, actual), slightly_below=0.1)
    assert assessment.status == expected


@pytest.mark.parametrize(
    ("actual", "expected", "level"),
    [
        pytest.param("kasvoi 3 %", "partial", "50 000 +3 % = 51 500", id="grew-slightly-short"),
        pytest.param("kasvoi 5 %", "full", "50 000 +5 % = 52 500", id="grew-enough"),
        pytest.param("laski 2 %", "partial", "50 000 −2 % = 49 000", id="fell-slightly"),
        pytest.param("väheni 10 %", "none", "50 000 −10 % = 45 000", id="fell-clearly"),
    ],
)
def test_a_change_in_the_actual_is_a_level_from_the_baseline(actual, expected, level):
    assessment = assess_metric(row("Kävijät", "50 000", "52 000", actual), slightly_below=0.1)
    assert assessment.status == expected
    assert level in assessment.reasons[0]


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [
        pytest.param("Jokaisessa koulussa", "Kysely tehtiin 19 koulussa 20:stä.", "partial", id="nineteen-of-twenty"),
        pytest.param("Kaikki päiväkodit mukana", "Mukana 11 päiväkotia 15:stä", "none", id="eleven-of-fifteen"),
        pytest.param("Kaikilla kouluilla", "12/12 koululla", "full", id="all-twelve-as-a-fraction"),
        pytest.param("Kaikki koulut", "9 / 10 koulua", "partial", id="fraction-with-spaces"),
        pytest.param("Kaikissa kouluissa", "Tehtiin 14 luokassa 17:stä", None, id="a-share-of-something-else"),
    ],
)
def test_a_share_in_words_against_all(target, actual, expected):
    assessment = assess_metric(row("Kattavuus", "", target, actual), slightly_below=0.1)
    assert assessment.status == expected


def test_a_share_in_words_says_the_share_reached():
    audit = audit_metric(row("Kattavuus", "", "Kaikissa kouluissa", "tehtiin 14 koulussa 17:stä", "partial"))
    assert "14 koulussa 17:stä (14 / 17; 82,4 % tavoitteesta)" in audit.reasons[0]


@pytest.mark.parametrize("label", ["1", "2", "3"])
@pytest.mark.parametrize("actual", ["Työ jatkuu", "Käynnissä", "Kesken"])
def test_work_under_way_against_a_number_needs_a_look(actual, label):
    audit = audit_metric(claimed("Neuvonnan asiakkaat", "300", "350 asiakasta", actual, label))
    assert (audit.verdict, audit.flag) == ("insufficient_evidence", "needs_look")


@pytest.mark.parametrize(
    ("label", "verdict"),
    [
        pytest.param("1", "inconsistent", id="green-is-contradicted"),
        pytest.param("2", "consistent", id="amber-fits"),
        pytest.param("3", "consistent", id="red-fits"),
    ],
)
@pytest.mark.parametrize("target", ["Hyväksytty 30.6.2024 mennessä", "Laadittuna 20 suunnitelmaa"])
def test_work_under_way_on_a_deliverable_rules_out_full(target, label, verdict):
    audit = audit_metric(claimed("Yleiskaava", "Luonnos", target, "Käynnissä", label))
    assert audit.verdict == verdict
    assert audit.evidence_status == "partial"


@pytest.mark.parametrize(
    ("actual", "expected"),
    [
        pytest.param("Toteutunut. Työ jatkuu.", "full", id="done-then-work-goes-on"),
        pytest.param("Valmis. Päivitys jatkuu vuonna 2025.", "full", id="ready-then-updates-go-on"),
        pytest.param("Osittain. Työ jatkuu.", "partial", id="partly-then-work-goes-on"),
        pytest.param("Ei toteutunut. Työ jatkuu.", "none", id="not-done-then-work-goes-on"),
    ],
)
def test_an_actual_that_opens_with_its_verdict(actual, expected):
    assert assess_metric(row("Ohjelma", "…", "Ohjelma valmis", actual)).status == expected


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [
        pytest.param("< nykyarvo", "1 180", "full", id="below-the-baseline-kept"),
        pytest.param("< nykyarvo", "1 260", "partial", id="below-the-baseline-missed-slightly"),
        pytest.param("> nykyarvo", "1 260", "full", id="above-the-baseline-kept"),
        pytest.param("> nykyarvo", "1 100", "partial", id="above-the-baseline-missed-slightly"),
        pytest.param("vähintään edellisen vuoden tasolla", "1 200", "full", id="at-least-last-years-level"),
        pytest.param("enintään nykytasolla", "1 300", "partial", id="at-most-the-current-level"),
    ],
)
def test_a_bound_on_the_baseline_itself(target, actual, expected):
    assert assess_metric(row("Kävijät", "1 200", target, actual), slightly_below=0.1).status == expected


@pytest.mark.parametrize(
    ("baseline", "target", "actual", "expected"),
    [
        pytest.param("72 %", "75 %", "nousi 2,5 %-yks.", "partial", id="points-change-against-a-share"),
        pytest.param("60 %", "61 %", "kasvoi 2 %", "full", id="per-cent-or-points-agree"),
        pytest.param("60 %", "62 %", "kasvoi 2 %", None, id="per-cent-or-points-disagree"),
        pytest.param("…", "75 %", "+2 %", None, id="a-change-without-a-baseline"),
        pytest.param("-12 %", "3,0 %", "- 40 %", "none", id="a-negative-level-is-no-change"),
    ],
)
def test_a_change_in_the_actual_against_a_share(baseline, target, actual, expected):
    assert assess_metric(row("Käyttöaste", baseline, target, actual), slightly_below=0.1).status == expected


@pytest.mark.parametrize(
    ("target", "actual", "label", "expected", "verdict"),
    [
        pytest.param("Valmis 6/2024 mennessä", "Valmistui 9/2024", "1", "partial", "inconsistent", id="late-green"),
        pytest.param("Valmis 6/2024 mennessä", "Valmistui 9/2024", "2", "partial", "consistent", id="late-amber"),
        pytest.param("Valmis 6/2024 mennessä", "Valmistui 9/2024", "3", "partial", "consistent", id="late-red"),
        pytest.param("Hyväksytty 30.4.2024 mennessä", "Hyväksytty 15.4.2024", "1", "full", "consistent",
                     id="on-time-day"),
        pytest.param("Valmis 6/2024", "Valmistunut 6/2024", "1", "full", "consistent", id="on-time-month"),
    ],
)
def test_a_deliverable_done_after_its_deadline_is_not_full(target, actual, label, expected, verdict):
    audit = audit_metric(claimed("Ohjelma", "…", target, actual, label))
    assert (audit.evidence_status, audit.verdict) == (expected, verdict)
