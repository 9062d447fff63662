"""Builders for playbook tests: comments, triages and plans with the default playbook."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from comity.domain import ActionKind, Author, Category, Comment, Plan, RuleHit, Triage
from comity.playbook import AuthorContext, PlaybookConfig, default_config, make_plan

SEOUL = ZoneInfo("Asia/Seoul")
BERLIN = ZoneInfo("Europe/Berlin")
# A Wednesday, 10:00 in Seoul: inside the default business hours.
WED_10 = datetime(2026, 7, 1, 10, 0, tzinfo=SEOUL)
DEFAULTS = default_config()


def kinds(plan: Plan) -> list[ActionKind]:
    return [action.kind for action in plan.actions]


def automatic(plan: Plan) -> list[ActionKind]:
    return [action.kind for action in plan.actions if action.automatic]


def comment(at: datetime = WED_10, handle: str = "minji", channel: str = "instagram") -> Comment:
    return Comment(
        channel=channel,
        external_id=f"{handle}-{at.isoformat()}",
        author=Author(channel=channel, handle=handle),
        text="(not read by the playbook)",
        created_at=at,
    )


def triage(primary: Category, *reasons: str, **fields: Any) -> Triage:
    return Triage(lang="ko", primary=primary, reasons=reasons, **fields)


def hit(action: str, rule_id: str = "no-insults", reason: str = "insults staff") -> RuleHit:
    return RuleHit(rule_id=rule_id, action=action, severity=2, reason=reason)


def plan(
    primary: Category | Triage,
    *,
    hits: Sequence[RuleHit] = (),
    author: AuthorContext | None = None,
    at: datetime = WED_10,
    config: PlaybookConfig = DEFAULTS,
    channel: str = "instagram",
) -> Plan:
    """The plan for a comment of `primary` (or a full triage) with the given context."""
    result = primary if isinstance(primary, Triage) else triage(primary)
    return make_plan(comment(at, channel=channel), result, hits, author or AuthorContext(), config)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)
