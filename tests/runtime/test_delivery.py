"""Outbox delivery through the connectors, HTTP faked with httpx.MockTransport (no network)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, select

from comity.runtime.delivery import (
    ConnectorConfigError,
    ConnectorLinks,
    Delivery,
    backoff,
)
from comity.settings import ConnectorSettings
from comity.store import make_engine, migrate
from comity.store import tables as t
from comity.store.events import EventLog
from comity.store.outbox import DELIVERY_ACTOR, Outbox, enqueue
from tests.clock import Clock

FIXTURES = Path(__file__).resolve().parents[2] / "src/comity/connectors/youtube/fixtures"
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
Handler = Callable[[httpx.Request], httpx.Response]


class FakeYouTube:
    """Answers like YouTube's API (recorded fixtures), or with `status` for every call."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.status = 200

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.status >= 400:
            return httpx.Response(self.status, json={"error": {"message": "backendError"}})
        if request.method == "POST" and request.url.path.endswith("/comments"):
            body = json.loads((FIXTURES / "action_reply.response.json").read_text())
            return httpx.Response(200, json=body)
        return httpx.Response(204)


@pytest.fixture
def youtube() -> FakeYouTube:
    return FakeYouTube()


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


def _delivery(
    engine: Engine, youtube: FakeYouTube, clock: Clock, *, max_attempts: int = 3
) -> Delivery:
    links = ConnectorLinks(
        {"youtube": ConnectorSettings(kind="youtube", token="yt-token")},
        transport=httpx.MockTransport(youtube),
    )
    return Delivery(
        outbox=Outbox(engine),
        links=links,
        max_attempts=max_attempts,
        backoff_base=60.0,
        clock=clock,
        rand=lambda: 0.5,  # no jitter: the wait is exactly base * 2^(n-1)
        events=EventLog(engine),
    )


def _enqueue(
    engine: Engine, channel: str, kind: str, external_id: str | None = "c1", **payload: str
) -> int:
    with engine.begin() as conn:
        return enqueue(
            conn, channel=channel, kind=kind, external_id=external_id, handle="h1",
            payload=payload, at=T0,
        )  # fmt: skip


def test_a_reply_reaches_the_channel_with_the_token_and_is_marked_sent(
    engine: Engine, youtube: FakeYouTube, clock: Clock
) -> None:
    item_id = _enqueue(engine, "youtube", "reply", text="고마워요, 확인해 볼게요!")
    report = _delivery(engine, youtube, clock).run_once()
    assert report.sent == 1
    [request] = youtube.requests
    assert request.headers["Authorization"] == "Bearer yt-token"
    assert json.loads(request.content)["snippet"] == {
        "parentId": "c1",
        "textOriginal": "고마워요, 확인해 볼게요!",
    }
    item = Outbox(engine).get(item_id)
    assert item is not None
    assert (item.status, item.attempts, item.remote_id) == ("sent", 1, "UgxDemoThread1.brandReply")
    assert item.sent_at is not None and item.claimed_by is None
    # Sent is final: the next pass does not send it again.
    assert _delivery(engine, youtube, clock).run_once().attempted == 0
    assert len(youtube.requests) == 1


def test_a_channel_without_a_connector_keeps_its_entries_pending_and_says_why(
    engine: Engine, youtube: FakeYouTube, clock: Clock
) -> None:
    item_id = _enqueue(engine, "instagram", "hide", reason="spam")
    report = _delivery(engine, youtube, clock).run_once()
    assert report.unconfigured == 1 and report.attempted == 0
    item = Outbox(engine).get(item_id)
    assert item is not None
    assert item.status == "pending" and item.attempts == 0
    assert item.last_error == "no connector configured for channel instagram"
    # Once configured, the same entry is delivered.
    delivery = _delivery(engine, youtube, clock)
    delivery.links = ConnectorLinks(
        {"instagram": ConnectorSettings(kind="youtube")}, transport=httpx.MockTransport(youtube)
    )
    assert delivery.run_once().sent == 1


