"""Run the whole pipeline in memory over labelled records (for `comity eval --pipeline`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from comity.domain import ActionKind, Author, Comment, WorkItem, check_order
from comity.netiquette import RuleHolder, RuleSet, netiquette_stage
from comity.netiquette.stage import InMemoryHistory as RuleHistory
from comity.playbook import InMemoryHistory as PlanHistory
from comity.playbook import PlaybookConfig, playbook_stage
from comity.triage import Triager
from comity.triage.stage import triage_stage

# Evaluation records carry no times; every comment is judged as written at this moment.
WRITTEN_AT = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)


def _comment(record: Mapping[str, Any], index: int) -> tuple[Comment, Comment | None]:
    context = dict(record.get("context") or {})
    channel = str(record.get("channel") or "other")
    strikes = int(context.get("author_strikes") or 0)
    author = Author(channel=channel, handle=f"author-{index}", strikes=strikes)
    comment = Comment(
        channel=channel,
        external_id=str(record.get("id", index)),
        author=author,
        text=str(record["text"]),
        created_at=WRITTEN_AT,
        lang=record.get("lang"),
        media=("https://media.invalid/attached",) if context.get("has_media") else (),
        context={"campaign": context.get("campaign")},
    )
    parent = None
    if context.get("reply_to"):
        parent = Comment(
            channel=channel,
            external_id=f"parent-{index}",
            author=Author(channel=channel, handle=f"parent-author-{index}"),
            text=str(context["reply_to"]),
            created_at=WRITTEN_AT - timedelta(hours=1),
        )
    return comment, parent


def plan_records(
    records: Sequence[Mapping[str, Any]],
    triager: Triager,
    rules: RuleSet,
    playbook: PlaybookConfig,
) -> list[WorkItem]:
    """Triage, judge and plan each record, its author's strikes taken from its context."""
    rule_history = RuleHistory()
    plan_history = PlanHistory()
    items = []
    for index, record in enumerate(records):
        comment, parent = _comment(record, index)
        for day in range(comment.author.strikes):
            rule_history.add_strike(
                comment.channel, comment.author.handle, WRITTEN_AT - timedelta(days=day + 1)
            )
        plan_history.set_strikes(comment.channel, comment.author.handle, comment.author.strikes)
        items.append(WorkItem(comment=comment, parent=parent))
    stages = [
        triage_stage(triager),
        netiquette_stage(RuleHolder(rules), rule_history),
        playbook_stage(playbook, plan_history, lambda: WRITTEN_AT),
    ]
    check_order(stages)
    for stage in stages:
        stage.run(items)
    return items


# The step that names a plan, as TAXONOMY.md's action column does: "like and share" is a
# share, "hide, then mute" a mute, an automatic hide before the statement of reasons a remove.
_DEFINING = (
    ActionKind.REMOVE,
    ActionKind.BAN,
    ActionKind.MUTE,
    ActionKind.DELETE,
    ActionKind.HIDE,
    ActionKind.HELP,
    ActionKind.CORRECT,
    ActionKind.ANSWER,
    ActionKind.RECORD,
    ActionKind.SHARE,
    ActionKind.SHOWCASE,
    ActionKind.REMIND,
    ActionKind.MONITOR,
    ActionKind.THANK,
    ActionKind.LIKE,
    ActionKind.ESCALATE,
)


def defining_action(item: WorkItem) -> ActionKind:
    """The plan's action in the taxonomy's sense (its most consequential step)."""
    if item.plan is None or not item.plan.actions:
        return ActionKind.NONE
    kinds = {step.kind for step in item.plan.actions}
    return next((kind for kind in _DEFINING if kind in kinds), item.plan.actions[0].kind)
