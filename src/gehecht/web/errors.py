"""What a visitor sees when something below the web layer fails: a Dutch page, never a stack trace.

The database can be unreachable (PostgreSQL restarting), full or read-only. The request's
transaction has then been rolled back, so nothing half-written remains: the visitor gets HTTP 503
with `Retry-After` and a plain Dutch explanation, and what was stored before stays stored. The log
gets the kind of failure, never the statement or its parameters (they could hold journal text)."""

from __future__ import annotations

import logging
import sqlite3

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import exc as sa

from .templating import render

log = logging.getLogger("gehecht.web")
RETRY_AFTER_SECONDS = 30
UNAVAILABLE_MESSAGE = ("De opslag van Gehecht is op dit moment niet bereikbaar, vol of alleen-lezen. "
                       "Wat u net wilde opslaan, is niet bewaard; wat al bewaard was, blijft bewaard. "
                       "Probeer het over een paar minuten opnieuw.")
READ_ONLY_SQLSTATE = "25006"  # PostgreSQL: read-only transaction (a standby, or default_transaction_read_only)


def storage_unavailable(error: BaseException) -> bool:
    """True for failures of the storage itself (down, restarting, full, read-only, locked too long),
    as opposed to bugs (a constraint violated, bad SQL), which stay HTTP 500."""
    if isinstance(error, (sa.OperationalError, sa.InterfaceError, sa.TimeoutError)):
        return True
    if isinstance(error, sa.DBAPIError):
        orig = error.orig
        if getattr(orig, "sqlstate", None) == READ_ONLY_SQLSTATE:
            return True
        return type(orig) is sqlite3.DatabaseError  # e.g. "database disk image is malformed"
    return False


def describe(error: BaseException) -> str:
    """The failure's kind and the driver's first line, without SQL or parameters (safe to log)."""
    orig = getattr(error, "orig", None) or error
    first_line = str(orig).strip().splitlines()[0] if str(orig).strip() else ""
    return f"{type(orig).__name__}: {first_line[:200]}"


def unavailable(request: Request) -> Response:
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS), "Cache-Control": "no-store"}
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": UNAVAILABLE_MESSAGE}, status_code=503, headers=headers)
    response = render(request, "503.html", status_code=503, detail=UNAVAILABLE_MESSAGE)
    response.headers.update(headers)
    return response


def install(app: FastAPI) -> None:
    """Register the handlers: storage failures → 503, anything else unexpected → a Dutch 500 page."""

    async def database_error(request: Request, error: Exception) -> Response:
        if storage_unavailable(error):
            log.error("opslag niet beschikbaar bij %s %s: %s", request.method, request.url.path, describe(error))
            return unavailable(request)
        return await server_error(request, error)

    async def server_error(request: Request, error: Exception) -> Response:
        # Starlette logs the traceback after this handler; the engines hide SQL parameters.
        log.error("fout bij %s %s: %s", request.method, request.url.path, type(error).__name__)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": "Er ging iets mis aan onze kant."}, status_code=500)
        return render(request, "error.html", status_code=500, detail="")

    app.add_exception_handler(sa.SQLAlchemyError, database_error)
    app.add_exception_handler(Exception, server_error)
