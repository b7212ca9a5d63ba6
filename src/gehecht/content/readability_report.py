"""Per-entry and overall readability of parent parts, with the targets from the content issue."""

from __future__ import annotations

from dataclasses import dataclass

from .loader import KnowledgeBase
from .readability import Readability, measure_parent_part
from .validate import entries_sorted

TARGET_OVERALL_SENTENCE_LENGTH = 14.0
MAX_ENTRY_SENTENCE_LENGTH = 20.0


@dataclass(frozen=True)
class ReadabilityRow:
    entry_id: str
    measure: Readability


def readability_rows(kb: KnowledgeBase) -> list[ReadabilityRow]:
    rows = []
    for entry in entries_sorted(kb):
        if entry.type == "organisatie":
            continue
        measure = measure_parent_part(entry.body)
        if measure.words:
            rows.append(ReadabilityRow(entry.id, measure))
    return rows


def overall(rows: list[ReadabilityRow]) -> Readability:
    total = Readability(0, 0, 0)
    for row in rows:
        total = total + row.measure
    return total


def readability_failures(rows: list[ReadabilityRow]) -> list[str]:
    """Human-readable failures of the two targets; empty when both hold."""
    failures = [
        f"{row.entry_id}: average sentence length {row.measure.avg_sentence_length:.1f} > {MAX_ENTRY_SENTENCE_LENGTH:.0f}"
        for row in rows
        if row.measure.avg_sentence_length > MAX_ENTRY_SENTENCE_LENGTH
    ]
    total = overall(rows)
    if total.avg_sentence_length > TARGET_OVERALL_SENTENCE_LENGTH:
        failures.append(f"overall average sentence length {total.avg_sentence_length:.1f} > {TARGET_OVERALL_SENTENCE_LENGTH:.0f}")
    return failures
