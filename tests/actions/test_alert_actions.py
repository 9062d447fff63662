"""Acknowledge and resolve a storm alert: role check, one transaction, audit row, event."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from comity.actions import ActionContext, PermissionDenied, do_acknowledge_alert, do_resolve_alert
from comity.actions.alerts import AlertActionError
from comity.domain import Role
from comity.store.audit import audit_entries
from comity.store.events import EventLog
from comity.store.monitoring import MonitorRepository
from comity.store.users import User
from tests.monitoring.helpers import store_alert

MODERATOR = User(id=1, email="mod@haneul.example", role=Role.MODERATOR, disabled=False)
AGENT = User(id=2, email="agent@haneul.example", role=Role.AGENT, disabled=False)

# `engine` is the root conftest's: every test runs on SQLite and PostgreSQL.


def test_acknowledge_then_resolve_write_audit_rows_and_events(engine: Engine) -> None:
    alert_id = store_alert(MonitorRepository(engine))
    ctx = ActionContext(engine)
    start = EventLog(engine).last_id()
    acked = do_acknowledge_alert(ctx, alert_id, by=MODERATOR, note="on it")
    resolved = do_resolve_alert(ctx, alert_id, by=MODERATOR, note="facts posted")
    alert = MonitorRepository(engine).get(alert_id)
    assert alert is not None and (alert.status, alert.note) == ("resolved", "facts posted")
    log = audit_entries(engine, "alert", str(alert_id))
    assert [(a.kind, a.before["status"], a.after["status"]) for a in log] == [
        ("acknowledge_alert", "open", "acknowledged"),
        ("resolve_alert", "acknowledged", "resolved"),
    ]
    assert (acked.audit_id, resolved.audit_id) != (0, 0)
    events = EventLog(engine).since(start)
    assert [(e.kind, e.payload["status"], e.payload["audit_id"]) for e in events] == [
        ("alert.status", "acknowledged", acked.audit_id),
        ("alert.status", "resolved", resolved.audit_id),
    ]


def test_refusals_change_nothing(engine: Engine) -> None:
    alert_id = store_alert(MonitorRepository(engine))
    ctx = ActionContext(engine)
    start = EventLog(engine).last_id()
    with pytest.raises(PermissionDenied):
        do_resolve_alert(ctx, alert_id, by=AGENT, note="x")
    with pytest.raises(AlertActionError, match="needs a note"):
        do_resolve_alert(ctx, alert_id, by=MODERATOR, note=" ")
    with pytest.raises(AlertActionError, match="no alert"):
        do_acknowledge_alert(ctx, alert_id + 99, by=MODERATOR)
    do_resolve_alert(ctx, alert_id, by=MODERATOR, note="done")
    with pytest.raises(AlertActionError, match="reopens if the storm returns"):
        do_acknowledge_alert(ctx, alert_id, by=MODERATOR)
    assert [a.kind for a in audit_entries(engine, "alert", str(alert_id))] == ["resolve_alert"]
    assert [e.kind for e in EventLog(engine).since(start)] == ["alert.status"]
