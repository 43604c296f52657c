"""``scan_inbox``: every new report file in a folder processed and stored exactly once.

New means: a content hash (sha256) the database has not stored. Each new
file runs as one task on the flow's task runner (a process pool by default,
Dask when configured). A file that fails is recorded with its error and moved
to the quarantine folder; the others go on. A file that takes longer than its
time budget (``PIPELINE_FILE_TIMEOUT``) is stopped and quarantined as well.
Two overlapping scans may both start on a file, but the database stores its
content once, and a file one of them moved is left to it. Storage errors are
not bad input: they are retried, and a file the database still cannot take
stays in the inbox. A stored report whose digest is missing (the scan was
killed in between) gets it on the next scan.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows.process import STORAGE_ERRORS, process_file_task, publish_artifacts, storage_problem
from pipeline import config
from pipeline.digest import digest_name
from pipeline.inbox import file_sha256, inbox_files, quarantine_file, restore_file
from pipeline.records import Report
from pipeline.store import (
    engine_for,
    failed_hashes,
    find_report,
    latest_report_ids,
    load_report,
    record_failure,
)


@flow(name="scan-inbox")
def scan_inbox(inbox: Path, db_url: str | None = None, quarantine: Path | None = None,
               model_path: str | None = None) -> dict:
    """Process the new files of ``inbox``; returns what happened to each file.

    ``"not stored"`` lists files the database could not take (read-only,
    unreachable, full) after retries: they stay in the inbox for the next
    scan, never quarantined, since the file is not at fault. ``"elsewhere"``
    lists files another scan running at the same time moved first.
    """
    logger = get_run_logger()
    inbox = Path(inbox)
    url = config.database_url(db_url)
    engine = engine_for(url)
    quarantine = Path(quarantine) if quarantine else config.quarantine(inbox)
    summary: dict = {"stored": [], "already stored": [], "failed": [], "changed": [], "not stored": [],
                     "elsewhere": []}
    known_failures = failed_hashes(engine)
    todo = []
    for path in inbox_files(inbox):
        try:
            sha = file_sha256(path)
        except FileNotFoundError:
            summary["elsewhere"].append(path.name)  # another scan moved it since the folder was listed
            continue
        if (stored := find_report(engine, sha)) is not None:
            summary["already stored"].append(path.name)
            _publish_if_missing(engine, *stored, logger)
        elif sha in known_failures:
            summary["failed"].append({"file": path.name, "error": "failed before; see the failures table"})
        else:
            todo.append((path, sha))
    budget = config.file_timeout()
    task = process_file_task.with_options(timeout_seconds=budget)
    futures = [task.submit(str(path), sha, db_url, model_path) for path, sha in todo]
    goals_stored = 0
    for done, ((path, sha), future) in enumerate(zip(todo, futures, strict=True), start=1):
        future.wait()
        state = future.state
        if state.is_completed():
            outcome = future.result()
        else:
            outcome = {"status": "failed", "error": _task_error(path, state, budget)}
        if outcome["status"] == "failed":
            _quarantine(engine, path, sha, outcome["error"], quarantine, summary, logger)
        elif outcome["status"] == "not stored":
            logger.error("not stored, left in the inbox: %s: %s", path.name, outcome["error"])
            summary["not stored"].append({"file": path.name, "error": outcome["error"]})
        elif outcome["status"] == "changed":
            summary["changed"].append(path.name)
        else:
            summary[outcome["status"]].append(path.name)
            if outcome["status"] == "stored":
                goals_stored += outcome["n_goals"]
                publish_artifacts(load_report(engine, outcome["report_id"]))
        logger.info("%d/%d files done · %d goals stored · %d failed", done, len(todo), goals_stored,
                    len(summary["failed"]))
    summary["overview"] = overview_task(db_url)
    create_markdown_artifact(markdown=_scan_markdown(inbox, summary), key="inbox-scan",
                             description=f"Scan of {inbox}")
    return summary


def _quarantine(engine, path: Path, sha: str, error: str, quarantine: Path, summary: dict, logger) -> None:
    """Move a bad file to quarantine and record it; a file the database cannot record stays in the inbox."""
    moved = quarantine_file(path, quarantine, error)
    if moved is None:
        summary["elsewhere"].append(path.name)  # another scan quarantined it first
        return
    try:
        record_failure(engine, path.name, sha, error, str(moved))
    except STORAGE_ERRORS as exc:
        restore_file(moved, path)  # nothing may leave the inbox without its failure row
        logger.error("not recorded, left in the inbox: %s: %s", path.name, exc)
        summary["not stored"].append({"file": path.name, "error": storage_problem(exc)})
        return
    logger.warning("quarantined %s: %s", path.name, error)
    summary["failed"].append({"file": path.name, "error": error, "moved_to": str(moved)})


def _publish_if_missing(engine, report_id: int, source: str, logger) -> None:
    """A report stored just before a crash or kill has no digest yet: write it now."""
    name = digest_name(Report(source=source, sha256=""))
    if not all((config.digests() / f"{name}{suffix}").exists() for suffix in (".html", ".md")):
        logger.info("writing the missing digest of report %s", report_id)
        publish_artifacts(load_report(engine, report_id))


def _task_error(path: Path, state, budget: float) -> str:
    """The message for a file whose task did not complete: over its time budget, or what it raised."""
    exc = state.result(raise_on_failure=False)
    if isinstance(exc, TimeoutError) or "exceeded timeout" in (state.message or ""):
        return (f"{path.name}: reading and analysing it took longer than the time budget of {budget:g} s, "
                "so it was set aside (a report this slow is most likely not a binding-targets table). "
                "Check the file; to try again with more time, raise PIPELINE_FILE_TIMEOUT and move it back "
                "into the inbox.")
    return f"{path.name}: {exc!r}"


@task(cache_policy=NO_CACHE, persist_result=False)
def overview_task(db_url: str | None = None) -> str:
    """The overview of every stored report (``index.html``), in the digest folder beside their digests."""
    from pipeline.overview import write_overview

    engine = engine_for(config.database_url(db_url))
    reports = [load_report(engine, report_id, reviewed=True) for report_id in latest_report_ids(engine)]
    return str(write_overview(reports, config.digests(), write_digests=False))


def _scan_markdown(inbox: Path, summary: dict[str, list]) -> str:
    counts = (f"Tallennettu {len(summary['stored'])}, jo aiemmin {len(summary['already stored'])}, "
              f"virheellisiä {len(summary['failed'])}, tallentamatta {len(summary['not stored'])}.")
    from pipeline.digest import markdown_text

    lines = [f"# Saapuneet raportit: {markdown_text(inbox)}", "", counts,
             f"Yleiskatsaus: {markdown_text(summary['overview'])}", ""]
    lines += [f"- tallennettu: {markdown_text(name)}" for name in summary["stored"]]
    lines += [f"- virhe: {markdown_text(item['file'])}: {markdown_text(item['error'])}" for item in summary["failed"]]
    lines += [f"- tallentamatta (jäi saapuneisiin): {markdown_text(item['file'])}: {markdown_text(item['error'])}"
              for item in summary["not stored"]]
    return "\n".join(lines) + "\n"
