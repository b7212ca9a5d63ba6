"""Query understanding: typo correction against the corpus vocabulary and synonym expansion
(lay ↔ professional, NL ↔ BE, English → Dutch) from reviewed data."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .analysis import Analyzer, content_words, tokenise
from .dutch import STOPWORDS as _STOP

MAX_QUERY_CHARS = 1000
SYNONYM_WEIGHT = 0.5
SYNONYM_SPREAD = 0.5  # 0 = every alternative full weight, 1 = the group shares one weight
TYPO_WEIGHT = 0.9
COMPOUND_PART_WEIGHT = 0.8
COMPOUND_PART_WEIGHT_KNOWN = 0.25


class QueryError(ValueError):
    """A query we refuse, with a message for the user."""


@dataclass(frozen=True)
class SynonymGroup:
    phrases: tuple[tuple[str, ...], ...]  # each phrase as normalised tokens


@dataclass
class AnalysedQuery:
    text: str
    terms: dict[str, float] = field(default_factory=dict)  # stem → weight
    words: set[str] = field(default_factory=set)  # surface words to highlight

    def add(self, stem: str, weight: float) -> None:
        self.terms[stem] = max(self.terms.get(stem, 0.0), weight)


def clean_query(raw: str) -> str:
    """Reject empty or absurd queries with a clear message; collapse whitespace and control chars."""
    if raw is None:
        raise QueryError("de zoekvraag ontbreekt")
    text = "".join(ch if ch.isprintable() else " " for ch in raw)
    text = " ".join(text.split())
    if not text:
        raise QueryError("de zoekvraag is leeg; typ een of meer woorden")
    if len(raw) > 20 * MAX_QUERY_CHARS:
        raise QueryError(f"de zoekvraag is te lang ({len(raw)} tekens); maximaal {MAX_QUERY_CHARS} tekens")
    return text[:MAX_QUERY_CHARS]


def parse_synonyms(groups: list[list[str]]) -> list[SynonymGroup]:
    parsed = []
    for group in groups:
        phrases = tuple(tuple(tokenise(p)) for p in group if tokenise(p))
        if len(phrases) > 1:
            parsed.append(SynonymGroup(phrases))
    return parsed


def correct_typo(word: str, known_words: list[str], known: frozenset[str]) -> str | None:
    """Closest corpus word within edit distance 1 (short words) or 2 (long words)."""
    if word in known or len(word) < 5 or word.isdigit():
        return None
    limit = 1 if len(word) < 8 else 2
    match = process.extractOne(word, known_words, scorer=Levenshtein.distance, score_cutoff=limit)
    return match[0] if match else None


@dataclass
class QueryAnalyser:
    analyzer: Analyzer
    synonyms: list[SynonymGroup]
    known_words: list[str]  # surface words of the corpus, for typo correction
    known_stems: frozenset[str]

    def __post_init__(self) -> None:
        self._known_set = frozenset(self.known_words)
        # words the synonym data knows are real words, even when the corpus lacks them
        # ("ambetant"): never "correct" them into an unrelated corpus word
        self._synonym_words = frozenset(w for g in self.synonyms for p in g.phrases for w in p)
        # phrases by their first word: a query is checked against the few phrases that can start
        # at one of its words, not against every phrase of every group
        self._phrases_by_first: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for index, group in enumerate(self.synonyms):
            for phrase in group.phrases:
                self._phrases_by_first.setdefault(phrase[0], []).append((index, phrase))

    def matching_groups(self, tokens: list[str]) -> list[SynonymGroup]:
        """The synonym groups with a phrase that occurs in `tokens`, in the groups' own order."""
        found: set[int] = set()
        for start, token in enumerate(tokens):
            for index, phrase in self._phrases_by_first.get(token, ()):
                if index not in found and tuple(tokens[start:start + len(phrase)]) == phrase:
                    found.add(index)
        return [self.synonyms[index] for index in sorted(found)]

    def analyse(self, raw: str) -> AnalysedQuery:
        text = clean_query(raw)
        query = AnalysedQuery(text)
        tokens = tokenise(text)
        words = content_words(text)
        corrected: list[str] = []
        for word in words:
            query.words.add(word)
            stem = self.analyzer.stem(word)
            if stem in self.known_stems or word in self._synonym_words:
                query.add(stem, 1.0)
            else:
                fixed = correct_typo(word, self.known_words, self._known_set)
                if fixed:
                    query.add(self.analyzer.stem(fixed), TYPO_WEIGHT)
                    query.words.add(fixed)
                    corrected.append(fixed)
                else:
                    query.add(stem, 1.0)
            # compound parts bridge joined/split spellings; when the whole word is known they
            # only nudge, or one compound would outweigh the rest of the question
            part_weight = COMPOUND_PART_WEIGHT_KNOWN if stem in self.known_stems else COMPOUND_PART_WEIGHT
            for part in self.analyzer.split_compound(word):
                query.add(self.analyzer.stem(part), part_weight)
                query.words.add(part)
        # joined compounds typed apart ("hechtings problemen") → also the joined form
        for first, second in zip(words, words[1:]):
            joined = first + second
            for candidate in (joined, joined.replace("ss", "s")):
                if candidate in self._known_set:
                    query.add(self.analyzer.stem(candidate), 0.8)
        expanded_tokens = tokens + corrected
        for group in self.matching_groups(expanded_tokens):
            new_words = {w for phrase in group.phrases for w in phrase
                         if w not in words and len(w) > 1 and w not in _STOP}
            # a group's alternatives stand in for one typed word: share one weight among them
            weight = SYNONYM_WEIGHT / max(1.0, len(new_words) ** SYNONYM_SPREAD)
            for word in new_words:
                query.add(self.analyzer.stem(word), weight)
                query.words.add(word)
        return query

