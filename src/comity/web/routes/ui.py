"""The browser UI's account pages: sign in and out, and /me (language and time zone)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from comity.store.users import Preferences
from comity.web.deps import (
    SESSION_USER_KEY,
    LoginLimiterDep,
    ServicesDep,
    SessionUser,
    check_csrf,
)
from comity.web.i18n import COMMON_TIME_ZONES, LOCALES, all_time_zones, valid_time_zone
from comity.web.pages import locale, render
from comity.web.security import csrf_token
from comity.web.templating import SESSION_LANG_KEY, SESSION_TZ_KEY

router = APIRouter(include_in_schema=False, dependencies=[Depends(check_csrf)])


def _signed_in(request: Request) -> bool:
    return isinstance(request.session.get(SESSION_USER_KEY), int)


@router.get("/login")
def login_page(request: Request) -> Response:
    if _signed_in(request):
        return RedirectResponse("/", status_code=303)
    return render(request, "login.html", None, {"error": None, "email": ""})


@router.post("/login")
def login(
    request: Request,
    services: ServicesDep,
    limiter: LoginLimiterDep,
    email: Annotated[str, Form(max_length=320)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
) -> Response:
    _ = locale(request).gettext
    address = request.client.host if request.client else "unknown"
    wait = limiter.retry_after(email, address)
    if wait:
        minutes = (wait + 59) // 60
        error = _("Too many failed sign-ins. Try again in %(minutes)s min.") % {"minutes": minutes}
        return render(
            request,
            "login.html",
            None,
            {"error": error, "email": email},
            status_code=429,
            headers={"Retry-After": str(wait)},
        )
    user = services.users.authenticate(email, password)
    if user is None:
        limiter.failed(email, address)
        return render(
            request,
            "login.html",
            None,
            {"error": _("Wrong e-mail or password."), "email": email},
            status_code=401,
        )
    limiter.succeeded(email, address)
    # A fresh session (and CSRF token) on every sign-in defeats session fixation.
    request.session.clear()
    request.session[SESSION_USER_KEY] = user.id
    _remember_preferences(request, services.users.preferences(user.id))
    csrf_token(request.session)
    return RedirectResponse("/", status_code=303)


def _remember_preferences(request: Request, prefs: Preferences) -> None:
    """Pages read language and time zone from the session, not the database."""
    for key, value in ((SESSION_LANG_KEY, prefs.locale), (SESSION_TZ_KEY, prefs.time_zone)):
        if value:
            request.session[key] = value
        else:
            request.session.pop(key, None)
    request.state.ui_locale = None


@router.post("/logout")
def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


def _time_zones() -> list[str]:
    rest = [zone for zone in all_time_zones() if zone not in COMMON_TIME_ZONES]
    return [*COMMON_TIME_ZONES, *rest]


@router.get("/me")
def me_page(request: Request, services: ServicesDep, user: SessionUser) -> Response:
    context = {
        "prefs": services.users.preferences(user.id),
        "time_zones": _time_zones(),
        "saved": request.query_params.get("saved") == "1",
        "error": None,
    }
    return render(request, "me.html", user, context, nav="me")


@router.post("/me")
def save_me(
    request: Request,
    services: ServicesDep,
    user: SessionUser,
    locale_code: Annotated[str, Form(alias="locale", max_length=16)] = "",
    time_zone: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    time_zone = time_zone.strip()
    if (locale_code and locale_code not in LOCALES) or (
        time_zone and not valid_time_zone(time_zone)
    ):
        _ = locale(request).gettext
        context = {
            "prefs": Preferences(locale_code or None, time_zone or None),
            "time_zones": _time_zones(),
            "saved": False,
            "error": _("Unknown language or time zone: pick one from the list."),
        }
        return render(request, "me.html", user, context, nav="me", status_code=422)
    services.users.set_preferences(user.id, locale_code or None, time_zone or None)
    _remember_preferences(request, Preferences(locale_code or None, time_zone or None))
    return RedirectResponse("/me?saved=1", status_code=303)
