"""Outbox delivery: what the team did, carried out on the channels by their connectors.

Actions only write the outbox (store/outbox.py). A delivery pass releases stale claims,
marks entries of channels without a connector ("no connector configured for channel X";
they stay pending until one is configured), claims due entries atomically (two processes
never deliver the same entry) and asks each channel's connector to `perform` it:

* success -> `sent` (with the id the channel gave a reply);
* `NotSupported` -> `unsupported`, with the connector's reason (final);
* an error -> back to `pending` with `next_attempt_at` after an exponential, jittered
  backoff; after `max_attempts` -> `failed`, with an audit row and an `outbox.failed` event.

Delivery is at least once: a process that dies between the channel's answer and recording
it leaves a claim that goes back to pending after the stale limit and is sent again.
The in-process server runs a pass every `delivery_interval` seconds in a thread
(runtime/services.py); in the scale-out mode each `comity worker` pass runs one.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from comity.connectors.base import ConnectorError, NotSupported, OutboundAction
from comity.settings import ConnectorSettings, Settings
from comity.store.events import EventLog
from comity.store.outbox import Outbox, OutboxItem

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=6)
PRUNE_EVERY = timedelta(hours=1)


class ConnectorConfigError(ValueError):
    """The `connectors` setting names something that cannot be built."""


def backoff(
    attempt: int,
    base: float,
    *,
    cap: timedelta = MAX_BACKOFF,
    rand: Callable[[], float] = random.random,
) -> timedelta:
    """The wait after failed attempt number `attempt` (1, 2, ...): base * 2^(n-1), +-25 %.

    Jitter keeps many entries that failed together (a channel outage) from all coming back
    in the same second.
    """
    delay = min(cap.total_seconds(), base * 2 ** max(0, attempt - 1))
    return timedelta(seconds=delay * (0.75 + 0.5 * rand()))


def _connector_classes() -> dict[str, type[Any]]:
    from comity.connectors.base import connectors_by_name
    from comity.plugins import connector_classes

    return dict(connectors_by_name(connector_classes()))


@dataclass
class ChannelLink:
    """One channel's connector and the HTTP client carrying its credentials."""

    connector: Any
    client: httpx.Client