def test_what_a_channel_cannot_do_is_unsupported_with_the_reason_and_an_event(
    engine: Engine, youtube: FakeYouTube, clock: Clock
) -> None:
    item_id = _enqueue(engine, "youtube", "like")
    ban_id = _enqueue(engine, "youtube", "ban", external_id=None, reason="spam bot")
    report = _delivery(engine, youtube, clock).run_once()
    assert report.unsupported == 2
    assert youtube.requests == []
    like = Outbox(engine).get(item_id)
    ban = Outbox(engine).get(ban_id)
    assert like is not None and ban is not None
    assert (like.status, like.last_error) == ("unsupported", "YouTube's API cannot like a comment")
    assert ban.status == "unsupported"
    kinds = [event.kind for event in EventLog(engine).since(0)]
    assert kinds == ["outbox.unsupported", "outbox.unsupported"]


def test_errors_retry_with_exponential_backoff_then_fail_with_an_audit_row_and_event(
    engine: Engine, youtube: FakeYouTube, clock: Clock
) -> None:
    youtube.status = 503
    item_id = _enqueue(engine, "youtube", "hide", reason="insult")
    delivery = _delivery(engine, youtube, clock, max_attempts=3)
    outbox = Outbox(engine)

    assert delivery.run_once().retried == 1
    item = outbox.get(item_id)
    assert item is not None
    assert (item.status, item.attempts) == ("pending", 1)
    assert item.last_error == "ConnectorError: YouTube answered 503: backendError"
    assert item.next_attempt_at == T0 + timedelta(seconds=60)

    clock.now = T0 + timedelta(seconds=59)
    assert delivery.run_once().attempted == 0  # not due yet

    clock.now = T0 + timedelta(seconds=60)
    assert delivery.run_once().retried == 1
    item = outbox.get(item_id)
    assert item is not None and item.next_attempt_at == clock.now + timedelta(seconds=120)

    clock.now += timedelta(seconds=120)
    assert delivery.run_once().failed == 1
    item = outbox.get(item_id)
    assert item is not None
    assert (item.status, item.attempts) == ("failed", 3)
    assert len(youtube.requests) == 3
    with engine.connect() as conn:
        audit = conn.execute(select(t.audit_log)).one()
    assert (audit.actor, audit.action, audit.target_type) == (
        DELIVERY_ACTOR,
        "outbox.failed",
        "outbox",
    )
    assert audit.target_id == str(item_id) and "503" in audit.reason
    [event] = EventLog(engine).since(0)
    assert event.kind == "outbox.failed" and event.payload["outbox_id"] == item_id
    # Failed is final until someone re-queues it.
    clock.now += timedelta(days=1)
    assert delivery.run_once().attempted == 0


def test_network_errors_are_retried_too(engine: Engine, clock: Clock) -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    item_id = _enqueue(engine, "youtube", "delete", reason="fraud")
    delivery = _delivery(engine, FakeYouTube(), clock)
    delivery.links = ConnectorLinks(
        {"youtube": ConnectorSettings(kind="youtube")}, transport=httpx.MockTransport(down)
    )
    assert delivery.run_once().retried == 1
    item = Outbox(engine).get(item_id)
    assert item is not None and item.last_error == "ConnectError: connection refused"


def test_a_requeued_entry_is_delivered_again(
    engine: Engine, youtube: FakeYouTube, clock: Clock
) -> None:
    youtube.status = 500
    item_id = _enqueue(engine, "youtube", "hide", reason="insult")
    _delivery(engine, youtube, clock, max_attempts=1).run_once()
    outbox = Outbox(engine)
    with engine.begin() as conn:
        assert outbox.requeue(item_id, conn) is not None
    youtube.status = 200
    assert _delivery(engine, youtube, clock, max_attempts=1).run_once().sent == 1


