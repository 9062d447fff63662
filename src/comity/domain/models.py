"""Domain objects shared by every stage; plain data, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from comity.domain.taxonomy import ActionKind, Category, LegalSub, Sentiment


class ChannelKind(StrEnum):
    INSTAGRAM = "instagram"
    YOUTUBE = "youtube"
    FACEBOOK = "facebook"
    X = "x"
    NAVER_CAFE = "naver_cafe"
    KAKAO = "kakao"
    FORUM = "forum"
    WEBSHOP_REVIEW = "webshop_review"
    OTHER = "other"


class CommentStatus(StrEnum):
    VISIBLE = "visible"
    HIDDEN = "hidden"
    DELETED = "deleted"
    HELD = "held"


class Priority(StrEnum):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"


class Queue(StrEnum):
    NEEDS_REPLY = "needs_reply"
    MODERATION = "moderation"
    LEGAL = "legal"
    FEEDBACK = "feedback"
    FAN_CONTENT = "fan_content"
    SHOWCASE = "showcase"
    CAMPAIGN = "campaign"
    CRISIS = "crisis"  # everything about a storm while crisis mode is on (monitoring)
    DONE = "done"


class Role(StrEnum):
    """What a team member may do (the inbox enforces it through comity.actions)."""

    ADMIN = "admin"
    MODERATOR = "moderator"
    AGENT = "agent"
    ANALYST = "analyst"


class CaseStatus(StrEnum):
    OPEN = "open"
    SNOOZED = "snoozed"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Channel:
    """A place comments come from, e.g. the brand's Instagram account."""

    id: str
    kind: ChannelKind = ChannelKind.OTHER
    name: str = ""


@dataclass(frozen=True, slots=True)
class Author:
    """Someone who wrote a comment, identified by their handle on one channel."""

    channel: str
    handle: str
    display_name: str = ""
    first_seen: datetime | None = None
    strikes: int = 0


@dataclass(slots=True)
class Comment:
    """One comment as the brand received it; `id` is set once stored."""

    channel: str
    external_id: str
    author: Author
    text: str
    created_at: datetime
    parent_external_id: str | None = None
    media: tuple[str, ...] = ()
    url: str | None = None
    lang: str | None = None
    context: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    status: CommentStatus = CommentStatus.VISIBLE
    id: int | None = None

    @property
    def key(self) -> tuple[str, str]:
        """The identity used for deduplication across every ingest door."""
        return (self.channel, self.external_id)


@dataclass(slots=True)
class Thread:
    """A top-level comment with its replies in time order."""

    root: Comment
    replies: list[Comment] = field(default_factory=list)


@dataclass(slots=True)
class Triage:
    """What a comment is: language, signals, categories, and why."""

    lang: str
    primary: Category
    secondary: tuple[Category, ...] = ()
    sentiment: Sentiment = Sentiment.NEUTRAL
    action: ActionKind = ActionKind.NONE
    legal_sub: LegalSub | None = None
    signals: dict[str, float] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()
    model: str = ""


@dataclass(frozen=True, slots=True)
class RuleHit:
    """A netiquette rule that matched a comment.

    `action` is what to do after the escalation ladder, `rule_action` the rule's own;
    `reason` is the public reason in the comment's language. `automatic`: a person
    already decided (an author's ban or mute), so the playbook runs the step on its own.
    """

    rule_id: str
    action: str
    severity: int
    reason: str
    explanation: str = ""
    rule_action: str = ""
    strike: bool = False
    duration: timedelta | None = None
    queue: str | None = None
    label: str | None = None
    automatic: bool = False


@dataclass(frozen=True, slots=True)
class PlannedAction:
    kind: ActionKind
    automatic: bool = False


@dataclass(slots=True)
class Plan:
    """What the team should do about a comment, and by when."""

    actions: tuple[PlannedAction, ...]
    priority: Priority
    queue: Queue
    due_at: datetime | None
    reason: str


@dataclass(frozen=True, slots=True)
class Action:
    """A state change someone (or a rule) made, as written to the audit log."""

    kind: str
    target_type: str
    target_id: str
    actor: str
    at: datetime
    reason: str = ""
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Case:
    """A comment that needs (or needed) a person, tracked through the inbox."""

    comment_id: int
    queue: Queue
    priority: Priority
    status: CaseStatus = CaseStatus.OPEN
    due_at: datetime | None = None
    assignee: str | None = None
    id: int | None = None
