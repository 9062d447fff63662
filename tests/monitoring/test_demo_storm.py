"""`comity demo`: the price-rise storm of 15 July raises an alert the inbox banner shows."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from comity.demo.loader import DEMO_ADMIN_EMAIL, ensure_demo_admin, load_demo
from comity.domain import Stage
from comity.monitoring.alerts import most_urgent
from comity.runtime.services import Services

PRICE_WORDS = ("인상", "1000", "가격", "won", "price", "올")


@pytest.fixture
def pipeline_stages() -> list[Stage] | None:
    return None  # the real pipeline, as `comity demo` runs it


def test_the_demo_storm_raises_a_warning_with_the_price_rise_on_top(
    services: Services, client: TestClient
) -> None:
    load_demo(services, on_progress=None)
    assert services.monitor is not None
    alert = most_urgent(services.monitor.unresolved())
    assert alert is not None, "the demo storm raised no warning"
    assert alert.scope == "brand"
    assert alert.peak in ("warning", "storm")
    assert alert.since.strftime("%Y-%m-%d") == "2026-07-15"
    top = alert.topics[0]
    assert any(word in top["label"] for word in PRICE_WORDS), top["label"]
    assert top["misinformation"] is True

    password = ensure_demo_admin(services)
    login = client.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', login)
    assert token is not None
    inbox = client.post(
        "/login",
        data={"email": DEMO_ADMIN_EMAIL, "password": password, "csrf_token": token.group(1)},
    )
    assert inbox.status_code == 200
    banner = re.search(r'<div class="alert-banner[^"]*".*?</div>', inbox.text, re.S)
    assert banner is not None, "the inbox shows no storm banner"
    assert top["label"] in banner.group(0)
    assert f'href="/alerts/{alert.id}"' in banner.group(0)
