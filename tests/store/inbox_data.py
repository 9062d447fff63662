"""Cases for the inbox tests: stored through the real repositories (our own texts)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, select

from comity.domain import (
    ActionKind,
    Author,
    Category,
    Comment,
    Plan,
    PlannedAction,
    Priority,
    Queue,
    Sentiment,
    Triage,
)
from comity.store import CommentRepository
from comity.store import tables as t
from comity.store.results import save_plans
from tests.factories import T0, comment


@dataclass(frozen=True)
class Seed:
    external_id: str
    text: str
    queue: Queue = Queue.NEEDS_REPLY
    priority: Priority = Priority.P2
    due_minutes: int | None = 60
    category: Category = Category.QUESTION
    sentiment: Sentiment = Sentiment.NEUTRAL
    lang: str = "ko"
    channel: str = "instagram"
    handle: str = "fan_a"
    parent: str | None = None
    campaign: str | None = None


def store_cases(
    repo: CommentRepository, cases: Sequence[tuple[Comment, Triage, Plan]]
) -> dict[str, int]:
    """Store each comment with its triage and plan; returns case ids by external id."""
    comments = [case[0] for case in cases]
    repo.upsert_many(comments, [{}] * len(comments), source="test")
    ids: dict[str, int] = {}
    for item in comments:
        stored = repo.get_by_key(item.channel, item.external_id)
        assert stored is not None and stored.comment.id is not None
        ids[item.external_id] = stored.comment.id
    with repo.engine.begin() as conn:
        repo.save_triages(conn, [(ids[c.external_id], triage) for c, triage, _ in cases])
        save_plans(conn, [(ids[c.external_id], plan) for c, _, plan in cases])
        rows = conn.execute(select(t.cases.c.id, t.cases.c.comment_id)).all()
    by_comment = {row.comment_id: row.id for row in rows}
    return {key: by_comment[comment_id] for key, comment_id in ids.items()}


def store(engine: Engine, seeds: list[Seed]) -> dict[str, int]:
    """Store the comments, their triage and plans; returns case ids by external id."""
    return store_cases(
        CommentRepository(engine),
        [
            (
                comment(
                    i,
                    channel=seed.channel,
                    external_id=seed.external_id,
                    author=Author(channel=seed.channel, handle=seed.handle),
                    text=seed.text,
                    parent_external_id=seed.parent,
                    context={"campaign": seed.campaign} if seed.campaign else {},
                ),
                Triage(lang=seed.lang, primary=seed.category, sentiment=seed.sentiment),
                Plan(
                    actions=(PlannedAction(ActionKind.HELP),),
                    priority=seed.priority,
                    queue=seed.queue,
                    due_at=T0 + timedelta(minutes=seed.due_minutes)
                    if seed.due_minutes is not None
                    else None,
                    reason=f"plan for {seed.external_id}",
                ),
            )
            for i, seed in enumerate(seeds)
        ],
    )
