"""The browser UI: sign in and out, and the inbox list (full page or htmx partial)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from comity.runtime.services import Services
from comity.store.comments import StoredComment
from comity.web.deps import (
    SESSION_USER_KEY,
    LoginLimiterDep,
    ServicesDep,
    SessionUser,
    check_csrf,
)
from comity.web.security import csrf_token
from comity.web.templating import query_string

router = APIRouter(include_in_schema=False, dependencies=[Depends(check_csrf)])
PAGE_SIZE = 50


def templates(request: Request) -> Jinja2Templates:
    found: Jinja2Templates = request.app.state.templates
    return found


def _signed_in(request: Request) -> bool:
    return isinstance(request.session.get(SESSION_USER_KEY), int)


@router.get("/login")
def login_page(request: Request) -> Response:
    if _signed_in(request):
        return RedirectResponse("/", status_code=303)
    return templates(request).TemplateResponse(request, "login.html", {"error": None, "email": ""})


@router.post("/login")
def login(
    request: Request,
    services: ServicesDep,
    limiter: LoginLimiterDep,
    email: Annotated[str, Form(max_length=320)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
) -> Response:
    address = request.client.host if request.client else "unknown"
    wait = limiter.retry_after(email, address)
    if wait:
        minutes = (wait + 59) // 60
        error = f"Too many failed sign-ins. Try again in {minutes} min."
        return templates(request).TemplateResponse(
            request,
            "login.html",
            {"error": error, "email": email},
            status_code=429,
            headers={"Retry-After": str(wait)},
        )
    user = services.users.authenticate(email, password)
    if user is None:
        limiter.failed(email, address)
        return templates(request).TemplateResponse(
            request,
            "login.html",
            {"error": "Wrong e-mail or password.", "email": email},
            status_code=401,
        )
    limiter.succeeded(email, address)
    # A fresh session (and CSRF token) on every sign-in defeats session fixation.
    request.session.clear()
    request.session[SESSION_USER_KEY] = user.id
    csrf_token(request.session)
    return RedirectResponse("/", status_code=303)


@router.post("/logout")
def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@dataclass(frozen=True, slots=True)
class InboxView:
    comments: list[StoredComment]
    total: int
    channel: str
    lang: str
    page: int

    @property
    def has_older(self) -> bool:
        return self.page * PAGE_SIZE < self.total

    def link(self, page: int) -> str:
        return query_string(channel=self.channel, lang=self.lang, page=page if page > 1 else None)


def _inbox(services: Services, channel: str, lang: str, page: int) -> InboxView:
    return InboxView(
        comments=services.comments.list_recent(
            channel=channel or None,
            lang=lang or None,
            limit=PAGE_SIZE,
            offset=(page - 1) * PAGE_SIZE,
        ),
        total=services.comments.count(channel=channel or None, lang=lang or None),
        channel=channel,
        lang=lang,
        page=page,
    )


ChannelQuery = Annotated[str, Query(max_length=64)]
LangQuery = Annotated[str, Query(max_length=16)]
PageQuery = Annotated[int, Query(ge=1, le=100_000)]


@router.get("/")
def inbox_page(
    request: Request,
    services: ServicesDep,
    user: SessionUser,
    channel: ChannelQuery = "",
    lang: LangQuery = "",
    page: PageQuery = 1,
) -> Response:
    """Works without JavaScript: the filter form submits here as plain GET."""
    context: dict[str, Any] = {
        "user": user,
        "view": _inbox(services, channel, lang, page),
        "channels": services.comments.channels(),
        "languages": services.comments.languages(),
    }
    return templates(request).TemplateResponse(request, "inbox.html", context)


@router.get("/inbox/list")
def inbox_list(
    request: Request,
    services: ServicesDep,
    user: SessionUser,
    channel: ChannelQuery = "",
    lang: LangQuery = "",
    page: PageQuery = 1,
) -> Response:
    """The list alone, for htmx; the address bar shows the equivalent full-page URL."""
    view = _inbox(services, channel, lang, page)
    query = view.link(page)
    return templates(request).TemplateResponse(
        request,
        "_inbox_list.html",
        {"view": view},
        headers={"HX-Push-Url": "/?" + query if query else "/"},
    )
