"""Writes behind comity.actions; every function runs inside the caller's transaction.

Nothing here checks permissions or writes the audit log by itself: the actions do that, so a
change and its audit row always share one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, delete, insert, select, update

from comity.store import tables as t
from comity.store.inbox_rows import AuditEntry, SentReply, audit_from_row, reply_from_row

_CASE_JOIN = t.cases.join(t.comments, t.comments.c.id == t.cases.c.comment_id).join(
    t.authors, t.authors.c.id == t.comments.c.author_id
)


def audit_entry(conn: Connection, audit_id: int) -> AuditEntry | None:
    row = conn.execute(select(t.audit_log).where(t.audit_log.c.id == audit_id)).first()
    return audit_from_row(row) if row is not None else None


def lock_case(conn: Connection, case_id: int) -> Row[Any] | None:
    """The case with its comment's channel, ids and author, locked where the database can."""
    return conn.execute(
        select(
            t.cases,
            t.comments.c.channel,
            t.comments.c.external_id,
            t.comments.c.status.label("comment_status"),
            t.authors.c.handle,
        )
        .select_from(_CASE_JOIN)
        .where(t.cases.c.id == case_id)
        .with_for_update(of=t.cases)
    ).first()


def case_id_for_comment(conn: Connection, comment_id: int) -> int | None:
    found = conn.execute(
        select(t.cases.c.id).where(t.cases.c.comment_id == comment_id)
    ).scalar_one_or_none()
    return int(found) if found is not None else None


def comment_key(conn: Connection, comment_id: int) -> Any:
    """(channel, external_id, handle, status) of a comment, locked where the database can."""
    return conn.execute(
        select(
            t.comments.c.id,
            t.comments.c.channel,
            t.comments.c.external_id,
            t.comments.c.status,
            t.authors.c.handle,
        )
        .select_from(t.comments.join(t.authors, t.authors.c.id == t.comments.c.author_id))
        .where(t.comments.c.id == comment_id)
        .with_for_update(of=t.comments)
    ).first()


def update_case(
    conn: Connection, case_id: int, values: Mapping[str, Any], expect: Mapping[str, Any]
) -> bool:
    """Change a case only if `expect` still holds (compare-and-set); False if it did not."""
    query = update(t.cases).where(t.cases.c.id == case_id)
    for name, value in expect.items():
        column = t.cases.c[name]
        query = query.where(column.is_(None) if value is None else column == value)
    return conn.execute(query.values(**values)).rowcount == 1


def insert_note(
    conn: Connection,
    case_id: int,
    *,
    kind: str,
    author: str,
    body: str,
    mentions: Sequence[str],
    at: datetime,
) -> int:
    result = conn.execute(
        insert(t.notes)
        .values(
            case_id=case_id, kind=kind, author=author, body=body, mentions=list(mentions), at=at
        )
        .returning(t.notes.c.id)
    )
    return int(result.scalar_one())


def insert_reply(conn: Connection, values: Mapping[str, Any]) -> int:
    result = conn.execute(insert(t.sent_replies).values(**values).returning(t.sent_replies.c.id))
    return int(result.scalar_one())


def latest_reply(conn: Connection, case_id: int, since: datetime) -> SentReply | None:
    """The newest reply (sent or awaiting approval) on the case since `since`."""
    row = conn.execute(
        select(t.sent_replies)
        .where(
            t.sent_replies.c.case_id == case_id,
            t.sent_replies.c.at >= since,
            t.sent_replies.c.status.in_(["sent", "pending_approval"]),
        )
        .order_by(t.sent_replies.c.at.desc(), t.sent_replies.c.id.desc())
        .limit(1)
    ).first()
    return reply_from_row(row) if row is not None else None


def get_reply(conn: Connection, reply_id: int) -> SentReply | None:
    row = conn.execute(
        select(t.sent_replies).where(t.sent_replies.c.id == reply_id).with_for_update()
    ).first()
    return reply_from_row(row) if row is not None else None


def set_reply_status(
    conn: Connection, reply_id: int, status: str, by: str, at: datetime, expect: str
) -> bool:
    result = conn.execute(
        update(t.sent_replies)
        .where(t.sent_replies.c.id == reply_id, t.sent_replies.c.status == expect)
        .values(status=status, approved_by=by, approved_at=at)
    )
    return result.rowcount == 1


def add_label(conn: Connection, case_id: int, label: str, by: str, at: datetime) -> bool:
    """Attach a label; False if the case has it already."""
    exists = conn.execute(
        select(t.case_labels.c.label).where(
            t.case_labels.c.case_id == case_id, t.case_labels.c.label == label
        )
    ).first()
    if exists is not None:
        return False
    conn.execute(insert(t.case_labels).values(case_id=case_id, label=label, by=by, at=at))
    return True


def remove_label(conn: Connection, case_id: int, label: str) -> bool:
    result = conn.execute(
        delete(t.case_labels).where(
            t.case_labels.c.case_id == case_id, t.case_labels.c.label == label
        )
    )
    return result.rowcount > 0


def add_sanction(conn: Connection, values: Mapping[str, Any]) -> int:
    result = conn.execute(
        insert(t.author_sanctions).values(**values).returning(t.author_sanctions.c.id)
    )
    return int(result.scalar_one())


def lift_sanctions(
    conn: Connection,
    channel: str,
    handle: str,
    kind: str,
    *,
    by: str,
    at: datetime,
    sanction_id: int | None = None,
) -> list[int]:
    """Lift the author's active sanctions of `kind` (or just one); returns the lifted ids."""
    query = select(t.author_sanctions.c.id, t.author_sanctions.c.until).where(
        t.author_sanctions.c.channel == channel,
        t.author_sanctions.c.handle == handle,
        t.author_sanctions.c.kind == kind,
        t.author_sanctions.c.lifted_at.is_(None),
    )
    if sanction_id is not None:
        query = query.where(t.author_sanctions.c.id == sanction_id)
    ids = [row.id for row in conn.execute(query)]
    if ids:
        conn.execute(
            update(t.author_sanctions)
            .where(t.author_sanctions.c.id.in_(ids))
            .values(lifted_by=by, lifted_at=at)
        )
    return ids


def user_emails(conn: Connection) -> list[str]:
    """Enabled users' e-mail addresses (for resolving @mentions)."""
    return [
        row.email
        for row in conn.execute(
            select(t.users.c.email).where(t.users.c.disabled.is_(False)).order_by(t.users.c.email)
        )
    ]
