"""Idempotent batch upsert of comments: dedupe on (channel, external_id), edits with history."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from comity.domain import Comment
from comity.ingest.records import RecordError, parse_timestamp
from comity.ingest.service import Outcome
from comity.store import tables as t
from comity.store.db import bulk_insert
from comity.store.rows import aware


def version_time(comment: Comment) -> datetime:
    """When this version of the comment was written: its `edited_at`, else its creation."""
    edited = comment.extra.get("edited_at")
    if isinstance(edited, str):
        try:
            return parse_timestamp(edited)
        except RecordError:
            pass
    return comment.created_at


def chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def rows_by_key(
    conn: Connection, query: Any, first: Any, second: Any, keys: Iterable[tuple[str, str]]
) -> Iterator[Any]:
    """Rows of `query` matching (first, second) pairs; one plain IN per channel and chunk."""
    by_first: dict[str, list[str]] = {}
    for a, b in keys:
        by_first.setdefault(a, []).append(b)
    for a, values in by_first.items():
        for value_chunk in chunks(values, 500):
            yield from conn.execute(query.where(first == a, second.in_(value_chunk)))


def upsert_chunk(conn: Connection, chunk: Sequence[Comment], now: datetime) -> list[Outcome]:
    author_ids = _ensure_authors(conn, chunk)
    keys = list({comment.key for comment in chunk})
    existing: dict[tuple[str, str], tuple[int, str]] = {}
    lookup = select(
        t.comments.c.id, t.comments.c.channel, t.comments.c.external_id, t.comments.c.text
    )
    for row in rows_by_key(conn, lookup, t.comments.c.channel, t.comments.c.external_id, keys):
        existing[(row.channel, row.external_id)] = (row.id, row.text)
    stale = _known_versions(
        conn,
        [existing[c.key][0] for c in chunk if c.key in existing and existing[c.key][1] != c.text],
    )
    outcomes: list[Outcome] = []
    new_rows: list[dict[str, Any]] = []
    pending_new: dict[tuple[str, str], str] = {}
    edits: list[tuple[Comment, int, str]] = []
    for comment in chunk:
        key = comment.key
        if key in pending_new:
            # The same comment twice in one batch: an edit of the row being inserted.
            if pending_new[key] == comment.text:
                outcomes.append(Outcome.UNCHANGED)
                continue
            edits.append((comment, -1, pending_new[key]))
            pending_new[key] = comment.text
            outcomes.append(Outcome.UPDATED)
            continue
        if key in existing:
            comment_id, old_text = existing[key]
            known = stale.get(comment_id)
            if old_text == comment.text or (
                known is not None and comment.text in known[0] and version_time(comment) <= known[1]
            ):
                # Same text, or an older version we already replaced: nothing to do.
                outcomes.append(Outcome.UNCHANGED)
                continue
            edits.append((comment, comment_id, old_text))
            existing[key] = (comment_id, comment.text)
            outcomes.append(Outcome.UPDATED)
            continue
        pending_new[key] = comment.text
        author_id = author_ids[(comment.channel, comment.author.handle)]
        new_rows.append(_row(comment, author_id))
        outcomes.append(Outcome.INSERTED)
    if new_rows:
        # An in-batch edit replaces the text of the row before it is written.
        first_text = {(row["channel"], row["external_id"]): row for row in new_rows}
        for comment, comment_id, previous in edits:
            if comment_id == -1:
                first_text[comment.key]["text"] = comment.text
                first_text[comment.key]["edit_count"] += 1
                first_text[comment.key]["_history"].append(previous)
        histories = {key: row.pop("_history") for key, row in first_text.items()}
        bulk_insert(conn, t.comments, new_rows)
        _record_in_batch_history(conn, histories, now)
    for comment, comment_id, previous in edits:
        if comment_id != -1:
            _apply_edit(conn, comment, comment_id, previous, now)
    return outcomes


def _known_versions(
    conn: Connection, comment_ids: list[int]
) -> dict[int, tuple[set[str], datetime]]:
    """Earlier texts and the current version time of comments about to be edited."""
    known: dict[int, tuple[set[str], datetime]] = {}
    for id_chunk in chunks(comment_ids, 400):
        for row in conn.execute(
            select(t.comments.c.id, t.comments.c.updated_at).where(t.comments.c.id.in_(id_chunk))
        ):
            known[row.id] = (set(), aware(row.updated_at))
        for row in conn.execute(
            select(t.comment_edits.c.comment_id, t.comment_edits.c.previous_text).where(
                t.comment_edits.c.comment_id.in_(id_chunk)
            )
        ):
            known[row.comment_id][0].add(row.previous_text)
    return known


def _row(comment: Comment, author_id: int) -> dict[str, Any]:
    return {
        "channel": comment.channel,
        "external_id": comment.external_id,
        "author_id": author_id,
        "text": comment.text,
        "created_at": comment.created_at,
        "updated_at": version_time(comment),
        "parent_external_id": comment.parent_external_id,
        "media": list(comment.media),
        "url": comment.url,
        "lang": comment.lang,
        "context": comment.context,
        "extra": comment.extra,
        "status": comment.status.value,
        "edit_count": 0,
        "pipeline_done": None,
        "pipeline_version": 0,
        "_history": [],
    }


def _record_in_batch_history(
    conn: Connection, histories: dict[tuple[str, str], list[str]], now: datetime
) -> None:
    wanted = [key for key, history in histories.items() if history]
    if not wanted:
        return
    lookup = select(t.comments.c.id, t.comments.c.channel, t.comments.c.external_id)
    ids = {
        (row.channel, row.external_id): row.id
        for row in rows_by_key(conn, lookup, t.comments.c.channel, t.comments.c.external_id, wanted)
    }
    bulk_insert(
        conn,
        t.comment_edits,
        [
            {"comment_id": ids[key], "previous_text": text, "replaced_at": now}
            for key in wanted
            for text in histories[key]
        ],
    )


def _apply_edit(
    conn: Connection, comment: Comment, comment_id: int, previous: str, now: datetime
) -> None:
    bulk_insert(
        conn,
        t.comment_edits,
        [{"comment_id": comment_id, "previous_text": previous, "replaced_at": now}],
    )
    conn.execute(
        update(t.comments)
        .where(t.comments.c.id == comment_id)
        .values(
            text=comment.text,
            media=list(comment.media),
            updated_at=version_time(comment),
            edit_count=t.comments.c.edit_count + 1,
            pipeline_done=None,
        )
    )


def _ensure_authors(conn: Connection, chunk: Sequence[Comment]) -> dict[tuple[str, str], int]:
    first: dict[tuple[str, str], Comment] = {}
    for comment in chunk:
        key = (comment.channel, comment.author.handle)
        if key not in first or comment.created_at < first[key].created_at:
            first[key] = comment
    keys = list(first)
    found: dict[tuple[str, str], int] = {}
    lookup = select(t.authors.c.id, t.authors.c.channel, t.authors.c.handle)
    for row in rows_by_key(conn, lookup, t.authors.c.channel, t.authors.c.handle, keys):
        found[(row.channel, row.handle)] = row.id
    missing = [key for key in keys if key not in found]
    if missing:
        bulk_insert(
            conn,
            t.authors,
            [
                {
                    "channel": key[0],
                    "handle": key[1],
                    "display_name": first[key].author.display_name,
                    "first_seen": first[key].created_at,
                    "strikes": 0,
                }
                for key in missing
            ],
        )
        for row in rows_by_key(conn, lookup, t.authors.c.channel, t.authors.c.handle, missing):
            found[(row.channel, row.handle)] = row.id
    return found
