"""Fixtures for the guide: the real rules, and a helper that runs the route without search."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gehecht.content.loader import KnowledgeBase
from gehecht.guide.intake import parse_intake
from gehecht.guide.output import Route
from gehecht.guide.route import route
from gehecht.guide.rules import RuleSet, load_rules


@pytest.fixture(scope="session")
def rules(kb: KnowledgeBase) -> RuleSet:
    return load_rules(kb)


@pytest.fixture(scope="session")
def guide(kb: KnowledgeBase, rules: RuleSet) -> Callable[..., Route]:
    """guide(rol=…, regio=…, leeftijd_maanden=…, …) → Route, without free-text search."""

    def run(search=None, **fields) -> Route:
        return route(kb, rules, parse_intake(fields), search)

    return run
