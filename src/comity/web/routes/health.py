"""Liveness for load balancers and `comity serve` checks, plus the self-hosted /docs page."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, JSONResponse

from comity.store.db import ping
from comity.web.deps import ServicesDep
from comity.web.schemas import HealthOut

router = APIRouter(tags=["health"])

# Swagger UI is vendored (static/swagger, swagger-ui-dist 5) so /docs works offline, and
# the page's own script is a static file, so the CSP needs no 'unsafe-inline' for scripts.
SWAGGER_UI = "/static/swagger"
FAVICON = (
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E"
    "%3Ccircle cx='16' cy='16' r='15' fill='%232f5d8a'/%3E%3C/svg%3E"
)
DOCS_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Comity API</title>
<link rel="icon" href="{FAVICON}">
<link rel="stylesheet" href="{SWAGGER_UI}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{SWAGGER_UI}/swagger-ui-bundle.js"></script>
<script src="/static/swagger-init.js"></script>
</body>
</html>
"""


@router.get(
    "/healthz",
    response_model=HealthOut,
    summary="Is the database reachable?",
    responses={503: {"model": HealthOut, "description": "The database does not answer."}},
)
def healthz(services: ServicesDep) -> HealthOut | JSONResponse:
    """`ok` when the database answers a query."""
    if not ping(services.engine):
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return HealthOut(status="ok")


@router.get("/docs", include_in_schema=False)
def docs() -> HTMLResponse:
    return HTMLResponse(DOCS_PAGE)
