"""Knowledge-base pages: home, parts, entries with sources, region and language, errors, headers."""

from __future__ import annotations

import re


def test_health_check_answers_once_the_app_can_serve(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.text == "ok"


def test_home_lets_the_visitor_say_who_they_are_and_shows_seven_parts(client, kb):
    html = client.get("/").text
    for role in ("/rol/ouder", "/rol/leerkracht", "/rol/hulpverlener"):
        assert role in html
    assert len(kb.parts) == 7
    for part in kb.parts:
        assert f"/deel/{part.slug}" in html


def test_a_part_lists_its_entries(client, kb):
    part = kb.parts[2]
    html = client.get(f"/deel/{part.slug}").text
    for entry in kb.entries_in_part(part):
        assert entry.url in html


def test_an_article_shows_its_sources_as_a_reference_list(client, kb):
    entry = kb.entries["sensitiviteit"]
    html = client.get("/artikel/sensitiviteit").text
    assert entry.title in html
    references = re.findall(r'<li id="bron-([a-z0-9\-]+)">', html)
    assert set(entry.sources) <= set(references)
    assert 'class="cite"' in html  # inline citations link to the list


def test_every_entry_page_renders(client, kb):
    for entry in kb.entries.values():
        response = client.get(entry.url)
        assert response.status_code == 200, entry.url
        assert "\"gehecht:" not in response.text and "[@" not in response.text and "{nl:" not in response.text


def test_treatment_page_shows_target_age_and_evidence(client, kb):
    html = client.get("/behandeling/vipp-sd").text
    assert "Doelgroep" in html and kb.entries["vipp-sd"].evidence.status in html


def test_region_switch_changes_the_wording(client):
    body = client.get("/artikel/gehechtheid-schoolkind?regio=nl").text
    flemish = client.get("/artikel/gehechtheid-schoolkind?regio=be").text
    assert "groep" in body and "leerjaar" in flemish
    assert body != flemish


def test_region_choice_is_remembered(client):
    response = client.get("/regio/be", headers={"referer": "/artikel/gehechtheid-schoolkind"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/artikel/gehechtheid-schoolkind"
    client.cookies.set("regio", "be")
    html = client.get("/").text
    assert "1712" in html and "1813" in html


def test_region_switch_never_redirects_off_site(client):
    response = client.get("/regio/nl", headers={"referer": "https://evil.example/x"}, follow_redirects=False)
    assert response.headers["location"] == "/x"


def test_english_ui_is_available(client):
    client.cookies.set("taal", "en")
    html = client.get("/").text
    assert "Who are you?" in html and 'lang="en"' in html


def test_sources_page_lists_every_reference(client, kb):
    html = client.get("/bronnen").text
    assert len(re.findall(r'<li id="bron-', html)) == len(kb.references)


def test_unknown_page_is_a_helpful_404(client):
    response = client.get("/artikel/bestaat-niet")
    assert response.status_code == 404
    assert 'action="/zoeken"' in response.text and "/deel/" in response.text


def test_pages_send_security_headers(client):
    headers = client.get("/").headers
    assert "default-src 'self'" in headers["content-security-policy"]
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_pages_have_no_inline_scripts_or_styles(client):
    for url in ("/", "/artikel/driftbuien", "/zoeken?q=driftbui", "/bronnen"):
        html = client.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert " style=" not in html, url


def test_article_pictures_are_served(client):
    response = client.get("/static/cirkel.svg")
    assert response.status_code == 200 and "Verwelkom mijn komst" in response.text
