"""Many parents logging in at the same moment: all get in, none waits for a timeout. Before the
database concurrency limit (gehecht.web.limits), 50 simultaneous log-ins filled every worker thread
with requests waiting for SQLite's write lock while the request holding it waited for a thread,
until the 30 s busy timeout failed them with 503 (found by bench/load)."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from gehecht.db.models import User
from tests.dbtesting import PASSWORD, csrf_of, serve_in_thread

VISITORS = 60


async def log_in_all(base_url: str) -> list[int]:
    async def one(n: int) -> int:
        async with httpx.AsyncClient(base_url=base_url, timeout=60, follow_redirects=False) as client:
            token = csrf_of((await client.get("/account/inloggen")).text)
            response = await client.post("/account/inloggen", data={
                "csrf_token": token, "gebruikersnaam": f"ouder{n:03d}", "wachtwoord": PASSWORD})
            return response.status_code

    return list(await asyncio.gather(*(one(n) for n in range(VISITORS))))


def test_sixty_simultaneous_log_ins_all_succeed_quickly(db, journal_app):
    from gehecht.accounts.passwords import hash_password

    hashed = hash_password(PASSWORD)
    with db.session() as s:
        s.add_all(User(username=f"ouder{n:03d}", display_name=f"Ouder {n}", password_hash=hashed, role="ouder")
                  for n in range(VISITORS))
    url, stop = serve_in_thread(journal_app)
    try:
        started = time.perf_counter()
        with ThreadPoolExecutor(1) as pool:  # a loop of its own (Playwright may hold this thread's)
            statuses = pool.submit(asyncio.run, log_in_all(url)).result(timeout=120)
        seconds = time.perf_counter() - started
    finally:
        stop()
    assert statuses == [303] * VISITORS, sorted(set(statuses))
    assert seconds < 20, f"{seconds:.1f} s"
