"""Journal pages (dagboek). Thin: every route that touches a child's journal goes through
accounts.access.authorise (via `allowed`), then calls gehecht.journal and renders a template."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from ..accounts import audit
from ..accounts.access import Grant, NotFound, Permission, authorise
from ..db.models import User
from ..journal import children as kids
from ..journal import observations as obs
from ..journal import sharing
from ..journal.overview import journal_overview
from ..journal.vocabulary import labels_for
from .account_views import action_labels, language, message, page
from .account_views import router as account_router
from .auth import AnyVisitor, SignedIn, Visitor
from .templating import kb_of

router = APIRouter()
router.include_router(account_router)  # the account pages travel with the journal
Text = Annotated[str, Form()]
LIST_FIELDS = ("signalen", "reacties")


async def form_data(request: Request) -> dict[str, Any]:
    """The posted form as a dict (checkbox groups as lists), for gehecht.journal's parsers."""
    form = await request.form()
    return {k: (form.getlist(k) if k in LIST_FIELDS else form.get(k)) for k in form.keys()}


FormData = Annotated[dict[str, Any], Depends(form_data)]


def allowed(v: Visitor, child_id: str, action: str, object_id: str | None = None) -> Grant:
    """authorise(), with 'not allowed' turned into the site's 404 page."""
    try:
        return authorise(v.db, v.user, child_id, action, object_id)
    except NotFound:
        raise HTTPException(404) from None


def discard_audit(db: Session, grant: Grant) -> None:
    """A rejected form wrote nothing and showed nothing: keep it out of the parent's log."""
    if grant.event is not None:
        db.flush()
        db.delete(grant.event)
        grant.event = None


def vocabulary(request: Request) -> dict[str, Any]:
    """The journal's words for the form and the overview, in the visitor's language (the circle's
    needs are knowledge-base content and stay Dutch)."""
    needs = kb_of(request).circle
    return {"needs": needs, "need_labels": {n.slug: n.label for n in needs}, **labels_for(language(request))}


def age_of(request: Request):  # type: ignore[no-untyped-def]
    lang = language(request)
    return lambda birth_month: kids.age_text(birth_month, language=lang)


def journal_url(child_id: str, suffix: str = "") -> str:
    return f"/dagboek/{child_id}/{suffix}"


# --- overview of children ------------------------------------------------------------------------

def _home(request: Request, v: Visitor, status_code: int = 200, **context: Any) -> HTMLResponse:
    if v.user is None:
        return page(request, v, "dagboek/intro.html")
    own = kids.children_of(v.db, v.user) if v.user.role == "ouder" else []
    counts = {c.id: obs.count_observations(v.db, c.id) for c in own}
    context.setdefault("child_form", {})
    context.setdefault("errors", {})
    return page(request, v, "dagboek/index.html", status_code=status_code, children=own, counts=counts,
                shared=kids.shared_with(v.db, v.user), age_text=age_of(request), **context)


@router.get("/dagboek", response_class=HTMLResponse)
def journal_home(request: Request, v: AnyVisitor, welkom: str = "") -> HTMLResponse:
    return _home(request, v, welcome=bool(welkom))


@router.post("/dagboek/kinderen", response_class=HTMLResponse)
def add_child(request: Request, v: SignedIn, naam: Text = "", geboortemaand: Text = "") -> Response:
    assert v.user is not None
    if v.user.role != "ouder":
        raise HTTPException(404)
    try:
        data = kids.parse_child(naam, geboortemaand)
    except obs.InvalidInput as exc:
        return _home(request, v, status_code=422, child_form={"naam": naam, "geboortemaand": geboortemaand},
                     errors=exc.errors)
    child = kids.add_child(v.db, v.user, data)
    return RedirectResponse(journal_url(child.id), status_code=303)


# --- one child's journal -------------------------------------------------------------------------

@router.get("/dagboek/{child_id}", include_in_schema=False)
def journal_without_slash(child_id: str) -> RedirectResponse:
    """`/dagboek/<id>` → `/dagboek/<id>/` (else the knowledge-base route would answer 404)."""
    return RedirectResponse(journal_url(quote(child_id, safe="")), status_code=308)


@router.get("/dagboek/{child_id}/", response_class=HTMLResponse)
def journal(request: Request, v: SignedIn, child_id: str, periode: str = "", opgeslagen: str = "") -> HTMLResponse:
    grant = allowed(v, child_id, "dagboek.lezen")
    overview = journal_overview(v.db, grant, kb_of(request).circle, periode)
    return page(request, v, "dagboek/kind.html", o=overview, grant=grant, child=grant.child,
                owner=v.db.get(User, grant.child.owner_id), can_comment=grant.allows(Permission.COMMENT),
                age=age_of(request)(grant.child.birth_month), errors={}, saved=opgeslagen,
                form={"wanneer": obs.now_local().strftime("%Y-%m-%dT%H:%M")}, **vocabulary(request))


