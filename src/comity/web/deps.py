"""Dependencies shared by routes: services, the signed-in user, API tokens, roles, CSRF."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from comity.runtime.services import Services
from comity.store.users import Role, User
from comity.store.webhooks import WebhookDeliveryRepository
from comity.web.security import CSRF_FORM_FIELD, CSRF_HEADER, LoginRateLimiter, csrf_matches

SESSION_USER_KEY = "uid"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def get_deliveries(request: Request) -> WebhookDeliveryRepository:
    deliveries: WebhookDeliveryRepository = request.app.state.deliveries
    return deliveries


def get_login_limiter(request: Request) -> LoginRateLimiter:
    limiter: LoginRateLimiter = request.app.state.login_limiter
    return limiter


ServicesDep = Annotated[Services, Depends(get_services)]
DeliveriesDep = Annotated[WebhookDeliveryRepository, Depends(get_deliveries)]
LoginLimiterDep = Annotated[LoginRateLimiter, Depends(get_login_limiter)]


class LoginRequired(Exception):
    """No valid session; the app answers with a redirect to /login."""


class CsrfFailed(Exception):
    """A browser POST without the session's CSRF token."""


def session_user(request: Request, services: ServicesDep) -> User:
    """The signed-in user; a disabled or deleted user loses the session at once."""
    user_id = request.session.get(SESSION_USER_KEY)
    if not isinstance(user_id, int):
        raise LoginRequired()
    user = services.users.get_by_id(user_id)
    if user is None or user.disabled:
        request.session.clear()
        raise LoginRequired()
    return user


SessionUser = Annotated[User, Depends(session_user)]


async def check_csrf(request: Request) -> None:
    """Every unsafe browser request carries the session token (form field or header)."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    submitted = request.headers.get(CSRF_HEADER)
    content_type = request.headers.get("content-type", "")
    if submitted is None and content_type.startswith(FORM_TYPES):
        value = (await request.form()).get(CSRF_FORM_FIELD)
        submitted = value if isinstance(value, str) else None
    if not csrf_matches(request.session, submitted):
        raise CsrfFailed()


_bearer = HTTPBearer(
    auto_error=False,
    description="An API token (`comity tokens create EMAIL`), sent as `Authorization: Bearer …`.",
)


def api_user(
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    """The user owning the bearer token; 401 with a reason otherwise."""
    challenge = {"WWW-Authenticate": "Bearer"}
    if credentials is None:
        raise HTTPException(
            401, "missing API token: send 'Authorization: Bearer <token>'", headers=challenge
        )
    user = services.users.user_for_token(credentials.credentials)
    if user is None:
        raise HTTPException(401, "invalid API token, or its user is disabled", headers=challenge)
    return user


ApiUser = Annotated[User, Depends(api_user)]


class RequireRole:
    """Allow only the given roles; 403 names what is missing."""

    def __init__(self, *roles: Role) -> None:
        self.roles = frozenset(roles)

    def __call__(self, user: ApiUser) -> User:
        if user.role not in self.roles:
            allowed = ", ".join(sorted(role.value for role in self.roles))
            raise HTTPException(403, f"role '{user.role.value}' may not do this (needs {allowed})")
        return user


CanIngest = Annotated[User, Depends(RequireRole(Role.ADMIN, Role.MODERATOR, Role.AGENT))]
