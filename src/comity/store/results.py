"""Saving what the netiquette and playbook stages decided, idempotently per comment."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, select, update

from comity.domain import CaseStatus, Comment, Plan, Queue, RuleHit
from comity.store import tables as t
from comity.store.db import bulk_insert
from comity.store.events import announce_new_cases
from comity.store.upsert import chunks


def save_rule_hits(conn: Connection, judged: Sequence[tuple[Comment, Sequence[RuleHit]]]) -> None:
    """Replace each comment's rule hits and the strikes they gave its author."""
    ids = [comment.id for comment, _ in judged if comment.id is not None]
    for chunk in chunks(ids, 500):
        conn.execute(delete(t.rule_hits).where(t.rule_hits.c.comment_id.in_(chunk)))
        conn.execute(delete(t.strikes).where(t.strikes.c.comment_id.in_(chunk)))
    hit_rows: list[dict[str, Any]] = []
    strike_rows: list[dict[str, Any]] = []
    for comment, hits in judged:
        if comment.id is None:
            continue
        unique = list({hit.rule_id: hit for hit in hits}.values())
        for hit in unique:
            hit_rows.append(
                {
                    "comment_id": comment.id,
                    "rule_id": hit.rule_id,
                    "action": hit.action,
                    "rule_action": hit.rule_action or hit.action,
                    "severity": hit.severity,
                    "reason": hit.reason,
                    "explanation": hit.explanation,
                    "strike": hit.strike,
                    "duration_seconds": int(hit.duration.total_seconds()) if hit.duration else None,
                    "queue": hit.queue,
                    "label": hit.label,
                    "automatic": hit.automatic,
                }
            )
        striking = [hit for hit in unique if hit.strike]
        if striking:
            # One comment earns one strike, however many rules it broke (the most severe).
            worst = max(striking, key=lambda hit: hit.severity)
            strike_rows.append(
                {
                    "channel": comment.channel,
                    "handle": comment.author.handle,
                    "comment_id": comment.id,
                    "rule_id": worst.rule_id,
                    "at": comment.created_at,
                }
            )
    if hit_rows:
        bulk_insert(conn, t.rule_hits, hit_rows)
    if strike_rows:
        bulk_insert(conn, t.strikes, strike_rows)


def save_plans(conn: Connection, planned: Sequence[tuple[int, Plan]]) -> None:
    """Create or update each comment's case; the team's own state (status, assignee) is kept."""
    if not planned:
        return
    now = datetime.now(UTC)
    existing: dict[int, str] = {}
    ids = [comment_id for comment_id, _ in planned]
    for chunk in chunks(ids, 500):
        for row in conn.execute(
            select(t.cases.c.comment_id, t.cases.c.status).where(t.cases.c.comment_id.in_(chunk))
        ):
            existing[row.comment_id] = row.status
    new_rows: list[dict[str, Any]] = []
    for comment_id, plan in planned:
        values = {
            "queue": plan.queue.value,
            "priority": plan.priority.value,
            "due_at": plan.due_at,
            "reason": plan.reason,
            "actions": [
                {"kind": step.kind.value, "automatic": step.automatic} for step in plan.actions
            ],
            "updated_at": now,
        }
        if comment_id in existing:
            conn.execute(update(t.cases).where(t.cases.c.comment_id == comment_id).values(values))
            continue
        status = CaseStatus.DONE if plan.queue is Queue.DONE else CaseStatus.OPEN
        new_rows.append(
            values
            | {
                "comment_id": comment_id,
                "status": status.value,
                "created_at": now,
                "resolved_at": now if status is CaseStatus.DONE else None,
            }
        )
    if new_rows:
        bulk_insert(conn, t.cases, new_rows)
        # The inbox shows new cases live (SSE reads the event log).
        announce_new_cases(conn, [row["comment_id"] for row in new_rows])
