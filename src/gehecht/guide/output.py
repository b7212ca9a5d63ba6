"""The guide's output (contracts.md §3), plus the fields Gehecht adds.

Contract fields keep their names and meaning; additions: `leeftijd_context`, `noodnummers`,
`urgentie_regels`, `stappen`, `vragen`, and per item `waarom`/`regels`/`url` where useful.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Urgency = Literal["informatie", "bespreken", "hulp-zoeken", "direct"]


class Topic(BaseModel):
    concept: str
    id: str
    titel: str
    waarom: str
    url: str
    regels: list[str] = Field(default_factory=list)


class CircleItem(BaseModel):
    behoefte: str  # need slug from content/data/cirkel.yaml
    helft: Literal["boven", "onder", "handen"]
    label: str
    uitleg: str
    waarom: str
    regels: list[str] = Field(default_factory=list)


class Action(BaseModel):
    id: str
    titel: str
    url: str
    waarom: str = ""


class TreatmentItem(BaseModel):
    id: str
    titel: str
    waarom: str
    url: str
    leeftijd: tuple[float, float]
    onderbouwing: str = ""


class OrganisationItem(BaseModel):
    id: str
    naam: str
    regio: Literal["nl", "be"]
    waarom: str = ""
    telefoon: str | None = None
    website: str | None = None
    url: str | None = None  # page in Gehecht, when it is an entry


class CaseItem(BaseModel):
    id: str
    titel: str
    waarom: str
    url: str


class EmergencyNumberItem(BaseModel):
    naam: str
    nummer: str
    waarvoor: str
    regio: Literal["nl", "be"]


class AgeNote(BaseModel):
    tekst: str
    waarom: str
    regels: list[str] = Field(default_factory=list)


class Step(BaseModel):
    tekst: str
    waarom: str


class Route(BaseModel):
    """Everything the guide returns for one intake; JSON via `as_json()`."""

    urgentie: Urgency
    urgentie_uitleg: str
    urgentie_regels: list[str] = Field(default_factory=list)
    noodnummers: list[EmergencyNumberItem] = Field(default_factory=list)
    leeftijd_context: list[AgeNote] = Field(default_factory=list)
    onderwerpen: list[Topic] = Field(default_factory=list)
    cirkel: list[CircleItem] = Field(default_factory=list)
    wat_u_kunt_doen: list[Action] = Field(default_factory=list)
    stappen: list[Step] = Field(default_factory=list)
    vragen: list[str] = Field(default_factory=list)
    behandelingen: list[TreatmentItem] = Field(default_factory=list)
    organisaties: list[OrganisationItem] = Field(default_factory=list)
    casussen: list[CaseItem] = Field(default_factory=list)
    disclaimer: str

    def as_json(self) -> dict[str, object]:
        return self.model_dump(mode="json")

    def texts(self) -> list[str]:
        """Every string in the output, for checks such as 'never states a diagnosis'."""
        found: list[str] = []

        def walk(value: object) -> None:
            if isinstance(value, str):
                found.append(value)
            elif isinstance(value, dict):
                for item in value.values():
                    walk(item)
            elif isinstance(value, (list, tuple)):
                for item in value:
                    walk(item)

        walk(self.as_json())
        return found
