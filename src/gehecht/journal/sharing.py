"""Consented sharing: a parent gives one professional or teacher read (or read-and-comment)
access to one child's journal, and can take it back at any time. Comments live here too."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..accounts import audit
from ..accounts.access import Grant, NotFound, Permission
from ..accounts.users import find_user
from ..db.models import SHARE_LEVELS, Comment, Observation, Share, User
from .observations import InvalidInput

GRANTEE_ROLES = ("hulpverlener", "leerkracht")
LEVEL_LABELS = {"lezen": "Mag lezen", "reageren": "Mag lezen en reageren"}
LEVEL_LABELS_EN = {"lezen": "May read", "reageren": "May read and comment"}  # the English UI; the log stays Dutch
MAX_COMMENT = 2000


@dataclass(frozen=True)
class ShareView:
    share: Share
    grantee: User


def shares_of(db: Session, grant: Grant) -> list[ShareView]:
    grant.require(Permission.MANAGE)
    rows = db.execute(select(Share, User).join(User, Share.grantee_id == User.id)
                      .where(Share.child_id == grant.child.id).order_by(Share.created_at)).all()
    return [ShareView(share, user) for share, user in rows]


def share(db: Session, grant: Grant, username: str, level: str) -> Share:
    """Give (or change) access. Only professionals and teachers can receive it."""
    grant.require(Permission.MANAGE)
    errors = {}
    if level not in SHARE_LEVELS:
        errors["niveau"] = "Kies of de ander alleen mag lezen, of ook mag reageren."
    grantee = find_user(db, username) if username.strip() else None
    if grantee is None or grantee.role not in GRANTEE_ROLES or grantee.id == grant.user.id:
        errors["gebruikersnaam"] = ("Er is geen hulpverlener of leerkracht met deze gebruikersnaam. "
                                    "Vraag de ander om de precieze gebruikersnaam.")
    if errors:
        raise InvalidInput(errors)
    assert grantee is not None
    existing = db.scalar(select(Share).where(Share.child_id == grant.child.id, Share.grantee_id == grantee.id))
    if existing is not None:
        existing.level = level
        given = existing
        if grant.event is not None:
            grant.event.action = "delen.wijzigen"
    else:
        given = grant.store(db, Share(child_id=grant.child.id, grantee_id=grantee.id, level=level))
    grant.note(given)
    if grant.event is not None:
        grant.event.detail = f"{audit.actor_label(grantee)}: {LEVEL_LABELS[level].lower()}"
    return given


def revoke(db: Session, grant: Grant, share_id: str) -> None:
    grant.require(Permission.MANAGE)
    found = grant.fetch(db, Share, share_id)
    grantee = db.get(User, found.grantee_id)
    grant.note(found)
    if grant.event is not None:
        grant.event.detail = audit.actor_label(grantee)
    db.execute(delete(Share).where(Share.id == found.id))


@dataclass(frozen=True)
class CommentView:
    comment: Comment
    author: User

    def deletable_by(self, grant: Grant) -> bool:
        return grant.is_owner or (self.author.id == grant.user.id and grant.allows(Permission.COMMENT))


def comments_of(db: Session, grant: Grant) -> dict[str | None, list[CommentView]]:
    """Comments by observation id (None: on the journal as a whole), oldest first. The parent sees
    every comment; a professional or teacher sees only their own and the parent's (one reader's
    remarks are not shown to another reader)."""
    grant.require(Permission.READ)
    query = select(Comment, User).join(User, Comment.author_id == User.id).where(Comment.child_id == grant.child.id)
    if not grant.is_owner:
        query = query.where(Comment.author_id.in_((grant.user.id, grant.child.owner_id)))
    rows = db.execute(query.order_by(Comment.created_at)).all()
    grouped: dict[str | None, list[CommentView]] = defaultdict(list)
    for comment, author in rows:
        grouped[comment.observation_id].append(CommentView(comment, author))
    return grouped


def add_comment(db: Session, grant: Grant, text: str, observation_id: str | None = None) -> Comment:
    grant.require(Permission.COMMENT)
    text = text.strip()
    if not text:
        raise InvalidInput({"tekst": "Typ eerst uw reactie."})
    if len(text) > MAX_COMMENT:
        raise InvalidInput({"tekst": f"Een reactie mag hoogstens {MAX_COMMENT} tekens lang zijn."})
    if observation_id:
        grant.fetch(db, Observation, observation_id)
    return grant.store(db, Comment(child_id=grant.child.id, observation_id=observation_id or None,
                                   author_id=grant.user.id, text=text))


def delete_comment(db: Session, grant: Grant, comment_id: str) -> None:
    """The author deletes their own comment; the parent may delete any comment in their journal."""
    grant.require(Permission.COMMENT)
    comment = grant.fetch(db, Comment, comment_id)
    if not (grant.is_owner or comment.author_id == grant.user.id):
        raise NotFound()
    grant.note(comment)
    db.execute(delete(Comment).where(Comment.id == comment.id))
