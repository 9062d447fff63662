"""The streaming storm detector: per scope, negative comments against a rhythm-aware baseline.

Scopes are the brand, each channel, each campaign and each emerging topic (topics.py). Time
is event time only: the detector's clock is the stream's timestamps, cut into bins
(5 minutes by default). When a bin closes every active scope is scored:

* the negative (and toxic) comments of the last 15, 30 and 60 minutes against what is normal
  for that hour of the week (EWMA per hour-of-week, blended with hour-of-day and the overall
  level while weeks are few, never below a floor), as a ratio and a Poisson z-score;
* or, when larger, against what the window's non-negative comments imply at the usual
  negative share, so a popular campaign that brings more of everything is not a storm,
  while negatives without the positives that would explain them are;
* plus small bonuses for acceleration, a majority of first-time authors, the same claim from
  many distinct authors, and spread to three or more channels.

The score is log2 of that ratio plus the bonuses. Levels watch/warning/storm are
entered at once and left only after the score stayed below the level's exit threshold for a
while and the level was held a minimum time (hysteresis), so an alert does not flap. The whole
state is plain data (`to_state`/`from_state`, JSON), so a restarted process continues exactly
where it stopped, and replaying history gives the same alerts as having watched it live.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from comity.monitoring.config import LEVELS, DetectorConfig, load_config
from comity.monitoring.events import Event
from comity.monitoring.topics import TopicTracker

WINDOW_MINUTES = (15, 30, 60)  # the windows every scope is scored on
HISTORY_MINUTES = 24 * 60  # bins kept for windows and the timeline chart
RECENT_SECONDS = 3 * 3600
DETAIL_SECONDS = 3600
UPDATE_EVERY_MINUTES = 30  # an active alert's timeline is refreshed this often
HOURS_PER_WEEK = 168
NEG_FLOOR = 0.5  # negative comments per hour a scope is always allowed
TOTAL_FLOOR = 2.0
NEW_FLOOR = 0.25  # negative comments by first-time authors per hour
FLOOR_SHARE_OF_LEVEL = 0.3
EMERGING_SECONDS = 6 * 3600  # a topic younger than this is "emerging"
TOPIC_SHARE = 0.15  # of the brand's expected negatives, a topic's least normal
EMERGING_AUTHORS = 5  # distinct authors that make an emerging topic a repeated claim
STATE_VERSION = 1

# (kind, scope, level, at ISO) events the detector emits
OPENED, ESCALATED, LOWERED, UPDATED, ENDED = "opened", "escalated", "lowered", "updated", "ended"
REOPENED = "reopened"
RAISED = frozenset({OPENED, ESCALATED, REOPENED})  # the changes a person is told about
REOPEN_SECONDS = 3 * 3600  # a scope flaring up again this soon continues the same alert


def poisson_surprise(observed: int, expected: float) -> float:
    """-log10 of P(X >= observed) for X ~ Poisson(expected): 6 means one in a million."""
    if observed <= expected:
        return 0.0
    log_lambda = math.log(expected)
    total = 0.0
    first = observed * log_lambda - expected - math.lgamma(observed + 1)
    for i in range(observed, observed + 400):
        term = math.exp(i * log_lambda - expected - math.lgamma(i + 1) - first)
        total += term
        if term < 1e-12 * total:
            break
    return -(first + math.log(total)) / math.log(10)


def level_name(level: int) -> str | None:
    return LEVELS[level - 1] if level > 0 else None


def iso(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).isoformat().replace("+00:00", "Z")


@dataclass(slots=True)
class AlertEvent:
    """A change in one scope's alert: opened, escalated, lowered, updated (timeline) or ended."""

    kind: str
    scope: str
    episode: int
    level: str
    peak: str
    at: float
    since: float
    score: float
    observed: int
    expected: float
    window_minutes: int
    topic: str
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.scope}#{self.episode}"

    def summary(self) -> dict[str, Any]:
        """The replay's one line: at, level, scope, topic and the volume against normal."""
        return {
            "at": iso(self.at),
            "kind": self.kind,
            "level": self.level,
            "scope": self.scope,
            "topic": self.topic,
            "since": iso(self.since),
            "observed": self.observed,
            "expected": round(self.expected, 2),
            "ratio": round(self.observed / self.expected, 1) if self.expected else None,
            "score": round(self.score, 2),
        }


