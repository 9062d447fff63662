from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from comity.runtime.services import Services
from comity.settings import Settings
from comity.web import create_app


def test_healthz_is_ok_when_the_database_answers(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_is_503_when_the_database_is_gone(
    client: TestClient, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import create_engine

    monkeypatch.setattr(services, "engine", create_engine("sqlite:////nonexistent/dir/x.db"))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


def test_docs_page_loads_swagger_without_inline_script(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assert "<script>" not in response.text
    assert '<script src="/static/swagger-init.js">' in response.text
    csp = response.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "https:" not in csp  # no CDN: works offline
    for asset in ("swagger-init.js", "swagger/swagger-ui-bundle.js", "swagger/swagger-ui.css"):
        assert client.get(f"/static/{asset}").status_code == 200


def test_static_htmx_is_vendored(client: TestClient) -> None:
    response = client.get("/static/htmx.min.js")
    assert response.status_code == 200 and 'version:"2.' in response.text


def test_create_app_builds_its_own_services_and_runs_the_lifespan(settings: Settings) -> None:
    app = create_app(settings)
    with TestClient(app) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        worker = app.state.services._worker
        assert worker is not None and worker.is_alive()
    assert app.state.services._worker is None  # closed on shutdown
