"""The step-by-step form: one question per screen, works without JavaScript, back keeps answers,
role/region/age required with clear messages, and a result page with urgency and the circle."""

from __future__ import annotations

import re

import pytest

ANSWERS = {"rol": "adoptieouder", "regio": "nl", "jaren": "3", "maanden": "0", "gezin": ["adoptie"],
           "geschiedenis": ["adoptie-na-6-maanden"], "signalen": ["driftbuien", "dubbele-signalen"],
           "contexten": ["thuis"], "toelichting": ""}


def step(client, stap: str, actie: str = "volgende", **answers):
    return client.post("/wegwijzer/vragen", data={"stap": stap, "actie": actie, **answers})


def heading(html: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)


def test_the_start_page_explains_and_links_to_the_first_question(client):
    page = client.get("/wegwijzer")
    assert page.status_code == 200
    assert 'href="/wegwijzer/vragen"' in page.text and "diagnose" in page.text
    first = client.get("/wegwijzer/vragen")
    assert heading(first.text) == "Wie bent u?" and "Vraag 1 van 8" in first.text


def test_walking_through_every_step_reaches_the_route(client):
    answers = {}
    titles = []
    for name, value in (("rol", {"rol": "ouder"}), ("regio", {"regio": "be"}), ("leeftijd", {"jaren": "2", "maanden": "2"}),
                        ("gezin", {"gezin": ["biologisch"]}), ("geschiedenis", {}), ("signalen", {"signalen": ["overmatig-aanklampen"]}),
                        ("contexten", {"contexten": ["thuis"]}), ("toelichting", {"toelichting": "Als er bezoek komt, verstopt ze zich."})):
        answers.update(value)
        page = step(client, name, **answers)
        assert page.status_code == 200, (name, page.text[:500])
        titles.append(heading(page.text) if "<h1>" in page.text else "")
    assert "Uw route" in page.text
    assert "urgentie-informatie" in page.text and "gewoon" in page.text
    assert "<svg" in page.text and "cirkel-svg" in page.text
    assert page.headers["cache-control"] == "no-store"


def test_each_screen_asks_one_question(client):
    page = step(client, "leeftijd", **{k: v for k, v in ANSWERS.items() if k in ("rol", "regio", "jaren")})
    assert page.text.count("<h1>") == 1 and heading(page.text) == "In wat voor gezin woont het kind?"


@pytest.mark.parametrize(("stap", "answers", "message"), [
    ("rol", {}, "Kies wie u bent"),
    ("regio", {"rol": "ouder"}, "Kies Nederland of Vlaanderen"),
    ("leeftijd", {"rol": "ouder", "regio": "nl"}, "Vul de leeftijd"),
    ("leeftijd", {"rol": "ouder", "regio": "nl", "jaren": "19"}, "tussen 0 en 18 jaar"),
    ("leeftijd", {"rol": "ouder", "regio": "nl", "jaren": "drie"}, "met cijfers"),
])
def test_required_questions_stop_with_a_clear_message(client, stap, answers, message):
    page = step(client, stap, **answers)
    assert page.status_code == 422
    assert message in page.text and 'role="alert"' in page.text
    assert f'name="stap" value="{stap}"' in page.text


def test_required_steps_cannot_be_skipped(client):
    page = step(client, "rol", actie="overslaan")
    assert page.status_code == 422 and "Kies wie u bent" in page.text
    assert "Overslaan" not in re.search(r'<div class="stap-knoppen">(.*?)</div>', page.text, re.S).group(1)


def test_back_keeps_every_answer_including_the_current_screen(client):
    answers = {**ANSWERS, "signalen": ["liegen"]}
    page = step(client, "signalen", actie="vorige", **answers)
    assert heading(page.text) == "Heeft het kind iets meegemaakt?"
    assert re.search(r'value="adoptie-na-6-maanden" checked', page.text)
    assert '<input type="hidden" name="signalen" value="liegen">' in page.text
    back_to_start = step(client, "regio", actie="vorige", **answers)
    assert re.search(r'value="adoptieouder" checked', back_to_start.text)
    assert '<input type="hidden" name="regio" value="nl">' in back_to_start.text


def test_skip_moves_on_and_leaves_that_question_empty(client):
    page = step(client, "gezin", actie="overslaan", **ANSWERS)
    assert heading(page.text) == "Heeft het kind iets meegemaakt?"
    assert 'name="gezin"' not in page.text


def test_the_route_page_shows_urgency_first_with_the_regions_numbers(client):
    page = step(client, "toelichting", **{**ANSWERS, "regio": "be", "jaren": "15", "signalen": ["zelfbeschadiging"]})
    html = page.text
    assert "urgentie-direct" in html
    urgency = html.index("urgentie-direct")
    assert urgency < html.index("Lees eerst") < html.index("Cirkel van Veiligheid")
    for number in ("112", "1712", "1813"):
        assert f'href="tel:{number}"' in html
    assert "0800-2000" not in html.split('<footer', 1)[0]


def test_the_route_page_highlights_the_needs_under_pressure(client):
    html = step(client, "toelichting", **ANSWERS).text
    assert 'class="need need-troost-mij emphasised"' in html
    assert "(staat onder druk)" in html
    assert 'href="/artikel/dubbele-signalen"' in html
    assert "geen diagnose" in html


def test_changing_answers_from_the_route_keeps_them(client):
    page = client.post("/wegwijzer/vragen", data={**ANSWERS, "stap": "toelichting", "actie": "naar:rol"})
    assert heading(page.text) == "Wie bent u?" and re.search(r'value="adoptieouder" checked', page.text)
    assert '<input type="hidden" name="signalen" value="dubbele-signalen">' in page.text


def test_guide_pages_use_no_inline_scripts_or_styles(client):
    pages = [client.get("/wegwijzer").text, client.get("/wegwijzer/vragen").text,
             step(client, "toelichting", **ANSWERS).text]
    for html in pages:
        assert "style=" not in html and "<style" not in html
        assert not re.search(r"<script(?![^>]*\bsrc=)", html)
        assert not re.search(r"<[^>]+\son[a-z]+=", html)


def test_the_gesprekskaart_downloads_as_pdf(client):
    response = client.post("/wegwijzer/gesprekskaart.pdf", data=ANSWERS)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response.headers["content-type"] == "application/pdf"
    assert "attachment" in response.headers["content-disposition"]
    assert response.headers["cache-control"] == "no-store"


def test_the_gesprekskaart_needs_the_required_answers(client):
    response = client.post("/wegwijzer/gesprekskaart.pdf", data={"rol": "ouder"})
    assert response.status_code == 422 and "Kies Nederland of Vlaanderen" in response.text


def test_nothing_of_an_intake_is_logged(client, caplog):
    secret = "Geheime-zin-over-Pietje"
    with caplog.at_level("DEBUG"):
        step(client, "toelichting", **{**ANSWERS, "toelichting": secret})
        client.post("/api/guide", json={"rol": "ouder", "regio": "nl", "leeftijd_maanden": 40, "toelichting": secret})
    assert secret not in caplog.text
