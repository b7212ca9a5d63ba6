"""Every role × relation × journal route: allowed exactly when the grant permits, otherwise 404
(outsiders cannot tell a child they may not see from one that does not exist)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from gehecht.accounts.access import LEVEL_PERMISSIONS, OWNER, Permission
from gehecht.db.models import Comment, User
from tests.dbtesting import make_child, make_observation, make_share, make_user, signed_in

READ, COMMENT, WRITE, MANAGE = Permission.READ, Permission.COMMENT, Permission.WRITE, Permission.MANAGE
OBSERVATION = {"behoefte": "troost-mij", "score": "3", "situatie": "matrix"}


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    needs: Permission
    data: dict | None = None

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


ROUTES = [
    Route("GET", "/dagboek/{child}/", READ),
    Route("POST", "/dagboek/{child}/observaties", WRITE, OBSERVATION),
    Route("GET", "/dagboek/{child}/observaties/{observation}/bewerken", WRITE),
    Route("POST", "/dagboek/{child}/observaties/{observation}/bewerken", WRITE, OBSERVATION),
    Route("GET", "/dagboek/{child}/observaties/{observation}/verwijderen", WRITE),
    Route("POST", "/dagboek/{child}/observaties/{observation}/verwijderen", WRITE),
    Route("GET", "/dagboek/{child}/bewerken", MANAGE),
    Route("POST", "/dagboek/{child}/bewerken", MANAGE, {"naam": "Lara", "geboortemaand": "2021-04"}),
    Route("POST", "/dagboek/{child}/verwijderen", MANAGE, {"bevestig": "ja"}),
    Route("GET", "/dagboek/{child}/delen", MANAGE),
    Route("POST", "/dagboek/{child}/delen", MANAGE, {"gebruikersnaam": "zorg.zoe", "niveau": "lezen"}),
    Route("POST", "/dagboek/{child}/delen/{share}/intrekken", MANAGE),
    Route("POST", "/dagboek/{child}/reacties", COMMENT, {"tekst": "Mooi gezien."}),
    Route("POST", "/dagboek/{child}/reacties/{comment}/verwijderen", COMMENT),
    Route("GET", "/dagboek/{child}/logboek", MANAGE),
]

# (role, relation to Lara's journal, the access level that relation should give)
ACTORS = [
    ("ouder", "eigen kind", OWNER),
    ("ouder", "ander gezin", None),
    ("ouder", "gedeeld (mag niet bestaan)", None),
    ("hulpverlener", "gedeeld-lezen", "lezen"),
    ("hulpverlener", "gedeeld-reageren", "reageren"),
    ("hulpverlener", "ander gezin", None),
    ("leerkracht", "gedeeld-lezen", "lezen"),
    ("leerkracht", "gedeeld-reageren", "reageren"),
    ("leerkracht", "ander gezin", None),
]


def build_world(database, role: str, relation: str) -> dict:
    """Lara's journal (parent anna) with an observation, a share and comments; and the actor."""
    anna = make_user(database, "anna", "ouder")
    make_user(database, "zorg.zoe", "hulpverlener")
    lara = make_child(database, anna, "Lara")
    observation = make_observation(database, anna, lara, need="troost-mij", score=2, situation="aankleden")
    other_professional = make_user(database, "hulp.henk", "hulpverlener")
    share = make_share(database, lara, other_professional, "reageren")
    if relation == "eigen kind":
        actor = anna
    else:
        actor = make_user(database, "actor", role)
        if relation.startswith("gedeeld"):
            make_share(database, lara, actor, "reageren" if relation.endswith("reageren") else "lezen")
        if relation == "gedeeld (mag niet bestaan)":
            pass  # a share row to a parent: authorise must still refuse it
        if relation == "ander gezin" and role == "ouder":
            make_child(database, actor, "Sem")
    with database.session() as s:
        author = actor.id if relation.endswith("reageren") else other_professional.id
        comment = Comment(child_id=lara.id, observation_id=observation, author_id=author, text="Reactie")
        s.add(comment)
        s.flush()
        comment_id = comment.id
    return {"child": lara.id, "observation": observation, "share": share, "comment": comment_id, "actor": actor}


