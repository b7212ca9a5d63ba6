"""The journal's weekly timeline: how many moments a week, by half of the Circle, and how they
went on average. Server-rendered, with <title> and <desc>; the page adds a table as well."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from .circle_svg import SCORE_COLOURS

WIDTH, HEIGHT = 760, 300
LEFT, RIGHT, TOP, BOTTOM = 46, 716, 24, 214
HALVES = (("boven", "Bovenkant", "#1f5f8b"), ("onder", "Onderkant", "#b4461f"),
          ("handen", "Handen", "#6a4c93"), ("onbekend", "Geen behoefte gekozen", "#a3aab8"))
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


@dataclass(frozen=True)
class WeekBar:
    """One week (starting on `monday`): moments per half of the Circle and the mean score."""

    monday: date
    counts: Mapping[str, int]
    average: float | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def short_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def _nice_max(value: int) -> int:
    if value <= 4:
        return 4
    step = 5 if value <= 30 else 10
    return int(math.ceil(value / step) * step)


def week_timeline_svg(weeks: Sequence[WeekBar], title: str = "Momenten per week",
                      svg_id: str = "weken") -> str:
    top = _nice_max(max((w.total for w in weeks), default=0))
    plot_w, plot_h = RIGHT - LEFT, BOTTOM - TOP
    slot = plot_w / max(len(weeks), 1)
    bar_w = max(3.0, min(36.0, slot * 0.7))

    def y_count(n: float) -> float:
        return BOTTOM - plot_h * n / top

    def y_score(s: float) -> float:
        return BOTTOM - plot_h * (s - 0.5) / 5

    described = []
    for w in weeks:
        parts = [f"{w.counts.get(key, 0)} {label.lower()}" for key, label, _ in HALVES if w.counts.get(key)]
        text = f"week van {short_date(w.monday)}: {w.total} {'moment' if w.total == 1 else 'momenten'}"
        if parts:
            text += f" ({', '.join(parts)})"
        if w.average is not None:
            text += f", gemiddeld {w.average:.1f} van 5".replace(".", ",")
        described.append(text)
    title_id, desc_id = f"{svg_id}-titel", f"{svg_id}-beschrijving"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12" '
        'class="weken-svg">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape("; ".join(described) + "." if described else "Nog geen momenten.")}</desc>',
    ]
    for n in range(0, top + 1, max(1, top // 4)):
        y = y_count(n)
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{RIGHT}" y2="{y:.1f}" stroke="#e3e6ec"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#4a5468">{n}</text>')
    for s in (1, 3, 5):
        out.append(f'<text x="{RIGHT + 6}" y="{y_score(s) + 4:.1f}" fill="#4a5468">{s}</text>')
    out.append(f'<text x="{LEFT - 6}" y="{TOP - 8}" text-anchor="end" fill="#4a5468">aantal</text>')
    out.append(f'<text x="{RIGHT + 22}" y="{TOP - 8}" text-anchor="end" fill="#4a5468">hoe ging het</text>')
    label_every = max(1, math.ceil(len(weeks) / 13))
    points = []
    for i, w in enumerate(weeks):
        cx = LEFT + slot * (i + 0.5)
        base = 0
        for key, label, colour in HALVES:
            n = w.counts.get(key, 0)
            if not n:
                continue
            y1, y2 = y_count(base + n), y_count(base)
            out.append(f'<rect x="{cx - bar_w / 2:.1f}" y="{y1:.1f}" width="{bar_w:.1f}" height="{y2 - y1:.1f}" '
                       f'fill="{colour}"><title>{escape(label)}: {n}</title></rect>')
            base += n
        if (len(weeks) - 1 - i) % label_every == 0:
            out.append(f'<text x="{cx:.1f}" y="{BOTTOM + 16}" text-anchor="middle" fill="#4a5468">'
                       f'{escape(short_date(w.monday))}</text>')
        if w.average is not None:
            points.append((cx, y_score(w.average), w.average))
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="#1d2433" stroke-width="1.5" '
                   'stroke-dasharray="3 3"/>')
    for x, y, avg in points:
        colour = SCORE_COLOURS[max(0, min(4, round(avg) - 1))]
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5.5" fill="{colour}" stroke="#1d2433" stroke-width="1">'
                   f'<title>gemiddeld {avg:.1f}</title></circle>')
    out.append(f'<line x1="{LEFT}" y1="{BOTTOM}" x2="{RIGHT}" y2="{BOTTOM}" stroke="#1d2433"/>')
    x = LEFT
    for _key, label, colour in HALVES:
        out.append(f'<rect x="{x}" y="{HEIGHT - 40}" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{x + 16}" y="{HEIGHT - 30}">{escape(label)}</text>')
        x += 30 + 7 * len(label)
    out.append(f'<circle cx="{x + 6}" cy="{HEIGHT - 34}" r="5.5" fill="{SCORE_COLOURS[3]}" stroke="#1d2433"/>')
    out.append(f'<text x="{x + 16}" y="{HEIGHT - 30}">gemiddeld: hoe ging het (1-5)</text>')
    out.append("</svg>")
    return "\n".join(out)
