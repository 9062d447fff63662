from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from comity.store.db import ping
from comity.store.webhooks import WebhookDeliveryRepository

NOW = datetime(2026, 7, 1, 9, 0, tzinfo=UTC)


def test_a_signature_can_be_claimed_once(engine: Engine) -> None:
    deliveries = WebhookDeliveryRepository(engine)
    assert deliveries.claim("a" * 64, "instagram", NOW)
    assert not deliveries.claim("a" * 64, "instagram", NOW + timedelta(seconds=1))
    assert deliveries.claim("b" * 64, "instagram", NOW)


def test_a_released_claim_can_be_claimed_again(engine: Engine) -> None:
    deliveries = WebhookDeliveryRepository(engine)
    assert deliveries.claim("a" * 64, "instagram", NOW)
    deliveries.release("a" * 64)
    assert deliveries.claim("a" * 64, "instagram", NOW)


def test_prune_drops_only_older_claims(engine: Engine) -> None:
    deliveries = WebhookDeliveryRepository(engine)
    deliveries.claim("old", "instagram", NOW - timedelta(minutes=20))
    deliveries.claim("new", "instagram", NOW - timedelta(minutes=5))
    assert deliveries.prune(before=NOW - timedelta(minutes=10)) == 1
    assert deliveries.claim("old", "instagram", NOW)
    assert not deliveries.claim("new", "instagram", NOW)


def test_ping_answers_for_a_live_database(engine: Engine) -> None:
    assert ping(engine)
