"""The team's saved replies: templates with variables, seeded from the shipped YAML."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from comity.replies.similarity import RecentReply
from comity.replies.templates import SavedReply, TemplateError, TemplateSet, validate_text
from comity.store import tables as t

SEED_AUTHOR = "comity-seed"


def _reply(row: Any) -> SavedReply:
    return SavedReply(
        row.key, row.category, row.lang, row.level, row.text, int(row.usage_count), int(row.id)
    )


class SavedReplyRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def seed(self, templates: TemplateSet, by: str = SEED_AUTHOR) -> int:
        """Add the templates whose key is not stored yet (idempotent); returns how many."""
        with self.engine.begin() as conn:
            return seed_saved_replies(conn, templates, by, datetime.now(UTC))

    def list(self, category: str | None = None, lang: str | None = None) -> list[SavedReply]:
        query = select(t.saved_replies).order_by(
            t.saved_replies.c.category, t.saved_replies.c.lang, t.saved_replies.c.key
        )
        if category is not None:
            query = query.where(t.saved_replies.c.category == category)
        if lang is not None:
            query = query.where(t.saved_replies.c.lang == lang)
        with self.engine.connect() as conn:
            return [_reply(row) for row in conn.execute(query)]

    def get(self, key: str) -> SavedReply | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.saved_replies).where(t.saved_replies.c.key == key)).first()
            return _reply(row) if row is not None else None

    def save(self, reply: SavedReply, by: str) -> SavedReply:
        """Add a saved reply or change its text (the usage count stays)."""
        validate_text(reply.text)
        if not reply.text.strip():
            raise TemplateError("a saved reply needs some text")
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            done = conn.execute(
                update(t.saved_replies)
                .where(t.saved_replies.c.key == reply.key)
                .values(**_content(reply), updated_at=now)
            )
            if done.rowcount == 0:
                insert_saved_reply(conn, reply, by, now)
        found = self.get(reply.key)
        assert found is not None
        return found

    def used(self, key: str) -> int:
        """Count one use (a suggestion built from it was sent); returns the new count."""
        with self.engine.begin() as conn:
            conn.execute(
                update(t.saved_replies)
                .where(t.saved_replies.c.key == key)
                .values(usage_count=t.saved_replies.c.usage_count + 1)
            )
            count = conn.execute(
                select(t.saved_replies.c.usage_count).where(t.saved_replies.c.key == key)
            ).scalar()
            return int(count or 0)

    def usage(self) -> dict[str, int]:
        """Uses per category."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(
                    t.saved_replies.c.category, func.sum(t.saved_replies.c.usage_count)
                ).group_by(t.saved_replies.c.category)
            )
            return {category: int(total or 0) for category, total in rows}


def recent_sent_replies(
    engine: Engine, since: datetime, *, exclude_case: int | None = None, limit: int = 2000
) -> list[RecentReply]:
    """Replies the team sent (or queued for approval) since `since`: the copy-paste corpus."""
    query = (
        select(
            t.sent_replies.c.text,
            t.sent_replies.c.to_handle,
            t.sent_replies.c.at,
            t.sent_replies.c.case_id,
            t.sent_replies.c.by,
        )
        .where(
            t.sent_replies.c.at >= since,
            t.sent_replies.c.status.in_(["sent", "pending_approval"]),
        )
        .order_by(t.sent_replies.c.at.desc())
        .limit(limit)
    )
    if exclude_case is not None:
        query = query.where(t.sent_replies.c.case_id != exclude_case)
    with engine.connect() as conn:
        return [
            RecentReply(row.text, row.to_handle, "", row.at, int(row.case_id), row.by)
            for row in conn.execute(query)
        ]


def latest_sent_reply_id(engine: Engine) -> int:
    """The newest sent_replies id (0 when none): tells a cached corpus it is stale."""
    with engine.connect() as conn:
        return int(conn.execute(select(func.max(t.sent_replies.c.id))).scalar() or 0)


# ---- writes inside an action's transaction (comity.actions.saved_replies audits them).


def saved_reply_by_id(conn: Connection, reply_id: int) -> SavedReply | None:
    row = conn.execute(select(t.saved_replies).where(t.saved_replies.c.id == reply_id)).first()
    return _reply(row) if row is not None else None


def saved_reply_key_taken(conn: Connection, key: str, except_id: int | None = None) -> bool:
    query = select(t.saved_replies.c.id).where(t.saved_replies.c.key == key)
    if except_id is not None:
        query = query.where(t.saved_replies.c.id != except_id)
    return conn.execute(query.limit(1)).first() is not None


def saved_replies_empty(conn: Connection) -> bool:
    return conn.execute(select(t.saved_replies.c.id).limit(1)).first() is None


def seed_saved_replies(conn: Connection, templates: TemplateSet, by: str, at: datetime) -> int:
    """The shipped replies into an empty library, in the caller's transaction."""
    known = set(conn.execute(select(t.saved_replies.c.key)).scalars())
    rows = [
        {
            "key": r.key,
            **_content(r),
            "usage_count": 0,
            "created_by": by,
            "created_at": at,
            "updated_at": at,
        }
        for r in templates.replies
        if r.key not in known
    ]
    if rows:
        conn.execute(insert(t.saved_replies), rows)
    return len(rows)


def _content(reply: SavedReply) -> dict[str, str | None]:
    """The columns a person edits (the key, counts and stamps are handled apart)."""
    return {
        "category": reply.category,
        "lang": reply.lang,
        "level": reply.level,
        "text": reply.text,
    }


def insert_saved_reply(conn: Connection, reply: SavedReply, by: str, at: datetime) -> int:
    new_id = conn.execute(
        insert(t.saved_replies)
        .values(
            key=reply.key,
            **_content(reply),
            usage_count=0,
            created_by=by,
            created_at=at,
            updated_at=at,
        )
        .returning(t.saved_replies.c.id)
    ).scalar_one()
    return int(new_id)


def update_saved_reply(conn: Connection, reply_id: int, reply: SavedReply, at: datetime) -> None:
    conn.execute(
        update(t.saved_replies)
        .where(t.saved_replies.c.id == reply_id)
        .values(key=reply.key, **_content(reply), updated_at=at)
    )


def delete_saved_reply(conn: Connection, reply_id: int) -> None:
    conn.execute(delete(t.saved_replies).where(t.saved_replies.c.id == reply_id))
