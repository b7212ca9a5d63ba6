"""Data rights: everything of one's own, as JSON and as a readable PDF."""

from __future__ import annotations

import json

from sqlalchemy import select

from gehecht.db.models import AuditEvent
from tests.dbtesting import make_child, make_observation, make_share, make_user, signed_in


def test_it_exports_all_own_data_as_json_and_nothing_of_others(db, journal_app):
    anna = make_user(db, "anna", "ouder", "Anna")
    lara = make_child(db, anna, "Lara")
    make_observation(db, anna, lara, situation="aankleden", need="troost-mij", score=2, signals=["driftbuien"],
                     notes="zij huilde")
    henk = make_user(db, "hulp.henk", "hulpverlener", "Henk")
    make_share(db, lara, henk, "reageren")
    signed_in(journal_app, db, henk).post(f"/dagboek/{lara.id}/reacties", {"tekst": "Goed gezien."})
    olga = make_user(db, "olga")
    make_observation(db, olga, make_child(db, olga, "Sem"), situation="van een ander gezin")

    response = signed_in(journal_app, db, anna).get("/account/export.json")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    assert response.headers["cache-control"] == "no-store"
    data = json.loads(response.text)
    assert data["account"]["gebruikersnaam"] == "anna" and "password_hash" not in response.text
    [child] = data["kinderen"]
    [observation] = child["observaties"]
    assert (child["naam"], observation["situatie"], observation["notities"]) == ("Lara", "aankleden", "zij huilde")
    assert observation["behoefte_label"] == "Troost mij" and observation["signalen"] == ["driftbuien"]
    assert child["reacties"][0]["tekst"] == "Goed gezien." and child["gedeeld_met"][0]["gebruikersnaam"] == "hulp.henk"
    assert any(e["actie"] == "reactie.plaatsen" and e["wie"] == "Henk (hulpverlener)" for e in data["logboek"])
    assert "van een ander gezin" not in response.text and "Sem" not in response.text


def test_it_exports_a_professionals_own_comments(db, journal_app):
    anna = make_user(db, "anna")
    lara = make_child(db, anna, "Lara")
    henk = make_user(db, "hulp.henk", "hulpverlener")
    make_share(db, lara, henk, "reageren")
    pro = signed_in(journal_app, db, henk)
    pro.post(f"/dagboek/{lara.id}/reacties", {"tekst": "Mijn reactie."})
    data = pro.get("/account/export.json").json()
    assert data["kinderen"] == []
    assert data["mijn_reacties_bij_anderen"][0]["tekst"] == "Mijn reactie."
    assert data["gedeeld_met_mij"] == [{"kind": "Lara", "ouder": "Anna", "niveau": "reageren"}]


def test_it_exports_a_pdf_and_logs_the_export(db, journal_app):
    anna = make_user(db, "anna")
    lara = make_child(db, anna, "Lara")
    make_observation(db, anna, lara, situation="aankleden", need="troost-mij", score=2)
    response = signed_in(journal_app, db, anna).get("/account/export.pdf")
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-") and len(response.content) > 5000
    with db.session() as s:
        actions = set(s.scalars(select(AuditEvent.action).where(AuditEvent.owner_id == anna.id)))
    assert {"account.export", "dagboek.exporteren"} <= actions
