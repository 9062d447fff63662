"""The pipeline consumer: persisted state survives a restart; notifications via Apprise."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest

from comity.domain import Author, Category, Comment, Sentiment, Triage, WorkItem
from comity.monitoring.alerts import Alert
from comity.monitoring.config import load_config
from comity.monitoring.consumer import MonitorConsumer
from comity.monitoring.sinks import AppriseSink
from comity.runtime.services import Services
from tests.monitoring.streams import START, background, burst, merged


def _items(days: float = 9) -> list[WorkItem]:
    events = merged(
        background(days, seed=31), burst(START + 8 * 86400 + 10 * 3600, 60, 200, seed=32)
    )
    items = []
    for index, event in enumerate(events, start=1):
        at = datetime.fromtimestamp(event.at, UTC)
        seen = at if event.first_time else START_DT
        comment = Comment(
            channel=event.channel,
            external_id=str(index),
            author=Author(event.channel, event.author, first_seen=seen),
            text=event.text or "hi",
            created_at=at,
            id=index,
        )
        negative = event.negative
        triage = Triage(
            lang="en",
            primary=Category.MISINFORMATION if negative else Category.PRAISE,
            sentiment=Sentiment.NEGATIVE if negative else Sentiment.POSITIVE,
        )
        items.append(WorkItem(comment=comment, triage=triage))
    return items


START_DT = datetime.fromtimestamp(START, UTC)


def _feed(consumer: MonitorConsumer, items: list[WorkItem], size: int = 500) -> list[Alert]:
    changed = []
    for i in range(0, len(items), size):
        changed.extend(consumer(items[i : i + size]))
    return changed


def test_a_restarted_consumer_continues_from_the_stored_state(services: Services) -> None:
    assert services.monitor is not None
    items = _items()
    config = load_config()
    first = MonitorConsumer(services.monitor, config)
    half = len(items) // 2
    _feed(first, items[:half])
    second = MonitorConsumer(services.monitor, config)  # a new process: state from the store
    _feed(second, items[half - 300 :])  # overlapping batches are counted once
    restarted = [(a.key, a.peak, a.since, a.topic) for a in services.monitor.alerts(limit=200)]

    url = services.settings.resolved_database_url.replace("comity.db", "b.db")
    other = Services.from_settings(services.settings.model_copy(update={"database_url": url}))
    try:
        assert other.monitor is not None
        _feed(MonitorConsumer(other.monitor, config), items)
        straight = [(a.key, a.peak, a.since, a.topic) for a in other.monitor.alerts(limit=200)]
    finally:
        other.close()
    assert restarted == straight
    assert any(peak in ("warning", "storm") for _k, peak, _s, _t in restarted)


class _Hook(BaseHTTPRequestHandler):
    received: list[dict[str, Any]] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        _Hook.received.append(json.loads(body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture
def hook() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Hook.received = []
    yield f"json://127.0.0.1:{server.server_address[1]}/alerts"
    server.shutdown()
    server.server_close()


def test_alerts_are_sent_once_per_level_through_apprise(services: Services, hook: str) -> None:
    assert services.monitor is not None
    items = _items()
    storm_end = datetime.fromtimestamp(START + 8 * 86400 + 12 * 3600, UTC)
    consumer = MonitorConsumer(
        services.monitor, load_config(), [AppriseSink([hook])], clock=lambda: storm_end
    )
    _feed(consumer, items)
    titles = [message["title"] for message in _Hook.received]
    assert titles, "no notification arrived"
    assert all(t.startswith("[Comity] WARNING") or t.startswith("[Comity] STORM") for t in titles)
    notified = [a for a in services.monitor.alerts(limit=200) if a.notified_at is not None]
    assert notified and all(a.notified_level in ("warning", "storm") for a in notified)
    # De-duplicated: one message per level an alert reached, never more.
    assert len(titles) <= 2 * len(notified)
    assert len(titles) <= load_config().alerts.max_per_hour
