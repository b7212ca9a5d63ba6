"""Urgency: direct whenever safety is at stake now, with the region's exact numbers; then
hulp-zoeken, bespreken and informatie, each for the situations a professional would expect."""

from __future__ import annotations

import pytest

NL_NUMBERS = ("112", "0800-2000", "113 of 0800-0113")
BE_NUMBERS = ("112", "1712", "1813")

SAFETY_NOW = [
    pytest.param(dict(signalen=["zelfbeschadiging"]), id="signaal-zelfbeschadiging"),
    pytest.param(dict(signalen=["suicidale-uitingen"]), id="signaal-suicidale-uitingen"),
    pytest.param(dict(geschiedenis=["mishandeling"], gezin=["biologisch"]), id="mishandeling-eigen-gezin"),
    pytest.param(dict(geschiedenis=["huiselijk-geweld"], gezin=["gescheiden-ouders"]), id="geweld-na-scheiding"),
    pytest.param(dict(geschiedenis=["huiselijk-geweld"]), id="geweld-gezin-onbekend"),
    pytest.param(dict(toelichting="Ze zegt dat ze dood wil."), id="toelichting-dood-willen"),
    pytest.param(dict(toelichting="Hij heeft het over zelfmoord."), id="toelichting-zelfmoord"),
    pytest.param(dict(toelichting="Ik zie dat ze zich snijdt."), id="toelichting-snijden"),
    pytest.param(dict(toelichting="Haar stiefvader slaat haar als hij gedronken heeft."), id="toelichting-slaat"),
    pytest.param(dict(gezin=["pleegzorg"], geschiedenis=["mishandeling"],
                      toelichting="Tijdens de omgang slaat haar vader haar nog steeds."), id="pleegzorg-nog-steeds"),
]


@pytest.mark.parametrize("region, numbers", [("nl", NL_NUMBERS), ("be", BE_NUMBERS)])
@pytest.mark.parametrize("situation", SAFETY_NOW)
def test_safety_at_stake_now_is_direct_with_the_regions_numbers(guide, situation, region, numbers):
    result = guide(rol="ouder", regio=region, leeftijd_maanden=150, **situation)
    assert result.urgentie == "direct"
    assert [n.nummer for n in result.noodnummers] == list(numbers)
    for number in numbers:
        assert number in result.urgentie_uitleg
    assert result.urgentie_regels, "the rule that made it direct is named"


def test_abuse_in_the_past_of_a_foster_or_adoptive_child_is_not_direct(guide):
    for family, role in ((["pleegzorg"], "pleegouder"), (["adoptie"], "adoptieouder"), ([], "pleegouder")):
        result = guide(rol=role, regio="nl", leeftijd_maanden=96, gezin=family,
                       geschiedenis=["mishandeling", "huiselijk-geweld"], signalen=["slaapproblemen", "agressie"],
                       contexten=["thuis", "school"])
        assert result.urgentie == "hulp-zoeken", (family, role)
        assert result.noodnummers == []


def test_a_toddler_who_hits_in_a_tantrum_is_not_an_emergency(guide):
    result = guide(rol="ouder", regio="nl", leeftijd_maanden=30, signalen=["driftbuien", "agressie"],
                   toelichting="Als hij boos is slaat hij mij en schopt hij tegen de deur.")
    assert result.urgentie != "direct"


@pytest.mark.parametrize("situation", [
    pytest.param(dict(leeftijd_maanden=40, gezin=["adoptie"], geschiedenis=["institutionele-zorg"],
                      signalen=["weinig-troost-zoeken", "weinig-emoties-tonen"]), id="weinig-troost-na-instelling"),
    pytest.param(dict(leeftijd_maanden=62, gezin=["pleegzorg"], geschiedenis=["meerdere-wisselingen-verzorgers"],
                      signalen=["vreemden-zonder-aarzeling"]), id="met-iedereen-mee-na-wisselingen"),
    pytest.param(dict(leeftijd_maanden=160, signalen=["weglopen"]), id="weglopen"),
    pytest.param(dict(leeftijd_maanden=110, signalen=["agressie"], contexten=["thuis", "school"]), id="agressie-overal"),
    pytest.param(dict(leeftijd_maanden=100, signalen=["liegen", "schoolproblemen", "ruzie-met-leeftijdgenoten"],
                      contexten=["school", "thuis"]), id="signalen-op-meer-plekken"),
])
def test_patterns_that_call_for_assessment_are_hulp_zoeken(guide, situation):
    result = guide(rol="ouder", regio="nl", **situation)
    assert result.urgentie == "hulp-zoeken"
    assert "huisarts" in result.urgentie_uitleg


def test_one_worrying_signal_is_bespreken_with_where_to_go_by_region_and_age(guide):
    nl_baby = guide(rol="ouder", regio="nl", leeftijd_maanden=20, signalen=["weinig-emoties-tonen"])
    be_pupil = guide(rol="ouder", regio="be", leeftijd_maanden=100, signalen=["concentratieproblemen"])
    assert nl_baby.urgentie == be_pupil.urgentie == "bespreken"
    assert "consultatiebureau" in nl_baby.urgentie_uitleg
    assert "CLB" in be_pupil.urgentie_uitleg and "consultatiebureau" not in be_pupil.urgentie_uitleg


def test_ordinary_behaviour_for_the_age_is_informatie(guide):
    result = guide(rol="ouder", regio="be", leeftijd_maanden=30, signalen=["driftbuien"])
    assert result.urgentie == "informatie"
    assert result.behandelingen == []
    assert result.noodnummers == []


def test_no_answers_beyond_the_required_ones_is_informatie(guide):
    assert guide(rol="leerkracht", regio="nl", leeftijd_maanden=84).urgentie == "informatie"


def test_acute_neglect_described_in_free_text_is_direct(guide):
    result = guide(rol="hulpverlener", regio="be", leeftijd_maanden=4, gezin=["biologisch"],
                   toelichting="Ik trof de baby alleen thuis aan, de moeder was al uren weg. Hij is te licht.")
    assert result.urgentie == "direct"
    assert "1712" in result.urgentie_uitleg and "112" in result.urgentie_uitleg


def test_past_undernutrition_of_an_adopted_child_is_not_direct(guide):
    result = guide(rol="adoptieouder", regio="nl", leeftijd_maanden=30, gezin=["adoptie"],
                   toelichting="Toen ze bij ons kwam was ze ondervoed; nu eet ze goed.")
    assert result.urgentie != "direct"


def test_a_teacher_of_an_adopted_pupil_is_told_to_talk_with_parents_and_school(guide):
    result = guide(rol="leerkracht", regio="nl", leeftijd_maanden=120, gezin=["adoptie"],
                   signalen=["dubbele-signalen", "controlerend-gedrag"], contexten=["school"])
    assert result.urgentie == "bespreken"
    assert "intern begeleider" in result.urgentie_uitleg
