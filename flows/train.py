"""``train_model``: retrain the status classifier from the database and the bundled data."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task

from pipeline import config


@task
def collect_examples(db_url: str | None, synthetic: int, seed: int) -> tuple[list, list[dict]]:
    from pipeline.store import engine_for, labelled_goals
    from pipeline.training import Example, load_examples, synthetic_examples

    stored = labelled_goals(engine_for(config.database_url(db_url)))
    examples = [Example(goal, label, "database", f"report:{sha[:12]}", year) for goal, label, sha, year in stored]
    sources = [{"name": "database", "goals": len(examples), "kind": "stored reports (corrections applied)"}]
    stored_groups = {e.group for e in examples}
    fresh = [e for e in load_examples([config.SAMPLES]).examples if e.group not in stored_groups]
    examples += fresh
    sources.append({"name": "bundled samples", "goals": len(fresh), "kind": "labelled report"})
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
