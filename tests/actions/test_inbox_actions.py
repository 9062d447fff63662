from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, select

from comity.actions import (
    ActionContext,
    ActionError,
    AssignmentConflict,
    PermissionDenied,
    RecentReplyConflict,
    StaleUndo,
    do_add_label,
    do_add_note,
    do_approve_reply,
    do_assign,
    do_ban,
    do_bulk,
    do_delete,
    do_hide,
    do_like,
    do_mark_done,
    do_mark_showcase,
    do_mute,
    do_record_feedback,
    do_reopen,
    do_reply,
    do_snooze,
    do_unassign,
    do_undo,
    parse_mentions,
)
from comity.domain import CaseStatus, CommentStatus
from comity.store import tables as t
from comity.store.audit import audit_entries
from comity.store.cases import CaseFilter, CaseRepository
from comity.store.events import EventLog
from comity.store.outbox import Outbox
from comity.store.users import User
from tests.clock import Clock


def _case(engine: Engine, case_id: int) -> object:
    detail = CaseRepository(engine).detail(case_id)
    assert detail is not None
    return detail


def _comment_status(engine: Engine, case_id: int) -> str:
    with engine.connect() as conn:
        return str(
            conn.execute(
                select(t.comments.c.status)
                .select_from(t.cases.join(t.comments, t.comments.c.id == t.cases.c.comment_id))
                .where(t.cases.c.id == case_id)
            ).scalar_one()
        )


def test_assignment_is_exclusive_and_a_takeover_records_the_holder(
    ctx: ActionContext, engine: Engine, team: dict[str, User], cases: dict[str, int]
) -> None:
    jun, sora = team["jun"], team["sora"]
    q1 = cases["q1"]
    do_assign(ctx, q1, jun.email, by=jun)
    with pytest.raises(AssignmentConflict) as conflict:
        do_assign(ctx, q1, sora.email, by=sora)
    assert conflict.value.holder == jun.email
    taken = do_assign(ctx, q1, sora.email, by=sora, take_over=True, reason="Jun is off")
    assert (taken.before, taken.after) == ({"assignee": jun.email}, {"assignee": sora.email})
    view = CaseRepository(engine).get(q1)
    assert view is not None and view.assignee == sora.email
    events = [e for e in EventLog(engine).since(0) if e.kind == "case.assigned"]
    assert [e.payload["previous"] for e in events] == [None, jun.email]
    # The holder may give it away; unknown people cannot receive it.
    do_unassign(ctx, q1, by=sora)
    with pytest.raises(ActionError, match="no active user"):
        do_assign(ctx, q1, "ghost@haneul.example", by=sora)


def test_roles_are_enforced_and_a_refusal_changes_nothing(
    ctx: ActionContext, engine: Engine, team: dict[str, User], cases: dict[str, int]
) -> None:
    jun, ana = team["jun"], team["ana"]
    for attempt in (
        lambda: do_ban(ctx, "instagram", "bot1", by=jun, reason="spam"),
        lambda: do_mute(ctx, "instagram", "bot1", ctx.now() + timedelta(days=1), by=jun,
                        reason="spam"),
        lambda: do_hide(ctx, 1, by=jun, reason="spam"),
        lambda: do_delete(ctx, 1, by=jun, reason="spam"),
        lambda: do_bulk(ctx, "hide", [cases["s1"]], by=jun, reason="spam"),
        lambda: do_assign(ctx, cases["q1"], ana.email, by=ana),
        lambda: do_add_note(ctx, cases["q1"], "hi", by=ana),
        lambda: do_like(ctx, cases["q1"], by=ana),
    ):  # fmt: skip
        with pytest.raises(PermissionDenied):
            attempt()
    with engine.connect() as conn:
        assert conn.execute(select(t.audit_log)).first() is None
        assert conn.execute(select(t.author_sanctions)).first() is None
        assert conn.execute(select(t.outbox)).first() is None
    # Agents do reply, like, label, note and close.
    do_like(ctx, cases["q1"], by=jun)
    do_add_label(ctx, cases["q1"], "Refund ", by=jun)
    do_mark_done(ctx, cases["q1"], by=jun)


