"""The outbox and event-log store functions delivery relies on (both databases)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from comity.store.events import EventLog, publish
from comity.store.outbox import Outbox, enqueue

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_prune_deletes_old_events_but_keeps_the_newest_n(engine: Engine) -> None:
    with engine.begin() as conn:
        ids = [
            publish(conn, "case.updated", {"n": i}, at=T0 - timedelta(days=10 - i))
            for i in range(6)
        ]
    log = EventLog(engine)
    assert log.prune(T0 - timedelta(days=30)) == 0  # nothing that old
    assert log.prune(T0, keep_last=2) == 4
    assert [event.id for event in log.since(0)] == ids[-2:]
    assert log.prune(T0, keep_last=0) == 2
    assert log.since(0) == [] and log.last_id() == 0


def test_unconfigured_channels_are_noted_once_and_stay_pending(engine: Engine) -> None:
    with engine.begin() as conn:
        first = enqueue(conn, channel="kakao", kind="reply", external_id="k1", at=T0)
        enqueue(conn, channel="youtube", kind="hide", external_id="y1", at=T0)
    outbox = Outbox(engine)
    assert outbox.note_unconfigured(["youtube"]) == 1
    assert outbox.note_unconfigured(["youtube"]) == 0  # already says so: no rewrite
    item = outbox.get(first)
    assert item is not None and item.status == "pending"
    assert item.last_error == "no connector configured for channel kakao"
    assert outbox.note_unconfigured([]) == 1  # now youtube has none either


def test_requeue_if_only_moves_the_allowed_statuses(engine: Engine) -> None:
    with engine.begin() as conn:
        item_id = enqueue(conn, channel="youtube", kind="hide", external_id="y1", at=T0)
    outbox = Outbox(engine)
    with engine.begin() as conn:
        before = outbox.requeue_if(item_id, ("failed",), conn)
    assert before is not None and before.status == "pending"
    outbox.mark_failed(item_id, "boom")
    with engine.begin() as conn:
        assert outbox.requeue_if(item_id, ("failed",), conn) is not None
        assert outbox.requeue_if(999, ("failed",), conn) is None
    item = outbox.get(item_id)
    assert item is not None and (item.status, item.attempts) == ("pending", 0)
