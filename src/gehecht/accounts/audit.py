"""The audit log a parent can read: who did what, when, to which child's journal; never content."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import AuditEvent, Child, User

ROLE_LABELS = {"ouder": "ouder", "hulpverlener": "hulpverlener", "leerkracht": "leerkracht"}

ACTION_LABELS = {
    "dagboek.lezen": "Dagboek bekeken",
    "dagboek.exporteren": "Dagboek geëxporteerd",
    "observatie.toevoegen": "Observatie toegevoegd",
    "observatie.openen": "Observatie geopend om te wijzigen",
    "observatie.wijzigen": "Observatie gewijzigd",
    "observatie.verwijderen": "Observatie verwijderd",
    "kind.toevoegen": "Kind toegevoegd",
    "kind.openen": "Gegevens van kind geopend",
    "kind.wijzigen": "Gegevens van kind gewijzigd",
    "kind.verwijderen": "Kind en dagboek verwijderd",
    "reactie.plaatsen": "Reactie geplaatst",
    "reactie.verwijderen": "Reactie verwijderd",
    "delen.bekijken": "Overzicht delen bekeken",
    "delen.toestaan": "Toegang gegeven",
    "delen.wijzigen": "Toegang gewijzigd",
    "delen.intrekken": "Toegang ingetrokken",
    "account.aangemaakt": "Account aangemaakt",
    "account.inloggen": "Ingelogd",
    "account.inloggen-mislukt": "Mislukte inlogpoging",
    "account.uitloggen": "Uitgelogd",
    "account.overal-uitloggen": "Overal uitgelogd",
    "account.wachtwoord": "Wachtwoord gewijzigd",
    "account.wachtwoord-reset": "Wachtwoord opnieuw ingesteld door de beheerder",
    "account.export": "Alle gegevens geëxporteerd",
}

# The same actions in the English UI (the export and the stored log stay Dutch).
ACTION_LABELS_EN = {
    "dagboek.lezen": "Journal viewed",
    "dagboek.exporteren": "Journal exported",
    "observatie.toevoegen": "Observation added",
    "observatie.openen": "Observation opened for editing",
    "observatie.wijzigen": "Observation changed",
    "observatie.verwijderen": "Observation deleted",
    "kind.toevoegen": "Child added",
    "kind.openen": "Child's details opened",
    "kind.wijzigen": "Child's details changed",
    "kind.verwijderen": "Child and journal deleted",
    "reactie.plaatsen": "Comment posted",
    "reactie.verwijderen": "Comment deleted",
    "delen.bekijken": "Sharing overview viewed",
    "delen.toestaan": "Access given",
    "delen.wijzigen": "Access changed",
    "delen.intrekken": "Access withdrawn",
    "account.aangemaakt": "Account created",
    "account.inloggen": "Logged in",
    "account.inloggen-mislukt": "Failed log-in attempt",
    "account.uitloggen": "Logged out",
    "account.overal-uitloggen": "Logged out everywhere",
    "account.wachtwoord": "Password changed",
    "account.wachtwoord-reset": "Password reset by the administrator",
    "account.export": "All data exported",
}
assert set(ACTION_LABELS_EN) == set(ACTION_LABELS)


def actor_label(user: User | None) -> str:
    if user is None:
        return "onbekend"
    return f"{user.display_name} ({ROLE_LABELS.get(user.role, user.role)})"


def record(db: Session, owner_id: str, actor: User | None, action: str, child: Child | None = None,
           object_id: str | None = None, detail: str = "") -> AuditEvent:
    """Add one event to `owner_id`'s log (in the caller's transaction)."""
    if action not in ACTION_LABELS:
        raise ValueError(f"unknown audit action {action!r}")
    event = AuditEvent(owner_id=owner_id, actor_id=actor.id if actor else None, actor_label=actor_label(actor),
                       child_id=child.id if child else None, child_label=child.name if child else "",
                       action=action, object_id=object_id, detail=detail[:160])
    db.add(event)
    return event


def events_for(db: Session, owner_id: str, child_id: str | None = None, limit: int = 200,
               offset: int = 0) -> Sequence[AuditEvent]:
    """The owner's log, newest first; optionally only one child's."""
    query = select(AuditEvent).where(AuditEvent.owner_id == owner_id)
    if child_id is not None:
        query = query.where(AuditEvent.child_id == child_id)
    query = query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit).offset(offset)
    return db.scalars(query).all()
