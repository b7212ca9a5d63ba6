"""The guide contract's fixed vocabularies (contracts.md §3), shared by content checks and the guide."""

from __future__ import annotations

ROLES = ("ouder", "adoptieouder", "pleegouder", "stiefouder", "leerkracht", "hulpverlener")
REGIONS = ("nl", "be")
FAMILY = ("adoptie", "pleegzorg", "biologisch", "samengesteld-gezin", "gescheiden-ouders")
HISTORY = (
    "adoptie-na-6-maanden",
    "institutionele-zorg",
    "meerdere-wisselingen-verzorgers",
    "verwaarlozing",
    "mishandeling",
    "huiselijk-geweld",
    "ouder-depressie-of-psychische-problemen",
    "verslaving-ouder",
    "vroege-ziekenhuisopname",
    "premature-geboorte",
    "scheiding-ouders",
    "overlijden-ouder",
    "vlucht-of-migratie",
)
SIGNALS = (
    "driftbuien",
    "agressie",
    "liegen",
    "controlerend-gedrag",
    "weinig-troost-zoeken",
    "dubbele-signalen",
    "vreemden-zonder-aarzeling",
    "overmatig-aanklampen",
    "teruggetrokken",
    "weinig-emoties-tonen",
    "geen-vaste-vrienden",
    "gepest-worden",
    "ruzie-met-leeftijdgenoten",
    "schoolproblemen",
    "concentratieproblemen",
    "slaapproblemen",
    "eetproblemen",
    "goed-buitenshuis-moeilijk-thuis",
    "regressie",
    "zelfbeschadiging",
    "suicidale-uitingen",
    "weglopen",
)
CONTEXTS = ("thuis", "school", "opvang", "vrienden")
