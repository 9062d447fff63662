"""Sanctions enforced end to end: ban/mute -> pipeline -> automatic hide by comity:auto."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from comity.actions import ActionContext, do_ban, do_mute, do_unban, do_unhide
from comity.domain import Author, Comment, CommentStatus, Role, Stage, WorkItem
from comity.runtime import InProcessRunner
from comity.runtime.automatic import SYSTEM_USER
from comity.runtime.services import Services
from comity.settings import Settings
from comity.store import tables as t
from comity.store.outbox import Outbox
from comity.store.users import User
from tests.clock import Clock

BANNED_AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
MINA = User(id=1, email="mina@haneul.example", role=Role.MODERATOR, disabled=False)


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    built = Services.from_settings(settings)  # the real pipeline
    yield built
    built.close()


def _comment(external_id: str, handle: str, at: datetime, text: str = "라떼 맛있어요") -> Comment:
    return Comment(
        channel="instagram",
        external_id=external_id,
        author=Author(channel="instagram", handle=handle),
        text=text,
        created_at=at,
    )


def _store(services: Services, *comments: Comment) -> None:
    services.comments.upsert_many(list(comments), [{}] * len(comments), source="test")


def _status(services: Services, external_id: str) -> CommentStatus:
    stored = services.comments.get_by_key("instagram", external_id)
    assert stored is not None
    return stored.comment.status


def _auto_audit(services: Services) -> list[tuple[str, str, str]]:
    with services.engine.connect() as conn:
        rows = conn.execute(
            select(t.audit_log.c.action, t.audit_log.c.target_id, t.audit_log.c.reason)
            .where(t.audit_log.c.actor == SYSTEM_USER.email)
            .order_by(t.audit_log.c.id)
        )
        return [(r.action, r.target_id, r.reason) for r in rows]


def _id(services: Services, external_id: str) -> str:
    stored = services.comments.get_by_key("instagram", external_id)
    assert stored is not None and stored.comment.id is not None
    return str(stored.comment.id)


def test_a_banned_authors_new_comment_is_hidden_automatically_until_unbanned(
    services: Services,
) -> None:
    clock = Clock(BANNED_AT)
    ctx = ActionContext(services.engine, clock=clock)
    do_ban(ctx, "instagram", "troll9", by=MINA, reason="repeated insults")
    _store(
        services,
        _comment("before", "troll9", BANNED_AT - timedelta(hours=1)),
        _comment("during", "troll9", BANNED_AT + timedelta(hours=1)),
        _comment("other", "fan1", BANNED_AT + timedelta(hours=1)),
    )
    services.runner.run_pending()

    assert _status(services, "before") is CommentStatus.VISIBLE
    assert _status(services, "during") is CommentStatus.HIDDEN
    assert _status(services, "other") is CommentStatus.VISIBLE
    [(action, target, reason)] = _auto_audit(services)
    assert (action, target) == ("hide", _id(services, "during"))
    assert reason == "author banned on 2026-11-20 by mina@haneul.example: repeated insults"
    hides = [i for i in Outbox(services.engine).all() if i.kind == "hide"]
    assert [(i.external_id, i.status) for i in hides] == [("during", "pending")]
    with services.engine.connect() as conn:
        queue = conn.execute(
            select(t.cases.c.queue).where(t.cases.c.comment_id == int(_id(services, "during")))
        ).scalar_one()
    assert queue == "done"  # nothing left for a person

    clock.now = BANNED_AT + timedelta(hours=2)
    do_unban(ctx, "instagram", "troll9", by=MINA, reason="apologised")
    _store(
        services,
        _comment("late", "troll9", BANNED_AT + timedelta(hours=1, minutes=30)),  # written banned
        _comment("after", "troll9", BANNED_AT + timedelta(hours=3)),
    )
    services.runner.run_pending()
    assert _status(services, "late") is CommentStatus.HIDDEN  # as of when it was written
    assert _status(services, "after") is CommentStatus.VISIBLE


def test_a_mute_hides_only_within_its_time(services: Services) -> None:
    ctx = ActionContext(services.engine, clock=Clock(BANNED_AT))
    do_mute(
        ctx,
        "instagram",
        "loud1",
        BANNED_AT + timedelta(days=1),
        by=MINA,
        reason="cool down",
    )
    _store(
        services,
        _comment("muted", "loud1", BANNED_AT + timedelta(hours=5)),
        _comment("free", "loud1", BANNED_AT + timedelta(days=1, minutes=1)),
    )
    services.runner.run_pending()
    assert _status(services, "muted") is CommentStatus.HIDDEN
    assert _status(services, "free") is CommentStatus.VISIBLE
    [(_, _, reason)] = _auto_audit(services)
    assert reason.startswith("author muted on 2026-11-20 until 2026-11-21 09:30 UTC by mina@")


def _noop() -> Stage:
    def run(items: Sequence[WorkItem]) -> None:
        return None

    return Stage("replay-marker", ("comment",), (), run)


def test_a_replay_gives_the_same_answer_and_never_overrules_a_person(
    services: Services,
) -> None:
    clock = Clock(BANNED_AT)
    ctx = ActionContext(services.engine, clock=clock)
    do_ban(ctx, "instagram", "troll9", by=MINA, reason="repeated insults")
    _store(services, _comment("during", "troll9", BANNED_AT + timedelta(hours=1)))
    services.runner.run_pending()
    clock.now = BANNED_AT + timedelta(hours=4)
    do_unban(ctx, "instagram", "troll9", by=MINA, reason="lifted")
    do_unhide(ctx, int(_id(services, "during")), by=MINA, reason="it was harmless")

    # A new stage list re-runs every stored comment (a replay), after the unban.
    stages = [*services.pipeline.stages, _noop()]
    replay = InProcessRunner(
        services.comments,
        stages,
        history=services.history,
        consumers=[services.automatic_steps()],
    )
    assert replay.run_pending() == 1
    with services.engine.connect() as conn:
        rules = conn.execute(select(t.rule_hits.c.rule_id)).scalars().all()
    assert rules == ["sanction.ban"]  # still banned as of when it was written
    assert len(_auto_audit(services)) == 1  # hidden automatically once, not again
    assert _status(services, "during") is CommentStatus.VISIBLE
