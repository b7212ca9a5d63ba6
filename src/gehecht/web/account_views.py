"""Account pages: sign up, log in, log out, password change, export, deletion, the audit log."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..accounts import audit, passwords, ratelimit, sessions
from ..accounts.users import (
    AccountError,
    LoginFailed,
    TooManyAttempts,
    authenticate,
    change_password,
    create_user,
    delete_user,
)
from ..journal.export import export_data, export_pdf
from ..journal.vocabulary import format_moment, one_decimal
from .auth import AnyVisitor, SignedIn, Visitor, safe_next
from .responses import pdf as pdf_response
from .i18n import translate
from .preferences import preferences
from .templating import kb_of, render

router = APIRouter()
Text = Annotated[str, Form()]
OptionalText = Annotated[str, Form()]

ROLE_CHOICES = {
    "ouder": ("Ouder of opvoeder", "U houdt een dagboek bij over uw kind en deelt het als u dat wilt."),
    "hulpverlener": ("Hulpverlener", "U leest (en reageert op) dagboeken die ouders met u delen."),
    "leerkracht": ("Leerkracht", "U leest dagboeken die ouders met u delen."),
}
ROLE_CHOICES_EN = {
    "ouder": ("Parent or carer", "You keep a journal about your child and share it if you want to."),
    "hulpverlener": ("Professional", "You read (and comment on) journals that parents share with you."),
    "leerkracht": ("Teacher", "You read journals that parents share with you."),
}


def language(request: Request) -> str:
    return preferences(request).language


def role_choices(request: Request) -> dict[str, tuple[str, str]]:
    return ROLE_CHOICES_EN if language(request) == "en" else ROLE_CHOICES


def message(request: Request, key: str) -> str:
    """A message of the account and journal pages, in the visitor's language."""
    return translate(language(request), key)


def page(request: Request, v: Visitor, name: str, status_code: int = 200, **context: object) -> HTMLResponse:
    """Render an account or journal page with the signed-in user and the CSRF token."""
    lang = language(request)
    return render(request, name, status_code=status_code, visitor=v, user=v.user,
                  when=lambda moment: format_moment(moment, lang), dec=lambda value: one_decimal(value, lang),
                  **context)


def action_labels(request: Request) -> dict[str, str]:
    return audit.ACTION_LABELS_EN if language(request) == "en" else audit.ACTION_LABELS


@router.get("/account/aanmelden", response_class=HTMLResponse)
def signup_form(request: Request, v: AnyVisitor) -> Response:
    if v.user is not None:
        return RedirectResponse("/dagboek", status_code=303)
    return page(request, v, "account/aanmelden.html", roles=role_choices(request), form={}, errors=[])


@router.post("/account/aanmelden", response_class=HTMLResponse)
def signup(request: Request, v: AnyVisitor, gebruikersnaam: Text = "", wachtwoord: Text = "",
           wachtwoord2: Text = "", rol: Text = "", naam: OptionalText = "") -> Response:
    form = {"gebruikersnaam": gebruikersnaam, "rol": rol, "naam": naam}
    if ratelimit.exceeded(v.db, ratelimit.ADDRESS_SIGNUPS, v.client_address):
        return page(request, v, "account/aanmelden.html", status_code=429, roles=role_choices(request), form=form,
                    errors=[message(request, "account_error_signup_limit")])
    errors = [] if wachtwoord == wachtwoord2 else [message(request, "account_error_passwords_differ")]
    if not errors:
        try:
            user = create_user(v.db, gebruikersnaam, wachtwoord, rol, naam)
        except AccountError as exc:
            errors = [str(exc)]
    if errors:
        return page(request, v, "account/aanmelden.html", status_code=422, roles=role_choices(request), form=form,
                    errors=errors)
    ratelimit.count(v.db, ratelimit.ADDRESS_SIGNUPS, v.client_address)
    v.log_in(user)
    return RedirectResponse("/dagboek?welkom=1", status_code=303)


@router.get("/account/inloggen", response_class=HTMLResponse)
def login_form(request: Request, v: AnyVisitor, volgende: str = "") -> Response:
    if v.user is not None:
        return RedirectResponse(safe_next(volgende), status_code=303)
    return page(request, v, "account/inloggen.html", volgende=safe_next(volgende, ""), form={}, error=None)


@router.post("/account/inloggen", response_class=HTMLResponse)
def login(request: Request, v: AnyVisitor, gebruikersnaam: Text = "", wachtwoord: Text = "",
          volgende: OptionalText = "") -> Response:
    try:
        user = authenticate(v.db, gebruikersnaam, wachtwoord, v.client_address)
    except (LoginFailed, TooManyAttempts) as exc:
        status = 429 if isinstance(exc, TooManyAttempts) else 401
        return page(request, v, "account/inloggen.html", status_code=status, volgende=safe_next(volgende, ""),
                    form={"gebruikersnaam": gebruikersnaam}, error=str(exc))
    v.log_in(user)
    if user.must_change_password:
        return RedirectResponse("/account?wijzig=1", status_code=303)
    return RedirectResponse(safe_next(volgende), status_code=303)


