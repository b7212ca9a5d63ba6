"""Plain-Dutch labels for the guide's fixed vocabularies (contracts.md §3).

The slugs are the contract; these labels are what a parent reads in the form, in `waarom`
and on the gesprekskaart. A label may differ per region: {"nl": …, "be": …}.
The *_EN dicts beside them are the English form labels (language "en"); `waarom`, the JSON
output and the gesprekskaart always use the Dutch ones.
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

ROLE_LABELS_EN: dict[str, Label] = {
    "ouder": "Parent or carer",
    "adoptieouder": "Adoptive parent",
    "pleegouder": "Foster parent",
    "stiefouder": "Step-parent",
    "leerkracht": {"nl": "Teacher or early-years practitioner", "be": "Teacher or childcare worker"},
    "hulpverlener": "Professional (care, health or social work)",
}

REGION_LABELS_EN: dict[str, Label] = {"nl": "The Netherlands", "be": "Flanders (Belgium)"}

FAMILY_LABELS_EN: dict[str, Label] = {
    "adoptie": "Adoptive family",
    "pleegzorg": "Foster family",
    "biologisch": "The child lives with one or both birth parents",
    "samengesteld-gezin": "Blended family (with a step-parent)",
    "gescheiden-ouders": "The parents are divorced or separated",
}

HISTORY_LABELS_EN: dict[str, Label] = {
    "adoptie-na-6-maanden": "Adopted when older than 6 months",
    "institutionele-zorg": "Has lived in a children's home or institution",
    "meerdere-wisselingen-verzorgers": "Has often had different carers (for example several foster families)",
    "verwaarlozing": "Neglect: got too little care or attention",
    "mishandeling": "Abuse",
    "huiselijk-geweld": "Domestic violence (violence at home, also between adults)",
    "ouder-depressie-of-psychische-problemen": "A parent with depression or other mental health problems",
    "verslaving-ouder": "A parent with an addiction",
    "vroege-ziekenhuisopname": "Was in hospital (for a long time) as a baby or toddler",
    "premature-geboorte": "Born prematurely",
    "scheiding-ouders": "The parents separated",
    "overlijden-ouder": "A parent has died",
    "vlucht-of-migratie": "Fleeing or migration",
}

SIGNAL_LABELS_EN: dict[str, Label] = {
    "driftbuien": "Tantrums or fits of rage",
    "agressie": "Hitting, kicking or fighting",
    "liegen": "Lying or making up stories",
    "controlerend-gedrag": "Wants to decide everything or bosses the parent around",
    "weinig-troost-zoeken": "Seeks little comfort when hurt or sad",
    "dubbele-signalen": "Asks for attention, but pushes you away when you come close",
    "vreemden-zonder-aarzeling": "Goes off with strangers without hesitation",
    "overmatig-aanklampen": "Clings and won't let go",
    "teruggetrokken": "Withdraws, is quiet",
    "weinig-emoties-tonen": "Shows few feelings",
    "geen-vaste-vrienden": "Has no close friends",
    "gepest-worden": "Is bullied",
    "ruzie-met-leeftijdgenoten": "Often quarrels with other children",
    "schoolproblemen": "Problems at school",
    "concentratieproblemen": "Finds it hard to concentrate",
    "slaapproblemen": "Sleeps badly",
    "eetproblemen": "Problems with food (for example hiding or refusing food)",
    "goed-buitenshuis-moeilijk-thuis": "Does well outside the home, but at home it is difficult",
    "regressie": "Falls back to younger behaviour (for example wetting the bed again)",
    "zelfbeschadiging": "Hurts themselves (for example scratching or cutting)",
    "suicidale-uitingen": "Talks about wanting to die or about suicide",
    "weglopen": "Runs away",
}

CONTEXT_LABELS_EN: dict[str, Label] = {
    "thuis": "At home",
    "school": "At school",
    "opvang": {"nl": "In day care (nursery, playgroup, after-school care)",
               "be": "In childcare or after-school care"},
    "vrienden": "With friends or other children",
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

LABELS_EN: dict[str, dict[str, Label]] = {
    "rol": ROLE_LABELS_EN,
    "regio": REGION_LABELS_EN,
    "gezin": FAMILY_LABELS_EN,
    "geschiedenis": HISTORY_LABELS_EN,
    "signalen": SIGNAL_LABELS_EN,
    "contexten": CONTEXT_LABELS_EN,
}
LABELS_BY_LANGUAGE: dict[str, dict[str, dict[str, Label]]] = {"nl": LABELS, "en": LABELS_EN}

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
SIGNAL_GROUP_TITLES_EN: dict[str, str] = {
    "Boosheid en gedrag": "Anger and behaviour",
    "Contact en troost": "Closeness and comfort",
    "School en vrienden": "School and friends",
    "Lichaam en ontwikkeling": "Body and development",
    "Veiligheid": "Safety",
}


def label(field: str, slug: str, region: str = "nl", language: str = "nl") -> str:
    """The label of a slug in one of the intake's fields (the slug itself if unknown); Dutch
    unless `language` asks for another language the form is available in."""
    value = LABELS_BY_LANGUAGE.get(language, LABELS).get(field, {}).get(slug, slug)
    if isinstance(value, dict):
        return value.get(region) or value["nl"]
    return value


def _assert_complete() -> None:
    for field, vocabulary in (("rol", ROLES), ("regio", REGIONS), ("gezin", FAMILY), ("geschiedenis", HISTORY),
                              ("signalen", SIGNALS), ("contexten", CONTEXTS)):
        for language, labels in LABELS_BY_LANGUAGE.items():
            missing = set(vocabulary) - set(labels[field])
            if missing:
                raise RuntimeError(f"guide labels ({language}) lack {field}: {sorted(missing)}")
    grouped = [s for _, group in SIGNAL_GROUPS for s in group]
    if sorted(grouped) != sorted(SIGNALS):
        raise RuntimeError("SIGNAL_GROUPS must hold every signal exactly once")
    if {title for title, _ in SIGNAL_GROUPS} != set(SIGNAL_GROUP_TITLES_EN):
        raise RuntimeError("SIGNAL_GROUP_TITLES_EN must name every signal group")


_assert_complete()

URGENCY_TITLES = {
    "direct": "Direct hulp: de veiligheid van het kind gaat voor",
    "hulp-zoeken": "Zoek hulp bij een professional",
    "bespreken": "Bespreek het met iemand die het kind kent",
    "informatie": "Ter informatie: geen reden tot haast",
}
URGENCY_TITLES_EN = {
    "direct": "Get help now: the child's safety comes first",
    "hulp-zoeken": "Seek help from a professional",
    "bespreken": "Talk it over with someone who knows the child",
    "informatie": "For information: no reason to hurry",
}


def age_text(months: int, language: str = "nl") -> str:
    """'8 maanden', '3 jaar', '3 jaar en 2 maanden' (English: '8 months', '3 years and 2 months')."""
    if language == "en":
        if months < 24:
            return f"{months} {'month' if months == 1 else 'months'}"
        years, rest = divmod(months, 12)
        return f"{years} years" + (f" and {rest} {'month' if rest == 1 else 'months'}" if rest else "")
    if months < 24:
        return f"{months} {'maand' if months == 1 else 'maanden'}"
    years, rest = divmod(months, 12)
    return f"{years} jaar" + (f" en {rest} {'maand' if rest == 1 else 'maanden'}" if rest else "")
