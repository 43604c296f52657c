"""``train_model``: retrain the status classifier from the database and the bundled data."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task

from pipeline import config


@task
def collect_examples(db_url: str | None, synthetic: int, seed: int) -> tuple[list, list[dict]]:
    from pipeline.store import engine_for
    from pipeline.training import database_examples, load_examples, prefer, synthetic_examples

    stored = database_examples(engine_for(config.database_url(db_url)))
    examples = prefer(stored, load_examples([config.SAMPLES]).examples)
    sources = [{"name": "database", "goals": len(stored), "kind": "stored reports (corrections applied)"},
               {"name": "bundled samples", "goals": len(examples) - len(stored), "kind": "labelled report"}]
    if synthetic:
        examples += synthetic_examples(synthetic, seed=seed)
        sources.append({"name": f"SYNTHETIC corpus (seed {seed})", "goals": synthetic, "kind": "synthetic"})
    return examples, sources


@task
def fit_and_save(examples: list, sources: list[dict], out: str, db_url: str | None) -> dict:
    from pipeline.classify import save_model
    from pipeline.store import engine_for, record_model
    from pipeline.training import train

    model = train(examples, sources=sources)
    path = save_model(model, out)
    record_model(engine_for(config.database_url(db_url)), model.version, str(path), model.card)
    return {"version": model.version, "path": str(path), "n_examples": len(examples),
            "cross_validation": model.card.get("cross_validation")}


@flow(name="train-model")
def train_model(out: Path | None = None, db_url: str | None = None, synthetic: int = 1500, seed: int = 0) -> dict:
    """Train on every labelled goal in the database (corrections applied), the samples and synthetic goals.

    The model is written to ``out`` (default: the configured model file) and its
    version recorded in the ``models`` table; predictions name the version.
    """
    examples, sources = collect_examples(db_url, synthetic, seed)
    return fit_and_save(examples, sources, str(out or config.model_path()), db_url)
