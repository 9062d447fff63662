"""GET /events: Server-Sent Events for the inbox (case changes from the event log, presence).

One shared poller per process (`LiveHub`) reads the log and presence about once a second and
fans the messages out to every open stream; a reconnecting stream first catches up from the
log itself.

Case events carry the event log's id, so a reconnecting EventSource sends Last-Event-ID and
gets what it missed. Presence events have no id: they describe the present, not history.
A stream ends after `sse_max_seconds` (the browser reconnects and catches up), which keeps
proxies and idle connections honest.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from comity.store.events import Event, EventLog
from comity.web.deps import SessionUser
from comity.web.pages import services_of
from comity.web.presence import Presence, Viewer
from comity.web.routes.cases_ui import presence_board

router = APIRouter(include_in_schema=False)

POLL_SECONDS = 1.0
KEEPALIVE_SECONDS = 15.0
MAX_STREAM_SECONDS = 300.0
CATCH_UP_LIMIT = 500
RETRY_MS = 3000
QUEUE_SIZE = 2000  # messages a connection may fall behind before it is ended

logger = logging.getLogger(__name__)


def event_log(request: Request) -> EventLog:
    found = getattr(request.app.state, "ui_events", None)
    if not isinstance(found, EventLog):
        found = EventLog(services_of(request).engine)
        request.app.state.ui_events = found
    return found


def case_message(event: Event) -> str:
    """Ids, kind and actor only: the page fetches what it shows through its own routes."""
    data: dict[str, object] = {"id": event.id, "kind": event.kind, "case_id": event.case_id}
    by = event.payload.get("by")
    if isinstance(by, str):
        data["by"] = by  # lets the actor's own page skip refreshing what it just changed
    return f"id: {event.id}\nevent: case\ndata: {json.dumps(data)}\n\n"


def presence_message(case_id: int, viewers: tuple[Viewer, ...]) -> str:
    data = {
        "case_id": case_id,
        "viewers": [{"email": v.email, "typing": v.typing} for v in viewers],
    }
    return f"event: presence\ndata: {json.dumps(data)}\n\n"


def parse_last_id(value: str | None) -> int | None:
    if value is None or not value.strip().isdigit():
        return None
    return int(value.strip())


Item = tuple[str, Any, Any]  # ("case", Event, None) or ("presence", case id, viewers)


class LiveHub:
    """One poller per process (per event loop) that fans events out to the SSE connections.

    Every tick it reads the event log once after the newest id it has seen and asks presence
    what changed (in the scale-out mode that reads Redis, so other processes' viewers show),
    then puts the messages on each connection's queue. It stops when the last connection
    leaves. A connection whose queue overflows is ended: the browser reconnects and catches up.
    """

    def __init__(self, log: EventLog, presence: Presence, poll: float = POLL_SECONDS) -> None:
        self.log = log
        self.presence = presence
        self.poll = poll
        self.loop = asyncio.get_running_loop()
        self.last_id = 0
        self.ready = asyncio.Event()
        self._queues: set[asyncio.Queue[Item | None]] = set()
        self._task: asyncio.Task[None] | None = None

    def subscribe(self) -> asyncio.Queue[Item | None]:
        queue: asyncio.Queue[Item | None] = asyncio.Queue(maxsize=QUEUE_SIZE)
        self._queues.add(queue)
        if self._task is None or self._task.done():
            self.ready.clear()
            self._task = self.loop.create_task(self._run())
        return queue

    def unsubscribe(self, queue: asyncio.Queue[Item | None]) -> None:
        self._queues.discard(queue)

    def _send(self, item: Item) -> None:
        for queue in list(self._queues):
            try:
                queue.put_nowait(item)
            except asyncio.QueueFull:
                self._queues.discard(queue)
                _drain_and_close(queue)

    async def _run(self) -> None:
        version = 0
        while self._queues and not self.ready.is_set():
            try:
                self.last_id = await run_in_threadpool(self.log.last_id)
                # Start from the present picture: the pages already show it.
                version, _ = await run_in_threadpool(self.presence.changes_since, 1 << 62)
                self.ready.set()
            except Exception:
                logger.exception("live updates: cannot read the event log or presence")
                await asyncio.sleep(self.poll)
        while self._queues:
            full = False
            try:
                events = await run_in_threadpool(self.log.since, self.last_id, CATCH_UP_LIMIT)
                for event in events:  # no await in between: subscribers see a consistent id
                    self.last_id = event.id
                    self._send(("case", event, None))
                full = len(events) >= CATCH_UP_LIMIT
                version, changed = await run_in_threadpool(self.presence.changes_since, version)
                for case_id, viewers in sorted(changed.items()):
                    self._send(("presence", case_id, viewers))
            except Exception:  # a database or Redis hiccup: keep serving, try again
                logger.exception("live updates: polling failed")
            if not full:
                await asyncio.sleep(self.poll)


def _drain_and_close(queue: asyncio.Queue[Item | None]) -> None:
    while not queue.empty():
        queue.get_nowait()
    queue.put_nowait(None)


def live_hub(request: Request) -> LiveHub:
    """The process's hub for the running event loop (a test client may run several loops)."""
    hub = getattr(request.app.state, "live_hub", None)
    loop = asyncio.get_running_loop()
    if not isinstance(hub, LiveHub) or hub.loop is not loop:
        poll = float(getattr(request.app.state, "sse_poll_seconds", POLL_SECONDS))
        hub = LiveHub(event_log(request), presence_board(request), poll)
        request.app.state.live_hub = hub
    return hub


@router.get("/events")
async def events(
    request: Request,
    _user: SessionUser,
    last_event_id: Annotated[str | None, Header(max_length=20)] = None,
) -> StreamingResponse:
    log = event_log(request)
    hub = live_hub(request)
    max_seconds = float(getattr(request.app.state, "sse_max_seconds", MAX_STREAM_SECONDS))
    start = parse_last_id(last_event_id)
    queue = hub.subscribe()  # before the catch-up read, so nothing falls between the two

    async def stream() -> AsyncIterator[str]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max_seconds
        try:
            yield f"retry: {RETRY_MS}\n\n"
            try:
                await asyncio.wait_for(hub.ready.wait(), timeout=max_seconds)
            except TimeoutError:
                return  # the database or Redis is down: the browser retries
            last_id = hub.last_id  # a fresh page already shows the present
            if start is not None:
                # Catch up from the log itself; the hub's messages repeat some of it (skipped).
                last_id = start
                while True:
                    missed = await run_in_threadpool(log.since, last_id, CATCH_UP_LIMIT)
                    for event in missed:
                        last_id = event.id
                        yield case_message(event)
                    if len(missed) < CATCH_UP_LIMIT:
                        break
            quiet_since = loop.time()
            while loop.time() < deadline:
                if await request.is_disconnected():
                    return
                wait = min(1.0, max(0.0, deadline - loop.time()))
                try:
                    item = await asyncio.wait_for(queue.get(), timeout=wait)
                except TimeoutError:
                    if loop.time() - quiet_since > KEEPALIVE_SECONDS:
                        quiet_since = loop.time()
                        yield ": keep-alive\n\n"
                    continue
                if item is None:
                    return  # too slow to keep up: the browser reconnects with Last-Event-ID
                quiet_since = loop.time()
                kind, first, second = item
                if kind == "case":
                    if first.id > last_id:
                        last_id = first.id
                        yield case_message(first)
                else:
                    yield presence_message(first, second)
        finally:
            hub.unsubscribe(queue)

    return StreamingResponse(
        stream(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
