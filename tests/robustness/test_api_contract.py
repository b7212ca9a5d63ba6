"""Contract fuzzing: schemathesis generates requests from the app's own OpenAPI schema
(/api/openapi.json), valid and invalid, and sends them in-process (ASGI). Every response must be a
declared status code with a declared content type and a body matching its schema; never a 5xx.

The account and journal pages are fuzzed twice: as a stranger (log-in redirects, CSRF refusals) and
as a signed-in parent whose session cookie and CSRF token ride along and whose real child and
observation ids are filled into the paths, so the generated forms reach the journal code itself.

Examples per operation: GEHECHT_FUZZ_EXAMPLES (default 30; the suite stays fast)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi import checks

from gehecht.content.loader import KnowledgeBase
from gehecht.web.app import create_app

EXAMPLES = int(os.environ.get("GEHECHT_FUZZ_EXAMPLES", "30"))
RESPONSE_CHECKS = [not_a_server_error, checks.status_code_conformance, checks.content_type_conformance,
                   checks.response_headers_conformance, checks.response_schema_conformance]
# The JSON API also rejects whatever its schema forbids (the pages are lenient by design: a form
# field left out means "empty").
API_CHECKS = [*RESPONSE_CHECKS, checks.negative_data_rejection]

# The routes and their schema do not depend on the content: build them from an empty knowledge base
# at import time (the requests go to the session's real app, with the real content and index).
SCHEMA_DOCUMENT = create_app(KnowledgeBase(root=Path("."))).openapi()
schema = schemathesis.openapi.from_dict(SCHEMA_DOCUMENT)
schema.config.generation.update(max_examples=EXAMPLES)
api = schema.include(path_regex=r"^/api/")
pages = schema.exclude(path_regex=r"^/api/")
private = schema.include(path_regex=r"^/(account|dagboek)")


def test_the_schema_is_served_and_names_every_json_route(client):
    served = client.get("/api/openapi.json")
    assert served.status_code == 200
    paths = served.json()["paths"]
    assert {"/api/search", "/api/guide"} <= set(paths)
    assert paths["/api/guide"]["post"]["responses"]["422"]["content"]["application/json"]["schema"]


@api.parametrize()
def test_the_json_api_keeps_its_contract(case, app):
    case.call_and_validate(app=app, checks=API_CHECKS)


@pages.parametrize()
def test_every_page_keeps_its_contract_for_a_stranger(case, app):
    case.call_and_validate(app=app, checks=RESPONSE_CHECKS)


@pytest.fixture()
def parent_session(app):
    """A parent with a child and one observation, signed in: (requests session, path values)."""
    import secrets

    from gehecht.accounts import sessions
    from gehecht.accounts.access import authorise
    from gehecht.accounts.users import create_user
    from gehecht.journal.children import ChildInput, add_child
    from gehecht.journal.observations import ObservationInput, add_observation, now_local
    from gehecht.web.auth import database_of

    database = database_of(app)
    with database.session() as db:
        user = create_user(db, f"fuzz-{secrets.token_hex(4)}", "een lange zin als wachtwoord", "ouder")
        child = add_child(db, user, ChildInput(name="Lara", birth_month="2021-03"))
        grant = authorise(db, user, child.id, "observatie.toevoegen")
        observation = add_observation(db, grant, ObservationInput(occurred_at=now_local(), situation="Afscheid"))
        token, row = sessions.start(db, user)
        csrf = row.csrf_token
    session = requests.Session()
    session.cookies.set(sessions.COOKIE_NAME, token)
    session.headers["X-CSRF-Token"] = csrf
    return session, {"child_id": child.id, "observation_id": observation.id}


@private.parametrize()
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # one signed-in parent per operation
def test_every_journal_page_keeps_its_contract_for_a_signed_in_parent(case, app, parent_session):
    session, ids = parent_session
    for name, value in ids.items():
        if case.path_parameters and name in case.path_parameters:
            case.path_parameters[name] = value
    case.call_and_validate(app=app, session=session, checks=RESPONSE_CHECKS)
