"""The log-in rate limit also holds when the guesses come all at once, in parallel, as a script
would send them (tests/accounts checks it one request at a time). On SQLite requests queue for
the write lock anyway; on PostgreSQL several app processes check the counters at the same moment."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx

from gehecht.accounts import ratelimit
from tests.dbtesting import PASSWORD, csrf_of, make_user, serve_in_thread

WRONG = "een verkeerde lange zin"
PARALLEL = 24


def attempt(base_url: str, password: str) -> int:
    with httpx.Client(base_url=base_url, timeout=60, follow_redirects=False) as client:
        token = csrf_of(client.get("/account/inloggen").text)
        return client.post("/account/inloggen", data={"csrf_token": token, "gebruikersnaam": "anna",
                                                      "wachtwoord": password}).status_code


def test_parallel_guesses_get_no_more_tries_than_the_limit(db, journal_app):
    make_user(db, "anna")
    url, stop = serve_in_thread(journal_app)
    try:
        with ThreadPoolExecutor(PARALLEL) as pool:
            statuses = list(pool.map(lambda _n: attempt(url, WRONG), range(PARALLEL)))
        assert statuses.count(401) <= ratelimit.ACCOUNT_FAILURES.attempts, statuses
        assert statuses.count(429) >= PARALLEL - ratelimit.ACCOUNT_FAILURES.attempts
        assert attempt(url, PASSWORD) == 429  # even the right password waits out the window
    finally:
        stop()
