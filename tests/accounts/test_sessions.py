"""Server-side sessions: fixation, cookie flags, expiry, rotation on password change."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from gehecht.accounts import sessions
from gehecht.db.models import LoginSession
from tests.dbtesting import PASSWORD, csrf_of, log_in, make_user


def test_it_starts_a_new_session_at_log_in_so_a_planted_session_is_useless(db, journal_app):
    make_user(db, "anna")
    victim = TestClient(journal_app)
    victim.get("/account/inloggen")  # an anonymous session, as an attacker could plant it
    planted = victim.cookies.get(sessions.COOKIE_NAME)
    assert planted
    log_in(victim, "anna")
    assert victim.cookies.get(sessions.COOKIE_NAME) != planted
    attacker = TestClient(journal_app)
    attacker.cookies.set(sessions.COOKIE_NAME, planted, domain="testserver.local")
    assert attacker.get("/account", follow_redirects=False).status_code == 303
    with db.session() as s:
        assert s.get(LoginSession, sessions.digest(planted)) is None


def test_it_ignores_a_session_id_the_server_never_issued(db, journal_app):
    make_user(db, "anna")
    client = TestClient(journal_app)
    client.cookies.set(sessions.COOKIE_NAME, "chosen-by-attacker", domain="testserver.local")
    log_in(client, "anna")
    assert client.cookies.get(sessions.COOKIE_NAME) != "chosen-by-attacker"
    with db.session() as s:
        assert s.get(LoginSession, sessions.digest("chosen-by-attacker")) is None


def test_it_stores_only_a_hash_of_the_session_token(db, journal_app):
    make_user(db, "anna")
    client = TestClient(journal_app)
    log_in(client, "anna")
    token = client.cookies.get(sessions.COOKIE_NAME)
    with db.session() as s:
        ids = s.scalars(select(LoginSession.id)).all()
    assert token not in ids and sessions.digest(token) in ids


def test_it_sets_httponly_and_samesite_lax_on_the_cookie(db, journal_app):
    make_user(db, "anna")
    response = log_in(TestClient(journal_app), "anna")
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain http (local use)


def test_it_marks_the_cookie_secure_under_https(db, journal_app):
    make_user(db, "anna")
    assert "Secure" in log_in(TestClient(journal_app, base_url="https://testserver"), "anna").headers["set-cookie"]
    behind_proxy = TestClient(journal_app, headers={"X-Forwarded-Proto": "https"})  # TLS ends at the proxy
    assert "Secure" in behind_proxy.get("/account/inloggen").headers["set-cookie"]


def test_it_forbids_caching_of_private_pages(db, journal_app):
    make_user(db, "anna")
    client = TestClient(journal_app)
    log_in(client, "anna")
    assert client.get("/dagboek").headers["cache-control"] == "no-store"
    assert client.get("/account").headers["cache-control"] == "no-store"


def test_it_ends_a_session_after_thirty_idle_minutes(db, journal_app):
    make_user(db, "anna")
    client = TestClient(journal_app)
    log_in(client, "anna")
    assert client.get("/account", follow_redirects=False).status_code == 200
    with db.session() as s:
        for row in s.scalars(select(LoginSession)):
            row.last_seen_at -= timedelta(minutes=31)
    assert client.get("/account", follow_redirects=False).status_code == 303


def test_it_ends_a_session_after_twelve_hours_however_active(db, journal_app):
    make_user(db, "anna")
    client = TestClient(journal_app)
    log_in(client, "anna")
    with db.session() as s:
        s.execute(update(LoginSession).values(expires_at=LoginSession.created_at))
    assert client.get("/account", follow_redirects=False).status_code == 303


def test_it_rotates_the_session_and_ends_the_others_on_password_change(db, journal_app):
    make_user(db, "anna")
    phone, laptop = TestClient(journal_app), TestClient(journal_app)
    log_in(phone, "anna")
    log_in(laptop, "anna")
    before = laptop.cookies.get(sessions.COOKIE_NAME)
    page = laptop.get("/account")
    response = laptop.post("/account/wachtwoord", data={"csrf_token": csrf_of(page.text), "huidig": PASSWORD,
                                                        "nieuw": "een nieuwe lange zin", "nieuw2": "een nieuwe lange zin"},
                           follow_redirects=False)
    assert response.headers["location"] == "/account?gewijzigd=1"
    assert laptop.cookies.get(sessions.COOKIE_NAME) != before
    assert laptop.get("/account", follow_redirects=False).status_code == 200
    assert phone.get("/account", follow_redirects=False).status_code == 303
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(LoginSession)) == 1


def test_it_refuses_a_password_change_with_the_wrong_current_password(db, journal_app):
    make_user(db, "anna")
    client = TestClient(journal_app)
    log_in(client, "anna")
    page = client.get("/account")
    response = client.post("/account/wachtwoord", data={"csrf_token": csrf_of(page.text), "huidig": "fout fout fout",
                                                        "nieuw": "een nieuwe lange zin", "nieuw2": "een nieuwe lange zin"})
    assert response.status_code == 422 and "huidige wachtwoord klopt niet" in response.text
    client.cookies.clear()
    assert log_in(client, "anna").status_code == 303


def test_it_logs_out_on_every_device_at_once(db, journal_app):
    make_user(db, "anna")
    phone, laptop = TestClient(journal_app), TestClient(journal_app)
    log_in(phone, "anna")
    log_in(laptop, "anna")
    page = laptop.get("/account")
    assert "Ingelogd op 2 apparaten of browsers" in page.text
    response = laptop.post("/account/overal-uitloggen", data={"csrf_token": csrf_of(page.text)}, follow_redirects=False)
    assert response.status_code == 303
    assert phone.get("/account", follow_redirects=False).status_code == 303
    assert laptop.get("/account", follow_redirects=False).status_code == 303
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(LoginSession).where(LoginSession.user_id.is_not(None))) == 0
