"""Rate limits on log-in and sign-up, counted in the database so that every app process behind a
load balancer sees the same numbers. Client addresses are stored hashed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from ..db.models import LoginAttempt, utcnow


@dataclass(frozen=True)
class Limit:
    prefix: str
    attempts: int
    window: timedelta


ACCOUNT_FAILURES = Limit("account", 5, timedelta(minutes=15))
ADDRESS_FAILURES = Limit("ip", 30, timedelta(minutes=15))
ADDRESS_SIGNUPS = Limit("signup-ip", 10, timedelta(hours=1))
KEEP = timedelta(days=1)


def key(limit: Limit, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode("utf-8")).hexdigest()[:40]
    return f"{limit.prefix}:{digest}"


def take_turns(db: Session, limit: Limit, value: str) -> None:
    """Let attempts on one key wait for each other until the end of their transaction, so that
    parallel requests cannot all pass `exceeded` before any of them is counted (a script's burst of
    guesses would otherwise get as many tries as it sends at once). PostgreSQL: a transaction-scoped
    advisory lock on the key. SQLite needs nothing: every request holds the write lock already."""
    if db.get_bind().dialect.name == "postgresql":
        db.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key(limit, value)})


def exceeded(db: Session, limit: Limit, value: str) -> bool:
    since = utcnow() - limit.window
    count = db.scalar(select(func.count()).select_from(LoginAttempt)
                      .where(LoginAttempt.key == key(limit, value), LoginAttempt.at > since))
    return (count or 0) >= limit.attempts


def count(db: Session, limit: Limit, value: str) -> None:
    db.add(LoginAttempt(key=key(limit, value)))


def clear(db: Session, limit: Limit, value: str) -> None:
    db.execute(delete(LoginAttempt).where(LoginAttempt.key == key(limit, value)))


def prune(db: Session) -> None:
    db.execute(delete(LoginAttempt).where(LoginAttempt.at < utcnow() - KEEP))
