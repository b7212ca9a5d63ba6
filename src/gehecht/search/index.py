"""The search index: passages, analysis vocabulary, BM25 postings and passage embeddings.

Built once and cached on disk under data/index/, keyed by a hash of the content, the search
data files, the model id and INDEX_VERSION; `gehecht index` rebuilds it."""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from ..content.loader import KnowledgeBase
from .analysis import Analyzer, content_words
from .embed import Embedder, EmbeddingCache, text_key
from .lexical import HEADER_BOOST, BM25Index
from .passages import Passage, all_passages
from .query import QueryAnalyser, parse_synonyms

INDEX_VERSION = "3"
EMBEDDING_CACHE = Path("zoeken") / "embeddings.npz"


@dataclass(frozen=True)
class EntryMeta:
    """What filters and results need of an entry, without the knowledge base."""

    id: str
    type: str
    title: str
    concepts: tuple[str, ...]
    audiences: tuple[str, ...]
    ages: tuple[float, float]
    regions: tuple[str, ...]
    url: str


@dataclass
class SearchIndex:
    key: str
    model_id: str
    passages: list[Passage]
    entries: dict[str, EntryMeta]
    overrides: dict[str, str]
    vocabulary: frozenset[str]
    synonyms_raw: list[list[str]]
    known_words: list[str]
    bm25: BM25Index
    embeddings: np.ndarray  # passages × dim, unit length

    def analyser(self) -> QueryAnalyser:
        analyzer = Analyzer(self.overrides, self.vocabulary)
        return QueryAnalyser(analyzer, parse_synonyms(self.synonyms_raw), self.known_words,
                             frozenset(self.bm25.postings))


def _read_yaml(path: Path, default: object) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else default


def search_data(kb: KnowledgeBase) -> tuple[dict[str, str], list[list[str]]]:
    overrides = _read_yaml(kb.root / "zoeken" / "stamwoorden.yaml", {}) or {}
    synonyms = _read_yaml(kb.root / "zoeken" / "synoniemen.yaml", []) or []
    return {str(k): str(v) for k, v in dict(overrides).items()}, [[str(p) for p in g] for g in synonyms]


def content_hash(kb: KnowledgeBase, model_id: str) -> str:
    digest = hashlib.sha256(f"{INDEX_VERSION}\n{model_id}\n".encode())
    for path in sorted(kb.root.rglob("*")):
        if path.is_file() and path.suffix in (".md", ".yaml") :
            digest.update(str(path.relative_to(kb.root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def build_vocabulary(passages: list[Passage]) -> tuple[frozenset[str], list[str]]:
    """Words seen at least twice (for compound splitting) and all surface words (typo fixing)."""
    counts: Counter[str] = Counter()
    for passage in passages:
        counts.update(content_words(passage.text))
    vocabulary = frozenset(w for w, n in counts.items() if n >= 2 and len(w) >= 4 and not w.isdigit())
    known = sorted(w for w in counts if len(w) >= 3 and not w.isdigit())
    return vocabulary, known


def build_index(kb: KnowledgeBase, embedder: Embedder,
                progress: Callable[[int, int], None] | None = None) -> SearchIndex:
    passages = all_passages(kb)
    overrides, synonyms = search_data(kb)
    vocabulary, known_words = build_vocabulary(passages)
    analyzer = Analyzer(overrides, vocabulary)
    documents = [analyzer.terms(p.text) for p in passages]
    bm25 = BM25Index.build(documents, [HEADER_BOOST if p.is_header else 1 for p in passages])
    cache = EmbeddingCache(kb.root / EMBEDDING_CACHE)
    titles = {e.id: e.title for e in kb.entries.values()}
    texts = [p.embedding_text(titles[p.entry_id]) for p in passages]
    done = [0]

    def step(n: int) -> None:
        done[0] += n
        if progress:
            progress(done[0], len(texts))

    embeddings = cache.embed_all(embedder, texts, progress=step)
    cache.prune({text_key(embedder.model_id, t) for t in texts})
    try:
        cache.save()
    except OSError:
        pass  # a read-only content folder still gets a working (in-memory) index
    entries = {
        e.id: EntryMeta(e.id, e.type, e.title, tuple(e.concepts), tuple(e.audiences), tuple(e.ages),
                        tuple(e.regions), e.url)
        for e in kb.entries.values()
    }
    return SearchIndex(content_hash(kb, embedder.model_id), embedder.model_id, passages, entries,
                       overrides, vocabulary, synonyms, known_words, bm25, embeddings)


def index_path(data_dir: Path, key: str) -> Path:
    return data_dir / "index" / f"search-{key}.pkl"


def save_index(index: SearchIndex, data_dir: Path) -> Path:
    path = index_path(data_dir, index.key)
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob("search-*.pkl"):
        if old != path:
            old.unlink(missing_ok=True)
    # a name of its own: several app processes may build and save the same index at once
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return path


def load_index(data_dir: Path, key: str) -> SearchIndex | None:
    path = index_path(data_dir, key)
    if not path.exists():
        return None
    try:
        with path.open("rb") as fh:
            index = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return None
    return index if isinstance(index, SearchIndex) and index.key == key else None
