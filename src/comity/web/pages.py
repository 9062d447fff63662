"""What every signed-in page shares: the template renderer, the role's abilities, the header."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from comity.actions import ActionContext
from comity.actions.permissions import ALLOWED
from comity.domain import Role
from comity.store.cases import CaseRepository
from comity.store.users import User
from comity.web.deps import get_services
from comity.web.i18n import UiLocale
from comity.web.templating import request_locale

AUDIT_ROLES = frozenset({Role.ADMIN, Role.MODERATOR})


def templates(request: Request) -> Jinja2Templates:
    found: Jinja2Templates = request.app.state.templates
    return found


# The same accessor the routes' ServicesDep uses; the name reads better in helpers.
services_of = get_services


def case_repository(request: Request) -> CaseRepository:
    """One repository per app (it only holds the engine)."""
    found = getattr(request.app.state, "ui_cases", None)
    if not isinstance(found, CaseRepository):
        services = services_of(request)
        found = CaseRepository(services.engine, services.history)
        request.app.state.ui_cases = found
    return found


def action_context(request: Request) -> ActionContext:
    """The context actions run in; a Services-provided one (policies) wins when there is one."""
    services = services_of(request)
    provided = getattr(services, "action_context", None)
    if isinstance(provided, ActionContext):
        return provided
    if callable(provided):
        made = provided()
        if isinstance(made, ActionContext):
            return made
    return ActionContext(engine=services.engine)


FILTER_CHOICES_TTL = 60.0  # seconds; new channels or languages show up within a minute


@dataclass(frozen=True, slots=True)
class FilterChoices:
    channels: list[str]
    languages: list[str]
    assignees: list[str]


def filter_choices(request: Request) -> FilterChoices:
    """The filter menus' options, cached briefly: DISTINCT over every comment is a full scan
    (about as costly as the rest of the page together at 200,000 comments)."""
    cached = getattr(request.app.state, "ui_filter_choices", None)
    now = time.monotonic()
    if isinstance(cached, tuple) and now - cached[0] < FILTER_CHOICES_TTL:
        found: FilterChoices = cached[1]
        return found
    services = services_of(request)
    found = FilterChoices(
        channels=services.comments.channels(),
        languages=services.comments.languages(),
        assignees=[u.email for u in services.users.list() if not u.disabled],
    )
    request.app.state.ui_filter_choices = (now, found)
    return found


class Can:
    """`can.hide`, `can.ban`, ...: what the role may do, so templates offer only that.

    The same table (comity.actions.permissions) is what the actions enforce, so a button
    that is not shown would also be refused.
    """

    def __init__(self, role: Role) -> None:
        self.role = role

    def __getattr__(self, action: str) -> bool:
        if action.startswith("__"):
            raise AttributeError(action)
        if action == "view_audit":
            return self.role in AUDIT_ROLES
        return self.role in ALLOWED.get(action, frozenset())

    def __getitem__(self, action: str) -> bool:
        return bool(getattr(self, action))


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


def locale(request: Request) -> UiLocale:
    return request_locale(request)


def render(
    request: Request,
    template: str,
    user: User | None,
    context: Mapping[str, Any] | None = None,
    *,
    nav: str = "",
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """A page or fragment with the shared context (user, abilities, header flags)."""
    services = services_of(request)
    full: dict[str, Any] = {
        "user": user,
        "can": Can(user.role) if user is not None else Can(Role.ANALYST),
        "nav": nav,
        "research_bundle": services.research_models(),
    }
    full.update(context or {})
    return templates(request).TemplateResponse(
        request, template, full, status_code=status_code, headers=dict(headers or {})
    )