@router.post("/account/uitloggen")
def logout(v: AnyVisitor) -> Response:
    if v.user is not None:
        audit.record(v.db, v.user.id, v.user, "account.uitloggen")
    v.log_out()
    return RedirectResponse("/?uitgelogd=1", status_code=303)


def _account_page(request: Request, v: Visitor, status_code: int = 200, **context: object) -> HTMLResponse:
    assert v.user is not None
    return page(request, v, "account/index.html", status_code=status_code, min_length=passwords.MIN_LENGTH,
                active_sessions=sessions.count_for(v.db, v.user.id),
                roles=role_choices(request), forced=bool(v.user and v.user.must_change_password), **context)


@router.get("/account", response_class=HTMLResponse)
def account(request: Request, v: SignedIn, gewijzigd: str = "") -> HTMLResponse:
    return _account_page(request, v, changed=bool(gewijzigd))


@router.post("/account/wachtwoord", response_class=HTMLResponse)
def password_change(request: Request, v: SignedIn, huidig: Text = "", nieuw: Text = "",
                    nieuw2: Text = "") -> Response:
    assert v.user is not None
    if nieuw != nieuw2:
        return _account_page(request, v, status_code=422,
                             password_errors=[message(request, "account_error_new_passwords_differ")])
    try:
        change_password(v.db, v.user, huidig, nieuw, v.client_address)
    except AccountError as exc:
        status = 429 if isinstance(exc, TooManyAttempts) else 422
        return _account_page(request, v, status_code=status, password_errors=[str(exc)])
    v.log_in(v.user)  # a fresh session; every other session of this user ends
    assert v.row is not None
    sessions.end_all_for(v.db, v.user.id, keep=v.row)
    return RedirectResponse("/account?gewijzigd=1", status_code=303)


@router.post("/account/overal-uitloggen")
def logout_everywhere(v: SignedIn) -> Response:
    """End every session of this user, on every device, this one included."""
    assert v.user is not None
    sessions.end_all_for(v.db, v.user.id)
    audit.record(v.db, v.user.id, v.user, "account.overal-uitloggen")
    v.row = None
    v.log_out()
    return RedirectResponse("/account/inloggen", status_code=303)


@router.get("/account/export.json")
def export_json(request: Request, v: SignedIn) -> Response:
    assert v.user is not None
    data = export_data(v.db, v.user, kb_of(request).circle)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    return Response(body, media_type="application/json; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="gehecht-{v.user.username}.json"'})


@router.get("/account/export.pdf", response_class=Response, responses={200: pdf_response("Alles van dit account, als PDF")})
def export_as_pdf(request: Request, v: SignedIn) -> Response:
    assert v.user is not None
    pdf = export_pdf(v.db, v.user, kb_of(request).circle)
    return Response(pdf, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="gehecht-{v.user.username}.pdf"'})


@router.post("/account/verwijderen", response_class=HTMLResponse)
def delete_account(request: Request, v: SignedIn, wachtwoord: Text = "", bevestig: OptionalText = "") -> Response:
    assert v.user is not None
    ratelimit.take_turns(v.db, ratelimit.ACCOUNT_FAILURES, v.user.username)
    if ratelimit.exceeded(v.db, ratelimit.ACCOUNT_FAILURES, v.user.username):
        return _account_page(request, v, status_code=429,
                             delete_errors=[message(request, "account_error_too_many")])
    if not passwords.verify_password(v.user.password_hash, wachtwoord):
        ratelimit.count(v.db, ratelimit.ACCOUNT_FAILURES, v.user.username)
        return _account_page(request, v, status_code=422,
                             delete_errors=[message(request, "account_error_wrong_password")])
    if bevestig != "ja":
        return _account_page(request, v, status_code=422,
                             delete_errors=[message(request, "account_error_confirm_delete")])
    delete_user(v.db, v.user)
    v.row = None  # the session went with the account (ON DELETE CASCADE)
    v.log_out()
    return page(request, v, "account/verwijderd.html")


@router.get("/account/logboek", response_class=HTMLResponse)
def audit_log(request: Request, v: SignedIn, pagina: int = 1) -> HTMLResponse:
    assert v.user is not None
    pagina = max(1, min(pagina, 10_000))
    events = audit.events_for(v.db, v.user.id, limit=101, offset=(pagina - 1) * 100)
    return page(request, v, "account/logboek.html", events=events[:100], more=len(events) > 100, pagina=pagina,
                labels=action_labels(request), child=None)
