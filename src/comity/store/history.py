"""An author's past as the netiquette and playbook stages need it, read from the store."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import Engine, Text, and_, exists, or_, select

from comity.domain import Case, CaseStatus, Category, Priority, Queue
from comity.store import tables as t
from comity.store.rows import aware

_AUTHOR_JOIN = t.comments.join(t.authors, t.authors.c.id == t.comments.c.author_id)


class StoreAuthorHistory:
    """Implements both stages' AuthorHistory protocols with one query per question."""

    def __init__(self, engine: Engine, strike_decay: timedelta | None = timedelta(days=90)) -> None:
        self.engine = engine
        self.strike_decay = strike_decay

    def strike_times(
        self, channel: str, handle: str, before: datetime | None = None
    ) -> Sequence[datetime]:
        """When the author received strikes (only earlier than `before` when given)."""
        query = select(t.strikes.c.at).where(
            t.strikes.c.channel == channel, t.strikes.c.handle == handle
        )
        if before is not None:
            query = query.where(t.strikes.c.at < before)
        with self.engine.connect() as conn:
            return [aware(row.at) for row in conn.execute(query)]

    def strikes(self, channel: str, handle: str, before: datetime | None = None) -> int:
        """Strikes still active at `before` (or now), after decay."""
        times = self.strike_times(channel, handle, before)
        if self.strike_decay is None or not times:
            return len(times)
        cutoff = (before or max(times)) - self.strike_decay
        return sum(1 for at in times if at > cutoff)

    def first_seen(self, channel: str, handle: str) -> datetime | None:
        with self.engine.connect() as conn:
            found = conn.execute(
                select(t.authors.c.first_seen).where(
                    t.authors.c.channel == channel, t.authors.c.handle == handle
                )
            ).scalar_one_or_none()
        return aware(found) if found is not None else None

    def recent_texts(
        self, channel: str, handle: str, since: datetime, until: datetime
    ) -> Sequence[tuple[datetime, str]]:
        query = (
            select(t.comments.c.created_at, t.comments.c.text)
            .select_from(_AUTHOR_JOIN)
            .where(
                t.comments.c.channel == channel,
                t.authors.c.handle == handle,
                t.comments.c.created_at >= since,
                t.comments.c.created_at < until,
            )
            .order_by(t.comments.c.created_at)
        )
        with self.engine.connect() as conn:
            return [(aware(row.created_at), row.text) for row in conn.execute(query)]

    def recent_comments(
        self, channel: str, handle: str, since: datetime, until: datetime
    ) -> Sequence[tuple[datetime, Category]]:
        query = (
            select(t.comments.c.created_at, t.triages.c.primary)
            .select_from(_AUTHOR_JOIN.join(t.triages, t.triages.c.comment_id == t.comments.c.id))
            .where(
                t.comments.c.channel == channel,
                t.authors.c.handle == handle,
                t.comments.c.created_at >= since,
                t.comments.c.created_at < until,
            )
            .order_by(t.comments.c.created_at)
        )
        with self.engine.connect() as conn:
            return [(aware(row.created_at), Category(row.primary)) for row in conn.execute(query)]

    def had_complaint(self, channel: str, handle: str, before: datetime) -> bool:
        """Whether any earlier comment of the author was triaged as a complaint."""
        complaint = or_(
            t.triages.c.primary == Category.COMPLAINT.value,
            t.triages.c.secondary.cast(Text).like('%"complaint"%'),
        )
        query = select(
            exists()
            .select_from(_AUTHOR_JOIN.join(t.triages, t.triages.c.comment_id == t.comments.c.id))
            .where(
                t.comments.c.channel == channel,
                t.authors.c.handle == handle,
                t.comments.c.created_at < before,
                complaint,
            )
        )
        with self.engine.connect() as conn:
            return bool(conn.execute(query).scalar())

    def open_cases(self, channel: str, handle: str) -> Sequence[Case]:
        query = (
            select(t.cases)
            .select_from(
                t.cases.join(t.comments, t.comments.c.id == t.cases.c.comment_id).join(
                    t.authors, t.authors.c.id == t.comments.c.author_id
                )
            )
            .where(
                and_(
                    t.comments.c.channel == channel,
                    t.authors.c.handle == handle,
                    t.cases.c.status.in_([CaseStatus.OPEN.value, CaseStatus.SNOOZED.value]),
                )
            )
        )
        with self.engine.connect() as conn:
            return [
                Case(
                    id=row.id,
                    comment_id=row.comment_id,
                    queue=Queue(row.queue),
                    priority=Priority(row.priority),
                    status=CaseStatus(row.status),
                    due_at=aware(row.due_at) if row.due_at else None,
                    assignee=row.assignee,
                )
                for row in conn.execute(query)
            ]

    def all_strikes(self) -> list[tuple[str, str, datetime]]:
        """(channel, handle, at) of every strike, for replaying history in memory."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.strikes.c.channel, t.strikes.c.handle, t.strikes.c.at))
            return [(row.channel, row.handle, aware(row.at)) for row in rows]
