"""The JSON search API and the search page (results as you type)."""

from __future__ import annotations


def test_api_answers_in_the_contract_shape(client):
    payload = client.get("/api/search", params={"q": "driftbuien bij peuters", "limit": 5}).json()
    assert payload["query"] == "driftbuien bij peuters"
    assert 0 < len(payload["results"]) <= 5
    assert {"id", "type", "title", "concepts", "score", "snippet", "url"} <= set(payload["results"][0])


def test_api_filters_by_audience_age_type_and_region(client, kb):
    payload = client.get("/api/search", params={"q": "hulp", "type": "organisatie", "region": "be", "limit": 20}).json()
    assert payload["results"]
    for hit in payload["results"]:
        entry = kb.entries[hit["id"]]
        assert entry.type == "organisatie" and "be" in entry.regions
    payload = client.get("/api/search", params={"q": "therapie", "age": 15, "type": "behandeling"}).json()
    for hit in payload["results"]:
        low, high = kb.entries[hit["id"]].ages
        assert low <= 15 <= high


def test_api_rejects_bad_input_with_422(client):
    assert client.get("/api/search", params={"q": "  "}).status_code == 422
    assert client.get("/api/search", params={"q": "x" * 30_000}).status_code == 422
    assert client.get("/api/search", params={"q": "kind", "audience": "opa"}).status_code == 422
    assert client.get("/api/search", params={"q": "kind", "age": 40}).status_code == 422
    assert client.get("/api/search").status_code == 422


def test_api_survives_control_characters(client):
    response = client.get("/api/search", params={"q": "drift\x00bui\x1b[31m"})
    assert response.status_code == 200


def test_search_page_highlights_matched_words(client):
    html = client.get("/zoeken", params={"q": "driftbuien"}).text
    assert "<mark>" in html and "/artikel/driftbuien" in html


def test_search_page_returns_only_results_for_htmx(client):
    response = client.get("/zoeken", params={"q": "pleegzorg"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text and "/artikel/pleegzorg" in response.text
