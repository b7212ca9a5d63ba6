"""BM25 over passages (Robertson & Zaragoza); header passages count their terms twice (title boost)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

K1 = 1.2
B = 0.75
HEADER_BOOST = 2


@dataclass
class BM25Index:
    postings: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    lengths: list[int] = field(default_factory=list)
    avg_length: float = 0.0

    @classmethod
    def build(cls, documents: list[list[str]], boosts: list[int]) -> "BM25Index":
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        lengths = []
        for doc_id, (terms, boost) in enumerate(zip(documents, boosts)):
            counts = Counter(terms)
            for term, tf in counts.items():
                postings[term].append((doc_id, tf * boost))
            lengths.append(len(terms) * boost)
        avg = sum(lengths) / len(lengths) if lengths else 0.0
        return cls(dict(postings), lengths, avg)

    def idf(self, term: str) -> float:
        n = len(self.lengths)
        df = len(self.postings.get(term, ()))
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def scores(self, weighted_terms: dict[str, float]) -> dict[int, float]:
        """Passage id → BM25 score for terms with query weights."""
        out: dict[int, float] = defaultdict(float)
        for term, weight in weighted_terms.items():
            plist = self.postings.get(term)
            if not plist:
                continue
            idf = self.idf(term) * weight
            for doc_id, tf in plist:
                norm = tf + K1 * (1 - B + B * self.lengths[doc_id] / self.avg_length)
                out[doc_id] += idf * tf * (K1 + 1) / norm
        return out
