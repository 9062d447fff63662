"""GET /events: Server-Sent Events for the inbox (case changes from the event log, presence).

Case events carry the event log's id, so a reconnecting EventSource sends Last-Event-ID and
gets what it missed. Presence events have no id: they describe the present, not history.
A stream ends after `sse_max_seconds` (the browser reconnects and catches up), which keeps
proxies and idle connections honest.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from comity.store.events import Event, EventLog
from comity.web.deps import SessionUser
from comity.web.pages import services_of
from comity.web.presence import Viewer
from comity.web.routes.cases_ui import presence_board

router = APIRouter(include_in_schema=False)

POLL_SECONDS = 1.0
KEEPALIVE_SECONDS = 15.0
MAX_STREAM_SECONDS = 300.0
CATCH_UP_LIMIT = 500
RETRY_MS = 3000


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


@router.get("/events")
async def events(
    request: Request,
    _user: SessionUser,
    last_event_id: Annotated[str | None, Header(max_length=20)] = None,
) -> StreamingResponse:
    log = event_log(request)
    board = presence_board(request)
    max_seconds = float(getattr(request.app.state, "sse_max_seconds", MAX_STREAM_SECONDS))
    poll = float(getattr(request.app.state, "sse_poll_seconds", POLL_SECONDS))
    start = parse_last_id(last_event_id)
    if start is None:
        start = await run_in_threadpool(log.last_id)  # a fresh page already shows the present

    async def stream() -> AsyncIterator[str]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max_seconds
        last_id = start
        presence_version = board.version  # the page itself showed who was there
        quiet_since = loop.time()
        yield f"retry: {RETRY_MS}\n\n"
        while loop.time() < deadline:
            if await request.is_disconnected():
                return
            sent = False
            for event in await run_in_threadpool(log.since, last_id, CATCH_UP_LIMIT):
                last_id = event.id
                sent = True
                yield case_message(event)
            presence_version, changed = board.changes_since(presence_version)
            for case_id, viewers in sorted(changed.items()):
                sent = True
                yield presence_message(case_id, viewers)
            if sent:
                quiet_since = loop.time()
            elif loop.time() - quiet_since > KEEPALIVE_SECONDS:
                quiet_since = loop.time()
                yield ": keep-alive\n\n"
            await asyncio.sleep(poll)

    return StreamingResponse(
        stream(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
