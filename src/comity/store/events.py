"""The event log behind the inbox's live updates (SSE).

Every action publishes its event in its own transaction, so an event exists exactly when the
change does. The row id is the SSE event id: a reconnecting client sends Last-Event-ID and
`since` returns what it missed, in order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select

from comity.store import tables as t
from comity.store.rows import aware
from comity.store.upsert import chunks

# The kinds the inbox knows; others are allowed (the UI ignores what it does not know).
KINDS = (
    "case.created",
    "case.updated",
    "case.assigned",
    "reply.sent",
    "note.added",
    "comment.status",
    "author.sanction",
)


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    at: datetime
    kind: str
    case_id: int | None
    payload: dict[str, Any] = field(default_factory=dict)


def publish(
    conn: Connection,
    kind: str,
    payload: Mapping[str, Any],
    *,
    case_id: int | None = None,
    at: datetime | None = None,
) -> int:
    """Append an event inside the caller's transaction; returns its id."""
    result = conn.execute(
        insert(t.events)
        .values(
            at=at or datetime.now(UTC),
            kind=kind,
            case_id=case_id,
            payload=dict(payload),
        )
        .returning(t.events.c.id)
    )
    return int(result.scalar_one())


def publish_many(
    conn: Connection, events: Sequence[tuple[str, int | None, Mapping[str, Any]]]
) -> None:
    """Append (kind, case_id, payload) events at once (the pipeline's new cases)."""
    if not events:
        return
    now = datetime.now(UTC)
    conn.execute(
        insert(t.events),
        [
            {"at": now, "kind": kind, "case_id": case_id, "payload": dict(payload)}
            for kind, case_id, payload in events
        ],
    )


class EventLog:
    """Reads the event log (writes go through `publish` inside an action's transaction)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def since(self, last_id: int = 0, limit: int = 500) -> list[Event]:
        """Events after `last_id`, oldest first, at most `limit`."""
        query = select(t.events).where(t.events.c.id > last_id).order_by(t.events.c.id).limit(limit)
        with self.engine.connect() as conn:
            return [
                Event(
                    id=row.id,
                    at=aware(row.at),
                    kind=row.kind,
                    case_id=row.case_id,
                    payload=dict(row.payload or {}),
                )
                for row in conn.execute(query)
            ]

    def prune(self, older_than: datetime, keep_last: int = 10_000) -> int:
        """Delete events before `older_than`, always keeping the newest `keep_last`.

        The log only serves live updates and reconnects; a client that was away longer than
        the retention reloads the page instead. Returns how many events were deleted.
        """
        with self.engine.begin() as conn:
            newest = int(
                conn.execute(select(func.coalesce(func.max(t.events.c.id), 0))).scalar_one()
            )
            result = conn.execute(
                delete(t.events).where(
                    t.events.c.at < older_than, t.events.c.id <= newest - max(0, keep_last)
                )
            )
        return int(result.rowcount)

    def last_id(self) -> int:
        """The newest event id (0 when there is none): where a fresh client starts."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.coalesce(func.max(t.events.c.id), 0))).scalar_one())


def announce_new_cases(conn: Connection, comment_ids: Sequence[int]) -> None:
    """Publish case.created for the open cases just created for these comments."""
    found: list[tuple[str, int | None, Mapping[str, Any]]] = []
    for chunk in chunks(list(comment_ids), 500):
        rows = conn.execute(
            select(t.cases.c.id, t.cases.c.queue, t.cases.c.priority, t.cases.c.due_at).where(
                t.cases.c.comment_id.in_(chunk), t.cases.c.status == "open"
            )
        )
        for row in rows:
            due = aware(row.due_at).isoformat() if row.due_at is not None else None
            payload = {"queue": row.queue, "priority": row.priority, "due_at": due}
            found.append(("case.created", row.id, payload))
    publish_many(conn, found)
