"""The responses each route can give, declared for the OpenAPI schema (/api/openapi.json).

The JSON API answers errors as JSON; the pages answer every error as an HTML page. Declaring both
keeps the schema honest, and the contract tests (tests/robustness) hold the app to it."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class Problem(BaseModel):
    """One problem with the input: where (`loc`), what (`msg`, plain Dutch) and its kind."""

    loc: list[str | int]
    msg: str
    type: str


class ApiError(BaseModel):
    """HTTP 422 of the JSON API: every problem with the input."""

    detail: list[Problem]


class ApiMessage(BaseModel):
    """HTTP 503 of the JSON API: why it cannot answer now."""

    detail: str


HTML_CONTENT: dict[str, Any] = {"text/html": {"schema": {"type": "string"}}}


def html(description: str) -> dict[str, Any]:
    return {"description": description, "content": HTML_CONTENT}


def pdf(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}}


REDIRECT: dict[str, Any] = {"description": "Verder naar een andere pagina (Location)"}
NOT_FOUND = html("Deze pagina bestaat niet (of is niet van u)")
BAD_INPUT = html("De invoer klopt niet; de pagina zegt wat er mis is")
UNAVAILABLE = html("De opslag is niet bereikbaar, vol of alleen-lezen (Retry-After)")

API_BAD_INPUT: dict[int | str, dict[str, Any]] = {422: {"model": ApiError, "description": "De invoer klopt niet"}}
PAGE: dict[int | str, dict[str, Any]] = {422: BAD_INPUT}
PAGE_WITH_ID: dict[int | str, dict[str, Any]] = {404: NOT_FOUND, 422: BAD_INPUT}
CHOICE: dict[int | str, dict[str, Any]] = {303: REDIRECT, 404: NOT_FOUND, 422: BAD_INPUT}

# Account and journal pages: a visitor who is not logged in is sent to the log-in page (303), a
# form without this session's CSRF token is refused (403), someone else's journal does not exist
# for you (404), too many attempts are slowed down (429), and storage trouble is a 503.
PRIVATE_PAGES: dict[int | str, dict[str, Any]] = {
    303: REDIRECT,
    401: html("Gebruikersnaam of wachtwoord klopt niet (inloggen)"),
    403: html("Dit formulier is verlopen of komt niet van deze site (CSRF)"),
    404: NOT_FOUND,
    422: BAD_INPUT,
    429: html("Te veel pogingen; probeer het later opnieuw"),
    503: UNAVAILABLE,
}
