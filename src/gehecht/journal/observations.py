"""Observations: parsing the quick form, and adding, changing, deleting and listing them.
Every function that touches one child's journal takes the Grant from accounts.access.authorise."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..accounts.access import Grant, Permission
from ..content.vocabulary import SIGNALS
from ..db.models import Observation, utcnow
from .vocabulary import RESPONSES

LOCAL_TIME = ZoneInfo("Europe/Amsterdam")  # also Brussels' time
MAX_TEXT = 4000


class InvalidInput(ValueError):
    """Form problems per field, in plain Dutch."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def now_local() -> datetime:
    """Wall-clock time in the Netherlands and Flanders, to the minute (naive, as stored)."""
    return datetime.now(LOCAL_TIME).replace(tzinfo=None, second=0, microsecond=0)


def today() -> date:
    return now_local().date()


@dataclass
class ObservationInput:
    occurred_at: datetime
    situation: str = ""
    signals: list[str] = field(default_factory=list)
    child_did: str = ""
    responses: list[str] = field(default_factory=list)
    parent_did: str = ""
    need: str | None = None
    score: int | None = None
    notes: str = ""


def _text(form: Mapping[str, Any], name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _choices(form: Mapping[str, Any], name: str) -> list[str]:
    value = form.get(name)
    values = value if isinstance(value, list) else ([value] if isinstance(value, str) else [])
    return list(dict.fromkeys(v for v in values if isinstance(v, str) and v))


def parse_observation(form: Mapping[str, Any], needs: Collection[str], now: datetime | None = None) -> ObservationInput:
    """The journal form as typed by the parent → checked values (InvalidInput names each problem)."""
    now = now or now_local()
    errors: dict[str, str] = {}
    when_text = _text(form, "wanneer")
    occurred_at = now
    if when_text:
        try:
            occurred_at = datetime.fromisoformat(when_text).replace(second=0, microsecond=0, tzinfo=None)
        except ValueError:
            errors["wanneer"] = "Vul een datum en tijd in, of laat het veld leeg voor nu."
        else:
            if occurred_at > now + timedelta(days=1):
                errors["wanneer"] = "Dit moment ligt in de toekomst."
            elif occurred_at.year < 2000:
                errors["wanneer"] = "Kies een datum na 2000."
    data = ObservationInput(occurred_at=occurred_at, situation=_text(form, "situatie"),
                            signals=_choices(form, "signalen"), child_did=_text(form, "kind_deed"),
                            responses=_choices(form, "reacties"), parent_did=_text(form, "ouder_deed"),
                            notes=_text(form, "notities"))
    if len(data.situation) > 200:
        errors["situatie"] = "Houd de situatie kort (hoogstens 200 tekens); meer kan bij de notities."
    for name, value in (("kind_deed", data.child_did), ("ouder_deed", data.parent_did), ("notities", data.notes)):
        if len(value) > MAX_TEXT:
            errors[name] = f"Dit veld mag hoogstens {MAX_TEXT} tekens bevatten."
    if any(s not in SIGNALS for s in data.signals):
        errors["signalen"] = "Kies signalen uit de lijst."
    if any(r not in RESPONSES for r in data.responses):
        errors["reacties"] = "Kies uit de lijst wat u deed."
    need = _text(form, "behoefte")
    if need and need not in needs:
        errors["behoefte"] = "Kies een behoefte van de cirkel."
    data.need = need or None
    score = _text(form, "score")
    if score:
        if score not in {"1", "2", "3", "4", "5"}:
            errors["score"] = "Kies hoe het ging, van 1 tot 5."
        else:
            data.score = int(score)
    filled = (data.need, data.score, data.situation, data.signals, data.child_did, data.responses,
              data.parent_did, data.notes)
    if not errors and not any(filled):
        errors["behoefte"] = "Vul minstens iets in: wat uw kind nodig had, of wat er gebeurde."
    if errors:
        raise InvalidInput(errors)
    return data


def as_form(observation: Observation) -> dict[str, Any]:
    """An observation in the form's own field names (for the edit page)."""
    return {"wanneer": observation.occurred_at.strftime("%Y-%m-%dT%H:%M"), "situatie": observation.situation,
            "signalen": list(observation.signals or []), "kind_deed": observation.child_did,
            "reacties": list(observation.responses or []), "ouder_deed": observation.parent_did,
            "behoefte": observation.need or "", "score": str(observation.score or ""), "notities": observation.notes}


def add_observation(db: Session, grant: Grant, data: ObservationInput) -> Observation:
    grant.require(Permission.WRITE)
    return grant.store(db, Observation(child_id=grant.child.id, **vars(data)))


def get_observation(db: Session, grant: Grant, observation_id: str) -> Observation:
    """One observation of this grant's child; anything else is NotFound."""
    return grant.fetch(db, Observation, observation_id)


def update_observation(grant: Grant, observation: Observation, data: ObservationInput) -> None:
    grant.require(Permission.WRITE)
    for name, value in vars(data).items():
        setattr(observation, name, value)
    observation.updated_at = utcnow()


def delete_observation(db: Session, grant: Grant, observation: Observation) -> None:
    grant.require(Permission.WRITE)
    db.execute(delete(Observation).where(Observation.id == observation.id,
                                         Observation.child_id == grant.child.id))


def observations_since(db: Session, grant: Grant, since: datetime | None = None) -> Sequence[Observation]:
    """The child's observations (from `since`), newest first."""
    grant.require(Permission.READ)
    query = select(Observation).where(Observation.child_id == grant.child.id)
    if since is not None:
        query = query.where(Observation.occurred_at >= since)
    return db.scalars(query.order_by(Observation.occurred_at.desc(), Observation.created_at.desc())).all()


def count_observations(db: Session, child_id: str) -> int:
    return db.scalar(select(func.count()).select_from(Observation).where(Observation.child_id == child_id)) or 0
