"""The transactional outbox: what the team did that a channel must still be told.

Actions write here in their own transaction and never talk to a channel; the delivery loop
(runtime/delivery.py) claims pending rows, asks the channel's connector and records the
answer. An action undone before delivery simply cancels its pending row.

Statuses: pending -> sending (claimed by one process) -> sent | pending again (retry later,
`next_attempt_at`) | failed (out of attempts) | unsupported (the channel cannot do it);
cancelled when undone first. A claim older than the stale limit goes back to pending.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, exists, insert, or_, select, update

from comity.domain import Action
from comity.store import tables as t
from comity.store.audit import write_audit
from comity.store.events import publish
from comity.store.rows import aware, aware_or_none

STATUSES = ("pending", "sending", "sent", "failed", "unsupported", "cancelled")
# Who the audit log names when delivery itself gives up on an entry.
DELIVERY_ACTOR = "comity:delivery"


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
    claimed_by: str | None = None
    claimed_at: datetime | None = None
    next_attempt_at: datetime | None = None
    sent_at: datetime | None = None
    remote_id: str | None = None


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
        claimed_by=row.claimed_by,
        claimed_at=aware_or_none(row.claimed_at),
        next_attempt_at=aware_or_none(row.next_attempt_at),
        sent_at=aware_or_none(row.sent_at),
        remote_id=row.remote_id,
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

    def mark_sent(self, item_id: int, remote_id: str | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(t.outbox)
                .where(t.outbox.c.id == item_id)
                .values(
                    status="sent",
                    last_error=None,
                    attempts=t.outbox.c.attempts + 1,
                    sent_at=datetime.now(UTC),
                    remote_id=remote_id,
                    claimed_by=None,
                    claimed_at=None,
                    next_attempt_at=None,
                )
            )

    def mark_failed(self, item_id: int, error: str) -> None:
        self._finish(item_id, "failed", error)

    def _finish(self, item_id: int, status: str, error: str | None) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(t.outbox)
                .where(t.outbox.c.id == item_id)
                .values(status=status, last_error=error, attempts=t.outbox.c.attempts + 1)
            )

    # --- delivery (runtime/delivery.py) ----------------------------------------------------

    def get(self, item_id: int) -> OutboxItem | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.outbox).where(t.outbox.c.id == item_id)).first()
        return _item(row) if row is not None else None

    def entries(self, status: str | None = None, limit: int = 100) -> list[OutboxItem]:
        """Newest first, optionally of one status (what `comity outbox` shows)."""
        query = select(t.outbox)
        if status is not None:
            query = query.where(t.outbox.c.status == status)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(t.outbox.c.id.desc()).limit(limit))
            return [_item(row) for row in rows]

    def claim(
        self, owner: str, now: datetime, channels: Sequence[str], limit: int = 50
    ) -> list[OutboxItem]:
        """Atomically take due pending entries of these channels for `owner`, oldest first.

        One UPDATE ... WHERE status='pending' RETURNING: two processes never get the same
        row (PostgreSQL re-checks the status after a row lock; SQLite has one writer). An
        entry waits while an older entry for the same comment (or author) is still pending
        or being sent, so a hide and its undo reach the channel in order.
        """
        if not channels:
            return []
        outbox = t.outbox
        older = t.outbox.alias("older")
        same_target = or_(
            and_(outbox.c.external_id.is_not(None), older.c.external_id == outbox.c.external_id),
            and_(
                outbox.c.external_id.is_(None),
                older.c.external_id.is_(None),
                older.c.handle == outbox.c.handle,
            ),
        )
        blocked = exists().where(
            older.c.channel == outbox.c.channel,
            older.c.id < outbox.c.id,
            older.c.status.in_(("pending", "sending")),
            same_target,
        )
        due = (
            select(outbox.c.id)
            .where(
                outbox.c.status == "pending",
                outbox.c.channel.in_(list(channels)),
                or_(outbox.c.next_attempt_at.is_(None), outbox.c.next_attempt_at <= now),
                ~blocked,
            )
            .order_by(outbox.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)  # PostgreSQL; SQLite renders no FOR UPDATE
        )
        with self.engine.begin() as conn:
            ids = [row.id for row in conn.execute(due)]
            if not ids:
                return []
            rows = conn.execute(
                update(outbox)
                .where(outbox.c.id.in_(ids), outbox.c.status == "pending")
                .values(status="sending", claimed_by=owner, claimed_at=now)
                .returning(*outbox.c)
            ).all()
        return sorted((_item(row) for row in rows), key=lambda item: item.id)

    def release_stale(self, older_than: datetime) -> int:
        """Claims taken before `older_than` (a crashed or hung process) go back to pending."""
        with self.engine.begin() as conn:
            result = conn.execute(
                update(t.outbox)
                .where(t.outbox.c.status == "sending", t.outbox.c.claimed_at < older_than)
                .values(status="pending", claimed_by=None, claimed_at=None)
            )
        return int(result.rowcount)

    def note_unconfigured(self, configured: Sequence[str]) -> int:
        """Pending entries of channels without a connector say so (and stay pending)."""
        outbox = t.outbox
        query = select(outbox.c.channel).where(outbox.c.status == "pending").distinct()
        if configured:
            query = query.where(outbox.c.channel.not_in(list(configured)))
        changed = 0
        with self.engine.begin() as conn:
            for channel in [row.channel for row in conn.execute(query)]:
                message = no_connector_message(channel)
                result = conn.execute(
                    update(outbox)
                    .where(
                        outbox.c.status == "pending",
                        outbox.c.channel == channel,
                        or_(outbox.c.last_error.is_(None), outbox.c.last_error != message),
                    )
                    .values(last_error=message)
                )
                changed += int(result.rowcount)
        return changed

    def retry_later(self, item: OutboxItem, error: str, at: datetime) -> None:
        """One more failed attempt; back to pending until `at`."""
        self._settle(item, status="pending", error=error, next_attempt_at=at)

    def mark_unsupported(self, item: OutboxItem, reason: str, now: datetime) -> None:
        """The channel cannot do this: final, and the team sees why."""
        with self.engine.begin() as conn:
            self._settle(item, status="unsupported", error=reason, conn=conn)
            publish(
                conn,
                "outbox.unsupported",
                _event_body(item, reason),
                at=now,
            )

    def give_up(self, item: OutboxItem, error: str, now: datetime) -> None:
        """Out of attempts: 'failed', with an audit row and an `outbox.failed` event."""
        with self.engine.begin() as conn:
            self._settle(item, status="failed", error=error, conn=conn)
            write_audit(
                conn,
                Action(
                    kind="outbox.failed",
                    target_type="outbox",
                    target_id=str(item.id),
                    actor=DELIVERY_ACTOR,
                    at=now,
                    reason=error,
                    before={"status": "sending", "attempts": item.attempts},
                    after={"status": "failed", "attempts": item.attempts + 1},
                ),
            )
            publish(conn, "outbox.failed", _event_body(item, error), at=now)

    def requeue(self, item_id: int, conn: Connection) -> OutboxItem | None:
        """The entry becomes pending again with fresh attempts; returns it as it was."""
        return self.requeue_if(item_id, None, conn)

    def requeue_if(
        self, item_id: int, statuses: Sequence[str] | None, conn: Connection
    ) -> OutboxItem | None:
        """Re-queue the entry when its status is one of `statuses` (any when None).

        Returns the entry as it was (None when there is none); unchanged if not allowed.
        """
        row = conn.execute(select(t.outbox).where(t.outbox.c.id == item_id)).first()
        if row is None:
            return None
        if statuses is not None and row.status not in statuses:
            return _item(row)
        conn.execute(
            update(t.outbox)
            .where(t.outbox.c.id == item_id, t.outbox.c.status == row.status)
            .values(
                status="pending",
                attempts=0,
                next_attempt_at=None,
                claimed_by=None,
                claimed_at=None,
            )
        )
        return _item(row)

    def _settle(
        self,
        item: OutboxItem,
        *,
        status: str,
        error: str | None,
        next_attempt_at: datetime | None = None,
        conn: Connection | None = None,
    ) -> None:
        statement = (
            update(t.outbox)
            .where(t.outbox.c.id == item.id)
            .values(
                status=status,
                last_error=error,
                attempts=t.outbox.c.attempts + 1,
                next_attempt_at=next_attempt_at,
                claimed_by=None,
                claimed_at=None,
            )
        )
        if conn is not None:
            conn.execute(statement)
            return
        with self.engine.begin() as own:
            own.execute(statement)


def no_connector_message(channel: str) -> str:
    return f"no connector configured for channel {channel}"


def _event_body(item: OutboxItem, error: str) -> dict[str, Any]:
    return {
        "outbox_id": item.id,
        "channel": item.channel,
        "kind": item.kind,
        "external_id": item.external_id,
        "handle": item.handle,
        "audit_id": item.audit_id,
        "error": error,
    }
