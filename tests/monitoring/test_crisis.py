"""Crisis mode: pure policy on planned items, and on/off through the real pipeline."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from comity.actions.alerts import AlertActionError, do_set_crisis_mode
from comity.domain import (
    ActionKind,
    Author,
    Category,
    Comment,
    CommentStatus,
    Plan,
    PlannedAction,
    Priority,
    Queue,
    Sentiment,
    Stage,
    Triage,
    WorkItem,
)
from comity.ingest.service import SourceRow, ingest_rows
from comity.monitoring.config import load_config
from comity.monitoring.crisis import CrisisPolicy, crisis_stage
from comity.runtime.services import Services
from comity.store import tables as t
from comity.store.users import Role

NOW = datetime(2026, 7, 15, 3, 0, tzinfo=UTC)


def _item(channel: str, primary: Category, *, auto_hide: bool = False) -> WorkItem:
    comment = Comment(
        channel=channel, external_id="1", author=Author(channel, "someone"),
        text="they raised every price by 1000 won", created_at=NOW, lang="en",
    )  # fmt: skip
    actions = (PlannedAction(ActionKind.HIDE, automatic=auto_hide),)
    plan = Plan(actions=actions, priority=Priority.P3, queue=Queue.MODERATION, due_at=None,
                reason="rule: hide")  # fmt: skip
    triage = Triage(lang="en", primary=primary, sentiment=Sentiment.NEGATIVE)
    return WorkItem(comment=comment, triage=triage, plan=plan)


def _policy(scope: str = "brand") -> CrisisPolicy:
    config = load_config()
    holding = {"en": config.holding_statement("generic", "en")}
    return CrisisPolicy.create(
        scope, (NOW - timedelta(hours=1)).timestamp(), config.crisis, holding
    )


def test_crisis_holds_routes_and_pauses_auto_hiding() -> None:
    item = _item("instagram", Category.MISINFORMATION, auto_hide=True)
    crisis_stage(lambda: [_policy()]).run([item])
    assert item.comment.status is CommentStatus.HELD
    assert item.plan is not None
    assert item.plan.queue is Queue.CRISIS and item.plan.priority is Priority.P1
    assert item.plan.due_at == NOW + timedelta(minutes=30)
    assert not any(a.automatic for a in item.plan.actions)  # a person decides
    assert item.plan.actions[0].kind is ActionKind.ANSWER
    assert "holding statement" in item.plan.reason


def test_channels_that_cannot_hold_stay_published_and_spam_is_still_hidden() -> None:
    on_x = _item("x", Category.COMPLAINT)
    spam = _item("instagram", Category.SPAM, auto_hide=True)
    crisis_stage(lambda: [_policy()]).run([on_x, spam])
    assert on_x.comment.status is CommentStatus.VISIBLE
    assert on_x.plan is not None and on_x.plan.queue is Queue.CRISIS
    assert spam.plan is not None and spam.plan.actions[0].automatic  # spam is not censorship


def test_a_campaign_crisis_leaves_other_comments_alone() -> None:
    item = _item("instagram", Category.COMPLAINT, auto_hide=True)
    before = item.plan
    crisis_stage(lambda: [_policy("campaign:#summer")]).run([item])
    assert item.plan is before and item.comment.status is CommentStatus.VISIBLE


def test_without_crisis_mode_the_stage_changes_nothing() -> None:
    item = _item("instagram", Category.COMPLAINT, auto_hide=True)
    before = item.plan
    crisis_stage(lambda: []).run([item])
    assert item.plan is before and item.comment.status is CommentStatus.VISIBLE


def test_bad_scope_is_refused() -> None:
    with pytest.raises(ValueError, match="campaign"):
        _policy("channel:x")


@pytest.fixture
def pipeline_stages() -> list[Stage] | None:
    return None  # the real pipeline, crisis stage included


def _ingest(services: Services, external_id: str) -> tuple[str, str | None]:
    record = {"channel": "instagram", "external_id": external_id, "author": f"a{external_id}",
              "text": "전메뉴 1000원 인상이라니 진짜 실망이에요 환불해주세요",
              "created_at": datetime.now(UTC).isoformat(), "lang": "ko"}  # fmt: skip
    ingest_rows([SourceRow(1, record, json.dumps(record))], services.comments, source="test")
    services.runner.run_pending()
    with services.engine.connect() as conn:
        row = conn.execute(
            select(t.comments.c.status, t.cases.c.queue)
            .select_from(t.comments.outerjoin(t.cases, t.cases.c.comment_id == t.comments.c.id))
            .where(t.comments.c.external_id == external_id)
        ).one()
    return row.status, row.queue


def test_crisis_on_and_off_through_the_pipeline(services: Services) -> None:
    services.users.add("mod@example.com", "a long enough password", Role.MODERATOR)
    moderator = services.users.get("mod@example.com")
    assert moderator is not None and services.monitor is not None
    normal = _ingest(services, "1")
    assert normal[0] == "visible" and normal[1] != "crisis"
    do_set_crisis_mode(services.monitor, services.monitoring, True, by=moderator, reason="storm")
    assert _ingest(services, "2") == ("held", "crisis")
    with pytest.raises(AlertActionError, match="already on"):
        do_set_crisis_mode(services.monitor, services.monitoring, True, by=moderator, reason="x")
    do_set_crisis_mode(services.monitor, services.monitoring, False, by=moderator, reason="calm")
    assert _ingest(services, "3") == normal  # the previous behaviour is back


def test_switching_on_takes_the_storm_topics_from_the_open_alert(services: Services) -> None:
    from tests.monitoring.helpers import store_alert

    services.users.add("admin@example.com", "a long enough password", Role.ADMIN)
    admin = services.users.get("admin@example.com")
    assert admin is not None and services.monitor is not None
    store_alert(services.monitor)
    do_set_crisis_mode(services.monitor, services.monitoring, True, by=admin, reason="storm")
    [policy] = services.monitor.crisis_policies()
    assert policy.topic_terms == ("1000원", "인상")
    assert policy.holding["ko"]  # the holding statement travels with the policy
