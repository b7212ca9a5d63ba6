"""The visitor's choices (region, language, role), kept in plain cookies: no account needed."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from .i18n import LANGUAGES

ROLES = ("ouder", "leerkracht", "hulpverlener")
REGIONS = ("nl", "be")
COOKIE_MAX_AGE = 365 * 24 * 3600


@dataclass(frozen=True)
class Preferences:
    region: str = "nl"
    language: str = "nl"
    role: str | None = None


def _pick(value: str | None, allowed: tuple[str, ...], default: str | None) -> str | None:
    return value if value in allowed else default


def preferences(request: Request) -> Preferences:
    """Query parameters override cookies, so a shared link can carry a region."""
    q, c = request.query_params, request.cookies
    return Preferences(
        region=_pick(q.get("regio") or c.get("regio"), REGIONS, "nl") or "nl",
        language=_pick(q.get("taal") or c.get("taal"), LANGUAGES, "nl") or "nl",
        role=_pick(q.get("rol") or c.get("rol"), ROLES, None),
    )