def _observation_page(request: Request, v: Visitor, grant: Grant, form: dict[str, Any], errors: dict[str, str],
                      action: str, status_code: int = 200, observation: Any = None) -> HTMLResponse:
    return page(request, v, "dagboek/observatie.html", status_code=status_code, grant=grant, child=grant.child,
                form=form, errors=errors, action=action, observation=observation, **vocabulary(request))


@router.post("/dagboek/{child_id}/observaties", response_class=HTMLResponse)
def add_observation(request: Request, v: SignedIn, child_id: str, data: FormData) -> Response:
    grant = allowed(v, child_id, "observatie.toevoegen")
    try:
        parsed = obs.parse_observation(data, {n.slug for n in kb_of(request).circle})
    except obs.InvalidInput as exc:
        discard_audit(v.db, grant)
        return _observation_page(request, v, grant, data, exc.errors, journal_url(child_id, "observaties"), 422)
    added = obs.add_observation(v.db, grant, parsed)
    return RedirectResponse(journal_url(child_id, f"?opgeslagen={added.id}#observaties"), status_code=303)


@router.get("/dagboek/{child_id}/observaties/{observation_id}/bewerken", response_class=HTMLResponse)
def edit_observation_form(request: Request, v: SignedIn, child_id: str, observation_id: str) -> Response:
    grant = allowed(v, child_id, "observatie.openen", observation_id)
    observation = obs.get_observation(v.db, grant, observation_id)
    return _observation_page(request, v, grant, obs.as_form(observation), {},
                             journal_url(child_id, f"observaties/{observation.id}/bewerken"), observation=observation)


@router.post("/dagboek/{child_id}/observaties/{observation_id}/bewerken", response_class=HTMLResponse)
def edit_observation(request: Request, v: SignedIn, child_id: str, observation_id: str, data: FormData) -> Response:
    grant = allowed(v, child_id, "observatie.wijzigen", observation_id)
    observation = obs.get_observation(v.db, grant, observation_id)
    try:
        parsed = obs.parse_observation(data, {n.slug for n in kb_of(request).circle})
    except obs.InvalidInput as exc:
        discard_audit(v.db, grant)
        return _observation_page(request, v, grant, data, exc.errors,
                                 journal_url(child_id, f"observaties/{observation.id}/bewerken"), 422, observation)
    obs.update_observation(grant, observation, parsed)
    return RedirectResponse(journal_url(child_id, f"?opgeslagen={observation.id}#observatie-{observation.id}"),
                            status_code=303)


@router.get("/dagboek/{child_id}/observaties/{observation_id}/verwijderen", response_class=HTMLResponse)
def delete_observation_form(request: Request, v: SignedIn, child_id: str, observation_id: str) -> Response:
    grant = allowed(v, child_id, "observatie.openen", observation_id)
    observation = obs.get_observation(v.db, grant, observation_id)
    return page(request, v, "dagboek/observatie_verwijderen.html", child=grant.child, observation=observation,
                **vocabulary(request))


@router.post("/dagboek/{child_id}/observaties/{observation_id}/verwijderen")
def delete_observation(v: SignedIn, child_id: str, observation_id: str) -> Response:
    grant = allowed(v, child_id, "observatie.verwijderen", observation_id)
    obs.delete_observation(v.db, grant, obs.get_observation(v.db, grant, observation_id))
    return RedirectResponse(journal_url(child_id, "?verwijderd=1#observaties"), status_code=303)


# --- the child's details -------------------------------------------------------------------------

@router.get("/dagboek/{child_id}/bewerken", response_class=HTMLResponse)
def edit_child_form(request: Request, v: SignedIn, child_id: str) -> HTMLResponse:
    grant = allowed(v, child_id, "kind.openen")
    return page(request, v, "dagboek/kind_bewerken.html", child=grant.child, total=obs.count_observations(
        v.db, grant.child.id), form={"naam": grant.child.name, "geboortemaand": grant.child.birth_month}, errors={})


@router.post("/dagboek/{child_id}/bewerken", response_class=HTMLResponse)
def edit_child(request: Request, v: SignedIn, child_id: str, naam: Text = "", geboortemaand: Text = "") -> Response:
    grant = allowed(v, child_id, "kind.wijzigen")
    try:
        data = kids.parse_child(naam, geboortemaand)
    except obs.InvalidInput as exc:
        discard_audit(v.db, grant)
        return page(request, v, "dagboek/kind_bewerken.html", status_code=422, child=grant.child,
                    total=obs.count_observations(v.db, grant.child.id),
                    form={"naam": naam, "geboortemaand": geboortemaand}, errors=exc.errors)
    kids.update_child(grant, data)
    return RedirectResponse(journal_url(child_id), status_code=303)


