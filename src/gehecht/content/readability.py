"""Readability of the parent parts: sentence length and the Flesch-Douma score for Dutch.

Flesch-Douma (Douma 1960): 206.84 - 0.77 * syllables per 100 words - 0.93 * words per sentence.
Higher is easier; 60-70 is plain language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markup import parent_part, to_plain_text

SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+|\n+")
WORD_RE = re.compile(r"[A-Za-zÀ-ÿ0-9]+(?:[-'’][A-Za-zÀ-ÿ0-9]+)*")
VOWEL_GROUP_RE = re.compile(r"(?:ij|[aeiouyàáâäèéêëìíîïòóôöùúûü])+")


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    syllables: int

    @property
    def avg_sentence_length(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def flesch_douma(self) -> float:
        if not self.words:
            return 0.0
        return 206.84 - 0.77 * (100 * self.syllables / self.words) - 0.93 * self.avg_sentence_length

    def __add__(self, other: "Readability") -> "Readability":
        return Readability(
            self.sentences + other.sentences, self.words + other.words, self.syllables + other.syllables
        )


def count_syllables(word: str) -> int:
    """Vowel groups approximate Dutch syllables ('ij' counts as a vowel)."""
    return max(1, len(VOWEL_GROUP_RE.findall(word.lower())))


def measure_text(text: str) -> Readability:
    sentences = [s for s in SENTENCE_END_RE.split(text) if WORD_RE.search(s)]
    words = WORD_RE.findall(text)
    return Readability(len(sentences), len(words), sum(count_syllables(w) for w in words))


def measure_parent_part(body: str) -> Readability:
    return measure_text(to_plain_text(parent_part(body), region="nl"))
