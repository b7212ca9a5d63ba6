"""Data rights: everything of one's own as JSON, and as a readable PDF (WeasyPrint)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts import audit
from ..accounts.access import authorise
from ..content.models import CircleNeed
from ..db.models import AuditEvent, Child, Comment, User, utcnow
from .children import age_text, children_of, shared_with
from .overview import JournalOverview, journal_overview
from .vocabulary import RESPONSES, SCORES, SIGNAL_LABELS, one_decimal

TEMPLATES = Path(__file__).parent / "templates"
FORMAT_VERSION = 1


def _iso(value: Any) -> Any:
    return value.isoformat(timespec="minutes") if hasattr(value, "isoformat") else value


def _overviews(db: Session, user: User, needs: Sequence[CircleNeed]) -> list[JournalOverview]:
    """Every own child's journal, each opened through authorise (so each export is in the log)."""
    return [journal_overview(db, authorise(db, user, child.id, "dagboek.exporteren"), needs, "alles")
            for child in children_of(db, user)]


def export_data(db: Session, user: User, needs: Sequence[CircleNeed]) -> dict[str, Any]:
    """All data of this account, as one JSON-ready dict (Dutch keys, like the UI)."""
    need_labels = {n.slug: n.label for n in needs}
    children = []
    for overview in _overviews(db, user, needs):
        child = overview.grant.child
        comments = [c for group in overview.comments.values() for c in group]
        children.append({
            "id": child.id, "naam": child.name, "geboortemaand": child.birth_month,
            "observaties": [{
                "id": o.id, "wanneer": _iso(o.occurred_at), "situatie": o.situation,
                "signalen": list(o.signals or []), "kind_deed": o.child_did,
                "reacties_ouder": list(o.responses or []), "ouder_deed": o.parent_did,
                "behoefte": o.need, "behoefte_label": need_labels.get(o.need or ""), "hoe_ging_het": o.score,
                "notities": o.notes, "aangemaakt": _iso(o.created_at), "gewijzigd": _iso(o.updated_at),
            } for o in overview.observations],
            "reacties": [{"id": c.comment.id, "observatie": c.comment.observation_id, "door": c.author.display_name,
                          "rol": c.author.role, "tekst": c.comment.text, "wanneer": _iso(c.comment.created_at)}
                         for c in comments],
            "gedeeld_met": [{"gebruikersnaam": s.grantee.username, "naam": s.grantee.display_name,
                             "rol": s.grantee.role, "niveau": s.share.level, "sinds": _iso(s.share.created_at)}
                            for s in overview.shares],
        })
    written = db.execute(select(Comment, Child).join(Child, Comment.child_id == Child.id)
                         .where(Comment.author_id == user.id, Child.owner_id != user.id)).all()
    audit.record(db, user.id, user, "account.export")
    log = db.scalars(select(AuditEvent).where(AuditEvent.owner_id == user.id).order_by(AuditEvent.at)).all()
    return {
        "formaat": "gehecht-export", "versie": FORMAT_VERSION, "gemaakt": _iso(utcnow()) + "Z",
        "account": {"gebruikersnaam": user.username, "naam": user.display_name, "rol": user.role,
                    "beheerder": user.is_admin, "aangemaakt": _iso(user.created_at),
                    "wachtwoord_gewijzigd": _iso(user.password_changed_at)},
        "kinderen": children,
        "gedeeld_met_mij": [{"kind": s.child.name, "ouder": s.parent.display_name, "niveau": s.level}
                            for s in shared_with(db, user)],
        "mijn_reacties_bij_anderen": [{"kind": child.name, "tekst": c.text, "wanneer": _iso(c.created_at)}
                                      for c, child in written],
        "logboek": [{"wanneer": _iso(e.at) + "Z", "wie": e.actor_label, "actie": e.action,
                     "wat": audit.ACTION_LABELS.get(e.action, e.action), "kind": e.child_label, "detail": e.detail}
                    for e in log],
    }


def export_pdf(db: Session, user: User, needs: Sequence[CircleNeed]) -> bytes:
    """A readable PDF of the account's journals: per child the Circle, the weeks, every moment."""
    from weasyprint import HTML

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.filters["labels"] = lambda values, table: ", ".join(table.get(v, v) for v in values or ())
    overviews = _overviews(db, user, needs)
    audit.record(db, user.id, user, "account.export")
    html = env.get_template("export.html").render(
        user=user, overviews=overviews, made=utcnow(), age_text=age_text, signal_labels=SIGNAL_LABELS,
        responses=RESPONSES, scores=SCORES, need_labels={n.slug: n.label for n in needs}, dec=one_decimal)
    return HTML(string=html, base_url=str(TEMPLATES)).write_pdf()
