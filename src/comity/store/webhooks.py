"""Accepted webhook signatures, so a captured delivery cannot be replayed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, delete, insert
from sqlalchemy.exc import IntegrityError

from comity.store import tables as t


class WebhookDeliveryRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def claim(self, signature: str, channel: str, now: datetime) -> bool:
        """Record a delivery; False when this signature was already accepted (a replay)."""
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(t.webhook_deliveries).values(
                        signature=signature, channel=channel, received_at=now
                    )
                )
        except IntegrityError:
            # The primary key makes the check atomic across processes.
            return False
        return True

    def release(self, signature: str) -> None:
        """Forget a claim whose comments could not be stored, so the sender may retry."""
        with self.engine.begin() as conn:
            conn.execute(
                delete(t.webhook_deliveries).where(t.webhook_deliveries.c.signature == signature)
            )

    def prune(self, before: datetime) -> int:
        """Drop signatures received before `before`; their timestamps are stale by then."""
        with self.engine.begin() as conn:
            result = conn.execute(
                delete(t.webhook_deliveries).where(t.webhook_deliveries.c.received_at < before)
            )
        return int(result.rowcount or 0)