@pytest.mark.parametrize("route", ROUTES, ids=str)
@pytest.mark.parametrize(("role", "relation", "level"), ACTORS, ids=[f"{r}-{rel}" for r, rel, _ in ACTORS])
def test_it_allows_exactly_what_the_grant_permits(db, journal_app, role, relation, level, route):
    world = build_world(db, role, relation)
    person = signed_in(journal_app, db, world["actor"])
    url = route.path.format(**world)
    response = person.get(url) if route.method == "GET" else person.post(url, route.data)
    allowed = level is not None and route.needs in LEVEL_PERMISSIONS[level]
    if allowed:
        assert response.status_code in (200, 303), (url, response.status_code)
        if response.status_code == 303:
            assert not response.headers["location"].startswith("/account/inloggen")
    else:
        assert response.status_code == 404, (url, response.status_code)


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_it_sends_anonymous_visitors_to_log_in_without_revealing_anything(db, journal_app, route):
    from fastapi.testclient import TestClient

    world = build_world(db, "ouder", "eigen kind")
    client = TestClient(journal_app)
    url = route.path.format(**world)
    if route.method == "GET":
        response = client.get(url, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/account/inloggen?volgende=")
    else:
        response = client.post(url, data=route.data or {}, follow_redirects=False)
        assert response.status_code == 403  # no session, so no valid CSRF token


def test_it_answers_an_outsider_exactly_like_a_missing_child(db, journal_app):
    world = build_world(db, "hulpverlener", "ander gezin")
    outsider = signed_in(journal_app, db, world["actor"])
    forbidden = outsider.get(f"/dagboek/{world['child']}/")
    missing_id = "x" * len(world["child"])
    missing = outsider.get(f"/dagboek/{missing_id}/")
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.text.replace(world["child"], missing_id) == missing.text
    assert forbidden.headers.keys() == missing.headers.keys()


def test_it_does_not_reach_an_observation_through_another_childs_url(db, journal_app):
    anna = make_user(db, "anna")
    olga = make_user(db, "olga")
    lara, sem = make_child(db, anna, "Lara"), make_child(db, olga, "Sem")
    sems_observation = make_observation(db, olga, sem, situation="van Sem")
    person = signed_in(journal_app, db, anna)
    for url in (f"/dagboek/{lara.id}/observaties/{sems_observation}/bewerken",
                f"/dagboek/{lara.id}/observaties/{sems_observation}/verwijderen"):
        assert person.get(url).status_code == 404
        assert person.post(url, OBSERVATION).status_code == 404
    with db.session() as s:
        from gehecht.db.models import Observation

        assert s.get(Observation, sems_observation).situation == "van Sem"


def test_it_lets_only_parents_add_children(db, journal_app):
    for role in ("hulpverlener", "leerkracht"):
        person = signed_in(journal_app, db, make_user(db, f"p.{role}", role))
        assert person.post("/dagboek/kinderen", {"naam": "X", "geboortemaand": "2020-01"}).status_code == 404
    parent = signed_in(journal_app, db, make_user(db, "ouder.o", "ouder"))
    assert parent.post("/dagboek/kinderen", {"naam": "X", "geboortemaand": "2020-01"}).status_code == 303


def test_it_lets_a_commenter_delete_only_their_own_comment(db, journal_app):
    world = build_world(db, "hulpverlener", "gedeeld-reageren")
    with db.session() as s:
        someone_else = Comment(child_id=world["child"], author_id=s.get(User, world["actor"].id).id, text="mijn")
        s.add(someone_else)
        henk = s.query(User).filter_by(username="hulp.henk").one()
        foreign = Comment(child_id=world["child"], author_id=henk.id, text="van henk")
        s.add(foreign)
        s.flush()
        own_id, foreign_id = someone_else.id, foreign.id
    person = signed_in(journal_app, db, world["actor"])
    assert person.post(f"/dagboek/{world['child']}/reacties/{foreign_id}/verwijderen").status_code == 404
    assert person.post(f"/dagboek/{world['child']}/reacties/{own_id}/verwijderen").status_code == 303
