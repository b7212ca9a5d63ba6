"""How many account and journal requests may use the database at the same time.

Why a limit: a request's database work runs in worker threads (the dependency that opens the
transaction, the view, the commit), and between those steps the request holds its transaction,
on SQLite the one write lock, on PostgreSQL a pooled connection, while holding no thread. When
more such requests arrive than there are threads, every thread can end up waiting for the lock
or for a connection while the holder waits for a thread: nothing moves until the busy or pool
timeout (30 s) fails them all. Load tests with 50 visitors hit exactly that (bench/load).

Requests over the limit wait here, in the event loop, without taking a thread; they are let in
in arrival order. SQLite writes one transaction at a time anyway, so a few at once is enough there
(and they queue fairly here instead of polling the busy handler); PostgreSQL gets fewer than its
pool holds."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from weakref import WeakKeyDictionary

from starlette.types import ASGIApp, Receive, Scope, Send

DATABASE_PREFIXES = ("/account", "/dagboek")
SQLITE_CONCURRENCY = 4
OTHER_CONCURRENCY = 16  # below the pool (10 + 20 overflow) and the 40 worker threads


def concurrency_for(dialect: str) -> int:
    return SQLITE_CONCURRENCY if dialect == "sqlite" else OTHER_CONCURRENCY


class DatabaseConcurrencyLimit:
    """Pure ASGI middleware: at most `limit` database-backed requests in flight per process."""

    def __init__(self, app: ASGIApp, dialect_of: Callable[[], str]) -> None:
        self.app = app
        self.dialect_of = dialect_of
        # one semaphore per event loop (tests start several loops in one process)
        self._semaphores: WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = WeakKeyDictionary()

    def semaphore(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        if loop not in self._semaphores:
            self._semaphores[loop] = asyncio.Semaphore(concurrency_for(self.dialect_of()))
        return self._semaphores[loop]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(DATABASE_PREFIXES):
            await self.app(scope, receive, send)
            return
        async with self.semaphore():
            await self.app(scope, receive, send)
