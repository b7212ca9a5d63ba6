"""A timeline of attachment development by age (0-18 years), from content/data/ontwikkelingsfasen.yaml."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..content.models import DevelopmentPhase

WIDTH = 760
LEFT, RIGHT = 20, 740
ROW_H = 62
MONTHS = 216


def _x(months: float) -> float:
    # a square-root scale gives the busy first years room without losing adolescence
    return LEFT + (RIGHT - LEFT) * (months / MONTHS) ** 0.5


def timeline_svg(phases: Sequence[DevelopmentPhase], title: str = "Tijdlijn: hoe gehechtheid zich ontwikkelt") -> str:
    height = 70 + ROW_H * len(phases)
    desc = " ".join(
        f"{p.naam} ({p.van_maanden} tot {p.tot_maanden if p.tot_maanden is not None else 'later'} maanden): {p.kenmerken}"
        for p in phases
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        'aria-labelledby="tijdlijn-titel tijdlijn-beschrijving" font-family="DejaVu Sans, Arial, sans-serif" '
        'font-size="13" class="tijdlijn-svg">',
        f'<title id="tijdlijn-titel">{escape(title)}</title>',
        f'<desc id="tijdlijn-beschrijving">{escape(desc)}</desc>',
        f'<line x1="{LEFT}" y1="40" x2="{RIGHT}" y2="40" stroke="#1d2433" stroke-width="2"/>',
    ]
    for years in (0, 1, 2, 4, 6, 9, 12, 15, 18):
        x = _x(years * 12)
        out.append(f'<line x1="{x:.0f}" y1="34" x2="{x:.0f}" y2="46" stroke="#1d2433"/>')
        out.append(f'<text x="{x:.0f}" y="26" text-anchor="middle">{years} jr</text>')
    for i, phase in enumerate(phases):
        y = 60 + ROW_H * i
        x1 = _x(phase.van_maanden)
        x2 = _x(phase.tot_maanden if phase.tot_maanden is not None else MONTHS)
        colour = ("#1f5f8b", "#2e7dab", "#b4461f", "#c7643b", "#3c7d3c", "#6a4c93")[i % 6]
        out.append(f'<rect x="{x1:.0f}" y="{y}" width="{max(x2 - x1, 6):.0f}" height="14" rx="4" fill="{colour}"/>')
        anchor_x = min(max(x1, LEFT), RIGHT - 360)
        out.append(f'<text x="{anchor_x:.0f}" y="{y + 30}" font-weight="700">{escape(phase.naam)}</text>')
        out.append(f'<text x="{anchor_x:.0f}" y="{y + 46}" font-size="12" fill="#4a5468">{escape(phase.kenmerken[:95])}'
                   f'{"…" if len(phase.kenmerken) > 95 else ""}</text>')
    out.append("</svg>")
    return "\n".join(out)
