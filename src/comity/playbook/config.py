"""The playbook's typed configuration; `loading.py` builds it from YAML and checks it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from comity.domain import ActionKind, Category, LegalSub, Priority, Queue, Triage

PRIORITY_ORDER: tuple[Priority, ...] = (Priority.P1, Priority.P2, Priority.P3, Priority.P4)
MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class Automation:
    """When some of a category's steps may run without a person."""

    actions: frozenset[ActionKind]
    signals: tuple[str, ...]
    threshold: float

    def confidence(self, triage: Triage) -> tuple[str, float] | None:
        """The strongest of the configured signals the triage carries, if any."""
        found = [
            (name, float(triage.signals[name])) for name in self.signals if name in triage.signals
        ]
        return max(found, key=lambda pair: pair[1]) if found else None

    def allows(self, triage: Triage) -> bool:
        best = self.confidence(triage)
        return best is not None and best[1] >= self.threshold


@dataclass(frozen=True, slots=True)
class CategoryPolicy:
    """What the team does about one primary category, how urgently, and where."""

    actions: tuple[ActionKind, ...]
    priority: Priority
    queue: Queue
    # (minimum strikes, step), ascending; the step for the author's strikes joins `actions`.
    ladder: tuple[tuple[int, ActionKind], ...] = ()
    automation: Automation | None = None
    escalate_for: frozenset[LegalSub] = frozenset()

    def ladder_step(self, strikes: int) -> ActionKind | None:
        step: ActionKind | None = None
        for minimum, kind in self.ladder:
            if strikes >= minimum:
                step = kind
        return step


@dataclass(frozen=True, slots=True)
class BusinessHours:
    """When the team works; SLA clocks only run inside these hours."""

    timezone: str = "Asia/Seoul"
    days: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday is 0, as in date.weekday()
    opens: int = 9 * 60  # minutes after local midnight
    closes: int = 18 * 60  # may be 1440 (midnight at the end of the day)
    holidays: frozenset[date] = frozenset()
    always_open: bool = False

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def is_open_day(self, day: date) -> bool:
        return day.weekday() in self.days and day not in self.holidays

    def window(self, day: date) -> tuple[datetime, datetime]:
        """The day's opening and closing moments in UTC (real time, so DST days stay right)."""
        zone = self.zone

        def at(minutes: int) -> datetime:
            extra, minutes = divmod(minutes, MINUTES_PER_DAY)
            wall = datetime.combine(day + timedelta(days=extra), time(*divmod(minutes, 60)))
            return wall.replace(tzinfo=zone).astimezone(UTC)

        return at(self.opens), at(self.closes)


@dataclass(frozen=True, slots=True)
class ServiceLevels:
    """Response targets per priority, counted in business time."""

    targets: Mapping[Priority, timedelta]
    hours: BusinessHours


@dataclass(frozen=True, slots=True)
class Sla:
    default: ServiceLevels
    channels: Mapping[str, ServiceLevels] = field(default_factory=dict)
    # created_at: the customer's wait starts when they post; received_at: when Comity saw it.
    start: Literal["created_at", "received_at"] = "created_at"

    def for_channel(self, channel: str) -> ServiceLevels:
        return self.channels.get(channel, self.default)


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The same author writing again about an open problem soon after is more urgent."""

    window: timedelta = timedelta(hours=3)
    categories: frozenset[Category] = frozenset({Category.COMPLAINT, Category.QUESTION})
    bump: int = 1
    escalate: bool = True


@dataclass(frozen=True, slots=True)
class AngryCustomer:
    """Telling a swearing customer with a real problem from a troll."""

    enabled: bool = True
    # From this many strikes on, an old complaint alone no longer makes someone a customer.
    troll_strikes: int = 2


@dataclass(frozen=True, slots=True)
class RulePolicy:
    """How netiquette rule hits join the plan."""

    automatic: frozenset[ActionKind] = frozenset()
    # A rule that adds a moderation step raises priority to at least this.
    priority: Priority = Priority.P3


@dataclass(frozen=True, slots=True)
class PlaybookConfig:
    categories: Mapping[Category, CategoryPolicy]
    sla: Sla
    follow_up: FollowUp = FollowUp()
    angry_customer: AngryCustomer = AngryCustomer()
    rules: RulePolicy = RulePolicy()

    def policy(self, category: Category) -> CategoryPolicy:
        return self.categories[category]


def bump_priority(priority: Priority, levels: int) -> Priority:
    """`levels` steps more urgent, never beyond P1."""
    index = PRIORITY_ORDER.index(priority)
    return PRIORITY_ORDER[max(0, index - levels)]


def most_urgent(*priorities: Priority) -> Priority:
    return min(priorities, key=PRIORITY_ORDER.index)
