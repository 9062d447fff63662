"""Which steps run without a person: by category, signal and threshold."""

from __future__ import annotations

import pytest

from comity.domain import ActionKind as A
from comity.domain import Category as C
from comity.domain import LegalSub, Priority, Queue
from comity.playbook import loads_config
from tests.playbook.helpers import automatic, kinds, plan, triage


def spam(score: float, **fields: object) -> object:
    return triage(C.SPAM, "spam: advertising", signals={"spam": score}, **fields)


@pytest.mark.parametrize("score", [0.9, 0.97])
def test_confident_spam_is_hidden_automatically_and_done(score: float) -> None:
    result = plan(triage(C.SPAM, "spam: advertising", signals={"spam": score}))
    assert kinds(result) == automatic(result) == [A.HIDE]
    assert result.queue is Queue.DONE and result.due_at is None
    assert f"hidden automatically (spam {score:.2f})" in result.reason


def test_confident_fraud_is_deleted_automatically() -> None:
    result = plan(triage(C.SPAM, "spam: phishing", signals={"spam": 0.99}, action=A.DELETE))
    assert automatic(result) == [A.DELETE]
    assert result.queue is Queue.DONE


def test_unsure_spam_waits_for_a_person() -> None:
    result = plan(triage(C.SPAM, "spam: advertising", signals={"spam": 0.85}))
    assert kinds(result) == [A.HIDE] and automatic(result) == []
    assert (result.queue, result.priority) == (Queue.MODERATION, Priority.P3)
    assert result.due_at is not None
    assert "spam 0.85 < 0.90, a person decides" in result.reason


def test_spam_without_a_signal_waits_for_a_person() -> None:
    assert automatic(plan(C.SPAM)) == []


def test_confident_threat_is_hidden_now_and_removed_by_a_person() -> None:
    result = plan(
        triage(
            C.LEGAL,
            "legal: threat of violence",
            legal_sub=LegalSub.THREAT,
            signals={"threat": 0.96, "toxicity": 0.99},
        )
    )
    assert [(a.kind, a.automatic) for a in result.actions] == [(A.HIDE, True), (A.REMOVE, False)]
    assert (result.queue, result.priority) == (Queue.LEGAL, Priority.P1)


def test_personal_data_has_no_signal_so_a_person_decides() -> None:
    result = plan(
        triage(
            C.LEGAL,
            "legal: a phone number",
            legal_sub=LegalSub.PERSONAL_RIGHTS,
            signals={"toxicity": 0.99},
        )
    )
    assert automatic(result) == [] and kinds(result) == [A.REMOVE, A.ESCALATE]


@pytest.mark.parametrize("category", [C.TOXIC, C.TROLL, C.COMPLAINT, C.PRAISE])
def test_other_categories_never_act_alone_by_default(category: C) -> None:
    loud = {"spam": 1.0, "toxicity": 1.0, "threat": 1.0, "identity_attack": 1.0}
    assert automatic(plan(triage(category, signals=loud))) == []


def test_threshold_is_configurable() -> None:
    config = loads_config("categories: {spam: {automatic: {threshold: 0.8}}}")
    result = plan(triage(C.SPAM, signals={"spam": 0.85}), config=config)
    assert automatic(result) == [A.HIDE]


def test_automation_can_be_switched_off() -> None:
    config = loads_config("categories: {spam: {automatic: null}}")
    assert automatic(plan(triage(C.SPAM, signals={"spam": 1.0}), config=config)) == []


def test_automation_can_be_added_to_another_category() -> None:
    config = loads_config(
        "categories: {praise: {automatic: {actions: [like], signals: [sentiment_positive],"
        " threshold: 0.95}}}"
    )
    result = plan(triage(C.PRAISE, signals={"sentiment_positive": 0.99}), config=config)
    assert [(a.kind, a.automatic) for a in result.actions] == [(A.LIKE, True), (A.THANK, False)]
    assert result.queue is Queue.NEEDS_REPLY  # the thank-you still needs a person