class _Rate:
    """Expected count per hour: hour-of-week and hour-of-day EWMAs plus an overall level."""

    __slots__ = ("how", "how_n", "hod", "hod_n", "level", "level_n")

    def __init__(self) -> None:
        self.how = [0.0] * HOURS_PER_WEEK
        self.how_n = [0] * HOURS_PER_WEEK
        self.hod = [0.0] * 24
        self.hod_n = [0] * 24
        self.level = 0.0
        self.level_n = 0

    def expected(self, how: int, floor: float) -> float:
        hod = how % 24
        if self.level_n == 0:
            return floor
        day = self.hod[hod] if self.hod_n[hod] else self.level
        weeks = self.how_n[how]
        value = day
        if weeks:
            weight = min(weeks, 3) / 4
            value = weight * self.how[how] + (1 - weight) * day
        return max(value, floor, FLOOR_SHARE_OF_LEVEL * self.level)

    def update(self, how: int, count: float, floor: float) -> None:
        # Clip what a storm hour teaches, so a storm does not become the new normal.
        if self.level_n:
            count = min(count, 2 * self.expected(how, floor) + 3)
        hod = how % 24
        self.level_n += 1
        self.level += (count - self.level) * max(1 / self.level_n, 0.02)
        self.hod_n[hod] += 1
        self.hod[hod] += (count - self.hod[hod]) * max(1 / self.hod_n[hod], 0.25)
        self.how_n[how] += 1
        self.how[how] += (count - self.how[how]) * max(1 / self.how_n[how], 0.5)

    def to_list(self) -> list[Any]:
        return [self.how, self.how_n, self.hod, self.hod_n, self.level, self.level_n]

    @classmethod
    def from_list(cls, data: list[Any]) -> _Rate:
        rate = cls()
        rate.how, rate.how_n, rate.hod, rate.hod_n = (list(x) for x in data[:4])
        rate.level, rate.level_n = float(data[4]), int(data[5])
        return rate


class Scope:
    """Counts per bin, the baseline and the alert level of one scope."""

    __slots__ = (
        "key", "first_bin", "bins", "cur", "hour", "neg", "tot", "new",
        "level", "peak", "entered", "below_since", "episode", "since", "last_event_bin",
        "since_update", "ended_at",
    )  # fmt: skip

    def __init__(self, key: str, first_bin: int) -> None:
        self.key = key
        self.first_bin = first_bin
        # closed bins: [index, total, negative, toxic, first-time negative,
        #               expected negative, expected first-time negative]
        self.bins: list[list[Any]] = []
        self.cur: list[Any] = [first_bin, 0, 0, 0, 0]
        self.hour = [-1, 0, 0, 0]  # [hour index, total, negative, first-time negative]
        self.neg = _Rate()
        self.tot = _Rate()
        self.new = _Rate()  # negative comments by first-time authors
        self.level = 0
        self.peak = 0
        self.entered = 0.0
        self.below_since: float | None = None
        self.episode = 0
        self.since = 0.0
        self.last_event_bin = first_bin
        self.since_update = 0
        self.ended_at: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {name: _plain(getattr(self, name)) for name in self.__slots__}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Scope:
        scope = cls(data["key"], int(data["first_bin"]))
        for name in cls.__slots__:
            if name in ("neg", "tot", "new"):
                setattr(scope, name, _Rate.from_list(data[name]))
            elif name not in ("key", "first_bin"):
                setattr(scope, name, data[name])
        return scope


def _plain(value: Any) -> Any:
    return value.to_list() if isinstance(value, _Rate) else value


@dataclass(slots=True)
class _Window:
    minutes: int
    observed: int
    expected: float
    score: float