def test_reply_collision_guard_and_first_response(
    ctx: ActionContext,
    clock: Clock,
    engine: Engine,
    team: dict[str, User],
    cases: dict[str, int],
) -> None:
    jun, sora = team["jun"], team["sora"]
    q1 = cases["q1"]
    first = do_reply(ctx, q1, "확인해 볼게요!", by=jun)
    detail = CaseRepository(engine).detail(q1)
    assert detail is not None
    assert detail.view.first_response_at == clock.now
    assert [(r.by, r.status, r.text) for r in detail.sent_replies] == [
        (jun.email, "sent", "확인해 볼게요!")
    ]
    clock.advance(minutes=2)
    with pytest.raises(RecentReplyConflict) as conflict:
        do_reply(ctx, q1, "도와드릴게요", by=sora)
    assert (conflict.value.by, conflict.value.text) == (jun.email, "확인해 볼게요!")
    assert conflict.value.at == first.at
    do_reply(ctx, q1, "도와드릴게요", by=sora, confirm_recent=True)
    clock.advance(minutes=6)
    do_reply(ctx, q1, "해결됐나요?", by=jun)  # outside the window: no confirmation needed
    detail = CaseRepository(engine).detail(q1)
    assert detail is not None
    assert detail.view.first_response_at == first.at  # the first response stays
    outbox = Outbox(engine).pending()
    assert [(item.kind, item.channel, item.external_id) for item in outbox] == [
        ("reply", "instagram", "q1")
    ] * 3
    assert outbox[0].payload["text"] == "확인해 볼게요!"
    with pytest.raises(ActionError, match="text"):
        do_reply(ctx, q1, "   ", by=jun)


def test_replies_can_wait_for_approval(
    engine: Engine, clock: Clock, team: dict[str, User], cases: dict[str, int]
) -> None:
    def agents_need_approval(user: User, _text: str, _case_id: int) -> bool:
        return user.role.value == "agent"

    ctx = ActionContext(engine, clock=clock, approval_policy=agents_need_approval)
    jun, mina = team["jun"], team["mina"]
    q2 = cases["q2"]
    waiting = do_reply(ctx, q2, "곧 알려드릴게요", by=jun)
    reply_id = int(waiting.after["reply_id"])
    assert waiting.after["status"] == "pending_approval"
    assert Outbox(engine).pending() == []
    view = CaseRepository(engine).get(q2)
    assert view is not None and view.first_response_at is None
    with pytest.raises(PermissionDenied):
        do_approve_reply(ctx, reply_id, by=jun)
    clock.advance(minutes=3)
    do_approve_reply(ctx, reply_id, by=mina)
    view = CaseRepository(engine).get(q2)
    assert view is not None and view.first_response_at == clock.now
    assert [item.kind for item in Outbox(engine).pending()] == ["reply"]
    with pytest.raises(ActionError, match="not waiting"):
        do_approve_reply(ctx, reply_id, by=mina)


def test_ban_needs_a_reason_shows_on_the_author_card_and_undoes(
    ctx: ActionContext, engine: Engine, team: dict[str, User], cases: dict[str, int]
) -> None:
    mina = team["mina"]
    with pytest.raises(ActionError, match="reason"):
        do_ban(ctx, "instagram", "bot1", by=mina, reason="  ")
    ban = do_ban(ctx, "instagram", "bot1", by=mina, reason="repeated coupon spam")
    detail = CaseRepository(engine).detail(cases["s1"], now=ctx.now())
    assert detail is not None
    (sanction,) = detail.author.sanctions
    assert (sanction.kind, sanction.reason, sanction.by) == (
        "ban",
        "repeated coupon spam",
        mina.email,
    )
    assert sanction.active(ctx.now())
    assert [e.kind for e in audit_entries(engine, "author", "instagram:bot1")] == ["ban"]
    undo = do_undo(ctx, ban.audit_id, by=mina)
    assert undo.kind == "unban"
    detail = CaseRepository(engine).detail(cases["s1"], now=ctx.now())
    assert detail is not None and not detail.author.sanctions[0].active(ctx.now())
    # Undone before any connector delivered it: the channel hears of neither.
    assert {item.status for item in Outbox(engine).all()} == {"cancelled"}
    with pytest.raises(ActionError, match="undone already"):
        do_undo(ctx, ban.audit_id, by=mina)


