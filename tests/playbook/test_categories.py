"""Every category lands in the right queue, with the right priority and first steps."""

from __future__ import annotations

from datetime import timedelta

import pytest

from comity.domain import ActionKind as A
from comity.domain import Category as C
from comity.domain import LegalSub, Priority, Queue
from tests.playbook.helpers import WED_10, kinds, plan, triage

EXPECTED: list[tuple[C, Queue, Priority, list[A]]] = [
    (C.COMPLAINT, Queue.NEEDS_REPLY, Priority.P1, [A.HELP]),
    (C.LEGAL, Queue.LEGAL, Priority.P1, [A.REMOVE]),
    (C.MISINFORMATION, Queue.NEEDS_REPLY, Priority.P2, [A.CORRECT]),
    (C.QUESTION, Queue.NEEDS_REPLY, Priority.P2, [A.ANSWER]),
    (C.FEEDBACK, Queue.FEEDBACK, Priority.P3, [A.RECORD, A.THANK]),
    (C.TOXIC, Queue.MODERATION, Priority.P3, [A.REMIND]),
    (C.TROLL, Queue.MODERATION, Priority.P3, [A.MONITOR]),
    (C.SPAM, Queue.MODERATION, Priority.P3, [A.HIDE]),
    (C.PRAISE, Queue.NEEDS_REPLY, Priority.P4, [A.LIKE, A.THANK]),
    (C.FAN_CONTENT, Queue.FAN_CONTENT, Priority.P4, [A.LIKE, A.SHARE]),
    (C.CREATIVE_CRITIQUE, Queue.SHOWCASE, Priority.P4, [A.LIKE, A.SHOWCASE]),
    (C.CAMPAIGN, Queue.CAMPAIGN, Priority.P4, [A.LIKE]),
    (C.NEUTRAL, Queue.DONE, Priority.P4, [A.NONE]),
]
TARGET = {
    Priority.P1: timedelta(minutes=30),
    Priority.P2: timedelta(hours=2),
    Priority.P3: timedelta(hours=8),
}


def test_the_table_covers_every_category() -> None:
    assert {row[0] for row in EXPECTED} == set(C)


@pytest.mark.parametrize(("category", "queue", "priority", "steps"), EXPECTED)
def test_category_defaults(category: C, queue: Queue, priority: Priority, steps: list[A]) -> None:
    result = plan(category)
    assert (result.queue, result.priority, kinds(result)) == (queue, priority, steps)
    assert not any(action.automatic for action in result.actions)
    assert result.reason.startswith(category.value)


@pytest.mark.parametrize("priority", list(TARGET))
def test_due_inside_business_hours_is_the_plain_target(priority: Priority) -> None:
    category = next(row[0] for row in EXPECTED if row[2] is priority)
    # Wednesday 10:00 in Seoul plus at most 8 hours stays inside 09:00-18:00.
    assert plan(category).due_at == WED_10 + TARGET[priority]


def test_nothing_to_do_has_no_due_time() -> None:
    assert plan(C.NEUTRAL).due_at is None


def test_praise_waits_until_after_the_weekend() -> None:
    # P4 is 48 business hours: Wednesday 10:00 plus 5 days of 9 h and 3 h more.
    due = plan(C.PRAISE).due_at
    assert due is not None and due == WED_10 + timedelta(days=7, hours=3)


def test_personal_rights_go_to_legal_review() -> None:
    result = plan(triage(C.LEGAL, "legal: names a barista", legal_sub=LegalSub.PERSONAL_RIGHTS))
    assert kinds(result) == [A.REMOVE, A.ESCALATE]
    assert "legal review (legal.personal_rights)" in result.reason


def test_fraud_spam_is_deleted_not_hidden() -> None:
    result = plan(triage(C.SPAM, "spam: phishing", action=A.DELETE))
    assert kinds(result) == [A.DELETE]


def test_reason_keeps_the_triage_detail() -> None:
    result = plan(triage(C.COMPLAINT, "complaint: late delivery, complaint 0.93"))
    assert result.reason == "complaint: late delivery, complaint 0.93"
