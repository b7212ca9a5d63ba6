"""The search engine: one `search()` that the CLI, the JSON API and the web page all call.

Two legs over passages — BM25 on Dutch-analysed terms and cosine similarity of embeddings —
aggregated to entries and fused with weighted reciprocal rank fusion."""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field

import numpy as np
from pydantic import BaseModel, ConfigDict

from .embed import Embedder
from .index import EntryMeta, SearchIndex
from .passages import QUESTIONS_HEADING, Passage
from .query import AnalysedQuery
from .snippets import make_snippet

AUDIENCES = ("ouder", "leerkracht", "hulpverlener")
REGIONS = ("nl", "be")
TYPES = ("artikel", "casus", "behandeling", "organisatie")
MODES = ("hybrid", "bm25", "dense")


class FilterError(ValueError):
    """An unknown filter value, with the allowed ones in the message; `field` names the filter."""

    def __init__(self, message: str, field: str = "filter") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Filters:
    audience: str | None = None
    age: float | None = None
    type: str | None = None
    region: str | None = None

    def __post_init__(self) -> None:
        for name, value, allowed in (("audience", self.audience, AUDIENCES),
                                     ("region", self.region, REGIONS), ("type", self.type, TYPES)):
            if value is not None and value not in allowed:
                raise FilterError(f"onbekende waarde {value!r} voor {name}; toegestaan: {', '.join(allowed)}", name)
        if self.age is not None and not (0 <= self.age <= 18):
            raise FilterError(f"leeftijd {self.age} valt buiten 0 tot en met 18 jaar", "age")

    def accepts(self, meta: EntryMeta) -> bool:
        return (
            (self.audience is None or self.audience in meta.audiences)
            and (self.region is None or self.region in meta.regions)
            and (self.type is None or self.type == meta.type)
            and (self.age is None or meta.ages[0] <= self.age <= meta.ages[1])
        )


@dataclass(frozen=True)
class Fusion:
    """Weights tuned on the dev set (bench/search), never on held-out queries."""

    k: float = 10.0
    lexical_weight: float = 1.0
    dense_weight: float = 0.8
    second_passage_weight: float = 0.5
    type_prior: dict[str, float] = field(default_factory=lambda: {"organisatie": 0.8, "casus": 0.85})
    concept_boost: float = 0.3
    feedback_depth: int = 3
    tail_concept_boost: float = 8.0
    head_size: int = 3
    common_term_share: float = 0.3  # terms in more than this share of entries are damped
    common_term_floor: float = 0.3


class Hit(BaseModel):
    """One result, in the shape of contract §2 (also the JSON API's response model)."""

    model_config = ConfigDict(frozen=True)

    id: str
    type: str
    title: str
    concepts: list[str]
    score: float
    snippet: str
    url: str

    def as_json(self) -> dict[str, object]:
        return {**self.model_dump(), "score": round(self.score, 4)}


class SearchResults(BaseModel):
    """Contract §2: the query and its results."""

    query: str
    results: list[Hit]


@dataclass(frozen=True)
class SearchResponse:
    query: str
    hits: list[Hit]
    stems: frozenset[str]

    def as_json(self) -> dict[str, object]:
        return {"query": self.query, "results": [h.as_json() for h in self.hits]}


class ResultCache:
    """A small thread-safe LRU of search responses (the web app searches from many threads)."""

    def __init__(self, size: int = 1024) -> None:
        self.size = size
        self._items: OrderedDict[tuple[object, ...], SearchResponse] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[object, ...]) -> SearchResponse | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: tuple[object, ...], response: SearchResponse) -> None:
        with self._lock:
            self._items[key] = response
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def concept_coherence(ranked: list[str], concepts_of: dict[str, tuple[str, ...]], depth: int) -> dict[str, float]:
    """How well each entry's concepts agree with the concepts of the top results (0..1).

    Pseudo-relevance feedback at the level of concepts: entries about the same subject as the
    best hits move up, so the first page reads as one coherent answer."""
    weights: dict[str, float] = defaultdict(float)
    for rank, entry_id in enumerate(ranked[:depth]):
        for position, concept in enumerate(concepts_of[entry_id]):
            weights[concept] += (1.0 if position == 0 else 0.5) / (rank + 1)
    top = max(weights.values(), default=0.0)
    if not top:
        return {}
    coherence = {}
    for entry_id in ranked:
        concepts = concepts_of[entry_id]
        others = max((weights.get(c, 0.0) for c in concepts[1:]), default=0.0)
        coherence[entry_id] = min(1.0, (weights.get(concepts[0], 0.0) + 0.3 * others) / top)
    return coherence


