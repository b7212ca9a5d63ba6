"""The route itself: ordered topics with links, `waarom` naming inputs and rule ids, the circle,
what to do, cases, and the free text through search (optional, a plain callable)."""

from __future__ import annotations

from gehecht.guide.route import SEARCH_RULE, engine_search


def lara(guide, **extra):
    return guide(rol="adoptieouder", regio="nl", leeftijd_maanden=36, gezin=["adoptie"],
                 geschiedenis=["adoptie-na-6-maanden"],
                 signalen=["driftbuien", "dubbele-signalen", "goed-buitenshuis-moeilijk-thuis"],
                 contexten=["thuis", "opvang"], **extra)


def test_topics_are_ordered_and_link_into_the_knowledge_base(guide, kb):
    result = lara(guide)
    first = [t.concept for t in result.onderwerpen[:4]]
    assert "dubbele-signalen" in first and "driftbuien" in first
    for topic in result.onderwerpen:
        entry = kb.entries[topic.id]
        assert topic.url == entry.url and topic.titel == entry.title
        assert topic.concept in entry.concepts


def test_waarom_names_the_input_and_the_rule_id(guide, rules):
    result = lara(guide)
    known = {r.id for r in rules.rules}
    top = result.onderwerpen[0]
    assert "[regel " in top.waarom and set(top.regels) <= known
    assert any(rule_id in top.waarom for rule_id in top.regels)
    assert "aandacht" in top.waarom  # the signal's words, not only a slug
    for need in result.cirkel:
        assert need.regels and set(need.regels) <= known and "[regel " in need.waarom
    assert set(result.urgentie_regels) <= known


def test_the_circle_needs_come_from_the_circle_data(guide, kb):
    result = lara(guide)
    needs = {n.slug: n for n in kb.circle}
    assert {c.behoefte for c in result.cirkel} >= {"verwelkom-mijn-komst", "troost-mij"}
    for item in result.cirkel:
        assert item.helft == needs[item.behoefte].helft and item.label == needs[item.behoefte].label


def test_a_similar_case_is_found_from_family_history_and_signals(guide):
    assert lara(guide).casussen[0].id == "casus-lara"
    jonas = guide(rol="pleegouder", regio="be", leeftijd_maanden=60, gezin=["pleegzorg"],
                  geschiedenis=["verwaarlozing", "meerdere-wisselingen-verzorgers"], signalen=["vreemden-zonder-aarzeling"])
    assert jonas.casussen[0].id == "casus-jonas"


def test_what_to_do_now_is_concrete_and_links_to_part_five(guide, kb):
    result = lara(guide)
    assert result.stappen and all(len(s.tekst) > 20 for s in result.stappen)
    assert result.wat_u_kunt_doen
    for action in result.wat_u_kunt_doen:
        assert kb.concept(kb.entries[action.id].primary_concept).group == "5-wat-ouders-kunnen-doen"


def test_treatments_fit_age_and_problem(guide):
    ids = [b.id for b in lara(guide).behandelingen]
    assert "vipp-sd" in ids
    assert "abft" not in ids and "itgg" not in ids


def test_free_text_adds_topics_the_checkboxes_missed_through_a_plain_callable(guide, kb):
    calls = []

    def fake_search(text):
        calls.append(text)
        return ["slaapproblemen", "casus-noor", "onbekend-id", "vipp-sd"]

    result = guide(rol="ouder", regio="nl", leeftijd_maanden=60, toelichting="Hij slaapt slecht.", search=fake_search)
    assert calls == ["Hij slaapt slecht."]
    topic = next(t for t in result.onderwerpen if t.concept == "slaapproblemen")
    assert SEARCH_RULE in topic.regels and "toelichting" in topic.waarom
    assert "vipp-sd" not in [t.concept for t in result.onderwerpen]  # treatments are not reading topics


def test_without_free_text_search_is_not_called(guide):
    def must_not_run(text):
        raise AssertionError("search called without free text")

    guide(rol="ouder", regio="nl", leeftijd_maanden=60, search=must_not_run)


def test_the_real_search_engine_finds_topics_in_own_words(guide, engine):
    result = guide(rol="ouder", regio="nl", leeftijd_maanden=84,
                   toelichting="Hij slaapt heel slecht en wordt elke nacht huilend wakker.",
                   search=engine_search(engine))
    assert "slaapproblemen" in [t.concept for t in result.onderwerpen[:5]]
