"""Consented sharing: a parent gives one professional access to one child's journal, and takes it back."""

from __future__ import annotations

from sqlalchemy import select

from gehecht.db.models import Share
from tests.dbtesting import make_child, make_observation, make_user, signed_in


def family(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna", "ouder", "Anna"))
    lara = make_child(db, parent.user, "Lara")
    sem = make_child(db, parent.user, "Sem")
    make_observation(db, parent.user, lara, situation="bij het aankleden", need="troost-mij", score=2)
    make_observation(db, parent.user, sem, situation="geheim van Sem")
    pro = signed_in(journal_app, db, make_user(db, "hulp.henk", "hulpverlener", "Henk"))
    return parent, lara, sem, pro


def test_it_shows_a_professional_only_the_child_shared_with_them(db, journal_app):
    parent, lara, sem, pro = family(db, journal_app)
    assert pro.get(f"/dagboek/{lara.id}/").status_code == 404
    assert parent.post(f"/dagboek/{lara.id}/delen", {"gebruikersnaam": "hulp.henk", "niveau": "lezen"}).status_code == 303
    overview = pro.get("/dagboek").text
    assert "Lara" in overview and "Gedeeld door Anna" in overview and "Sem" not in overview
    journal = pro.get(f"/dagboek/{lara.id}/").text
    assert "bij het aankleden" in journal and "Nieuw moment" not in journal and "Reageer" not in journal
    assert pro.get(f"/dagboek/{sem.id}/").status_code == 404


def test_it_lets_a_commenting_professional_comment_and_shows_it_to_the_parent(db, journal_app):
    parent, lara, _, pro = family(db, journal_app)
    parent.post(f"/dagboek/{lara.id}/delen", {"gebruikersnaam": "hulp.henk", "niveau": "reageren"})
    with db.session() as s:
        from gehecht.db.models import Observation

        observation = s.scalars(select(Observation.id).where(Observation.child_id == lara.id)).one()
    assert pro.post(f"/dagboek/{lara.id}/reacties", {"tekst": "Goed dat u bleef.", "observatie": observation}).status_code == 303
    assert pro.post(f"/dagboek/{lara.id}/reacties", {"tekst": "Tot dinsdag."}).status_code == 303
    page = parent.get(f"/dagboek/{lara.id}/").text
    moment = page.split(f'id="observatie-{observation}"')[1].split("</li>\n  ")[0]
    assert "Goed dat u bleef." in moment and "Henk" in moment
    assert "Tot dinsdag." in page.split('id="reacties"')[1]


def test_it_refuses_an_empty_comment(db, journal_app):
    parent, lara, _, pro = family(db, journal_app)
    parent.post(f"/dagboek/{lara.id}/delen", {"gebruikersnaam": "hulp.henk", "niveau": "reageren"})
    assert pro.post(f"/dagboek/{lara.id}/reacties", {"tekst": "   "}).status_code == 422


def test_it_stops_access_at_once_when_the_parent_revokes(db, journal_app):
    parent, lara, _, pro = family(db, journal_app)
    parent.post(f"/dagboek/{lara.id}/delen", {"gebruikersnaam": "hulp.henk", "niveau": "reageren"})
    assert pro.get(f"/dagboek/{lara.id}/").status_code == 200
    with db.session() as s:
        share_id = s.scalars(select(Share.id)).one()
    assert parent.post(f"/dagboek/{lara.id}/delen/{share_id}/intrekken").status_code == 303
    assert pro.get(f"/dagboek/{lara.id}/").status_code == 404
    assert pro.post(f"/dagboek/{lara.id}/reacties", {"tekst": "nog even"}).status_code == 404
    assert "Lara" not in pro.get("/dagboek").text


def test_it_changes_the_level_when_shared_again(db, journal_app):
    parent, lara, _, pro = family(db, journal_app)
    parent.post(f"/dagboek/{lara.id}/delen", {"gebruikersnaam": "hulp.henk", "niveau": "reageren"})
    parent.post(f"/dagboek/{lara.id}/delen", {"gebruikersnaam": "HULP.HENK", "niveau": "lezen"})
    with db.session() as s:
        assert s.scalars(select(Share.level)).all() == ["lezen"]
    assert pro.post(f"/dagboek/{lara.id}/reacties", {"tekst": "mag niet meer"}).status_code == 404


def test_it_shares_only_with_professionals_and_teachers(db, journal_app):
    parent, lara, _, _ = family(db, journal_app)
    make_user(db, "olga", "ouder")
    make_user(db, "juf.ilse", "leerkracht")
    for username in ("olga", "niemand", "anna"):
        response = parent.post(f"/dagboek/{lara.id}/delen", {"gebruikersnaam": username, "niveau": "lezen"})
        assert response.status_code == 422 and "geen hulpverlener of leerkracht" in response.text
    assert parent.post(f"/dagboek/{lara.id}/delen", {"gebruikersnaam": "juf.ilse", "niveau": "lezen"}).status_code == 303


def test_it_lists_who_has_access_on_the_sharing_page(db, journal_app):
    parent, lara, _, _ = family(db, journal_app)
    parent.post(f"/dagboek/{lara.id}/delen", {"gebruikersnaam": "hulp.henk", "niveau": "reageren"})
    page = parent.get(f"/dagboek/{lara.id}/delen").text
    assert "Henk (hulpverlener, hulp.henk)" in page and "Mag lezen en reageren" in page and "Toegang intrekken" in page


def test_it_shows_one_readers_comments_only_to_the_parent_not_to_another_reader(db, journal_app):
    parent, lara, _, henk = family(db, journal_app)
    ilse = signed_in(journal_app, db, make_user(db, "juf.ilse", "leerkracht", "Ilse"))
    parent.post(f"/dagboek/{lara.id}/delen", {"gebruikersnaam": "hulp.henk", "niveau": "reageren"})
    parent.post(f"/dagboek/{lara.id}/delen", {"gebruikersnaam": "juf.ilse", "niveau": "reageren"})
    henk.post(f"/dagboek/{lara.id}/reacties", {"tekst": "Van de therapeut."})
    ilse.post(f"/dagboek/{lara.id}/reacties", {"tekst": "Van de juf."})
    parent.post(f"/dagboek/{lara.id}/reacties", {"tekst": "Van de ouder."})
    assert all(t in parent.get(f"/dagboek/{lara.id}/").text for t in ("Van de therapeut.", "Van de juf.", "Van de ouder."))
    seen_by_ilse = ilse.get(f"/dagboek/{lara.id}/").text
    assert "Van de juf." in seen_by_ilse and "Van de ouder." in seen_by_ilse and "Van de therapeut." not in seen_by_ilse
