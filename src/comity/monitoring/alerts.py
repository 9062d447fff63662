"""Alerts as people see them: what, where, since when, how big, and what to do first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from comity.monitoring.config import LEVELS, AlertPolicy, MonitoringConfig
from comity.monitoring.detector import ENDED, AlertEvent

OPEN, ACKNOWLEDGED, RESOLVED = "open", "acknowledged", "resolved"
STATUSES = (OPEN, ACKNOWLEDGED, RESOLVED)
MAX_TIMELINE = 576  # two days of 5-minute bins
MAX_TOPICS = 5


def level_rank(level: str | None) -> int:
    return LEVELS.index(level) + 1 if level in LEVELS else 0


def at_time(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


@dataclass(slots=True)
class Alert:
    """One alert episode of one scope, as stored and shown."""

    key: str
    scope: str
    level: str
    peak: str
    topic: str
    since: datetime
    last_at: datetime
    observed: int
    expected: float
    score: float
    details: dict[str, Any] = field(default_factory=dict)
    status: str = OPEN
    active: bool = True
    ended_at: datetime | None = None
    note: str = ""
    notified_at: datetime | None = None
    notified_level: str | None = None
    id: int | None = None

    @property
    def ratio(self) -> float | None:
        return round(self.observed / self.expected, 1) if self.expected else None

    @property
    def scope_label(self) -> str:
        kind, _, name = self.scope.partition(":")
        if kind == "brand":
            return "whole brand"
        if kind == "topic":
            return f"topic “{self.topic}”"
        return f"{kind} {name}"

    @property
    def topics(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.details.get("topics", [])
        return found

    @property
    def channels(self) -> list[tuple[str, int]]:
        return [(str(c), int(n)) for c, n in self.details.get("channels", [])]

    @property
    def authors(self) -> list[tuple[str, int]]:
        return [(str(a), int(n)) for a, n in self.details.get("authors", [])]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "scope": self.scope,
            "level": self.level,
            "peak": self.peak,
            "status": self.status,
            "active": self.active,
            "topic": self.topic,
            "since": self.since.isoformat(),
            "last_at": self.last_at.isoformat(),
            "ended_at": self.ended_at.isoformat() if self.ended_at else None,
            "observed": self.observed,
            "expected": round(self.expected, 2),
            "ratio": self.ratio,
            "topics": [
                {k: v for k, v in topic.items() if k != "examples"}
                | {"examples": topic.get("examples", [])}
                for topic in self.topics
            ],
            "channels": [{"channel": c, "negatives": n} for c, n in self.channels],
            "authors": [{"author": a, "negatives": n} for a, n in self.authors],
            "note": self.note,
        }


def merge_details(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The new snapshot, with the timeline extended and topics seen earlier kept (by size)."""
    timeline = {int(row[0]): row for row in old.get("timeline", [])}
    timeline.update({int(row[0]): row for row in new.get("timeline", [])})
    topics: dict[int, dict[str, Any]] = {int(t["id"]): t for t in old.get("topics", [])}
    for topic in new.get("topics", []):
        before = topics.get(int(topic["id"]))
        if before is None or topic["authors"] >= before["authors"]:
            topics[int(topic["id"])] = topic
    ranked = sorted(topics.values(), key=lambda t: (-t["authors"], -t["comments"], t["id"]))
    merged = dict(new)
    # Channels and authors over the whole episode: the most seen in any one snapshot.
    for name, limit in (("channels", 20), ("authors", 5)):
        counts = {str(k): int(v) for k, v in old.get(name, [])}
        for key, value in new.get(name, []):
            counts[str(key)] = max(counts.get(str(key), 0), int(value))
        merged[name] = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    merged["timeline"] = [timeline[k] for k in sorted(timeline)][-MAX_TIMELINE:]
    merged["topics"] = ranked[:MAX_TOPICS]
    return merged


