"""The UI in two languages: nl.yaml and en.yaml hold the same keys, and with the `taal=en` cookie the
guide and the account pages show an English UI (knowledge-base content stays Dutch)."""

from __future__ import annotations

import re
import secrets
import string
from pathlib import Path

import pytest
import yaml

from gehecht.db.models import ROLES
from gehecht.web.guide_views import STEPS
from gehecht.web.i18n import LANGUAGES, LOCALES_DIR, translate
from gehecht.web.messages import VALUES, known_sentences, localise

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "gehecht" / "web" / "templates"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def catalogue(language: str) -> dict[str, str]:
    return yaml.safe_load((LOCALES_DIR / f"{language}.yaml").read_text(encoding="utf-8"))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_dutch_and_english_have_the_same_keys():
    nl, en = catalogue("nl"), catalogue("en")
    assert sorted(set(nl) - set(en)) == [], "keys missing from en.yaml"
    assert sorted(set(en) - set(nl)) == [], "keys missing from nl.yaml"
    for language in LANGUAGES:
        empty = [key for key, text in catalogue(language).items() if not isinstance(text, str) or not text.strip()]
        assert empty == [], f"{language}.yaml has empty texts"


def test_both_languages_use_the_same_placeholders():
    nl, en = catalogue("nl"), catalogue("en")
    different = [key for key in nl if placeholders(nl[key]) != placeholders(en[key])]
    assert different == []


def test_every_key_the_templates_and_views_ask_for_exists():
    nl = catalogue("nl")
    asked: set[str] = set()
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        asked |= set(re.findall(r"\bt\('([a-z0-9_]+)'(?!\s*~)", text))  # t('key') and t('key', name=…)
        asked |= set(re.findall(r"\bt\('([a-z0-9_]+)' if ", text))  # t('one' if n == 1 else 'many', …)
        asked |= set(re.findall(r" else '([a-z0-9_]+)', ", text))
    asked |= {key for step in STEPS for key in (step.title_key, step.hint_key)}
    asked |= {f"role_name_{role}" for role in ROLES}
    assert sorted(asked - set(nl)) == []


def test_messages_from_accounts_and_journal_are_translated_sentence_by_sentence():
    assert known_sentences(), "no msg_* keys in nl.yaml"
    for dutch, key in known_sentences():
        assert localise("en", dutch) == translate("en", key, **VALUES)
        assert localise("nl", dutch) == dutch
    two = translate("nl", "msg_username_taken") + " " + translate("nl", "msg_password_common")
    assert localise("en", two) == translate("en", "msg_username_taken") + " " + translate("en", "msg_password_common")


@pytest.fixture()
def english(client):
    client.cookies.set("taal", "en")
    return client


def assert_english(html: str, english_words: list[str], dutch_words: list[str]) -> None:
    assert 'lang="en"' in html
    for words in english_words:
        assert words in html, words
    for words in dutch_words:
        assert words not in html, words


def test_guide_start_page_is_english(english):
    html = english.get("/wegwijzer").text
    assert_english(html, ["Guide: from your concern to a route", "8 short questions", "Start the questions",
                          "Your answers are not stored"],
                   ["Wegwijzer: van uw zorg", "Begin met de vragen", "korte vragen", "Uw antwoorden",
                    "Wacht dan niet"])


def test_first_guide_question_is_english(english):
    response = english.get("/wegwijzer/vragen")
    assert response.status_code == 200
    assert_english(response.text, ["Question 1 of 8", "<h1>Who are you?</h1>", "So we can fit the route to you.",
                                   "Parent or carer", "Adoptive parent", "Next", "Your answers are not stored."],
                   ["Vraag 1 van", "Wie bent u?", "Volgende", "Ouder of opvoeder", "Adoptieouder",
                    "niet bewaard", "Zo passen we"])


