"""Re-queueing an outbox entry the channel did not take (failed or unsupported), audited."""

from __future__ import annotations

from sqlalchemy import Connection

from comity.actions.context import ActionContext, AuditedAction, record
from comity.actions.errors import ActionError, NotFound
from comity.actions.permissions import check_permission
from comity.store.outbox import Outbox
from comity.store.users import User

RETRYABLE = ("failed", "unsupported")


def do_retry_delivery(
    ctx: ActionContext,
    outbox_id: int,
    *,
    by: User,
    reason: str = "",
    conn: Connection | None = None,
) -> AuditedAction:
    """Make a failed or unsupported outbox entry pending again, with fresh attempts."""
    check_permission(by.role, "retry_delivery")
    with ctx.transaction(conn) as tx:
        before = Outbox(ctx.engine).requeue_if(outbox_id, RETRYABLE, tx)
        if before is None:
            raise NotFound(f"no outbox entry {outbox_id}")
        if before.status not in RETRYABLE:
            raise ActionError(
                f"outbox entry {outbox_id} is {before.status}; only failed or unsupported "
                "entries can be re-queued"
            )
        return record(
            tx,
            ctx,
            kind="outbox.retry",
            target_type="outbox",
            target_id=outbox_id,
            by=by,
            reason=reason,
            before={"status": before.status, "attempts": before.attempts,
                    "last_error": before.last_error},
            after={"status": "pending", "attempts": 0},
            event="outbox.retry",
            payload={"outbox_id": outbox_id, "channel": before.channel, "kind": before.kind},
        )  # fmt: skip
