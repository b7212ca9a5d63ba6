"""Words of the journal: Dutch labels for the contract's signals, the quick choices for what the
parent did, and the 1-5 scale of how it went. The *_EN dicts beside them are the English UI labels
(the web pages pick by language; exports and stored data stay Dutch)."""

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

SIGNAL_LABELS_EN: dict[str, str] = {
    "driftbuien": "Tantrum or fit of rage",
    "agressie": "Hitting, kicking, biting or throwing",
    "liegen": "Lying",
    "controlerend-gedrag": "Wanted to decide everything",
    "weinig-troost-zoeken": "Did not seek comfort",
    "dubbele-signalen": "Wanted me and pushed me away",
    "vreemden-zonder-aarzeling": "Went off with strangers without hesitation",
    "overmatig-aanklampen": "Clung to me",
    "teruggetrokken": "Withdrew",
    "weinig-emoties-tonen": "Showed little feeling",
    "geen-vaste-vrienden": "No close friend",
    "gepest-worden": "Was bullied",
    "ruzie-met-leeftijdgenoten": "Quarrel with other children",
    "schoolproblemen": "Trouble at school",
    "concentratieproblemen": "Could not concentrate",
    "slaapproblemen": "Slept badly",
    "eetproblemen": "Trouble with eating",
    "goed-buitenshuis-moeilijk-thuis": "Fine outside, difficult at home",
    "regressie": "Acted younger than their age",
    "zelfbeschadiging": "Hurt themselves",
    "suicidale-uitingen": "Talked about wanting to die",
    "weglopen": "Ran away",
}
assert set(SIGNAL_LABELS_EN) == set(SIGNALS), "every contract signal needs an English label"

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
RESPONSES_EN: dict[str, str] = {
    "getroost": "Comforted, stayed close",
    "benoemd": "Named what I saw or felt",
    "geholpen": "Helped just enough",
    "meegenoten": "Enjoyed or laughed together",
    "ruimte-gegeven": "Gave room to explore",
    "grens-gesteld": "Calmly set a limit",
    "afgeleid": "Distracted",
    "genegeerd": "Ignored",
    "boos-geworden": "Got angry or impatient",
    "afstand-genomen": "Kept my distance or walked away",
    "hersteld": "Made up for it later",
}
assert set(RESPONSES_EN) == set(RESPONSES)

SCORES: dict[int, str] = {1: "Moeizaam", 2: "Niet zo goed", 3: "Wisselend", 4: "Goed", 5: "Heel goed"}
SCORES_EN: dict[int, str] = {1: "Difficult", 2: "Not so good", 3: "Mixed", 4: "Good", 5: "Very good"}

HALVES_SHORT: dict[str, str] = {"boven": "Bovenkant", "onder": "Onderkant", "handen": "Handen",
                                "onbekend": "Geen behoefte"}
HALVES: dict[str, str] = {"boven": "Bovenkant: op ontdekking", "onder": "Onderkant: terugkomen",
                          "handen": "De handen", "onbekend": "Geen behoefte gekozen"}
HALVES_SHORT_EN: dict[str, str] = {"boven": "Top", "onder": "Bottom", "handen": "Hands", "onbekend": "No need"}
HALVES_EN: dict[str, str] = {"boven": "Top half: exploring", "onder": "Bottom half: coming back",
                             "handen": "The hands", "onbekend": "No need chosen"}

PERIODS: dict[str, str] = {"4": "Laatste 4 weken", "12": "Laatste 12 weken", "26": "Laatste halfjaar",
                           "52": "Laatste jaar", "alles": "Alles"}
PERIODS_EN: dict[str, str] = {"4": "Last 4 weeks", "12": "Last 12 weeks", "26": "Last six months",
                              "52": "Last year", "alles": "Everything"}
assert set(PERIODS_EN) == set(PERIODS)
DEFAULT_PERIOD = "12"

WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# The UI labels per language, for the web pages (Dutch is the default and the fallback).
LABELS_BY_LANGUAGE: dict[str, dict[str, dict]] = {
    "nl": {"signal_labels": SIGNAL_LABELS, "responses": RESPONSES, "scores": SCORES, "halves": HALVES,
           "halves_short": HALVES_SHORT, "periods": PERIODS},
    "en": {"signal_labels": SIGNAL_LABELS_EN, "responses": RESPONSES_EN, "scores": SCORES_EN, "halves": HALVES_EN,
           "halves_short": HALVES_SHORT_EN, "periods": PERIODS_EN},
}


def labels_for(language: str) -> dict[str, dict]:
    return LABELS_BY_LANGUAGE.get(language, LABELS_BY_LANGUAGE["nl"])


def format_moment(moment: datetime, language: str = "nl") -> str:
    """'di 4 jun 2024, 14:30' (English: 'Tue 4 Jun 2024, 14:30')."""
    weekdays, months = (WEEKDAYS_EN, MONTHS_EN) if language == "en" else (WEEKDAYS, MONTHS)
    return (f"{weekdays[moment.weekday()]} {moment.day} {months[moment.month - 1]} {moment.year}, "
            f"{moment:%H:%M}")


def one_decimal(value: float | None, language: str = "nl") -> str:
    """'3,5' (Dutch decimal comma; English '3.5'); '–' when there is no value."""
    if value is None:
        return "–"
    return f"{value:.1f}" if language == "en" else f"{value:.1f}".replace(".", ",")
