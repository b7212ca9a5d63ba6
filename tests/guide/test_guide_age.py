"""Age matters everywhere: what is ordinary is said to be ordinary, and no treatment outside the
child's age ever appears (age in years = months / 12 inside the treatment's target_ages)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gehecht.content.models import Treatment
from gehecht.content.vocabulary import HISTORY, SIGNALS
from gehecht.guide.intake import parse_intake
from gehecht.guide.route import route

from tests.guide.guide_strategies import intakes, subsets


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(months=st.integers(min_value=0, max_value=216), signals=subsets(SIGNALS, 8), history=subsets(HISTORY, 4))
def test_no_treatment_outside_its_target_ages_ever_appears(kb, rules, months, signals, history):
    result = route(kb, rules, parse_intake({"rol": "hulpverlener", "regio": "nl", "leeftijd_maanden": months,
                                            "signalen": signals, "geschiedenis": history}))
    for item in result.behandelingen:
        treatment = kb.entries[item.id]
        assert isinstance(treatment, Treatment)
        assert treatment.target_ages[0] <= months / 12 <= treatment.target_ages[1], (item.id, months)


@settings(max_examples=150, deadline=None)
@given(intake=intakes)
def test_every_treatment_says_why_it_fits_the_age(kb, rules, intake):
    result = route(kb, rules, parse_intake(intake))
    for item in result.behandelingen:
        assert item.waarom.startswith("Leeftijd:")


def test_the_age_boundary_is_exact_in_months(guide):
    """ABC is for 0-4 years: 48 months is inside, 49 months is not."""
    situation = dict(rol="pleegouder", regio="nl", gezin=["pleegzorg"], geschiedenis=["verwaarlozing"],
                     signalen=["weinig-troost-zoeken", "dubbele-signalen"])
    assert "abc-interventie" in [b.id for b in guide(leeftijd_maanden=48, **situation).behandelingen]
    assert "abc-interventie" not in [b.id for b in guide(leeftijd_maanden=49, **situation).behandelingen]


def _age_texts(result) -> str:
    return " ".join(note.tekst for note in result.leeftijd_context)


def test_separation_protest_around_a_year_is_called_ordinary(guide):
    for months in (8, 11, 14):
        result = guide(rol="ouder", regio="nl", leeftijd_maanden=months, signalen=["overmatig-aanklampen"])
        assert "gewoon" in _age_texts(result)
        assert result.urgentie == "informatie"


def test_stranger_wariness_in_own_words_is_called_ordinary(guide):
    result = guide(rol="ouder", regio="be", leeftijd_maanden=10, toelichting="Ze is heel eenkennig bij oma.")
    assert "eenkennig" in _age_texts(result).lower() and "gewoon" in _age_texts(result)


def test_a_toddler_clinging_when_visitors_come_is_ordinary(guide):
    result = guide(rol="ouder", regio="nl", leeftijd_maanden=26, signalen=["overmatig-aanklampen"])
    assert "bezoek" in _age_texts(result) and result.urgentie == "informatie"


def test_toddler_tantrums_are_ordinary_but_not_at_ten(guide):
    toddler = guide(rol="ouder", regio="nl", leeftijd_maanden=28, signalen=["driftbuien"])
    older = guide(rol="ouder", regio="nl", leeftijd_maanden=120, signalen=["driftbuien"])
    assert "gewoon" in _age_texts(toddler) and toddler.urgentie == "informatie"
    assert "peutertijd" not in _age_texts(older) and older.urgentie == "bespreken"


def test_clinging_at_nine_years_is_not_called_ordinary(guide):
    result = guide(rol="ouder", regio="nl", leeftijd_maanden=108, signalen=["overmatig-aanklampen"])
    assert "gewoon" not in _age_texts(result) and result.urgentie == "bespreken"


def test_topics_fit_the_childs_age(guide, kb):
    baby = guide(rol="ouder", regio="nl", leeftijd_maanden=6, signalen=["slaapproblemen"])
    teen = guide(rol="ouder", regio="nl", leeftijd_maanden=190, signalen=["teruggetrokken"])
    assert "gehechtheid-baby" in [t.concept for t in baby.onderwerpen]
    assert "puberteit" not in [t.concept for t in baby.onderwerpen]
    assert "gehechtheid-baby" not in [t.concept for t in teen.onderwerpen]
    for result, years in ((baby, 0), (teen, 15)):
        for topic in result.onderwerpen:
            low, high = kb.entries[topic.id].ages
            assert low <= years <= high
