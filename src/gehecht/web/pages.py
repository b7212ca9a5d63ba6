"""Knowledge-base pages: home, the seven parts, entries, sources, preference switches."""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse

from ..content.bibliography import format_apa, sort_key
from ..content.models import Case
from .i18n import LANGUAGES
from .preferences import COOKIE_MAX_AGE, REGIONS, ROLES, preferences
from .render import EntryRenderer
from .responses import CHOICE, PAGE_WITH_ID
from .templating import kb_of, render

router = APIRouter()
ENTRY_TYPES = ("artikel", "casus", "behandeling", "organisatie")


@router.get("/healthz", response_class=PlainTextResponse, include_in_schema=False)
def healthz(request: Request) -> str:
    kb_of(request)
    return "ok"


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> RedirectResponse:
    return RedirectResponse("/static/favicon.svg", status_code=301)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    kb = kb_of(request)
    counts = {p.slug: len(kb.entries_in_part(p)) for p in kb.parts}
    return render(request, "home.html", counts=counts)


@router.get("/deel/{slug}", response_class=HTMLResponse, responses=PAGE_WITH_ID)
def part(request: Request, slug: str) -> HTMLResponse:
    kb = kb_of(request)
    found = next((p for p in kb.parts if p.slug == slug), None)
    if found is None:
        raise HTTPException(404)
    return render(request, "part.html", part=found, entries=kb.entries_in_part(found))


def _safe_back(request: Request) -> str:
    """Return to the page the visitor came from, but only on this site."""
    target = request.query_params.get("terug") or request.headers.get("referer") or "/"
    parts = urlsplit(target)
    path = parts.path if parts.path.startswith("/") and not parts.path.startswith("//") else "/"
    return path + (f"?{parts.query}" if parts.query else "")


def _set_choice(request: Request, name: str, value: str, allowed: tuple[str, ...]) -> RedirectResponse:
    if value not in allowed:
        raise HTTPException(404)
    response = RedirectResponse(_safe_back(request), status_code=303)
    response.set_cookie(name, value, max_age=COOKIE_MAX_AGE, httponly=True, samesite="lax")
    return response


@router.get("/regio/{value}", response_class=RedirectResponse, status_code=303, responses=CHOICE)
def set_region(request: Request, value: str) -> RedirectResponse:
    return _set_choice(request, "regio", value, REGIONS)


@router.get("/taal/{value}", response_class=RedirectResponse, status_code=303, responses=CHOICE)
def set_language(request: Request, value: str) -> RedirectResponse:
    return _set_choice(request, "taal", value, LANGUAGES)


@router.get("/rol/{value}", response_class=RedirectResponse, status_code=303, responses=CHOICE)
def set_role(request: Request, value: str) -> RedirectResponse:
    response = _set_choice(request, "rol", value, ROLES)
    response.headers["location"] = "/#delen"
    return response


@router.get("/bronnen", response_class=HTMLResponse)
def sources(request: Request) -> HTMLResponse:
    kb = kb_of(request)
    refs = sorted(kb.references.values(), key=sort_key)
    cited_in: dict[str, list] = {r.key: [] for r in refs}
    for entry in sorted(kb.entries.values(), key=lambda e: e.title):
        for key in entry.sources:
            if key in cited_in:
                cited_in[key].append(entry)
    items = [(r, format_apa(r, html=True), cited_in[r.key]) for r in refs]
    return render(request, "sources.html", items=items)


@router.get("/{entry_type}/{entry_id}", response_class=HTMLResponse, responses=PAGE_WITH_ID)
def entry_page(request: Request, entry_type: str, entry_id: str) -> HTMLResponse:
    kb = kb_of(request)
    entry = kb.entries.get(entry_id)
    if entry_type not in ENTRY_TYPES or entry is None or entry.type != entry_type:
        raise HTTPException(404)
    renderer = EntryRenderer(kb, entry, preferences(request).region)
    sections = renderer.sections()
    references = [(key, format_apa(kb.references[key], html=True)) for key in renderer.references()]
    cases = [
        e for e in kb.of_type("casus")
        if isinstance(e, Case) and entry.primary_concept in e.concepts and e.id != entry.id
    ][:4]
    concept_titles = {c: (kb.main_entry(c).title if kb.main_entry(c) else c) for c in entry.concepts}
    return render(request, "entry.html", entry=entry, sections=sections, references=references,
                  part=kb.part_of(entry), cases=cases, concept_titles=concept_titles)
