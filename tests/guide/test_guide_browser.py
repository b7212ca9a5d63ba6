"""A parent on a phone fills in the wegwijzer and sees the route (real browser, no JavaScript needed)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_a_parent_on_a_phone_gets_a_route(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{live_server}/wegwijzer")
        page.get_by_role("link", name="Begin met de vragen").click()
        assert page.get_by_role("heading", level=1).inner_text() == "Wie bent u?"
        page.get_by_role("button", name="Volgende").click()
        assert page.get_by_role("alert").is_visible()
        page.get_by_label("Adoptieouder").check()
        page.get_by_role("button", name="Volgende").click()
        page.get_by_label("Nederland").check()
        page.get_by_role("button", name="Volgende").click()
        page.get_by_label("Jaren").fill("3")
        page.get_by_role("button", name="Volgende").click()
        page.get_by_label("Adoptiegezin").check()
        page.get_by_role("button", name="Volgende").click()
        page.get_by_role("button", name="Overslaan").click()
        page.get_by_label("Vraagt aandacht, maar duwt u weg").check()
        page.get_by_label("Driftbuien of woedeaanvallen").check()
        page.get_by_role("button", name="← Vorige").click()
        page.get_by_role("button", name="Volgende").click()
        assert page.get_by_label("Driftbuien of woedeaanvallen").is_checked()
        page.get_by_role("button", name="Volgende").click()
        page.get_by_label("Thuis").check()
        page.get_by_role("button", name="Volgende").click()
        page.get_by_label("Wilt u nog iets vertellen?").fill("Ze blijft nooit op schoot.")
        page.get_by_role("button", name="Toon de route").click()
        assert page.get_by_role("heading", name="Uw route").is_visible()
        assert page.locator(".urgentie").is_visible()
        assert page.locator("svg.cirkel-svg .emphasised").count() >= 1
        assert page.get_by_role("link", name="Dubbele signalen").first.is_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390 + 1, "no horizontal scrolling on a phone"
    finally:
        context.close()
