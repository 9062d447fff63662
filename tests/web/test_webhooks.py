from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from comity.connectors.webhook import sign
from comity.runtime.services import Services
from comity.settings import Settings
from comity.store import tables as t
from comity.web import create_app, intake
from tests.factories import record

KEY = "instagram-webhook-key-0123456789"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Webhooks on for instagram only."""
    return Settings(**{**settings.model_dump(), "webhook_secrets": {"instagram": KEY}})


@pytest.fixture
def app(settings: Settings, services: Services) -> FastAPI:
    return create_app(settings, services)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def deliver(
    client: TestClient,
    payload: Any,
    *,
    channel: str = "instagram",
    key: str = KEY,
    timestamp: int | None = None,
    headers: dict[str, str] | None = None,
) -> Any:
    body = json.dumps(payload).encode()
    timestamp = int(time.time()) if timestamp is None else timestamp
    sent = {
        "Content-Type": "application/json",
        "X-Comity-Timestamp": str(timestamp),
        "X-Comity-Signature": sign(key, timestamp, body),
    }
    if headers is not None:
        sent = headers
    return client.post(f"/api/v1/webhooks/{channel}", content=body, headers=sent)


def deliveries(services: Services) -> int:
    with services.engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(t.webhook_deliveries))
        return int(count.scalar_one())


def test_a_signed_single_record_is_stored_under_the_path_channel(
    client: TestClient, services: Services
) -> None:
    response = deliver(client, record(1, channel="youtube", external_id="c1"))
    assert response.status_code == 200
    assert response.json() == {"inserted": 1, "updated": 0, "unchanged": 0}
    stored = services.comments.get_by_key("instagram", "c1")
    assert stored is not None
    assert services.comments.get_by_key("youtube", "c1") is None


def test_a_record_may_omit_the_channel(client: TestClient, services: Services) -> None:
    item = record(1)
    del item["channel"]
    assert deliver(client, item).status_code == 200
    assert services.comments.count() == 1


def test_a_signed_batch_is_idempotent_on_external_id(
    client: TestClient, services: Services
) -> None:
    batch = {"comments": [record(1), record(2)]}
    now = int(time.time())
    assert deliver(client, batch, timestamp=now - 10).json()["inserted"] == 2
    # A second delivery of the same comments (another timestamp, so another signature).
    again = deliver(client, batch, timestamp=now - 5)
    assert again.status_code == 200
    assert again.json() == {"inserted": 0, "updated": 0, "unchanged": 2}
    assert services.comments.count() == 2


def test_a_replayed_delivery_is_rejected(client: TestClient, services: Services) -> None:
    body = json.dumps(record(1)).encode()
    timestamp = str(int(time.time()))
    headers = {"X-Comity-Timestamp": timestamp, "X-Comity-Signature": sign(KEY, timestamp, body)}
    first = client.post("/api/v1/webhooks/instagram", content=body, headers=headers)
    assert first.status_code == 200
    replay = client.post("/api/v1/webhooks/instagram", content=body, headers=headers)
    assert replay.status_code == 409
    assert "replayed" in replay.json()["detail"]


def test_channel_without_a_key_is_not_found(client: TestClient, services: Services) -> None:
    response = deliver(client, record(1), channel="youtube")
    assert response.status_code == 404
    assert response.json()["detail"] == "webhooks are not enabled for this channel"
    assert deliver(client, record(1), channel="Not A Slug").status_code == 404
    assert services.comments.count() == 0


def test_missing_headers_are_401(client: TestClient) -> None:
    response = deliver(client, record(1), headers={"Content-Type": "application/json"})
    assert response.status_code == 401
    assert "X-Comity-Signature" in response.json()["detail"]


def test_a_wrong_signature_is_401(client: TestClient, services: Services) -> None:
    response = deliver(client, record(1), key="someone-elses-key")
    assert response.status_code == 401
    assert "does not match" in response.json()["detail"]
    assert services.comments.count() == 0 and deliveries(services) == 0


def test_a_stale_timestamp_is_401(client: TestClient, services: Services) -> None:
    old = int(time.time()) - services.settings.webhook_tolerance_seconds - 60
    response = deliver(client, record(1), timestamp=old)
    assert response.status_code == 401
    assert "stale" in response.json()["detail"]


def test_invalid_records_are_422_and_the_sender_may_fix_and_resend(
    client: TestClient, services: Services
) -> None:
    response = deliver(client, {"comments": [record(1), record(2, text=5)]})
    assert response.status_code == 422
    assert [(e["index"], e["code"]) for e in response.json()["errors"]] == [(1, "E104")]
    assert services.comments.count() == 0 and deliveries(services) == 0
    assert deliver(client, {"comments": [record(1), record(2)]}).status_code == 200


def test_body_problems_after_a_good_signature(client: TestClient) -> None:
    timestamp = str(int(time.time()))
    body = b"not json"
    headers = {"X-Comity-Timestamp": timestamp, "X-Comity-Signature": sign(KEY, timestamp, body)}
    assert (
        client.post("/api/v1/webhooks/instagram", content=body, headers=headers).status_code == 400
    )
    assert deliver(client, ["a", "list"]).status_code == 422


def test_old_deliveries_are_pruned(app: FastAPI, client: TestClient, services: Services) -> None:
    old = datetime.now(UTC) - timedelta(seconds=3 * services.settings.webhook_tolerance_seconds)
    assert app.state.deliveries.claim("f" * 64, "instagram", old)
    assert deliveries(services) == 1
    assert deliver(client, record(1)).status_code == 200
    assert deliveries(services) == 1  # the old one went, the new one stays


def test_an_oversized_body_is_refused_before_the_signature_check(
    client: TestClient, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(intake, "BYTES_PER_RECORD", 10)  # keep the test body small
    body = b"x" * (services.settings.max_batch * intake.BYTES_PER_RECORD + 1)
    response = client.post(
        "/api/v1/webhooks/instagram",
        content=body,
        headers={"X-Comity-Timestamp": "1", "X-Comity-Signature": "sha256=" + "0" * 64},
    )
    assert response.status_code == 413
