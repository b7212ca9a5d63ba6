"""The guide's input (contracts.md §3): one child's situation, validated with clear Dutch errors.

`parse_intake` and `parse_intake_json` are what the CLI, the JSON API and the web form call; every
problem becomes an `IntakeError` naming the field, the bad value and the allowed values.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..content.vocabulary import CONTEXTS, FAMILY, HISTORY, REGIONS, ROLES, SIGNALS

MAX_MONTHS = 216  # 18 years
MAX_TOELICHTING = 4000

VOCABULARIES: dict[str, tuple[str, ...]] = {
    "rol": ROLES,
    "regio": REGIONS,
    "gezin": FAMILY,
    "geschiedenis": HISTORY,
    "signalen": SIGNALS,
    "contexten": CONTEXTS,
}
LIST_FIELDS = ("gezin", "geschiedenis", "signalen", "contexten")
REQUIRED_FIELDS = ("rol", "regio", "leeftijd_maanden")


class IntakeError(ValueError):
    """Bad input; `problems` holds (field, clear message) per problem, `messages` the messages."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(self.messages))

    @property
    def messages(self) -> list[str]:
        return [message for _, message in self.problems]


def _unknown(field: str, value: object) -> ValueError:
    allowed = ", ".join(VOCABULARIES[field])
    return ValueError(f"onbekende waarde {value!r}; toegestaan: {allowed}")


class Intake(BaseModel):
    """What a parent, teacher or professional tells about one child. Nothing here is stored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rol: str
    regio: str
    leeftijd_maanden: int = Field(ge=0, le=MAX_MONTHS)
    gezin: tuple[str, ...] = ()
    geschiedenis: tuple[str, ...] = ()
    signalen: tuple[str, ...] = ()
    contexten: tuple[str, ...] = ()
    toelichting: str = Field(default="", max_length=MAX_TOELICHTING)

    @field_validator("rol", "regio", mode="before")
    @classmethod
    def _known_choice(cls, value: object, info: Any) -> object:
        if isinstance(value, str) and value.strip().lower() in VOCABULARIES[info.field_name]:
            return value.strip().lower()
        if isinstance(value, str):
            raise _unknown(info.field_name, value)
        raise ValueError(f"moet tekst zijn, een van: {', '.join(VOCABULARIES[info.field_name])}")

    @field_validator("leeftijd_maanden", mode="before")
    @classmethod
    def _whole_months(cls, value: object) -> object:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"moet een geheel getal zijn (maanden, 0 tot en met {MAX_MONTHS}); gekregen: {value!r}")
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(f"moet een geheel aantal maanden zijn; gekregen: {value!r}")
        months = int(value)
        if not 0 <= months <= MAX_MONTHS:
            raise ValueError(f"moet tussen 0 en {MAX_MONTHS} maanden liggen (0 tot en met 18 jaar); gekregen: {months}")
        return months

    @field_validator(*LIST_FIELDS, mode="before")
    @classmethod
    def _known_slugs(cls, value: object, info: Any) -> object:
        if value is None:
            return ()
        if not isinstance(value, (list, tuple)):
            raise ValueError(f"moet een lijst zijn, bijvoorbeeld [\"{VOCABULARIES[info.field_name][0]}\"]")
        seen: list[str] = []
        for item in value:
            if not isinstance(item, str):
                raise ValueError(f"bevat {item!r}; elke waarde moet tekst zijn")
            slug = item.strip().lower()
            if slug not in VOCABULARIES[info.field_name]:
                raise _unknown(info.field_name, item)
            if slug not in seen:
                seen.append(slug)
        return tuple(seen)

    @field_validator("toelichting", mode="before")
    @classmethod
    def _text(cls, value: object) -> object:
        if value is None:
            return ""
        if not isinstance(value, str):
            raise ValueError("moet tekst zijn")
        return value.strip()

    @property
    def leeftijd_jaren(self) -> float:
        return self.leeftijd_maanden / 12


def _problem(error: dict[str, Any]) -> tuple[str, str]:
    loc = [str(part) for part in error.get("loc", ())]
    field = loc[0] if loc else "invoer"
    kind = error.get("type", "")
    if kind == "missing":
        return field, f"{field} ontbreekt; verplicht zijn: {', '.join(REQUIRED_FIELDS)}"
    if kind == "extra_forbidden":
        allowed = ", ".join(list(REQUIRED_FIELDS) + list(LIST_FIELDS) + ["toelichting"])
        return field, f"onbekend veld {field!r}; toegestane velden: {allowed}"
    if kind == "string_too_long":
        return field, f"{field} is te lang (hoogstens {MAX_TOELICHTING} tekens)"
    message = str(error.get("msg", "ongeldige waarde"))
    message = message.removeprefix("Value error, ")
    return field, f"{field}: {message}"


def parse_intake(data: object) -> Intake:
    """Validate decoded JSON (or form data) into an Intake; raise IntakeError with clear lines."""
    if not isinstance(data, dict):
        raise IntakeError([("invoer", "de invoer moet één JSON-object zijn, bijvoorbeeld "
                                       '{"rol": "ouder", "regio": "nl", "leeftijd_maanden": 36}')])
    try:
        return Intake.model_validate(data)
    except ValidationError as exc:
        raise IntakeError([_problem(e) for e in exc.errors()]) from None


def parse_intake_json(text: str | bytes) -> Intake:
    """Parse one intake from JSON text; malformed JSON is an IntakeError too."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        where = f" (regel {exc.lineno}, kolom {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise IntakeError([("invoer", f"geen geldige JSON{where}: {getattr(exc, 'msg', exc)}")]) from None
    except RecursionError:  # '[[[[…' nested deeper than the decoder allows
        raise IntakeError([("invoer", "geen geldige JSON: te diep genest")]) from None
    except ValueError:  # a number with thousands of digits (Python's int conversion limit)
        raise IntakeError([("invoer", "geen geldige JSON: een getal is te lang")]) from None
    return parse_intake(data)
