"""Opening the database: SQLite by default (WAL, foreign keys, busy timeout, secure delete),
PostgreSQL when the URL says so. Migrations (Alembic, shipped inside the package) run at open."""

from __future__ import annotations

import gc
import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
MIGRATION_LOCK_ID = 0x6765686563  # "gehec": PostgreSQL advisory lock while migrating
SQLITE_BUSY_TIMEOUT_MS = 30_000
SQLITE_REOPEN_ON = ("readonly database", "disk i/o error", "unable to open database file")


def _pragma(cursor: Any, pragma: str, attempts: int = 100) -> None:
    """Run a PRAGMA, retrying while the file is locked. Switching a new file to WAL needs an
    exclusive lock, and when several processes open a fresh file at once SQLite answers some of
    them "database is locked" at once, without waiting (deadlock avoidance), busy timeout or not."""
    for attempt in range(attempts):
        try:
            cursor.execute(f"PRAGMA {pragma}")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.01 + random.random() * 0.05)


def _sqlite_engine(url: str) -> Engine:
    path = make_url(url).database
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, pool_size=20, max_overflow=20, pool_timeout=60, hide_parameters=True,
                           connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})

    stale: list[bool] = []  # set after a read-only or I/O error: sweep old connections first

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        if stale:
            # A failed connection can linger in a reference cycle (exception → traceback → frame)
            # until the garbage collector runs; while it lives, SQLite keeps the file's shared
            # WAL index read-only for every new connection of this process.
            stale.clear()
            gc.collect()
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (see "begin").
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", f"busy_timeout={SQLITE_BUSY_TIMEOUT_MS}",
                       "synchronous=NORMAL", "secure_delete=ON"):
            _pragma(cursor, pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Every request writes (sessions, audit log): take the write lock up front so concurrent
        # writers queue on the busy timeout instead of failing with "database is locked".
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    @event.listens_for(engine, "handle_error")
    def _reopen_after(context: Any) -> None:
        # A connection opened while the file (or its disk) was read-only stays read-only, and one
        # that hit an I/O error may be stale: throw them all away, so the app writes again by
        # itself once the disk is writable instead of failing until it is restarted. All of them:
        # SQLite shares one WAL index (-shm) per file among a process's connections, and it stays
        # read-only while any connection opened read-only is still open.
        message = str(context.original_exception).lower()
        if any(words in message for words in SQLITE_REOPEN_ON):
            context.is_disconnect = True
            engine.dispose(close=True)
            stale.append(True)

    return engine


def make_engine(url: str) -> Engine:
    """hide_parameters: an error message (and so a logged traceback) names the statement but
    never its values, which can be journal text."""
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20, hide_parameters=True)


class Database:
    """One engine and its session factory; the object the app, the CLI and the tests pass around."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises."""
        with self.sessions() as session:
            with session.begin():
                yield session

    def upgrade(self, revision: str = "head") -> None:
        """Apply migrations. Safe when several app processes start at once: the work happens in
        one transaction holding a lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock)."""
        from alembic import command

        with self.engine.begin() as connection:
            if self.dialect == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": MIGRATION_LOCK_ID})
            config = alembic_config(self.url)
            config.attributes["connection"] = connection
            command.upgrade(config, revision)

    def revision(self) -> str | None:
        """The schema revision the database is at (None: not migrated)."""
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def dispose(self) -> None:
        self.engine.dispose()


def alembic_config(url: str) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def open_database(url: str, migrate: bool = True) -> Database:
    database = Database(url)
    if migrate:
        database.upgrade()
    return database
