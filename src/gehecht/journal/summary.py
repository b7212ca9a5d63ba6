"""Counting what the journal holds: per need on the Circle, and per week."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..content.models import CircleNeed
from ..db.models import Observation
from ..pictures.journal_svg import WeekBar
from .vocabulary import DEFAULT_PERIOD, PERIODS

MAX_WEEKS = 52


def period_of(value: str | None) -> str:
    return value if value in PERIODS else DEFAULT_PERIOD


def period_start(period: str, today: date) -> datetime | None:
    """Monday 00:00 of the first week in the period (None: everything)."""
    if period == "alles":
        return None
    first = monday_of(today) - timedelta(weeks=int(period) - 1)
    return datetime.combine(first, datetime.min.time())


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class NeedRow:
    need: CircleNeed
    count: int
    average: float | None


def by_need(observations: Sequence[Observation], needs: Sequence[CircleNeed]) -> list[NeedRow]:
    counts: Counter[str] = Counter()
    scores: dict[str, list[int]] = defaultdict(list)
    for o in observations:
        if o.need:
            counts[o.need] += 1
            if o.score is not None:
                scores[o.need].append(o.score)
    return [NeedRow(n, counts[n.slug], (sum(scores[n.slug]) / len(scores[n.slug])) if scores[n.slug] else None)
            for n in needs]


def counts_and_scores(rows: Sequence[NeedRow]) -> tuple[dict[str, int], dict[str, float]]:
    """The two mappings circle_svg draws."""
    return ({r.need.slug: r.count for r in rows},
            {r.need.slug: r.average for r in rows if r.average is not None})


def by_week(observations: Sequence[Observation], needs: Sequence[CircleNeed], today: date,
            start: datetime | None) -> list[WeekBar]:
    """One bar per week from the period's start (or the first observation) up to this week."""
    half_of: Mapping[str, str] = {n.slug: n.helft for n in needs}
    last = monday_of(today)
    if start is not None:
        first = monday_of(start.date())
    elif observations:
        first = monday_of(min(o.occurred_at for o in observations).date())
    else:
        first = last
    first = max(first, last - timedelta(weeks=MAX_WEEKS - 1))
    counts: dict[date, Counter[str]] = defaultdict(Counter)
    scores: dict[date, list[int]] = defaultdict(list)
    for o in observations:
        week = monday_of(o.occurred_at.date())
        counts[week][half_of.get(o.need or "", "onbekend")] += 1
        if o.score is not None:
            scores[week].append(o.score)
    bars = []
    week = first
    while week <= last:
        s = scores.get(week)
        bars.append(WeekBar(monday=week, counts=dict(counts.get(week, {})), average=sum(s) / len(s) if s else None))
        week += timedelta(weeks=1)
    return bars
