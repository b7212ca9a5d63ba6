"""Who is asking: the database per request, server-side sessions behind an HttpOnly cookie, the
CSRF check on every POST, and the signed-in user. `install(app)` is the one hook in app.py."""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import config
from ..accounts import ratelimit, sessions
from ..accounts.access import NotFound
from ..db import Database
from ..db.models import LoginSession, User
from .errors import describe, storage_unavailable
from .i18n import translate
from .preferences import preferences

JAR_KEY = "gehecht.session_cookie"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
PRIVATE_PREFIXES = ("/account", "/dagboek")
CSRF_FIELD = "csrf_token"
_open_lock = threading.Lock()
log = logging.getLogger("gehecht.web")


def database_of(app: FastAPI) -> Database:
    """The app's database, opened (and migrated) on first use if start-up did not do it."""
    if getattr(app.state, "db", None) is None:
        with _open_lock:
            if getattr(app.state, "db", None) is None:
                database = Database(config.database_url())
                try:
                    database.upgrade()
                except BaseException:
                    database.dispose()  # unreachable, full or read-only: try again at the next request
                    raise
                app.state.db = database
    return app.state.db


def open_at_start(app: FastAPI) -> None:
    """Open the database at start-up; when the storage is unavailable (down, read-only), serve the
    handbook anyway: the journal answers 503 until the database can be opened."""
    try:
        database_of(app)
    except SQLAlchemyError as exc:
        if not storage_unavailable(exc):
            raise
        log.error("database niet beschikbaar bij het starten (%s); het handboek werkt, het dagboek "
                  "antwoordt 503 tot de database terug is", describe(exc))


@dataclass
class CookieJar:
    """What the response must do with the session cookie; filled by the view, applied by the middleware."""

    token: str | None = None
    clear: bool = False


class SessionCookieMiddleware:
    """Pure ASGI: sets or clears the session cookie, and forbids caching of private pages."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        jar = scope[JAR_KEY] = CookieJar()
        private = scope["path"].startswith(PRIVATE_PREFIXES)

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                attributes = "Path=/; HttpOnly; SameSite=Lax" + ("; Secure" if _is_https(scope) else "")
                if jar.token:
                    headers.append("set-cookie", f"{sessions.COOKIE_NAME}={jar.token}; {attributes}")
                elif jar.clear:
                    headers.append("set-cookie", f"{sessions.COOKIE_NAME}=; Max-Age=0; {attributes}")
                if private or jar.token or jar.clear:
                    headers["cache-control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def _is_https(scope: Scope) -> bool:
    if scope.get("scheme") == "https":
        return True
    # Behind a TLS-terminating proxy. A forged header can only make the cookie stricter.
    for name, value in scope.get("headers", []):
        if name == b"x-forwarded-proto" and value.split(b",")[0].strip().lower() == b"https":
            return True
    return False


class Redirect(Exception):
    """Send the browser elsewhere (to log in, or to change a reset password)."""

    def __init__(self, location: str) -> None:
        self.location = location


def install(app: FastAPI) -> None:
    """Open the database at start-up (migrations run then), add the cookie middleware and the redirect."""
    app.state.db = getattr(app.state, "db", None)
    previous = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(application: Any):  # type: ignore[no-untyped-def]
        await run_in_threadpool(open_at_start, app)
        async with previous(application) as state:
            yield state
        if getattr(app.state, "db", None) is not None:
            app.state.db.dispose()  # close cleanly: SQLite checkpoints its WAL into the file

    app.router.lifespan_context = lifespan
    app.add_middleware(SessionCookieMiddleware)

    @app.exception_handler(Redirect)
    async def redirect(_request: Request, exc: Redirect) -> Response:
        return RedirectResponse(exc.location, status_code=303)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, _exc: NotFound) -> Response:
        # the site's own 404 page: outsiders cannot tell "not yours" from "does not exist"
        handler = request.app.exception_handlers[StarletteHTTPException]
        return await handler(request, StarletteHTTPException(404))


@dataclass
class Visitor:
    """The person behind a request, with the request's unit of work (`db`)."""

    request: Request
    db: Session
    row: LoginSession | None
    user: User | None
    _jar: CookieJar = field(default_factory=CookieJar)

    @property
    def csrf_token(self) -> str:
        """The session's CSRF token; an anonymous session is started for forms before log-in."""
        if self.row is None:
            sessions.prune(self.db)
            token, self.row = sessions.start(self.db, None)
            self._jar.token = token
        return self.row.csrf_token

    @property
    def client_address(self) -> str:
        return self.request.client.host if self.request.client else "onbekend"

    def log_in(self, user: User) -> None:
        """A brand-new session for this user (no session fixation): the old one is ended."""
        if self.row is not None:
            sessions.end(self.db, self.row)
        sessions.prune(self.db)
        ratelimit.prune(self.db)
        token, self.row = sessions.start(self.db, user)
        self.user = user
        self._jar.token, self._jar.clear = token, False

    def log_out(self) -> None:
        if self.row is not None:
            sessions.end(self.db, self.row)
        self.row, self.user = None, None
        self._jar.token, self._jar.clear = None, True


async def sent_csrf_token(request: Request) -> str | None:
    """The token a POST carries: the form field, or the X-CSRF-Token header (for htmx)."""
    if request.method in SAFE_METHODS:
        return None
    value: Any = request.headers.get("x-csrf-token")
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        value = (await request.form()).get(CSRF_FIELD) or value
    return value if isinstance(value, str) else None


def _same_origin(request: Request) -> bool:
    """Defence in depth beside the token. Browsers send `Origin: null` on our form posts because the
    site's Referrer-Policy is no-referrer; a real origin must be ours, and Fetch Metadata must not
    say the request came from another site."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    return origin in (None, "null") or urlsplit(origin).netloc == request.headers.get("host")


def visitor(request: Request, sent: Annotated[str | None, Depends(sent_csrf_token)]) -> Iterator[Visitor]:
    """One transaction per request (committed before the response goes out), the session, and on
    every POST the CSRF check: a synchroniser token compared in constant time, plus same-origin."""
    jar: CookieJar = request.scope.get(JAR_KEY) or CookieJar()
    with database_of(request.app).session() as db:
        row = sessions.load(db, request.cookies.get(sessions.COOKIE_NAME))
        user = db.get(User, row.user_id) if row is not None and row.user_id else None
        if request.cookies.get(sessions.COOKIE_NAME) and row is None:
            jar.clear = True
        if request.method not in SAFE_METHODS:
            if (row is None or not sent or not _same_origin(request)
                    or not secrets.compare_digest(sent.encode(), row.csrf_token.encode())):
                raise HTTPException(403, translate(preferences(request).language, "csrf_expired"))
        yield Visitor(request=request, db=db, row=row, user=user, _jar=jar)


AnyVisitor = Annotated[Visitor, Depends(visitor, scope="function")]


def signed_in(request: Request, v: AnyVisitor) -> Visitor:
    """The visitor, who must be logged in (else: to the log-in page, and back here afterwards)."""
    if v.user is None:
        target = request.url.path if request.method == "GET" else "/dagboek"
        raise Redirect(f"/account/inloggen?volgende={quote(target)}")
    if v.user.must_change_password and not request.url.path.startswith("/account"):
        raise Redirect("/account?wijzig=1")
    return v


SignedIn = Annotated[Visitor, Depends(signed_in)]


def safe_next(target: str | None, default: str = "/dagboek") -> str:
    """Only paths on this site (no //host, no scheme): no open redirect after log-in."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith("//") \
            or "\\" in target:
        return default
    return parts.path + (f"?{parts.query}" if parts.query else "")
