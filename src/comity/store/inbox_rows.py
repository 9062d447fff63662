"""Records the inbox shows next to a case: notes, sent replies, sanctions, audit entries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, or_, select

from comity.store import tables as t
from comity.store.rows import aware, aware_or_none


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    case_id: int
    kind: str  # "note" or "feedback"
    author: str
    body: str
    mentions: tuple[str, ...]
    at: datetime


@dataclass(frozen=True, slots=True)
class SentReply:
    id: int
    case_id: int
    comment_id: int
    channel: str
    to_handle: str
    text: str
    by: str
    at: datetime
    status: str  # "sent", "pending_approval" or "rejected"
    approved_by: str | None = None
    approved_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Sanction:
    id: int
    channel: str
    handle: str
    kind: str  # "mute" or "ban"
    until: datetime | None
    reason: str
    by: str
    at: datetime
    lifted_by: str | None = None
    lifted_at: datetime | None = None

    def active(self, now: datetime) -> bool:
        return self.lifted_at is None and (self.until is None or self.until > now)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    target_type: str
    target_id: str
    reason: str
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)


def note_from_row(row: Any) -> Note:
    return Note(
        id=row.id,
        case_id=row.case_id,
        kind=row.kind,
        author=row.author,
        body=row.body,
        mentions=tuple(row.mentions or ()),
        at=aware(row.at),
    )


def reply_from_row(row: Any) -> SentReply:
    return SentReply(
        id=row.id,
        case_id=row.case_id,
        comment_id=row.comment_id,
        channel=row.channel,
        to_handle=row.to_handle,
        text=row.text,
        by=row.by,
        at=aware(row.at),
        status=row.status,
        approved_by=row.approved_by,
        approved_at=aware_or_none(row.approved_at),
    )


def sanction_from_row(row: Any) -> Sanction:
    return Sanction(
        id=row.id,
        channel=row.channel,
        handle=row.handle,
        kind=row.kind,
        until=aware_or_none(row.until),
        reason=row.reason,
        by=row.by,
        at=aware(row.at),
        lifted_by=row.lifted_by,
        lifted_at=aware_or_none(row.lifted_at),
    )


def audit_from_row(row: Any) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        at=aware(row.at),
        actor=row.actor,
        action=row.action,
        target_type=row.target_type,
        target_id=row.target_id,
        reason=row.reason,
        before=dict(row.before or {}),
        after=dict(row.after or {}),
    )


def notes_for(conn: Connection, case_id: int) -> list[Note]:
    query = select(t.notes).where(t.notes.c.case_id == case_id).order_by(t.notes.c.id)
    return [note_from_row(row) for row in conn.execute(query)]


def replies_for(conn: Connection, case_id: int) -> list[SentReply]:
    query = (
        select(t.sent_replies)
        .where(t.sent_replies.c.case_id == case_id)
        .order_by(t.sent_replies.c.id)
    )
    return [reply_from_row(row) for row in conn.execute(query)]


def sanctions_for(conn: Connection, handle: str, channel: str | None = None) -> list[Sanction]:
    query = select(t.author_sanctions).where(t.author_sanctions.c.handle == handle)
    if channel is not None:
        query = query.where(t.author_sanctions.c.channel == channel)
    return [sanction_from_row(row) for row in conn.execute(query.order_by(t.author_sanctions.c.id))]


def audit_for(
    conn: Connection, targets: list[tuple[str, str]], limit: int = 200
) -> list[AuditEntry]:
    """Audit entries of any of the (target_type, target_id) pairs, oldest first."""
    if not targets:
        return []
    condition = or_(
        *(
            (t.audit_log.c.target_type == kind) & (t.audit_log.c.target_id == ident)
            for kind, ident in targets
        )
    )
    query = select(t.audit_log).where(condition).order_by(t.audit_log.c.id.desc()).limit(limit)
    return list(reversed([audit_from_row(row) for row in conn.execute(query)]))
