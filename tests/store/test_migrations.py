"""Migrations: a database written by release 678ec42 upgraded with nothing lost, on SQLite and PostgreSQL.

The fixture (``tests/fixtures/db_678ec42/``) was written once by that
release's own code (``make_fixture.py``): the sample report and a CSV report,
analysed and stored, with two status corrections of one goal, a corrected, a
rejected and an accepted figure. ``expected.json`` is that release's export.
"""

from __future__ import annotations

import json
import sqlite3
import uuid

import pytest
from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from pipeline.errors import StoreError
from pipeline.store import engine_for, export_tables, head, load_report, revision, trail, upgrade
from tests.conftest import FIXTURES

OLD = FIXTURES / "db_678ec42"
EXPECTED = json.loads((OLD / "expected.json").read_text(encoding="utf-8"))


def _sqlite_database(tmp_path) -> str:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as connection:
        connection.executescript((OLD / "sqlite.sql").read_text(encoding="utf-8"))
    return f"sqlite:///{path}"


def _postgres_database(server_url: str, script: str | None) -> str:
    """A new database on the test server, filled with ``script`` when given."""
    import psycopg

    url = make_url(server_url)
    name = f"old_{uuid.uuid4().hex[:10]}"
    admin = f"host={url.host} port={url.port} user={url.username} dbname={url.database}"
    if url.password:
        admin += f" password={url.password}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    new = url.set(database=name)
    if script is not None:
        with psycopg.connect(admin.replace(f"dbname={url.database}", f"dbname={name}"), autocommit=True) as conn:
            conn.execute(script)
    return new.render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def old_url(request, tmp_path):
    if request.param == "sqlite":
        return _sqlite_database(tmp_path)
    script = (OLD / "postgresql.sql").read_text(encoding="utf-8")
    return _postgres_database(request.getfixturevalue("postgres_url"), script)


def _nan_to_none(value):
    return None if value != value else value  # NaN is the only value not equal to itself


def test_upgrade_keeps_goals_statuses_and_corrected_values_twice_in_a_row(old_url):
    assert upgrade(old_url) == (None, head())
    assert upgrade(old_url) == (head(), head())  # idempotent
    frames = export_tables(engine_for(old_url))
    goals = frames["goals"][["goal_ref", "source", "goal_id", "status", "current_status", "reviewed"]]
    assert goals.to_dict(orient="records") == EXPECTED["goals"]
    columns = ["indicator_ref", "goal_ref", "kind", "value_number", "value_text", "review", "corrected_value"]
    figures = [{k: _nan_to_none(v) for k, v in row.items()}
               for row in frames["indicators"][columns].to_dict(orient="records")]
    assert figures == EXPECTED["figures"]
    assert int(frames["goals"]["predicted_status"].notna().sum()) == EXPECTED["n_predictions"]
    assert len(frames["audits"]) == EXPECTED["n_audits"]


def test_upgraded_database_reads_back_with_its_corrections(old_url):
    upgrade(old_url)
    engine = engine_for(old_url)
    assert [(c.target, c.action, c.new_value) for c in trail(engine)] == [
        ("status", "set_status", "none"), ("status", "set_status", "partial"), ("figure", "correct", "12"),
        ("figure", "reject", None), ("figure", "accept", "3"),
    ]
    report = load_report(engine, EXPECTED["reports"][0], reviewed=True)
    first = report.goals[0]
    assert (first.goal_id, first.status, first.review.original_status) == ("5.1", "partial", "full")
    corrected = next(i for i in first.indicators if i.reviewed == "correct")
    assert (corrected.value, corrected.original_value) == (12, 10)
    assert all(g.audit is not None and g.prediction is not None for g in report.goals)


def test_sqlite_database_of_the_previous_release_is_upgraded_when_opened(tmp_path):
    url = _sqlite_database(tmp_path)
    assert revision(engine_for(url)) == head()


def test_postgresql_database_of_the_previous_release_is_left_alone_with_a_message(postgres_url):
    url = _postgres_database(postgres_url, (OLD / "postgresql.sql").read_text(encoding="utf-8"))
    with pytest.raises(StoreError, match=r"written by an earlier release .* python -m pipeline db upgrade"):
        engine_for(url)


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_new_database_gets_the_schema_the_tables_declare(request, tmp_path, dialect):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from pipeline.store.schema import Base

    if dialect == "sqlite":
        url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    else:
        url = _postgres_database(request.getfixturevalue("postgres_url"), None)
    engine = engine_for(url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert differences == []
        assert inspect(connection).has_table("alembic_version")


def test_db_upgrade_command(tmp_path, capsys):
    from pipeline.cli import main

    url = _sqlite_database(tmp_path)
    assert main(["db", "upgrade", "--db", url]) == 0
    assert main(["db", "upgrade", "--db", url]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"upgraded the database from schema (none) to {head()}",
                   f"the database is at the current schema ({head()}); nothing to do"]


def test_db_upgrade_of_an_unreachable_database_is_one_line(capsys):
    from pipeline.cli import main

    assert main(["db", "upgrade", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"]) == 2
    assert capsys.readouterr().err.startswith("error: Cannot reach the database")
