"""The guide informs and refers; no text it returns ever states that a child has a disorder."""

from __future__ import annotations

import re

from hypothesis import given, settings

from gehecht.guide.intake import parse_intake
from gehecht.guide.pdf import gesprekskaart_html
from gehecht.guide.route import route

from tests.guide.guide_strategies import intakes

# Written independently of the guide's own check: any sentence that attributes a disorder.
CLAIMS = [
    re.compile(r"\b(heeft|hebben|lijdt aan|lijden aan)\s+(een |de |het )?([a-z\-]+\s)?"
               r"(hechtingsstoornis|stoornis|rad|dsed|adhd|autisme|ass|ptss|depressie)\b", re.I),
    re.compile(r"\b(is|zijn)\s+(\w+\s)?(hechtingsgestoord|gestoord|autistisch|depressief)\b", re.I),
    re.compile(r"\bdiagnose\s*:", re.I),
    re.compile(r"\b(has|have)\s+(an? )?(attachment )?disorder\b", re.I),
]


def claims(texts: list[str]) -> list[str]:
    return [t for t in texts if any(p.search(t) for p in CLAIMS)]


@settings(max_examples=400, deadline=None)
@given(intake=intakes)
def test_no_output_text_states_a_diagnosis(kb, rules, intake):
    result = route(kb, rules, parse_intake(intake))
    assert claims(result.texts()) == []


def test_the_pattern_check_itself_catches_a_diagnosis():
    assert claims(["Uw kind heeft een reactieve hechtingsstoornis."])
    assert claims(["Het kind is hechtingsgestoord."])
    assert not claims(["Deze signalen kunnen passen bij hechtingsproblemen; alleen een professional kan dat beoordelen."])


def test_the_strongest_attachment_pattern_still_only_refers(guide, kb):
    result = guide(rol="adoptieouder", regio="nl", leeftijd_maanden=50, gezin=["adoptie"],
                   geschiedenis=["institutionele-zorg", "verwaarlozing", "meerdere-wisselingen-verzorgers"],
                   signalen=["weinig-troost-zoeken", "weinig-emoties-tonen", "vreemden-zonder-aarzeling",
                             "teruggetrokken"], contexten=["thuis", "opvang"])
    assert result.urgentie == "hulp-zoeken"
    assert "professional" in result.urgentie_uitleg
    assert claims(result.texts()) == []
    card = re.sub(r"<[^>]+>", " ", gesprekskaart_html(kb, parse_intake(
        {"rol": "ouder", "regio": "nl", "leeftijd_maanden": 50, "signalen": ["weinig-troost-zoeken"]}), result))
    assert claims([card]) == []
    assert "geen diagnose" in result.disclaimer


def test_every_rule_text_passes_the_check(rules):
    texts = []
    for rule in rules.rules:
        d = rule.dan
        texts += [d.urgentie_uitleg or "", d.leeftijd_context or ""] + d.stappen + d.vragen
    texts += [r.tekst for r in rules.referrals]
    assert claims(texts) == []
