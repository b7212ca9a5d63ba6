"""Entries → passages (the units we retrieve): a header passage (title, summary, keywords) and
one passage per section, long sections cut into chunks of about CHUNK_WORDS words."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.loader import KnowledgeBase
from ..content.markup import split_sections, to_plain_text
from ..content.models import Entry

CHUNK_WORDS = 140
QUESTIONS_HEADING = "Vragen"


@dataclass(frozen=True)
class Passage:
    entry_id: str
    heading: str
    text: str
    is_header: bool = False

    def embedding_text(self, title: str) -> str:
        """What the embedder sees: the entry title gives every chunk its context."""
        head = f"{title}. {self.heading}." if self.heading else f"{title}."
        return f"{head} {self.text}"


def _chunks(text: str, size: int = CHUNK_WORDS) -> list[str]:
    words = text.split()
    if len(words) <= size * 1.3:
        return [text] if words else []
    return [" ".join(words[i:i + size]) for i in range(0, len(words), size)]


def entry_passages(entry: Entry) -> list[Passage]:
    header = " ".join([entry.title, entry.summary, " ".join(entry.keywords)])
    passages = [Passage(entry.id, "", header, is_header=True)]
    if entry.questions:
        passages.append(Passage(entry.id, QUESTIONS_HEADING, " ".join(entry.questions)))
    for section in split_sections(entry.body):
        if section.heading == "Lees verder":
            continue
        text = to_plain_text(section.text)
        for chunk in _chunks(text):
            passages.append(Passage(entry.id, section.heading, chunk))
    return passages


def all_passages(kb: KnowledgeBase) -> list[Passage]:
    out: list[Passage] = []
    for entry_id in sorted(kb.entries):
        out.extend(entry_passages(kb.entries[entry_id]))
    return out
