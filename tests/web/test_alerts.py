"""Alert pages, banner, acknowledge/resolve with CSRF and roles, the alerts and crisis API."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from comity.runtime.services import Services
from comity.store.audit import audit_entries
from comity.store.users import Role
from tests.monitoring.helpers import store_alert
from tests.web.conftest import csrf_from, sign_in


def test_banner_renders_nothing_without_an_alert(moderator: TestClient) -> None:
    page = moderator.get("/alerts")
    assert page.status_code == 200
    assert "alert-banner" not in page.text
    assert "No alerts" in page.text


def test_banner_shows_the_alert_and_escapes_user_text(
    services: Services, moderator: TestClient
) -> None:
    assert services.monitor is not None
    alert_id = store_alert(services.monitor, text="<script>alert(1)</script>")
    page = moderator.get(f"/alerts/{alert_id}")
    assert page.status_code == 200
    assert 'class="alert-banner alert-warning"' in page.text
    assert "1000원 · 인상" in page.text
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "<svg" in page.text and "<rect" in page.text  # the timeline chart
    assert "misinformation" in page.text


def test_banner_is_not_shown_to_visitors(services: Services, client: TestClient) -> None:
    assert services.monitor is not None
    store_alert(services.monitor)
    assert "alert-banner" not in client.get("/login").text


def test_acknowledge_and_resolve_are_audited(services: Services, moderator: TestClient) -> None:
    assert services.monitor is not None
    alert_id = store_alert(services.monitor)
    token = csrf_from(moderator.get(f"/alerts/{alert_id}").text)
    done = moderator.post(
        f"/alerts/{alert_id}/acknowledge", data={"note": "on it", "csrf_token": token}
    )
    assert done.status_code == 200
    done = moderator.post(
        f"/alerts/{alert_id}/resolve", data={"note": "facts posted", "csrf_token": token}
    )
    assert done.status_code == 200
    alert = services.monitor.get(alert_id)
    assert alert is not None and alert.status == "resolved" and alert.note == "facts posted"
    kinds = [
        (a.kind, a.actor, a.before["status"])
        for a in audit_entries(services.engine, "alert", str(alert_id))
    ]
    assert kinds == [
        ("acknowledge_alert", "moderator@example.com", "open"),
        ("resolve_alert", "moderator@example.com", "acknowledged"),
    ]
    assert "alert-banner" not in moderator.get("/alerts").text  # resolved: no banner


def test_forms_need_csrf(services: Services, moderator: TestClient) -> None:
    assert services.monitor is not None
    alert_id = store_alert(services.monitor)
    refused = moderator.post(f"/alerts/{alert_id}/resolve", data={"note": "x"})
    assert refused.status_code == 403
    alert = services.monitor.get(alert_id)
    assert alert is not None and alert.status == "open"


def test_agents_cannot_resolve(
    services: Services, client: TestClient, make_user: Callable[[Role], str]
) -> None:
    assert services.monitor is not None
    alert_id = store_alert(services.monitor)
    sign_in(client, make_user(Role.AGENT))
    page = client.get(f"/alerts/{alert_id}")
    assert "Resolve" not in page.text
    token = csrf_from(page.text)
    client.post(f"/alerts/{alert_id}/resolve", data={"note": "x", "csrf_token": token})
    alert = services.monitor.get(alert_id)
    assert alert is not None and alert.status == "open"


def test_a_refusal_is_shown_once_and_never_taken_from_the_url(
    services: Services, moderator: TestClient
) -> None:
    assert services.monitor is not None
    alert_id = store_alert(services.monitor)
    forged = moderator.get(f"/alerts/{alert_id}?error=Call+0800-FAKE+to+verify+your+account")
    assert "0800-FAKE" not in forged.text
    assert 'href="/audit"' in forged.text  # the inbox's own header, with the moderator's links
    token = csrf_from(forged.text)
    refused = moderator.post(
        f"/alerts/{alert_id}/resolve", data={"note": "", "csrf_token": token}
    )  # resolving needs a note
    assert '<p class="error"' in refused.text
    assert '<p class="error"' not in moderator.get(f"/alerts/{alert_id}").text  # shown once


def test_api_lists_alerts(
    services: Services, client: TestClient, token_for: Callable[[Role], dict[str, str]]
) -> None:
    assert services.monitor is not None
    store_alert(services.monitor)
    listed = client.get("/api/v1/alerts", headers=token_for(Role.ANALYST))
    assert listed.status_code == 200
    [alert] = listed.json()
    assert alert["level"] == "warning" and alert["scope"] == "brand"
    assert alert["topics"][0]["misinformation"] is True
    assert client.get("/api/v1/alerts").status_code == 401


def test_api_crisis_switch_needs_a_moderator(
    services: Services, client: TestClient, token_for: Callable[[Role], dict[str, str]]
) -> None:
    body = {"on": True, "reason": "price rumour spreading"}
    assert (
        client.post("/api/v1/crisis", json=body, headers=token_for(Role.AGENT)).status_code == 403
    )
    moderator = token_for(Role.MODERATOR)
    assert client.post("/api/v1/crisis", json=body, headers=moderator).status_code == 200
    assert client.post("/api/v1/crisis", json=body, headers=moderator).status_code == 409
    assert services.monitor is not None
    assert [p.scope for p in services.monitor.crisis_policies()] == ["brand"]
    off = {"on": False, "reason": "calm again"}
    assert client.post("/api/v1/crisis", json=off, headers=moderator).status_code == 200
    assert services.monitor.crisis_policies() == []
    kinds = [a.kind for a in audit_entries(services.engine, "crisis", "brand")]
    assert kinds == ["crisis_on", "crisis_off"]
