"""Report text in spreadsheet cells: neutralised as OWASP says, and read back unchanged."""

from __future__ import annotations

import pytest

from pipeline.cells import neutralise, restore
from pipeline.hostile import FORMULAS

TEXTS = [*FORMULAS, "'=already quoted", "''=twice", "-5 %", "@kaupunki", "Toteutuu täysin", "'lainaus'", "", "="]


@pytest.mark.parametrize("text", TEXTS)
def test_neutralised_text_cannot_start_a_formula(text):
    assert not str(neutralise(text)).startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("text", TEXTS)
def test_neutralised_text_is_restored_unchanged(text):
    assert restore(neutralise(text)) == text


@pytest.mark.parametrize("value", [None, 12.5, -3, True])
def test_values_that_are_not_text_pass_unchanged(value):
    assert neutralise(value) is value and restore(value) is value
