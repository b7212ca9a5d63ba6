"""Every read and write of journal data lands in the parent's audit log: who, what, when, which
child, never the content."""

from __future__ import annotations

from sqlalchemy import select, text

from gehecht.accounts.access import ACTIONS, authorise
from gehecht.accounts.audit import ACTION_LABELS
from gehecht.db.models import AuditEvent
from tests.dbtesting import make_child, make_observation, make_share, make_user, signed_in


def events(db, **filters) -> list[AuditEvent]:
    with db.session() as s:
        query = select(AuditEvent).order_by(AuditEvent.id)
        for name, value in filters.items():
            query = query.where(getattr(AuditEvent, name) == value)
        return list(s.scalars(query))


def test_it_logs_a_professionals_read_in_the_parents_log(db, journal_app):
    anna = make_user(db, "anna", "ouder", "Anna")
    lara = make_child(db, anna, "Lara")
    henk = make_user(db, "hulp.henk", "hulpverlener", "Henk")
    make_share(db, lara, henk)
    signed_in(journal_app, db, henk).get(f"/dagboek/{lara.id}/")
    [read] = events(db, action="dagboek.lezen")
    assert (read.owner_id, read.actor_id, read.child_id, read.child_label) == (anna.id, henk.id, lara.id, "Lara")
    assert read.actor_label == "Henk (hulpverlener)"
    page = signed_in(journal_app, db, anna).get(f"/dagboek/{lara.id}/logboek").text
    assert "Henk (hulpverlener)" in page and "Dagboek bekeken" in page


def test_it_logs_each_write_with_the_object_but_never_its_text(db, journal_app):
    anna = make_user(db, "anna")
    lara = make_child(db, anna, "Lara")
    parent = signed_in(journal_app, db, anna)
    parent.post(f"/dagboek/{lara.id}/observaties", {"situatie": "GEHEIME-SITUATIE", "notities": "GEHEIME-NOTITIE",
                                                    "behoefte": "troost-mij"})
    [added] = events(db, action="observatie.toevoegen")
    assert added.object_id and added.child_id == lara.id
    parent.post(f"/dagboek/{lara.id}/observaties/{added.object_id}/bewerken", {"situatie": "GEHEIM-2"})
    parent.post(f"/dagboek/{lara.id}/observaties/{added.object_id}/verwijderen")
    actions = [e.action for e in events(db, child_id=lara.id)]
    assert actions[-3:] == ["observatie.toevoegen", "observatie.wijzigen", "observatie.verwijderen"]
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT * FROM audit_log")).all()
    dump = repr(rows)
    assert "GEHEIM" not in dump


def test_it_does_not_log_a_rejected_form_as_a_change(db, journal_app):
    anna = make_user(db, "anna")
    lara = make_child(db, anna, "Lara")
    response = signed_in(journal_app, db, anna).post(f"/dagboek/{lara.id}/observaties", {"score": "9"})
    assert response.status_code == 422
    assert events(db, action="observatie.toevoegen") == []


def test_it_logs_sharing_and_revoking_with_the_person(db, journal_app):
    anna = make_user(db, "anna")
    lara = make_child(db, anna, "Lara")
    make_user(db, "hulp.henk", "hulpverlener", "Henk")
    parent = signed_in(journal_app, db, anna)
    parent.post(f"/dagboek/{lara.id}/delen", {"gebruikersnaam": "hulp.henk", "niveau": "lezen"})
    [given] = events(db, action="delen.toestaan")
    parent.post(f"/dagboek/{lara.id}/delen/{given.object_id}/intrekken")
    [revoked] = events(db, action="delen.intrekken")
    assert given.detail == "Henk (hulpverlener): mag lezen" and revoked.detail == "Henk (hulpverlener)"


def test_it_logs_nothing_for_a_refused_outsider(db, journal_app):
    anna = make_user(db, "anna")
    lara = make_child(db, anna, "Lara")
    outsider = signed_in(journal_app, db, make_user(db, "hulp.henk", "hulpverlener"))
    before = len(events(db))
    assert outsider.get(f"/dagboek/{lara.id}/").status_code == 404
    assert len(events(db)) == before


def test_it_keeps_each_parents_log_to_themselves(db, journal_app):
    anna, olga = make_user(db, "anna"), make_user(db, "olga")
    lara = make_child(db, anna, "Lara")
    make_observation(db, anna, lara)
    page = signed_in(journal_app, db, olga).get("/account/logboek").text
    assert "Lara" not in page and "Observatie toegevoegd" not in page
    assert "Lara" in signed_in(journal_app, db, anna).get("/account/logboek").text


def test_it_has_a_dutch_label_for_every_logged_journal_action():
    logged = {action for action, (_permission, audited) in ACTIONS.items() if audited}
    assert logged <= set(ACTION_LABELS)


def test_it_writes_the_log_in_the_authorisation_itself(db):
    anna = make_user(db, "anna")
    lara = make_child(db, anna, "Lara")
    with db.session() as s:
        grant = authorise(s, s.get(type(anna), anna.id), lara.id, "dagboek.lezen")
        assert grant.event is not None and grant.event in s.new
