"""Storage: migrations inside the package, applied at start; SQLite settings; package data."""

from __future__ import annotations

import secrets
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from gehecht.db import head_revision, open_database
from gehecht.db.models import Base
from tests.dbtesting import POSTGRES_ADMIN_URL

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "gehecht"


def test_the_migrations_build_exactly_the_models(database):
    with database.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        connection.rollback()
    assert database.revision() == head_revision()


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    with database.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 5000
        assert pragma("secure_delete") == 1
        connection.rollback()
    database.dispose()


def test_the_app_migrates_its_database_when_it_starts(kb, tmp_path, monkeypatch):
    from gehecht.web.app import create_app

    monkeypatch.setenv("GEHECHT_DATABASE_URL", f"sqlite:///{tmp_path / 'new' / 'gehecht.db'}")
    app = create_app(kb)
    with TestClient(app) as client:
        assert client.get("/healthz").status_code == 200
        assert {"users", "observations", "audit_log"} <= set(inspect(app.state.db.engine).get_table_names())
    app.state.db.dispose()


def start_six_at_once(url: str) -> set[str | None]:
    def start(_: int) -> str | None:
        database = open_database(url)
        revision = database.revision()
        database.dispose()
        return revision

    pool = ThreadPoolExecutor(6)
    try:
        futures = [pool.submit(start, n) for n in range(6)]
        return {f.result(timeout=60) for f in futures}  # a deadlock fails the test instead of hanging it
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def test_several_app_processes_starting_at_once_on_sqlite_migrate_once(tmp_path):
    assert start_six_at_once(f"sqlite:///{tmp_path / 'race.db'}") == {head_revision()}


@pytest.mark.postgres
def test_several_app_processes_starting_at_once_on_postgresql_migrate_once():
    name = f"gehecht_race_{secrets.token_hex(4)}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        url = make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
        assert start_six_at_once(url) == {head_revision()}
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_the_package_ships_its_migrations_rules_and_templates():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["gehecht"]
    needed = [p for folder in ("db", "journal", "web/templates/dagboek", "web/templates/account")
              for p in (PACKAGE / folder).rglob("*") if p.is_file() and p.suffix != ".pyc"
              and not (p.suffix == ".py" and "migrations" not in p.parts)]
    assert any("migrations/versions" in str(p) for p in needed)
    shipped = {path for pattern in patterns for path in PACKAGE.glob(pattern)}
    for path in needed:
        assert path in shipped, path.relative_to(PACKAGE).as_posix()
