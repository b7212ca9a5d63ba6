"""Server-side sessions. The browser holds a random 256-bit token; the database holds only its
SHA-256, the user, a CSRF token and the expiry times (OWASP ASVS v4 §3: 30 minutes idle,
12 hours at most). A new session (new token, new CSRF token) is started at every log-in."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.orm import Session

from ..db.models import LoginSession, User, utcnow

COOKIE_NAME = "gehecht_sessie"
IDLE_TIMEOUT = timedelta(minutes=30)
ABSOLUTE_TIMEOUT = timedelta(hours=12)
ANONYMOUS_TIMEOUT = timedelta(hours=2)  # sessions that only carry a CSRF token for the log-in form
TOUCH_AFTER = timedelta(seconds=60)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def start(db: Session, user: User | None) -> tuple[str, LoginSession]:
    """A fresh session; returns the token for the cookie (never stored) and the row."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    row = LoginSession(id=digest(token), user_id=user.id if user else None, csrf_token=secrets.token_urlsafe(32),
                       created_at=now, last_seen_at=now,
                       expires_at=now + (ABSOLUTE_TIMEOUT if user else ANONYMOUS_TIMEOUT))
    db.add(row)
    return token, row


def _expired(row: LoginSession) -> bool:
    now = utcnow()
    return row.expires_at <= now or (row.user_id is not None and row.last_seen_at + IDLE_TIMEOUT <= now)


def load(db: Session, token: str | None) -> LoginSession | None:
    """The live session for a cookie value, or None (an expired one is deleted on the spot)."""
    if not token or len(token) > 100:
        return None
    row = db.get(LoginSession, digest(token))
    if row is None:
        return None
    if _expired(row):
        db.delete(row)
        return None
    now = utcnow()
    if now - row.last_seen_at >= TOUCH_AFTER:
        row.last_seen_at = now
    return row


def end(db: Session, row: LoginSession) -> None:
    db.execute(delete(LoginSession).where(LoginSession.id == row.id))


def end_all_for(db: Session, user_id: str, keep: LoginSession | None = None) -> None:
    """Log a user out everywhere (after a password change or reset), except the current session."""
    query = delete(LoginSession).where(LoginSession.user_id == user_id)
    if keep is not None:
        query = query.where(LoginSession.id != keep.id)
    db.execute(query)


def count_for(db: Session, user_id: str) -> int:
    """Live sessions of a user (devices or browsers where they are logged in)."""
    now = utcnow()
    return db.scalar(select(func.count()).select_from(LoginSession).where(
        LoginSession.user_id == user_id, LoginSession.expires_at > now,
        LoginSession.last_seen_at > now - IDLE_TIMEOUT)) or 0


def prune(db: Session) -> None:
    now = utcnow()
    db.execute(delete(LoginSession).where(or_(
        LoginSession.expires_at <= now,
        and_(LoginSession.user_id.is_not(None), LoginSession.last_seen_at <= now - IDLE_TIMEOUT))))
