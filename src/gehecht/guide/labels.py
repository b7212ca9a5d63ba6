"""Plain-Dutch labels for the guide's fixed vocabularies (contracts.md §3).

The slugs are the contract; these labels are what a parent reads in the form, in `waarom`
and on the gesprekskaart. A label may differ per region: {"nl": …, "be": …}.
"""

from __future__ import annotations

from ..content.vocabulary import CONTEXTS, FAMILY, HISTORY, REGIONS, ROLES, SIGNALS

Label = str | dict[str, str]

ROLE_LABELS: dict[str, Label] = {
    "ouder": "Ouder of opvoeder",
    "adoptieouder": "Adoptieouder",
    "pleegouder": "Pleegouder",
    "stiefouder": "Stiefouder of plusouder",
    "leerkracht": {"nl": "Leerkracht of pedagogisch medewerker", "be": "Leerkracht of kinderbegeleider"},
    "hulpverlener": "Hulpverlener",
}

REGION_LABELS: dict[str, Label] = {"nl": "Nederland", "be": "Vlaanderen"}

FAMILY_LABELS: dict[str, Label] = {
    "adoptie": "Adoptiegezin",
    "pleegzorg": "Pleeggezin",
    "biologisch": "Het kind woont bij een of beide eigen ouders",
    "samengesteld-gezin": "Samengesteld gezin (met een stiefouder of plusouder)",
    "gescheiden-ouders": "De ouders zijn gescheiden of uit elkaar",
}

HISTORY_LABELS: dict[str, Label] = {
    "adoptie-na-6-maanden": "Geadopteerd toen het ouder was dan 6 maanden",
    "institutionele-zorg": "Heeft in een kindertehuis of instelling gewoond",
    "meerdere-wisselingen-verzorgers": "Heeft vaak andere verzorgers gehad (bijvoorbeeld meerdere pleeggezinnen)",
    "verwaarlozing": "Verwaarlozing: kreeg te weinig zorg of aandacht",
    "mishandeling": "Mishandeling",
    "huiselijk-geweld": "Huiselijk geweld (geweld thuis, ook tussen volwassenen)",
    "ouder-depressie-of-psychische-problemen": "Een ouder met een depressie of andere psychische problemen",
    "verslaving-ouder": "Een ouder met een verslaving",
    "vroege-ziekenhuisopname": "Lag als baby of peuter (lang) in het ziekenhuis",
    "premature-geboorte": "Te vroeg geboren",
    "scheiding-ouders": "De ouders gingen uit elkaar",
    "overlijden-ouder": "Een ouder is overleden",
    "vlucht-of-migratie": "Vlucht of migratie",
}

SIGNAL_LABELS: dict[str, Label] = {
    "driftbuien": "Driftbuien of woedeaanvallen",
    "agressie": "Slaan, schoppen of vechten",
    "liegen": "Liegen of verhalen verzinnen",
    "controlerend-gedrag": "Wil alles bepalen of commandeert de ouder",
    "weinig-troost-zoeken": "Zoekt weinig troost bij pijn of verdriet",
    "dubbele-signalen": "Vraagt aandacht, maar duwt u weg als u dichtbij komt",
    "vreemden-zonder-aarzeling": "Gaat zonder aarzelen mee met vreemden",
    "overmatig-aanklampen": "Klampt zich vast en wil niet loslaten",
    "teruggetrokken": "Trekt zich terug, is stil",
    "weinig-emoties-tonen": "Laat weinig gevoelens zien",
    "geen-vaste-vrienden": "Heeft geen vaste vrienden",
    "gepest-worden": "Wordt gepest",
    "ruzie-met-leeftijdgenoten": "Heeft vaak ruzie met andere kinderen",
    "schoolproblemen": "Problemen op school",
    "concentratieproblemen": "Kan zich moeilijk concentreren",
    "slaapproblemen": "Slaapt slecht",
    "eetproblemen": "Problemen met eten (bijvoorbeeld eten verstoppen of weigeren)",
    "goed-buitenshuis-moeilijk-thuis": "Gaat goed buiten de deur, maar thuis is het moeilijk",
    "regressie": "Terugval naar jonger gedrag (bijvoorbeeld weer in bed plassen)",
    "zelfbeschadiging": "Doet zichzelf pijn (bijvoorbeeld krassen of snijden)",
    "suicidale-uitingen": "Praat over dood willen of over zelfmoord",
    "weglopen": "Loopt weg",
}

