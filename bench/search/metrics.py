"""Retrieval metrics over entry concepts: Success@3, MRR@10, nDCG@10 (graded 2/1/0)."""

from __future__ import annotations

import math
from collections.abc import Sequence


def relevance(concepts: Sequence[str], primary: Sequence[str], related: Sequence[str]) -> int:
    """2 when the entry's primary concept is an expected primary; 1 when any concept matches."""
    if not concepts:
        return 0
    if concepts[0] in primary:
        return 2
    if set(concepts) & (set(primary) | set(related)):
        return 1
    return 0


def success_at(grades: Sequence[int], k: int = 3) -> float:
    return 1.0 if any(g == 2 for g in grades[:k]) else 0.0


def mrr_at(grades: Sequence[int], k: int = 10) -> float:
    for rank, grade in enumerate(grades[:k], start=1):
        if grade == 2:
            return 1.0 / rank
    return 0.0


def ndcg_at(grades: Sequence[int], ideal: Sequence[int], k: int = 10) -> float:
    def dcg(values: Sequence[int]) -> float:
        return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(values[:k]))

    best = dcg(sorted(ideal, reverse=True))
    return dcg(grades) / best if best else 0.0
