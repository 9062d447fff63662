"""Reading cases: what each queue holds, most urgent first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select

from comity.domain import Case, Comment
from comity.store import tables as t
from comity.store.rows import case_from_row, comment_from_row


@dataclass(frozen=True, slots=True)
class CaseView:
    case: Case
    comment: Comment
    reason: str
    actions: tuple[dict[str, Any], ...]


class CaseRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def counts(self) -> dict[str, int]:
        """Cases per queue."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.cases.c.queue, func.count()).group_by(t.cases.c.queue))
            return {queue: int(count) for queue, count in sorted(rows)}

    def in_queue(self, queue: str | None = None, limit: int = 50) -> list[CaseView]:
        """Cases sorted by due time, then priority (no due time last)."""
        query = (
            select(
                t.cases,
                t.comments.c.channel,
                t.comments.c.external_id,
                t.comments.c.text,
                t.comments.c.created_at.label("comment_created_at"),
                t.comments.c.parent_external_id,
                t.comments.c.media,
                t.comments.c.url,
                t.comments.c.lang,
                t.comments.c.context,
                t.comments.c.extra,
                t.comments.c.status.label("comment_status"),
                t.authors.c.handle,
                t.authors.c.display_name,
                t.authors.c.first_seen,
                t.authors.c.strikes,
            )
            .select_from(
                t.cases.join(t.comments, t.comments.c.id == t.cases.c.comment_id).join(
                    t.authors, t.authors.c.id == t.comments.c.author_id
                )
            )
            .order_by(
                t.cases.c.due_at.is_(None), t.cases.c.due_at, t.cases.c.priority, t.cases.c.id
            )
            .limit(limit)
        )
        if queue:
            query = query.where(t.cases.c.queue == queue)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        views = []
        for row in rows:
            mapping = dict(row._mapping)
            comment_row = mapping | {
                "id": mapping["comment_id"],
                "created_at": mapping["comment_created_at"],
                "status": mapping["comment_status"],
            }
            views.append(
                CaseView(
                    case=case_from_row(row._mapping),
                    comment=comment_from_row(comment_row),
                    reason=mapping["reason"],
                    actions=tuple(mapping["actions"]),
                )
            )
        return views
