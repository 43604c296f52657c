"""Finnish phrases → indicators, with the real spaCy model and Voikko."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.indicators import date_span, extract
from pipeline.records import FIGURE_KINDS
from tests.conftest import FIXTURES

YEAR = 2021


def figures(nlp, text: str, year: int | None = YEAR):
    return [i for i in extract(nlp(text), "metric_status", year) if i.kind in FIGURE_KINDS]


def only(nlp, text: str, year: int | None = YEAR):
    found = figures(nlp, text, year)
    assert len(found) == 1, [(i.kind, i.value, i.text) for i in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Keskeyttämisprosentti oli 13,4 %.", 13.4, "%"),
        ("Osuus on 28,4 % kaikista.", 28.4, "%"),
        ("Tavoitteena on 10 prosenttia.", 10, "%"),
        ("Määrä nousee 10 prosentilla.", 10, "%"),
        ("Osuus kasvoi 3 prosenttiyksikköä.", 3, "prosenttiyksikkö"),
        ("Osuus laski 2,5 %-yksikköä.", 2.5, "prosenttiyksikkö"),
        ("Käyttöaste oli 95%.", 95, "%"),
    ],
)
def test_percentages(nlp, text, value, unit):
    found = only(nlp, text)
    assert (found.kind, found.value, found.unit) == ("percent", value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Koulutettu yhteensä 664 työntekijää.", 664, "työntekijä"),
        ("Yhteistyökumppaneita on yli 10kpl.", 10, "kpl"),
        ("Valmistui 2 104 asuntoa.", 2104, "asunto"),
        ("Valmistui 2\u00a0104 asuntoa.", 2104, "asunto"),
        ("Sijaistarpeita oli 9.716, joista osa jäi.", 9716, "sijaistarve"),
        ("Toimintamalleja on noin 80 kpl.", 80, "kpl"),
        ("Mallien määrä on kuusi.", 6, None),
        ("On kontaktoitu kahdeksan mahdollista oppilaitoskumppania.", 8, "oppilaitoskumppani"),
        ("Kokeilu tehtiin kolmessa koulussa.", 3, "koulu"),
        ("Kahden uuden kieli- ja kulttuurikoordinaattorin rekrytointi alkoi.", 2, "kulttuurikoordinaattori"),
        ("Järjestettiin kolme työpajaa.", 3, "työpaja"),
        ("Kuusi koulua osallistui.", 6, "koulu"),
        ("Mukana oli kaksikymmentäviisi oppilasta.", 25, "oppilas"),
        ("Kunnassa asuu 2000 asukasta.", 2000, "asukas"),
        ("Aloitettiin 94 välimallin vuokra-asuntoa.", 94, "vuokra-asunto"),
        ("Lainoja oli 1 985 000.", 1985000, "laina"),
        ("Lupia myönnettiin 312.", 312, "lupa"),
        ("Pääkirjaston aukiolotunteja kertyi 3 120.", 3120, "aukiolotunti"),
        ("Ryhmässä oli 50 opiskelijan ryhmä.", 50, "opiskelija"),
        ("Kaavoissa on 164.000 k-m² asuntokerrosalaa.", 164000, "k-m²"),
    ],
)
def test_counts(nlp, text, value, unit):
    found = only(nlp, text)
    assert (found.kind, found.value, found.unit) == ("count", value, unit)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hankkeeseen saatiin 1,2 milj. euroa.", 1_200_000),
        ("Avustus oli 350 000 €.", 350_000),
        ("Budjetti on 2,5 miljoonaa euroa.", 2_500_000),
        ("Säästö oli 40 000 euroa.", 40_000),
        ("Toimintakulut olivat 1.039,6 milj. euroa.", 1_039_600_000),
    ],
)
def test_money(nlp, text, value):
    found = only(nlp, text)
    assert (found.kind, found.value, found.unit) == ("money", value, "euro")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param("Toteuma: TP 2010 −5.238 €/as. | TP 2011 −5.512 €/as.", [-5238, -5512],
                     id="a-minus-after-a-year-label-is-the-figures"),
        pytest.param("Kustannukset kaudella 2010 −2012: 4.100 €.", [4100], id="a-year-after-a-year-is-a-range"),
    ],
)
def test_signs_after_numbers(nlp, text, values):
    doc = nlp(text)
    assert [i.value for i in extract(doc, "metric_status") if i.kind == "money"] == values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("Laki tuli voimaan 1.8.2021.", "2021-08-01", id="day"),
        pytest.param("Koulutettu 31.12.2020 mennessä.", "2020-12-31", id="day-by"),
        pytest.param("Ohjaajat ovat työskennelleet 10/2020 alkaen.", "2020-10", id="month-slash"),
        pytest.param("Määrä 1.1.-31.12.2021 on pieni.", "2021-01-01/2021-12-31", id="day-interval"),
        pytest.param("Toteutetaan vuonna 2022.", "2022", id="year"),
        pytest.param("Määrä kasvoi vuoden 2021 aikana.", "2021", id="year-during"),
        pytest.param("Suunnitelma vuosille 2023-2028.", "2023/2028", id="year-range"),
        pytest.param("Kysely tehtiin syyskuussa.", "2021-09", id="month-report-year"),
        pytest.param("Kysely tehtiin syyskuussa 2020.", "2020-09", id="month-own-year"),
        pytest.param("Touko-kesäkuussa on kontaktoitu.", "2021-05/2021-06", id="month-range"),
        pytest.param("Elo- joulukuussa on järjestetty.", "2021-08/2021-12", id="month-range-broken"),
        pytest.param("Aloitettiin 1.8. alkaen.", "2021-08-01", id="day-without-year"),
    ],
)
def test_dates(nlp, text, value):
    found = only(nlp, text)
    assert (found.kind, found.value) == ("date", value)


def test_month_without_report_year_is_iso_truncated(nlp):
    assert only(nlp, "Kysely tehtiin syyskuussa.", year=None).value == "--09"


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Määrä nousee vähintään 10 prosentilla.", "at_least"),
        ("Jonotusaika on enintään 14 päivää.", "at_most"),
        ("Kumppaneita on yli 10 kpl.", "over"),
        ("Osuus on alle 5 %.", "under"),
        ("Osallistui noin 90 % työntekijöistä.", "about"),
        ("Osallistui n. 90 % työntekijöistä.", "about"),
        ("Osallistui 90 % työntekijöistä.", None),
    ],
)
def test_qualifiers(nlp, text, qualifier):
    assert only(nlp, text).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Osallistujien määrä nousee 10 prosentilla.", "increase"),
        ("Määrä on kasvanut 12 %.", "increase"),
        ("Koulutettujen määrä on noussut 28,4 %.", "increase"),
        ("Keskeyttäneiden määrä vähenee 50 opiskelijalla.", "decrease"),
        ("Keskeyttäneiden määrän väheneminen 10 prosentilla.", "decrease"),
        ("Päästöt laski 7 %.", "decrease"),
        ("Vuonna 2021 on koulutettu 188 työntekijää lisää.", "increase"),
        ("Osuus on 13,7 %.", None),
        ("Osallisuutta lisäävien mallien määrä on kuusi.", None),
        ("Päästöt olivat 63 % pienemmät kuin vuonna 1990.", "decrease"),
        ("Tulot olivat 8 % suuremmat kuin edellisvuonna.", "increase"),
        ("Osuus on pienempi kuin 2,1 %.", None),
        ("Työttömyysaste 8,1 % oli pienempi kuin koko maassa.", None),
        ("Päästöt olivat arviolta 31 % alle vuoden 1990 tason.", "decrease"),
        ("Osuus oli 5 % yli tavoitteen.", None),
        ("Osallistumisaste oli 38 % alle 3-vuotiaiden osalta samalla tasolla kuin vuonna 2022.", None),
        ("Käyttöaste oli 97 % yli tavoitellun tason.", None),
        ("Kulutus oli 4 % yli edellisvuoden tason.", "increase"),
    ],
)
def test_directions(nlp, text, direction):
    found = [i for i in figures(nlp, text) if i.kind != "date"]
    assert [i.direction for i in found] == [direction]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param("TP 2020 | TA 2021 | TP 2021: 12.410 | 12.650 | 12.598 €/lapsi",
                     [("money", 12410, "euro"), ("money", 12650, "euro"), ("money", 12598, "euro")],
                     id="sum-sign-after-the-last"),
        pytest.param("Käynnit 2020 | 2021: 1,16 | 1,81 milj. €",
                     [("money", 1_160_000, "euro"), ("money", 1_810_000, "euro")], id="scale-after-the-last"),
        pytest.param("Sairauspoissaolot 2021: 13,6 | 2022: 14,2 pv/htv",
                     [("count", 13.6, "päivä"), ("count", 14.2, "päivä")], id="label-in-the-next-cell"),
        pytest.param("Käyttäjiä | tyytyväisiä: 1 200 | 85 %", [("count", 1200, None), ("percent", 85, "%")],
                     id="a-row-of-several-metrics"),
        pytest.param("980 000 | 1,02 milj. asiakasta", [("count", 980_000, None), ("count", 1_020_000, "asiakas")],
                     id="a-large-number-has-its-scale"),
        pytest.param("Valmistui 612, ja tonttien myynti tuotti 3,4 milj. €",
                     [("count", 612, None), ("money", 3_400_000, "euro")], id="no-row-no-unit"),
    ],
)
def test_a_table_row_gives_its_unit_once(nlp, text, values):
    found = [i for i in figures(nlp, text) if i.kind != "date"]
    assert [(i.kind, i.value, i.unit) for i in found] == values


@pytest.mark.parametrize(
    ("text", "directions"),
    [
        ("Osuus oli 1,7 % eli se laski 0,4 prosenttiyksikköä.", [None, "decrease"]),
        ("Tunteja kertyi 3 120, koska aukioloa supistettiin.", [None]),
        ("Aste oli 11,9 % eli 0,7 prosenttiyksikköä korkeampi.", [None, "increase"]),
        ("Määrän väheneminen 10 prosentilla, noin 50 opiskelijalla.", ["decrease", "decrease"]),
        ("Määrä laski 2,1 %:sta 1,7 %:iin.", ["decrease", "decrease"]),
    ],
    ids=["nearer-figure-moved", "change-in-another-clause", "comparative-of-the-later-figure",
         "apposition-keeps-change", "from-to"],
)
def test_change_word_moves_only_its_own_figure(nlp, text, directions):
    found = [i for i in figures(nlp, text) if i.kind != "date"]
    assert [i.direction for i in found] == directions


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("Kielikoe siirryttäessä 7. luokalle on poistettu.", "ordinal", id="ordinal"),
        pytest.param("Alle 20-vuotiaiden määrä on pieni.", "age", id="age"),
        pytest.param("Katso tavoite 12.4 edellä.", "id", id="goal-id"),
        pytest.param("Toimet:\n1. Koulutus järjestetään.", "list_item", id="list-numbering"),
        pytest.param("Mittarit: 1) osallistumisaste", "list_item", id="numbered-in-a-line"),
    ],
)
def test_numbers_that_are_not_figures(nlp, text, kind):
    found = extract(nlp(text), "measures", YEAR)
    assert [i.kind for i in found] == [kind]
    assert not figures(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Pihalla kasvaa kuusi.", id="spruce"),
        pytest.param("Kuusen oksat ovat vihreät.", id="spruce-genitive"),
        pytest.param("Toisen asteen koulutus alkaa.", id="ordinal-word"),
        pytest.param("Siirryttäessä kuudennelta luokalta.", id="ordinal-word-case"),
        pytest.param("Kuukausittain järjestetään tapaamisia.", id="kuukausittain-is-not-a-month"),
        pytest.param("Kesällä on hiljaista.", id="summer-is-not-june"),
    ],
)
def test_words_that_are_not_numbers(nlp, text):
    assert figures(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Määrä 496/ prosentti 13,4 % (2020)", ["496", "13,4 %", "2020"]),
        ("Tavoite: väheneminen 10 prosentilla, noin 50 opiskelijalla", [
            "väheneminen 10 prosentilla", "noin 50 opiskelijalla"]),
        ("Luku on noussut 28,4 % vuoden 2021 aikana.", ["noussut 28,4 %", "2021"]),
    ],
)
def test_offsets_point_at_the_text(nlp, text, expected):
    found = figures(nlp, text)
    assert [i.text for i in found] == expected
    assert [text[i.start:i.end] for i in found] == expected


def test_indicator_keeps_its_sentence(nlp):
    text = "Ensimmäinen lause. Määrä on 194 opiskelijaa (13,7 %). Kolmas lause."
    assert {i.sentence for i in figures(nlp, text)} == {"Määrä on 194 opiskelijaa (13,7 %)."}


@pytest.fixture(scope="module")
def seed_gold():
    return json.loads((FIXTURES / "seed_indicators.json").read_text(encoding="utf-8"))


def test_seed_figures_match_the_hand_written_gold(seed_report, seed_gold):
    from pipeline.evaluate import PRF, value_key
    from pipeline.indicators import extract_goals
    from pipeline.records import Goal

    goals = extract_goals([Goal.from_dict(g.to_dict()) for g in seed_report.goals], seed_report.year)
    score = PRF()
    found = [(g.goal_id, i.field, i.kind, value_key(i.value)) for g in goals for i in g.indicators
             if i.kind in FIGURE_KINDS]
    wanted = [(g, f, k, value_key(v)) for g, f, k, v, *_ in seed_gold["figures"]]
    score.add(found, wanted)
    assert score.precision >= 0.95 and score.recall >= 0.95, str(score)


@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("2024", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
        ("2024-02", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ("2024-12", (dt.date(2024, 12, 1), dt.date(2024, 12, 31))),
        ("2024-08-08", (dt.date(2024, 8, 8), dt.date(2024, 8, 8))),
        ("2024-09/2024-11", (dt.date(2024, 9, 1), dt.date(2024, 11, 30))),
        ("--08", None),
    ],
    ids=["year", "leap-february", "december", "day", "season", "month-of-no-year"],
)
def test_date_span(value, span):
    assert date_span(value) == span
