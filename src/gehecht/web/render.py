"""Entry Markdown → safe HTML for one region: boxes, internal links, numbered citations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin

from ..content.loader import KnowledgeBase
from ..content.markup import (
    BOX_KINDS,
    CITATION_KEY_RE,
    CITATION_RE,
    Section,
    resolve_region,
    split_sections,
)
from ..content.models import Entry

BOX_TITLES = {"hulp": "Wanneer hulp zoeken", "let-op": "Let op", "voorbeeld": "Voorbeeld"}


def _box_renderer(kind: str):
    def render(self, tokens, idx, _options, _env):  # type: ignore[no-untyped-def]
        if tokens[idx].nesting == 1:
            role = ' role="note"'
            return f'<aside class="box box-{kind}"{role} aria-label="{BOX_TITLES[kind]}">\n'
        return "</aside>\n"

    return render


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    for kind in BOX_KINDS:
        md.use(container_plugin, name=kind, render=_box_renderer(kind))
    return md


_MD = _markdown()


@dataclass(frozen=True)
class RenderedSection:
    heading: str
    anchor: str
    audience: str
    html: str


class EntryRenderer:
    """Renders one entry's body; numbers citations in order of first use across the body."""

    def __init__(self, kb: KnowledgeBase, entry: Entry, region: str) -> None:
        self.kb = kb
        self.entry = entry
        self.region = region
        self.citation_order: list[str] = []

    def _cite(self, match: re.Match[str]) -> str:
        """Replace [@a; @b] by a placeholder that survives Markdown; numbered in order of first use."""
        numbers = []
        for key in CITATION_KEY_RE.findall(match.group(1)):
            if key not in self.citation_order:
                self.citation_order.append(key)
            numbers.append(str(self.citation_order.index(key) + 1))
        return "^[" + ",".join(numbers) + "]^"

    def _link_target(self, target: str) -> str:
        entry = self.kb.entries.get(target)
        return entry.url if entry else "/niet-gevonden"

    def render_markdown(self, text: str) -> str:
        text = resolve_region(text, self.region)
        text = CITATION_RE.sub(self._cite, text)
        text = re.sub(r"\]\(gehecht:([^)\s]*)\)", lambda m: f"]({self._link_target(m.group(1))})", text)
        html = _MD.render(text)
        html = re.sub(r"\^\[([0-9,]+)\]\^", self._citation_html, html)
        return html

    def _citation_html(self, match: re.Match[str]) -> str:
        numbers = match.group(1).split(",")
        links = ",".join(
            f'<a href="#bron-{escape(self.citation_order[int(n) - 1])}">{n}</a>' for n in numbers
        )
        return f'<sup class="cite">[{links}]</sup>'

    def sections(self) -> list[RenderedSection]:
        rendered = []
        for section in split_sections(self.entry.body):
            rendered.append(self._render_section(section))
        return rendered

    def _render_section(self, section: Section) -> RenderedSection:
        heading = resolve_region(section.heading, self.region)
        return RenderedSection(heading, section.anchor, section.audience, self.render_markdown(section.text))

    def references(self) -> list[str]:
        """Keys in citation order, then the remaining front-matter sources."""
        keys = list(self.citation_order)
        keys += [k for k in self.entry.sources if k not in keys]
        return [k for k in keys if k in self.kb.references]
