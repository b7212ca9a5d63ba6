"""Backup → wipe → restore gives identical data, on both databases and between them."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from gehecht.accounts import ratelimit
from gehecht.cli import app as cli
from gehecht.db import open_database
from gehecht.db.backup import BackupError, dump, is_empty, restore, tables, wipe
from tests.dbtesting import make_child, make_observation, make_share, make_user, signed_in


def snapshot(database) -> dict[str, list[tuple]]:
    """Every row of every table, ordered by primary key, as typed Python values (comparable across
    SQLite and PostgreSQL)."""
    result = {}
    with database.engine.connect() as connection:
        for table in tables():
            rows = connection.execute(select(table).order_by(*table.primary_key.columns)).all()
            result[table.name] = [tuple(row) for row in rows]
        connection.rollback()
    return result


def populate(db, journal_app) -> None:
    anna = make_user(db, "anna", "ouder", "Anna de Vries")
    lara = make_child(db, anna, "Lára 🌳")
    make_observation(db, anna, lara, situation="aankleden, 'quotes' en \"meer\"", need="troost-mij", score=2,
                     signals=["driftbuien", "dubbele-signalen"], responses=["benoemd"], child_did="regel 1\nregel 2",
                     notes="ü é ß — ✓")
    make_observation(db, anna, lara, need=None, score=None, situation="zonder behoefte")
    henk = make_user(db, "hulp.henk", "hulpverlener", "Henk")
    make_share(db, lara, henk, "reageren")
    pro = signed_in(journal_app, db, henk)
    pro.get(f"/dagboek/{lara.id}/")
    pro.post(f"/dagboek/{lara.id}/reacties", {"tekst": "Mooi."})
    with db.session() as s:
        ratelimit.count(s, ratelimit.ACCOUNT_FAILURES, "anna")


def test_backup_wipe_restore_gives_identical_data(db, journal_app):
    populate(db, journal_app)
    before = snapshot(db)
    assert all(before.values()), [name for name, rows in before.items() if not rows]
    buffer = io.StringIO()
    counts = dump(db, buffer)
    assert counts == {name: len(rows) for name, rows in before.items()}
    wipe(db)
    assert is_empty(db)
    restored = restore(db, io.StringIO(buffer.getvalue()))
    assert restored == counts
    assert snapshot(db) == before


def test_it_keeps_working_after_a_restore(db, journal_app):
    populate(db, journal_app)
    buffer = io.StringIO()
    dump(db, buffer)
    wipe(db)
    restore(db, io.StringIO(buffer.getvalue()))
    with db.session() as s:
        from gehecht.db.models import User

        anna = s.scalars(select(User).where(User.username == "anna")).one()
    child_id = snapshot(db)["children"][0][0]
    response = signed_in(journal_app, db, anna).post(f"/dagboek/{child_id}/observaties", {"behoefte": "help-mij"})
    assert response.status_code == 303  # new audit rows get fresh ids (sequences moved on)


def test_it_refuses_to_restore_over_existing_data_without_force(db, journal_app):
    populate(db, journal_app)
    buffer = io.StringIO()
    dump(db, buffer)
    before = snapshot(db)
    make_user(db, "extra")
    with pytest.raises(BackupError, match="not empty"):
        restore(db, io.StringIO(buffer.getvalue()))
    restore(db, io.StringIO(buffer.getvalue()), force=True)
    assert snapshot(db) == before


def test_it_refuses_a_file_that_is_not_a_backup_or_is_cut_short(db, journal_app):
    with pytest.raises(BackupError):
        restore(db, io.StringIO("hello\n"))
    populate(db, journal_app)
    buffer = io.StringIO()
    dump(db, buffer)
    wipe(db)
    lines = buffer.getvalue().splitlines()
    with pytest.raises(BackupError, match="incomplete"):
        restore(db, io.StringIO("\n".join(lines[:-2]) + "\n"))
    assert is_empty(db)  # all or nothing


def test_it_refuses_a_backup_of_another_schema(db):
    header = {"format": "gehecht-backup", "version": 1, "schema": "9999", "tables": {}}
    with pytest.raises(BackupError, match="schema"):
        restore(db, io.StringIO(json.dumps(header) + "\n"))


def test_the_cli_backs_up_and_restores_with_force(db, journal_app, tmp_path):
    populate(db, journal_app)
    before = snapshot(db)
    target = tmp_path / "backup.jsonl"
    runner = CliRunner()
    result = runner.invoke(cli, ["backup", str(target), "--database", db.url])
    assert result.exit_code == 0, result.output
    assert target.stat().st_mode & 0o077 == 0  # personal data: owner only
    refused = runner.invoke(cli, ["restore", str(target), "--database", db.url])
    assert refused.exit_code == 1 and "--force" in refused.output
    wipe(db)
    assert runner.invoke(cli, ["restore", str(target), "--database", db.url]).exit_code == 0
    assert snapshot(db) == before


@pytest.mark.postgres
def test_a_backup_moves_from_sqlite_to_postgresql(db, journal_app, postgres_url, tmp_path):
    """An organisation starts on SQLite and moves to PostgreSQL with one file."""
    populate(db, journal_app)
    before = snapshot(db)
    buffer = io.StringIO()
    dump(db, buffer)
    target_url = f"sqlite:///{tmp_path / 'other.db'}" if db.dialect == "postgresql" else postgres_url
    other = db if db.url == target_url else open_database(target_url)
    try:
        wipe(other)
        restore(other, io.StringIO(buffer.getvalue()))
        assert snapshot(other) == before
    finally:
        wipe(other)
        if other is not db:
            other.dispose()
