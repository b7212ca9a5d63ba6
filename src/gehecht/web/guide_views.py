"""Guide (wegwijzer) pages and API: a step-by-step form, the route, the gesprekskaart (PDF) and
POST /api/guide.

The form works without JavaScript: one question per screen, answers carried in hidden fields and
sent by POST (so they end up in no URL, history or access log). Nothing of an intake is stored
or logged; result pages and the PDF are sent with `Cache-Control: no-store`."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from ..content.loader import KnowledgeBase
from ..content.vocabulary import CONTEXTS, FAMILY, HISTORY, REGIONS, ROLES, SIGNALS
from ..guide.intake import MAX_MONTHS, MAX_TOELICHTING, Intake, IntakeError, parse_intake, parse_intake_json
from ..guide.labels import SIGNAL_GROUP_TITLES_EN, SIGNAL_GROUPS, URGENCY_TITLES, URGENCY_TITLES_EN, age_text, label
from ..guide.output import Route
from ..guide.route import TextSearch, engine_search, route
from ..guide.rules import RuleSet, RulesError, load_rules
from ..pictures.circle_svg import circle_svg
from .deps import get_engine
from .i18n import translate
from .preferences import preferences
from .responses import API_BAD_INPUT, BAD_INPUT, ApiMessage, html, pdf
from .templating import kb_of, render

router = APIRouter()
log = logging.getLogger(__name__)
_rules_lock = threading.Lock()
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
RULES_MISSING = "De wegwijzer is even niet beschikbaar (de regels laden niet)"
STEP_RESPONSES: dict[int | str, dict[str, Any]] = {422: BAD_INPUT, 503: html(RULES_MISSING)}
PDF_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: pdf("De gesprekskaart"),
    422: BAD_INPUT, 503: html(RULES_MISSING)}
API_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"model": Route, "description": "De route (contract §3)"}, **API_BAD_INPUT,
    503: {"model": ApiMessage, "description": RULES_MISSING}}


@dataclass(frozen=True)
class StepInfo:
    """One screen of the form; its title and hint are UI strings in locales/*.yaml."""

    name: str
    required: bool = False

    @property
    def title_key(self) -> str:
        return f"guide_step_{self.name}_title"

    @property
    def hint_key(self) -> str:
        return f"guide_step_{self.name}_hint"

    def title(self, language: str = "nl") -> str:
        return translate(language, self.title_key)

    def hint(self, language: str = "nl") -> str:
        return translate(language, self.hint_key)


STEPS: tuple[StepInfo, ...] = (
    StepInfo("rol", required=True),
    StepInfo("regio", required=True),
    StepInfo("leeftijd", required=True),
    StepInfo("gezin"),
    StepInfo("geschiedenis"),
    StepInfo("signalen"),
    StepInfo("contexten"),
    StepInfo("toelichting"),
)
STEP_NAMES = tuple(s.name for s in STEPS)
LIST_STEPS = {"gezin": FAMILY, "geschiedenis": HISTORY, "signalen": SIGNALS, "contexten": CONTEXTS}


@dataclass
class Answers:
    """The answers so far, as the form carries them (strings, so a half-filled form round-trips)."""

    rol: str = ""
    regio: str = ""
    jaren: str = ""
    maanden: str = ""
    gezin: list[str] = field(default_factory=list)
    geschiedenis: list[str] = field(default_factory=list)
    signalen: list[str] = field(default_factory=list)
    contexten: list[str] = field(default_factory=list)
    toelichting: str = ""

    @classmethod
    def from_form(cls, form: FormData) -> "Answers":
        def text(name: str, limit: int = 20) -> str:
            value = form.get(name)
            return value.strip()[:limit] if isinstance(value, str) else ""

        lists = {name: [v for v in dict.fromkeys(form.getlist(name)) if v in allowed]
                 for name, allowed in LIST_STEPS.items()}
        toelichting = form.get("toelichting")
        return cls(rol=text("rol"), regio=text("regio"), jaren=text("jaren"), maanden=text("maanden"),
                   toelichting=toelichting[:MAX_TOELICHTING] if isinstance(toelichting, str) else "", **lists)

    def months(self) -> int | None:
        """Age in months from 'jaren' and 'maanden', or None when it is missing or not a number."""
        try:
            years = int(self.jaren) if self.jaren else None
            months = int(self.maanden) if self.maanden else 0
        except ValueError:
            return None
        if years is None and not self.maanden:
            return None
        return (years or 0) * 12 + months

    def error_key(self, step: str) -> str | None:
        """Why this step cannot be left yet, as a locale key (None when it is fine)."""
        if step == "rol" and self.rol not in ROLES:
            return "guide_error_rol"
        if step == "regio" and self.regio not in REGIONS:
            return "guide_error_regio"
        if step == "leeftijd":
            try:
                years = int(self.jaren) if self.jaren else 0
                months = int(self.maanden) if self.maanden else 0
            except ValueError:
                return "guide_error_age_digits"
            if not self.jaren and not self.maanden:
                return "guide_error_age_missing"
            if not (0 <= years <= 18 and 0 <= months <= 11) or years * 12 + months > MAX_MONTHS:
                return "guide_error_age_range"
        return None

    def error(self, step: str, language: str = "nl") -> str | None:
        """Why this step cannot be left yet, in plain words (Dutch by default; None when it is fine)."""
        key = self.error_key(step)
        return translate(language, key) if key else None

    def first_error(self, language: str = "nl") -> tuple[str, str] | None:
        for step in STEPS:
            if step.required and (message := self.error(step.name, language)):
                return step.name, message
        return None

    def clear(self, step: str) -> None:
        if step == "leeftijd":
            self.jaren = self.maanden = ""
        elif step in LIST_STEPS:
            setattr(self, step, [])
        elif step == "toelichting":
            self.toelichting = ""

    def to_intake(self) -> Intake:
        return parse_intake({"rol": self.rol, "regio": self.regio, "leeftijd_maanden": self.months(),
                             "gezin": self.gezin, "geschiedenis": self.geschiedenis, "signalen": self.signalen,
                             "contexten": self.contexten, "toelichting": self.toelichting})

    def hidden(self, except_step: str | None = None) -> list[tuple[str, str]]:
        """(name, value) pairs for hidden inputs carrying every answer not shown on this step."""
        pairs: list[tuple[str, str]] = []
        if except_step != "rol" and self.rol:
            pairs.append(("rol", self.rol))
        if except_step != "regio" and self.regio:
            pairs.append(("regio", self.regio))
        if except_step != "leeftijd":
            pairs += [(n, v) for n, v in (("jaren", self.jaren), ("maanden", self.maanden)) if v]
        for name in LIST_STEPS:
            if except_step != name:
                pairs += [(name, v) for v in getattr(self, name)]
        if except_step != "toelichting" and self.toelichting:
            pairs.append(("toelichting", self.toelichting))
        return pairs


# --- shared state ---------------------------------------------------------------------------

def rules_of(request: Request) -> RuleSet:
    """The guide's rules, loaded once per app (the knowledge base is loaded once too)."""
    state = request.app.state
    if getattr(state, "guide_rules", None) is None:
        with _rules_lock:
            if getattr(state, "guide_rules", None) is None:
                try:
                    state.guide_rules = load_rules(kb_of(request))
                except RulesError:
                    log.error("wegwijzer: de regels laden niet; run `gehecht check`")
                    # the JSON API answers in Dutch whatever the visitor's language (contract)
                    language = "nl" if request.url.path.startswith("/api/") else preferences(request).language
                    raise HTTPException(503, translate(language, "guide_unavailable")) from None
    return state.guide_rules


def _search(request: Request) -> TextSearch:
    """Free-text search through the app's engine; a failure never blocks the route (and the
    text itself is never logged)."""

    def search(text: str) -> list[str]:
        try:
            return list(engine_search(get_engine(request))(text))
        except Exception as exc:  # noqa: BLE001
            log.warning("wegwijzer: zoeken in de toelichting mislukt (%s)", type(exc).__name__)
            return []

    return search


def _route(request: Request, intake: Intake) -> Route:
    return route(kb_of(request), rules_of(request), intake, _search(request) if intake.toelichting else None)


# --- pages ------------------------------------------------------------------------------------

def _options(step: str, region: str, language: str = "nl") -> list[tuple[str, str]]:
    vocab = {"rol": ROLES, "regio": REGIONS, **LIST_STEPS}.get(step, ())
    return [(slug, label(step, slug, region, language)) for slug in vocab]


def _group_title(title: str, language: str) -> str:
    return SIGNAL_GROUP_TITLES_EN.get(title, title) if language == "en" else title


def _render_step(request: Request, answers: Answers, step: str, error: str | None = None,
                 status_code: int = 200) -> HTMLResponse:
    """One question; `error` is a locale key (guide_error_*), shown in the visitor's language."""
    index = STEP_NAMES.index(step)
    prefs = preferences(request)
    language = prefs.language
    region = answers.regio if answers.regio in REGIONS else prefs.region
    groups = [(_group_title(title, language), [(s, label("signalen", s, region, language)) for s in slugs])
              for title, slugs in SIGNAL_GROUPS]
    response = render(request, "wegwijzer/stap.html", status_code=status_code, step=STEPS[index], index=index,
                      total=len(STEPS), answers=answers, hidden=answers.hidden(except_step=step),
                      options=_options(step, region, language), signal_groups=groups,
                      error=translate(language, error) if error else None, max_toelichting=MAX_TOELICHTING)
    response.headers.update(NO_STORE)
    return response


def _render_route(request: Request, answers: Answers, intake: Intake, result: Route) -> HTMLResponse:
    kb: KnowledgeBase = kb_of(request)
    region = intake.regio
    language = preferences(request).language
    svg = circle_svg(kb.circle, emphasis={c.behoefte for c in result.cirkel}, svg_id="route-cirkel",
                     title=translate(language, "guide_circle_svg_title"))
    child = translate(language, "guide_summary_child", age=age_text(intake.leeftijd_maanden, language))
    summary = " · ".join(filter(None, [child, label("rol", intake.rol, region, language),
                                       label("regio", region, region, language)]))
    urgency_titles = URGENCY_TITLES_EN if language == "en" else URGENCY_TITLES
    response = render(request, "wegwijzer/route.html", route=result, intake=intake, summary=summary,
                      urgency_title=urgency_titles[result.urgentie], circle=svg, hidden=answers.hidden(),
                      signals=[label("signalen", s, region, language) for s in intake.signalen])
    response.headers.update(NO_STORE)
    return response


def _first_problem(answers: Answers) -> tuple[str, str] | None:
    """The first required step that is not answered well yet, with its error key."""
    for step in STEPS:
        if step.required and (key := answers.error_key(step.name)):
            return step.name, key
    return None


@router.get("/wegwijzer", response_class=HTMLResponse)
def start(request: Request) -> HTMLResponse:
    return render(request, "wegwijzer/start.html", steps=STEPS)


@router.get("/wegwijzer/vragen", response_class=HTMLResponse)
def first_step(request: Request) -> HTMLResponse:
    """The first question; the visitor's saved role and region are filled in when they fit."""
    prefs = preferences(request)
    answers = Answers(rol=prefs.role or "", regio=prefs.region if request.cookies.get("regio") else "")
    return _render_step(request, answers, STEP_NAMES[0])


@router.post("/wegwijzer/vragen", response_class=HTMLResponse, responses=STEP_RESPONSES)
async def next_step(request: Request) -> HTMLResponse:
    form = await request.form()
    answers = Answers.from_form(form)
    current = form.get("stap") if form.get("stap") in STEP_NAMES else STEP_NAMES[0]
    action = str(form.get("actie") or "volgende")
    index = STEP_NAMES.index(str(current))
    if action.startswith("naar:") and action[5:] in STEP_NAMES:
        return _render_step(request, answers, action[5:])
    if action == "vorige":
        return _render_step(request, answers, STEP_NAMES[max(0, index - 1)])
    if action == "overslaan" and not STEPS[index].required:
        answers.clear(str(current))
    elif (key := answers.error_key(str(current))) is not None:
        return _render_step(request, answers, str(current), error=key, status_code=422)
    if index + 1 < len(STEPS):
        return _render_step(request, answers, STEP_NAMES[index + 1])
    problem = _first_problem(answers)
    if problem is not None:
        return _render_step(request, answers, problem[0], error=problem[1], status_code=422)
    intake = answers.to_intake()
    result = await run_in_threadpool(_route, request, intake)
    return _render_route(request, answers, intake, result)


@router.post("/wegwijzer/gesprekskaart.pdf", response_class=Response, responses=PDF_RESPONSES)
async def gesprekskaart(request: Request) -> Response:
    """The route as a printable PDF, made from the answers in the form (nothing is stored)."""
    from ..guide.pdf import gesprekskaart_pdf

    answers = Answers.from_form(await request.form())
    problem = _first_problem(answers)
    if problem is not None:
        return _render_step(request, answers, problem[0], error=problem[1], status_code=422)
    intake = answers.to_intake()

    def make() -> bytes:
        return gesprekskaart_pdf(kb_of(request), intake, _route(request, intake))

    pdf = await run_in_threadpool(make)
    headers = {**NO_STORE, "Content-Disposition": 'attachment; filename="gesprekskaart.pdf"'}
    return Response(pdf, media_type="application/pdf", headers=headers)


INTAKE_SCHEMA: dict[str, Any] = Intake.model_json_schema()


@router.post("/api/guide", tags=["wegwijzer"], responses=API_RESPONSES, openapi_extra={"requestBody": {"required": True, "content": {
    "application/json": {"schema": INTAKE_SCHEMA}}}})
async def api_guide(request: Request) -> JSONResponse:
    """The wegwijzer as JSON (contract §3). Bad input: HTTP 422 naming the field and the allowed values."""
    body = await request.body()
    try:
        intake = parse_intake_json(body or b"")
    except IntakeError as exc:
        detail = [{"loc": ["body", name], "msg": message, "type": "value_error"} for name, message in exc.problems]
        return JSONResponse({"detail": detail}, status_code=422, headers=NO_STORE)
    result = await run_in_threadpool(_route, request, intake)
    return JSONResponse(result.as_json(), headers=NO_STORE)
