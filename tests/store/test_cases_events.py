from __future__ import annotations

from sqlalchemy import Engine

from comity.domain import Queue
from comity.store.events import EventLog, publish
from tests.store.inbox_data import Seed, store


def test_new_open_cases_are_announced_and_a_client_catches_up(engine: Engine) -> None:
    log = EventLog(engine)
    assert log.last_id() == 0
    ids = store(engine, [Seed("a", "질문 있어요"), Seed("b", "끝", queue=Queue.DONE)])
    created = log.since(0)
    # Only open cases are news; the done one is not announced.
    assert [(e.kind, e.case_id) for e in created] == [("case.created", ids["a"])]
    assert created[0].payload["queue"] == "needs_reply"
    seen = log.last_id()
    with engine.begin() as conn:
        first = publish(conn, "note.added", {"note": 1}, case_id=ids["a"])
        second = publish(conn, "case.assigned", {"assignee": "x@y.example"}, case_id=ids["a"])
    missed = log.since(seen)
    assert [e.id for e in missed] == [first, second]
    assert [e.kind for e in missed] == ["note.added", "case.assigned"]
    assert log.since(second) == []
    assert [e.id for e in log.since(seen, limit=1)] == [first]


def test_an_event_rolls_back_with_its_transaction(engine: Engine) -> None:
    log = EventLog(engine)
    try:
        with engine.begin() as conn:
            publish(conn, "case.updated", {}, case_id=None)
            raise RuntimeError("the action failed")
    except RuntimeError:
        pass
    assert log.since(0) == []