class ConnectorLinks:
    """The configured channels' connectors, validated at once, clients built on first use."""

    def __init__(
        self,
        configs: Mapping[str, ConnectorSettings],
        *,
        classes: Mapping[str, type[Any]] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.configs = dict(configs)
        self.classes = dict(classes) if classes is not None else _connector_classes()
        self.transport = transport  # tests hand in an httpx.MockTransport
        self._links: dict[str, ChannelLink] = {}
        for channel, config in self.configs.items():
            if config.kind not in self.classes:
                known = ", ".join(sorted(self.classes)) or "none"
                raise ConnectorConfigError(
                    f"connectors.{channel}: unknown connector kind {config.kind!r} "
                    f"(registered: {known})"
                )

    @classmethod
    def from_settings(cls, settings: Settings) -> ConnectorLinks:
        return cls(settings.connectors)

    def channels(self) -> list[str]:
        return sorted(self.configs)

    def allows(self, channel: str, kind: str) -> bool:
        """Whether the channel's connector can do `kind` (for undo); True when none is set."""
        config = self.configs.get(channel)
        if config is None:
            return True
        return kind in self.classes[config.kind].supported_actions

    def get(self, channel: str) -> ChannelLink | None:
        config = self.configs.get(channel)
        if config is None:
            return None
        link = self._links.get(channel)
        if link is None:
            try:
                connector = self.classes[config.kind](**config.options)
            except TypeError as error:
                raise ConnectorConfigError(
                    f"connectors.{channel}: options do not fit the {config.kind} connector "
                    f"({error})"
                ) from None
            headers = {}
            if config.token is not None:
                headers["Authorization"] = f"Bearer {config.token.get_secret_value()}"
            client = httpx.Client(
                base_url=config.base_url,
                headers=headers,
                timeout=config.timeout,
                transport=self.transport,
            )
            link = self._links[channel] = ChannelLink(connector, client)
        return link

    def close(self) -> None:
        for link in self._links.values():
            link.client.close()
        self._links.clear()


@dataclass
class DeliveryReport:
    """What one pass did (counts), for logs, the CLI and tests."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    unsupported: int = 0
    released: int = 0
    unconfigured: int = 0

    @property
    def attempted(self) -> int:
        return self.sent + self.retried + self.failed + self.unsupported


def process_name() -> str:
    """Who holds a claim: host, pid and a random part (several loops in one process)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Delivery:
    """Delivers the outbox through the connectors; `run_once` is one pass."""

    outbox: Outbox
    links: ConnectorLinks
    max_attempts: int = 8
    backoff_base: float = 30.0
    stale_after: timedelta = timedelta(minutes=10)
    batch_size: int = 50
    owner: str = field(default_factory=process_name)
    clock: Callable[[], datetime] = _utcnow
    rand: Callable[[], float] = random.random
    events: EventLog | None = None
    events_keep: timedelta = timedelta(days=30)
    events_keep_min: int = 10_000
    interval: float = 10.0
    _next_prune: datetime | None = None
    _next_tick: float = 0.0

    @classmethod
    def from_settings(cls, settings: Settings, outbox: Outbox, events: EventLog) -> Delivery:
        return cls(
            outbox=outbox,
            links=ConnectorLinks.from_settings(settings),
            max_attempts=settings.delivery_max_attempts,
            backoff_base=settings.delivery_backoff_seconds,
            stale_after=timedelta(minutes=settings.delivery_stale_minutes),
            events=events,
            events_keep=timedelta(days=settings.events_keep_days),
            events_keep_min=settings.events_keep_min,
            interval=settings.delivery_interval,
        )

    def tick(self) -> DeliveryReport | None:
        """A pass and the housekeeping if `interval` seconds went by since the last tick.

        For loops that come round more often than deliveries should (queue workers).
        """
        now = time.monotonic()
        if now < self._next_tick:
            return None
        self._next_tick = now + self.interval
        report = self.run_once()
        self.housekeeping()
        return report

    def run_once(self) -> DeliveryReport:
        """Release stale claims, note unconfigured channels, deliver what is due."""
        now = self.clock()
        report = DeliveryReport()
        report.released = self.outbox.release_stale(now - self.stale_after)
        channels = self.links.channels()
        report.unconfigured = self.outbox.note_unconfigured(channels)
        while True:
            claimed = self.outbox.claim(self.owner, self.clock(), channels, self.batch_size)
            for item in claimed:
                self._deliver(item, report)
            if len(claimed) < self.batch_size:
                return report

    def _deliver(self, item: OutboxItem, report: DeliveryReport) -> None:
        link = self.links.get(item.channel)
        assert link is not None, "only configured channels are claimed"
        action = OutboundAction(
            kind=item.kind,
            external_id=item.external_id or "",
            text=str(item.payload.get("text") or ""),
        )
        try:
            result = link.connector.perform(link.client, action)
        except NotSupported as error:
            reason = str(error) or f"{item.channel} cannot {item.kind}"
            self.outbox.mark_unsupported(item, reason, self.clock())
            report.unsupported += 1
            return
        except (ConnectorError, httpx.HTTPError) as error:
            self._failed_attempt(item, f"{type(error).__name__}: {error}", report)
            return
        except Exception as error:  # a connector bug must not stop delivery of the rest
            log.exception("connector %s failed on outbox entry %s", item.channel, item.id)
            self._failed_attempt(item, f"{type(error).__name__}: {error}", report)
            return
        if not result.ok:
            self._failed_attempt(item, result.detail or "the channel refused", report)
            return
        self.outbox.mark_sent(item.id, remote_id=result.external_id)
        report.sent += 1

    def _failed_attempt(self, item: OutboxItem, error: str, report: DeliveryReport) -> None:
        attempt = item.attempts + 1
        now = self.clock()
        if attempt >= self.max_attempts:
            self.outbox.give_up(item, f"{error} (after {attempt} attempts)", now)
            report.failed += 1
            return
        wait = backoff(attempt, self.backoff_base, rand=self.rand)
        self.outbox.retry_later(item, error, now + wait)
        report.retried += 1

    def housekeeping(self) -> int:
        """Prune the event log at most once an hour; returns how many events went."""
        if self.events is None:
            return 0
        now = self.clock()
        if self._next_prune is not None and now < self._next_prune:
            return 0
        self._next_prune = now + PRUNE_EVERY
        return self.events.prune(now - self.events_keep, keep_last=self.events_keep_min)

    def close(self) -> None:
        self.links.close()
