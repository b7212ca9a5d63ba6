"""The gesprekskaart PDF: one or two pages, the right numbers for the region, the route, no free text."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from gehecht.guide.intake import parse_intake
from gehecht.guide.pdf import gesprekskaart_pdf
from gehecht.guide.route import route


def card(kb, rules, **fields) -> tuple[bytes, str, int]:
    intake = parse_intake(fields)
    pdf = gesprekskaart_pdf(kb, intake, route(kb, rules, intake))
    reader = PdfReader(io.BytesIO(pdf))
    return pdf, " ".join((p.extract_text() or "") for p in reader.pages), len(reader.pages)


@pytest.mark.parametrize(("region", "present", "absent"), [
    ("nl", ["112", "0800-2000", "0800-0113"], ["1712", "1813"]),
    ("be", ["112", "1712", "1813"], ["0800-2000", "0800-0113"]),
])
def test_an_urgent_card_has_the_regions_numbers(kb, rules, region, present, absent):
    pdf, text, pages = card(kb, rules, rol="ouder", regio=region, leeftijd_maanden=170,
                            signalen=["suicidale-uitingen"], toelichting="Mijn dochter Annelies wil dood.")
    assert pdf.startswith(b"%PDF")
    assert 1 <= pages <= 2
    flat = " ".join(text.split())
    for number in present:
        assert number in flat
    for number in absent:
        assert number not in flat
    assert "Annelies" not in flat  # the free text (and any name in it) stays off the card


def test_the_card_holds_age_role_topics_circle_questions_and_treatments(kb, rules):
    _, text, pages = card(kb, rules, rol="adoptieouder", regio="nl", leeftijd_maanden=38, gezin=["adoptie"],
                          geschiedenis=["adoptie-na-6-maanden"], signalen=["driftbuien", "dubbele-signalen"],
                          contexten=["thuis"])
    flat = " ".join(text.split())
    for words in ("3 jaar en 2 maanden", "Adoptieouder", "Nederland", "Dubbele signalen", "Troost mij",
                  "Vragen om te stellen", "VIPP-SD", "geen diagnose"):
        assert words in flat, words
    assert pages <= 2


def test_even_the_fullest_intake_fits_on_two_pages(kb, rules):
    from gehecht.content.vocabulary import CONTEXTS, FAMILY, HISTORY, SIGNALS

    _, _, pages = card(kb, rules, rol="hulpverlener", regio="be", leeftijd_maanden=100, gezin=list(FAMILY),
                       geschiedenis=list(HISTORY), signalen=list(SIGNALS), contexten=list(CONTEXTS))
    assert pages <= 2
