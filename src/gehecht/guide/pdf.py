"""The gesprekskaart: a printable one- or two-page PDF of a route, to take to the GP, youth doctor,
school or therapist. No names: only the child's age, who filled it in, the region and the answers."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..content.loader import KnowledgeBase
from ..pictures.circle_svg import circle_svg
from .intake import Intake
from .labels import URGENCY_TITLES, age_text, label
from .output import Route

TEMPLATES = Path(__file__).parent / "templates"
_env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
# The numbers stand in bold above the explanation; the card leaves out the 'Bel …' sentences.
_env.filters["without_calls"] = lambda text: " ".join(
    part for part in re.split(r"(?<=[.!?])\s+", text) if not part.startswith("Bel "))
_env.filters["plain_why"] = lambda text: re.sub(r"\s*\[regel [^\]]*\]", "", text.split("];")[0])


def _labels(field: str, slugs: tuple[str, ...], region: str) -> list[str]:
    return [label(field, s, region) for s in slugs]


def gesprekskaart_html(kb: KnowledgeBase, intake: Intake, route: Route, today: dt.date | None = None) -> str:
    """The card as HTML (also what the PDF is made from)."""
    region = intake.regio
    return _env.get_template("gesprekskaart.html").render(
        intake=intake,
        route=route,
        today=(today or dt.date.today()).strftime("%d-%m-%Y"),
        age=age_text(intake.leeftijd_maanden),
        role=label("rol", intake.rol, region),
        region=label("regio", region, region),
        family=", ".join(_labels("gezin", intake.gezin, region)),
        signals=_labels("signalen", intake.signalen, region),
        places=", ".join(_labels("contexten", intake.contexten, region)).lower(),
        history="; ".join(_labels("geschiedenis", intake.geschiedenis, region)),
        urgency_title=URGENCY_TITLES[route.urgentie],
        circle_svg=circle_svg(kb.circle, emphasis={c.behoefte for c in route.cirkel}, svg_id="kaart-cirkel"),
    )


def gesprekskaart_pdf(kb: KnowledgeBase, intake: Intake, route: Route) -> bytes:
    """Render the card with WeasyPrint; returns the PDF bytes (nothing is written to disk)."""
    from weasyprint import HTML

    return HTML(string=gesprekskaart_html(kb, intake, route), base_url=str(TEMPLATES)).write_pdf()
