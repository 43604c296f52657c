from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "samples" / "vantaa_2021_kasvatus_ja_oppiminen.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def voikko():
    """The real Voikko, loaded once for the session."""
    from pipeline.finnish import voikko as load

    return load()


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    return json.loads((FIXTURES / "seed_expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_report(voikko):
    from pipeline.ingest import read_report

    return read_report(SEED)


@pytest.fixture(scope="session")
def nlp(voikko):
    """The fast spaCy pipeline (the real model and Voikko), loaded once."""
    from pipeline.nlp import load_nlp

    return load_nlp("fast")


@pytest.fixture(scope="session")
def status_model(nlp):
    """A status classifier trained here on 400 SYNTHETIC goals (independent of the shipped model)."""
    from pipeline.training import synthetic_examples, train

    return train(synthetic_examples(400, seed=5), cv_folds=0)
