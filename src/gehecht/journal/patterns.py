"""Patterns in a journal turned into pointers into the knowledge base. The rules are data
(patronen.yaml, beside this module); this module only reads and applies them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..db.models import Observation

RULES_FILE = Path(__file__).parent / "patronen.yaml"
CRITERIA = ("behoeften", "helft", "signalen", "reacties", "score_max", "een_van")


@dataclass(frozen=True)
class Criteria:
    needs: frozenset[str] = frozenset()
    half: str | None = None
    signals: frozenset[str] = frozenset()
    responses: frozenset[str] = frozenset()
    score_max: int | None = None
    any_of: tuple[Criteria, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Criteria:
        return cls(needs=frozenset(data.get("behoeften", ())), half=data.get("helft"),
                   signals=frozenset(data.get("signalen", ())), responses=frozenset(data.get("reacties", ())),
                   score_max=data.get("score_max"),
                   any_of=tuple(cls.from_data(d) for d in data.get("een_van", ())))

    def matches(self, o: Observation, half_of: Mapping[str, str]) -> bool:
        if self.needs and o.need not in self.needs:
            return False
        if self.half and half_of.get(o.need or "") != self.half:
            return False
        if self.signals and not self.signals.intersection(o.signals or ()):
            return False
        if self.responses and not self.responses.intersection(o.responses or ()):
            return False
        if self.score_max is not None and (o.score is None or o.score > self.score_max):
            return False
        return not self.any_of or any(c.matches(o, half_of) for c in self.any_of)


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    text: str
    article: str
    criteria: Criteria
    minimum: int = 3
    mean_max: float | None = None
    mean_min: float | None = None
    urgent: bool = False
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Pointer:
    """A rule that fired: what we noticed, in how many moments, and what to read."""

    rule: Rule
    matched: int
    mean: float | None

    @property
    def url(self) -> str:
        return f"/artikel/{self.rule.article}"


@lru_cache
def load_rules(path: Path = RULES_FILE) -> tuple[Rule, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return tuple(Rule(id=d["id"], title=d["titel"], text=d["tekst"], article=d["artikel"],
                      criteria=Criteria.from_data(d), minimum=int(d.get("minimaal", 3)),
                      mean_max=d.get("gemiddelde_max"), mean_min=d.get("gemiddelde_min"),
                      urgent=bool(d.get("urgent", False)), raw=d) for d in data)


def find_patterns(observations: Sequence[Observation], half_of: Mapping[str, str],
                  rules: Sequence[Rule] | None = None) -> list[Pointer]:
    """Rules that fire on these observations, urgent first, at most one pointer per article."""
    found: list[Pointer] = []
    seen: set[str] = set()
    for rule in sorted(rules if rules is not None else load_rules(), key=lambda r: not r.urgent):
        matched = [o for o in observations if rule.criteria.matches(o, half_of)]
        scores = [o.score for o in matched if o.score is not None]
        mean = sum(scores) / len(scores) if scores else None
        if len(matched) < rule.minimum or rule.article in seen:
            continue
        if rule.mean_max is not None and (mean is None or mean > rule.mean_max):
            continue
        if rule.mean_min is not None and (mean is None or mean < rule.mean_min):
            continue
        seen.add(rule.article)
        found.append(Pointer(rule=rule, matched=len(matched), mean=mean))
    return found
