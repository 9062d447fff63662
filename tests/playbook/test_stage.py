"""The playbook pipeline stage over work items, with an in-memory author history."""

from __future__ import annotations

from datetime import datetime, timedelta

from comity.domain import ActionKind, Case, Category, Priority, Queue, WorkItem, check_order
from comity.domain.pipeline import Stage
from comity.playbook import InMemoryHistory, PlaybookConfig, loads_config, playbook_stage
from tests.playbook.helpers import DEFAULTS, WED_10, comment, kinds, triage

LATER = WED_10 + timedelta(hours=3)


def stage(history: InMemoryHistory | None = None, config: PlaybookConfig = DEFAULTS) -> Stage:
    return playbook_stage(config, history or InMemoryHistory(), lambda: LATER)


def item(category: Category, at: datetime = WED_10, handle: str = "minji") -> WorkItem:
    return WorkItem(comment=comment(at, handle), triage=triage(category), rule_hits=())


def test_declares_what_it_needs_and_gives() -> None:
    playbook = stage()
    assert (playbook.name, playbook.requires, playbook.assigns) == (
        "playbook",
        ("comment", "triage", "rule_hits"),
        ("plan",),
    )
    fake_netiquette = Stage("netiquette", ("triage",), ("rule_hits",), lambda items: None)
    fake_triage = Stage("triage", ("comment",), ("triage",), lambda items: None)
    check_order([fake_triage, fake_netiquette, playbook])


def test_plans_each_item_once_and_skips_untriaged_ones() -> None:
    items = [item(Category.QUESTION), WorkItem(comment=comment(handle="joon"))]
    playbook = stage()
    playbook.run(items)
    first = items[0].plan
    assert first is not None and first.queue is Queue.NEEDS_REPLY
    assert items[1].plan is None
    playbook.run(items)
    assert items[0].plan is first


def test_missing_rule_hits_count_as_none() -> None:
    work = WorkItem(comment=comment(), triage=triage(Category.PRAISE), rule_hits=None)
    stage().run([work])
    assert work.plan is not None and kinds(work.plan) == [ActionKind.LIKE, ActionKind.THANK]


def test_history_comes_from_the_author_history() -> None:
    history = InMemoryHistory()
    history.add_comment("instagram", "minji", WED_10 - timedelta(hours=2), Category.COMPLAINT)
    history.add_comment("instagram", "other", WED_10 - timedelta(hours=1), Category.COMPLAINT)
    history.set_strikes("instagram", "troll_kim", 5)
    history.add_case(
        "instagram", "joon", Case(comment_id=1, queue=Queue.NEEDS_REPLY, priority=Priority.P1)
    )
    items = [
        item(Category.COMPLAINT),
        item(Category.TROLL, handle="troll_kim"),
        item(Category.TOXIC, handle="joon"),
    ]
    stage(history).run(items)
    complaint, troll, customer = (work.plan for work in items)
    assert complaint is not None and "author wrote 2 times in 2 h" in complaint.reason
    assert troll is not None and kinds(troll) == [ActionKind.HIDE, ActionKind.BAN]
    assert customer is not None and kinds(customer) == [ActionKind.HELP]


def test_the_comment_itself_is_not_its_own_follow_up() -> None:
    history = InMemoryHistory()
    history.add_comment("instagram", "minji", WED_10, Category.QUESTION)  # stored before planning
    work = item(Category.QUESTION)
    stage(history).run([work])
    assert work.plan is not None and work.plan.priority is Priority.P2


def test_due_counts_from_created_at_by_default() -> None:
    work = item(Category.COMPLAINT)
    stage().run([work])
    assert work.plan is not None and work.plan.due_at == WED_10 + timedelta(minutes=30)


def test_due_can_count_from_when_the_comment_was_received() -> None:
    config = loads_config("sla: {start: received_at}")
    work = item(Category.COMPLAINT)
    stage(config=config).run([work])
    assert work.plan is not None and work.plan.due_at == LATER + timedelta(minutes=30)


def test_earlier_comments_in_the_same_batch_count_as_history() -> None:
    # The store may not hold the first comment's category yet when both arrive together.
    first = item(Category.QUESTION, WED_10 - timedelta(minutes=40))
    second = item(Category.QUESTION)
    stage().run([second, first])
    assert first.plan is not None and first.plan.priority is Priority.P2
    assert second.plan is not None and second.plan.priority is Priority.P1
    assert "author wrote 2 times in 40 min" in second.plan.reason
