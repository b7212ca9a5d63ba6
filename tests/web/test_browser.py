"""Headless Debian chromium: a visitor goes from the home page to an article and sees its sources."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_home_to_article_shows_sources(page, live_server):
    page.goto(live_server + "/")
    page.get_by_role("link", name="Gevolgen en signalen").click()
    page.get_by_role("link", name="Driftbuien en woedeaanvallen").first.click()
    assert page.url.endswith("/artikel/driftbuien")
    sources = page.locator("section.references li")
    assert sources.count() >= 2
    assert "doi.org" in page.locator("section.references").inner_text() or sources.count() > 0
    page.get_by_role("link", name="Vlaanderen").click()
    assert "1712" in page.locator("footer").inner_text()


def test_search_results_appear_as_you_type(page, live_server):
    page.goto(live_server + "/zoeken")
    page.get_by_label("Zoek in uw eigen woorden").fill("woedeaanval peuter")
    page.wait_for_selector("#resultaten li", timeout=15_000)
    assert "Driftbuien" in page.locator("#resultaten").inner_text()


def test_pages_are_usable_on_a_phone(browser, live_server):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(live_server + "/artikel/cirkel-van-veiligheid")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 380
    context.close()
