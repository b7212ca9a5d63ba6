"""Deleting an account removes its data from the database itself (checked with raw SQL)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import text

from gehecht.accounts import ratelimit
from gehecht.db.backup import tables
from tests.dbtesting import PASSWORD, csrf_of, log_in, make_child, make_observation, make_user, signed_in

MARKERS = ("verdwijn.ouder", "Verdwijnnaam", "Zzyzxkind", "UNIEKE-OBSERVATIE", "UNIEKE-NOTITIE", "UNIEKE-REACTIE")


def everything_as_text(database) -> str:
    """Every value in every table, as one string (raw SQL, no ORM)."""
    with database.engine.connect() as connection:
        chunks = []
        for table in tables():
            for row in connection.execute(text(f"SELECT * FROM {table.name}")):
                chunks.append(" ".join(str(v) for v in row))
        connection.rollback()
    return "\n".join(chunks)


def count(database, sql: str, **params) -> int:
    with database.engine.connect() as connection:
        value = connection.execute(text(sql), params).scalar_one()
        connection.rollback()
        return value


def populate(database, journal_app):
    parent = make_user(database, "verdwijn.ouder", "ouder", "Verdwijnnaam")
    child = make_child(database, parent, "Zzyzxkind")
    observation = make_observation(database, parent, child, situation="UNIEKE-OBSERVATIE", notes="UNIEKE-NOTITIE",
                                   need="troost-mij", score=2, signals=["driftbuien"])
    professional = make_user(database, "hulp.henk", "hulpverlener", "Henk")
    owner = signed_in(journal_app, database, parent)
    assert owner.post(f"/dagboek/{child.id}/delen", {"gebruikersnaam": "hulp.henk", "niveau": "reageren"}).status_code == 303
    pro = signed_in(journal_app, database, professional)
    assert pro.get(f"/dagboek/{child.id}/").status_code == 200
    assert pro.post(f"/dagboek/{child.id}/reacties", {"tekst": "UNIEKE-REACTIE", "observatie": observation}).status_code == 303
    other = make_user(database, "olga", "ouder", "Olga")
    others_child = make_child(database, other, "Sem")
    make_observation(database, other, others_child, situation="van Sem")
    return parent, child, professional, other


def test_it_removes_every_row_of_a_deleted_parent(db, journal_app):
    parent, child, professional, other = populate(db, journal_app)
    client = TestClient(journal_app)
    log_in(client, "verdwijn.ouder", "een verkeerde lange zin")  # a counted failure
    log_in(client, "verdwijn.ouder")
    assert any(m in everything_as_text(db) for m in MARKERS)
    page = client.get("/account")
    response = client.post("/account/verwijderen", data={"csrf_token": csrf_of(page.text), "wachtwoord": PASSWORD,
                                                         "bevestig": "ja"}, follow_redirects=False)
    assert response.status_code == 200 and "is verwijderd" in response.text
    assert "Max-Age=0" in response.headers["set-cookie"]

    assert count(db, "SELECT COUNT(*) FROM users WHERE id = :id", id=parent.id) == 0
    assert count(db, "SELECT COUNT(*) FROM children WHERE owner_id = :id", id=parent.id) == 0
    for table in ("observations", "comments", "shares"):
        assert count(db, f"SELECT COUNT(*) FROM {table} WHERE child_id = :id", id=child.id) == 0
    assert count(db, "SELECT COUNT(*) FROM sessions WHERE user_id = :id", id=parent.id) == 0
    assert count(db, "SELECT COUNT(*) FROM audit_log WHERE owner_id = :id OR actor_id = :id OR child_id = :c",
                 id=parent.id, c=child.id) == 0
    key = ratelimit.key(ratelimit.ACCOUNT_FAILURES, "verdwijn.ouder")
    assert count(db, "SELECT COUNT(*) FROM login_attempts WHERE key = :k", k=key) == 0
    remaining = everything_as_text(db)
    for marker in MARKERS:
        assert marker not in remaining, marker
    # the other family and the professional are untouched
    assert count(db, "SELECT COUNT(*) FROM observations WHERE situation = 'van Sem'") == 1
    assert count(db, "SELECT COUNT(*) FROM users WHERE id IN (:a, :b)", a=other.id, b=professional.id) == 2
    assert log_in(TestClient(journal_app), "verdwijn.ouder").status_code == 401


def test_it_removes_a_professionals_comments_and_name_from_the_parents_log(db, journal_app):
    parent, child, professional, _ = populate(db, journal_app)
    pro = signed_in(journal_app, db, professional)
    page = pro.get("/account")
    response = pro.post("/account/verwijderen", {"wachtwoord": PASSWORD, "bevestig": "ja"})
    assert response.status_code == 200
    assert csrf_of(page.text)
    assert count(db, "SELECT COUNT(*) FROM comments WHERE author_id = :id", id=professional.id) == 0
    assert count(db, "SELECT COUNT(*) FROM shares WHERE grantee_id = :id", id=professional.id) == 0
    assert "Henk" not in everything_as_text(db)  # not as commenter, reader, nor in "access given to"
    assert count(db, "SELECT COUNT(*) FROM audit_log WHERE owner_id = :id AND actor_label LIKE 'verwijderd account%'",
                 id=parent.id) >= 1
    assert count(db, "SELECT COUNT(*) FROM observations WHERE child_id = :id", id=child.id) == 1


def test_it_needs_the_password_and_a_confirmation_to_delete(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    assert parent.post("/account/verwijderen", {"wachtwoord": "fout fout fout", "bevestig": "ja"}).status_code == 422
    assert parent.post("/account/verwijderen", {"wachtwoord": PASSWORD}).status_code == 422
    assert count(db, "SELECT COUNT(*) FROM users WHERE username = 'anna'") == 1


def test_it_deletes_a_child_with_its_journal_but_keeps_the_log_entry(db, journal_app):
    parent, child, _, _ = populate(db, journal_app)
    person = signed_in(journal_app, db, parent)
    assert person.post(f"/dagboek/{child.id}/verwijderen", {"bevestig": "ja"}).status_code == 303
    for table in ("observations", "comments", "shares"):
        assert count(db, f"SELECT COUNT(*) FROM {table} WHERE child_id = :id", id=child.id) == 0
    assert count(db, "SELECT COUNT(*) FROM children WHERE id = :id", id=child.id) == 0
    assert count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'kind.verwijderen' AND owner_id = :id",
                 id=parent.id) == 1
