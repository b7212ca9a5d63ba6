"""Typed models for every kind of knowledge-base entry (contract §1 fields plus our own)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Audience = Literal["ouder", "leerkracht", "hulpverlener"]
Region = Literal["nl", "be"]
EntryType = Literal["artikel", "casus", "behandeling", "organisatie"]

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def check_age_range(value: tuple[float, float]) -> tuple[float, float]:
    """An age range in years is [min, max] with 0 <= min <= max <= 18."""
    low, high = value
    if not (0 <= low <= high <= 18):
        raise ValueError("must be [min, max] with 0 <= min <= max <= 18 (years)")
    return value


class AgeRange(BaseModel):
    """An inclusive age range in years; helper for overlap tests."""

    low: float
    high: float

    def contains(self, years: float) -> bool:
        return self.low <= years <= self.high


class Entry(BaseModel):
    """Fields every entry has (contracts.md §1), plus summary, keywords and the Markdown body."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=SLUG_PATTERN)
    type: EntryType
    title: str = Field(min_length=3)
    summary: str = Field(min_length=10)
    concepts: list[str] = Field(min_length=1, max_length=6)
    audiences: list[Audience] = Field(min_length=1)
    ages: tuple[float, float]
    regions: list[Region] = Field(min_length=1)
    sources: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)  # questions people ask that this entry answers
    body: str = ""
    path: Path | None = None

    @field_validator("ages")
    @classmethod
    def _ages_in_range(cls, value: tuple[float, float]) -> tuple[float, float]:
        return check_age_range(value)

    @field_validator("concepts", "audiences", "regions", "sources")
    @classmethod
    def _no_duplicates(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("contains duplicates")
        return value

    @property
    def primary_concept(self) -> str:
        return self.concepts[0]

    @property
    def age_range(self) -> AgeRange:
        return AgeRange(low=self.ages[0], high=self.ages[1])

    @property
    def url(self) -> str:
        return f"/{self.type}/{self.id}"


class Article(Entry):
    type: Literal["artikel"] = "artikel"


class Case(Entry):
    type: Literal["casus"] = "casus"
    family: list[str] = Field(default_factory=list)
    history: list[str] = Field(default_factory=list)
    signals: list[str] = Field(default_factory=list)
    contexts: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _id_prefix(self) -> "Case":
        if not self.id.startswith("casus-"):
            raise ValueError("a case id starts with 'casus-'")
        return self


class Evidence(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: str
    databank_nl: str | None = None
    databank_be: str | None = None
    source: str | None = None


class Treatment(Entry):
    type: Literal["behandeling"] = "behandeling"
    target_ages: tuple[float, float]
    problems: list[str] = Field(min_length=1)
    history: list[str] = Field(default_factory=list)
    duration: str
    providers: str
    evidence: Evidence

    @field_validator("target_ages")
    @classmethod
    def _target_ages_in_range(cls, value: tuple[float, float]) -> tuple[float, float]:
        return check_age_range(value)

    def fits_age(self, years: float) -> bool:
        return self.target_ages[0] <= years <= self.target_ages[1]


class Contact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    website: str | None = None
    phone: str | None = None
    hours: str | None = None
    email: str | None = None


class Organisation(Entry):
    type: Literal["organisatie"] = "organisatie"
    purpose: str
    who: str
    contact: Contact = Field(default_factory=Contact)


ENTRY_MODELS: dict[str, type[Entry]] = {
    "artikel": Article,
    "casus": Case,
    "behandeling": Treatment,
    "organisatie": Organisation,
}

# Entry types whose factual content must cite at least one source (contract §1).
TYPES_REQUIRING_SOURCES = frozenset({"artikel", "behandeling", "casus"})


class Reference(BaseModel):
    """One bibliography item; rendered APA 7 by bibliography.format_apa."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$")
    kind: Literal["boek", "artikel", "hoofdstuk", "richtlijn", "web", "classificatie", "rapport"]
    authors: list[str] = Field(min_length=1)
    year: str
    title: str
    role: Literal["authors", "editors"] = "authors"
    edition: str | None = None
    journal: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    editors: list[str] = Field(default_factory=list)
    book_title: str | None = None
    publisher: str | None = None
    doi: str | None = None
    url: str | None = None
    note: str | None = None
    path: Path | None = None

    @field_validator("year", "volume", "issue", "pages", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value


class Concept(BaseModel):
    slug: str
    group: str
    scope: str


class CircleNeed(BaseModel):
    """One need on the Circle of Security (structured so the guide, journal and SVG share it)."""

    slug: str
    helft: Literal["boven", "onder", "handen"]
    label: str
    label_en: str
    uitleg: str
    concept: str


class DevelopmentPhase(BaseModel):
    slug: str
    naam: str
    van_maanden: int
    tot_maanden: int | None
    kenmerken: str
    concept: str


class Part(BaseModel):
    """One of the seven parts of the subject."""

    nummer: int
    groep: str
    slug: str
    titel: str
    intro: str


class EmergencyNumber(BaseModel):
    naam: str
    nummer: str
    waarvoor: str
    regio: Region
    altijd_bereikbaar: bool = True
    spoed: bool = False
