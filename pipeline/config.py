"""Paths and settings, read from the environment when asked for (nothing happens at import time).

| setting | environment variable | default |
|---|---|---|
| database URL | ``PIPELINE_DATABASE_URL`` | SQLite file ``data/pipeline.sqlite`` |
| inbox folder | ``PIPELINE_INBOX`` | ``data/inbox`` |
| quarantine folder | ``PIPELINE_QUARANTINE`` | ``<inbox>/../quarantine`` |
| digest folder | ``PIPELINE_DIGESTS`` | ``data/digests`` |
| scan schedule (cron) | ``PIPELINE_SCAN_CRON`` | ``*/15 * * * *`` |
| task runner | ``PIPELINE_TASK_RUNNER`` | ``process`` (``thread``, ``dask``) |
| worker count | ``PIPELINE_WORKERS`` | 2 |
| Dask scheduler address | ``PIPELINE_DASK_ADDRESS`` | none (then ``dask`` starts a local cluster) |
| model file | ``PIPELINE_MODEL`` | ``models/status_classifier.skops`` |
| review token (changes in the review web app) | ``PIPELINE_REVIEW_TOKEN`` | none (``review serve`` makes one) |
| reviewer's name stored with web decisions | ``PIPELINE_REVIEWER`` | ``analyytikko`` |
| "slightly below" a metric's target: a miss within this share | ``PIPELINE_SLIGHTLY_BELOW`` | ``0.1`` |
| time budget of one file in a scan (s) | ``PIPELINE_FILE_TIMEOUT`` | 600 |
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SAMPLES = DATA / "samples"


def database_url(override: str | None = None) -> str:
    """``--db`` wins, then ``PIPELINE_DATABASE_URL``, then a SQLite file under ``data/``."""
    return override or os.environ.get("PIPELINE_DATABASE_URL") or f"sqlite:///{DATA / 'pipeline.sqlite'}"


def inbox() -> Path:
    return Path(os.environ.get("PIPELINE_INBOX") or DATA / "inbox")


def quarantine(inbox_dir: Path | None = None) -> Path:
    configured = os.environ.get("PIPELINE_QUARANTINE")
    if configured:
        return Path(configured)
    return Path(inbox_dir or inbox()).resolve().parent / "quarantine"


def digests() -> Path:
    return Path(os.environ.get("PIPELINE_DIGESTS") or DATA / "digests")


def scan_cron() -> str:
    return os.environ.get("PIPELINE_SCAN_CRON") or "*/15 * * * *"


def task_runner_name() -> str:
    return (os.environ.get("PIPELINE_TASK_RUNNER") or "process").lower()


def workers() -> int:
    value = os.environ.get("PIPELINE_WORKERS") or "2"
    try:
        return max(1, int(value))
    except ValueError as exc:
        raise ValueError(f"PIPELINE_WORKERS={value!r} is not a whole number; set it to e.g. 2.") from exc


def dask_address() -> str | None:
    return os.environ.get("PIPELINE_DASK_ADDRESS") or None


def review_token() -> str | None:
    return os.environ.get("PIPELINE_REVIEW_TOKEN") or None


def reviewer(override: str | None = None) -> str:
    """``--reviewer`` wins, then ``PIPELINE_REVIEWER``, then ``analyytikko``."""
    return override or os.environ.get("PIPELINE_REVIEWER") or "analyytikko"


def model_path() -> Path:
    return Path(os.environ.get("PIPELINE_MODEL") or ROOT / "models" / "status_classifier.skops")


#: A metric's target missed by at most this share of the target value is "slightly below" (Seinäjoki's 2).
SLIGHTLY_BELOW = 0.10


def slightly_below() -> float:
    """``PIPELINE_SLIGHTLY_BELOW`` (a share such as ``0.1``; a decimal comma is fine), else :data:`SLIGHTLY_BELOW`."""
    value = os.environ.get("PIPELINE_SLIGHTLY_BELOW")
    if not value:
        return SLIGHTLY_BELOW
    try:
        share = float(value.replace(",", "."))
    except ValueError as exc:
        raise ValueError(f"PIPELINE_SLIGHTLY_BELOW={value!r} is not a number; set it to a share such as 0.1.") from exc
    if not 0 <= share < 1:
        raise ValueError(f"PIPELINE_SLIGHTLY_BELOW={value!r} is outside 0–1; set it to a share such as 0.1.")
    return share


def file_timeout() -> float:
    """Seconds one inbox file may take (read, analyse, store) before the scan quarantines it."""
    value = os.environ.get("PIPELINE_FILE_TIMEOUT") or "600"
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds > 0 or seconds == float("inf"):
        raise ValueError(f"PIPELINE_FILE_TIMEOUT={value!r} is not a positive number of seconds; set it to e.g. 600.")
    return seconds
