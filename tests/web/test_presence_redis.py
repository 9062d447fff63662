"""Presence shared through Redis (scale-out mode): two instances stand for two web processes."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from redis import Redis

from comity.store.events import Event
from comity.web.presence import PresenceBoard, RedisPresence, Viewer, presence_of
from comity.web.routes.live import LiveHub
from tests.redis_service import REDIS_URL, redis_prefix


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def shared() -> Iterator[tuple[Redis, str]]:
    with redis_prefix() as found:
        yield found


def test_two_processes_see_each_others_viewers_and_typing(shared: tuple[Redis, str]) -> None:
    client, prefix = shared
    clock = Clock()
    web1 = RedisPresence(client, prefix, ttl=30, typing_ttl=15, clock=clock)
    web2 = RedisPresence(client, prefix, ttl=30, typing_ttl=15, clock=clock)
    web1.heartbeat(7, "mina@x.example")
    web2.heartbeat(7, "joon@x.example", typing=True)
    both = (Viewer("joon@x.example", typing=True), Viewer("mina@x.example", typing=False))
    assert web1.viewers(7) == both and web2.viewers(7) == both
    clock.now += 20
    web1.heartbeat(7, "mina@x.example")
    web2.heartbeat(7, "joon@x.example")  # still here, no longer typing after 15 s
    assert web1.viewers(7) == (
        Viewer("joon@x.example", typing=False),
        Viewer("mina@x.example", typing=False),
    )
    clock.now += 25  # joon's heartbeat is 25 s old, mina's too: both still there
    assert len(web2.viewers(7)) == 2
    clock.now += 10  # 35 s: both gone without heartbeats
    assert web2.viewers(7) == ()
    web1.heartbeat(8, "mina@x.example")
    web2.leave(8, "mina@x.example")
    assert web1.viewers(8) == ()
    assert web1.viewers(999) == ()


def test_changes_from_another_process_reach_this_ones_stream(shared: tuple[Redis, str]) -> None:
    client, prefix = shared
    clock = Clock()
    here = RedisPresence(client, prefix, clock=clock)
    there = RedisPresence(client, prefix, clock=clock)
    version, changed = here.changes_since(here.version)
    assert changed == {}
    there.heartbeat(3, "sora@x.example")
    version, changed = here.changes_since(version)
    assert changed == {3: (Viewer("sora@x.example", False),)}
    there.heartbeat(3, "sora@x.example")  # the same picture: nothing new
    assert here.changes_since(version) == (version, {})
    there.leave(3, "sora@x.example")
    later, changed = here.changes_since(version)
    assert changed == {3: ()} and later > version
    there.heartbeat(4, "sora@x.example")
    later, changed = here.changes_since(later)
    assert set(changed) == {4}
    clock.now += 31  # expiry without a leave is a change too
    _, changed = here.changes_since(later)
    assert changed == {4: ()}


def test_settings_choose_redis_in_scale_out_mode_and_memory_otherwise() -> None:
    def app(queue_url: str | None) -> SimpleNamespace:
        settings = SimpleNamespace(queue_url=queue_url, queue_prefix="comity-test-choice")
        return SimpleNamespace(state=SimpleNamespace(services=SimpleNamespace(settings=settings)))

    assert isinstance(presence_of(app(None)), PresenceBoard)
    scaled = app(REDIS_URL)
    board = presence_of(scaled)
    assert isinstance(board, RedisPresence) and board.prefix == "comity-test-choice"
    assert presence_of(scaled) is board  # one per app


class FakeLog:
    """The event log's read side, in memory."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def last_id(self) -> int:
        return self.events[-1].id if self.events else 0

    def since(self, last_id: int = 0, limit: int = 500) -> list[Event]:
        return [e for e in self.events if e.id > last_id][:limit]

    def add(self, case_id: int) -> None:
        from datetime import UTC, datetime

        self.events.append(Event(len(self.events) + 1, datetime.now(UTC), "case.updated", case_id))


def test_one_hub_fans_events_and_remote_presence_out_to_every_connection(
    shared: tuple[Redis, str],
) -> None:
    client, prefix = shared
    log = FakeLog()
    log.add(1)  # before anyone listens: not sent to fresh connections
    here = RedisPresence(client, prefix)
    there = RedisPresence(client, prefix)

    async def scenario() -> tuple[list[object], list[object], bool]:
        hub = LiveHub(log, here, poll=0.01)  # type: ignore[arg-type]
        first, second = hub.subscribe(), hub.subscribe()
        await hub.ready.wait()
        log.add(2)
        await asyncio.to_thread(there.heartbeat, 5, "other-process@x.example")
        got: list[list[object]] = [[], []]
        for index, queue in enumerate((first, second)):
            while len(got[index]) < 2:
                item = await asyncio.wait_for(queue.get(), timeout=5)
                assert item is not None
                kind, value, viewers = item
                got[index].append((kind, value.case_id if kind == "case" else value, viewers))
        hub.unsubscribe(first)
        hub.unsubscribe(second)
        await asyncio.sleep(0.05)
        assert hub._task is not None
        return got[0], got[1], hub._task.done()  # nobody listens: the poller stopped

    first, second, stopped = asyncio.run(scenario())
    expected = [
        ("case", 2, None),
        ("presence", 5, (Viewer("other-process@x.example", False),)),
    ]
    assert first == expected and second == expected and stopped


def test_sse_stream_of_one_process_shows_a_viewer_on_another(
    app: FastAPI, moderator: TestClient, shared: tuple[Redis, str]
) -> None:
    """Scale-out: this app's presence is in Redis; a second process's viewer reaches its SSE."""
    client, prefix = shared
    app.state.presence = RedisPresence(client, prefix)
    other_process = RedisPresence(client, prefix)
    app.state.sse_max_seconds = 0.6
    app.state.sse_poll_seconds = 0.05
    timer = threading.Timer(0.2, lambda: other_process.heartbeat(42, "elsewhere@x.example"))
    timer.start()
    with moderator.stream("GET", "/events") as response:
        body = "".join(response.iter_text())
    timer.join()
    presence = [
        json.loads(line.removeprefix("data: "))
        for block in body.split("\n\n")
        if "event: presence" in block
        for line in block.splitlines()
        if line.startswith("data: ")
    ]
    assert {"case_id": 42, "viewers": [{"email": "elsewhere@x.example", "typing": False}]} in (
        presence
    )
    # And the case view's presence fragment reads the shared board too.
    other_process.heartbeat(42, "elsewhere@x.example", typing=True)
    assert app.state.presence.viewers(42) == (Viewer("elsewhere@x.example", typing=True),)