def test_mute_lasts_until_a_time(
    ctx: ActionContext, engine: Engine, team: dict[str, User], cases: dict[str, int]
) -> None:
    mina = team["mina"]
    until = ctx.now() + timedelta(hours=24)
    with pytest.raises(ActionError, match="future"):
        do_mute(ctx, "instagram", "bot2", ctx.now() - timedelta(hours=1), by=mina, reason="x")
    do_mute(ctx, "instagram", "bot2", until, by=mina, reason="cool down")
    detail = CaseRepository(engine).detail(cases["s2"], now=ctx.now())
    assert detail is not None
    (sanction,) = detail.author.sanctions
    assert sanction.until == until and sanction.active(ctx.now())
    assert not sanction.active(until + timedelta(seconds=1))


def test_snooze_done_reopen_and_resolution_time(
    ctx: ActionContext,
    clock: Clock,
    engine: Engine,
    team: dict[str, User],
    cases: dict[str, int],
) -> None:
    jun = team["jun"]
    repo = CaseRepository(engine)
    q1, q2 = cases["q1"], cases["q2"]
    do_snooze(ctx, q2, clock.now + timedelta(hours=1), by=jun)
    queue = [v.case.id for v in repo.list(CaseFilter(queue="needs_reply"), now=clock.now)]
    assert queue == [q1]
    with pytest.raises(ActionError, match="future"):
        do_snooze(ctx, q2, clock.now - timedelta(minutes=1), by=jun)
    do_mark_done(ctx, q1, by=jun, reason="refund sent")
    view = repo.get(q1)
    assert view is not None
    assert view.case.status is CaseStatus.DONE and view.resolved_at == clock.now
    assert view.case.queue.value == "needs_reply"  # the queue stays
    assert [v.case.id for v in repo.list(CaseFilter(queue="done"))] == [q1]
    with pytest.raises(ActionError, match="already done"):
        do_mark_done(ctx, q1, by=jun)
    do_reopen(ctx, q1, by=jun)
    view = repo.get(q1)
    assert view is not None and view.case.status is CaseStatus.OPEN and view.resolved_at is None


def test_notes_store_mentions_of_existing_users(
    ctx: ActionContext, engine: Engine, team: dict[str, User], cases: dict[str, int]
) -> None:
    jun = team["jun"]
    note = do_add_note(
        ctx, cases["q1"], "@mina 환불 건 확인 부탁, cc @sora@haneul.example @nobody", by=jun
    )
    assert note.after["mentions"] == ["mina@haneul.example", "sora@haneul.example"]
    do_record_feedback(ctx, cases["q1"], "환불 절차가 너무 길다는 의견", by=jun)
    detail = CaseRepository(engine).detail(cases["q1"])
    assert detail is not None
    assert [(n.kind, n.mentions) for n in detail.notes] == [
        ("note", ("mina@haneul.example", "sora@haneul.example")),
        ("feedback", ()),
    ]
    kinds = [e.kind for e in EventLog(engine).since(0) if e.case_id == cases["q1"]]
    assert kinds.count("note.added") == 2


def test_parse_mentions_needs_a_unique_local_part() -> None:
    emails = ["mina@a.example", "mina@b.example", "jun@a.example"]
    assert parse_mentions("@mina @jun, see a@jun.example", emails) == ["jun@a.example"]
    assert parse_mentions("@MINA@b.example.", emails) == ["mina@b.example"]


def test_bulk_hides_all_or_nothing(
    ctx: ActionContext, engine: Engine, team: dict[str, User], cases: dict[str, int]
) -> None:
    mina = team["mina"]
    spam = [cases["s1"], cases["s2"], cases["s3"]]
    do_hide(ctx, int(_detail_comment(engine, cases["s2"])), by=mina, reason="spam")
    with pytest.raises(ActionError, match=f"case {cases['s2']}"):
        do_bulk(ctx, "hide", spam, by=mina, reason="coupon spam")
    assert [_comment_status(engine, c) for c in spam] == ["visible", "hidden", "visible"]
    do_undo(ctx, _last_audit(engine), by=mina)
    done = do_bulk(ctx, "hide", spam, by=mina, reason="coupon spam")
    assert len(done) == 3
    assert [_comment_status(engine, c) for c in spam] == ["hidden"] * 3
    kinds = [e.kind for e in EventLog(engine).since(0)]
    assert kinds.count("comment.status") == 5  # hide, unhide, three bulk hides


