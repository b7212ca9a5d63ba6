"""Fixtures for the database-backed tests (tests/accounts, tests/journal), imported by their conftests.

Every DB test runs twice: on SQLite (a temp file) and on a real PostgreSQL. On PostgreSQL each test
session creates its own uniquely named database through the `postgres` maintenance database and
drops it at the end. GEHECHT_TEST_POSTGRES_URL points elsewhere (default: local, user postgres)."""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from argon2 import PasswordHasher, Type
from fastapi.testclient import TestClient

from gehecht.accounts import passwords, sessions
from gehecht.accounts.users import create_user
from gehecht.db import Database, open_database
from gehecht.db.backup import wipe
from gehecht.db.models import Child, Share, User
from gehecht.db.scratch import scratch_postgres_database
from gehecht.journal.children import ChildInput, add_child
from gehecht.journal.observations import ObservationInput, add_observation, now_local

POSTGRES_ADMIN_URL = os.environ.get("GEHECHT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
PASSWORD = "een lange zin als wachtwoord"


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing() -> Iterator[None]:
    """Still argon2id, with the smallest cost: the suite logs in hundreds of times."""
    original = passwords.hasher
    passwords.hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)
    yield
    passwords.hasher = original


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh database for this test session, dropped afterwards."""
    with scratch_postgres_database(POSTGRES_ADMIN_URL, f"gehecht_test_{os.getpid()}") as url:
        yield url


@pytest.fixture(scope="session", params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The migrated database for one backend (session-wide; `db` empties it per test)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'journal.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    opened = open_database(url)
    yield opened
    opened.dispose()


@pytest.fixture()
def db(database: Database) -> Database:
    """The database, empty."""
    wipe(database)
    return database


@pytest.fixture(scope="session")
def journal_app(kb, database: Database):  # type: ignore[no-untyped-def]
    """The real web app over the test database (no search engine needed)."""
    from gehecht.web.app import create_app

    app = create_app(kb)
    app.state.db = database
    return app


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "page has no CSRF token"
    return found.group(1)


@dataclass
class Person:
    """One persona with a browser-like client (cookies) and a live session."""

    user: User
    client: TestClient
    csrf: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def post(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any):  # type: ignore[no-untyped-def]
        return self.client.post(url, data={"csrf_token": self.csrf, **(data or {})}, follow_redirects=False,
                                **kwargs)

    def get(self, url: str, **kwargs: Any):  # type: ignore[no-untyped-def]
        return self.client.get(url, follow_redirects=False, **kwargs)


def sign_up(client: TestClient, username: str, role: str = "ouder", password: str = PASSWORD, **extra):
    token = csrf_of(client.get("/account/aanmelden").text)
    return client.post("/account/aanmelden", data={"csrf_token": token, "gebruikersnaam": username, "rol": role,
                                                   "wachtwoord": password, "wachtwoord2": extra.pop("again", password),
                                                   **extra}, follow_redirects=False)


def log_in(client: TestClient, username: str, password: str = PASSWORD, volgende: str = ""):
    token = csrf_of(client.get("/account/inloggen").text)
    return client.post("/account/inloggen", data={"csrf_token": token, "gebruikersnaam": username,
                                                  "wachtwoord": password, "volgende": volgende},
                       follow_redirects=False)


def make_user(database: Database, username: str, role: str = "ouder", name: str = "") -> User:
    with database.session() as s:
        return create_user(s, username, PASSWORD, role, name or username.title())


def signed_in(app, database: Database, user: User) -> Person:  # type: ignore[no-untyped-def]
    """A client holding a fresh session for `user` (made directly in the DB: log-in is tested elsewhere)."""
    with database.session() as s:
        token, row = sessions.start(s, s.get(User, user.id))
        csrf = row.csrf_token
    client = TestClient(app)
    client.cookies.set(sessions.COOKIE_NAME, token, domain="testserver.local")
    return Person(user=user, client=client, csrf=csrf)


def make_child(database: Database, owner: User, name: str = "Lara", birth_month: str = "2021-03") -> Child:
    with database.session() as s:
        return add_child(s, s.get(User, owner.id), ChildInput(name=name, birth_month=birth_month))


def make_observation(database: Database, owner: User, child: Child, **values: Any) -> str:
    from gehecht.accounts.access import authorise

    with database.session() as s:
        grant = authorise(s, s.get(User, owner.id), child.id, "observatie.toevoegen")
        values.setdefault("occurred_at", now_local())
        return add_observation(s, grant, ObservationInput(**values)).id


def make_share(database: Database, child: Child, grantee: User, level: str = "lezen") -> str:
    with database.session() as s:
        share = Share(child_id=child.id, grantee_id=grantee.id, level=level)
        s.add(share)
        s.flush()
        return share.id


@pytest.fixture()
def live_journal(kb, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The app served by uvicorn on a free port, over its own temp SQLite database."""
    from gehecht.web.app import create_app

    database = open_database(f"sqlite:///{tmp_path / 'live.db'}")
    app = create_app(kb)
    app.state.db = database
    url, stop = serve_in_thread(app)
    yield url
    stop()
    database.dispose()


def serve_in_thread(app) -> tuple[str, Any]:  # type: ignore[no-untyped-def]
    """Run `app` under uvicorn on a free loopback port; returns (base URL, stop function)."""
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.02)

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=10)

    return f"http://127.0.0.1:{port}", stop


@pytest.fixture(scope="session")
def journal_server(journal_app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The test app (on the parametrised database) behind a real HTTP server."""
    url, stop = serve_in_thread(journal_app)
    yield url
    stop()
