"""Bans and mutes enforced on new comments: which sanction applies when, and the plan it gives."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from comity.domain import ActionKind, Category, Queue, WorkItem
from comity.netiquette import RuleHolder, netiquette_stage
from comity.netiquette.sanctions import Sanction, active_sanction, describe, sanction_hit
from comity.netiquette.stage import InMemoryHistory
from comity.playbook import AuthorContext, default_config, make_plan
from tests.netiquette.helpers import comment, one_rule, triage

BANNED_AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
BAN = Sanction("ban", BANNED_AT, "mina@haneul.example", "repeated insults", id=7)
MUTE = Sanction(
    "mute",
    BANNED_AT,
    "jun@haneul.example",
    "cool down",
    until=BANNED_AT + timedelta(days=1),
    id=8,
)


class Sanctions:
    def __init__(self, *found: Sanction) -> None:
        self.found = list(found)
        self.asked: list[tuple[str, str]] = []

    def sanctions(self, channel: str, handle: str) -> Sequence[Sanction]:
        self.asked.append((channel, handle))
        return self.found if (channel, handle) == ("instagram", "mina") else []


def test_a_ban_applies_from_its_start_until_it_is_lifted() -> None:
    assert active_sanction([BAN], BANNED_AT - timedelta(seconds=1)) is None
    assert active_sanction([BAN], BANNED_AT) is BAN
    assert active_sanction([BAN], BANNED_AT + timedelta(days=400)) is BAN
    lifted = Sanction(
        "ban", BANNED_AT, "mina@haneul.example", "x", lifted_at=BANNED_AT + timedelta(days=2)
    )
    assert active_sanction([lifted], BANNED_AT + timedelta(days=1)) is lifted
    assert active_sanction([lifted], BANNED_AT + timedelta(days=2)) is None


def test_a_mute_ends_by_itself_and_a_ban_outranks_it() -> None:
    assert active_sanction([MUTE], BANNED_AT + timedelta(hours=23)) is MUTE
    assert active_sanction([MUTE], BANNED_AT + timedelta(days=1)) is None
    later_ban = Sanction("ban", BANNED_AT + timedelta(hours=1), "mina@haneul.example", "spam")
    assert active_sanction([later_ban, MUTE], BANNED_AT + timedelta(hours=2)) is later_ban
    assert active_sanction([later_ban, MUTE], BANNED_AT + timedelta(minutes=30)) is MUTE


def test_the_reason_names_the_sanction_who_and_why() -> None:
    assert describe(BAN) == "author banned on 2026-11-20 by mina@haneul.example: repeated insults"
    assert describe(MUTE) == (
        "author muted on 2026-11-20 until 2026-11-21 09:30 UTC by jun@haneul.example: cool down"
    )
    hit = sanction_hit(BAN)
    assert (hit.rule_id, hit.action, hit.automatic, hit.strike) == (
        "sanction.ban",
        "hide",
        True,
        False,
    )


def _judge(
    sanctions: Sanctions, written_at: datetime, text: str = "오늘 라떼 맛있네요"
) -> WorkItem:
    rules = one_rule("text.words: [멍청]")
    stage = netiquette_stage(RuleHolder(rules), InMemoryHistory(), sanctions=sanctions)
    item = WorkItem(comment=comment(text, created_at=written_at), triage=triage(Category.PRAISE))
    stage.run([item])
    return item


def test_the_stage_adds_the_sanction_as_of_the_comments_time() -> None:
    sanctions = Sanctions(BAN)
    during = _judge(sanctions, BANNED_AT + timedelta(hours=3))
    assert during.rule_hits is not None
    assert [h.rule_id for h in during.rule_hits] == ["sanction.ban"]
    assert during.rule_hits[0].reason.startswith("author banned on 2026-11-20 by mina@")
    before = _judge(sanctions, BANNED_AT - timedelta(hours=3))
    assert before.rule_hits == ()
    # Rules still apply next to the sanction (the strike is the rule's, not the ban's).
    both = _judge(sanctions, BANNED_AT + timedelta(hours=3), "멍청한 가게")
    assert both.rule_hits is not None
    assert [h.rule_id for h in both.rule_hits] == ["r1", "sanction.ban"]


def test_without_sanctions_or_with_a_failing_lookup_nothing_changes() -> None:
    class Broken:
        def sanctions(self, channel: str, handle: str) -> Sequence[Sanction]:
            raise RuntimeError("database away")

    rules = one_rule("text.words: [멍청]")
    item = WorkItem(comment=comment("hi", created_at=BANNED_AT), triage=triage())
    netiquette_stage(RuleHolder(rules), InMemoryHistory(), sanctions=Broken()).run([item])
    assert item.rule_hits == ()


def test_the_playbook_plans_an_automatic_hide_and_nothing_left_for_a_person() -> None:
    c = comment("오늘 라떼 맛있네요", created_at=BANNED_AT + timedelta(hours=1))
    plan = make_plan(
        c, triage(Category.PRAISE), [sanction_hit(BAN)], AuthorContext(), default_config()
    )
    assert [(a.kind, a.automatic) for a in plan.actions] == [(ActionKind.HIDE, True)]
    assert plan.queue is Queue.DONE and plan.due_at is None
    assert "author banned on 2026-11-20 by mina@haneul.example" in plan.reason


def test_a_sanctioned_customers_complaint_is_hidden_and_still_helped() -> None:
    c = comment("환불 언제 돼요?", created_at=BANNED_AT + timedelta(hours=1))
    plan = make_plan(
        c, triage(Category.COMPLAINT), [sanction_hit(MUTE)], AuthorContext(), default_config()
    )
    steps = [(a.kind, a.automatic) for a in plan.actions]
    assert steps[0] == (ActionKind.HIDE, True)
    assert (ActionKind.HELP, False) in steps
    assert plan.queue is Queue.NEEDS_REPLY


def test_a_ladder_hide_becomes_the_automatic_one() -> None:
    c = comment("멍청한 가게", created_at=BANNED_AT + timedelta(hours=1))
    plan = make_plan(
        c, triage(Category.TOXIC), [sanction_hit(BAN)], AuthorContext(strikes=1), default_config()
    )
    hides = [a for a in plan.actions if a.kind is ActionKind.HIDE]
    assert len(hides) == 1 and hides[0].automatic
