from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine, select

from comity.domain import (
    ActionKind,
    CaseStatus,
    Category,
    Comment,
    Plan,
    PlannedAction,
    Priority,
    Queue,
    RuleHit,
    Sentiment,
    Triage,
)
from comity.store import CommentRepository
from comity.store import tables as t
from comity.store.cases import CaseRepository
from comity.store.history import StoreAuthorHistory
from comity.store.results import save_plans, save_rule_hits
from tests.factories import T0, comment


def _stored(repo: CommentRepository, n: int) -> list[Comment]:
    batch = [comment(i * 7, text=f"text {i}") for i in range(n)]  # all by fan_0
    repo.upsert_many(batch, [{}] * n, source="t")
    found = [repo.get_by_key("instagram", c.external_id) for c in batch]
    return [stored.comment for stored in found if stored is not None]


def test_rule_hits_and_strikes_are_replaced_not_duplicated(
    repo: CommentRepository, engine: Engine
) -> None:
    first, second = _stored(repo, 2)
    hit = RuleHit(rule_id="no-insults", action="hide", severity=3, reason="No insults", strike=True)
    other = RuleHit(rule_id="no-hate", action="hide", severity=5, reason="No hate", strike=True)
    for _ in range(2):
        with engine.begin() as conn:
            save_rule_hits(conn, [(first, [hit, other]), (second, [hit])])
    history = StoreAuthorHistory(engine)
    assert history.strike_times("instagram", "fan_0") == [first.created_at, second.created_at]
    assert history.strikes("instagram", "fan_0", before=second.created_at) == 1
    with engine.connect() as conn:
        assert len(conn.execute(select(t.rule_hits)).all()) == 3
        assert conn.execute(
            select(t.strikes.c.rule_id).order_by(t.strikes.c.id)
        ).scalars().all() == [
            "no-hate",
            "no-insults",
        ]
    with engine.begin() as conn:
        save_rule_hits(conn, [(first, [])])
    assert history.strike_times("instagram", "fan_0") == [second.created_at]


def test_automatic_hits_read_back_including_old_hide_auto_rows(
    repo: CommentRepository, engine: Engine
) -> None:
    """`RuleHit.automatic` is stored in its own column; rows saved before it existed carry
    the old "hide:auto" action string and still read as automatic hides."""
    first, second = _stored(repo, 2)
    ban = RuleHit(rule_id="sanction.ban", action="hide", severity=3, reason="b", automatic=True)
    plan = Plan(actions=(), priority=Priority.P4, queue=Queue.MODERATION, due_at=None, reason="")
    assert first.id is not None and second.id is not None
    with engine.begin() as conn:
        save_rule_hits(conn, [(first, [ban]), (second, [ban])])
        save_plans(conn, [(first.id, plan), (second.id, plan)])
        conn.execute(  # as an older version saved it
            t.rule_hits.update()
            .where(t.rule_hits.c.comment_id == second.id)
            .values(action="hide:auto", rule_action="hide:auto", automatic=False)
        )
    cases = CaseRepository(engine)
    for comment_id in (first.id, second.id):
        with engine.connect() as conn:
            case_id = conn.execute(
                select(t.cases.c.id).where(t.cases.c.comment_id == comment_id)
            ).scalar_one()
        detail = cases.detail(case_id)
        assert detail is not None
        assert [(h.action, h.automatic) for h in detail.rule_hits] == [("hide", True)]


def test_strikes_decay(repo: CommentRepository, engine: Engine) -> None:
    (first,) = _stored(repo, 1)
    hit = RuleHit(rule_id="r", action="hide", severity=1, reason="r", strike=True)
    with engine.begin() as conn:
        save_rule_hits(conn, [(first, [hit])])
    history = StoreAuthorHistory(engine, strike_decay=timedelta(days=30))
    assert history.strikes("instagram", "fan_0", before=first.created_at + timedelta(days=1)) == 1
    assert history.strikes("instagram", "fan_0", before=first.created_at + timedelta(days=31)) == 0


def test_plans_become_cases_and_keep_the_teams_state(
    repo: CommentRepository, engine: Engine
) -> None:
    first, second = _stored(repo, 2)
    plan = Plan(
        actions=(PlannedAction(ActionKind.HELP),),
        priority=Priority.P1,
        queue=Queue.NEEDS_REPLY,
        due_at=T0 + timedelta(minutes=30),
        reason="complaint about a late delivery",
    )
    done = Plan(actions=(), priority=Priority.P4, queue=Queue.DONE, due_at=None, reason="chit-chat")
    with engine.begin() as conn:
        assert first.id is not None and second.id is not None
        save_plans(conn, [(first.id, plan), (second.id, done)])
        conn.execute(
            t.cases.update()
            .where(t.cases.c.comment_id == first.id)
            .values(assignee="mina@haneul.example")
        )
        save_plans(conn, [(first.id, plan)])
    assert CaseRepository(engine).counts() == {"done": 1, "needs_reply": 1}
    history = StoreAuthorHistory(engine)
    (case,) = history.open_cases("instagram", "fan_0")
    assert case.assignee == "mina@haneul.example" and case.priority is Priority.P1
    assert case.status is CaseStatus.OPEN


def test_history_of_texts_categories_and_complaints(
    repo: CommentRepository, engine: Engine
) -> None:
    first, second = _stored(repo, 2)
    triage = Triage(lang="ko", primary=Category.COMPLAINT, sentiment=Sentiment.NEGATIVE)
    with engine.begin() as conn:
        assert first.id is not None
        repo.save_triages(conn, [(first.id, triage)])
    history = StoreAuthorHistory(engine)
    window = (T0 - timedelta(days=1), second.created_at)
    assert history.recent_texts("instagram", "fan_0", *window) == [(first.created_at, "text 0")]
    assert history.recent_comments("instagram", "fan_0", *window) == [
        (first.created_at, Category.COMPLAINT)
    ]
    assert history.had_complaint("instagram", "fan_0", before=second.created_at)
    assert not history.had_complaint("instagram", "fan_0", before=first.created_at)
    assert history.first_seen("instagram", "fan_0") == first.created_at
    assert history.first_seen("instagram", "nobody") is None


def test_prefetched_answers_equal_the_queried_ones(repo: CommentRepository, engine: Engine) -> None:
    first, second, third = _stored(repo, 3)
    complaint = Triage(lang="ko", primary=Category.COMPLAINT, sentiment=Sentiment.NEGATIVE)
    hit = RuleHit(rule_id="r", action="hide", severity=1, reason="r", strike=True)
    plan = Plan(actions=(), priority=Priority.P1, queue=Queue.NEEDS_REPLY, due_at=None, reason="")
    with engine.begin() as conn:
        assert first.id is not None and second.id is not None
        repo.save_triages(conn, [(first.id, complaint)])
        save_rule_hits(conn, [(second, [hit])])
        save_plans(conn, [(first.id, plan)])
    history = StoreAuthorHistory(engine)

    def answers() -> tuple[object, ...]:
        at = third.created_at
        return (
            history.strike_times("instagram", "fan_0", before=at),
            history.strikes("instagram", "fan_0", before=at),
            history.first_seen("instagram", "fan_0"),
            history.recent_texts("instagram", "fan_0", at - timedelta(hours=2), at),
            history.recent_comments("instagram", "fan_0", at - timedelta(hours=2), at),
            history.had_complaint("instagram", "fan_0", before=at),
            [case.comment_id for case in history.open_cases("instagram", "fan_0")],
        )

    queried = answers()
    history.prefetch([third])
    assert answers() == queried
    history.release()
    assert queried[1] == 1 and queried[5] is True and queried[6] == [first.id]
