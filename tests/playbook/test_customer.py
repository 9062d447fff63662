"""Angry customer vs troll, and the same author writing again about an open problem."""

from __future__ import annotations

from datetime import timedelta

from comity.domain import ActionKind as A
from comity.domain import Case, CaseStatus, Priority, Queue
from comity.domain import Category as C
from comity.playbook import AuthorContext, loads_config
from tests.playbook.helpers import WED_10, automatic, hit, kinds, plan, triage

MODERATION = {A.REMIND, A.MONITOR, A.HIDE, A.DELETE, A.MUTE, A.BAN}
SWEARING = triage(C.TOXIC, "toxic: insult: 개빡치네, insult 0.91")
BAITING = triage(C.TROLL, "troll: baiting, toxicity 0.88")


def open_case() -> Case:
    return Case(comment_id=7, queue=Queue.NEEDS_REPLY, priority=Priority.P1)


def test_swearing_customer_with_an_open_case_gets_help_first_and_p1() -> None:
    author = AuthorContext(strikes=2, open_cases=(open_case(),))
    result = plan(SWEARING, author=author)
    assert kinds(result) == [A.HELP]
    assert (result.queue, result.priority) == (Queue.NEEDS_REPLY, Priority.P1)
    assert result.due_at == WED_10 + timedelta(minutes=30)
    assert result.reason.startswith("angry customer, not a troll (1 open case): toxic, insult")


def test_swearing_complaint_in_the_same_comment_is_never_moderated() -> None:
    angry = triage(C.TROLL, "troll: baiting", secondary=(C.COMPLAINT,))
    result = plan(angry, author=AuthorContext(strikes=6))
    assert kinds(result)[0] is A.HELP and not MODERATION & set(kinds(result))


def test_customer_who_complained_an_hour_ago_is_followed_up() -> None:
    author = AuthorContext(recent=((WED_10 - timedelta(hours=1), C.COMPLAINT),))
    result = plan(SWEARING, author=author)
    assert kinds(result) == [A.HELP, A.ESCALATE]
    assert result.priority is Priority.P1
    assert "complained 1 h ago" in result.reason
    assert "author wrote 2 times in 1 h" in result.reason


def test_past_problem_without_repeat_strikes_gets_the_benefit_of_the_doubt() -> None:
    result = plan(SWEARING, author=AuthorContext(strikes=1, had_complaint=True))
    assert kinds(result) == [A.HELP]
    assert "had a real problem before, 1 strike" in result.reason


def test_rule_hits_on_a_customer_wait_for_a_person_after_the_help() -> None:
    config = loads_config("rules: {automatic: [hide]}")
    author = AuthorContext(open_cases=(open_case(),))
    result = plan(SWEARING, author=author, hits=[hit("hide")], config=config)
    assert kinds(result) == [A.HELP, A.HIDE] and automatic(result) == []
    assert result.queue is Queue.NEEDS_REPLY and result.priority is Priority.P1


def test_baiting_repeat_offender_is_hidden_and_muted_per_ladder() -> None:
    result = plan(BAITING, author=AuthorContext(strikes=3))
    assert kinds(result) == [A.HIDE, A.MUTE]
    assert (result.queue, result.priority) == (Queue.MODERATION, Priority.P3)
    assert result.reason == "troll: baiting, toxicity 0.88; 3 strikes, hide + mute per ladder"


def test_an_old_complaint_does_not_excuse_a_repeat_offender() -> None:
    author = AuthorContext(strikes=3, had_complaint=True)
    assert kinds(plan(BAITING, author=author)) == [A.HIDE, A.MUTE]


def test_a_closed_case_does_not_excuse_a_troll() -> None:
    closed = Case(
        comment_id=7, queue=Queue.NEEDS_REPLY, priority=Priority.P1, status=CaseStatus.DONE
    )
    author = AuthorContext(strikes=2, open_cases=(closed,))
    assert kinds(plan(BAITING, author=author)) == [A.HIDE]


def test_ladder_steps_by_strikes() -> None:
    steps = {n: kinds(plan(BAITING, author=AuthorContext(strikes=n))) for n in (0, 1, 2, 4, 5, 9)}
    assert steps == {
        0: [A.MONITOR],
        1: [A.HIDE],
        2: [A.HIDE],
        4: [A.HIDE, A.MUTE],
        5: [A.HIDE, A.BAN],
        9: [A.HIDE, A.BAN],
    }


def test_first_time_toxic_gets_a_reminder() -> None:
    assert kinds(plan(SWEARING)) == [A.REMIND]


def test_switching_the_distinction_off_moderates_everyone() -> None:
    config = loads_config("angry_customer: {enabled: false}")
    author = AuthorContext(strikes=3, open_cases=(open_case(),))
    assert kinds(plan(BAITING, author=author, config=config)) == [A.HIDE, A.MUTE]


def test_second_question_within_hours_is_bumped_and_escalated() -> None:
    author = AuthorContext(recent=((WED_10 - timedelta(minutes=95), C.QUESTION),))
    result = plan(triage(C.QUESTION, "question: opening hours"), author=author)
    assert result.priority is Priority.P1
    assert kinds(result) == [A.ANSWER, A.ESCALATE]
    assert result.reason == "question: opening hours; author wrote 2 times in 2 h, P2→P1"


def test_older_or_unrelated_comments_do_not_bump() -> None:
    old = AuthorContext(recent=((WED_10 - timedelta(hours=4), C.QUESTION),))
    happy = AuthorContext(recent=((WED_10 - timedelta(hours=1), C.PRAISE),))
    for author in (old, happy):
        result = plan(C.QUESTION, author=author)
        assert result.priority is Priority.P2 and kinds(result) == [A.ANSWER]


def test_follow_up_window_and_bump_are_configurable() -> None:
    config = loads_config("follow_up: {window: 6h, bump: 2, escalate: false}")
    author = AuthorContext(recent=((WED_10 - timedelta(hours=4), C.COMPLAINT),))
    result = plan(C.MISINFORMATION, author=author, config=config)
    assert result.priority is Priority.P2  # misinformation is not a follow-up category
    result = plan(C.QUESTION, author=author, config=config)
    assert result.priority is Priority.P1 and kinds(result) == [A.ANSWER]
