"""The pictures that articles embed as /static/*.svg, generated from content data."""

from __future__ import annotations

from pathlib import Path

from ..content.loader import KnowledgeBase
from .circle_svg import circle_svg
from .timeline_svg import timeline_svg

STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"


def static_pictures(kb: KnowledgeBase) -> dict[str, str]:
    return {"cirkel.svg": circle_svg(kb.circle), "tijdlijn.svg": timeline_svg(kb.phases)}


def write_static_pictures(kb: KnowledgeBase, folder: Path = STATIC_DIR) -> list[Path]:
    written = []
    for name, svg in static_pictures(kb).items():
        path = folder / name
        path.write_text(svg + "\n", encoding="utf-8")
        written.append(path)
    return written
