"""In a real browser: a parent signs up, notes a moment, sees it on the Circle, shares the journal
with a professional who then sees it, revokes, and the professional no longer does."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
PASSWORD = "een lange zin als wachtwoord"


def sign_up(page, base: str, username: str, role: str) -> None:
    page.goto(f"{base}/account/aanmelden")
    page.check(f"input[name=rol][value={role}]")
    page.fill("#gebruikersnaam", username)
    page.fill("#wachtwoord", PASSWORD)
    page.fill("#wachtwoord2", PASSWORD)
    page.click("button.big")
    page.wait_for_url(f"{base}/dagboek?welkom=1")


def test_a_parent_shares_a_moment_with_a_professional_and_takes_it_back(page, browser, live_journal):
    base = live_journal
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)

    sign_up(page, base, "ouder.anna", "ouder")
    page.fill("#naam", "Lara")
    page.fill("#geboortemaand", "2021-03")
    page.click("form[action='/dagboek/kinderen'] button")
    journal_url = page.url
    assert journal_url.startswith(f"{base}/dagboek/")

    # a quick entry: tap the need, tap how it went, save (everything else has a default)
    page.click("label:has(input[name=behoefte][value=troost-mij])")
    page.click("label:has(input[name=score][value='2'])")
    page.click("#nieuw button.big")
    page.wait_for_selector("text=Opgeslagen.")
    assert "Troost mij: 1 keer, gemiddeld 2.0 van 5" in page.text_content("svg.cirkel-svg desc")
    row = page.locator("table.needs-table tr", has_text="Troost mij")
    assert row.locator("td").nth(1).inner_text() == "1"

    professional = browser.new_context()
    pro = professional.new_page()
    pro.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    sign_up(pro, base, "hulp.henk", "hulpverlener")
    assert "Er zijn nog geen dagboeken met u gedeeld" in pro.inner_text("main")
    pro.goto(journal_url)
    assert "Deze pagina bestaat niet" in pro.inner_text("main")

    page.click("text=Delen")
    page.fill("#gebruikersnaam", "hulp.henk")
    page.click("label:has(input[name=niveau][value=reageren])")
    page.click("form[action$='/delen'] button")
    page.wait_for_selector("text=Toegang gegeven.")

    pro.goto(f"{base}/dagboek")
    pro.click("text=Lara")
    assert pro.url == journal_url
    assert "Troost mij" in pro.inner_text("#observaties")
    assert "Nieuw moment" not in pro.inner_text("main")
    pro.click("#observaties details.reply summary")
    pro.fill("#observaties textarea[name=tekst]", "Goed dat u bij haar bleef.")
    pro.click("#observaties form.comment-form button")
    pro.wait_for_url(f"{journal_url}#observatie-*")

    page.goto(journal_url)
    assert "Goed dat u bij haar bleef." in page.inner_text("#observaties")

    page.goto(f"{journal_url}delen")
    page.click("text=Toegang intrekken")
    page.wait_for_selector("text=Toegang ingetrokken.")

    pro.goto(journal_url)
    assert "Deze pagina bestaat niet" in pro.inner_text("main")
    pro.goto(f"{base}/dagboek")
    assert "Lara" not in pro.inner_text("main")

    page.goto(f"{journal_url}logboek")
    log = page.inner_text("main")
    assert "hulp.henk (hulpverlener)" in log
    assert "Toegang ingetrokken" in log and "Dagboek bekeken" in log and "Reactie geplaatst" in log
    professional.close()
    # no CSP violations or script errors (the 404s are the pages we expected to be refused)
    assert [p for p in problems if "status of 404" not in p] == []
