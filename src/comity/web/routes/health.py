"""Liveness for load balancers and `comity serve` checks, plus the self-hosted /docs page."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, JSONResponse

from comity.store.db import ping
from comity.web.deps import ServicesDep
from comity.web.schemas import HealthOut

router = APIRouter(tags=["health"])

SWAGGER_UI = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5"
# The page's own script is static, so the CSP needs no 'unsafe-inline' for scripts.
DOCS_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Comity API</title>
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
