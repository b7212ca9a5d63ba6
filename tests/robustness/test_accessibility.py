"""WCAG 2.1 AA: axe-core, injected through Playwright into Debian's chromium, finds no violation on
the pages people use most: the handbook, search, the guide (start, a question, a route) and the
journal (log-in, sign-up, the overview of a child with an observation).

axe-core is an npm package; scripts/test-deps.sh installs it into .cache/axe (never committed)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dbtesting import make_child, make_observation, make_user, serve_in_thread

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"axe-core is missing ({AXE}); `make test` installs it (scripts/test-deps.sh)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site(kb, engine, tmp_path_factory) -> Iterator[tuple[str, str, str, str]]:
    """The app on a free port over its own database, with a parent, a child and an observation:
    (base URL, session cookie value, child id, observation id)."""
    from gehecht.accounts import sessions
    from gehecht.db import open_database
    from gehecht.db.models import User
    from gehecht.web.app import create_app

    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('a11y') / 'a11y.db'}")
    app = create_app(kb)
    app.state.db = database
    app.state.engine = engine
    anna = make_user(database, "anna", name="Anna")
    child = make_child(database, anna, name="Lara", birth_month="2021-03")
    observation = make_observation(database, anna, child, situation="Afscheid bij de opvang", score=4, need="troost-mij",
                     child_did="Ze klampte zich vast.", parent_did="Ik nam haar even op schoot.")
    with database.session() as db:
        token, _row = sessions.start(db, db.get(User, anna.id))
    url, stop = serve_in_thread(app)
    yield url, token, child.id, observation
    stop()
    database.dispose()


@pytest.fixture()
def visitor(browser, site):  # type: ignore[no-untyped-def]
    context = browser.new_context(bypass_csp=True)  # the site's CSP would (rightly) refuse axe's script
    yield context.new_page()
    context.close()


@pytest.fixture()
def parent(browser, site):  # type: ignore[no-untyped-def]
    url, token, _child, _observation = site
    context = browser.new_context(bypass_csp=True)
    context.add_cookies([{"name": "gehecht_sessie", "value": token, "url": url}])
    yield context.new_page()
    context.close()


def violations(page, axe_source: str) -> list[str]:  # type: ignore[no-untyped-def]
    page.add_script_tag(content=axe_source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    found = []
    for v in result["violations"]:
        targets = [json.dumps(node["target"]) for node in v["nodes"][:3]]
        found.append(f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(targets)}")
    return found


@pytest.mark.parametrize("path", ["/", "/artikel/gehechtheid", "/zoeken?q=driftbuien+peuter", "/wegwijzer",
                                  "/wegwijzer/vragen", "/account/inloggen", "/account/aanmelden", "/bestaat-niet"])
def test_public_pages_have_no_wcag_violations(visitor, site, axe_source, path):
    visitor.goto(site[0] + path)
    assert violations(visitor, axe_source) == []


def test_search_results_shown_as_you_type_have_no_wcag_violations(visitor, site, axe_source):
    visitor.goto(site[0] + "/zoeken")
    visitor.get_by_label("Zoek in uw eigen woorden").fill("woedeaanval peuter")
    visitor.wait_for_selector("#resultaten li", timeout=15_000)
    assert violations(visitor, axe_source) == []


def test_the_guide_questions_and_route_have_no_wcag_violations(visitor, site, axe_source):
    visitor.goto(site[0] + "/wegwijzer/vragen")
    visitor.check("input[name=rol][value=ouder]")
    visitor.click("button.volgende")
    visitor.check("input[name=regio][value=nl]")
    visitor.click("button.volgende")
    visitor.fill("#jaren", "3")
    visitor.click("button.volgende")
    visitor.click("button.volgende")  # family
    visitor.click("button.volgende")  # history
    problems = {"signals step": violations(visitor, axe_source)}
    visitor.check("input[name=signalen][value=driftbuien]")
    for _ in range(3):
        visitor.click("button.volgende")  # signals, contexts, own words
    assert "Uw route" in visitor.content()
    problems["route"] = violations(visitor, axe_source)
    assert problems == {"signals step": [], "route": []}


@pytest.mark.parametrize("suffix", ["/dagboek", "/dagboek/{child}/", "/dagboek/{child}/observaties/{obs}/bewerken",
                                    "/dagboek/{child}/delen", "/account"])
def test_journal_pages_have_no_wcag_violations(parent, site, axe_source, suffix):
    url, _token, child, observation = site
    parent.goto(url + suffix.format(child=child, obs=observation))
    assert "inloggen" not in parent.url
    assert violations(parent, axe_source) == []


def test_forms_showing_their_errors_have_no_wcag_violations(visitor, site, axe_source):
    visitor.goto(site[0] + "/wegwijzer/vragen")
    visitor.click("button.volgende")  # no answer: the question comes back with its error
    assert visitor.locator("[role=alert]").count() == 1
    problems = {"guide": violations(visitor, axe_source)}
    visitor.goto(site[0] + "/account/inloggen")
    visitor.fill("input[name=gebruikersnaam]", "anna")
    visitor.fill("input[name=wachtwoord]", "niet het goede wachtwoord")
    visitor.click("form button[type=submit]")
    assert "inloggen" in visitor.url
    problems["log-in"] = violations(visitor, axe_source)
    assert problems == {"guide": [], "log-in": []}


def test_the_check_itself_finds_violations(visitor, axe_source):
    """A page with known problems, so a silently broken axe set-up cannot pass the tests above."""
    visitor.set_content('<html><body><img src="x.png"><p style="color:#bbb;background:#fff">grijs</p>'
                        '<input type="text"></body></html>')
    found = " ".join(violations(visitor, axe_source))
    assert "image-alt" in found and "color-contrast" in found and "label" in found and "html-has-lang" in found
