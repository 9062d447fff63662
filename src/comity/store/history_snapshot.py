"""One batch's authors' history read in a handful of queries instead of several per comment."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, select

from comity.domain import Case, CaseStatus, Category, Comment
from comity.store import tables as t
from comity.store.rows import aware, case_from_row

AuthorKey = tuple[str, str]
_OPEN = (CaseStatus.OPEN.value, CaseStatus.SNOOZED.value)


@dataclass
class HistorySnapshot:
    """What the stages may ask about the authors of one batch, as it stood when loaded."""

    authors: frozenset[AuthorKey]
    since: datetime
    strikes: dict[AuthorKey, list[datetime]] = field(default_factory=lambda: defaultdict(list))
    first_seen: dict[AuthorKey, datetime] = field(default_factory=dict)
    comments: dict[AuthorKey, list[tuple[datetime, str, Category | None]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    first_complaint: dict[AuthorKey, datetime] = field(default_factory=dict)
    open_cases: dict[AuthorKey, list[Case]] = field(default_factory=lambda: defaultdict(list))

    def covers(self, key: AuthorKey, since: datetime | None = None) -> bool:
        return key in self.authors and (since is None or since >= self.since)


def _by_author(
    conn: Connection, query: Any, keys: Iterable[AuthorKey], channel: Any, handle: Any
) -> Iterator[Any]:
    by_channel: dict[str, list[str]] = defaultdict(list)
    for key_channel, key_handle in keys:
        by_channel[key_channel].append(key_handle)
    for key_channel, handles in by_channel.items():
        for start in range(0, len(handles), 500):
            chunk = handles[start : start + 500]
            yield from conn.execute(query.where(channel == key_channel, handle.in_(chunk)))


def load_snapshot(
    engine: Engine, comments: Sequence[Comment], lookback: timedelta
) -> HistorySnapshot:
    """The history of every author in `comments`, texts and categories back to `lookback`."""
    keys = frozenset((c.channel, c.author.handle) for c in comments)
    since = min(c.created_at for c in comments) - lookback
    snapshot = HistorySnapshot(authors=keys, since=since)
    written = t.comments.join(t.authors, t.authors.c.id == t.comments.c.author_id)
    with engine.connect() as conn:
        strikes = select(t.strikes.c.channel, t.strikes.c.handle, t.strikes.c.at)
        for row in _by_author(conn, strikes, keys, t.strikes.c.channel, t.strikes.c.handle):
            snapshot.strikes[(row.channel, row.handle)].append(aware(row.at))
        authors = select(t.authors.c.channel, t.authors.c.handle, t.authors.c.first_seen)
        for row in _by_author(conn, authors, keys, t.authors.c.channel, t.authors.c.handle):
            snapshot.first_seen[(row.channel, row.handle)] = aware(row.first_seen)
        recent = (
            select(
                t.comments.c.channel,
                t.authors.c.handle,
                t.comments.c.created_at,
                t.comments.c.text,
                t.triages.c.primary,
            )
            .select_from(written.outerjoin(t.triages, t.triages.c.comment_id == t.comments.c.id))
            .where(t.comments.c.created_at >= since)
            .order_by(t.comments.c.created_at)
        )
        for row in _by_author(conn, recent, keys, t.comments.c.channel, t.authors.c.handle):
            category = Category(row.primary) if row.primary else None
            snapshot.comments[(row.channel, row.handle)].append(
                (aware(row.created_at), row.text, category)
            )
        complaints = select(
            t.comments.c.channel,
            t.authors.c.handle,
            t.comments.c.created_at,
            t.triages.c.primary,
            t.triages.c.secondary,
        ).select_from(written.join(t.triages, t.triages.c.comment_id == t.comments.c.id))
        for row in _by_author(conn, complaints, keys, t.comments.c.channel, t.authors.c.handle):
            if row.primary == Category.COMPLAINT.value or "complaint" in (row.secondary or ()):
                key, at = (row.channel, row.handle), aware(row.created_at)
                if key not in snapshot.first_complaint or at < snapshot.first_complaint[key]:
                    snapshot.first_complaint[key] = at
        cases = (
            select(t.cases, t.comments.c.channel, t.authors.c.handle)
            .select_from(t.cases.join(written, t.comments.c.id == t.cases.c.comment_id))
            .where(t.cases.c.status.in_(_OPEN))
        )
        for row in _by_author(conn, cases, keys, t.comments.c.channel, t.authors.c.handle):
            snapshot.open_cases[(row.channel, row.handle)].append(case_from_row(row._mapping))
    return snapshot
