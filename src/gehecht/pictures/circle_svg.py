"""Our own drawing of the Cirkel van Veiligheid (Circle of Security; Cooper, Hoffman, Marvin &
Powell; Dutch translation Schuengel & Sterkenburg). One function serves the article (plain),
the guide (needs under pressure highlighted) and the journal (counts and how it went)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

from ..content.models import CircleNeed

WIDTH, HEIGHT = 800, 580
CX, CY, R = 480, 285, 120
LINE_H = 17
TOP_ROW = (52, 174, (130, 320, 510, 700))  # y, box width, x centres
BOTTOM_ROW = (512, 150, (95, 250, 405, 560, 715))
HANDS = (130, 180, (220, 350))  # x, box width, y centres
SCORE_COLOURS = ("#c0392b", "#e67e22", "#f1c40f", "#7dbb5a", "#2e8b57")  # 1 … 5


def _wrap(label: str, width: int = 22) -> list[str]:
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line] if line else lines


def _score_colour(score: float) -> str:
    return SCORE_COLOURS[max(0, min(4, round(score) - 1))]


def _label(need: CircleNeed, x: float, y: float, box_w: int, emphasised: bool, count: int | None,
           score: float | None) -> str:
    lines = _wrap(need.label, width=box_w // 9)
    height = LINE_H * len(lines) + 12
    fill = "#fde2c8" if emphasised else "#ffffff"
    stroke = "#b4461f" if emphasised else "#8a93a6"
    width = 3 if emphasised else 1.5
    parts = [f'<g class="need need-{escape(need.slug)}{" emphasised" if emphasised else ""}">',
             f'<rect x="{x - box_w / 2:.0f}" y="{y - height / 2:.0f}" width="{box_w}" height="{height}" '
             f'rx="8" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>']
    for i, line in enumerate(lines):
        ty = y - height / 2 + 6 + LINE_H * (i + 0.8)
        weight = ' font-weight="700"' if emphasised else ""
        parts.append(f'<text x="{x:.0f}" y="{ty:.0f}" text-anchor="middle"{weight}>{escape(line)}</text>')
    if count is not None:
        colour = _score_colour(score) if score is not None and count else "#8a93a6"
        parts.append(f'<circle cx="{x + box_w / 2 - 4:.0f}" cy="{y - height / 2 + 2:.0f}" r="14" fill="{colour}"/>')
        parts.append(f'<text x="{x + box_w / 2 - 4:.0f}" y="{y - height / 2 + 7:.0f}" text-anchor="middle" '
                     f'fill="#fff" font-weight="700">{count}</text>')
    parts.append("</g>")
    return "".join(parts)


def circle_svg(
    needs: Sequence[CircleNeed],
    emphasis: set[str] | frozenset[str] = frozenset(),
    counts: Mapping[str, int] | None = None,
    scores: Mapping[str, float] | None = None,
    title: str = "De Cirkel van Veiligheid",
    svg_id: str = "cirkel",
) -> str:
    """An accessible SVG: <title>, a <desc> listing every need (and counts), real text labels."""
    top = [n for n in needs if n.helft == "boven"]
    bottom = [n for n in needs if n.helft == "onder"]
    hands = {n.slug: n for n in needs if n.helft == "handen"}
    desc_parts = []
    for half, items in (("Bovenkant (op ontdekking)", top), ("Onderkant (terugkomen)", bottom),
                        ("Handen", list(hands.values()))):
        described = []
        for n in items:
            text = n.label
            if counts is not None:
                text += f": {counts.get(n.slug, 0)} keer"
                if scores and n.slug in scores:
                    text += f", gemiddeld {scores[n.slug]:.1f} van 5"
            if n.slug in emphasis:
                text += " (staat onder druk)"
            described.append(text)
        desc_parts.append(f"{half}: " + "; ".join(described) + ".")
    title_id, desc_id = f"{svg_id}-titel", f"{svg_id}-beschrijving"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" font-family="DejaVu Sans, Arial, sans-serif" font-size="14" '
        f'class="cirkel-svg">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(" ".join(desc_parts))}</desc>',
        '<defs><marker id="pijl" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="26" markerHeight="26" '
        'markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1f5f8b"/></marker>'
        '<marker id="pijl-terug" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="26" markerHeight="26" '
        'markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#b4461f"/>'
        '</marker></defs>',
        # the two halves of the circle, drawn as arrows: out over the top, back along the bottom
        f'<path d="M {CX - R} {CY - 8} A {R} {R} 0 0 1 {CX + R} {CY - 22}" fill="none" stroke="#1f5f8b" '
        'stroke-width="10" marker-end="url(#pijl)"/>',
        f'<path d="M {CX + R} {CY + 8} A {R} {R} 0 0 1 {CX - R} {CY + 22}" fill="none" stroke="#b4461f" '
        'stroke-width="10" marker-end="url(#pijl-terug)"/>',
        f'<text x="{CX}" y="{CY - 22}" text-anchor="middle" font-weight="700" fill="#1f5f8b">Op ontdekking</text>',
        f'<text x="{CX}" y="{CY + 34}" text-anchor="middle" font-weight="700" fill="#b4461f">Terugkomen</text>',
    ]
    def value(slug: str) -> tuple[int | None, float | None]:
        return (None if counts is None else counts.get(slug, 0)), (scores.get(slug) if scores else None)

    for row, items in ((TOP_ROW, top), (BOTTOM_ROW, bottom)):
        y, box_w, xs = row
        for need, x in zip(items, xs):
            out.append(_label(need, x, y, box_w, need.slug in emphasis, *value(need.slug)))
    hx, hand_w, hys = HANDS
    for slug, y in zip(("veilige-basis", "veilige-haven"), hys):
        need = hands.get(slug)
        if need is None:
            continue
        out.append(f'<line x1="{hx + hand_w / 2}" y1="{y}" x2="{CX - R - 14}" y2="{CY + (-14 if y < CY else 14)}" '
                   'stroke="#8a93a6" stroke-width="2" stroke-dasharray="4 4"/>')
        out.append(_label(need, hx, y, hand_w, slug in emphasis, *value(slug)))
    out.append(f'<text x="{hx}" y="{CY - 4}" text-anchor="middle" font-size="12" fill="#4a5468">Groter, sterker,</text>')
    out.append(f'<text x="{hx}" y="{CY + 11}" text-anchor="middle" font-size="12" fill="#4a5468">wijzer en lief</text>')
    out.append(f'<text x="{WIDTH - 8}" y="{HEIGHT - 8}" text-anchor="end" font-size="10" fill="#4a5468">'
               'Naar de Circle of Security (Cooper, Hoffman, Marvin &amp; Powell); vertaling Schuengel &amp; '
               'Sterkenburg. Eigen tekening.</text>')
    out.append("</svg>")
    return "\n".join(out)
