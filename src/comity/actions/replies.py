"""Answering a case: reply (with the collision guard and optional approval) and like."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from comity.actions.cases import locked_case
from comity.actions.context import ActionContext, AuditedAction, Effect, record
from comity.actions.errors import ActionError, NotFound, RecentReplyConflict
from comity.actions.permissions import check_permission
from comity.store.inbox_writes import (
    get_reply,
    insert_reply,
    latest_reply,
    set_reply_status,
    update_case,
)
from comity.store.users import User

MAX_REPLY = 5000


def _first_response(tx: Connection, ctx: ActionContext, case_id: int, row: Any) -> None:
    """First response time is when the first reply actually went out."""
    if row.first_response_at is None:
        update_case(tx, case_id, {"first_response_at": ctx.now()}, {"first_response_at": None})


def _reply_effect(row: Any, reply_id: int, text: str) -> Effect:
    return Effect(
        channel=row.channel,
        kind="reply",
        external_id=row.external_id,
        handle=row.handle,
        payload={"reply_id": reply_id, "text": text},
    )


def do_reply(
    ctx: ActionContext,
    case_id: int,
    text: str,
    *,
    by: User,
    confirm_recent: bool = False,
    reason: str = "",
    conn: Connection | None = None,
) -> AuditedAction:
    """Answer the case's comment on its channel (through the outbox).

    A reply within `ctx.recent_reply_window` of another one raises RecentReplyConflict unless
    `confirm_recent`; when the approval policy says so, the reply waits for a moderator.
    """
    check_permission(by.role, "reply")
    body = text.strip()
    if not body:
        raise ActionError("a reply needs some text")
    if len(body) > MAX_REPLY:
        raise ActionError(f"a reply is at most {MAX_REPLY} characters")
    with ctx.transaction(conn) as tx:
        row = locked_case(tx, case_id)
        now = ctx.now()
        recent = latest_reply(tx, case_id, now - ctx.recent_reply_window)
        if recent is not None and not confirm_recent:
            raise RecentReplyConflict(case_id, recent.by, recent.at, recent.text)
        pending = ctx.approval_policy(by, body, case_id)
        status = "pending_approval" if pending else "sent"
        reply_id = insert_reply(
            tx,
            {
                "case_id": case_id,
                "comment_id": row.comment_id,
                "channel": row.channel,
                "to_handle": row.handle,
                "text": body,
                "by": by.email,
                "at": now,
                "status": status,
            },
        )
        if not pending:
            _first_response(tx, ctx, case_id, row)
        update_case(tx, case_id, {"updated_at": now}, {})
        return record(
            tx,
            ctx,
            kind="reply",
            target_type="case",
            target_id=case_id,
            by=by,
            reason=reason,
            before={},
            after={"reply_id": reply_id, "status": status, "text": body},
            event="reply.sent" if not pending else "reply.pending",
            case_id=case_id,
            effect=None if pending else _reply_effect(row, reply_id, body),
            payload={"reply_id": reply_id, "status": status},
        )


def _decide(
    ctx: ActionContext,
    reply_id: int,
    *,
    approve: bool,
    by: User,
    reason: str,
    conn: Connection | None,
) -> AuditedAction:
    kind = "approve_reply" if approve else "reject_reply"
    check_permission(by.role, kind)
    if not approve and not reason.strip():
        raise ActionError("rejecting a reply needs a reason (the author sees it)")
    with ctx.transaction(conn) as tx:
        reply = get_reply(tx, reply_id)
        if reply is None:
            raise NotFound(f"no reply {reply_id}")
        if reply.status != "pending_approval":
            raise ActionError(f"reply {reply_id} is {reply.status}, not waiting for approval")
        row = locked_case(tx, reply.case_id)
        status = "sent" if approve else "rejected"
        if not set_reply_status(tx, reply_id, status, by.email, ctx.now(), "pending_approval"):
            raise ActionError(f"reply {reply_id} was decided meanwhile")
        if approve:
            _first_response(tx, ctx, reply.case_id, row)
        return record(
            tx,
            ctx,
            kind=kind,
            target_type="case",
            target_id=reply.case_id,
            by=by,
            reason=reason,
            before={"reply_id": reply_id, "status": "pending_approval"},
            after={"reply_id": reply_id, "status": status},
            event="reply.sent" if approve else "case.updated",
            case_id=reply.case_id,
            effect=_reply_effect(row, reply_id, reply.text) if approve else None,
            payload={"reply_id": reply_id, "status": status},
        )


def do_approve_reply(
    ctx: ActionContext, reply_id: int, *, by: User, reason: str = "", conn: Connection | None = None
) -> AuditedAction:
    """Let a reply waiting for approval go out."""
    return _decide(ctx, reply_id, approve=True, by=by, reason=reason, conn=conn)


def do_reject_reply(
    ctx: ActionContext, reply_id: int, *, by: User, reason: str, conn: Connection | None = None
) -> AuditedAction:
    """Stop a reply waiting for approval; the reason tells its author why."""
    return _decide(ctx, reply_id, approve=False, by=by, reason=reason, conn=conn)


def do_like(
    ctx: ActionContext, case_id: int, *, by: User, reason: str = "", conn: Connection | None = None
) -> AuditedAction:
    """Like the case's comment on its channel."""
    check_permission(by.role, "like")
    with ctx.transaction(conn) as tx:
        row = locked_case(tx, case_id)
        return record(
            tx,
            ctx,
            kind="like",
            target_type="case",
            target_id=case_id,
            by=by,
            reason=reason,
            after={"liked": True},
            event="case.updated",
            case_id=case_id,
            effect=Effect(
                channel=row.channel, kind="like", external_id=row.external_id, handle=row.handle
            ),
            payload={"liked": True},
        )
