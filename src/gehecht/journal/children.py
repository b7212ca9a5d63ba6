"""Children in the journal: a first name or nickname and a birth month, nothing more."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..accounts import audit
from ..accounts.access import Grant, Permission
from ..db.models import Child, Share, User
from .observations import InvalidInput, today

MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
MAX_AGE_YEARS = 25


@dataclass(frozen=True)
class ChildInput:
    name: str
    birth_month: str


def parse_child(name: str, birth_month: str, on: date | None = None) -> ChildInput:
    errors: dict[str, str] = {}
    name = " ".join(name.split())
    if not name:
        errors["naam"] = "Vul een voornaam of bijnaam in."
    elif len(name) > 40:
        errors["naam"] = "Een voornaam of bijnaam van hoogstens 40 tekens is genoeg."
    on = on or today()
    match = MONTH_PATTERN.match(birth_month.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        errors["geboortemaand"] = "Kies de geboortemaand, bijvoorbeeld 2021-03."
    else:
        year, month = int(match.group(1)), int(match.group(2))
        if (year, month) > (on.year, on.month):
            errors["geboortemaand"] = "De geboortemaand ligt in de toekomst."
        elif year < on.year - MAX_AGE_YEARS:
            errors["geboortemaand"] = f"Het dagboek is voor kinderen en jongeren tot {MAX_AGE_YEARS} jaar."
    if errors:
        raise InvalidInput(errors)
    return ChildInput(name=name, birth_month=birth_month.strip())


def age_text(birth_month: str, on: date | None = None, language: str = "nl") -> str:
    """'3 jaar en 2 maanden', '7 maanden' (English: '3 years and 2 months', '7 months')."""
    on = on or today()
    year, month = (int(p) for p in birth_month.split("-"))
    months = max(0, (on.year - year) * 12 + on.month - month)
    years, rest = divmod(months, 12)
    if language == "en":
        month_word = "month" if rest == 1 else "months"
        year_word = "year" if years == 1 else "years"
        if years == 0:
            return f"{rest} {month_word}"
        if rest == 0 or years >= 6:
            return f"{years} {year_word}"
        return f"{years} {year_word} and {rest} {month_word}"
    if years == 0:
        return f"{rest} {'maand' if rest == 1 else 'maanden'}"
    if rest == 0 or years >= 6:
        return f"{years} jaar"
    return f"{years} jaar en {rest} {'maand' if rest == 1 else 'maanden'}"


def add_child(db: Session, owner: User, data: ChildInput) -> Child:
    """Only parents keep a journal; professionals and teachers read what is shared with them."""
    if owner.role != "ouder":
        raise PermissionError("only parents add children")
    child = Child(owner_id=owner.id, name=data.name, birth_month=data.birth_month)
    db.add(child)
    db.flush()
    audit.record(db, owner.id, owner, "kind.toevoegen", child, object_id=child.id)
    return child


def update_child(grant: Grant, data: ChildInput) -> None:
    grant.require(Permission.MANAGE)
    grant.child.name = data.name
    grant.child.birth_month = data.birth_month


def delete_child(db: Session, grant: Grant) -> None:
    """The child with its observations, comments and shares (ON DELETE CASCADE)."""
    grant.require(Permission.MANAGE)
    db.execute(delete(Child).where(Child.id == grant.child.id))
    if grant.event is not None:
        grant.event.child_id = None


def children_of(db: Session, owner: User) -> Sequence[Child]:
    return db.scalars(select(Child).where(Child.owner_id == owner.id).order_by(Child.name)).all()


@dataclass(frozen=True)
class SharedJournal:
    child: Child
    parent: User
    level: str


def shared_with(db: Session, user: User) -> list[SharedJournal]:
    """Journals a professional or teacher may open (names only; opening one goes via authorise)."""
    rows = db.execute(select(Share, Child, User).join(Child, Share.child_id == Child.id)
                      .join(User, Child.owner_id == User.id).where(Share.grantee_id == user.id)
                      .order_by(Child.name)).all()
    return [SharedJournal(child=child, parent=parent, level=share.level) for share, child, parent in rows]
