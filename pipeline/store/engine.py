"""Opening a database: engines, the schema revision, and migrations (Alembic).

What a command does with the database it opens (:func:`engine_for`):

- a new, empty database gets the current schema;
- a database at the current revision is used as it is;
- an older database of this project (one written by an earlier release, also
  one from before migrations) is upgraded in place when it is a SQLite file,
  the default local database; any other database (PostgreSQL, shared by
  several people) is left alone and the command stops with a one-line
  message naming ``python -m pipeline db upgrade``, so that upgrading a shared
  database is a deliberate step;
- a database newer than this program is refused.

:func:`upgrade` (``python -m pipeline db upgrade``) brings any earlier database
to the current revision keeping every row; it is idempotent, and concurrent
upgrades of one database wait for each other.
"""

from __future__ import annotations

import contextlib
import fcntl
import threading
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, delete, event, inspect, select, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from pipeline.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: A table every database of this project has had since its first release.
_FIRST_TABLE = "reports"
#: The key of PostgreSQL's advisory lock that makes concurrent upgrades wait for each other.
_UPGRADE_LOCK = 0x5174_0011

_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def engine_for(url: str) -> Engine:
    """An engine for ``url`` whose schema is current (see the module's rules); one per URL and process."""
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _connect(url)
            _ensure_current(engine)
            _engines[url] = engine
    return engine


def upgrade(url: str) -> tuple[str | None, str]:
    """Bring the database at ``url`` to the current schema; returns its revision before and after.

    ``None`` before means a new database or one from before migrations.
    """
    engine = _connect(url)
    try:
        before = _checked_revision(engine)
        _migrate(engine)
        return before, revision(engine) or head()
    finally:
        engine.dispose()


def check_database(url: str) -> Engine:
    """The engine for ``url`` once it is known to open, read and take writes; else a one-line :class:`StoreError`.

    The write check deletes nothing: a delete that matches no row still opens
    a write transaction, which a read-only SQLite file ("attempt to write a
    readonly database") or PostgreSQL server refuses.
    """
    from pipeline.store.schema import FailureRow

    engine = engine_for(url)
    try:
        with engine.begin() as connection:
            connection.execute(select(FailureRow.id).limit(1))
            connection.execute(delete(FailureRow).where(FailureRow.id < 0))
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise StoreError(f"Cannot write to the database {_safe(url)!r} ({detail}); no file was touched. Check the "
                         "URL (--db or PIPELINE_DATABASE_URL), its permissions and the server.") from exc
    return engine


def head() -> str:
    """The revision of the current schema."""
    return _scripts().get_current_head()


def revision(engine: Engine) -> str | None:
    """The database's schema revision; ``None`` for a new database or one from before migrations."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _ensure_current(engine: Engine) -> None:
    current = _checked_revision(engine)
    wanted = head()
    if current == wanted:
        return
    known = {script.revision for script in _scripts().walk_revisions()}
    if current is not None and current not in known:
        raise StoreError(f"The database {_safe(str(engine.url))!r} has schema revision {current}, newer than this "
                         f"program's {wanted}; update the program (git pull, then bash scripts/setup.sh).")
    if engine.dialect.name == "sqlite" or not _has_tables(engine):
        _migrate(engine)
        return
    raise StoreError(f"The database {_safe(str(engine.url))!r} was written by an earlier release (schema "
                     f"{current or 'before migrations'}, this program needs {wanted}); upgrade it first with: "
                     f"python -m pipeline db upgrade --db URL")


def _checked_revision(engine: Engine) -> str | None:
    try:
        return revision(engine)
    except OperationalError as exc:
        raise StoreError(f"Cannot reach the database {_safe(str(engine.url))!r}: {exc.orig}. Check the URL (--db or "
                         "PIPELINE_DATABASE_URL) and that the server is running.") from exc


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as connection:
        return inspect(connection).has_table(_FIRST_TABLE)


def _migrate(engine: Engine) -> None:
    from alembic import command

    config = _config()
    with _upgrade_lock(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@contextlib.contextmanager
def _upgrade_lock(engine: Engine) -> Iterator[Connection]:
    """A connection holding the database's upgrade lock: a lock file beside a SQLite file, an advisory lock else."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK})
            yield connection
            return
        database = engine.url.database
        if engine.dialect.name != "sqlite" or not database or database == ":memory:":
            yield connection
            return
        with open(f"{database}.upgrade-lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield connection
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def _config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _scripts():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def _connect(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if str(path) != ":memory:" and not str(path).startswith("file:"):  # file:...?mode=ro&uri=true is a URI
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection, _record):  # pragma: no cover - exercised by every SQLite test
            cursor = connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except Exception as exc:  # an unknown dialect or a missing driver
        raise StoreError(f"Cannot use the database URL {_safe(url)!r}: {exc}. Expected an SQLAlchemy URL "
                         "such as sqlite:///data/pipeline.sqlite or postgresql+psycopg://user@host/db.") from exc


def _safe(url: str) -> str:
    """The URL without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url
