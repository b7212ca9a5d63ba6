"""What parents write in their journal never ends up in a log: not in the server's output (with the
access log switched on, the worst case), not in a traceback of a failed write, not in SQL logging.
Every field carries a marker; the logs are searched for it."""

from __future__ import annotations

import logging
import re
import secrets
from pathlib import Path

import httpx
import pytest
from sqlalchemy.exc import IntegrityError

from bench.appserver import AppServer, prepare_data_dir
from gehecht.journal import observations as obs
from tests.dbtesting import PASSWORD, make_child, make_user, signed_in

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def journal_fields(marker: str) -> dict[str, object]:
    return {"situatie": f"Afscheid {marker}", "signalen": ["driftbuien"], "kind_deed": f"Huilde {marker}",
            "reacties": ["getroost"], "ouder_deed": f"Bleef erbij {marker}", "score": "3",
            "notities": f"Notitie {marker}"}


@pytest.fixture()
def served(tmp_path: Path):
    """`gehecht serve --access-log` over a fresh SQLite database, and one parent account."""
    from gehecht.accounts.users import create_user
    from gehecht.db import open_database

    data = tmp_path / "data"
    prepare_data_dir(data)
    database = open_database(f"sqlite:///{data / 'gehecht.db'}")
    with database.session() as db:
        create_user(db, "anna", PASSWORD, "ouder", "Anna")
    database.dispose()
    server = AppServer(data_dir=data, log_path=tmp_path / "server.log")
    server.extra_args.append("--access-log")
    server.start()
    yield server
    server.stop()


def test_the_server_log_never_holds_journal_text(served):
    marker = f"GEHEIM{secrets.token_hex(6)}"
    with httpx.Client(base_url=served.url, timeout=30, follow_redirects=False) as client:
        token = CSRF.search(client.get("/account/inloggen").text).group(1)
        assert client.post("/account/inloggen", data={"csrf_token": token, "gebruikersnaam": "anna",
                                                      "wachtwoord": PASSWORD}).status_code == 303
        token = CSRF.search(client.get("/dagboek").text).group(1)
        added = client.post("/dagboek/kinderen", data={"csrf_token": token, "naam": f"Lara {marker}",
                                                       "geboortemaand": "2021-03"})
        assert added.status_code == 303
        child = added.headers["location"]
        for _ in range(3):
            assert client.post(f"{child}observaties", data={"csrf_token": token, **journal_fields(marker)}).status_code == 303
        too_long = {**journal_fields(marker), "situatie": marker * 40}  # refused, and shown again to the parent
        assert client.post(f"{child}observaties", data={"csrf_token": token, **too_long}).status_code == 422
        page = client.get(child)
        assert marker in page.text  # it was stored and shown …
        guide = client.post("/wegwijzer/vragen", data={"stap": "toelichting", "rol": "ouder", "regio": "nl",
                                                       "jaren": "3", "toelichting": f"Ze slaat {marker}"})
        assert guide.status_code == 200
    served.stop()
    log = served.log_path.read_text(errors="replace")
    assert "POST /dagboek" in log  # … the access log was on …
    assert marker not in log  # … and yet the log never saw it


def test_a_failed_write_logs_no_journal_text(kb, tmp_path, caplog, monkeypatch):
    """A write the database refuses (here: a broken CHECK constraint) is logged with its traceback,
    and SQL logging is on: the statement is there, its values are not."""
    from fastapi.testclient import TestClient

    from gehecht.db import open_database
    from gehecht.web.app import create_app

    database = open_database(f"sqlite:///{tmp_path / 'logs.db'}")
    app = create_app(kb)
    app.state.db = database
    anna = make_user(database, "anna")
    child = make_child(database, anna)
    parent = signed_in(app, database, anna)
    cookies = parent.client.cookies
    parent.client = TestClient(app, raise_server_exceptions=False)  # the 500 page, as a browser sees it
    parent.client.cookies = cookies
    marker = f"GEHEIM{secrets.token_hex(6)}"
    real_parse = obs.parse_observation

    def out_of_range(*args, **kwargs):  # type: ignore[no-untyped-def]
        parsed = real_parse(*args, **kwargs)
        parsed.score = 9  # the CHECK constraint refuses it
        return parsed

    monkeypatch.setattr(obs, "parse_observation", out_of_range)
    caplog.set_level(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
    try:
        response = parent.post(f"/dagboek/{child.id}/observaties", journal_fields(marker))
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    assert response.status_code == 500 and "Er ging iets mis" in response.text
    assert "INSERT INTO observations" in caplog.text and "IntegrityError" in caplog.text
    assert marker not in caplog.text
    for record in caplog.records:
        if record.exc_info:
            assert marker not in logging.Formatter().formatException(record.exc_info)
    database.dispose()
    assert IntegrityError  # the kind of failure this test provokes
