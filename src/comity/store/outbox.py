"""The transactional outbox: what the team did that a channel must still be told.

Actions write here in their own transaction and never talk to a channel; connectors read the
pending rows later and mark them sent or failed. An action undone before delivery simply
cancels its pending row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from comity.store import tables as t
from comity.store.rows import aware


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: int
    at: datetime
    channel: str
    kind: str
    external_id: str | None
    handle: str | None
    status: str
    attempts: int
    audit_id: int | None
    payload: dict[str, Any] = field(default_factory=dict)
    last_error: str | None = None


def enqueue(
    conn: Connection,
    *,
    channel: str,
    kind: str,
    external_id: str | None = None,
    handle: str | None = None,
    payload: Mapping[str, Any] | None = None,
    audit_id: int | None = None,
    at: datetime | None = None,
) -> int:
    result = conn.execute(
        insert(t.outbox)
        .values(
            at=at or datetime.now(UTC),
            channel=channel,
            kind=kind,
            external_id=external_id,
            handle=handle,
            payload=dict(payload or {}),
            status="pending",
            attempts=0,
            audit_id=audit_id,
        )
        .returning(t.outbox.c.id)
    )
    return int(result.scalar_one())


def cancel_pending(conn: Connection, audit_id: int) -> bool:
    """Cancel the undelivered effect of an audited action; False if it was already delivered."""
    result = conn.execute(
        update(t.outbox)
        .where(t.outbox.c.audit_id == audit_id, t.outbox.c.status == "pending")
        .values(status="cancelled")
    )
    return result.rowcount > 0


def _item(row: Any) -> OutboxItem:
    return OutboxItem(
        id=row.id,
        at=aware(row.at),
        channel=row.channel,
        kind=row.kind,
        external_id=row.external_id,
        handle=row.handle,
        status=row.status,
        attempts=row.attempts,
        audit_id=row.audit_id,
        payload=dict(row.payload or {}),
        last_error=row.last_error,
    )


class Outbox:
    """What connectors use: the pending items, and marking them done."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def pending(self, limit: int = 100, channel: str | None = None) -> list[OutboxItem]:
        query = select(t.outbox).where(t.outbox.c.status == "pending")
        if channel is not None:
            query = query.where(t.outbox.c.channel == channel)
        with self.engine.connect() as conn:
            return [_item(row) for row in conn.execute(query.order_by(t.outbox.c.id).limit(limit))]

    def all(self, limit: int = 1000) -> list[OutboxItem]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.outbox).order_by(t.outbox.c.id).limit(limit))
            return [_item(row) for row in rows]

    def mark_sent(self, item_id: int) -> None:
        self._finish(item_id, "sent", None)

    def mark_failed(self, item_id: int, error: str) -> None:
        self._finish(item_id, "failed", error)

    def _finish(self, item_id: int, status: str, error: str | None) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(t.outbox)
                .where(t.outbox.c.id == item_id)
                .values(status=status, last_error=error, attempts=t.outbox.c.attempts + 1)
            )
