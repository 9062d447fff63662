"""Moderation of comments: hide, unhide, delete; atomic, audited, sent through the outbox."""

from __future__ import annotations

from sqlalchemy import Connection

from comity.actions.context import ActionContext, AuditedAction, Effect, record
from comity.actions.errors import ActionError, NotFound
from comity.actions.permissions import check_permission
from comity.domain import CommentStatus
from comity.store.comments import CommentRepository
from comity.store.inbox_writes import case_id_for_comment, comment_key
from comity.store.users import User

__all__ = ["ActionError", "do_delete", "do_hide", "do_unhide"]


def _set_status(
    ctx: ActionContext,
    comment_id: int,
    status: CommentStatus,
    *,
    by: User,
    reason: str,
    kind: str,
    conn: Connection | None,
) -> AuditedAction:
    check_permission(by.role, kind)
    with ctx.transaction(conn) as tx:
        row = comment_key(tx, comment_id)
        if row is None:
            raise NotFound(f"no comment {comment_id}")
        before = CommentStatus(row.status)
        if before is CommentStatus.DELETED:
            raise ActionError(f"comment {comment_id} is deleted; nothing can change it now")
        if before is status:
            raise ActionError(f"comment {comment_id} is already {status.value}")
        CommentRepository(ctx.engine).set_status(tx, comment_id, status)
        case_id = case_id_for_comment(tx, comment_id)
        return record(
            tx,
            ctx,
            kind=kind,
            target_type="comment",
            target_id=comment_id,
            by=by,
            reason=reason,
            before={"status": before.value},
            after={"status": status.value},
            event="comment.status",
            case_id=case_id,
            effect=Effect(
                channel=row.channel,
                kind=kind,
                external_id=row.external_id,
                handle=row.handle,
                payload={"reason": reason},
            ),
            payload={"comment_id": comment_id, "status": status.value},
        )


def do_hide(
    ctx: ActionContext,
    comment_id: int,
    *,
    by: User,
    reason: str,
    conn: Connection | None = None,
) -> AuditedAction:
    """Hide a comment from the public; undone by `do_unhide`."""
    if not reason.strip():
        raise ActionError("hiding needs a reason (it goes into the statement of reasons)")
    return _set_status(
        ctx, comment_id, CommentStatus.HIDDEN, by=by, reason=reason, kind="hide", conn=conn
    )


def do_unhide(
    ctx: ActionContext,
    comment_id: int,
    *,
    by: User,
    reason: str = "",
    conn: Connection | None = None,
) -> AuditedAction:
    """Make a hidden comment visible again."""
    return _set_status(
        ctx, comment_id, CommentStatus.VISIBLE, by=by, reason=reason, kind="unhide", conn=conn
    )


def do_delete(
    ctx: ActionContext,
    comment_id: int,
    *,
    by: User,
    reason: str,
    conn: Connection | None = None,
) -> AuditedAction:
    """Delete a comment on its channel. Final: it cannot be undone, so it needs a reason."""
    if not reason.strip():
        raise ActionError("deleting needs a reason (it goes into the statement of reasons)")
    return _set_status(
        ctx, comment_id, CommentStatus.DELETED, by=by, reason=reason, kind="delete", conn=conn
    )
