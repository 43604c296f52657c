"""The database: one package owns the schema, its migrations and every query.

A SQLite file under ``data/`` by default, PostgreSQL (or any SQLAlchemy URL)
when one is given (see :func:`pipeline.config.database_url`). Everything
else (the review, the web app, the command line, the flows, training) calls
the functions below and gets records back; only this package knows the
tables.

- :mod:`~pipeline.store.schema`: the tables; :mod:`~pipeline.store.engine`:
  opening a database and migrating it (Alembic, ``migrations/``);
- :mod:`~pipeline.store.write`: a report in one transaction, failures, model versions;
- :mod:`~pipeline.store.read`: reports, goals and the review queue back as records;
- :mod:`~pipeline.store.corrections`: analysts' decisions, their trail and
  the one rule for current values;
- :mod:`~pipeline.store.exports`: tables for CSV, Excel and Parquet.
"""

from pipeline.errors import StoreError
from pipeline.store.corrections import check_value, parse_number, record, trail
from pipeline.store.engine import check_database, engine_for, head, revision, upgrade
from pipeline.store.exports import export_tables
from pipeline.store.read import (
    failed_hashes,
    find_report,
    goal_texts,
    has_report,
    labelled_goals,
    latest_report_ids,
    load_report,
    models,
    review_queue,
    reviewed_goals,
)
from pipeline.store.write import StoreResult, check_lengths, record_failure, record_model, store_report

__all__ = [
    "StoreError",
    "StoreResult",
    "check_database",
    "check_lengths",
    "check_value",
    "engine_for",
    "export_tables",
    "failed_hashes",
    "find_report",
    "goal_texts",
    "has_report",
    "head",
    "labelled_goals",
    "latest_report_ids",
    "load_report",
    "models",
    "parse_number",
    "record",
    "record_failure",
    "record_model",
    "review_queue",
    "reviewed_goals",
    "revision",
    "store_report",
    "trail",
    "upgrade",
]
