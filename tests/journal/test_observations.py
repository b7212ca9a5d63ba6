"""Noting a moment: quick to enter, checked, editable and deletable."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from gehecht.content.vocabulary import SIGNALS
from gehecht.db.models import Observation
from gehecht.journal.observations import InvalidInput, now_local, parse_observation
from gehecht.journal.vocabulary import SIGNAL_LABELS
from tests.dbtesting import csrf_of, make_child, make_observation, make_user, signed_in

NEEDS = {"troost-mij", "steun-mijn-ontdekken"}
NOW = datetime(2025, 3, 4, 17, 30)


def test_it_takes_now_when_no_time_is_given():
    assert parse_observation({"behoefte": "troost-mij"}, NEEDS, now=NOW).occurred_at == NOW


def test_it_accepts_a_need_and_a_score_alone():
    data = parse_observation({"behoefte": "troost-mij", "score": "4"}, NEEDS, now=NOW)
    assert (data.need, data.score, data.situation, data.signals) == ("troost-mij", 4, "", [])


def test_it_refuses_an_empty_moment():
    with pytest.raises(InvalidInput) as caught:
        parse_observation({"wanneer": "", "behoefte": "", "score": ""}, NEEDS, now=NOW)
    assert "Vul minstens iets in" in str(caught.value)


@pytest.mark.parametrize(("form", "field"), [
    ({"behoefte": "knuffel-mij"}, "behoefte"),
    ({"behoefte": "troost-mij", "score": "6"}, "score"),
    ({"behoefte": "troost-mij", "signalen": ["onzin"]}, "signalen"),
    ({"behoefte": "troost-mij", "reacties": ["onzin"]}, "reacties"),
    ({"behoefte": "troost-mij", "wanneer": "gisteren"}, "wanneer"),
    ({"behoefte": "troost-mij", "wanneer": "2025-03-07T10:00"}, "wanneer"),
    ({"situatie": "x" * 201}, "situatie"),
    ({"notities": "x" * 4001}, "notities"),
])
def test_it_names_the_field_that_is_wrong(form, field):
    with pytest.raises(InvalidInput) as caught:
        parse_observation(form, NEEDS, now=NOW)
    assert field in caught.value.errors


def test_it_knows_every_signal_of_the_contract():
    data = parse_observation({"signalen": list(SIGNALS)}, NEEDS, now=NOW)
    assert data.signals == list(SIGNALS)
    assert set(SIGNAL_LABELS) == set(SIGNALS)


def test_it_offers_a_quick_form_with_now_filled_in_and_nothing_required(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    child = make_child(db, parent.user)
    html = parent.get(f"/dagboek/{child.id}/").text
    form = html.split('action="/dagboek/' + child.id + '/observaties"')[1].split("</form>")[0]
    assert " required" not in form
    assert now_local().strftime("%Y-%m-%dT") in form
    assert form.count('name="behoefte"') == 12  # 11 needs and "weet ik niet"
    assert form.count('name="score"') == 5


def test_it_saves_a_quick_entry_and_shows_it(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    child = make_child(db, parent.user)
    response = parent.post(f"/dagboek/{child.id}/observaties", {"behoefte": "troost-mij", "score": "2"})
    assert response.status_code == 303
    page = parent.get(response.headers["location"])
    assert "Opgeslagen." in page.text
    assert "Troost mij</strong>" in page.text and "2 · Niet zo goed" in page.text


def test_it_saves_all_details_of_a_full_entry(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    child = make_child(db, parent.user)
    parent.post(f"/dagboek/{child.id}/observaties", {
        "wanneer": "2025-01-02T08:15", "situatie": "aankleden", "signalen": ["driftbuien", "dubbele-signalen"],
        "kind_deed": "schopte en riep", "reacties": ["benoemd", "getroost"], "ouder_deed": "ik bleef bij haar",
        "behoefte": "help-mijn-gevoelens-ordenen", "score": "3", "notities": "na het ontbijt"})
    with db.session() as s:
        saved = s.scalars(select(Observation)).one()
    assert saved.occurred_at == datetime(2025, 1, 2, 8, 15)
    assert saved.signals == ["driftbuien", "dubbele-signalen"] and saved.responses == ["benoemd", "getroost"]
    assert (saved.child_did, saved.parent_did, saved.notes) == ("schopte en riep", "ik bleef bij haar", "na het ontbijt")


def test_it_shows_the_form_again_with_the_problem_and_what_was_typed(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    child = make_child(db, parent.user)
    response = parent.post(f"/dagboek/{child.id}/observaties", {"situatie": "x" * 201, "kind_deed": "bewaard"})
    assert response.status_code == 422
    assert "hoogstens 200 tekens" in response.text and "bewaard" in response.text
    with db.session() as s:
        assert s.scalars(select(Observation)).all() == []


def test_it_edits_an_observation(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    child = make_child(db, parent.user)
    observation = make_observation(db, parent.user, child, need="troost-mij", score=1, situation="eerst")
    form = parent.get(f"/dagboek/{child.id}/observaties/{observation}/bewerken")
    assert 'value="eerst"' in form.text and 'value="troost-mij" checked' in form.text
    response = parent.post(f"/dagboek/{child.id}/observaties/{observation}/bewerken",
                           {"situatie": "daarna", "behoefte": "bescherm-mij", "score": "5",
                            "wanneer": "2025-02-01T10:00"})
    assert response.status_code == 303
    with db.session() as s:
        saved = s.get(Observation, observation)
        assert (saved.situation, saved.need, saved.score) == ("daarna", "bescherm-mij", 5)
        assert saved.updated_at >= saved.created_at


def test_it_deletes_an_observation_after_confirmation(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    child = make_child(db, parent.user)
    observation = make_observation(db, parent.user, child, situation="weg ermee")
    confirm = parent.get(f"/dagboek/{child.id}/observaties/{observation}/verwijderen")
    assert "weg ermee" in confirm.text and csrf_of(confirm.text) == parent.csrf
    assert parent.post(f"/dagboek/{child.id}/observaties/{observation}/verwijderen").status_code == 303
    with db.session() as s:
        assert s.get(Observation, observation) is None


def test_it_lists_newest_first_and_filters_by_period(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    child = make_child(db, parent.user)
    make_observation(db, parent.user, child, situation="lang geleden", occurred_at=now_local() - timedelta(days=200))
    make_observation(db, parent.user, child, situation="gisteren", occurred_at=now_local() - timedelta(days=1))
    make_observation(db, parent.user, child, situation="vandaag", occurred_at=now_local())
    recent = parent.get(f"/dagboek/{child.id}/").text
    assert recent.index("vandaag") < recent.index("gisteren") and "lang geleden" not in recent
    assert "lang geleden" in parent.get(f"/dagboek/{child.id}/?periode=alles").text


def test_it_keeps_a_child_to_a_name_and_birth_month(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    assert parent.post("/dagboek/kinderen", {"naam": "Lara", "geboortemaand": "2099-01"}).status_code == 422
    assert parent.post("/dagboek/kinderen", {"naam": "", "geboortemaand": "2021-01"}).status_code == 422
    assert parent.post("/dagboek/kinderen", {"naam": "L" * 41, "geboortemaand": "2021-01"}).status_code == 422
    response = parent.post("/dagboek/kinderen", {"naam": "  Lara  ", "geboortemaand": "2021-03"})
    assert response.status_code == 303
    page = parent.get("/dagboek").text
    assert "Lara" in page and "0 momenten" in page


def test_it_redirects_a_journal_address_without_the_final_slash(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    child = make_child(db, parent.user)
    response = parent.get(f"/dagboek/{child.id}")
    assert response.status_code == 308 and response.headers["location"] == f"/dagboek/{child.id}/"
