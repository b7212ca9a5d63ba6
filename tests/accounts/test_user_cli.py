"""`gehecht user ...`, `gehecht db ...`: the instance administrator's tools (no e-mail needed)."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from gehecht.cli import app
from tests.dbtesting import log_in, make_user

runner = CliRunner()


def run(database, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [*args, "--database", database.url], input=input)


def test_it_creates_an_admin_account_from_stdin(db, journal_app):
    result = run(db, "user", "create", "beheer", "--role", "hulpverlener", "--admin", "--password-stdin",
                 input="een lange zin als wachtwoord\n")
    assert result.exit_code == 0, result.output
    listed = [json.loads(line) for line in run(db, "user", "list", "--json").stdout.splitlines()]
    assert listed == [{"username": "beheer", "name": "beheer", "role": "hulpverlener", "admin": True,
                       "must_change_password": False, "created": listed[0]["created"]}]
    assert log_in(TestClient(journal_app), "beheer").status_code == 303


def test_it_refuses_a_weak_password_with_a_clear_message(db):
    result = run(db, "user", "create", "anna", "--password-stdin", input="kort\n")
    assert result.exit_code == 2
    assert "minstens 12 tekens" in result.output
    assert "Traceback" not in result.output


def test_it_resets_a_forgotten_password_and_ends_sessions(db, journal_app):
    make_user(db, "anna")
    phone = TestClient(journal_app)
    log_in(phone, "anna")
    result = run(db, "user", "reset", "anna")
    assert result.exit_code == 0, result.output
    temporary = result.stdout.split("temporary password: ")[1].strip()
    assert phone.get("/account", follow_redirects=False).status_code == 303
    client = TestClient(journal_app)
    assert log_in(client, "anna", temporary).headers["location"] == "/account?wijzig=1"
    assert log_in(TestClient(journal_app), "anna").status_code == 401


def test_it_sets_a_chosen_password(db, journal_app):
    make_user(db, "anna")
    result = run(db, "user", "set-password", "anna", "--password-stdin", input="een gekozen lange zin\n")
    assert result.exit_code == 0, result.output
    assert log_in(TestClient(journal_app), "anna", "een gekozen lange zin").status_code == 303


def test_it_toggles_the_admin_flag(db):
    make_user(db, "anna")
    assert run(db, "user", "set-admin", "anna").exit_code == 0
    assert json.loads(run(db, "user", "list", "--json").stdout)["admin"] is True
    assert run(db, "user", "set-admin", "anna", "--off").exit_code == 0
    assert json.loads(run(db, "user", "list", "--json").stdout)["admin"] is False


def test_it_deletes_an_account(db):
    make_user(db, "anna")
    assert run(db, "user", "delete", "anna", "--yes").exit_code == 0
    assert run(db, "user", "list", "--json").stdout.strip() == ""


def test_it_names_an_unknown_user(db):
    result = run(db, "user", "delete", "niemand", "--yes")
    assert result.exit_code == 2 and "niemand" in result.output


def test_it_reports_the_schema_revision(db):
    from gehecht.db import head_revision

    assert run(db, "db", "upgrade").exit_code == 0
    result = run(db, "db", "current")
    assert result.stdout.count(head_revision()) == 2


def test_it_says_clearly_when_the_database_cannot_be_reached():
    result = runner.invoke(app, ["user", "list", "--database", "postgresql+psycopg://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 2
    assert "cannot open the database" in result.output and "Traceback" not in result.output
