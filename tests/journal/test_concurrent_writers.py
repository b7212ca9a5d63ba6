"""Many writers at once lose nothing, on SQLite (WAL, busy timeout) and on PostgreSQL."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
from sqlalchemy import func, select

from gehecht.accounts import sessions
from gehecht.accounts.access import authorise
from gehecht.db.models import AuditEvent, Observation, User
from gehecht.journal.observations import ObservationInput, add_observation, now_local
from tests.dbtesting import make_child, make_user

WRITERS, EACH = 20, 50


def stored(db, child_id: str) -> tuple[set[str], int]:
    with db.session() as s:
        situations = set(s.scalars(select(Observation.situation).where(Observation.child_id == child_id)))
        logged = s.scalar(select(func.count()).select_from(AuditEvent)
                          .where(AuditEvent.action == "observatie.toevoegen", AuditEvent.child_id == child_id))
    return situations, logged or 0


def test_twenty_sessions_adding_fifty_observations_each_lose_nothing(db):
    anna = make_user(db, "anna")
    child = make_child(db, anna)

    def writer(n: int) -> None:
        for i in range(EACH):
            with db.session() as s:
                grant = authorise(s, s.get(User, anna.id), child.id, "observatie.toevoegen")
                add_observation(s, grant, ObservationInput(occurred_at=now_local(), situation=f"{n}-{i}",
                                                           need="troost-mij", score=1 + i % 5))

    with ThreadPoolExecutor(WRITERS) as pool:
        list(pool.map(writer, range(WRITERS)))
    situations, logged = stored(db, child.id)
    assert situations == {f"{n}-{i}" for n in range(WRITERS) for i in range(EACH)}
    assert logged == WRITERS * EACH


def test_twenty_browsers_posting_at_once_over_http_lose_nothing(db, journal_server):
    anna = make_user(db, "anna")
    child = make_child(db, anna)
    logins = []
    with db.session() as s:
        for _ in range(WRITERS):
            token, row = sessions.start(s, s.get(User, anna.id))
            logins.append((token, row.csrf_token))

    def browser(n: int) -> list[int]:
        token, csrf = logins[n]
        with httpx.Client(base_url=journal_server, cookies={sessions.COOKIE_NAME: token}, timeout=60) as client:
            return [client.post(f"/dagboek/{child.id}/observaties",
                                data={"csrf_token": csrf, "situatie": f"{n}-{i}", "behoefte": "bescherm-mij"}).status_code
                    for i in range(EACH)]

    with ThreadPoolExecutor(WRITERS) as pool:
        statuses = [code for codes in pool.map(browser, range(WRITERS)) for code in codes]
    assert statuses == [303] * (WRITERS * EACH)
    situations, logged = stored(db, child.id)
    assert situations == {f"{n}-{i}" for n in range(WRITERS) for i in range(EACH)}
    assert logged == WRITERS * EACH