@router.post("/dagboek/{child_id}/verwijderen")
def delete_child(request: Request, v: SignedIn, child_id: str, bevestig: Text = "") -> Response:
    grant = allowed(v, child_id, "kind.verwijderen")
    if bevestig != "ja":
        discard_audit(v.db, grant)
        return page(request, v, "dagboek/kind_bewerken.html", status_code=422, child=grant.child,
                    total=obs.count_observations(v.db, grant.child.id),
                    form={"naam": grant.child.name, "geboortemaand": grant.child.birth_month},
                    errors={"bevestig": message(request, "journal_error_confirm_delete")})
    kids.delete_child(v.db, grant)
    return RedirectResponse("/dagboek?verwijderd=1", status_code=303)


# --- sharing and comments ------------------------------------------------------------------------

def _sharing_page(request: Request, v: Visitor, grant: Grant, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("form", {"niveau": "lezen"})
    context.setdefault("errors", {})
    return page(request, v, "dagboek/delen.html", status_code=status_code, child=grant.child,
                shares=sharing.shares_of(v.db, grant),
                levels=sharing.LEVEL_LABELS_EN if language(request) == "en" else sharing.LEVEL_LABELS, **context)


@router.get("/dagboek/{child_id}/delen", response_class=HTMLResponse)
def sharing_page(request: Request, v: SignedIn, child_id: str, gedeeld: str = "",
                 ingetrokken: str = "") -> HTMLResponse:
    grant = allowed(v, child_id, "delen.bekijken")
    return _sharing_page(request, v, grant, shared=gedeeld, revoked=ingetrokken)


@router.post("/dagboek/{child_id}/delen", response_class=HTMLResponse)
def share(request: Request, v: SignedIn, child_id: str, gebruikersnaam: Text = "", niveau: Text = "") -> Response:
    grant = allowed(v, child_id, "delen.toestaan")
    try:
        sharing.share(v.db, grant, gebruikersnaam, niveau)
    except obs.InvalidInput as exc:
        discard_audit(v.db, grant)
        return _sharing_page(request, v, grant, status_code=422, errors=exc.errors,
                             form={"gebruikersnaam": gebruikersnaam, "niveau": niveau})
    return RedirectResponse(journal_url(child_id, "delen?gedeeld=1"), status_code=303)


@router.post("/dagboek/{child_id}/delen/{share_id}/intrekken")
def revoke(v: SignedIn, child_id: str, share_id: str) -> Response:
    grant = allowed(v, child_id, "delen.intrekken", share_id)
    sharing.revoke(v.db, grant, share_id)
    return RedirectResponse(journal_url(child_id, "delen?ingetrokken=1"), status_code=303)


@router.post("/dagboek/{child_id}/reacties", response_class=HTMLResponse)
def add_comment(request: Request, v: SignedIn, child_id: str, tekst: Text = "", observatie: Text = "") -> Response:
    grant = allowed(v, child_id, "reactie.plaatsen")
    try:
        comment = sharing.add_comment(v.db, grant, tekst, observatie or None)
    except obs.InvalidInput as exc:
        discard_audit(v.db, grant)
        return page(request, v, "dagboek/reactie.html", status_code=422, child=grant.child, errors=exc.errors,
                    form={"tekst": tekst, "observatie": observatie})
    anchor = f"observatie-{comment.observation_id}" if comment.observation_id else "reacties"
    return RedirectResponse(journal_url(child_id, f"#{anchor}"), status_code=303)


@router.post("/dagboek/{child_id}/reacties/{comment_id}/verwijderen")
def delete_comment(v: SignedIn, child_id: str, comment_id: str) -> Response:
    grant = allowed(v, child_id, "reactie.verwijderen", comment_id)
    sharing.delete_comment(v.db, grant, comment_id)
    return RedirectResponse(journal_url(child_id, "#reacties"), status_code=303)


@router.get("/dagboek/{child_id}/logboek", response_class=HTMLResponse)
def child_audit_log(request: Request, v: SignedIn, child_id: str, pagina: int = 1) -> HTMLResponse:
    grant = allowed(v, child_id, "logboek.bekijken")
    pagina = max(1, min(pagina, 10_000))
    events = audit.events_for(v.db, grant.child.owner_id, grant.child.id, limit=101, offset=(pagina - 1) * 100)
    return page(request, v, "account/logboek.html", events=events[:100], more=len(events) > 100, pagina=pagina,
                labels=action_labels(request), child=grant.child)
