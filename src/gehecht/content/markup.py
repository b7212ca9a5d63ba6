"""Our Markdown conventions: regional wording, internal links, citations, audience sections.

Pure functions over text, shared by the validator, the exporter, search and the web renderer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin

REGION_RE = re.compile(r"\{nl:([^|{}]*)\|be:([^{}]*)\}")
LINK_RE = re.compile(r"\]\(gehecht:([^)\s]*)\)")
CITATION_RE = re.compile(r"\[(@[^\]]+)\]")
CITATION_KEY_RE = re.compile(r"@([A-Za-z0-9][A-Za-z0-9\-]*)")
BOX_KINDS = ("hulp", "let-op", "voorbeeld")

TEACHER_HEADING = "Voor leerkrachten"
PROFESSIONAL_HEADING = "Voor professionals"
AUDIENCE_BY_HEADING = {TEACHER_HEADING: "leerkracht", PROFESSIONAL_HEADING: "hulpverlener"}


def resolve_region(text: str, region: str | None) -> str:
    """Pick the wording for one region; without a region show both (NL first)."""

    def pick(match: re.Match[str]) -> str:
        nl, be = match.group(1).strip(), match.group(2).strip()
        if region == "nl":
            return nl
        if region == "be":
            return be
        return f"{nl} (Vlaanderen: {be})"

    return REGION_RE.sub(pick, text)


def internal_links(body: str) -> list[str]:
    """Ids named by `[text](gehecht:id)` links, in order of appearance."""
    return LINK_RE.findall(body)


def cited_keys(body: str) -> list[str]:
    """Bibliography keys cited as [@key] or [@a; @b], in order of first appearance."""
    keys: list[str] = []
    for group in CITATION_RE.findall(body):
        for key in CITATION_KEY_RE.findall(group):
            if key not in keys:
                keys.append(key)
    return keys


@dataclass(frozen=True)
class Section:
    """A `##` section of an entry body and the audience it is written for."""

    heading: str
    text: str
    audience: str  # ouder | leerkracht | hulpverlener

    @property
    def anchor(self) -> str:
        return slugify(self.heading)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "sectie"


def split_sections(body: str) -> list[Section]:
    """Split a body on `##` headings; everything before the teacher/professional parts is for parents."""
    sections: list[Section] = []
    heading, lines, audience = "", [], "ouder"
    in_fence = False
    for line in body.splitlines():
        if line.startswith("```"):
            in_fence = not in_fence
        if not in_fence and line.startswith("## "):
            if heading or any(part.strip() for part in lines):
                sections.append(Section(heading, "\n".join(lines).strip(), audience))
            heading = line[3:].strip()
            audience = AUDIENCE_BY_HEADING.get(heading, audience)
            lines = []
        else:
            lines.append(line)
    if heading or any(part.strip() for part in lines):
        sections.append(Section(heading, "\n".join(lines).strip(), audience))
    return sections


def parent_part(body: str) -> str:
    """The parent part as Markdown, without the 'Lees verder' link list (no prose there)."""
    return "\n\n".join(
        s.text for s in split_sections(body) if s.audience == "ouder" and s.heading != "Lees verder"
    )


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    for kind in BOX_KINDS:
        md.use(container_plugin, name=kind)
    return md


_PLAIN_MD = _markdown()


def to_plain_text(markdown: str, region: str | None = None) -> str:
    """Markdown → plain text (no markup), keeping paragraph breaks; citations dropped."""
    text = CITATION_RE.sub("", resolve_region(markdown, region))
    out: list[str] = []
    for token in _PLAIN_MD.parse(text):
        if token.type == "inline" and token.children is not None:
            parts = []
            for child in token.children:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
            line = re.sub(r"[ \t]+", " ", "".join(parts)).strip()
            line = re.sub(r"\s+([.,;:!?])", r"\1", line)
            if line:
                out.append(line)
        elif token.type == "fence" or token.type == "code_block":
            out.append(token.content.strip())
    return "\n".join(out)
