"""When the storage fails, the visitor gets a clear Dutch page (HTTP 503), nothing half-written
remains, what was stored stays stored, and the app carries on by itself once the storage is back.

Quick versions of bench/faults: a full disk and a read-only database are simulated with SQLite's
own switches (`max_page_count`, `query_only`), which raise the very errors a full or read-only
disk raises; a PostgreSQL that went away is simulated by ending the app's connections."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select, text
from sqlalchemy.engine import make_url

from gehecht.db import Database, open_database
from gehecht.db.models import Observation
from gehecht.web.errors import UNAVAILABLE_MESSAGE
from tests.dbtesting import make_child, make_observation, make_user, signed_in

DUTCH = "niet bereikbaar, vol of alleen-lezen"


@pytest.fixture()
def storage(kb, tmp_path) -> Iterator[tuple[object, Database]]:
    """An app over its own SQLite file, and that database."""
    from gehecht.web.app import create_app

    database = open_database(f"sqlite:///{tmp_path / 'fouten.db'}")
    app = create_app(kb)
    app.state.db = database
    yield app, database
    database.dispose()


def pragma_on_checkout(database: Database, pragma: str):  # type: ignore[no-untyped-def]
    """Run `pragma` on every connection the app takes from the pool from now on; returns the
    listener (for event.remove)."""

    def apply(dbapi_connection, _record, _proxy):  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute(pragma)
        cursor.close()

    event.listen(database.engine, "checkout", apply)
    return apply


def read_only(database: Database) -> sqlite3.Connection:
    """A connection of our own, outside the app's pool (and its switches), that cannot write."""
    return sqlite3.connect(f"file:{make_url(database.url).database}?mode=ro", uri=True)


def observations(database: Database) -> list[str]:
    with closing(read_only(database)) as connection:
        return sorted(row[0] for row in connection.execute("SELECT situation FROM observations"))


def integrity(database: Database) -> str:
    with closing(read_only(database)) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def write(person, child_id: str, situation: str):  # type: ignore[no-untyped-def]
    return person.post(f"/dagboek/{child_id}/observaties", {"situatie": situation, "score": "4",
                                                            "notities": "Een lange notitie " * 200})


