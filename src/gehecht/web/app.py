"""The FastAPI application: wiring only (state, routers, error pages, security headers)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import config
from ..content.loader import KnowledgeBase, load_knowledge_base
from . import auth, errors, guide_views, journal_views, pages, search_views
from .limits import DatabaseConcurrencyLimit
from .responses import PRIVATE_PAGES
from .templating import render

STATIC_DIR = Path(__file__).parent / "static"

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _dialect(app: FastAPI) -> str:
    """The database's dialect (sqlite, postgresql), also before the database is opened."""
    from sqlalchemy.engine import make_url

    database = getattr(app.state, "db", None)
    return database.dialect if database is not None else make_url(config.database_url()).get_backend_name()


def create_app(kb: KnowledgeBase | None = None) -> FastAPI:
    app = FastAPI(title="Gehecht", version="0.1.0", docs_url="/api/docs", redoc_url=None,
                  openapi_url="/api/openapi.json")
    app.state.kb = kb if kb is not None else load_knowledge_base(config.content_dir())

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.scheme == "https":
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        if exc.status_code == 404:
            return render(request, "404.html", status_code=404)
        return render(request, "error.html", status_code=exc.status_code, detail=exc.detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = [
            {"loc": list(e.get("loc", [])), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        if _wants_json(request):
            return JSONResponse({"detail": details}, status_code=422)
        return render(request, "error.html", status_code=422, detail="; ".join(d["msg"] for d in details))

    errors.install(app)  # storage down, full or read-only → 503 page; anything unexpected → 500 page
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.state.engine = None
    auth.install(app)  # accounts and journal: database at start-up, session cookie, CSRF, NotFound → 404
    app.add_middleware(DatabaseConcurrencyLimit, dialect_of=lambda: _dialect(app))
    app.include_router(search_views.router)
    app.include_router(guide_views.router)
    app.include_router(journal_views.router, responses=PRIVATE_PAGES)
    app.include_router(pages.router)  # last: its /{type}/{id} route would shadow the others
    return app
