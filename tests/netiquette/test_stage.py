"""The pipeline stage with an in-memory history, and the holder's safe reloads."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from comity.domain import Comment, Stage, WorkItem, check_order
from comity.domain.pipeline import PipelineOrderError
from comity.domain.taxonomy import Category
from comity.netiquette import (
    AuthorContext,
    InMemoryHistory,
    NetiquetteHit,
    RuleHolder,
    netiquette_stage,
)
from comity.netiquette.loader import default_rules_text
from tests.netiquette.helpers import NOW, comment, one_rule, triage

DAY = timedelta(days=1)


def _noop(items: object) -> None:
    return None


def test_stage_declares_its_fields_and_must_follow_triage() -> None:
    stage = netiquette_stage(RuleHolder(), InMemoryHistory())
    assert (stage.name, stage.requires, stage.assigns) == (
        "netiquette", ("comment", "triage"), ("rule_hits",)
    )  # fmt: skip
    triage_stage = Stage("triage", ("comment",), ("triage",), _noop)
    check_order([triage_stage, stage])
    with pytest.raises(PipelineOrderError):
        check_order([stage, triage_stage])


def test_strikes_from_history_decay_and_drive_the_ladder() -> None:
    history = InMemoryHistory()
    for days_ago in (200, 40, 20, 10):  # the first has decayed after 90 days
        history.add_strike("instagram", "mina", NOW - days_ago * DAY)
    ruleset = one_rule("text.words: [idiot]", action="remind", extra="    strike: true\n")
    stage = netiquette_stage(RuleHolder(ruleset), history)
    items = [WorkItem(comment("idiot"), triage=triage(Category.TOXIC))]
    stage.run(items)
    (hit,) = items[0].rule_hits or ()
    assert isinstance(hit, NetiquetteHit)
    assert (hit.action, hit.rule_action, hit.duration) == ("mute", "remind", 7 * DAY)
    assert hit.strike is True


def test_repeated_reads_recent_texts_but_not_the_comment_itself() -> None:
    history = InMemoryHistory()
    promo = "cheap tumblers at my shop today"
    earlier = [comment(promo, created_at=NOW - timedelta(minutes=m)) for m in (30, 10)]
    current = comment(promo)
    for c in [*earlier, current]:  # the store holds the current comment already
        history.add_comment(c)
    stage = netiquette_stage(RuleHolder(one_rule("repeated: {count: 3, within: 1h}")), history)
    item = WorkItem(current, triage=triage())
    stage.run([item])
    assert [h.rule_id for h in item.rule_hits or ()] == ["r1"]
    fresh = WorkItem(comment(promo, handle="someone_else"), triage=triage())
    stage.run([fresh])
    assert fresh.rule_hits == ()


def test_stage_skips_judged_items_and_survives_a_broken_history() -> None:
    class Broken(InMemoryHistory):
        def strike_times(self, channel: str, handle: str) -> Sequence[datetime]:
            raise OSError("database away")

    stage = netiquette_stage(RuleHolder(one_rule("has_links: true")), Broken())
    done = WorkItem(comment("a.com"), rule_hits=())
    todo = WorkItem(comment("a.com"))
    stage.run([done, todo])
    assert done.rule_hits == ()
    assert [h.rule_id for h in todo.rule_hits or ()] == ["r1"]


def test_first_seen_from_history_feeds_account_age() -> None:
    history = InMemoryHistory()
    history.add_comment(comment("hello", created_at=NOW - timedelta(hours=5)))
    stage = netiquette_stage(RuleHolder(one_rule('author.account_age_days: {"<": 1}')), history)
    item = WorkItem(comment("promo"))
    stage.run([item])
    assert [h.rule_id for h in item.rule_hits or ()] == ["r1"]


def test_holder_keeps_the_previous_rules_when_a_reload_fails(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(default_rules_text(), encoding="utf-8")
    holder = RuleHolder()
    assert holder.reload(path) == []
    good = holder.current
    broken = default_rules_text().replace("    action: hide\n", "    action: hyde\n", 1)
    path.write_text(broken, "utf-8")
    problems = holder.reload()
    assert [p.code for p in problems] == ["R007"] and holder.last_problems == problems
    assert holder.current is good
    path.write_text(default_rules_text().replace("id: no-spam", "id: no-ads"), "utf-8")
    assert holder.reload() == [] and holder.current.rule("no-ads") is not None


def _judge(holder: RuleHolder, c: Comment) -> list[str]:
    item = WorkItem(c)
    netiquette_stage(holder, InMemoryHistory()).run([item])
    return [h.rule_id for h in item.rule_hits or ()]


def test_default_rules_judge_a_few_typical_comments() -> None:
    holder = RuleHolder()
    assert _judge(holder, comment("유자에이드 너무 맛있어요")) == []
    assert _judge(holder, comment("맞팔 선팔 환영해요")) == ["no-spam"]
    assert _judge(holder, comment("야 시1발 꺼져")) == ["no-insults"]
    assert _judge(holder, comment("이 사람 번호 010-2345-6789 임")) == ["no-personal-data"]


def test_default_rules_watch_first_time_trolls_and_hide_repeat_ones() -> None:
    ruleset = RuleHolder().current
    troll = triage(Category.TROLL)
    first = ruleset.evaluate(comment("boring brand lol"), troll)
    assert first == []
    (hit,) = ruleset.evaluate(comment("boring brand lol"), troll, AuthorContext(strikes=2))
    assert (hit.rule_id, hit.action) == ("no-trolling", "hide")
    (hit,) = ruleset.evaluate(comment("boring brand lol"), troll, AuthorContext(strikes=5))
    assert hit.action == "ban"


def test_default_rules_leave_an_angry_customer_to_the_inbox() -> None:
    ruleset = RuleHolder().current
    angry = triage(Category.COMPLAINT, secondary=(Category.TOXIC,), lang="ko", insult=0.9)
    assert ruleset.evaluate(comment("시발 배송 2주째 안 와요"), angry) == []
