"""Netiquette rule hits add or override moderation steps and can route a comment."""

from __future__ import annotations

from comity.domain import ActionKind as A
from comity.domain import Category as C
from comity.domain import Priority, Queue, RuleHit
from comity.playbook import AuthorContext, loads_config
from tests.playbook.helpers import automatic, hit, kinds, plan, triage


def test_hide_hit_on_praise_becomes_a_hide_step_with_the_rules_reason() -> None:
    result = plan(C.PRAISE, hits=[hit("hide", "no-personal-data", "shares a phone number")])
    assert kinds(result) == [A.HIDE]  # nobody likes a comment that is being hidden
    assert (result.queue, result.priority) == (Queue.MODERATION, Priority.P3)
    assert "rule no-personal-data: hide, shares a phone number" in result.reason


def test_hide_hit_on_a_question_still_answers_first() -> None:
    result = plan(C.QUESTION, hits=[hit("hide")])
    assert kinds(result) == [A.ANSWER, A.HIDE]
    assert (result.queue, result.priority) == (Queue.NEEDS_REPLY, Priority.P2)


def test_hide_hit_joins_the_ladders_reminder() -> None:
    assert kinds(plan(C.TOXIC, hits=[hit("hide")])) == [A.HIDE, A.REMIND]


def test_a_stronger_rule_step_overrides_the_ladder() -> None:
    assert kinds(plan(C.TOXIC, hits=[hit("ban")])) == [A.HIDE, A.BAN]
    two_strikes = AuthorContext(strikes=2)
    assert kinds(plan(C.TROLL, hits=[hit("mute")], author=two_strikes)) == [A.HIDE, A.MUTE]


def test_a_weaker_rule_step_does_not_undo_the_ladder() -> None:
    four_strikes = AuthorContext(strikes=4)
    assert kinds(plan(C.TOXIC, hits=[hit("remind")], author=four_strikes)) == [A.HIDE, A.MUTE]


def test_delete_hit_upgrades_a_hide() -> None:
    assert kinds(plan(C.SPAM, hits=[hit("delete")])) == [A.DELETE]


def test_delete_hit_keeps_the_automatic_hide_and_asks_a_person() -> None:
    result = plan(triage(C.SPAM, signals={"spam": 0.99}), hits=[hit("delete")])
    assert [(a.kind, a.automatic) for a in result.actions] == [(A.HIDE, True), (A.DELETE, False)]
    assert result.queue is Queue.MODERATION


def test_flag_with_a_queue_routes_there() -> None:
    result = plan(C.NEUTRAL, hits=[hit("flag:legal", "brand-names", "names a competitor")])
    assert result.queue is Queue.LEGAL and result.due_at is not None
    assert "flagged by rule brand-names: names a competitor" in result.reason


def test_a_rule_files_queue_on_the_hit_routes_there() -> None:
    # netiquette/ruleset.py puts a rule's `queue: legal` on the hit, the action stays `flag`.
    threat = RuleHit(rule_id="threats", action="flag", severity=5, reason="x", queue="legal")
    assert plan(C.NEUTRAL, hits=[threat]).queue is Queue.LEGAL


def test_plain_and_unknown_flags_need_a_person() -> None:
    assert plan(C.NEUTRAL, hits=[hit("flag")]).queue is Queue.MODERATION
    assert plan(C.NEUTRAL, hits=[hit("shadowban")]).queue is Queue.MODERATION


def test_escalate_hit_comes_last() -> None:
    assert kinds(plan(C.COMPLAINT, hits=[hit("escalate")])) == [A.HELP, A.ESCALATE]


def test_a_step_for_a_person_never_leaves_a_plan_in_done() -> None:
    result = plan(C.NEUTRAL, hits=[hit("escalate")])
    assert kinds(result) == [A.ESCALATE]
    assert result.queue is Queue.MODERATION and result.due_at is not None


def test_labels_change_nothing() -> None:
    result = plan(C.NEUTRAL, hits=[hit("label:campaign-talk")])
    assert (result.queue, kinds(result)) == (Queue.DONE, [A.NONE])


def test_rules_act_alone_only_when_configured() -> None:
    assert automatic(plan(C.NEUTRAL, hits=[hit("hide")])) == []
    config = loads_config("rules: {automatic: [hide]}")
    result = plan(C.NEUTRAL, hits=[hit("hide")], config=config)
    assert automatic(result) == [A.HIDE] and result.queue is Queue.DONE
