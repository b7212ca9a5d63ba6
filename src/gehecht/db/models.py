"""The tables behind accounts and the journal. Ids that appear in URLs are random (no enumeration);
every row that belongs to a person hangs off `users` with ON DELETE CASCADE, so deleting an
account removes its data in the database itself, not only in Python."""

from __future__ import annotations

import secrets
import string
from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ROLES = ("ouder", "hulpverlener", "leerkracht")
SHARE_LEVELS = ("lezen", "reageren")


ID_ALPHABET = string.ascii_letters + string.digits


def new_id() -> str:
    """A random id of 16 letters and digits (95 bits): nothing to count or guess in a URL."""
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(16))


def utcnow() -> datetime:
    """Naive UTC, stored the same way on SQLite and PostgreSQL."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(24), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    password_changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (CheckConstraint("role IN ('ouder', 'hulpverlener', 'leerkracht')", name="role"),)


class LoginSession(Base):
    """A server-side session. The cookie holds a random token; only its SHA-256 is stored here."""

    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class LoginAttempt(Base):
    """A failed log-in (or a sign-up), counted per account and per client address for rate limits."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (Index("ix_login_attempts_key_at", "key", "at"), Index("ix_login_attempts_at", "at"))


class Child(Base):
    """Data minimisation: a first name or nickname and a birth month, nothing else."""

    __tablename__ = "children"

    id: Mapped[str] = mapped_column(String(24), primary_key=True, default=new_id)
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    birth_month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Observation(Base):
    """One moment noticed by the parent. `occurred_at` is local wall-clock time (NL/BE)."""

    __tablename__ = "observations"

    id: Mapped[str] = mapped_column(String(24), primary_key=True, default=new_id)
    child_id: Mapped[str] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"))
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    situation: Mapped[str] = mapped_column(String(200), default="")
    signals: Mapped[list[str]] = mapped_column(JSON, default=list)
    child_did: Mapped[str] = mapped_column(Text, default="")
    responses: Mapped[list[str]] = mapped_column(JSON, default=list)
    parent_did: Mapped[str] = mapped_column(Text, default="")
    need: Mapped[str | None] = mapped_column(String(40))
    score: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint("score IS NULL OR (score >= 1 AND score <= 5)", name="score"),
        Index("ix_observations_child_when", "child_id", "occurred_at"),
    )


class Share(Base):
    """A parent's consent: one professional or teacher may read (and perhaps comment on) one child's journal."""

    __tablename__ = "shares"

    id: Mapped[str] = mapped_column(String(24), primary_key=True, default=new_id)
    child_id: Mapped[str] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"))
    grantee_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("child_id", "grantee_id", name="uq_shares_child_grantee"),
        CheckConstraint("level IN ('lezen', 'reageren')", name="level"),
    )


class Comment(Base):
    """A professional's (or the parent's) remark on a journal, optionally on one observation."""

    __tablename__ = "comments"

    id: Mapped[str] = mapped_column(String(24), primary_key=True, default=new_id)
    child_id: Mapped[str] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"), index=True)
    observation_id: Mapped[str | None] = mapped_column(
        ForeignKey("observations.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuditEvent(Base):
    """Who did what to which child's journal, when: never the observation text itself.
    `owner_id` is whose log it is (the parent); labels survive deletion of the actor or child."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    actor_label: Mapped[str] = mapped_column(String(120))
    child_id: Mapped[str | None] = mapped_column(ForeignKey("children.id", ondelete="SET NULL"), index=True)
    child_label: Mapped[str] = mapped_column(String(40), default="")
    action: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str | None] = mapped_column(String(24))
    detail: Mapped[str] = mapped_column(String(160), default="")  # e.g. to whom access was given

    __table_args__ = (Index("ix_audit_log_owner_at", "owner_id", "at"),)