CONTEXT_LABELS: dict[str, Label] = {
    "thuis": "Thuis",
    "school": "Op school",
    "opvang": {"nl": "In de opvang (kinderdagverblijf, peuterspeelzaal, bso)",
               "be": "In de kinderopvang of de buitenschoolse opvang"},
    "vrienden": "Met vrienden of andere kinderen",
}

# Which input a slug belongs to, in the words `waarom` uses.
FIELD_NAMES = {
    "rol": "rol",
    "regio": "regio",
    "gezin": "gezin",
    "geschiedenis": "voorgeschiedenis",
    "signalen": "signaal",
    "contexten": "waar",
}

LABELS: dict[str, dict[str, Label]] = {
    "rol": ROLE_LABELS,
    "regio": REGION_LABELS,
    "gezin": FAMILY_LABELS,
    "geschiedenis": HISTORY_LABELS,
    "signalen": SIGNAL_LABELS,
    "contexten": CONTEXT_LABELS,
}

# Signals shown together on the signals screen, so 22 checkboxes stay readable on a phone.
SIGNAL_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Boosheid en gedrag", ("driftbuien", "agressie", "controlerend-gedrag", "liegen", "weglopen")),
    ("Contact en troost", ("dubbele-signalen", "weinig-troost-zoeken", "overmatig-aanklampen",
                           "vreemden-zonder-aarzeling", "teruggetrokken", "weinig-emoties-tonen",
                           "goed-buitenshuis-moeilijk-thuis")),
    ("School en vrienden", ("schoolproblemen", "concentratieproblemen", "geen-vaste-vrienden",
                            "gepest-worden", "ruzie-met-leeftijdgenoten")),
    ("Lichaam en ontwikkeling", ("slaapproblemen", "eetproblemen", "regressie")),
    ("Veiligheid", ("zelfbeschadiging", "suicidale-uitingen")),
)


def label(field: str, slug: str, region: str = "nl") -> str:
    """The Dutch label of a slug in one of the intake's fields (the slug itself if unknown)."""
    value = LABELS.get(field, {}).get(slug, slug)
    if isinstance(value, dict):
        return value.get(region) or value["nl"]
    return value


def _assert_complete() -> None:
    for field, vocabulary in (("rol", ROLES), ("regio", REGIONS), ("gezin", FAMILY), ("geschiedenis", HISTORY),
                              ("signalen", SIGNALS), ("contexten", CONTEXTS)):
        missing = set(vocabulary) - set(LABELS[field])
        if missing:
            raise RuntimeError(f"guide labels lack {field}: {sorted(missing)}")
    grouped = [s for _, group in SIGNAL_GROUPS for s in group]
    if sorted(grouped) != sorted(SIGNALS):
        raise RuntimeError("SIGNAL_GROUPS must hold every signal exactly once")


_assert_complete()

URGENCY_TITLES = {
    "direct": "Direct hulp: de veiligheid van het kind gaat voor",
    "hulp-zoeken": "Zoek hulp bij een professional",
    "bespreken": "Bespreek het met iemand die het kind kent",
    "informatie": "Ter informatie: geen reden tot haast",
}


def age_text(months: int) -> str:
    """'8 maanden', '3 jaar', '3 jaar en 2 maanden'."""
    if months < 24:
        return f"{months} {'maand' if months == 1 else 'maanden'}"
    years, rest = divmod(months, 12)
    return f"{years} jaar" + (f" en {rest} {'maand' if rest == 1 else 'maanden'}" if rest else "")
