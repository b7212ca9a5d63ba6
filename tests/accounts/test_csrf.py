"""CSRF: a synchroniser token per session, checked on every POST of the account and journal pages."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.dbtesting import log_in, make_child, make_user, signed_in


def post_routes(app) -> list[str]:  # type: ignore[no-untyped-def]
    """Every POST route of the account and journal pages, as the app itself lists them."""
    return sorted(path for path, methods in app.openapi()["paths"].items()
                  if "post" in methods and path.startswith(("/account", "/dagboek")))


def test_it_rejects_a_post_without_a_token(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    response = parent.client.post("/dagboek/kinderen", data={"naam": "Lara", "geboortemaand": "2021-03"},
                                  follow_redirects=False)
    assert response.status_code == 403
    assert "formulier is verlopen" in response.text


def test_it_rejects_a_wrong_token_and_another_sessions_token(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    other = signed_in(journal_app, db, make_user(db, "olga"))
    for token in ("x" * 43, other.csrf, ""):
        response = parent.client.post("/dagboek/kinderen", data={"csrf_token": token, "naam": "Lara",
                                                                  "geboortemaand": "2021-03"}, follow_redirects=False)
        assert response.status_code == 403


def test_it_accepts_the_sessions_own_token_in_the_form_or_header(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    assert parent.post("/dagboek/kinderen", {"naam": "Lara", "geboortemaand": "2021-03"}).status_code == 303
    response = parent.client.post("/dagboek/kinderen", data={"naam": "Sem", "geboortemaand": "2020-03"},
                                  headers={"X-CSRF-Token": parent.csrf}, follow_redirects=False)
    assert response.status_code == 303


def test_it_rejects_a_cross_site_post_even_with_a_valid_token(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    for headers in ({"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"},
                    {"Sec-Fetch-Site": "same-site"}):
        response = parent.post("/dagboek/kinderen", {"naam": "Lara", "geboortemaand": "2021-03"}, headers=headers)
        assert response.status_code == 403


def test_it_accepts_the_null_origin_browsers_send_under_no_referrer(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    headers = {"Origin": "null", "Sec-Fetch-Site": "same-origin"}
    assert parent.post("/dagboek/kinderen", {"naam": "Lara", "geboortemaand": "2021-03"}, headers=headers).status_code == 303
    own_origin = {"Origin": "http://testserver"}
    assert parent.post("/dagboek/kinderen", {"naam": "Sem", "geboortemaand": "2021-03"}, headers=own_origin).status_code == 303


def test_it_protects_the_log_in_form_too(db, journal_app):
    make_user(db, "anna")
    response = TestClient(journal_app).post("/account/inloggen", data={"gebruikersnaam": "anna",
                                                                       "wachtwoord": "een lange zin als wachtwoord"},
                                            follow_redirects=False)
    assert response.status_code == 403


def test_it_gives_a_new_token_with_the_new_session_at_log_in(db, journal_app):
    make_user(db, "anna")
    client = TestClient(journal_app)
    from tests.dbtesting import csrf_of

    before = csrf_of(client.get("/account/inloggen").text)
    log_in(client, "anna")
    assert csrf_of(client.get("/dagboek").text) != before


def test_every_account_and_journal_post_route_checks_the_token(db, journal_app):
    routes = post_routes(journal_app)
    assert len(routes) >= 14
    anna = make_user(db, "anna")
    child = make_child(db, anna)
    parent = signed_in(journal_app, db, anna)
    for path in routes:
        url = path.format(child_id=child.id, observation_id="x", share_id="x", comment_id="x")
        response = parent.client.post(url, data={"naam": "x"}, follow_redirects=False)
        assert response.status_code == 403, path


@pytest.mark.parametrize("path", ["/account/inloggen", "/account/aanmelden", "/dagboek", "/account"])
def test_it_renders_forms_without_inline_script_or_style(db, journal_app, path):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    client = parent.client if path in ("/dagboek", "/account") else TestClient(journal_app)
    html = client.get(path).text
    assert "style=" not in html and "<style" not in html
    assert "<script>" not in html and "onclick" not in html.lower()
