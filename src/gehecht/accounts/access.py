"""The one authorisation function every journal route goes through.

`authorise(db, user, child_id, action)` returns a Grant or raises NotFound: a child that does not
exist and a child the user may not touch look the same from outside (404, never 403). Allowed
actions are written to the parent's audit log here, so no route can forget to."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import AuditEvent, Child, Share, User
from . import audit

log = logging.getLogger(__name__)


T = TypeVar("T")
MAX_ID_LENGTH = 24  # ids are short random strings; longer input is never an id


class NotFound(Exception):
    """Nothing here for this user (or nothing at all): the web edge answers 404."""


class Permission(StrEnum):
    READ = "lezen"
    COMMENT = "reageren"
    WRITE = "schrijven"
    MANAGE = "beheren"


OWNER = "eigenaar"
LEVEL_PERMISSIONS: dict[str, frozenset[Permission]] = {
    OWNER: frozenset(Permission),
    "reageren": frozenset({Permission.READ, Permission.COMMENT}),
    "lezen": frozenset({Permission.READ}),
}

# Every journal action: the permission it needs and whether it goes into the audit log.
ACTIONS: dict[str, tuple[Permission, bool]] = {
    "dagboek.lezen": (Permission.READ, True),
    "dagboek.exporteren": (Permission.MANAGE, True),
    "observatie.toevoegen": (Permission.WRITE, True),
    "observatie.openen": (Permission.WRITE, True),
    "observatie.wijzigen": (Permission.WRITE, True),
    "observatie.verwijderen": (Permission.WRITE, True),
    "kind.openen": (Permission.MANAGE, True),
    "kind.wijzigen": (Permission.MANAGE, True),
    "kind.verwijderen": (Permission.MANAGE, True),
    "reactie.plaatsen": (Permission.COMMENT, True),
    "reactie.verwijderen": (Permission.COMMENT, True),
    "delen.bekijken": (Permission.MANAGE, True),
    "delen.toestaan": (Permission.MANAGE, True),
    "delen.wijzigen": (Permission.MANAGE, True),
    "delen.intrekken": (Permission.MANAGE, True),
    "logboek.bekijken": (Permission.MANAGE, False),
}


@dataclass
class Grant:
    """What `user` may do with `child`'s journal, and the audit event this access wrote."""

    child: Child
    user: User
    level: str  # eigenaar | reageren | lezen
    event: AuditEvent | None = None

    @property
    def is_owner(self) -> bool:
        return self.level == OWNER

    def allows(self, permission: Permission) -> bool:
        return permission in LEVEL_PERMISSIONS[self.level]

    def require(self, permission: Permission) -> None:
        if not self.allows(permission):
            raise NotFound()

    def note(self, row: object) -> None:
        """Name the row this access touched in its audit event (ids only, never content)."""
        if self.event is not None:
            self.event.object_id = getattr(row, "id")

    def store(self, db: Session, row: T) -> T:
        """Add a new row of this child's journal, get its id, and note it in the audit event."""
        db.add(row)
        db.flush()
        self.note(row)
        return row

    def fetch(self, db: Session, model: type[T], object_id: str) -> T:
        """A row (observation, share, comment) that belongs to this grant's child; anything else,
        including another child's row or a malformed id, is NotFound."""
        row = db.get(model, object_id) if len(object_id) <= MAX_ID_LENGTH else None
        if row is None or getattr(row, "child_id", None) != self.child.id:
            raise NotFound()
        return row


def access_level(db: Session, user: User, child: Child) -> str | None:
    if child.owner_id == user.id:
        return OWNER
    if user.role not in ("hulpverlener", "leerkracht"):
        return None
    return db.scalar(select(Share.level).where(Share.child_id == child.id, Share.grantee_id == user.id))


def authorise(db: Session, user: User | None, child_id: str, action: str, object_id: str | None = None,
              detail: str = "") -> Grant:
    """Allow `action` on `child_id`'s journal for `user`, log it, and return the Grant; else NotFound."""
    permission, audited = ACTIONS[action]
    child = db.get(Child, child_id) if user is not None and isinstance(child_id, str) and len(child_id) <= 24 else None
    level = access_level(db, user, child) if user is not None and child is not None else None
    if user is None or child is None or level is None or permission not in LEVEL_PERMISSIONS[level]:
        log.warning("journal access refused: user=%s child=%s action=%s", user.id if user else "-",
                    child_id[:24] if isinstance(child_id, str) else "-", action)
        raise NotFound()
    event = audit.record(db, child.owner_id, user, action, child, object_id, detail) if audited else None
    return Grant(child=child, user=user, level=level, event=event)
