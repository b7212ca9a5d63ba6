"""The guide's input validation (gehecht.guide.intake and the step-by-step form) on arbitrary input:
an Intake, or a clear error naming the field; never an exception of another kind, never a 500."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from starlette.datastructures import FormData

from gehecht.content.vocabulary import CONTEXTS, FAMILY, HISTORY, REGIONS, ROLES, SIGNALS
from gehecht.guide.intake import Intake, IntakeError, parse_intake, parse_intake_json
from gehecht.web.guide_views import STEP_NAMES, Answers

FIELDS = ("rol", "regio", "leeftijd_maanden", "gezin", "geschiedenis", "signalen", "contexten", "toelichting")
VALID = {"rol": "ouder", "regio": "nl", "leeftijd_maanden": 36}

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                         st.text(max_size=30), st.sampled_from(ROLES + REGIONS + SIGNALS + HISTORY))
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=10)), inner,
                                                 max_size=6)), max_leaves=20)
# A valid intake with one field replaced by anything, or one extra field: close to real mistakes.
mutated = st.builds(lambda base, key, value: {**base, key: value},
                    st.fixed_dictionaries({"rol": st.sampled_from(ROLES), "regio": st.sampled_from(REGIONS),
                                           "leeftijd_maanden": st.integers(0, 216)}),
                    st.one_of(st.sampled_from(FIELDS), st.text(max_size=10)), json_values)


def assert_clear(error: IntakeError) -> None:
    assert error.problems, "an IntakeError must name at least one problem"
    for field, message in error.problems:
        assert isinstance(field, str) and message and "Traceback" not in message


@settings(max_examples=300, deadline=None)
@given(st.one_of(json_values, mutated))
@example({**VALID, "leeftijd_maanden": 10**400})
@example({**VALID, "leeftijd_maanden": float("nan")})
@example({**VALID, "signalen": "driftbuien"})
@example({**VALID, "toelichting": "x" * 5000})
def test_parse_intake_gives_an_intake_or_a_clear_error(data):
    try:
        intake = parse_intake(data)
    except IntakeError as exc:
        assert_clear(exc)
    else:
        assert isinstance(intake, Intake) and 0 <= intake.leeftijd_maanden <= 216
        assert intake.rol in ROLES and intake.regio in REGIONS


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300), json_values.map(json.dumps),
                 mutated.map(lambda d: json.dumps(d, allow_nan=True))))
@example("[" * 100_000)
@example('{"rol": "ouder", "regio": "nl", "leeftijd_maanden": ' + "9" * 5000 + "}")
@example(b"\xff\xfe{}")
@example('{"rol": "ouder", "regio": "nl", "leeftijd_maanden": 36, "rol": 3}')
def test_parse_intake_json_gives_an_intake_or_a_clear_error(raw):
    try:
        parse_intake_json(raw)
    except IntakeError as exc:
        assert_clear(exc)


# --- the step-by-step form -----------------------------------------------------------------------

form_values = st.one_of(st.text(max_size=30), st.sampled_from(ROLES + REGIONS + FAMILY + HISTORY + SIGNALS + CONTEXTS),
                        st.integers(-5, 300).map(str))
form_keys = st.sampled_from(("rol", "regio", "jaren", "maanden", "gezin", "geschiedenis", "signalen", "contexten",
                             "toelichting", "stap", "actie", "x"))
forms = st.lists(st.tuples(form_keys, form_values), max_size=14)


@settings(max_examples=300, deadline=None)
@given(forms)
def test_answers_that_pass_every_step_always_make_a_valid_intake(pairs):
    answers = Answers.from_form(FormData(pairs))
    if answers.first_error() is None:
        intake = answers.to_intake()  # must not raise: the form's checks and the intake's agree
        assert intake.leeftijd_maanden == answers.months()
    else:
        step, message = answers.first_error()
        assert step in STEP_NAMES and message


@pytest.fixture(scope="module")
def guide_client(app):
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=forms, stap=st.sampled_from(STEP_NAMES + ("", "bestaat-niet")),
       actie=st.sampled_from(("volgende", "vorige", "overslaan", "naar:rol", "naar:x", "", "ongeldig")))
def test_the_form_answers_every_post_with_a_page(guide_client, pairs, stap, actie):
    body = urlencode([("stap", stap), ("actie", actie), *pairs])
    response = guide_client.post("/wegwijzer/vragen", content=body,
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code in (200, 422), response.text[:300]
    assert response.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("body", ["[" * 100_000, '{"rol": "ouder", "regio": "nl", "leeftijd_maanden": ' + "9" * 5000 + "}"])
def test_the_api_answers_hostile_json_with_422(guide_client, body):
    response = guide_client.post("/api/guide", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422 and "JSON" in response.json()["detail"][0]["msg"]
