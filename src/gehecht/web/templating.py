"""Jinja2 environment shared by every page; pages call `render(request, name, **context)`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..content.loader import KnowledgeBase
from .i18n import translate
from .messages import localise
from .preferences import preferences

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def kb_of(request: Request) -> KnowledgeBase:
    return request.app.state.kb


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    prefs = preferences(request)
    kb = kb_of(request)

    def t(key: str, **values: object) -> str:
        return translate(prefs.language, key, **values)

    def msg(message: object) -> str:
        """A Dutch message from the accounts or journal code, in the visitor's language."""
        return localise(prefs.language, message)

    base = {
        "prefs": prefs,
        "t": t,
        "msg": msg,
        "kb": kb,
        "parts": kb.parts,
        "numbers": [n for n in kb.numbers_for(prefs.region) if n.spoed],
        "current_path": request.url.path,
    }
    return templates.TemplateResponse(request, name, {**base, **context}, status_code=status_code)
