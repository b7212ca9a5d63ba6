"""Log-in rate limits, per account and per client address, counted in the database."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from gehecht.accounts import ratelimit
from gehecht.db.models import LoginAttempt
from tests.dbtesting import log_in, make_user

WRONG = "een verkeerde lange zin"


def test_it_blocks_an_account_after_five_failures_even_with_the_right_password(db, journal_app):
    make_user(db, "anna")
    client = TestClient(journal_app)
    for _ in range(5):
        assert log_in(client, "anna", WRONG).status_code == 401
    response = log_in(client, "anna")
    assert response.status_code == 429
    assert "Te veel mislukte pogingen" in response.text


def test_it_blocks_the_account_from_every_address(db, journal_app):
    make_user(db, "anna")
    with db.session() as s:
        for _ in range(5):
            ratelimit.count(s, ratelimit.ACCOUNT_FAILURES, "anna")
    assert log_in(TestClient(journal_app), "anna").status_code == 429


def test_it_does_not_block_other_accounts_for_one_accounts_failures(db, journal_app):
    make_user(db, "anna")
    make_user(db, "bert")
    client = TestClient(journal_app)
    for _ in range(5):
        log_in(client, "anna", WRONG)
    assert log_in(client, "bert").status_code == 303


def test_it_blocks_an_address_that_tries_many_accounts(db, journal_app):
    make_user(db, "bert")
    client = TestClient(journal_app)
    for n in range(ratelimit.ADDRESS_FAILURES.attempts):
        assert log_in(client, f"gok{n}", WRONG).status_code == 401
    assert log_in(client, "bert").status_code == 429


def test_it_lets_an_account_in_again_after_the_window(db, journal_app):
    make_user(db, "anna")
    client = TestClient(journal_app)
    for _ in range(5):
        log_in(client, "anna", WRONG)
    with db.session() as s:
        for attempt in s.scalars(select(LoginAttempt)):
            attempt.at -= timedelta(minutes=16)
    assert log_in(client, "anna").status_code == 303


def test_it_stores_no_plain_user_names_or_addresses_in_the_counters(db, journal_app):
    make_user(db, "anna")
    log_in(TestClient(journal_app), "anna", WRONG)
    with db.session() as s:
        keys = s.scalars(select(LoginAttempt.key)).all()
    assert keys and all("anna" not in k and "testclient" not in k for k in keys)


def test_it_limits_sign_ups_per_address(db, journal_app):
    from tests.dbtesting import sign_up

    client = TestClient(journal_app)
    for n in range(ratelimit.ADDRESS_SIGNUPS.attempts):
        assert sign_up(client, f"nieuw{n}").status_code == 303
        client.cookies.clear()
    assert sign_up(client, "nog.een").status_code == 429
