"""`comity outbox`: listing by status, re-queueing a failed entry (audited, moderators only)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from comity.runtime.services import Services
from comity.settings import Settings
from comity.store.audit import audit_entries
from comity.store.outbox import Outbox, enqueue
from comity.store.users import Role
from tests.cli.conftest import Invoke

AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _seed() -> tuple[int, int]:
    services = Services.from_settings(Settings())
    try:
        services.users.add("mod@example.com", "a long enough password", Role.MODERATOR)
        services.users.add("agent@example.com", "a long enough password", Role.AGENT)
        with services.engine.begin() as conn:
            failed = enqueue(conn, channel="youtube", kind="hide", external_id="Ugx1", at=AT)
            pending = enqueue(conn, channel="instagram", kind="like", external_id="ig1", at=AT)
        outbox = Outbox(services.engine)
        outbox.mark_failed(failed, "YouTube answered 500")
        return failed, pending
    finally:
        services.close()


def test_lists_entries_by_status_and_requeues_a_failed_one(invoke: Invoke) -> None:
    failed, pending = _seed()
    listed = invoke("outbox", "--json")
    assert listed.exit_code == 0
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(r["id"], r["status"]) for r in rows] == [(pending, "pending"), (failed, "failed")]
    only = invoke("outbox", "--status", "failed")
    assert f"#{failed}" in only.stdout and "YouTube answered 500" in only.stdout
    assert f"#{pending}" not in only.stdout

    assert invoke("outbox", "--retry", str(failed)).exit_code == 2  # who? (--as)
    refused = invoke("outbox", "--retry", str(failed), "--as", "agent@example.com")
    assert refused.exit_code == 1 and "may not retry_delivery" in refused.stderr
    again = invoke("outbox", "--retry", str(pending), "--as", "mod@example.com")
    assert again.exit_code == 1 and "only failed or unsupported" in again.stderr

    done = invoke("outbox", "--retry", str(failed), "--as", "mod@example.com", "--reason", "fixed")
    assert done.exit_code == 0
    services = Services.from_settings(Settings())
    try:
        item = Outbox(services.engine).get(failed)
        assert item is not None and (item.status, item.attempts) == ("pending", 0)
        [entry] = audit_entries(services.engine, "outbox", str(failed))
        assert (entry.actor, entry.kind, entry.reason) == (
            "mod@example.com",
            "outbox.retry",
            "fixed",
        )
    finally:
        services.close()


def test_an_unknown_status_is_refused(invoke: Invoke) -> None:
    result = invoke("outbox", "--status", "lost")
    assert result.exit_code == 2 and "choose one of" in result.stderr
