"""Snippets: the window of a passage with the most query terms, and HTML highlighting."""

from __future__ import annotations

import re
from collections.abc import Callable, Set as AbstractSet
from functools import lru_cache
from html import escape

from .analysis import normalise

WINDOW = 28
WORD_RE = re.compile(r"\S+")
NON_WORD_RE = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=65_536)
def _core(word: str) -> str:
    """A word of a passage as the analyser sees it (folded, letters and digits only). Cached: the
    passages' words recur in every snippet, and folding them is most of a snippet's cost."""
    return NON_WORD_RE.sub("", normalise(word))


def _matches(word: str, stems: AbstractSet[str], stem: Callable[[str], str]) -> bool:
    core = _core(word)
    return bool(core) and stem(core) in stems


def make_snippet(text: str, stems: AbstractSet[str], stem: Callable[[str], str], window: int = WINDOW) -> str:
    words = WORD_RE.findall(text)
    if len(words) <= window:
        return " ".join(words)
    hits = [i for i, w in enumerate(words) if _matches(w, stems, stem)]
    if not hits:
        return " ".join(words[:window]) + " …"
    best_start, best_count = 0, -1
    for h in hits:
        start = max(0, min(h - window // 3, len(words) - window))
        count = sum(1 for x in hits if start <= x < start + window)
        if count > best_count:
            best_start, best_count = start, count
    prefix = "… " if best_start > 0 else ""
    suffix = " …" if best_start + window < len(words) else ""
    return prefix + " ".join(words[best_start:best_start + window]) + suffix


def highlight(snippet: str, stems: AbstractSet[str], stem: Callable[[str], str]) -> str:
    """Escape the snippet and wrap words whose stem matches the query in <mark>."""
    out = []
    for token in re.split(r"(\s+)", snippet):
        if token and not token.isspace() and _matches(token, stems, stem):
            out.append(f"<mark>{escape(token)}</mark>")
        else:
            out.append(escape(token))
    return "".join(out)