def test_a_claim_is_exclusive_and_a_stale_one_goes_back_to_pending(
    engine: Engine, clock: Clock
) -> None:
    ids = [_enqueue(engine, "youtube", "hide", external_id=f"c{i}") for i in range(4)]
    outbox = Outbox(engine)
    first = outbox.claim("worker-a", T0, ["youtube"], limit=3)
    second = outbox.claim("worker-b", T0, ["youtube"], limit=10)
    assert [item.id for item in first] == ids[:3]  # oldest first
    assert [item.id for item in second] == ids[3:]
    assert outbox.claim("worker-c", T0, ["youtube"]) == []
    assert {item.claimed_by for item in outbox.entries("sending")} == {"worker-a", "worker-b"}

    assert outbox.release_stale(T0) == 0  # claimed at T0: not older than T0
    assert outbox.release_stale(T0 + timedelta(seconds=1)) == 4
    assert [item.id for item in outbox.claim("worker-c", T0, ["youtube"])] == ids


def test_concurrent_claims_never_take_the_same_entry(engine: Engine) -> None:
    total = 60
    for i in range(total):
        _enqueue(engine, "youtube", "hide", external_id=f"c{i}")
    outbox = Outbox(engine)
    taken: list[list[int]] = []
    start = threading.Barrier(3)

    def work(name: str) -> None:
        start.wait()
        mine: list[int] = []
        while batch := outbox.claim(name, T0, ["youtube"], limit=5):
            mine.extend(item.id for item in batch)
        taken.append(mine)

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [item_id for mine in taken for item_id in mine]
    assert len(every) == total and len(set(every)) == total


def test_an_undo_waits_for_the_action_it_undoes(
    engine: Engine, youtube: FakeYouTube, clock: Clock
) -> None:
    hide = _enqueue(engine, "youtube", "hide", external_id="c7", reason="insult")
    unhide = _enqueue(engine, "youtube", "unhide", external_id="c7")
    other = _enqueue(engine, "youtube", "hide", external_id="c8", reason="spam")
    outbox = Outbox(engine)
    assert [item.id for item in outbox.claim("w", T0, ["youtube"])] == [hide, other]
    outbox.mark_sent(hide)
    assert [item.id for item in outbox.claim("w", T0, ["youtube"])] == [unhide]


def test_youtube_hide_sets_the_moderation_status(
    engine: Engine, youtube: FakeYouTube, clock: Clock
) -> None:
    _enqueue(engine, "youtube", "hide", external_id="Ugx1", reason="insult")
    _delivery(engine, youtube, clock).run_once()
    [request] = youtube.requests
    assert request.url.path.endswith("/comments/setModerationStatus")
    assert request.url.params["id"] == "Ugx1"
    assert request.url.params["moderationStatus"] == "heldForReview"


def test_the_loop_prunes_events_at_most_once_an_hour(
    engine: Engine, youtube: FakeYouTube, clock: Clock
) -> None:
    from comity.store.events import publish

    with engine.begin() as conn:
        for day in range(5):
            publish(conn, "case.updated", {"n": day}, at=T0 - timedelta(days=40 - day))
        publish(conn, "case.updated", {"n": "fresh"}, at=T0)
    delivery = _delivery(engine, youtube, clock)
    delivery.events_keep_min = 2
    assert delivery.housekeeping() == 4  # the newest two stay although one is old
    assert [e.payload["n"] for e in EventLog(engine).since(0)] == [4, "fresh"]
    with engine.begin() as conn:
        publish(conn, "case.updated", {"n": "new"}, at=T0 - timedelta(days=60))
    clock.now = T0 + timedelta(minutes=59)
    assert delivery.housekeeping() == 0  # within the hour
    clock.now = T0 + timedelta(hours=1)
    assert delivery.housekeeping() == 1


def test_backoff_doubles_is_capped_and_jittered() -> None:
    assert backoff(1, 30, rand=lambda: 0.5) == timedelta(seconds=30)
    assert backoff(4, 30, rand=lambda: 0.5) == timedelta(seconds=240)
    assert backoff(30, 30, rand=lambda: 0.5) == timedelta(hours=6)
    assert backoff(2, 30, rand=lambda: 0.0) == timedelta(seconds=45)
    assert backoff(2, 30, rand=lambda: 1.0) == timedelta(seconds=75)


