"""Signing up, logging in and out through the web pages."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.dbtesting import csrf_of, log_in, make_user, sign_up


def test_it_signs_up_a_parent_and_logs_them_in(db, journal_app):
    client = TestClient(journal_app)
    response = sign_up(client, "Anna.deVries", naam="Anna")
    assert response.status_code == 303 and response.headers["location"].startswith("/dagboek")
    page = client.get("/dagboek")
    assert "Ingelogd als <strong>Anna</strong>" in page.text
    assert "Kind toevoegen" in page.text


def test_it_stores_the_user_name_in_lower_case(db, journal_app):
    client = TestClient(journal_app)
    sign_up(client, "Anna.deVries")
    client.cookies.clear()
    assert log_in(client, "anna.devries").status_code == 303


def test_it_refuses_a_taken_user_name(db, journal_app):
    make_user(db, "anna")
    response = sign_up(TestClient(journal_app), "ANNA")
    assert response.status_code == 422
    assert "al in gebruik" in response.text


def test_it_refuses_a_weak_or_mistyped_password(db, journal_app):
    assert sign_up(TestClient(journal_app), "anna", password="kort").status_code == 422
    response = sign_up(TestClient(journal_app), "anna2", again="iets anders dan dat")
    assert response.status_code == 422 and "niet gelijk" in response.text


def test_it_refuses_an_unknown_role(db, journal_app):
    assert sign_up(TestClient(journal_app), "anna", role="beheerder").status_code == 422


def test_it_gives_the_same_answer_for_unknown_user_and_wrong_password(db, journal_app):
    make_user(db, "anna")
    unknown = log_in(TestClient(journal_app), "niemand", "een lange zin als wachtwoord")
    wrong = log_in(TestClient(journal_app), "anna", "een verkeerde lange zin")
    assert unknown.status_code == wrong.status_code == 401
    assert "Gebruikersnaam of wachtwoord klopt niet." in unknown.text
    assert "Gebruikersnaam of wachtwoord klopt niet." in wrong.text


def test_it_returns_to_the_requested_page_after_log_in(db, journal_app):
    make_user(db, "anna")
    client = TestClient(journal_app)
    first = client.get("/account", follow_redirects=False)
    assert first.headers["location"] == "/account/inloggen?volgende=/account"
    assert log_in(client, "anna", volgende="/account").headers["location"] == "/account"


def test_it_never_redirects_off_site_after_log_in(db, journal_app):
    make_user(db, "anna")
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"):
        client = TestClient(journal_app)
        assert log_in(client, "anna", volgende=target).headers["location"] == "/dagboek"


def test_it_logs_out_on_the_server_too(db, journal_app):
    make_user(db, "anna")
    client = TestClient(journal_app)
    log_in(client, "anna")
    old_cookie = client.cookies.get("gehecht_sessie")
    page = client.get("/dagboek")
    response = client.post("/account/uitloggen", data={"csrf_token": csrf_of(page.text)}, follow_redirects=False)
    assert response.status_code == 303
    assert "Max-Age=0" in response.headers["set-cookie"]
    replay = TestClient(journal_app)
    replay.cookies.set("gehecht_sessie", old_cookie, domain="testserver.local")
    assert replay.get("/account", follow_redirects=False).status_code == 303  # back to log in


def test_it_records_log_ins_and_failed_attempts_in_the_users_log(db, journal_app):
    make_user(db, "anna")
    client = TestClient(journal_app)
    log_in(client, "anna", "een verkeerde lange zin")
    log_in(client, "anna")
    page = client.get("/account/logboek")
    assert "Mislukte inlogpoging" in page.text and "Ingelogd" in page.text


def test_it_forces_a_password_change_after_an_administrator_reset(db, journal_app):
    from gehecht.accounts.users import find_user, set_password

    make_user(db, "anna")
    with db.session() as s:
        set_password(s, find_user(s, "anna"), "tijdelijk-wachtwoord-123")
    client = TestClient(journal_app)
    assert log_in(client, "anna", "tijdelijk-wachtwoord-123").headers["location"] == "/account?wijzig=1"
    assert client.get("/dagboek/", follow_redirects=False).status_code in (303, 307)
    journal = client.get("/dagboek/abc/", follow_redirects=False)
    assert journal.headers["location"] == "/account?wijzig=1"
    page = client.get("/account")
    response = client.post("/account/wachtwoord", data={"csrf_token": csrf_of(page.text), "huidig": "tijdelijk-wachtwoord-123",
                                                        "nieuw": "mijn eigen nieuwe zin", "nieuw2": "mijn eigen nieuwe zin"},
                           follow_redirects=False)
    assert response.status_code == 303
    assert client.get("/dagboek").status_code == 200
