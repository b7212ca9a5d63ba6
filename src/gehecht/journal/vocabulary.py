"""Words of the journal: Dutch labels for the contract's signals, the quick choices for what the
parent did, and the 1-5 scale of how it went."""

from __future__ import annotations

from datetime import datetime

from ..content.vocabulary import SIGNALS

SIGNAL_LABELS: dict[str, str] = {
    "driftbuien": "Driftbui of woedeaanval",
    "agressie": "Slaan, schoppen, bijten of gooien",
    "liegen": "Liegen",
    "controlerend-gedrag": "Wilde alles bepalen",
    "weinig-troost-zoeken": "Zocht geen troost",
    "dubbele-signalen": "Wilde mij en duwde mij weg",
    "vreemden-zonder-aarzeling": "Ging zonder aarzelen met vreemden mee",
    "overmatig-aanklampen": "Klampte zich vast",
    "teruggetrokken": "Trok zich terug",
    "weinig-emoties-tonen": "Liet weinig gevoel zien",
    "geen-vaste-vrienden": "Geen vaste vriend(in)",
    "gepest-worden": "Werd gepest",
    "ruzie-met-leeftijdgenoten": "Ruzie met andere kinderen",
    "schoolproblemen": "Moeite op school",
    "concentratieproblemen": "Kon zich niet concentreren",
    "slaapproblemen": "Sliep slecht",
    "eetproblemen": "Moeite met eten",
    "goed-buitenshuis-moeilijk-thuis": "Buiten goed, thuis moeilijk",
    "regressie": "Deed jonger dan het is",
    "zelfbeschadiging": "Deed zichzelf pijn",
    "suicidale-uitingen": "Praatte over dood willen",
    "weglopen": "Liep weg",
}
assert set(SIGNAL_LABELS) == set(SIGNALS), "every contract signal needs a Dutch label"

# What the parent did: quick choices (free text stays possible). Order: what helps first.
RESPONSES: dict[str, str] = {
    "getroost": "Getroost, dichtbij gebleven",
    "benoemd": "Benoemd wat ik zag of voelde",
    "geholpen": "Net genoeg geholpen",
    "meegenoten": "Samen genoten of gelachen",
    "ruimte-gegeven": "Ruimte gegeven om te ontdekken",
    "grens-gesteld": "Rustig een grens gesteld",
    "afgeleid": "Afgeleid",
    "genegeerd": "Genegeerd",
    "boos-geworden": "Boos of ongeduldig geworden",
    "afstand-genomen": "Afstand genomen of weggelopen",
    "hersteld": "Het later weer goedgemaakt",
}

SCORES: dict[int, str] = {1: "Moeizaam", 2: "Niet zo goed", 3: "Wisselend", 4: "Goed", 5: "Heel goed"}

HALVES_SHORT: dict[str, str] = {"boven": "Bovenkant", "onder": "Onderkant", "handen": "Handen",
                                "onbekend": "Geen behoefte"}
HALVES: dict[str, str] = {"boven": "Bovenkant: op ontdekking", "onder": "Onderkant: terugkomen",
                          "handen": "De handen", "onbekend": "Geen behoefte gekozen"}

PERIODS: dict[str, str] = {"4": "Laatste 4 weken", "12": "Laatste 12 weken", "26": "Laatste halfjaar",
                           "52": "Laatste jaar", "alles": "Alles"}
DEFAULT_PERIOD = "12"

WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def format_moment(moment: datetime) -> str:
    """'di 4 jun 2024, 14:30'."""
    return (f"{WEEKDAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]} {moment.year}, "
            f"{moment:%H:%M}")


def one_decimal(value: float | None) -> str:
    """'3,5' (Dutch decimal comma); '–' when there is no value."""
    return "–" if value is None else f"{value:.1f}".replace(".", ",")
