"""Everything one journal page shows, gathered in one place: the web page, the PDF and tests use it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ..accounts.access import Grant
from ..content.models import CircleNeed
from ..db.models import Observation
from ..pictures.circle_svg import circle_svg
from ..pictures.journal_svg import WeekBar, week_timeline_svg
from . import sharing, summary
from .observations import count_observations, observations_since, today
from .patterns import Pointer, find_patterns


@dataclass
class JournalOverview:
    grant: Grant
    period: str
    observations: Sequence[Observation]
    total: int
    needs: list[summary.NeedRow]
    weeks: list[WeekBar]
    pointers: list[Pointer]
    comments: dict[str | None, list[sharing.CommentView]]
    shares: list[sharing.ShareView]

    @property
    def circle_svg(self) -> str:
        counts, scores = summary.counts_and_scores(self.needs)
        return circle_svg([r.need for r in self.needs], counts=counts, scores=scores,
                          title=f"De Cirkel van Veiligheid van {self.grant.child.name}: hoe vaak en hoe het ging",
                          svg_id="dagboek-cirkel")

    @property
    def timeline_svg(self) -> str:
        return week_timeline_svg(self.weeks, title=f"Momenten per week van {self.grant.child.name}")


def journal_overview(db: Session, grant: Grant, needs: Sequence[CircleNeed], period: str | None = None,
                     on: date | None = None) -> JournalOverview:
    chosen = summary.period_of(period)
    on = on or today()
    start = summary.period_start(chosen, on)
    observations = observations_since(db, grant, start)
    half_of = {n.slug: n.helft for n in needs}
    return JournalOverview(
        grant=grant, period=chosen, observations=observations, total=count_observations(db, grant.child.id),
        needs=summary.by_need(observations, needs), weeks=summary.by_week(observations, needs, on, start),
        pointers=find_patterns(observations, half_of), comments=sharing.comments_of(db, grant),
        shares=sharing.shares_of(db, grant) if grant.is_owner else [])
