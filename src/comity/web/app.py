"""The FastAPI application factory: settings and services in, a ready app out."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from comity import __version__
from comity.runtime.services import Services
from comity.settings import Settings
from comity.store.webhooks import WebhookDeliveryRepository
from comity.web.deps import CsrfFailed, LoginRequired
from comity.web.routes import (
    alerts,
    api,
    api_cases,
    audit_ui,
    cases_ui,
    health,
    inbox,
    live,
    netiquette,
    replies,
    ui,
    webhooks,
)
from comity.web.security import LoginRateLimiter, SecurityHeadersMiddleware
from comity.web.templating import STATIC_DIR, make_templates

ROUTE_MODULES = (
    health,
    ui,
    inbox,
    cases_ui,
    live,
    audit_ui,
    api,
    api_cases,
    webhooks,
    netiquette,
    alerts,
    replies,
)
SESSION_COOKIE = "comity_session"
SESSION_MAX_AGE = 12 * 60 * 60  # a working day; signing in again is cheap


def create_app(settings: Settings | None = None, services: Services | None = None) -> FastAPI:
    """Build the app; without `services` it connects and migrates the database now."""
    if settings is None:
        settings = services.settings if services is not None else Settings()
    if services is None:
        services = Services.from_settings(settings)
    ready = services

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        ready.start_background_pipeline()
        try:
            yield
        finally:
            await run_in_threadpool(ready.close)

    app = FastAPI(
        title="Comity",
        version=__version__,
        summary="One inbox for every channel: import, triage and moderate comments.",
        docs_url=None,  # served by routes.health with a CSP-friendly page
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.services = services
    app.state.deliveries = WebhookDeliveryRepository(services.engine)
    app.state.login_limiter = LoginRateLimiter()
    app.state.templates = make_templates()

    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.session_secret(),
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_MAX_AGE,
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    # Added last, so it wraps everything, error responses included.
    app.add_middleware(SecurityHeadersMiddleware)

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for module in ROUTE_MODULES:
        app.include_router(module.router)
    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(CsrfFailed, _csrf_failed)
    return app


async def _login_required(request: Request, _exc: Exception) -> Response:
    if request.headers.get("HX-Request"):
        # htmx would swap a redirect's target into the list; make it navigate instead.
        return Response(status_code=200, headers={"HX-Redirect": "/login"})
    return RedirectResponse("/login", status_code=303)


async def _csrf_failed(_request: Request, _exc: Exception) -> Response:
    body = (
        "<!doctype html><title>Form expired</title><p>This form has expired or did not come "
        'from Comity. <a href="/">Go back</a>, reload the page and try again.</p>'
    )
    return HTMLResponse(body, status_code=403)