def apply_event(alert: Alert | None, event: AlertEvent) -> Alert:
    """The alert after one detector event (a new alert for a new episode)."""
    if alert is None:
        alert = Alert(
            key=event.key,
            scope=event.scope,
            level=event.level,
            peak=event.peak,
            topic=event.topic,
            since=at_time(event.since),
            last_at=at_time(event.at),
            observed=event.observed,
            expected=event.expected,
            score=event.score,
            details=merge_details({}, event.details),
        )
    else:
        alert.details = merge_details(alert.details, event.details)
        alert.level = event.level
        alert.peak = event.peak
        alert.last_at = at_time(event.at)
        alert.observed, alert.expected, alert.score = event.observed, event.expected, event.score
        if alert.status == RESOLVED and event.kind != ENDED:
            alert.status = OPEN  # it flared up again after someone resolved it
    # The headline topic is the biggest claim seen in the episode, not the latest one.
    if alert.topics and not alert.scope.startswith("topic:"):
        alert.topic = alert.topics[0]["label"]
    alert.active = event.kind != ENDED
    alert.ended_at = at_time(event.at) if event.kind == ENDED else None
    return alert


def first_steps(alert: Alert, config: MonitoringConfig) -> dict[str, Any]:
    """The playbook's first steps: what to do, holding statement drafts, who to call."""
    misinfo = any(topic.get("misinformation") for topic in alert.topics)
    kind = "misinformation" if misinfo else "generic"
    rank = level_rank(alert.peak)
    return {
        "steps": list(config.first_steps),
        "holding_kind": kind,
        "holding": {lang: config.holding_statement(kind, lang) for lang in ("ko", "en", "de")},
        "contacts": [
            {"role": c.role, "reach": c.reach}
            for c in config.contacts
            if level_rank(c.from_level) <= rank
        ],
    }


def notification_text(alert: Alert, base_url: str = "", level: str = "") -> tuple[str, str]:
    """Title and body for a chat or e-mail notification (plain text)."""
    ratio = f"{alert.ratio}× normal" if alert.ratio else "above normal"
    about = alert.topic or "negative comments"
    title = f"[Comity] {(level or alert.level).upper()}: {alert.scope_label} – {about}"
    lines = [
        f"{alert.observed} negative comments in the last window ({ratio}), since "
        f"{alert.since.strftime('%Y-%m-%d %H:%M UTC')}.",
    ]
    if alert.channels:
        lines.append("Channels: " + ", ".join(f"{c} ({n})" for c, n in alert.channels[:5]))
    for topic in alert.topics[:3]:
        flag = " [misinformation]" if topic.get("misinformation") else ""
        lines.append(f"- {topic['label']}: {topic['authors']} authors{flag}")
    if base_url and alert.id is not None:
        lines.append(f"{base_url.rstrip('/')}/alerts/{alert.id}")
    return title, "\n".join(lines)


def should_notify(
    alert: Alert,
    level: str,
    policy: AlertPolicy,
    now: datetime,
    sent_last_hour: int,
    stale_after: timedelta = timedelta(hours=6),
) -> bool:
    """De-duplicated and rate-limited: `level` was just reached, is worth telling, not told.

    An alert about something long past (history being imported) is shown, never sent.
    """
    if alert.status == RESOLVED:
        return False
    if level_rank(level) < level_rank(policy.notify_from):
        return False
    if now - alert.last_at > stale_after:
        return False
    if sent_last_hour >= policy.max_per_hour:
        return False
    # Once per level: only an escalation is worth another message.
    return level_rank(level) > level_rank(alert.notified_level)


def most_urgent(alerts: Sequence[Alert]) -> Alert | None:
    """The alert a banner shows: highest level, the brand before narrower scopes, newest."""
    shown = [a for a in alerts if a.status != RESOLVED and level_rank(a.peak) >= 2]
    if not shown:
        return None
    return max(
        shown,
        key=lambda a: (a.active, level_rank(a.peak), a.scope == "brand", a.last_at),
    )
