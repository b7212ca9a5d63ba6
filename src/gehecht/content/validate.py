"""Rules of the knowledge base (contracts.md §1 and our own content rules).

Each rule is a small function from the loaded KnowledgeBase to problems, so tests can break one
rule at a time on fixtures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from .loader import KnowledgeBase
from .markup import cited_keys, internal_links, split_sections
from .models import TYPES_REQUIRING_SOURCES, Case, Entry, Treatment
from .problems import Problem
from .vocabulary import CONTEXTS, FAMILY, HISTORY, SIGNALS

PROBLEM_HEADINGS = (
    "Wat is het?",
    "Hoe herkent u het?",
    "Waar komt het vandaan?",
    "Is het ernstig?",
    "Wat kunt u zelf doen?",
    "Welke hulp en behandeling zijn er?",
    "Wanneer hulp zoeken?",
    "Lees verder",
)
# Concepts whose main article is about a problem or signal and follows the question order.
PROBLEM_GROUPS = ("2-onveilige-gehechtheid", "3-gevolgen")
FREE_FORM_PROBLEM_CONCEPTS = frozenset({"vreemde-situatie-procedure", "onderzoek-gehechtheid"})

# Exact safety numbers: a name followed closely by a phone-like token must use this number.
SAFETY_NUMBERS = {
    "Veilig Thuis": {"0800-2000"},
    "Zelfmoordlijn": {"1813"},
    "Kindertelefoon": {"0800-0432"},
    "113 Zelfmoordpreventie": {"113", "0800-0113"},
    "Awel": {"102"},
}
PHONE_TOKEN_RE = re.compile(r"\b(0800[- ]?\d{3,4}|\d{3,4})\b")
DIAGNOSIS_CLAIM_RE = re.compile(
    r"\b(uw|je|jouw) (kind|zoon|dochter) heeft (dus |zeker |waarschijnlijk )?(een )?"
    r"(hechtingsstoornis|reactieve hechtingsstoornis|ontremd)",
    re.IGNORECASE,
)

Rule = Callable[[KnowledgeBase], Iterable[Problem]]


def check_concepts_known(kb: KnowledgeBase) -> Iterator[Problem]:
    known = kb.concept_slugs
    for entry in kb.entries.values():
        for slug in entry.concepts:
            if slug not in known:
                yield Problem(entry.path or entry.id, "concepts", f"unknown concept slug {slug!r}")


def check_sources(kb: KnowledgeBase) -> Iterator[Problem]:
    for entry in kb.entries.values():
        where = entry.path or entry.id
        if entry.type in TYPES_REQUIRING_SOURCES and not entry.sources:
            yield Problem(where, "sources", f"a {entry.type} needs at least one source")
        for key in entry.sources:
            if key not in kb.references:
                yield Problem(where, "sources", f"source key {key!r} is not in the bibliography")
        for key in cited_keys(entry.body):
            if key not in kb.references:
                yield Problem(where, "body", f"cited key [@{key}] is not in the bibliography")
            elif key not in entry.sources:
                yield Problem(where, "sources", f"cited key [@{key}] is missing from front matter sources")
        if isinstance(entry, Treatment) and entry.evidence.source:
            if entry.evidence.source not in kb.references:
                yield Problem(where, "evidence.source", f"{entry.evidence.source!r} is not in the bibliography")


def check_links(kb: KnowledgeBase) -> Iterator[Problem]:
    for entry in kb.entries.values():
        for target in internal_links(entry.body):
            if target not in kb.entries:
                yield Problem(entry.path or entry.id, "body", f"broken internal link gehecht:{target}")


def check_required_concepts(kb: KnowledgeBase) -> Iterator[Problem]:
    primaries = {e.primary_concept for e in kb.entries.values()}
    for concept in kb.concepts:
        if concept.slug not in primaries:
            yield Problem(kb.root / "data" / "concepten.yaml", f"concept {concept.slug}",
                          "required concept is no entry's primary concept")


def check_bibliography_cited(kb: KnowledgeBase) -> Iterator[Problem]:
    cited = {key for e in kb.entries.values() for key in e.sources}
    cited |= {e.evidence.source for e in kb.of_type("behandeling") if isinstance(e, Treatment) and e.evidence.source}
    for key, ref in kb.references.items():
        if key not in cited:
            yield Problem(ref.path or "bronnen", f"key {key}", "reference is cited by no entry")


def check_vocabularies(kb: KnowledgeBase) -> Iterator[Problem]:
    known_concepts = kb.concept_slugs
    for entry in kb.entries.values():
        where = entry.path or entry.id
        if isinstance(entry, Case):
            for field, allowed in (("family", FAMILY), ("history", HISTORY),
                                   ("signals", SIGNALS), ("contexts", CONTEXTS)):
                for slug in getattr(entry, field):
                    if slug not in allowed:
                        yield Problem(where, field, f"unknown slug {slug!r}; allowed: {', '.join(allowed)}")
        if isinstance(entry, Treatment):
            for slug in entry.problems:
                if slug not in SIGNALS and slug not in known_concepts:
                    yield Problem(where, "problems", f"{slug!r} is neither a signal slug nor a concept slug")
            for slug in entry.history:
                if slug not in HISTORY and slug not in FAMILY:
                    yield Problem(where, "history", f"unknown slug {slug!r}; allowed: {', '.join(HISTORY + FAMILY)}")


def check_problem_article_structure(kb: KnowledgeBase) -> Iterator[Problem]:
    """Problem and signal articles follow one recognisable question order."""
    for entry in kb.of_type("artikel"):
        concept = kb.concept(entry.primary_concept)
        if concept is None or concept.group not in PROBLEM_GROUPS:
            continue
        if entry.primary_concept in FREE_FORM_PROBLEM_CONCEPTS or entry.id != entry.primary_concept:
            continue
        headings = [s.heading for s in split_sections(entry.body) if s.audience == "ouder"]
        missing = [h for h in PROBLEM_HEADINGS if h not in headings]
        if missing:
            yield Problem(entry.path or entry.id, "body", f"problem article lacks headings: {', '.join(missing)}")
            continue
        positions = [headings.index(h) for h in PROBLEM_HEADINGS]
        if positions != sorted(positions):
            yield Problem(entry.path or entry.id, "body", "problem article headings are out of the question order")


def check_safety_numbers(kb: KnowledgeBase) -> Iterator[Problem]:
    for entry in kb.entries.values():
        texts = [entry.body] + ([entry.contact.phone or ""] if hasattr(entry, "contact") else [])
        for text in texts:
            for name, allowed in SAFETY_NUMBERS.items():
                for match in re.finditer(re.escape(name), text):
                    window = text[match.end(): match.end() + 40]
                    token = PHONE_TOKEN_RE.search(window)
                    if token and token.group(1).replace(" ", "-") not in allowed:
                        yield Problem(entry.path or entry.id, "body",
                                      f"{name} followed by {token.group(1)!r}; the number is {' or '.join(sorted(allowed))}")


def check_no_diagnosis_claims(kb: KnowledgeBase) -> Iterator[Problem]:
    for entry in kb.entries.values():
        match = DIAGNOSIS_CLAIM_RE.search(entry.body)
        if match:
            yield Problem(entry.path or entry.id, "body", f"reads as a diagnosis of the reader's child: {match.group(0)!r}")


def check_circle(kb: KnowledgeBase) -> Iterator[Problem]:
    known = kb.concept_slugs
    for need in kb.circle:
        if need.concept not in known:
            yield Problem(kb.root / "data" / "cirkel.yaml", f"{need.slug}.concept", f"unknown concept {need.concept!r}")


RULES: tuple[Rule, ...] = (
    check_concepts_known,
    check_sources,
    check_links,
    check_vocabularies,
    check_problem_article_structure,
    check_safety_numbers,
    check_no_diagnosis_claims,
    check_circle,
    check_bibliography_cited,
)


def validate(kb: KnowledgeBase, *, missing_concepts_as_warning: bool = False) -> list[Problem]:
    """All problems: load problems first, then every rule; missing required concepts last."""
    problems = list(kb.problems)
    for rule in RULES:
        problems.extend(rule(kb))
    for problem in check_required_concepts(kb):
        if missing_concepts_as_warning:
            problem = Problem(problem.path, problem.field, problem.message, severity="warning")
        problems.append(problem)
    return problems


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def entries_sorted(kb: KnowledgeBase) -> list[Entry]:
    order = {"artikel": 0, "behandeling": 1, "casus": 2, "organisatie": 3}
    return sorted(kb.entries.values(), key=lambda e: (order[e.type], e.id))
