"""Crisis mode as pure policy: hold, route to the Crisis queue, propose the holding statement.

While crisis mode is on (for the brand or for one campaign), every new comment in its scope

* on a channel that supports pre-moderation is held for review (CommentStatus.HELD) instead
  of published; a comment we merely read (X, KakaoTalk) stays as it is;
* that is about the storm (negative, or on one of the storm's topics) goes to the Crisis
  queue with its own around-the-clock SLA and the holding statement as the proposed reply;
* is never hidden automatically unless it is spam or illegal: auto-hiding critical but legal
  comments during a storm looks like censorship, so a person decides.

Nothing here is stored: the policy is a snapshot taken when the switch is turned on, and
turning it off simply stops applying it, which restores the previous behaviour.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from comity.domain import (
    ActionKind,
    Comment,
    CommentStatus,
    PlannedAction,
    Priority,
    Queue,
    Stage,
    Triage,
    WorkItem,
)
from comity.monitoring.config import CrisisConfig
from comity.monitoring.events import classify

_CENSOR_LIKE = frozenset({ActionKind.HIDE, ActionKind.DELETE, ActionKind.MUTE, ActionKind.BAN})


@dataclass(frozen=True, slots=True)
class CrisisPolicy:
    """What crisis mode does while it is on; `scope` is 'brand' or 'campaign:<name>'."""

    scope: str
    started_at: float
    hold_channels: frozenset[str] = frozenset()
    keep_auto_hide_for: frozenset[str] = frozenset({"spam", "legal"})
    sla_minutes: int = 30
    topic_terms: tuple[str, ...] = ()
    holding: dict[str, str] = field(default_factory=dict)
    reason: str = ""

    @classmethod
    def create(
        cls,
        scope: str,
        started_at: float,
        config: CrisisConfig,
        holding: dict[str, str],
        topic_terms: Sequence[str] = (),
        reason: str = "",
    ) -> CrisisPolicy:
        if scope != "brand" and not (scope.startswith("campaign:") and len(scope) > 9):
            raise ValueError("crisis scope must be 'brand' or 'campaign:<name>'")
        return cls(
            scope=scope,
            started_at=started_at,
            hold_channels=config.hold_channels,
            keep_auto_hide_for=config.keep_auto_hide_for,
            sla_minutes=config.sla_minutes,
            topic_terms=tuple(topic_terms),
            holding=dict(holding),
            reason=reason,
        )

    def covers(self, comment: Comment) -> bool:
        if comment.created_at.timestamp() < self.started_at:
            return False  # only new comments; what came before keeps its plan
        if self.scope == "brand":
            return True
        return str(comment.context.get("campaign") or "") == self.scope[len("campaign:") :]

    def about_storm(self, comment: Comment, triage: Triage) -> bool:
        negative, _toxic, _misinfo = classify(
            triage.sentiment.value,
            triage.primary.value,
            float(triage.signals.get("toxicity", 0.0)),
            tuple(c.value for c in triage.secondary),
        )
        if negative:
            return True
        text = comment.text.casefold()
        return any(term.casefold() in text for term in self.topic_terms)

    def to_json(self) -> dict[str, Any]:
        return {
            "scope": self.scope,
            "started_at": self.started_at,
            "hold_channels": sorted(self.hold_channels),
            "keep_auto_hide_for": sorted(self.keep_auto_hide_for),
            "sla_minutes": self.sla_minutes,
            "topic_terms": list(self.topic_terms),
            "holding": self.holding,
            "reason": self.reason,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CrisisPolicy:
        return cls(
            scope=str(data["scope"]),
            started_at=float(data["started_at"]),
            hold_channels=frozenset(data.get("hold_channels", ())),
            keep_auto_hide_for=frozenset(data.get("keep_auto_hide_for", ("spam", "legal"))),
            sla_minutes=int(data.get("sla_minutes", 30)),
            topic_terms=tuple(data.get("topic_terms", ())),
            holding=dict(data.get("holding", {})),
            reason=str(data.get("reason", "")),
        )


def apply_crisis(item: WorkItem, policy: CrisisPolicy) -> bool:
    """Change one planned item as crisis mode says; True when anything changed."""
    comment, triage, plan = item.comment, item.triage, item.plan
    if triage is None or plan is None or not policy.covers(comment):
        return False
    changed = False
    if comment.channel in policy.hold_channels and comment.status is CommentStatus.VISIBLE:
        comment.status = CommentStatus.HELD
        changed = True
    keep_auto = triage.primary.value in policy.keep_auto_hide_for
    actions = plan.actions
    if not keep_auto and any(a.automatic and a.kind in _CENSOR_LIKE for a in actions):
        actions = tuple(
            PlannedAction(a.kind, automatic=False) if a.kind in _CENSOR_LIKE else a for a in actions
        )
        changed = True
    if policy.about_storm(comment, triage) and triage.primary.value not in ("spam", "legal"):
        lang = comment.lang or triage.lang
        statement = policy.holding.get(lang) or policy.holding.get("en") or ""
        if not any(a.kind is ActionKind.ANSWER for a in actions):
            actions = (PlannedAction(ActionKind.ANSWER), *actions)
        reason = f"crisis mode ({policy.scope}): reply with the holding statement"
        if statement:
            reason += f": “{statement}”"
        item.plan = replace(
            plan,
            actions=actions,
            queue=Queue.CRISIS,
            priority=Priority.P1,
            due_at=comment.created_at + timedelta(minutes=policy.sla_minutes),
            reason=_shorten(f"{reason} | {plan.reason}"),
        )
        return True
    if actions is not plan.actions:
        item.plan = replace(
            plan, actions=actions, reason=_shorten(f"crisis mode: a person decides | {plan.reason}")
        )
    return changed


def _shorten(text: str, limit: int = 480) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def crisis_stage(current: Callable[[], Sequence[CrisisPolicy]]) -> Stage:
    """A stage after the playbook: applies every crisis mode that is on (none: no change)."""

    def run(items: Sequence[WorkItem]) -> None:
        policies = current()
        if not policies:
            return
        for item in items:
            for policy in policies:
                if apply_crisis(item, policy):
                    break

    return Stage(name="crisis", requires=("comment", "triage", "plan"), assigns=("plan",), run=run)


def held(items: Sequence[WorkItem]) -> list[int]:
    """Stored comments crisis mode held in this batch (the runner saves their status)."""
    return [
        item.comment.id
        for item in items
        if item.comment.status is CommentStatus.HELD and item.comment.id is not None
    ]