class Detector:
    """Feed events in stream order; get back alert events. Deterministic and serialisable."""

    def __init__(self, config: DetectorConfig | None = None) -> None:
        self.config = config or load_config().detector
        self.bin_s = self.config.bin_seconds
        self.per_hour = 3600 // self.bin_s
        minutes = self.bin_s // 60
        self.windows = tuple(max(1, m // minutes) for m in WINDOW_MINUTES)
        self.history_bins = HISTORY_MINUTES // minutes
        self.update_bins = max(1, UPDATE_EVERY_MINUTES // minutes)
        self.scopes: dict[str, Scope] = {}
        self.topics = TopicTracker()
        self.recent: list[
            list[Any]
        ] = []  # negatives: at, channel, campaign, author, topic, ref, misinfo, first
        self.clock: int | None = None
        self.start_bin: int | None = None
        self._surge: dict[int, float] = {}  # brand volume surge per window, this bin
        self._brand_expected: dict[int, float] = {}  # brand negatives expected per window
        self.events = 0

    # -- feeding ---------------------------------------------------------------------------

    def process(self, event: Event) -> list[AlertEvent]:
        """Count one event; closing bins may raise, change or end alerts."""
        index = int(event.at // self.bin_s)
        out: list[AlertEvent] = []
        if self.clock is None:
            self.clock = self.start_bin = index
        elif index > self.clock:
            out = self._advance(index)
        self.events += 1
        # A late event counts in the current bin: the order of arrival is what was seen live.
        keys = ["brand", f"channel:{event.channel}"]
        if event.campaign:
            keys.append(f"campaign:{event.campaign}")
        topic_id = 0
        if event.negative:
            example = {"text": event.text, "channel": event.channel, "author": event.author,
                       "ref": event.ref, "at": event.at, "misinfo": event.misinfo}  # fmt: skip
            cluster = self.topics.assign(
                event.at, event.text, event.author, event.channel, example, event.misinfo
            )
            topic_id = cluster.id
            keys.append(f"topic:{topic_id}")
            self.recent.append([event.at, event.channel, event.campaign or "", event.author,
                                topic_id, event.ref, event.misinfo, event.first_time])  # fmt: skip
        for key in keys:
            scope = self.scopes.get(key)
            if scope is None:
                scope = self.scopes[key] = Scope(key, self.clock)
            elif scope.cur[0] < self.clock:
                self._catch_up(scope, self.clock)
            cur = scope.cur
            cur[1] += 1
            if event.negative:
                cur[2] += 1
                cur[3] += event.toxic
                cur[4] += event.first_time
            scope.last_event_bin = self.clock
        return out

    def flush(self, until: float) -> list[AlertEvent]:
        """Close every bin ending at or before `until` (stream time), e.g. when a replay ends."""
        index = int(until // self.bin_s)
        if self.clock is None or index <= self.clock:
            return []
        return self._advance(index)

    # -- bins ------------------------------------------------------------------------------

    def _advance(self, to_bin: int) -> list[AlertEvent]:
        assert self.clock is not None
        out: list[AlertEvent] = []
        while self.clock < to_bin:
            closing = self.clock
            self.clock += 1
            for scope in list(self.scopes.values()):
                if scope.key.startswith("topic:") and scope.level == 0:
                    if closing - scope.last_event_bin >= self.windows[-1]:
                        continue  # quiet topics catch up lazily when they speak again
                if scope.cur[0] <= closing:
                    self._catch_up(scope, closing + 1)
                event = self._evaluate(scope, closing)
                if event is not None:
                    out.append(event)
            if closing % self.per_hour == self.per_hour - 1:
                self._forget(closing)
        return out

    def _catch_up(self, scope: Scope, to_bin: int) -> None:
        """Close the scope's bins up to (not including) `to_bin`; empty bins count as zero."""
        while scope.cur[0] < to_bin:
            closed = scope.cur
            # What was normal for this bin, as the baseline knew it then (cheap window sums).
            closed.append(self._expected(scope, closed[0], scope.neg, NEG_FLOOR))
            closed.append(self._expected(scope, closed[0], scope.new, NEW_FLOOR))
            scope.bins.append(closed)
            if len(scope.bins) > self.history_bins:
                del scope.bins[: len(scope.bins) - self.history_bins]
            hour = closed[0] // self.per_hour
            if scope.hour[0] != hour:
                if scope.hour[0] >= 0:
                    self._learn(scope)
                scope.hour = [hour, 0, 0, 0]
            scope.hour[1] += closed[1]
            scope.hour[2] += closed[2]
            scope.hour[3] += closed[4]
            scope.cur = [closed[0] + 1, 0, 0, 0, 0]

    def _learn(self, scope: Scope) -> None:
        """A whole hour is over: teach the baseline what it held."""
        hour, total, negative, new = scope.hour
        how = _hour_of_week(hour)
        scope.neg.update(how, negative, NEG_FLOOR)
        scope.new.update(how, new, NEW_FLOOR)
        scope.tot.update(how, total, TOTAL_FLOOR)

    def _forget(self, now_bin: int) -> None:
        """Hourly: drop old negatives and topic scopes idle for longer than the topics keep."""
        horizon = (now_bin + 1) * self.bin_s - RECENT_SECONDS
        cut = 0
        while cut < len(self.recent) and self.recent[cut][0] < horizon:
            cut += 1
        if cut:
            del self.recent[:cut]
        for key in [k for k in self.scopes if k.startswith("topic:")]:
            scope = self.scopes[key]
            if scope.level == 0 and int(key[6:]) not in self.topics.clusters:
                del self.scopes[key]

    # -- scoring ---------------------------------------------------------------------------

    def _expected(self, scope: Scope, index: int, rate: _Rate, floor: float) -> float:
        return rate.expected(_hour_of_week(index // self.per_hour), floor) / self.per_hour

    def _window_score(self, scope: Scope, topic: bool, surprise: float) -> _Window | None:
        """The best window: negatives against the larger of two expectations.

        One is the rhythm (what this hour of the week usually brings); the other is what the
        non-negative comments of the window imply at the usual negative share. A popular
        campaign brings more of everything, so the second rises with it and nothing fires;
        a storm adds negatives without the positives that would explain them. Topics are
        scaled by the brand's surge of volume in the same window.
        """
        best: _Window | None = None
        cfg = self.config
        brand = scope.key == "brand"
        for size in self.windows:
            window = scope.bins[-size:]
            observed = sum(b[2] for b in window)
            min_count = cfg.topic_min_count if topic else cfg.min_count
            if observed < min_count and not brand:
                continue
            if topic:
                expected = sum(b[5] for b in window) * self._surge.get(size, 1.0)
                # A new cluster knows no normal yet: one topic may hold a share of what the
                # brand's negatives are expected to be, whatever the volume.
                expected = max(expected, TOPIC_SHARE * self._brand_expected.get(size, 0.0))
            else:
                rhythm = sum(b[5] for b in window)
                share = (scope.neg.level + 0.3) / (scope.tot.level + 2.0)
                share = min(share, 0.9)
                implied = (sum(b[1] for b in window) - observed) * share / (1 - share)
                expected = max(rhythm, implied)
                if brand:
                    self._surge[size] = expected / rhythm
                    self._brand_expected[size] = expected
            if observed < min_count:
                continue
            if poisson_surprise(observed, expected) < surprise:
                # Negatives from people who never wrote before are the other tell-tale.
                newcomers = sum(b[4] for b in window)
                normal_new = sum(b[6] for b in window) * (
                    self._surge.get(size, 1.0) if topic else 1
                )
                if topic or newcomers < min_count:
                    continue
                if poisson_surprise(newcomers, normal_new) < surprise:
                    continue
            score = math.log2(observed / expected)
            if best is None or score > best.score:
                best = _Window(size * self.bin_s // 60, observed, expected, score)
        return best

    def _recent_in(self, scope: Scope, now: float) -> list[list[Any]]:
        kind, _, name = scope.key.partition(":")
        horizon = now - DETAIL_SECONDS
        rows = [r for r in self.recent if r[0] >= horizon]
        if kind == "channel":
            return [r for r in rows if r[1] == name]
        if kind == "campaign":
            return [r for r in rows if r[2] == name]
        if kind == "topic":
            topic = int(name)
            return [r for r in rows if r[4] == topic]
        return rows

    def _emerging_authors(self, rows: list[list[Any]]) -> int:
        """Distinct authors of the biggest emerging (young) topic among the rows."""
        if not rows:
            return 0
        now = rows[-1][0]
        authors_by_topic: dict[int, set[str]] = {}
        for row in rows:
            cluster = self.topics.clusters.get(row[4])
            # Only an emerging claim counts; the usual complaints are part of normal.
            if cluster is not None and now - cluster.created <= EMERGING_SECONDS:
                authors_by_topic.setdefault(row[4], set()).add(row[3])
        return max((len(a) for a in authors_by_topic.values()), default=0)

    def _bonus(self, scope: Scope, rows: list[list[Any]]) -> float:
        bonus = 0.0
        if rows:
            channels: dict[str, int] = {}
            for row in rows:
                channels[row[1]] = channels.get(row[1], 0) + 1
            if self._emerging_authors(rows) >= EMERGING_AUTHORS:
                bonus += 0.5  # the same new claim from many distinct authors
            if sum(1 for c in channels.values() if c >= 2) >= 3:
                bonus += 0.5  # spread to a third channel
            if sum(1 for r in rows if r[7]) / len(rows) >= 0.6:
                bonus += 0.25  # mostly people who never wrote before
        last = sum(b[2] for b in scope.bins[-3:])
        before = sum(b[2] for b in scope.bins[-6:-3])
        if last >= 5 and last >= 1.5 * max(before, 1):
            bonus += 0.25  # accelerating
        return bonus

    def _evaluate(self, scope: Scope, closing: int) -> AlertEvent | None:
        cfg = self.config
        now = (closing + 1) * self.bin_s
        topic = scope.key.startswith("topic:")
        assert self.start_bin is not None
        history_bins = closing + 1 - (self.start_bin if topic else scope.first_bin)
        warm = history_bins * self.bin_s >= cfg.warmup_hours * 3600
        window = self._window_score(scope, topic, cfg.min_surprise) if warm else None
        rows: list[list[Any]] | None = None
        if window is None and warm and not topic:
            # Weaker evidence suffices when many new authors repeat one new claim.
            window = self._window_score(scope, topic, cfg.claim_surprise)
            if window is not None:
                rows = self._recent_in(scope, now)
                if self._emerging_authors(rows) < EMERGING_AUTHORS:
                    window = None
        score = 0.0
        if window is not None:
            score = window.score
            if score >= 1.0:
                rows = rows if rows is not None else self._recent_in(scope, now)
                score += self._bonus(scope, rows)
        target = sum(1 for threshold in cfg.levels if score >= threshold)
        kind: str | None = None
        if target > scope.level:
            kind = ESCALATED
            if scope.level == 0:
                recent_end = scope.ended_at is not None and now - scope.ended_at <= REOPEN_SECONDS
                kind = REOPENED if recent_end else OPENED
                if not recent_end:
                    scope.episode += 1
                    scope.since = now
                    scope.peak = 0
            scope.level = target
            scope.peak = max(scope.peak, target)
            scope.entered = now
            scope.below_since = None
        elif scope.level > 0:
            exit_at = cfg.levels[scope.level - 1] - cfg.exit_margin
            if score < exit_at:
                if scope.below_since is None:
                    scope.below_since = now
                held_below = now - scope.below_since >= cfg.exit_minutes * 60
                dwelt = now - scope.entered >= cfg.min_dwell_minutes * 60
                if held_below and dwelt:
                    scope.level = target
                    scope.entered = now
                    scope.below_since = None
                    kind = ENDED if target == 0 else LOWERED
                    if target == 0:
                        scope.ended_at = now
            else:
                scope.below_since = None
            if kind is None:
                scope.since_update += 1
                if scope.since_update >= self.update_bins:
                    kind = UPDATED
        if kind is None:
            return None
        scope.since_update = 0
        if rows is None:
            rows = self._recent_in(scope, now)
        return self._alert_event(kind, scope, now, score, window, rows)

    # -- alert contents --------------------------------------------------------------------

    def _alert_event(
        self,
        kind: str,
        scope: Scope,
        now: float,
        score: float,
        window: _Window | None,
        rows: list[list[Any]],
    ) -> AlertEvent:
        shown_level = scope.level if scope.level > 0 else scope.peak
        if window is None:
            size = self.windows[-1]
            observed = sum(b[2] for b in scope.bins[-size:])
            expected = sum(b[5] for b in scope.bins[-size:])
            minutes = size * self.bin_s // 60
        else:
            observed, expected, minutes = window.observed, window.expected, window.minutes
        details = self._details(scope, rows)
        topics = details["topics"]
        topic = topics[0]["label"] if topics else ""
        if scope.key.startswith("topic:"):
            topic = self.topics.label(int(scope.key[6:]))
        return AlertEvent(
            kind=kind,
            scope=scope.key,
            episode=scope.episode,
            level=level_name(shown_level) or "watch",
            peak=level_name(scope.peak) or "watch",
            at=now,
            since=scope.since,
            score=round(score, 3),
            observed=observed,
            expected=round(expected, 3),
            window_minutes=minutes,
            topic=topic,
            details=details,
        )

    def _details(self, scope: Scope, rows: list[list[Any]]) -> dict[str, Any]:
        """Top topics with examples, channels, most active authors and the recent timeline."""
        by_topic: dict[int, list[list[Any]]] = {}
        channels: dict[str, int] = {}
        authors: dict[str, int] = {}
        for row in rows:
            by_topic.setdefault(row[4], []).append(row)
            channels[row[1]] = channels.get(row[1], 0) + 1
            authors[row[3]] = authors.get(row[3], 0) + 1
        ranked = sorted(
            by_topic.items(), key=lambda kv: (-len({r[3] for r in kv[1]}), -len(kv[1]), kv[0])
        )
        topics = []
        for topic_id, topic_rows in ranked[:3]:
            cluster = self.topics.clusters.get(topic_id)
            misinfo = sum(1 for r in topic_rows if r[6])
            topics.append(
                {
                    "id": topic_id,
                    "label": self.topics.label(topic_id),
                    "comments": len(topic_rows),
                    "authors": len({r[3] for r in topic_rows}),
                    "channels": sorted({r[1] for r in topic_rows}),
                    "misinformation": misinfo * 2 >= len(topic_rows),
                    "examples": list(cluster.examples) if cluster is not None else [],
                }
            )
        first_timers = sum(1 for r in rows if r[7])
        timeline = [
            [
                b[0] * self.bin_s,
                b[2],
                b[1],
                round(b[5], 3),
            ]
            for b in scope.bins[-self.history_bins // 2 :]
        ]
        return {
            "topics": topics,
            "channels": sorted(channels.items(), key=lambda kv: (-kv[1], kv[0])),
            "authors": sorted(authors.items(), key=lambda kv: (-kv[1], kv[0]))[:5],
            "negatives": len(rows),
            "first_time_share": round(first_timers / len(rows), 2) if rows else 0.0,
            "timeline": timeline,
            "bin_seconds": self.bin_s,
        }

    # -- state -----------------------------------------------------------------------------

    def to_state(self) -> dict[str, Any]:
        """Everything needed to continue exactly here, as JSON-ready plain data."""
        return {
            "version": STATE_VERSION,
            "bin_seconds": self.bin_s,
            "clock": self.clock,
            "start_bin": self.start_bin,
            "events": self.events,
            "scopes": [scope.to_dict() for scope in self.scopes.values()],
            "recent": self.recent,
            "topics": self.topics.to_dict(),
        }

    @classmethod
    def from_state(cls, state: dict[str, Any], config: DetectorConfig | None = None) -> Detector:
        detector = cls(config)
        if state.get("version") != STATE_VERSION or state.get("bin_seconds") != detector.bin_s:
            return detector  # another layout or bin size: start learning afresh
        detector.clock = state["clock"]
        detector.start_bin = state["start_bin"]
        detector.events = int(state["events"])
        detector.scopes = {s["key"]: Scope.from_dict(s) for s in state["scopes"]}
        detector.recent = [list(r) for r in state["recent"]]
        detector.topics = TopicTracker.from_dict(state["topics"])
        return detector

    def active(self) -> list[Scope]:
        return [scope for scope in self.scopes.values() if scope.level > 0]


def _hour_of_week(hour_index: int) -> int:
    # Epoch hour 0 was a Thursday 00:00 UTC; shift so 0 is Monday 00:00 UTC.
    return (hour_index + 72) % HOURS_PER_WEEK
