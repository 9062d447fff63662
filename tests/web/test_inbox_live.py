"""Collision guard and live updates: the presence board, its routes, and the SSE stream."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from comity.runtime.services import Services
from comity.store.users import Role
from comity.web.presence import PresenceBoard, Viewer
from comity.web.routes.live import parse_last_id
from tests.web.conftest import csrf_from, sign_in
from tests.web.ui_seed import demo_seeds, seed_cases


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_presence_expires_without_heartbeats_and_typing_fades() -> None:
    clock = Clock()
    board = PresenceBoard(ttl=30, typing_ttl=15, clock=clock)
    board.heartbeat(7, "mina@x.example")
    board.heartbeat(7, "joon@x.example", typing=True)
    assert board.viewers(7) == (
        Viewer("joon@x.example", typing=True),
        Viewer("mina@x.example", typing=False),
    )
    clock.now += 20
    board.heartbeat(7, "mina@x.example")
    assert board.viewers(7) == (
        Viewer("joon@x.example", typing=False),
        Viewer("mina@x.example", typing=False),
    )
    clock.now += 15  # joon's last beat is 35 s old now
    assert board.viewers(7) == (Viewer("mina@x.example", typing=False),)
    board.leave(7, "mina@x.example")
    assert board.viewers(7) == ()


def test_presence_versions_change_only_when_something_visible_changes() -> None:
    clock = Clock()
    board = PresenceBoard(clock=clock)
    start = board.version
    board.heartbeat(1, "a@x.example")
    version, changed = board.changes_since(start)
    assert changed == {1: (Viewer("a@x.example", False),)}
    board.heartbeat(1, "a@x.example")  # the same picture: no new change
    assert board.changes_since(version) == (version, {})
    board.heartbeat(2, "b@x.example", typing=True)
    later, changed = board.changes_since(version)
    assert set(changed) == {2} and later > version


@pytest.fixture
def cases(services: Services) -> dict[str, int]:
    return seed_cases(services, demo_seeds())


def test_two_people_on_one_case_see_each_other(
    app: FastAPI, make_user: Callable[[Role], str], cases: dict[str, int]
) -> None:
    case_id = cases["q1"]
    with TestClient(app) as first, TestClient(app) as second:
        sign_in(first, make_user(Role.AGENT))
        sign_in(second, make_user(Role.MODERATOR))
        first.get(f"/cases/{case_id}")
        page = second.get(f"/cases/{case_id}", headers={"Accept-Language": "en"}).text
        assert 'data-email="agent@example.com"' in page
        token = csrf_from(first.get("/me").text)
        beat = first.post(
            f"/cases/{case_id}/presence", data={"typing": "1"}, headers={"X-CSRF-Token": token}
        )
        assert beat.status_code == 204
        fragment = second.get(f"/cases/{case_id}/presence", headers={"Accept-Language": "en"}).text
        assert "is typing a reply…" in fragment and "agent" in fragment
        assert "moderator@example.com" not in fragment  # you do not see yourself
        first.post(
            f"/cases/{case_id}/presence", data={"leave": "1"}, headers={"X-CSRF-Token": token}
        )
        assert 'data-email="agent' not in second.get(f"/cases/{case_id}/presence").text


def read_stream(client: TestClient, headers: dict[str, str] | None = None) -> list[dict[str, str]]:
    """Every SSE message of one (short) stream, as dicts of its fields."""
    with client.stream("GET", "/events", headers=headers or {}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        body = "".join(response.iter_text())
    messages = []
    for block in body.split("\n\n"):
        fields: dict[str, str] = {}
        for line in block.splitlines():
            name, _, value = line.partition(": ")
            fields[name] = value
        if fields:
            messages.append(fields)
    return messages


@pytest.fixture
def short_streams(app: FastAPI) -> None:
    app.state.sse_max_seconds = 0.3
    app.state.sse_poll_seconds = 0.05


def test_sse_catches_up_from_last_event_id(
    moderator: TestClient, short_streams: None, cases: dict[str, int]
) -> None:
    everything = [m for m in read_stream(moderator, {"Last-Event-ID": "0"}) if "id" in m]
    created = [json.loads(m["data"]) for m in everything]
    assert {e["case_id"] for e in created} == set(cases.values())
    assert all(m["event"] == "case" for m in everything)
    assert {e["kind"] for e in created} == {"case.created"}
    ids = [int(m["id"]) for m in everything]
    assert ids == sorted(ids)
    # A reconnect with the third id gets only what came after it.
    rest = [m for m in read_stream(moderator, {"Last-Event-ID": str(ids[2])}) if "id" in m]
    assert [int(m["id"]) for m in rest] == ids[3:]


def test_fresh_stream_starts_now_and_sees_new_actions(
    moderator: TestClient, short_streams: None, cases: dict[str, int]
) -> None:
    first = read_stream(moderator)
    assert first[0] == {"retry": "3000"}
    assert [m for m in first if "id" in m] == []  # the page already shows the present
    token = csrf_from(moderator.get("/me").text)
    last = str(max(cases.values()))  # any id below the newest event
    moderator.post(
        f"/cases/{cases['q2']}/act/assign",
        data={"csrf_token": token},
        headers={"HX-Request": "true"},
    )
    messages = read_stream(moderator, {"Last-Event-ID": last})
    events = [json.loads(m["data"]) for m in messages if "data" in m]
    assigned = [e for e in events if e.get("kind") == "case.assigned"]
    assert assigned and assigned[-1]["case_id"] == cases["q2"]
    assert assigned[-1]["by"] == "moderator@example.com"
    assert set(assigned[-1]) == {"id", "kind", "case_id", "by"}  # no comment text leaves


def test_sse_sends_presence_changes(
    app: FastAPI, moderator: TestClient, short_streams: None, cases: dict[str, int]
) -> None:
    moderator.get(f"/cases/{cases['q1']}")  # creates the board
    board: PresenceBoard = app.state.presence
    app.state.sse_max_seconds = 0.5
    timer = threading.Timer(0.15, lambda: board.heartbeat(cases["q3"], "someone@x.example"))
    timer.start()
    messages = read_stream(moderator)
    timer.join()
    presence = [json.loads(m["data"]) for m in messages if m.get("event") == "presence"]
    assert {
        "case_id": cases["q3"],
        "viewers": [{"email": "someone@x.example", "typing": False}],
    } in presence


@pytest.mark.parametrize(
    ("value", "expected"), [("12", 12), (" 7 ", 7), ("x", None), (None, None), ("-1", None)]
)
def test_parse_last_event_id(value: str | None, expected: int | None) -> None:
    assert parse_last_id(value) == expected
