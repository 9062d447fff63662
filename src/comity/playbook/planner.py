"""From a triaged comment, its rule hits and its author's history to a `Plan`."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from comity.domain import (
    ActionKind,
    CaseStatus,
    Category,
    Comment,
    Plan,
    Priority,
    Queue,
    RuleHit,
    Triage,
)
from comity.playbook.config import PlaybookConfig, bump_priority, most_urgent
from comity.playbook.history import AuthorContext
from comity.playbook.hours import add_business_time, as_utc
from comity.playbook.steps import CARE, MODERATION, Steps, read_rule_hit

MAX_REASON = 240
_MODERATED = frozenset({Category.TOXIC, Category.TROLL})
_PROBLEM_QUEUES = frozenset({Queue.NEEDS_REPLY, Queue.LEGAL})
_PAST: dict[ActionKind, str] = {
    ActionKind.HIDE: "hidden",
    ActionKind.DELETE: "deleted",
    ActionKind.MUTE: "muted",
    ActionKind.BAN: "banned",
}


@dataclass(slots=True)
class _Draft:
    category: Category
    priority: Priority
    queue: Queue
    steps: Steps = field(default_factory=Steps)
    notes: list[str] = field(default_factory=list)


def make_plan(
    comment: Comment,
    triage: Triage,
    rule_hits: Sequence[RuleHit],
    author: AuthorContext,
    config: PlaybookConfig,
    received_at: datetime | None = None,
) -> Plan:
    """The plan for one comment; pure, so the same inputs always give the same plan."""
    evidence = customer_evidence(comment, triage, author, config)
    # An angry customer is planned as the complaint they are, never moderated as a troll.
    category = Category.COMPLAINT if evidence else triage.primary
    policy = config.policy(category)
    draft = _Draft(category, policy.priority, policy.queue)
    draft.notes.append(_headline(triage, evidence))

    for kind in policy.actions:
        draft.steps.add(kind)
    if policy.ladder:
        step = policy.ladder_step(author.strikes)
        if step is not None:
            draft.steps.add(step)
        todo = " + ".join(k.value for k in draft.steps.kinds() if k in MODERATION)
        draft.notes.append(f"{_count(author.strikes, 'strike')}, {todo or 'no step'} per ladder")
    if triage.action is ActionKind.DELETE:
        draft.steps.replace(ActionKind.HIDE, ActionKind.DELETE)  # fraud: delete, not hide
    if triage.legal_sub is not None and triage.legal_sub in policy.escalate_for:
        draft.steps.add(ActionKind.ESCALATE)
        draft.notes.append(f"legal review ({triage.legal_sub.value})")

    _follow_up(draft, comment, author, config, customer=evidence is not None)
    if policy.automation is not None and evidence is None:
        _automate(draft, triage, config)
    flagged = _apply_rules(draft, rule_hits, config, customer=evidence is not None)

    actions = draft.steps.finish()
    left_for_a_person = flagged or any(
        not a.automatic and a.kind is not ActionKind.NONE for a in actions
    )
    if not left_for_a_person:
        draft.queue = Queue.DONE
    elif draft.queue is Queue.DONE:
        draft.queue = Queue.MODERATION  # done means nothing is left for anyone
    due_at = None
    if draft.queue is not Queue.DONE:
        levels = config.sla.for_channel(comment.channel)
        start = as_utc(comment.created_at)
        if config.sla.start == "received_at" and received_at is not None:
            start = max(start, as_utc(received_at))
        due_at = add_business_time(start, levels.targets[draft.priority], levels.hours)
    return Plan(
        actions=actions,
        priority=draft.priority,
        queue=draft.queue,
        due_at=due_at,
        reason=_shorten("; ".join(n for n in draft.notes if n)),
    )


def customer_evidence(
    comment: Comment, triage: Triage, author: AuthorContext, config: PlaybookConfig
) -> str | None:
    """Why toxic or trollish heat comes from a customer with a real problem, if it does."""
    rule = config.angry_customer
    if not rule.enabled or triage.primary not in _MODERATED:
        return None
    if Category.COMPLAINT in triage.secondary:
        return "complaint in the same comment"
    open_problems = [
        case
        for case in author.open_cases
        if case.queue in _PROBLEM_QUEUES and case.status is not CaseStatus.DONE
    ]
    if open_problems:
        return _count(len(open_problems), "open case")
    earlier = _within(author.recent_of(frozenset({Category.COMPLAINT})), comment, config)
    if earlier:
        return f"complained {_span(as_utc(comment.created_at) - earlier[-1])} ago"
    if author.had_complaint and author.strikes < rule.troll_strikes:
        return f"had a real problem before, {_count(author.strikes, 'strike')}"
    return None


def _headline(triage: Triage, evidence: str | None) -> str:
    detail = triage.reasons[0].strip() if triage.reasons else ""
    prefix = f"{triage.primary.value}:"
    if detail.startswith(prefix):
        detail = detail[len(prefix) :].strip()
    if evidence:
        head = f"angry customer, not a troll ({evidence})"
        return f"{head}: {triage.primary.value}, {detail}" if detail else head
    return f"{prefix} {detail}" if detail else triage.primary.value


def _within(
    moments: Sequence[datetime], comment: Comment, config: PlaybookConfig
) -> list[datetime]:
    """Earlier moments inside the follow-up window before the comment, oldest first."""
    end = as_utc(comment.created_at)
    begin = end - config.follow_up.window
    return sorted(m for m in map(as_utc, moments) if begin <= m < end)


def _follow_up(
    draft: _Draft, comment: Comment, author: AuthorContext, config: PlaybookConfig, customer: bool
) -> None:
    rule = config.follow_up
    if draft.category not in rule.categories and not customer:
        return
    earlier = _within(author.recent_of(rule.categories), comment, config)
    if not earlier:
        return
    before = draft.priority
    draft.priority = bump_priority(draft.priority, rule.bump)
    if rule.escalate:
        draft.steps.add(ActionKind.ESCALATE)
    span = _span(as_utc(comment.created_at) - earlier[0])
    note = f"author wrote {len(earlier) + 1} times in {span}"
    if draft.priority is not before:
        note += f", {before.value}→{draft.priority.value}"
    draft.notes.append(note)


def _automate(draft: _Draft, triage: Triage, config: PlaybookConfig) -> None:
    automation = config.policy(draft.category).automation
    if automation is None:
        return
    best = automation.confidence(triage)
    if best is None:
        return
    name, value = best
    if value >= automation.threshold:
        done = draft.steps.mark_automatic(automation.actions)
        if done:
            verbs = " and ".join(_PAST.get(k, k.value) for k in done)
            draft.notes.append(f"{verbs} automatically ({name} {value:.2f})")
    else:
        draft.notes.append(f"{name} {value:.2f} < {automation.threshold:.2f}, a person decides")


def _apply_rules(
    draft: _Draft, rule_hits: Sequence[RuleHit], config: PlaybookConfig, customer: bool
) -> bool:
    """Merge rule hits into the draft; True when a rule flagged the comment for a person."""
    flagged = False
    moderated = False
    for effect in map(read_rule_hit, rule_hits):
        hit = effect.hit
        if effect.step is not None:
            # A customer with a problem is never moderated without a person looking, unless a
            # person already decided (RuleHit.automatic: a sanctioned author's comment).
            automatic = effect.automatic or (effect.step in config.rules.automatic and not customer)
            draft.steps.add(effect.step, automatic)
            if effect.automatic:
                draft.steps.mark_automatic(frozenset({effect.step}))
            moderated = moderated or (effect.step in MODERATION and not automatic)
            note = f"rule {hit.rule_id}: {effect.step.value}, {hit.reason}"
            draft.notes.append(note.rstrip(", "))
        elif effect.flag:
            flagged = True
            if effect.queue is not None:
                draft.queue = effect.queue
            draft.notes.append(f"flagged by rule {hit.rule_id}: {hit.reason}".rstrip(": "))
    if moderated:
        draft.priority = most_urgent(draft.priority, config.rules.priority)
        care = any(kind in CARE for kind in draft.steps.kinds())
        if not care and draft.queue not in (Queue.LEGAL, Queue.MODERATION) and not flagged:
            draft.queue = Queue.MODERATION
    return flagged


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _span(delta: timedelta) -> str:
    minutes = max(1, math.ceil(delta.total_seconds() / 60))
    return f"{minutes} min" if minutes < 60 else f"{math.ceil(minutes / 60)} h"


def _shorten(text: str) -> str:
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1].rstrip() + "…"