def test_guide_errors_and_later_questions_are_english(english):
    missing = english.post("/wegwijzer/vragen", data={"stap": "rol", "actie": "volgende"})
    assert missing.status_code == 422
    assert_english(missing.text, ["Choose who you are."], ["Kies wie u bent"])
    signals = english.post("/wegwijzer/vragen", data={"rol": "ouder", "regio": "nl", "jaren": "3",
                                                      "stap": "signalen", "actie": "naar:signalen"})
    assert_english(signals.text, ["What do you notice?", "Anger and behaviour", "Tantrums or fits of rage",
                                  "Skip", "← Previous"],
                   ["Wat valt u op?", "Boosheid en gedrag", "Driftbuien of woedeaanvallen", "Overslaan", "Vorige"])


def test_guide_route_chrome_is_english_and_its_content_stays_dutch(english):
    answers = {"rol": "ouder", "regio": "nl", "jaren": "3", "signalen": ["driftbuien"], "stap": "toelichting",
               "actie": "volgende"}
    html = english.post("/wegwijzer/vragen", data=answers).text
    assert_english(html, ["<h1>Your route</h1>", "Child aged 3 years", "Read first", "Change your answers"],
                   ["Uw route", "Lees eerst", "Antwoorden aanpassen", "Kind van 3 jaar"])
    assert "Past bij:" in html  # `waarom` is the route's own (Dutch) output


def test_guide_stays_dutch_without_the_cookie(client):
    html = client.get("/wegwijzer/vragen").text
    assert "Vraag 1 van 8" in html and "<h1>Wie bent u?</h1>" in html and "Question 1" not in html


def test_login_page_is_english(english):
    response = english.get("/account/inloggen")
    assert response.status_code == 200
    assert_english(response.text, ["<h1>Log in</h1>", "User name", "Password", "No account yet?", "Create one"],
                   ["Inloggen", "Gebruikersnaam", "Wachtwoord", "Nog geen account", "Maak er een aan"])


def test_a_failed_login_says_so_in_english(english):
    token = CSRF.search(english.get("/account/inloggen").text).group(1)
    response = english.post("/account/inloggen", data={"csrf_token": token, "gebruikersnaam": "niemand-hier",
                                                       "wachtwoord": "een verkeerd wachtwoord"})
    assert response.status_code == 401
    assert_english(response.text, ["User name or password is not correct."], ["klopt niet"])


def test_signup_page_is_english(english):
    response = english.get("/account/aanmelden")
    assert response.status_code == 200
    assert_english(response.text, ["<h1>Create an account</h1>", "Who are you?", "Parent or carer", "Professional",
                                   "Teacher", "User name", "Password once more", "(optional)"],
                   ["Account aanmaken", "Wie bent u?", "Ouder of opvoeder", "Gebruikersnaam", "Wachtwoord",
                    "niet verplicht", "Al een account"])


def test_signing_up_in_english_leads_to_an_english_journal(english):
    token = CSRF.search(english.get("/account/aanmelden").text).group(1)
    username = f"engels-{secrets.token_hex(4)}"
    mismatch = english.post("/account/aanmelden", data={
        "csrf_token": token, "gebruikersnaam": username, "rol": "ouder", "wachtwoord": "een lange zin als wachtwoord",
        "wachtwoord2": "iets anders"})
    assert mismatch.status_code == 422
    assert_english(mismatch.text, ["That did not work yet.", "The two passwords are not the same."],
                   ["Dat lukte nog niet", "niet gelijk"])
    english.post("/account/aanmelden", data={
        "csrf_token": token, "gebruikersnaam": username, "rol": "ouder", "wachtwoord": "een lange zin als wachtwoord",
        "wachtwoord2": "een lange zin als wachtwoord"})
    journal = english.get("/dagboek?welkom=1")
    assert journal.status_code == 200
    assert_english(journal.text, ["Signed in as", "(parent)", "Your account is ready.", "Your children",
                                  "Add a child", "Month of birth"],
                   ["Ingelogd als", "Uw kinderen", "Kind toevoegen", "Geboortemaand", "Uitloggen"])