def assert_unavailable_page(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("text/html")
    assert DUTCH in response.text and "Probeer het over een paar minuten opnieuw" in response.text
    assert response.headers["retry-after"].isdigit()
    assert "Traceback" not in response.text and "sqlite" not in response.text.lower()


def test_a_full_disk_gives_a_dutch_503_and_keeps_what_was_stored(storage):
    app, database = storage
    anna = make_user(database, "anna")
    child = make_child(database, anna)
    parent = signed_in(app, database, anna)
    assert write(parent, child.id, "voor").status_code == 303
    with closing(read_only(database)) as connection:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
    database.engine.dispose()
    full = pragma_on_checkout(database, f"PRAGMA max_page_count = {pages}")  # no room for one more page

    response = write(parent, child.id, "tijdens")
    assert_unavailable_page(response)
    assert observations(database) == ["voor"] and integrity(database) == "ok"
    assert client_of(app).get("/zoeken", params={"q": "hechting"}).status_code == 200  # the handbook works on

    event.remove(database.engine, "checkout", full)
    database.engine.dispose()  # room again: the app carries on without a restart
    assert write(parent, child.id, "na").status_code == 303
    assert observations(database) == ["na", "voor"] and integrity(database) == "ok"


def client_of(app) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(app)


def test_a_read_only_database_gives_a_dutch_503_on_journal_pages_only(storage):
    app, database = storage
    anna = make_user(database, "anna")
    child = make_child(database, anna)
    make_observation(database, anna, child, situation="bewaard")
    parent = signed_in(app, database, anna)
    database.engine.dispose()
    pragma_on_checkout(database, "PRAGMA query_only = ON")

    assert_unavailable_page(write(parent, child.id, "nieuw"))
    assert_unavailable_page(parent.get("/dagboek"))  # every journal request starts a write transaction
    public = client_of(app)
    for path in ("/", "/wegwijzer", "/zoeken?q=driftbuien"):
        assert public.get(path).status_code == 200, path
    assert public.post("/api/guide", json={"rol": "ouder", "regio": "nl", "leeftijd_maanden": 30}).status_code == 200
    assert observations(database) == ["bewaard"] and integrity(database) == "ok"


def test_the_json_api_says_503_in_json_and_logs_no_sql_parameters(storage, caplog):
    app, _database = storage

    def broken() -> None:
        from sqlalchemy.exc import OperationalError

        raise OperationalError("INSERT INTO observations VALUES (?)", ("geheime tekst",), Exception("disk I/O error"))

    app.router.add_api_route("/api/_test_opslag", broken)
    app.router.routes.insert(0, app.router.routes.pop())  # before the catch-all entry route
    response = client_of(app).get("/api/_test_opslag")
    assert response.status_code == 503 and response.json() == {"detail": UNAVAILABLE_MESSAGE}
    assert "disk I/O error" in caplog.text and "geheime tekst" not in caplog.text and "INSERT" not in caplog.text


def test_a_database_server_that_cannot_be_reached_gives_a_dutch_503(kb):
    """PostgreSQL down (here: nothing listens on the port): the journal says so; the rest works."""
    from gehecht.web.app import create_app

    app = create_app(kb)
    app.state.db = Database("postgresql+psycopg://postgres@127.0.0.1:9/gehecht?connect_timeout=2")  # discard port
    client = client_of(app)
    assert_unavailable_page(client.get("/account/inloggen"))
    client.cookies.set("gehecht_sessie", "een-oude-sessie", domain="testserver.local")
    assert_unavailable_page(client.get("/dagboek"))
    assert client.get("/").status_code == 200
    app.state.db.dispose()


@pytest.mark.postgres
def test_the_app_reconnects_after_postgresql_dropped_its_connections(kb, postgres_url):
    """What a PostgreSQL restart does to a running app: every pooled connection is gone. The pool
    notices (pre-ping) and the next request works; no restart of the app is needed."""
    from gehecht.web.app import create_app

    database = open_database(postgres_url)
    app = create_app(kb)
    app.state.db = database
    anna = make_user(database, "anna-pg")
    child = make_child(database, anna)
    parent = signed_in(app, database, anna)
    for n in range(3):
        assert write(parent, child.id, f"voor {n}").status_code == 303
    with database.engine.connect() as connection:  # end every other connection to this database
        connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
        connection.commit()
    for n in range(3):
        assert write(parent, child.id, f"na {n}").status_code == 303
    with database.session() as db:
        assert db.scalar(select(func.count()).select_from(Observation).where(Observation.child_id == child.id)) == 6
    database.dispose()


def test_a_write_that_fails_at_commit_is_never_acknowledged(storage):
    """The 303 ("saved") leaves only after the commit: a commit that fails is a 503, not a lie."""
    from sqlalchemy.exc import OperationalError

    app, database = storage
    anna = make_user(database, "anna")
    child = make_child(database, anna)
    parent = signed_in(app, database, anna)

    def fail(_connection):  # type: ignore[no-untyped-def]
        raise OperationalError("COMMIT", (), sqlite3.OperationalError("disk I/O error"))

    event.listen(database.engine, "commit", fail)
    try:
        response = write(parent, child.id, "niet bewaard")
    finally:
        event.remove(database.engine, "commit", fail)
    assert_unavailable_page(response)
    assert observations(database) == [] and integrity(database) == "ok"
    assert write(parent, child.id, "wel bewaard").status_code == 303
    assert observations(database) == ["wel bewaard"]


def test_the_app_starts_and_serves_the_handbook_when_the_database_cannot_be_opened(kb, monkeypatch):
    from gehecht.web.app import create_app

    monkeypatch.setenv("GEHECHT_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:9/gehecht?connect_timeout=2")
    with TestClient(create_app(kb)) as client:  # start-up (lifespan) does not fail …
        assert client.get("/healthz").status_code == 200
        assert client.get("/artikel/gehechtheid").status_code == 200  # … the handbook works …
        assert_unavailable_page(client.get("/account/inloggen"))  # … the journal says why it does not


@pytest.fixture()
def small_disk(tmp_path) -> Iterator[Path]:
    """A real tmpfs that can be switched to read-only (root only; skipped elsewhere)."""
    mount = tmp_path / "schijf"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield mount
    subprocess.run(["mount", "-o", "remount,rw", str(mount)], capture_output=True)
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_the_app_writes_again_by_itself_once_a_read_only_disk_is_writable(kb, small_disk):
    """A real read-only disk: the app was (re)started while the disk was read-only, so SQLite
    opened the file read-only. Once the disk is writable, writes work again without a restart."""
    from gehecht.web.app import create_app

    url = f"sqlite:///{small_disk / 'gehecht.db'}"
    database = open_database(url)
    anna = make_user(database, "anna")
    child = make_child(database, anna)
    make_observation(database, anna, child, situation="bewaard")
    parent = signed_in(app := create_app(kb), database, anna)
    # a writer killed with -9 leaves the WAL and its index behind, as a crashed app would
    writer = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode=WAL'); "
        "c.execute('SELECT count(*) FROM observations').fetchone(); print('ok', flush=True); time.sleep(60)"),
        str(small_disk / "gehecht.db")], stdout=subprocess.PIPE)
    assert writer.stdout.readline().strip() == b"ok"
    database.dispose()
    writer.kill()
    writer.wait()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    app.state.db = Database(url)
    assert_unavailable_page(write(parent, child.id, "tijdens"))
    subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert write(parent, child.id, "na").status_code == 303
    assert observations(app.state.db) == ["bewaard", "na"] and integrity(app.state.db) == "ok"
    app.state.db.dispose()
