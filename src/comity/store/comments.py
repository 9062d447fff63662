"""Comment repository: idempotent batch upsert with edit history, queries, stats."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, or_, select, text, update

from comity.domain import Comment, CommentStatus, Triage
from comity.ingest.service import Outcome
from comity.store import tables as t
from comity.store.db import bulk_insert
from comity.store.rows import aware, comment_from_row, triage_from_row, triage_to_row
from comity.store.upsert import chunks, rows_by_key, upsert_chunk

_TRIAGE_COLUMNS = tuple(
    column.label(f"tr_{column.name}") for column in t.triages.c if column.name != "comment_id"
)
_COMMENT_COLUMNS = (
    t.comments,
    t.authors.c.handle,
    t.authors.c.display_name,
    t.authors.c.first_seen,
    t.authors.c.strikes,
)


@dataclass(slots=True)
class StoredComment:
    """A comment with what the pipeline found out about it so far."""

    comment: Comment
    triage: Triage | None
    edit_count: int


@dataclass(frozen=True, slots=True)
class Edit:
    previous_text: str
    replaced_at: datetime


def _filtered(query: Any, channel: str | None, lang: str | None) -> Any:
    """The inbox filters; `lang` is the triaged language, else the declared one."""
    if channel:
        query = query.where(t.comments.c.channel == channel)
    if lang:
        query = query.where(
            or_(
                t.triages.c.lang == lang,
                and_(t.triages.c.lang.is_(None), t.comments.c.lang == lang),
            )
        )
    return query


class CommentRepository:
    """All comment reads and writes; callers never touch SQL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._inserted_since_analyze = 0
        self._rows_at_analyze = 0

    # -- writes ---------------------------------------------------------------

    def upsert_many(
        self, comments: Sequence[Comment], raw: Sequence[dict[str, Any]], *, source: str
    ) -> list[Outcome]:
        """Store raw payloads, then insert new comments and apply edits, in one transaction."""
        if len(comments) != len(raw):
            raise ValueError("every comment needs its raw payload")
        now = datetime.now(UTC)
        outcomes: list[Outcome] = []
        with self.engine.begin() as conn:
            for chunk_start in range(0, len(comments), 500):
                chunk = comments[chunk_start : chunk_start + 500]
                bulk_insert(
                    conn,
                    t.raw_payloads,
                    [
                        {
                            "channel": comment.channel,
                            "external_id": comment.external_id,
                            "source": source,
                            "received_at": now,
                            "body": body,
                        }
                        for comment, body in zip(
                            chunk, raw[chunk_start : chunk_start + 500], strict=True
                        )
                    ],
                )
                outcomes.extend(upsert_chunk(conn, chunk, now))
        self._analyze_after_growth(outcomes.count(Outcome.INSERTED))
        return outcomes

    def _analyze_after_growth(self, inserted: int) -> None:
        """Refresh PostgreSQL's statistics when a bulk load has grown the tables a lot.

        Autovacuum analyses about once a minute; until then the planner believes a freshly
        loaded table is tiny and answers key lookups by scanning a whole channel (measured:
        an import slowed from ~3,000 to ~450 comments/s at 100k rows).
        """
        if self.engine.dialect.name != "postgresql":
            return
        self._inserted_since_analyze += inserted
        if self._inserted_since_analyze < max(5_000, self._rows_at_analyze // 5):
            return
        with self.engine.begin() as conn:
            conn.execute(text("ANALYZE comments, authors"))
            estimate = conn.execute(
                text("SELECT reltuples FROM pg_class WHERE relname = 'comments'")
            ).scalar()
        self._rows_at_analyze = int(estimate or 0)
        self._inserted_since_analyze = 0

    # -- reads ----------------------------------------------------------------

    def _select(self) -> Any:
        return select(*_COMMENT_COLUMNS, *_TRIAGE_COLUMNS).select_from(
            t.comments.join(t.authors, t.authors.c.id == t.comments.c.author_id).outerjoin(
                t.triages, t.triages.c.comment_id == t.comments.c.id
            )
        )

    @staticmethod
    def _stored(row: Any) -> StoredComment:
        mapping = row._mapping
        triage = triage_from_row(mapping, "tr_") if mapping["tr_primary"] is not None else None
        return StoredComment(
            comment=comment_from_row(mapping), triage=triage, edit_count=mapping["edit_count"]
        )

    def get(self, comment_id: int) -> StoredComment | None:
        with self.engine.connect() as conn:
            row = conn.execute(self._select().where(t.comments.c.id == comment_id)).first()
        return self._stored(row) if row is not None else None

    def get_by_key(self, channel: str, external_id: str) -> StoredComment | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                self._select().where(
                    and_(t.comments.c.channel == channel, t.comments.c.external_id == external_id)
                )
            ).first()
        return self._stored(row) if row is not None else None

    def edits(self, comment_id: int) -> list[Edit]:
        """Earlier texts of a comment, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.comment_edits.c.previous_text, t.comment_edits.c.replaced_at)
                .where(t.comment_edits.c.comment_id == comment_id)
                .order_by(t.comment_edits.c.id)
            )
            return [Edit(row.previous_text, aware(row.replaced_at)) for row in rows]

    def list_recent(
        self,
        *,
        channel: str | None = None,
        lang: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StoredComment]:
        """Newest first, optionally only one channel and/or language."""
        query = _filtered(self._select(), channel, lang)
        query = query.order_by(t.comments.c.created_at.desc(), t.comments.c.id.desc())
        with self.engine.connect() as conn:
            rows = conn.execute(query.limit(limit).offset(offset)).all()
        return [self._stored(row) for row in rows]

    def count(self, *, channel: str | None = None, lang: str | None = None) -> int:
        """How many comments `list_recent` would page through with the same filters."""
        query: Any = select(func.count()).select_from(t.comments)
        if lang:
            query = select(func.count()).select_from(
                t.comments.outerjoin(t.triages, t.triages.c.comment_id == t.comments.c.id)
            )
        with self.engine.connect() as conn:
            return int(conn.execute(_filtered(query, channel, lang)).scalar_one())

    def languages(self) -> list[str]:
        """Languages present (triaged, else declared), for filter choices."""
        language = func.coalesce(t.triages.c.lang, t.comments.c.lang)
        query = (
            select(language.label("lang"))
            .select_from(t.comments.outerjoin(t.triages, t.triages.c.comment_id == t.comments.c.id))
            .where(language.is_not(None))
            .distinct()
            .order_by(language)
        )
        with self.engine.connect() as conn:
            return [row.lang for row in conn.execute(query)]

    def channels(self) -> list[str]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.comments.c.channel).distinct().order_by(t.comments.c.channel)
            )
            return [row.channel for row in rows]

    def stats(self) -> dict[str, Any]:
        """Totals per channel, language (triaged, else declared) and status."""
        language = func.coalesce(t.triages.c.lang, t.comments.c.lang, "unknown")
        joined = t.comments.outerjoin(t.triages, t.triages.c.comment_id == t.comments.c.id)
        with self.engine.connect() as conn:

            def grouped(column: Any) -> dict[str, int]:
                rows = conn.execute(
                    select(column.label("key"), func.count()).select_from(joined).group_by(column)
                )
                return {str(key): int(n) for key, n in sorted(rows, key=lambda r: str(r[0]))}

            total = int(conn.execute(select(func.count()).select_from(t.comments)).scalar_one())
            pending = int(
                conn.execute(
                    select(func.count())
                    .select_from(t.comments)
                    .where(t.comments.c.pipeline_done.is_(None))
                ).scalar_one()
            )
            authors = int(conn.execute(select(func.count()).select_from(t.authors)).scalar_one())
            return {
                "comments": total,
                "authors": authors,
                "pending": pending,
                "channels": grouped(t.comments.c.channel),
                "languages": grouped(language),
                "statuses": grouped(t.comments.c.status),
                "categories": {
                    key: n for key, n in grouped(t.triages.c.primary).items() if key != "None"
                },
            }

    # -- pipeline -------------------------------------------------------------

    def pending(self, signature: str, limit: int) -> list[Comment]:
        """Comments the current pipeline has not finished, oldest first."""
        query = (
            select(*_COMMENT_COLUMNS)
            .select_from(t.comments.join(t.authors, t.authors.c.id == t.comments.c.author_id))
            .where(
                or_(t.comments.c.pipeline_done.is_(None), t.comments.c.pipeline_done != signature)
            )
            .order_by(t.comments.c.id)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [comment_from_row(row._mapping) for row in conn.execute(query)]

    def pending_by_keys(self, signature: str, keys: Sequence[tuple[str, str]]) -> list[Comment]:
        """Those of `keys` the pipeline `signature` has not finished, oldest first."""
        query = (
            select(*_COMMENT_COLUMNS)
            .select_from(t.comments.join(t.authors, t.authors.c.id == t.comments.c.author_id))
            .where(
                or_(t.comments.c.pipeline_done.is_(None), t.comments.c.pipeline_done != signature)
            )
        )
        with self.engine.connect() as conn:
            found = [
                comment_from_row(row._mapping)
                for row in rows_by_key(
                    conn, query, t.comments.c.channel, t.comments.c.external_id, set(keys)
                )
            ]
        return sorted(found, key=lambda comment: comment.id or 0)

    def first_pending_id(self, signature: str) -> int | None:
        """The oldest comment `signature` has not finished (None: nothing is pending)."""
        query = select(func.min(t.comments.c.id)).where(
            or_(t.comments.c.pipeline_done.is_(None), t.comments.c.pipeline_done != signature)
        )
        with self.engine.connect() as conn:
            found = conn.execute(query).scalar()
        return int(found) if found is not None else None

    def finished_between(
        self, after_id: int, before_id: int | None, limit: int
    ) -> list[tuple[Comment, Triage | None]]:
        """Comments with after_id < id < before_id in id order, with their triage."""
        query = self._select().where(t.comments.c.id > after_id)
        if before_id is not None:
            query = query.where(t.comments.c.id < before_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(t.comments.c.id).limit(limit)).all()
        return [(stored.comment, stored.triage) for stored in map(self._stored, rows)]

    def parents_of(self, comments: Sequence[Comment]) -> dict[tuple[str, str], Comment]:
        """The parent comments that are stored, keyed by (channel, external id)."""
        keys = list({(c.channel, c.parent_external_id) for c in comments if c.parent_external_id})
        found: dict[tuple[str, str], Comment] = {}
        query = select(*_COMMENT_COLUMNS).select_from(
            t.comments.join(t.authors, t.authors.c.id == t.comments.c.author_id)
        )
        with self.engine.connect() as conn:
            for row in rows_by_key(
                conn, query, t.comments.c.channel, t.comments.c.external_id, keys
            ):
                comment = comment_from_row(row._mapping)
                found[comment.key] = comment
        return found

    def finish(self, conn: Connection, comment_ids: Sequence[int], signature: str) -> None:
        """Mark comments as done by the pipeline `signature` (inside the caller's transaction)."""
        for id_chunk in chunks(list(comment_ids), 500):
            conn.execute(
                update(t.comments)
                .where(t.comments.c.id.in_(id_chunk))
                .values(pipeline_done=signature)
            )

    def save_triages(self, conn: Connection, triages: Sequence[tuple[int, Triage]]) -> None:
        """Replace the stored triage of each comment (idempotent per comment id)."""
        if not triages:
            return
        ids = [comment_id for comment_id, _ in triages]
        for id_chunk in chunks(ids, 500):
            conn.execute(t.triages.delete().where(t.triages.c.comment_id.in_(id_chunk)))
        bulk_insert(
            conn, t.triages, [triage_to_row(comment_id, triage) for comment_id, triage in triages]
        )

    def set_status(self, conn: Connection, comment_id: int, status: CommentStatus) -> None:
        conn.execute(
            update(t.comments).where(t.comments.c.id == comment_id).values(status=status.value)
        )

    def iter_with_triage(
        self, since: datetime | None = None, batch: int = 2000
    ) -> Iterator[tuple[Comment, Triage | None]]:
        """Every stored comment (since `since`) oldest first, read in keyset-paged batches."""
        last: tuple[datetime, int] | None = None
        while True:
            query = self._select()
            if since is not None:
                query = query.where(t.comments.c.created_at >= since)
            if last is not None:
                query = query.where(
                    or_(
                        t.comments.c.created_at > last[0],
                        and_(t.comments.c.created_at == last[0], t.comments.c.id > last[1]),
                    )
                )
            query = query.order_by(t.comments.c.created_at, t.comments.c.id).limit(batch)
            with self.engine.connect() as conn:
                rows = conn.execute(query).all()
            if not rows:
                return
            for row in rows:
                stored = self._stored(row)
                yield stored.comment, stored.triage
            final = rows[-1]._mapping
            last = (final["created_at"], final["id"])
