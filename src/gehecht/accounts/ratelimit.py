"""Rate limits on log-in and sign-up, counted in the database so that every app process behind a
load balancer sees the same numbers. Client addresses are stored hashed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, select
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
