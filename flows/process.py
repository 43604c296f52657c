"""``process_report``: one report file read, analysed, stored and published as artifacts.

Thin Prefect wrappers over :mod:`pipeline`; the NLP pipeline and the model are
loaded once per worker process (``pipeline.nlp.load_nlp`` and :func:`model_for`).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from functools import lru_cache
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from sqlalchemy.exc import OperationalError

from pipeline import config
from pipeline.errors import PipelineError
from pipeline.records import Report
from pipeline.store import StoreError


@lru_cache(maxsize=4)
def model_for(path: str | None):
    """The status model at ``path`` (default: the configured one), loaded once per process."""
    from pipeline.classify import load_model

    return load_model(path or config.model_path())


#: What the database raises when it cannot take a write: a read-only file or server, a lost
#: connection, a full disk, a lock held too long. Not the file's fault: retried, never quarantined.
STORAGE_ERRORS = (OperationalError, StoreError)
STORE_ATTEMPTS = 3


def storage_problem(exc: BaseException) -> str:
    """One line for a storage error: the database's own words and what to do."""
    detail = getattr(exc, "orig", None) or exc
    return (f"the database could not be written ({str(detail).splitlines()[0][:200]}); the file was left in the "
            "inbox: fix the database (permissions, disk, server) and scan again.")


def store_with_retries(engine, report: Report, attempts: int = STORE_ATTEMPTS, delay: float = 1.0):
    """:func:`pipeline.store.store_report`, tried ``attempts`` times on storage errors (1 s, 2 s apart)."""
    from pipeline.store import store_report

    for attempt in range(1, attempts):
        try:
            return store_report(engine, report)
        except STORAGE_ERRORS:
            time.sleep(delay * attempt)
    return store_report(engine, report)


def retry_on_io(task, task_run, state) -> bool:
    """Retry a failed task only for I/O trouble (a file or the database), never for bad input."""
    exc = state.result(raise_on_failure=False)
    return isinstance(exc, OSError | OperationalError | StoreError) and not isinstance(exc, FileNotFoundError)


def _by_content(context, parameters) -> str:
    """The file's content, the model's version and the record format: not the file's path."""
    from importlib.metadata import version

    from pipeline.classify import FORMAT_VERSION

    report = parameters["report"]
    model = model_for(parameters.get("model_path"))
    return f"analyse-{report.sha256}-{model.version}-f{FORMAT_VERSION}-{version('sitovat-tavoitteet')}"


def log_progress(stage: str, done: int, total: int) -> None:
    """The reader's progress (pages read, goals found) in the run's log, as the command line shows it."""
    from prefect import get_run_logger
    from prefect.exceptions import MissingContextError

    try:
        logger = get_run_logger()
    except MissingContextError:  # the task's logic called through .fn(), outside a run
        logger = logging.getLogger(__name__)
    logger.info("%s: %d/%d", stage, done, total)


@task(retries=2, retry_delay_seconds=2, retry_condition_fn=retry_on_io, cache_policy=NO_CACHE, persist_result=False)
def read_task(path: Path) -> Report:
    from pipeline.ingest import read_report

    return read_report(path, progress=log_progress)


@task(cache_key_fn=_by_content, cache_expiration=dt.timedelta(days=7))
def analyse_task(report: Report, model_path: str | None = None) -> Report:
    """Analysis is cached by the file's content, not its path."""
    from pipeline.analysis import analyse_report

    return analyse_report(report, model=model_for(model_path))


@task(retries=3, retry_delay_seconds=2, retry_condition_fn=retry_on_io, cache_policy=NO_CACHE,
      persist_result=False)
def store_task(report: Report, db_url: str | None = None) -> dict:
    from pipeline.store import engine_for, store_report

    result = store_report(engine_for(config.database_url(db_url)), report)
    return {"source": report.source, "report_id": result.report_id, "version": result.version,
            "stored": result.stored}


@task(cache_policy=NO_CACHE, persist_result=False)
def publish_task(report: Report) -> None:
    publish_artifacts(report)


def publish_artifacts(report: Report) -> None:
    """The report's digest written to the digest folder, and as Prefect artifacts with a table of its figures."""
    from pipeline.digest import figure_rows, markdown_digest, write_digest

    write_digest(report, config.digests())
    key = artifact_key(report)
    create_markdown_artifact(markdown=markdown_digest(report), key=f"digest-{key}",
                             description=f"Digest of {report.source}")
    create_table_artifact(table=figure_rows(report) or [{"goal": None}], key=f"figures-{key}",
                          description=f"Figures extracted from {report.source}")


def artifact_key(report: Report) -> str:
    """Artifact keys allow lower-case letters, digits and dashes only."""
    stem = "".join(c if c.isalnum() else "-" for c in Path(report.source).stem.lower())
    return f"{stem.strip('-')[:40]}-{report.sha256[:8]}".strip("-")


@flow(name="process-report")
def process_report(path: Path, db_url: str | None = None, model_path: str | None = None) -> dict:
    """Read, analyse, store and publish one report file."""
    report = read_task(Path(path))
    analysed = analyse_task(report, model_path)
    stored = store_task(analysed, db_url)
    publish_task(analysed)
    return stored


@task(task_run_name="process {path}")
def process_file_task(path: str, sha256: str, db_url: str | None = None, model_path: str | None = None) -> dict:
    """The whole of one file in one task, for the inbox flow's task runner (one worker process each).

    Bad input is returned as ``{"status": "failed", "error": ...}`` so the flow
    can quarantine the file with its message.
    """
    from pipeline.analysis import analyse_report
    from pipeline.ingest import read_report
    from pipeline.store import engine_for

    try:
        report = read_report(path, progress=log_progress)
        if report.sha256 != sha256:
            return {"path": path, "status": "changed", "error": "the file changed while it was scanned; "
                                                                "the next scan picks it up"}
        analyse_report(report, model=model_for(model_path))
    except PipelineError as exc:
        return {"path": path, "status": "failed", "error": str(exc)}
    try:
        result = store_with_retries(engine_for(config.database_url(db_url)), report)
    except STORAGE_ERRORS as exc:
        return {"path": path, "status": "not stored", "error": storage_problem(exc)}
    except PipelineError as exc:  # content the database cannot keep (pipeline.store.check_lengths): bad input
        return {"path": path, "status": "failed", "error": str(exc)}
    return {"path": path, "status": "stored" if result.stored else "already stored", "report_id": result.report_id,
            "version": result.version, "source": report.source, "n_goals": report.n_goals}
