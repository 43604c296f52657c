"""Numbers as Finnish reports print them: scale words, thousands separators, signs, ranges, ranks."""

from __future__ import annotations

import pytest

from pipeline.number_formats import figures, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("2 104", 2104, id="space-thousands"),
        pytest.param("12.000", 12000, id="dot-thousands"),
        pytest.param("1.250.000", 1250000, id="dot-millions"),
        pytest.param("15,78", 15.78, id="decimal-comma"),
        pytest.param("3.9", 3.9, id="decimal-dot"),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Tulos oli 2,9 miljoonaa euroa.", [(2_900_000, "euro")], id="miljoonaa-one-figure"),
        pytest.param("Ylijäämä 1,2 milj. €", [(1_200_000, "euro")], id="milj-abbreviation"),
        pytest.param("Säästö 125 t€", [(125_000, "euro")], id="thousand-euros"),
        pytest.param("Rahoitus 1,5 M€", [(1_500_000, "euro")], id="million-euros"),
        pytest.param("Nettovelka 9.716 €/asukas", [(9716, "euro")], id="dot-thousands-per-resident"),
        pytest.param("Alijäämä −7 798 €", [(-7798, "euro")], id="unicode-minus"),
        pytest.param("Liiketulos - 4 %", [(-4, "%")], id="minus-with-space"),
        pytest.param("Kävijöitä 12.000 henkeä", [(12000, None)], id="dot-thousands-count"),
        pytest.param("Osuus 13,4 %", [(13.4, "%")], id="percent"),
    ],
)
def test_figures_values_and_units(text, expected):
    assert [(pytest.approx(f.value), f.unit) for f in figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "attribute", "value"),
    [
        pytest.param("40–60 %", "high", 60, id="range-en-dash"),
        pytest.param("2,5-3M€", "high", 3_000_000, id="range-scale-applies-to-both"),
        pytest.param("vähintään 12", "qualifier", "at_least", id="vahintaan"),
        pytest.param("väh. 25 ha", "qualifier", "at_least", id="vah-abbreviation"),
        pytest.param("alle 5 %", "qualifier", "under", id="alle"),
        pytest.param(">3", "qualifier", "over", id="greater-than"),
        pytest.param("80 %<", "qualifier", "at_least", id="trailing-less-than"),
        pytest.param("10 % max. kasvu", "qualifier", "at_most", id="max-after"),
        pytest.param("5 arkipäivän kuluessa", "qualifier", "at_most", id="kuluessa"),
        pytest.param("+3,1 %", "signed", True, id="signed-change"),
        pytest.param("3.", "rank", True, id="rank-dot"),
        pytest.param("2.sija", "rank", True, id="rank-sija"),
        pytest.param("12/150", "of", 150, id="fraction"),
    ],
)
def test_figure_attributes(text, attribute, value):
    (figure,) = figures(text)
    assert getattr(figure, attribute) == value


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        pytest.param("max 12 %", "at_most", id="max-without-a-dot"),
        pytest.param("MAX 3.200 €/asukas", "at_most", id="max-capitals-dot-thousands"),
        pytest.param("Enint. 2,5 %:n kasvu", "at_most", id="enint-abbreviation"),
        pytest.param("enintään 40 pv", "at_most", id="enintaan"),
        pytest.param("korkeintaan 20", "at_most", id="korkeintaan"),
        pytest.param("maks 8 kk", "at_most", id="maks-without-a-dot"),
        pytest.param("≤ 7", "at_most", id="less-or-equal-sign"),
        pytest.param("alle 10 vrk", "under", id="alle"),
        pytest.param("9 % max", "at_most", id="max-after-the-number"),
        pytest.param("vähint. 50", "at_least", id="vahint-abbreviation"),
        pytest.param("30 vrk tai alle", "at_most", id="tai-alle-after"),
        pytest.param("90 % tai yli", "at_least", id="tai-yli-after"),
        pytest.param("Kysely tehtiin 14 koulussa", None, id="word-ending-in-n-is-no-noin"),
        pytest.param("9 % maksu", None, id="maksu-is-no-ceiling"),
        pytest.param("Lähtötasomax 5", None, id="max-inside-a-word"),
    ],
)
def test_bound_words_match_whole_words(text, qualifier):
    assert figures(text)[0].qualifier == qualifier


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Lasketaan TP 2025", id="year-in-words"),
        pytest.param("tulossa 2026", id="coming-year"),
        pytest.param("Käynnistyi 3/2024", id="month-year"),
        pytest.param("voimaan 1.6.2024", id="date"),
        pytest.param("…", id="ellipsis"),
    ],
)
def test_dates_and_years_are_not_figures(text):
    assert figures(text) == []


def test_bracketed_figure_is_a_detail():
    headline, detail = figures("42 (1 900)")
    assert (headline.bracketed, detail.bracketed) == (False, True)
    assert detail.value == 1900
