"""The Finnish language data: lists that must agree with one another."""

from __future__ import annotations

import pytest

from pipeline.lang_fi import headers, numbers, qualifiers, units


def test_cardinal_parts_are_the_units_tens_and_multipliers():
    assert set(numbers.CARDINAL_PARTS) == {*numbers.CARDINAL_UNITS, *numbers.CARDINAL_TENS,
                                           *numbers.CARDINAL_MULTIPLIERS}


@pytest.mark.parametrize(("longer", "prefix"), [("miljoonaa", "miljoona"), ("sataa", "sata"), ("tuhatta", "tuhat")],
                         ids=["miljoonaa", "sataa", "tuhatta"])
def test_cardinal_parts_try_longer_forms_first(longer, prefix):
    assert numbers.CARDINAL_PARTS.index(longer) < numbers.CARDINAL_PARTS.index(prefix)


def test_money_scales_try_longer_words_first():
    scales = list(units.MONEY_SCALES)
    assert scales.index("miljoonaa") < scales.index("miljoona")


@pytest.mark.parametrize("field", headers.HEADER_FIELDS)
def test_every_header_field_has_a_printed_title_and_a_folded_header(field):
    assert field in headers.COLUMN_TITLES
    assert field in headers.COLUMN_HEADERS.values()


def test_header_words_are_the_first_header_of_each_field():
    assert headers.HEADER_WORDS == ("mittari", "lähtötaso", "tavoitetaso", "vastuuhenkilö", "keskeisettoimenpiteet",
                                    "mittarientilanne")


@pytest.mark.parametrize("qualifier", sorted({*qualifiers.QUALIFIER_WORDS.values(),
                                              *qualifiers.DATE_QUALIFIERS.values()}))
def test_qualifiers_are_in_the_contract(qualifier):
    from pipeline.records import QUALIFIERS

    assert qualifier in QUALIFIERS


def _code_strings(module: str) -> list[str]:
    """The string literals of a logic module's code, without its docstrings."""
    import ast
    import importlib
    import inspect

    tree = ast.parse(inspect.getsource(importlib.import_module(module)))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


@pytest.mark.parametrize(
    ("module", "word"),
    [
        # The wrapped header rests of Seinäjoki's tables (*Lähtö-* / *taso/toteuma*).
        pytest.param("pipeline.ingest.layouts.metric_rows", "toteuma", id="metric_rows-toteuma"),
        pytest.param("pipeline.ingest.layouts.metric_rows", "taso", id="metric_rows-taso"),
        # Kauhava's group table columns TA2024 (talousarvio) and TP2023 (tilinpäätös).
        pytest.param("pipeline.ingest.layouts.assessment_blocks", "T[AP]", id="assessment_blocks-T[AP]"),
    ],
)
def test_layout_words_live_in_lang_fi(module, word):
    assert not [s for s in _code_strings(module) if word in s]
