"""Search page (results as you type, htmx) and JSON API `GET /api/search`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ..search.engine import AUDIENCES, REGIONS, TYPES, FilterError, Filters, SearchEngine, SearchResults
from ..search.query import MAX_QUERY_CHARS, QueryError
from ..search.snippets import highlight
from .deps import get_engine
from .preferences import preferences
from .responses import API_BAD_INPUT, PAGE
from .templating import render

router = APIRouter()
MAX_RAW_QUERY = 20 * MAX_QUERY_CHARS


def _filters(audience: str | None, age: float | None, entry_type: str | None, region: str | None) -> Filters:
    return Filters(audience=audience or None, age=age, type=entry_type or None, region=region or None)


@router.get("/api/search", response_model=SearchResults, tags=["zoeken"], responses=API_BAD_INPUT)
def api_search(
    engine: Annotated[SearchEngine, Depends(get_engine)],
    q: Annotated[str, Query(max_length=MAX_RAW_QUERY, description="De zoekvraag, in eigen woorden.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    audience: Annotated[str | None, Query(description=" | ".join(AUDIENCES))] = None,
    age: Annotated[float | None, Query(ge=0, le=18, description="Leeftijd van het kind in jaren")] = None,
    type: Annotated[str | None, Query(description=" | ".join(TYPES))] = None,
    region: Annotated[str | None, Query(description=" | ".join(REGIONS))] = None,
) -> dict[str, object]:
    """Contract §2 as JSON over HTTP; bad input is a 422 with a clear message."""
    try:
        response = engine.search(q, limit=limit, filters=_filters(audience, age, type, region))
    except (QueryError, FilterError) as exc:
        where = ["query", exc.field if isinstance(exc, FilterError) else "q"]
        raise HTTPException(422, detail=[{"loc": where, "msg": str(exc), "type": "value_error"}]) from None
    return response.as_json()


def _parse_age(value: str | None) -> float | None | str:
    """An empty form field means no filter; anything else must be a number (else 'invalid')."""
    if value is None or not value.strip():
        return None
    try:
        return float(value)
    except ValueError:
        return "invalid"


@router.get("/zoeken", response_class=HTMLResponse, responses=PAGE)
def search_page(
    request: Request,
    engine: Annotated[SearchEngine, Depends(get_engine)],
    q: Annotated[str, Query(max_length=MAX_RAW_QUERY)] = "",
    audience: str | None = None,
    age: str | None = None,
    type: str | None = None,
) -> HTMLResponse:
    """Full page without JavaScript; with htmx only the results fragment is re-rendered as you type."""
    prefs = preferences(request)
    audience = audience or None
    error = None
    hits = []
    age_years = _parse_age(age)
    if q.strip():
        try:
            if age_years == "invalid":
                raise FilterError("leeftijd moet een getal van 0 tot en met 18 zijn")
            response = engine.search(q, limit=15, filters=_filters(audience, age_years, type, prefs.region))
            stem = engine.analyser.analyzer.stem
            hits = [(hit, highlight(hit.snippet, response.stems, stem)) for hit in response.hits]
        except (QueryError, FilterError) as exc:
            error = str(exc)
    template = "_search_results.html" if request.headers.get("HX-Request") else "search.html"
    return render(request, template, q=q, hits=hits, error=error, audience=audience,
                  age=age_years if isinstance(age_years, float) else None,
                  entry_type=type, audiences=AUDIENCES, types=TYPES,
                  status_code=422 if error and q.strip() else 200)
