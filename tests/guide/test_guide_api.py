"""POST /api/guide: JSON in, the route out; bad input is HTTP 422 with a clear detail."""

from __future__ import annotations

import pytest

GOOD = {"rol": "leerkracht", "regio": "be", "leeftijd_maanden": 98, "gezin": ["adoptie"],
        "signalen": ["dubbele-signalen", "schoolproblemen"], "contexten": ["school"]}


def test_a_valid_intake_returns_the_route(client):
    response = client.post("/api/guide", json=GOOD)
    assert response.status_code == 200
    body = response.json()
    assert body["urgentie"] in ("bespreken", "hulp-zoeken")
    assert all(o["regio"] == "be" for o in body["organisaties"])
    assert response.headers["cache-control"] == "no-store"


def test_free_text_goes_through_the_search_engine(client):
    response = client.post("/api/guide", json={"rol": "ouder", "regio": "nl", "leeftijd_maanden": 84,
                                               "toelichting": "Hij slaapt slecht en heeft nachtmerries."})
    assert response.status_code == 200
    assert "slaapproblemen" in [t["concept"] for t in response.json()["onderwerpen"]]


@pytest.mark.parametrize(("payload", "field", "words"), [
    ({**GOOD, "signalen": ["boos"]}, "signalen", ["boos", "driftbuien"]),
    ({**GOOD, "regio": "fr"}, "regio", ["fr", "nl, be"]),
    ({**GOOD, "leeftijd_maanden": 300}, "leeftijd_maanden", ["216"]),
    ({**GOOD, "leeftijd_maanden": -3}, "leeftijd_maanden", ["0"]),
    ({**GOOD, "leeftijd_maanden": True}, "leeftijd_maanden", ["getal"]),
    ({"regio": "nl"}, "rol", ["ontbreekt"]),
    ({**GOOD, "contexten": "school"}, "contexten", ["lijst"]),
])
def test_bad_input_is_422_naming_field_and_value(client, payload, field, words):
    response = client.post("/api/guide", json=payload)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert any(item["loc"] == ["body", field] for item in detail)
    text = " ".join(item["msg"] for item in detail)
    for word in words:
        assert word in text


def test_malformed_json_is_422(client):
    for body in (b'{"rol": ', b"", b"\xff\xfe"):
        response = client.post("/api/guide", content=body, headers={"content-type": "application/json"})
        assert response.status_code == 422
        assert "JSON" in response.json()["detail"][0]["msg"]


def test_the_api_is_documented_with_the_intake_schema(client):
    schema = client.get("/api/openapi.json").json()
    body = schema["paths"]["/api/guide"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert {"rol", "regio", "leeftijd_maanden"} <= set(body["required"])
