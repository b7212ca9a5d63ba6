"""Accounts: sign-up, log-in, password change, administrator reset, deletion."""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Sequence

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ..db.models import ROLES, AuditEvent, User, utcnow
from . import audit, passwords, ratelimit, sessions

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._@-]{2,63}$")


class AccountError(ValueError):
    """A problem the user can fix; the message is plain Dutch."""


class LoginFailed(AccountError):
    pass


class TooManyAttempts(AccountError):
    pass


def normalise_username(username: str) -> str:
    return unicodedata.normalize("NFKC", username).strip().lower()


def find_user(db: Session, username: str) -> User | None:
    return db.scalar(select(User).where(User.username == normalise_username(username)))


def list_users(db: Session) -> Sequence[User]:
    return db.scalars(select(User).order_by(User.username)).all()


def username_problems(db: Session, username: str) -> list[str]:
    name = normalise_username(username)
    if not USERNAME_PATTERN.match(name):
        return ["Kies een gebruikersnaam van 3 tot 64 tekens: letters, cijfers en . _ @ -, zonder spaties."]
    if find_user(db, name) is not None:
        return ["Deze gebruikersnaam is al in gebruik. Kies een andere."]
    return []


def create_user(db: Session, username: str, password: str, role: str, display_name: str = "",
                is_admin: bool = False, must_change_password: bool = False) -> User:
    """Check everything, then add the user; AccountError lists every problem at once."""
    problems = username_problems(db, username)
    if role not in ROLES:
        problems.append(f"Kies een rol: {', '.join(ROLES)}.")
    display_name = " ".join(display_name.split())
    if len(display_name) > 80:
        problems.append("Een naam mag hoogstens 80 tekens lang zijn.")
    problems += passwords.password_problems(password, normalise_username(username))
    if problems:
        raise AccountError(" ".join(problems))
    name = normalise_username(username)
    user = User(username=name, display_name=display_name or name, role=role,
                password_hash=passwords.hash_password(password), is_admin=is_admin,
                must_change_password=must_change_password)
    db.add(user)
    db.flush()
    audit.record(db, user.id, user, "account.aangemaakt")
    return user


def authenticate(db: Session, username: str, password: str, client_address: str) -> User:
    """The user for these credentials, or LoginFailed / TooManyAttempts (same message for an
    unknown name and a wrong password). Failures count per account and per client address."""
    name = normalise_username(username)[:64]
    ratelimit.take_turns(db, ratelimit.ACCOUNT_FAILURES, name)
    if (ratelimit.exceeded(db, ratelimit.ACCOUNT_FAILURES, name)
            or ratelimit.exceeded(db, ratelimit.ADDRESS_FAILURES, client_address)):
        raise TooManyAttempts("Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw.")
    user = find_user(db, name)
    if user is None:
        passwords.burn_time(password)
    if user is None or not passwords.verify_password(user.password_hash, password):
        ratelimit.prune(db)
        ratelimit.count(db, ratelimit.ACCOUNT_FAILURES, name)
        ratelimit.count(db, ratelimit.ADDRESS_FAILURES, client_address)
        if user is not None:
            audit.record(db, user.id, None, "account.inloggen-mislukt")
        raise LoginFailed("Gebruikersnaam of wachtwoord klopt niet.")
    ratelimit.clear(db, ratelimit.ACCOUNT_FAILURES, name)
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    audit.record(db, user.id, user, "account.inloggen")
    return user


def change_password(db: Session, user: User, current: str, new: str, client_address: str) -> None:
    """The user's own change: the current password is checked (and rate-limited like a log-in)."""
    ratelimit.take_turns(db, ratelimit.ACCOUNT_FAILURES, user.username)
    if ratelimit.exceeded(db, ratelimit.ACCOUNT_FAILURES, user.username):
        raise TooManyAttempts("Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw.")
    if not passwords.verify_password(user.password_hash, current):
        ratelimit.count(db, ratelimit.ACCOUNT_FAILURES, user.username)
        ratelimit.count(db, ratelimit.ADDRESS_FAILURES, client_address)
        raise AccountError("Uw huidige wachtwoord klopt niet.")
    problems = passwords.password_problems(new, user.username)
    if new == current:
        problems.append("Kies een ander wachtwoord dan uw huidige.")
    if problems:
        raise AccountError(" ".join(problems))
    _store_password(user, new, must_change=False)
    audit.record(db, user.id, user, "account.wachtwoord")


def set_password(db: Session, user: User, new: str, must_change: bool = True) -> None:
    """The administrator's reset: new password, every session ended, change forced at next log-in."""
    problems = passwords.password_problems(new, user.username)
    if problems:
        raise AccountError(" ".join(problems))
    _store_password(user, new, must_change=must_change)
    sessions.end_all_for(db, user.id)
    ratelimit.clear(db, ratelimit.ACCOUNT_FAILURES, user.username)
    audit.record(db, user.id, None, "account.wachtwoord-reset")


def temporary_password() -> str:
    """Easy to read out over the phone, 20 characters, about 100 bits."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(20))
    return "-".join(raw[i:i + 5] for i in range(0, 20, 5))


def _store_password(user: User, password: str, must_change: bool) -> None:
    user.password_hash = passwords.hash_password(password)
    user.password_changed_at = utcnow()
    user.must_change_password = must_change


def delete_user(db: Session, user: User) -> None:
    """Remove the account and everything of it. Children, observations, shares, comments, sessions
    and the user's own audit log go by ON DELETE CASCADE; in other parents' logs the name is
    replaced, and log-in counters for the name are dropped."""
    label = f"verwijderd account ({audit.ROLE_LABELS.get(user.role, user.role)})"
    db.execute(update(AuditEvent).where(AuditEvent.actor_id == user.id).values(actor_label=label))
    old = audit.actor_label(user)  # sharing events name the person who got or lost access
    for event in db.scalars(select(AuditEvent).where(AuditEvent.detail.startswith(old, autoescape=True))):
        event.detail = label + event.detail[len(old):]
    ratelimit.clear(db, ratelimit.ACCOUNT_FAILURES, user.username)
    db.execute(delete(User).where(User.id == user.id))
    db.expunge(user)
