"""Working a case: assign, snooze, done/reopen, labels, showcase/share.

Each function takes `conn` only so that `do_bulk` can run many in one transaction; callers
leave it out and get a transaction of their own.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row

from comity.actions.context import ActionContext, AuditedAction, record
from comity.actions.errors import ActionError, AssignmentConflict, NotFound
from comity.actions.permissions import check_permission
from comity.domain import CaseStatus
from comity.store.inbox_writes import add_label, lock_case, remove_label, update_case, user_emails
from comity.store.rows import aware
from comity.store.users import User

MAX_LABEL = 100


def locked_case(conn: Connection, case_id: int) -> Row[Any]:
    row = lock_case(conn, case_id)
    if row is None:
        raise NotFound(f"no case {case_id}")
    return row


def _iso(value: datetime | None) -> str | None:
    return aware(value).isoformat() if value is not None else None


def do_assign(
    ctx: ActionContext,
    case_id: int,
    assignee_email: str | None,
    *,
    by: User,
    take_over: bool = False,
    reason: str = "",
    conn: Connection | None = None,
) -> AuditedAction:
    """Give the case to one person (None: to nobody). Assignment is exclusive.

    A case someone else holds is only taken with `take_over=True`; the audit row and the
    event record who had it.
    """
    kind = "assign" if assignee_email is not None else "unassign"
    check_permission(by.role, kind)
    with ctx.transaction(conn) as tx:
        if assignee_email is not None and assignee_email not in user_emails(tx):
            raise ActionError(f"no active user {assignee_email!r} to assign the case to")
        row = locked_case(tx, case_id)
        holder = row.assignee
        if holder == assignee_email:
            raise ActionError(
                f"case {case_id} is already assigned to {holder}"
                if holder
                else f"case {case_id} is not assigned"
            )
        if holder is not None and holder != by.email and not take_over:
            raise AssignmentConflict(case_id, holder)
        if not update_case(
            tx, case_id, {"assignee": assignee_email, "updated_at": ctx.now()}, {"assignee": holder}
        ):
            # Someone assigned it between our read and our write.
            current = locked_case(tx, case_id).assignee
            raise AssignmentConflict(case_id, current or "nobody")
        return record(
            tx,
            ctx,
            kind=kind,
            target_type="case",
            target_id=case_id,
            by=by,
            reason=reason,
            before={"assignee": holder},
            after={"assignee": assignee_email},
            event="case.assigned",
            case_id=case_id,
            payload={"assignee": assignee_email, "previous": holder},
        )


def do_unassign(
    ctx: ActionContext,
    case_id: int,
    *,
    by: User,
    take_over: bool = False,
    reason: str = "",
    conn: Connection | None = None,
) -> AuditedAction:
    """Give the case back to the queue."""
    return do_assign(ctx, case_id, None, by=by, take_over=take_over, reason=reason, conn=conn)


def _change(
    ctx: ActionContext,
    case_id: int,
    *,
    kind: str,
    by: User,
    reason: str,
    conn: Connection | None,
    check: Any,
    values: dict[str, Any],
    fields: tuple[str, ...],
) -> AuditedAction:
    """Set case columns after `check(row)` passes; audit the fields before and after."""
    check_permission(by.role, kind)
    with ctx.transaction(conn) as tx:
        row = locked_case(tx, case_id)
        check(row)
        before = {name: _plain(getattr(row, name)) for name in fields}
        # Compare-and-set on the plain columns (status); times are not compared exactly.
        expect = {
            name: getattr(row, name)
            for name in fields
            if not isinstance(getattr(row, name), datetime) and getattr(row, name) is not None
        }
        if not update_case(tx, case_id, values | {"updated_at": ctx.now()}, expect):
            raise ActionError(f"case {case_id} changed meanwhile; reload and try again")
        after = {name: _plain(values.get(name, getattr(row, name))) for name in fields}
        return record(
            tx,
            ctx,
            kind=kind,
            target_type="case",
            target_id=case_id,
            by=by,
            reason=reason,
            before=before,
            after=after,
            event="case.updated",
            case_id=case_id,
            payload=after,
        )


def _plain(value: Any) -> Any:
    return _iso(value) if isinstance(value, datetime) else value


def do_snooze(
    ctx: ActionContext,
    case_id: int,
    until: datetime,
    *,
    by: User,
    reason: str = "",
    conn: Connection | None = None,
) -> AuditedAction:
    """Take the case out of its queue until `until` (it comes back by itself)."""
    if until.tzinfo is None:
        raise ActionError("snooze time needs a time zone")
    if until <= ctx.now():
        raise ActionError("snooze until a time in the future")

    def check(row: Any) -> None:
        if row.status == CaseStatus.DONE.value:
            raise ActionError(f"case {case_id} is done; reopen it first")

    return _change(
        ctx, case_id, kind="snooze", by=by, reason=reason, conn=conn, check=check,
        values={"snoozed_until": until}, fields=("snoozed_until",),
    )  # fmt: skip


def do_unsnooze(
    ctx: ActionContext, case_id: int, *, by: User, reason: str = "", conn: Connection | None = None
) -> AuditedAction:
    def check(row: Any) -> None:
        if row.snoozed_until is None:
            raise ActionError(f"case {case_id} is not snoozed")

    return _change(
        ctx, case_id, kind="unsnooze", by=by, reason=reason, conn=conn, check=check,
        values={"snoozed_until": None}, fields=("snoozed_until",),
    )  # fmt: skip


def do_mark_done(
    ctx: ActionContext, case_id: int, *, by: User, reason: str = "", conn: Connection | None = None
) -> AuditedAction:
    """Close the case: it keeps its queue, leaves the open lists, and records resolved_at."""

    def check(row: Any) -> None:
        if row.status == CaseStatus.DONE.value:
            raise ActionError(f"case {case_id} is already done")

    return _change(
        ctx, case_id, kind="done", by=by, reason=reason, conn=conn, check=check,
        values={"status": CaseStatus.DONE.value, "resolved_at": ctx.now(), "snoozed_until": None},
        fields=("status", "resolved_at", "snoozed_until"),
    )  # fmt: skip


def do_reopen(
    ctx: ActionContext, case_id: int, *, by: User, reason: str = "", conn: Connection | None = None
) -> AuditedAction:
    def check(row: Any) -> None:
        if row.status != CaseStatus.DONE.value:
            raise ActionError(f"case {case_id} is not done")

    return _change(
        ctx, case_id, kind="reopen", by=by, reason=reason, conn=conn, check=check,
        values={"status": CaseStatus.OPEN.value, "resolved_at": None},
        fields=("status", "resolved_at"),
    )  # fmt: skip


def clean_label(label: str) -> str:
    cleaned = " ".join(label.split()).lower()
    if not cleaned:
        raise ActionError("a label needs some text")
    if len(cleaned) > MAX_LABEL:
        raise ActionError(f"a label is at most {MAX_LABEL} characters")
    return cleaned


def do_add_label(
    ctx: ActionContext,
    case_id: int,
    label: str,
    *,
    by: User,
    reason: str = "",
    kind: str = "label",
    conn: Connection | None = None,
) -> AuditedAction:
    """Attach a label (lower-cased, spaces collapsed) to the case."""
    check_permission(by.role, kind)
    cleaned = clean_label(label)
    with ctx.transaction(conn) as tx:
        locked_case(tx, case_id)
        if not add_label(tx, case_id, cleaned, by.email, ctx.now()):
            raise ActionError(f"case {case_id} already has the label {cleaned!r}")
        return record(
            tx, ctx, kind=kind, target_type="case", target_id=case_id, by=by, reason=reason,
            before={}, after={"label": cleaned}, event="case.updated", case_id=case_id,
            payload={"label": cleaned},
        )  # fmt: skip


def do_remove_label(
    ctx: ActionContext,
    case_id: int,
    label: str,
    *,
    by: User,
    reason: str = "",
    conn: Connection | None = None,
) -> AuditedAction:
    check_permission(by.role, "unlabel")
    cleaned = clean_label(label)
    with ctx.transaction(conn) as tx:
        locked_case(tx, case_id)
        if not remove_label(tx, case_id, cleaned):
            raise ActionError(f"case {case_id} has no label {cleaned!r}")
        return record(
            tx, ctx, kind="unlabel", target_type="case", target_id=case_id, by=by, reason=reason,
            before={"label": cleaned}, after={}, event="case.updated", case_id=case_id,
            payload={"label_removed": cleaned},
        )  # fmt: skip


def do_mark_showcase(
    ctx: ActionContext, case_id: int, *, by: User, reason: str = "", conn: Connection | None = None
) -> AuditedAction:
    """Mark fan content worth showing on the brand's own channels (label "showcase")."""
    return do_add_label(ctx, case_id, "showcase", by=by, reason=reason, kind="showcase", conn=conn)


def do_mark_share(
    ctx: ActionContext, case_id: int, *, by: User, reason: str = "", conn: Connection | None = None
) -> AuditedAction:
    """Mark a comment to share with the team or the brand (label "share")."""
    return do_add_label(ctx, case_id, "share", by=by, reason=reason, kind="share", conn=conn)
