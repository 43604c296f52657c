"""The readers' shared helpers."""

from __future__ import annotations

import pytest

from pipeline.ingest.common import STRATEGIC, header_field, year_from_date


@pytest.mark.parametrize(("header", "field"), [
    ("Sitova tavoite vuodelle 2021", "goal"),
    ("Vastuuhenkilö(t)", "responsible"),
    ("Mittarien tilanne 1.1.-31.12.2021", "metric_status"),
    ("metric_status", "metric_status"),
    ("Kommentit", None),
], ids=["goal-with-year", "responsible-parenthesis", "status-with-dates", "field-name", "unknown"])
def test_header_field(header, field):
    assert header_field(header) == field


@pytest.mark.parametrize(("text", "number", "title"), [
    ("Strateginen tavoite 12. Hyvinvointierot vähenevät", "12", "Hyvinvointierot vähenevät"),
    ("STRATEGINEN  TAVOITE 3 Kestävä kaupunki", "3", "Kestävä kaupunki"),
], ids=["numbered", "upper-case"])
def test_strategic_goal_heading(text, number, title):
    match = STRATEGIC.match(text)
    assert match is not None and match.group(1) == number and match.group(2) == title


@pytest.mark.parametrize(("date", "year"), [("2022-02-02", 2021), ("2021-09-30", 2021)], ids=["spring", "autumn"])
def test_year_from_date(date, year):
    assert year_from_date(date) == year
