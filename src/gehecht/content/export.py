"""`gehecht export --json`: every entry as one JSON object a line (contract §1)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from .loader import KnowledgeBase
from .markup import to_plain_text
from .validate import entries_sorted


def entry_records(kb: KnowledgeBase) -> Iterator[dict[str, object]]:
    for entry in entries_sorted(kb):
        record = entry.model_dump(mode="json", exclude={"body", "path"})
        record["ages"] = list(entry.ages)
        record["url"] = entry.url
        record["text"] = to_plain_text(entry.body)
        yield record


def export_jsonl(kb: KnowledgeBase) -> Iterator[str]:
    for record in entry_records(kb):
        yield json.dumps(record, ensure_ascii=False)
