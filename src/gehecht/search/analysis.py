"""Dutch text analysis shared by documents and queries.

normalise → tokenise → drop stop words → split compounds against the corpus vocabulary →
stem (Snowball Dutch with a reviewed override list). Queries additionally get typo correction
and synonym expansion (see query.py). Pure functions; the vocabulary is passed in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

from .dutch import STOPWORDS

TOKEN_RE = re.compile(r"[a-z0-9]+")
LINKING_MORPHEMES = ("s", "en", "e", "")
MIN_PART = 4
MIN_COMPOUND = 8

_stemmer = Stemmer.Stemmer("dutch")


def normalise(text: str) -> str:
    """Lower case, diacritics folded (ë → e), control characters dropped."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch) and (ch.isprintable() or ch.isspace()))


def tokenise(text: str) -> list[str]:
    return TOKEN_RE.findall(normalise(text))


def content_words(text: str) -> list[str]:
    return [t for t in tokenise(text) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]


@dataclass
class Analyzer:
    """Stemming with overrides and compound splitting against a vocabulary of known words."""

    overrides: dict[str, str] = field(default_factory=dict)
    vocabulary: frozenset[str] = frozenset()

    def stem(self, word: str) -> str:
        word = self.overrides.get(word, word)
        return _cached_stem(word)

    def split_compound(self, word: str) -> list[str]:
        """Parts of a compound that are themselves known words, e.g. hechtingsproblemen →
        [hechting, problemen]; [] when the word is not a compound of known words."""
        if len(word) < MIN_COMPOUND or not self.vocabulary:
            return []
        return _split(word, self.vocabulary) or []

    def terms(self, text: str) -> list[str]:
        """Index terms of a text: stems of words and of their compound parts."""
        out: list[str] = []
        for word in content_words(text):
            out.append(self.stem(word))
            for part in self.split_compound(word):
                if part not in STOPWORDS:
                    out.append(self.stem(part))
        return out

    def stems(self, words: Iterable[str]) -> list[str]:
        return [self.stem(w) for w in words]


@lru_cache(maxsize=200_000)
def _cached_stem(word: str) -> str:
    return _stemmer.stemWord(word)


def _split(word: str, vocabulary: frozenset[str], depth: int = 0) -> list[str] | None:
    """Longest-first split into known parts (with optional linking s/en/e); at most 3 parts."""
    if depth > 2:
        return None
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head, tail = word[:cut], word[cut:]
        for link in LINKING_MORPHEMES:
            if link and not head.endswith(link):
                continue
            stem_head = head[: len(head) - len(link)] if link else head
            if len(stem_head) < MIN_PART or stem_head not in vocabulary:
                continue
            if tail in vocabulary and len(tail) >= MIN_PART:
                return [stem_head, tail]
            rest = _split(tail, vocabulary, depth + 1)
            if rest:
                return [stem_head, *rest]
    return None
