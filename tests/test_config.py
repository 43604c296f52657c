"""Settings come from pipeline/config.py, and every command honours them."""

from __future__ import annotations

import pytest

from pipeline import config
from pipeline.cli import main
from tests.conftest import SEED


@pytest.mark.parametrize("command", [["analyse", str(SEED)], ["report", str(SEED), "--out", "{tmp}"]],
                         ids=["analyse", "report"])
def test_commands_load_the_model_pipeline_model_names(command, monkeypatch, tmp_path, capsys):
    missing = tmp_path / "no-such-model.skops"
    monkeypatch.setenv("PIPELINE_MODEL", str(missing))
    assert main([part.format(tmp=tmp_path) for part in command]) == 2
    assert f"{missing}: no model file there" in capsys.readouterr().err


@pytest.mark.parametrize(("environment", "given", "expected"), [
    ({}, None, "analyytikko"),
    ({"PIPELINE_REVIEWER": "Liisa"}, None, "Liisa"),
    ({"PIPELINE_REVIEWER": "Liisa"}, "Matti", "Matti"),
], ids=["default", "environment", "option-wins"])
def test_reviewer(environment, given, expected, monkeypatch):
    monkeypatch.delenv("PIPELINE_REVIEWER", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert config.reviewer(given) == expected