def test_an_unknown_connector_kind_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ConnectorConfigError, match="connectors.insta: unknown connector kind"):
        ConnectorLinks({"insta": ConnectorSettings(kind="instagramm")})
    links = ConnectorLinks({"yt": ConnectorSettings(kind="youtube", options={"bogus": "x"})})
    with pytest.raises(ConnectorConfigError, match="options do not fit"):
        links.get("yt")
    assert links.allows("yt", "hide") and not links.allows("yt", "like")
    assert links.allows("instagram", "like")  # no connector: nothing is known to be refused


def test_tick_runs_a_pass_at_most_once_per_interval(
    engine: Engine, youtube: FakeYouTube, clock: Clock
) -> None:
    delivery = _delivery(engine, youtube, clock)
    delivery.interval = 3600
    _enqueue(engine, "youtube", "hide", external_id="a", reason="spam")
    first = delivery.tick()
    assert first is not None and first.sent == 1
    _enqueue(engine, "youtube", "hide", external_id="b", reason="spam")
    assert delivery.tick() is None  # a worker's next round, seconds later
    assert len(youtube.requests) == 1


def test_the_server_refuses_to_start_with_an_unknown_connector(tmp_path: Path) -> None:
    from comity.runtime.services import Services
    from comity.settings import Settings

    settings = Settings(
        data_dir=tmp_path / "data",
        database_url=f"sqlite:///{tmp_path / 'c.db'}",
        connectors={"insta": {"kind": "instagramm"}},  # type: ignore[dict-item]
    )
    services = Services.from_settings(settings, stages=[])
    try:
        with pytest.raises(ConnectorConfigError, match="unknown connector kind 'instagramm'"):
            services.start_background_pipeline()
    finally:
        services.close()


def test_the_background_loop_delivers_and_stops_with_the_services(tmp_path: Path) -> None:
    from comity.runtime.services import Services
    from comity.settings import Settings

    settings = Settings(
        data_dir=tmp_path / "data",
        database_url=f"sqlite:///{tmp_path / 'c.db'}",
        connectors={"youtube": {"kind": "youtube", "token": "t"}},  # type: ignore[dict-item]
        delivery_interval=0.05,
    )
    services = Services.from_settings(settings, stages=[])
    youtube = FakeYouTube()
    services.delivery.links.transport = httpx.MockTransport(youtube)
    item_id = _enqueue(services.engine, "youtube", "hide", reason="spam")
    services.start_background_pipeline()
    try:
        for _ in range(200):  # the loop's own pace; wait for the outcome, not a duration
            item = Outbox(services.engine).get(item_id)
            if item is not None and item.status == "sent":
                break
            threading.Event().wait(0.05)
        assert item is not None and item.status == "sent"
    finally:
        services.close()
    assert services._delivery_thread is None


def test_a_queue_worker_round_runs_the_delivery_and_survives_its_failure(tmp_path: Path) -> None:
    from comity.runtime import InProcessRunner
    from comity.runtime.streams import StreamQueue, StreamWorker
    from comity.store import CommentRepository
    from tests.redis_service import redis_prefix

    engine = make_engine(f"sqlite:///{tmp_path / 'c.db'}")
    migrate(engine)
    repository = CommentRepository(engine)
    calls: list[str] = []

    def failing_delivery() -> None:
        calls.append("delivery")
        raise RuntimeError("channel API down")

    with redis_prefix() as (client, prefix):
        queue = StreamQueue(client, prefix=prefix, partitions=2)
        queue.ensure_groups()
        worker = StreamWorker(
            queue=queue,
            runner=InProcessRunner(repository, []),
            repository=repository,
            delivery=failing_delivery,
        )
        assert worker.run_once() == 0  # the failure is logged, the round completes
        worker.run_once()
        worker.close()
    assert calls == ["delivery", "delivery"]
    engine.dispose()
