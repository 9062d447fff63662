"""An author's past as the netiquette and playbook stages need it, read from the store."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import Engine, Text, and_, exists, or_, select

from comity.domain import Case, CaseStatus, Category, Comment
from comity.netiquette.sanctions import KINDS as SANCTION_KINDS
from comity.netiquette.sanctions import Sanction
from comity.store import tables as t
from comity.store.history_snapshot import HistorySnapshot, load_snapshot
from comity.store.rows import aware, aware_or_none, case_from_row

# How far back a batch's prefetch reads texts and categories (rules' `repeated` windows and
# the playbook's follow-up window are hours; earlier questions fall back to queries).
LOOKBACK = timedelta(days=7)

_AUTHOR_JOIN = t.comments.join(t.authors, t.authors.c.id == t.comments.c.author_id)


class StoreAuthorHistory:
    """Both stages' AuthorHistory protocols: from a prefetched batch snapshot, else by query."""

    def __init__(self, engine: Engine, strike_decay: timedelta | None = timedelta(days=90)) -> None:
        self.engine = engine
        self.strike_decay = strike_decay
        self._snapshot: HistorySnapshot | None = None
        self._sanctions: dict[tuple[str, str], list[Sanction]] | None = None

    def prefetch(self, comments: Sequence[Comment], lookback: timedelta = LOOKBACK) -> None:
        """Read the history of a batch's authors at once; answers come from memory until release."""
        self._snapshot = load_snapshot(self.engine, comments, lookback) if comments else None
        keys = {(c.channel, c.author.handle) for c in comments}
        self._sanctions = _load_sanctions(self.engine, keys) if comments else None

    def release(self) -> None:
        self._snapshot = None
        self._sanctions = None

    def sanctions(self, channel: str, handle: str) -> Sequence[Sanction]:
        """Every ban and mute of the author, lifted or not (netiquette/sanctions.py decides)."""
        found = self._sanctions
        if found is not None and self._covered(channel, handle) is not None:
            return found.get((channel, handle), [])
        return _load_sanctions(self.engine, {(channel, handle)}).get((channel, handle), [])

    def _covered(
        self, channel: str, handle: str, since: datetime | None = None
    ) -> HistorySnapshot | None:
        snapshot = self._snapshot
        return (
            snapshot if snapshot is not None and snapshot.covers((channel, handle), since) else None
        )

    def strike_times(
        self, channel: str, handle: str, before: datetime | None = None
    ) -> Sequence[datetime]:
        """When the author received strikes (only earlier than `before` when given)."""
        snapshot = self._covered(channel, handle)
        if snapshot is not None:
            times = snapshot.strikes.get((channel, handle), [])
            return [at for at in times if before is None or at < before]
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
        snapshot = self._covered(channel, handle)
        if snapshot is not None:
            return snapshot.first_seen.get((channel, handle))
        with self.engine.connect() as conn:
            found = conn.execute(
                select(t.authors.c.first_seen).where(
                    t.authors.c.channel == channel, t.authors.c.handle == handle
                )
            ).scalar_one_or_none()
        return aware_or_none(found)

    def recent_texts(
        self, channel: str, handle: str, since: datetime, until: datetime
    ) -> Sequence[tuple[datetime, str]]:
        snapshot = self._covered(channel, handle, since)
        if snapshot is not None:
            found = snapshot.comments.get((channel, handle), [])
            return [(at, text) for at, text, _ in found if since <= at < until]
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
        snapshot = self._covered(channel, handle, since)
        if snapshot is not None:
            found = snapshot.comments.get((channel, handle), [])
            return [(at, cat) for at, _, cat in found if cat is not None and since <= at < until]
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
        snapshot = self._covered(channel, handle)
        if snapshot is not None:
            first = snapshot.first_complaint.get((channel, handle))
            return first is not None and first < before
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
        snapshot = self._covered(channel, handle)
        if snapshot is not None:
            return list(snapshot.open_cases.get((channel, handle), []))
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
            return [case_from_row(row._mapping) for row in conn.execute(query)]

    def all_strikes(self) -> list[tuple[str, str, datetime]]:
        """(channel, handle, at) of every strike, for replaying history in memory."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.strikes.c.channel, t.strikes.c.handle, t.strikes.c.at))
            return [(row.channel, row.handle, aware(row.at)) for row in rows]


def _load_sanctions(
    engine: Engine, keys: set[tuple[str, str]]
) -> dict[tuple[str, str], list[Sanction]]:
    """The bans and mutes of these authors, by (channel, handle)."""
    found: dict[tuple[str, str], list[Sanction]] = {}
    by_channel: dict[str, list[str]] = {}
    for channel, handle in keys:
        by_channel.setdefault(channel, []).append(handle)
    s = t.author_sanctions
    with engine.connect() as conn:
        for channel, handles in by_channel.items():
            for start in range(0, len(handles), 500):
                query = select(s).where(
                    s.c.channel == channel,
                    s.c.handle.in_(handles[start : start + 500]),
                    s.c.kind.in_(SANCTION_KINDS),
                )
                for row in conn.execute(query):
                    found.setdefault((row.channel, row.handle), []).append(
                        Sanction(
                            kind=row.kind,
                            at=aware(row.at),
                            by=row.by,
                            reason=row.reason,
                            until=aware_or_none(row.until),
                            lifted_at=aware_or_none(row.lifted_at),
                            id=row.id,
                        )
                    )
    return found