def _detail_comment(engine: Engine, case_id: int) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(select(t.cases.c.comment_id).where(t.cases.c.id == case_id)).scalar_one()
        )


def _last_audit(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(select(t.audit_log.c.id).order_by(t.audit_log.c.id.desc())).first()[0]
        )  # type: ignore[index]


def test_undo_restores_the_previous_assignee_unless_it_changed(
    ctx: ActionContext, engine: Engine, team: dict[str, User], cases: dict[str, int]
) -> None:
    jun, sora, mina = team["jun"], team["sora"], team["mina"]
    q1 = cases["q1"]
    do_assign(ctx, q1, jun.email, by=jun)
    moved = do_assign(ctx, q1, sora.email, by=mina, take_over=True)
    do_undo(ctx, moved.audit_id, by=mina)
    view = CaseRepository(engine).get(q1)
    assert view is not None and view.assignee == jun.email
    label = do_mark_showcase(ctx, q1, by=jun)
    assert CaseRepository(engine).get(q1).labels == ("showcase",)  # type: ignore[union-attr]
    do_undo(ctx, label.audit_id, by=jun)
    assert CaseRepository(engine).get(q1).labels == ()  # type: ignore[union-attr]
    again = do_assign(ctx, q1, sora.email, by=jun)
    do_assign(ctx, q1, mina.email, by=sora)
    with pytest.raises(StaleUndo):
        do_undo(ctx, again.audit_id, by=jun)


def test_deletion_and_replies_cannot_be_undone(
    ctx: ActionContext, engine: Engine, team: dict[str, User], cases: dict[str, int]
) -> None:
    mina = team["mina"]
    comment_id = _detail_comment(engine, cases["s3"])
    with pytest.raises(ActionError, match="reason"):
        do_delete(ctx, comment_id, by=mina, reason="")
    deleted = do_delete(ctx, comment_id, by=mina, reason="illegal offer")
    assert _comment_status(engine, cases["s3"]) == CommentStatus.DELETED.value
    with pytest.raises(ActionError, match="cannot be undone"):
        do_undo(ctx, deleted.audit_id, by=mina)
    with pytest.raises(ActionError, match="deleted"):
        do_hide(ctx, comment_id, by=mina, reason="x")
    reply = do_reply(ctx, cases["q2"], "안내드릴게요", by=mina)
    with pytest.raises(ActionError, match="cannot be undone"):
        do_undo(ctx, reply.audit_id, by=mina)


def test_undo_after_delivery_needs_a_channel_that_can_do_the_opposite(
    engine: Engine, clock: Clock, team: dict[str, User], cases: dict[str, int]
) -> None:
    def only_youtube_unhides(channel: str, kind: str) -> bool:
        return channel == "youtube"

    ctx = ActionContext(engine, clock=clock, channel_allows=only_youtube_unhides)
    mina = team["mina"]
    hidden = do_hide(ctx, _detail_comment(engine, cases["s1"]), by=mina, reason="spam")
    (item,) = Outbox(engine).pending()
    Outbox(engine).mark_sent(item.id)  # the connector hid it on Instagram
    with pytest.raises(ActionError, match="instagram cannot unhide"):
        do_undo(ctx, hidden.audit_id, by=mina)
    assert _comment_status(engine, cases["s1"]) == "hidden"
    # Not yet delivered: undo cancels the pending effect, whatever the channel can do.
    second = do_hide(ctx, _detail_comment(engine, cases["s2"]), by=mina, reason="spam")
    do_undo(ctx, second.audit_id, by=mina)
    assert _comment_status(engine, cases["s2"]) == "visible"
    # The channel refused it (unsupported): it never got there, so undo is local too.
    third = do_hide(ctx, _detail_comment(engine, cases["s2"]), by=mina, reason="spam")
    (refused,) = [i for i in Outbox(engine).pending() if i.audit_id == third.audit_id]
    Outbox(engine).mark_unsupported(refused, "instagram cannot hide replies", clock())
    do_undo(ctx, third.audit_id, by=mina)
    assert _comment_status(engine, cases["s2"]) == "visible"
