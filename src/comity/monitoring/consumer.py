"""The detector as a pipeline consumer: fed each saved batch, state and alerts persisted."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from comity.domain import WorkItem
from comity.monitoring.alerts import Alert, level_rank, notification_text, should_notify
from comity.monitoring.config import MonitoringConfig
from comity.monitoring.detector import RAISED, AlertEvent, Detector
from comity.monitoring.events import Event, event_from_item
from comity.monitoring.sinks import AlertSink

log = logging.getLogger(__name__)


class MonitorStore(Protocol):
    """Persistence the consumer needs (implemented by comity.store.monitoring)."""

    def load_state(self) -> tuple[dict[str, Any] | None, int]: ...

    def save(
        self, state: dict[str, Any], last_comment_id: int, events: Sequence[AlertEvent]
    ) -> list[Alert]: ...

    def notifications_since(self, since: datetime) -> int: ...

    def mark_notified(self, alert_id: int, at: datetime, level: str) -> None: ...


def _first_time(item: WorkItem) -> bool:
    """The author's first comment as far as the store knows (first seen = this comment)."""
    seen = item.comment.author.first_seen
    return seen is not None and seen >= item.comment.created_at - timedelta(seconds=1)


class MonitorConsumer:
    """Feeds the detector from saved pipeline batches; a comment is counted once only."""

    def __init__(
        self,
        store: MonitorStore,
        config: MonitoringConfig,
        sinks: Sequence[AlertSink] = (),
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        base_url: str = "",
    ) -> None:
        self.store = store
        self.config = config
        self.sinks = list(sinks)
        self.clock = clock
        self.base_url = base_url
        self._lock = threading.Lock()
        self._detector: Detector | None = None
        self._last_id = 0

    def _loaded(self) -> Detector:
        if self._detector is None:
            state, self._last_id = self.store.load_state()
            detector = Detector(self.config.detector)
            if state is not None:
                detector = Detector.from_state(state, self.config.detector)
            self._detector = detector
        return self._detector

    def __call__(self, items: Sequence[WorkItem]) -> list[Alert]:
        with self._lock:
            detector = self._loaded()
            events: list[Event] = []
            last_id = self._last_id
            for item in items:
                comment_id = item.comment.id
                # Re-runs of the pipeline (a new stage, a new model) must not count twice.
                if comment_id is None or comment_id <= self._last_id:
                    continue
                event = event_from_item(item, _first_time(item))
                last_id = max(last_id, comment_id)
                if event is not None:
                    events.append(event)
            if last_id == self._last_id:
                return []
            raised: list[AlertEvent] = []
            for event in events:
                raised.extend(detector.process(event))
            try:
                changed = self.store.save(detector.to_state(), last_id, raised)
            except Exception:
                self._detector = None  # reload the last saved state next time
                raise
            self._last_id = last_id
        self._notify(changed, raised)
        return changed

    def _notify(self, alerts: Sequence[Alert], events: Sequence[AlertEvent]) -> None:
        """Tell the sinks about the highest level each alert reached in this batch."""
        if not self.sinks:
            return
        reached: dict[str, str] = {}
        for event in events:
            if event.kind in RAISED and level_rank(event.level) > level_rank(
                reached.get(event.key)
            ):
                reached[event.key] = event.level
        now = self.clock()
        for alert in alerts:
            level = reached.get(alert.key)
            if alert.id is None or level is None:
                continue
            sent = self.store.notifications_since(now - timedelta(hours=1))
            if not should_notify(alert, level, self.config.alerts, now, sent):
                continue
            title, body = notification_text(alert, self.base_url, level)
            delivered = [sink.send(title, body) for sink in self.sinks]
            if any(delivered):
                self.store.mark_notified(alert.id, now, level)
            else:
                log.warning("alert %s could not be delivered to any sink", alert.key)
