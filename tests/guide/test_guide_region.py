"""Region: organisations, emergency numbers and where-to-go texts all belong to the child's region."""

from __future__ import annotations

from hypothesis import given, settings

from gehecht.guide.intake import parse_intake
from gehecht.guide.route import route

from tests.guide.guide_strategies import intakes


@settings(max_examples=200, deadline=None)
@given(intake=intakes)
def test_organisations_and_numbers_are_from_the_childs_region_only(kb, rules, intake):
    result = route(kb, rules, parse_intake(intake))
    region = intake["regio"]
    assert all(o.regio == region for o in result.organisaties)
    assert all(n.regio == region for n in result.noodnummers)
    for item in result.organisaties:
        entry = kb.entries.get(item.id)
        if entry is not None:
            assert region in entry.regions
    for case in result.casussen:
        assert region in kb.entries[case.id].regions


def test_flemish_emergency_route_names_flemish_lines_and_no_dutch_ones(guide):
    result = guide(rol="ouder", regio="be", leeftijd_maanden=170, signalen=["suicidale-uitingen"])
    text = result.urgentie_uitleg + " ".join(o.telefoon or "" for o in result.organisaties)
    assert "1813" in text and "1712" in text and "112" in text
    assert "0800-2000" not in text and "0800-0113" not in text and "Veilig Thuis" not in text


def test_dutch_emergency_route_names_dutch_lines_and_no_flemish_ones(guide):
    result = guide(rol="ouder", regio="nl", leeftijd_maanden=100, geschiedenis=["mishandeling"])
    text = result.urgentie_uitleg + " ".join(o.telefoon or "" for o in result.organisaties)
    assert "0800-2000" in text and "112" in text
    assert "1712" not in text and "1813" not in text


def test_organisations_include_the_emergency_lines_when_it_is_direct(guide):
    result = guide(rol="ouder", regio="nl", leeftijd_maanden=160, signalen=["zelfbeschadiging"])
    phones = [o.telefoon for o in result.organisaties]
    assert "112" in phones and "0800-2000" in phones
    assert result.organisaties[0].telefoon == "112"


def test_a_suicide_line_is_not_offered_when_nobody_mentioned_suicide(guide):
    result = guide(rol="ouder", regio="be", leeftijd_maanden=168, signalen=["gepest-worden", "teruggetrokken"],
                   contexten=["school"])
    assert all("1813" not in (o.telefoon or "") for o in result.organisaties)
