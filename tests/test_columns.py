"""The column a figure stands in when a table is flattened into a line of text."""

import pytest

from pipeline.audit.columns import Column, column_of, row_before
from pipeline.records import Indicator


def figure_in(sentence: str, text: str) -> Indicator:
    at = sentence.index(text)
    return Indicator("metric_status", "count", 1, None, None, None, text, at, at + len(text), sentence)


@pytest.mark.parametrize(
    ("sentence", "text", "column"),
    [
        pytest.param("TP 2023 | TA 2024 | TP 2024 — 14,2 % | 12,8 % | 13,9 %", "12,8 %", Column(True, 2024),
                     id="budget-under-a-header"),
        pytest.param("TP 2023 | TA 2024 | TP 2024 — 14,2 % | 12,8 % | 13,9 %", "13,9 %", Column(False, 2024),
                     id="actual-under-a-header"),
        pytest.param("TP 2022 | TP 2023 — Käyttöaste: 98,4 % | 98,6 % — Keskivuokra: 16,20 | 16,90", "16,20",
                     Column(False, 2022), id="second-row-under-one-header"),
        pytest.param("Väkiluku: TP 2021 122 594 | TP 2022 124 021 | TP 2023 125 666", "124 021",
                     Column(False, 2022), id="label-in-the-cell"),
        pytest.param("Investointimenot: TA 2023 (muutettu) 412,6 M€ | TP 2023 338,9 M€.", "412,6 M€",
                     Column(True, 2023), id="label-with-a-remark"),
        pytest.param("12/2022 | 12/2023: 15 240 | 15 884 (+4,2 %).", "15 240", Column(False, 2022),
                     id="month-labels-and-a-colon"),
        pytest.param("Toimintakate (M€): TP 2023 | TA 2024 | TP 2024 — −1 182,4 | −1 214,0 | −1 231,7", "−1 231,7",
                     Column(False, 2024), id="minus-is-no-row-break"),
        pytest.param("Kävijöitä oli 2024 yhteensä 5 000.", "5 000", None, id="a-year-in-a-sentence"),
        pytest.param("TP2022 | TA2023 | TP2023 — 8,6 | 9,1 | 8,7", "9,1", Column(True, 2023),
                     id="labels-without-a-space"),
        pytest.param("TP 2023 / TA 2023: 5,02 / 4,85 M€", "5,02", None, id="labels-over-a-slash-pair-otherwise"),
        pytest.param("TP 2020 | TP 2021 | kuusikko 2021: 12.410 | 12.598 | 12.930 €/lapsi", "12.930 €/lapsi",
                     Column(False, 2021, peer=True), id="other-cities-column"),
        pytest.param("Koko maa 12/2021: 9,8 %.", "9,8 %",
                     Column(False, 2021, peer=True), id="country-in-the-cell"),
        pytest.param("TP 2021 | TA 2022 | TP 2022\n28,4 milj. | 32,7 milj. | 33,1 milj.", "32,7 milj.",
                     Column(True, 2022), id="header-on-the-line-above"),
        pytest.param("TP 2021 | TP 2022:\nKäyttöaste 98,4 % | 98,6 %\nKeskivuokra 16,20 | 16,90", "16,20",
                     Column(False, 2021), id="rows-on-lines-of-their-own"),
        pytest.param("Vuosikate | lainakanta: TA 2025 120,0 milj. € | 5.400 €/as.; TP 2025 146,3 milj. € | 5.612 €/as.",
                     "5.400 €/as.", Column(True, 2025), id="a-label-opening-a-row"),
        pytest.param("Vuosikate | lainakanta: TA 2025 120,0 milj. € | 5.400 €/as.; TP 2025 146,3 milj. € | 5.612 €/as.",
                     "5.612 €/as.", Column(False, 2025), id="a-label-opening-the-next-row"),
        pytest.param("TP 2023: 2,9 miljoonaa euroa (TA 2023: 3,5 milj. €)", "3,5 milj. €", None,
                     id="no-bar-no-row"),
        pytest.param("Toteuma: 2020 | 2021 | 2022 | kuusikko 2022\n15,9 | 16,2 | 16,6 | 17,2", "17,2",
                     Column(False, 2022, peer=True), id="other-cities-column-under-a-header"),
        pytest.param("TP 2020 | TP 2021 -- 4,9 % | 4,3 %", "4,3 %", Column(False, 2021),
                     id="two-hyphens-end-the-header"),
        pytest.param("TP 2020 | TP 2021 -- palaute 4,08 | 4,15; läpäisy 71,3 % | 72,0 %", "71,3 %",
                     Column(False, 2020), id="a-semicolon-ends-a-row"),
        pytest.param("Keskeytykset: TP 2022 | TP 2023 — 15 | 5", "5", Column(False, 2023), id="not-the-5-of-15"),
        pytest.param("Lainakanta TP 2017 4.190 €/asukas | TP 2018 4.482 €/asukas", "4.190 €/asukas",
                     Column(False, 2017), id="a-label-after-the-rows-name"),
        pytest.param("TP 2023: 2,9 miljoonaa euroa (TA 2023: 3,5 milj. €) | ennuste", "3,5 milj. €", None,
                     id="a-kind-before-a-year-is-no-rows-name"),
        pytest.param("Takauskanta TP 2022 4.190 €/asukas | TP 2023 4.482 €/asukas", "4.190 €/asukas",
                     Column(False, 2022), id="a-rows-name-that-begins-like-a-kind"),
        pytest.param("Asukasmäärä kasvoi vuodesta 2022 1 250 asukkaalla | 2021: 900", "1 250 asukkaalla", None,
                     id="a-year-in-prose-is-no-label"),
        pytest.param("TP 2022 | TP 2023\nKäynnit 1950 | 2010\nMuut 5 | 6", "6", Column(False, 2023),
                     id="a-row-of-four-digit-values-is-no-header"),
        pytest.param("Väkiluku 31.12.2021 | 31.12.2022 | muutos\n209 551 | 211 848 | +2 297", "209 551",
                     Column(False, 2021), id="days-as-labels"),
        pytest.param("Väkiluku 31.12.2021 | 31.12.2022 | muutos\n209 551 | 211 848 | +2 297", "+2 297", None,
                     id="a-change-column-is-no-years"),
        pytest.param("€/asukas TP 2011 | TA 2012 | TP 2012 | 1.612 | 1.750 | 1.884.", "1.612", Column(False, 2011),
                     id="a-bar-between-the-header-and-the-first-value"),
        pytest.param("€/asukas TP 2011 | TA 2012 | TP 2012 | 1.612 | 1.750 | 1.884.", "1.884", Column(False, 2012),
                     id="a-bar-between-the-header-and-the-last-value"),
    ],
)
def test_column_of(sentence, text, column):
    assert column_of(figure_in(sentence, text)) == column


@pytest.mark.parametrize(
    ("sentence", "text", "named"),
    [
        pytest.param("Koko maan työttömyysaste TP 2022 | TP 2023 — 7,9 % | 8,2 %", "8,2 %", "koko maan",
                     id="the-tables-title"),
        pytest.param("TP 2022 | TP 2023 — Espoo: 5 | 6 — kuusikko: 7 | 8", "8", "kuusikko", id="the-rows-name"),
        pytest.param("TP 2022 | TP 2023 — Espoo: 5 | 6 — kuusikko: 7 | 8", "6", "Espoo", id="not-another-rows-name"),
    ],
)
def test_row_before_names_the_table_and_the_row(sentence, text, named):
    before = row_before(figure_in(sentence, text)).lower()
    assert named.lower() in before and (named != "Espoo" or "kuusikko" not in before)
