"""APA 7 rendering of bibliography items (plain text and minimal HTML with italics)."""

from __future__ import annotations

from html import escape

from .models import Reference


def _join_authors(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    if len(names) <= 20:
        return ", ".join(names[:-1]) + ", & " + names[-1]
    return ", ".join(names[:19]) + ", ... " + names[-1]


def _end(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def format_apa(ref: Reference, html: bool = False) -> str:
    """One reference in APA 7 style; `html=True` italicises titles/journals and links DOI/URL."""

    def it(text: str) -> str:
        return f"<i>{escape(text)}</i>" if html else text

    def plain(text: str) -> str:
        return escape(text) if html else text

    authors = _join_authors(ref.authors)
    if ref.role == "editors":
        authors += " (Red.)" if len(ref.authors) == 1 else " (Reds.)"
    head = f"{plain(_end(authors))} ({plain(ref.year)})."
    edition = f" ({ref.edition})" if ref.edition else ""
    if ref.kind == "artikel":
        source = it(ref.journal or "")
        if ref.volume:
            source += ", " + it(ref.volume)
        if ref.issue:
            source += plain(f"({ref.issue})")
        if ref.pages:
            source += plain(f", {ref.pages}")
        body = f"{plain(_end(ref.title))} {source}."
    elif ref.kind == "hoofdstuk":
        eds = ""
        if ref.editors:
            eds = "In " + plain(_join_authors(ref.editors)) + (" (Red.), " if len(ref.editors) == 1 else " (Reds.), ")
        elif ref.book_title:
            eds = "In "
        book = it(ref.book_title) if ref.book_title else ""
        pages = plain(f" (pp. {ref.pages})") if ref.pages else ""
        tail = f" {plain(_end(ref.publisher))}" if ref.publisher else ""
        body = f"{plain(_end(ref.title))} {eds}{book}{pages}.{tail}" if book else f"{plain(_end(ref.title))}{tail}"
    else:
        body = it(ref.title) + plain(edition) + "."
        if ref.publisher and ref.publisher not in ref.authors:
            body += f" {plain(_end(ref.publisher))}"
    link = ""
    if ref.doi:
        target = f"https://doi.org/{ref.doi}"
        link = f' <a href="{escape(target)}">{escape(target)}</a>' if html else f" {target}"
    elif ref.url:
        link = f' <a href="{escape(ref.url)}">{escape(ref.url)}</a>' if html else f" {ref.url}"
    return f"{head} {body}{link}".strip()


def sort_key(ref: Reference) -> tuple[str, str]:
    return (ref.authors[0].lower().replace("van ", "").replace("de ", ""), ref.year)
