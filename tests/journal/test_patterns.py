"""Patterns in the journal become pointers into the knowledge base (rules kept as data)."""

from __future__ import annotations

from datetime import datetime

import pytest

from gehecht.content.vocabulary import SIGNALS
from gehecht.db.models import Observation
from gehecht.journal.patterns import find_patterns, load_rules
from gehecht.journal.vocabulary import RESPONSES
from tests.dbtesting import make_child, make_observation, make_user, signed_in


def moment(need=None, score=None, signals=(), responses=()) -> Observation:
    return Observation(occurred_at=datetime(2025, 1, 1), need=need, score=score, signals=list(signals),
                       responses=list(responses))


@pytest.fixture(scope="module")
def half_of(kb):
    return {n.slug: n.helft for n in kb.circle}


def articles(observations, half_of) -> list[str]:
    return [p.rule.article for p in find_patterns(observations, half_of)]


def test_every_rule_points_at_an_existing_article_and_uses_known_words(kb):
    needs = {n.slug for n in kb.circle}
    for rule in load_rules():
        assert rule.article in kb.entries and kb.entries[rule.article].type == "artikel", rule.id
        for criteria in (rule.criteria, *rule.criteria.any_of):
            assert criteria.needs <= needs, rule.id
            assert criteria.signals <= set(SIGNALS), rule.id
            assert criteria.responses <= set(RESPONSES), rule.id
            assert criteria.half in (None, "boven", "onder", "handen"), rule.id
        assert set(rule.raw) <= {"id", "titel", "tekst", "artikel", "minimaal", "gemiddelde_max", "gemiddelde_min",
                                 "urgent", "behoeften", "helft", "signalen", "reacties", "score_max", "een_van"}


def test_comfort_answered_by_pushing_away_points_to_miscues(half_of):
    pushed = [moment("troost-mij", 3, ["dubbele-signalen"]) for _ in range(3)]
    assert articles(pushed, half_of)[0] == "dubbele-signalen"


def test_comfort_that_goes_badly_points_to_miscues_too(half_of):
    assert "dubbele-signalen" in articles([moment("troost-mij", 1) for _ in range(3)], half_of)


def test_two_moments_are_not_yet_a_pattern(half_of):
    assert "dubbele-signalen" not in articles([moment("troost-mij", 1, ["dubbele-signalen"])] * 2, half_of)


def test_bottom_half_going_badly_points_to_the_safe_haven(half_of):
    observations = [moment("bescherm-mij", 2), moment("verwelkom-mijn-komst", 2), moment("schep-vreugde-in-mij", 3),
                    moment("schep-vreugde-in-mij", 2)]
    assert "veilige-haven" in articles(observations, half_of)
    going_well = [moment("bescherm-mij", 4) for _ in range(4)]
    assert "veilige-haven" not in articles(going_well, half_of)


def test_tantrums_point_to_the_article_on_tantrums(half_of):
    assert "driftbuien" in articles([moment(signals=["driftbuien"]), moment(signals=["driftbuien"])], half_of)


def test_self_harm_comes_first_and_is_urgent(half_of):
    pointers = find_patterns([moment(signals=["driftbuien"])] * 2 + [moment(signals=["zelfbeschadiging"])], half_of)
    assert pointers[0].rule.urgent and pointers[0].rule.article == "hulp-zoeken"


def test_it_gives_each_article_once(half_of):
    observations = [moment("troost-mij", 1, ["dubbele-signalen"]) for _ in range(5)]
    found = articles(observations, half_of)
    assert len(found) == len(set(found))


def test_the_journal_page_shows_the_pointers_as_links(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    child = make_child(db, parent.user)
    for _ in range(3):
        make_observation(db, parent.user, child, need="troost-mij", score=1, signals=["dubbele-signalen", "driftbuien"])
    make_observation(db, parent.user, child, need="bescherm-mij", score=2)
    page = parent.get(f"/dagboek/{child.id}/").text
    for url in ("/artikel/dubbele-signalen", "/artikel/veilige-haven", "/artikel/driftbuien"):
        assert f'href="{url}"' in page
    assert "geen oordeel of diagnose" in page


def test_the_journal_page_shows_emergency_numbers_for_an_urgent_pattern(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    child = make_child(db, parent.user)
    make_observation(db, parent.user, child, signals=["suicidale-uitingen"])
    section = parent.get(f"/dagboek/{child.id}/").text.split('id="aanwijzingen"')[1].split("</section>")[0]
    assert 'href="tel:112"' in section and "Praat hier vandaag nog over" in section
