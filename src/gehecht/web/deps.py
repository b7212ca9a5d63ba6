"""Shared request dependencies: the loaded knowledge base and the (lazily opened) search engine."""

from __future__ import annotations

import threading

from fastapi import Request

from .. import config
from ..content.loader import KnowledgeBase
from ..search.engine import SearchEngine

_engine_lock = threading.Lock()


def get_kb(request: Request) -> KnowledgeBase:
    return request.app.state.kb


def get_engine(request: Request) -> SearchEngine:
    """Open the search engine on first use (index from cache, built if missing)."""
    state = request.app.state
    if getattr(state, "engine", None) is None:
        with _engine_lock:
            if getattr(state, "engine", None) is None:
                from ..search.service import open_engine

                state.engine = open_engine(state.kb, config.data_dir())
    return state.engine