def rank_fusion(rankings: list[tuple[list[str], float]], k: float) -> dict[str, float]:
    """Weighted reciprocal rank fusion: Σ weight / (k + rank)."""
    fused: dict[str, float] = defaultdict(float)
    for ranking, weight in rankings:
        for rank, entry_id in enumerate(ranking, start=1):
            fused[entry_id] += weight / (k + rank)
    return fused


class SearchEngine:
    def __init__(self, index: SearchIndex, embedder: Embedder | None, fusion: Fusion | None = None) -> None:
        self.index = index
        self.embedder = embedder
        self.fusion = fusion or Fusion()
        self.analyser = index.analyser()
        self._entry_of = [p.entry_id for p in index.passages]
        self._body_passages: dict[str, list[int]] = defaultdict(list)
        for pid, passage in enumerate(index.passages):
            if not passage.is_header and passage.heading != QUESTIONS_HEADING:
                self._body_passages[passage.entry_id].append(pid)
        self._entry_share: dict[str, float] = {}
        self._results = ResultCache()

    def _aggregate(self, passage_scores: dict[int, float]) -> tuple[dict[str, float], dict[str, int]]:
        """Entry score = best passage + a little of the second best; also the best passage per entry."""
        per_entry: dict[str, list[tuple[float, int]]] = defaultdict(list)
        for pid, score in passage_scores.items():
            per_entry[self._entry_of[pid]].append((score, pid))
        scores, best = {}, {}
        for entry_id, items in per_entry.items():
            items.sort(reverse=True)
            second = items[1][0] if len(items) > 1 else 0.0
            prior = self.fusion.type_prior.get(self.index.entries[entry_id].type, 1.0)
            scores[entry_id] = (items[0][0] + self.fusion.second_passage_weight * second) * prior
            best[entry_id] = items[0][1]
        return scores, best

    def entry_share(self, term: str) -> float:
        """Share of entries that contain a term (cached): the corpus-wide words of this domain."""
        share = self._entry_share.get(term)
        if share is None:
            plist = self.index.bm25.postings.get(term, ())
            share = len({self._entry_of[pid] for pid, _tf in plist}) / max(1, len(self.index.entries))
            self._entry_share[term] = share
        return share

    def lexical_scores(self, query: AnalysedQuery) -> dict[int, float]:
        """BM25 with domain-common terms damped: in a handbook on attachment problems,
        'hechtingsproblemen' says little about which article a question needs."""
        weights = {}
        for term, weight in query.terms.items():
            share = self.entry_share(term)
            if share > self.fusion.common_term_share:
                span = 1 - self.fusion.common_term_share
                weight *= max(self.fusion.common_term_floor, 1 - (share - self.fusion.common_term_share) / span)
            weights[term] = weight
        return self.index.bm25.scores(weights)

    def dense_scores(self, text: str) -> dict[int, float]:
        if self.embedder is None or not len(self.index.embeddings):
            return {}
        sims = self.index.embeddings @ self.embedder.embed_query(text)
        top = np.argsort(-sims)[:300]
        return {int(i): float(sims[i]) for i in top}

    def _rerank(self, fused: dict[str, float]) -> tuple[list[str], dict[str, float]]:
        """Two stages: the head (first results) with a mild concept-coherence boost, the tail
        re-ranked strongly by coherence with the head, so the first page stays on one subject.
        Returns the order and scores in 0..1 that never increase down the list."""
        ranked = sorted(fused, key=lambda e: (-fused[e], e))
        if not ranked:
            return [], {}
        concepts_of = {e: self.index.entries[e].concepts for e in ranked}
        coherence = concept_coherence(ranked, concepts_of, self.fusion.feedback_depth)

        def boosted(boost: float) -> dict[str, float]:
            return {e: s * (1 + boost * coherence.get(e, 0.0)) for e, s in fused.items()}

        head_scores, tail_scores = boosted(self.fusion.concept_boost), boosted(self.fusion.tail_concept_boost)
        head = sorted(head_scores, key=lambda e: (-head_scores[e], e))[: self.fusion.head_size]
        tail = sorted((e for e in tail_scores if e not in head), key=lambda e: (-tail_scores[e], e))
        ordered = head + tail
        top = head_scores[ordered[0]] or 1.0
        scores, ceiling = {}, 1.0
        for entry_id in ordered:
            raw = (head_scores if entry_id in head else tail_scores)[entry_id] / top
            ceiling = min(ceiling, raw)
            scores[entry_id] = ceiling
        return ordered, scores

    def search(self, text: str, limit: int = 10, filters: Filters | None = None, mode: str = "hybrid") -> SearchResponse:
        """Ranked hits for `text`. The index never changes under an engine, so answers are cached:
        the same question (a second visitor, the next page, typing it again) costs nothing."""
        if mode not in MODES:
            raise FilterError(f"onbekende zoekmodus {mode!r}; toegestaan: {', '.join(MODES)}", "mode")
        key = (text, limit, filters or Filters(), mode)
        cached = self._results.get(key)
        if cached is not None:
            return cached
        response = self._search(text, limit, filters, mode)
        self._results.put(key, response)
        return response

    def _snippet_passage(self, entry_id: str, passage_scores: list[dict[int, float]]) -> Passage | None:
        """The body passage that best matches (keywords and questions make poor snippets): the best
        by the first leg that scored one, else the entry's first body passage."""
        body = self._body_passages.get(entry_id, [])
        for scores in passage_scores:
            scored = [pid for pid in body if pid in scores]
            if scored:
                return self.index.passages[max(scored, key=scores.__getitem__)]
        return self.index.passages[body[0]] if body else None

    def _search(self, text: str, limit: int, filters: Filters | None, mode: str) -> SearchResponse:
        query = self.analyser.analyse(text)
        filters = filters or Filters()
        allowed = {eid for eid, meta in self.index.entries.items() if filters.accepts(meta)}
        legs: list[tuple[dict[str, float], dict[str, int], float]] = []
        passage_scores: list[dict[int, float]] = []  # per leg, for choosing snippets
        if mode in ("hybrid", "bm25"):
            passage_scores.append(self.lexical_scores(query))
            scores, best = self._aggregate(passage_scores[-1])
            legs.append((scores, best, self.fusion.lexical_weight))
        if mode in ("hybrid", "dense"):
            passage_scores.append(self.dense_scores(query.text))
            scores, best = self._aggregate(passage_scores[-1])
            legs.append((scores, best, self.fusion.dense_weight))
        rankings = []
        for scores, _best, weight in legs:
            ranked = [e for e in sorted(scores, key=scores.get, reverse=True) if e in allowed]
            rankings.append((ranked, weight))
        fused = rank_fusion(rankings, self.fusion.k)
        ordered, final = self._rerank(fused)
        ordered = ordered[: max(0, limit)]
        hits = []
        for entry_id in ordered:
            meta = self.index.entries[entry_id]
            passage = self._snippet_passage(entry_id, passage_scores)
            snippet = make_snippet(passage.text, set(query.terms), self.analyser.analyzer.stem) if passage else ""
            hits.append(Hit(id=meta.id, type=meta.type, title=meta.title, concepts=list(meta.concepts),
                            score=final[entry_id], snippet=snippet, url=meta.url))
        return SearchResponse(query.text, hits, frozenset(query.terms))
