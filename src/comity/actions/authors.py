"""Sanctions on an author of one channel: mute (for a while) and ban, and lifting them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection

from comity.actions.context import ActionContext, AuditedAction, Effect, record
from comity.actions.errors import ActionError
from comity.actions.permissions import check_permission
from comity.store.inbox_writes import add_sanction, lift_sanctions
from comity.store.users import User


def author_target(channel: str, handle: str) -> str:
    """How the audit log names an author: "channel:handle"."""
    return f"{channel}:{handle}"


def _check_author(channel: str, handle: str) -> None:
    if not channel.strip() or not handle.strip():
        raise ActionError("name the author by channel and handle")


def _sanction(
    ctx: ActionContext,
    kind: str,
    channel: str,
    handle: str,
    *,
    by: User,
    reason: str,
    until: datetime | None,
    conn: Connection | None,
) -> AuditedAction:
    check_permission(by.role, kind)
    _check_author(channel, handle)
    if not reason.strip():
        raise ActionError(f"a {kind} needs a reason (it goes into the statement of reasons)")
    now = ctx.now()
    if until is not None and (until.tzinfo is None or until <= now):
        raise ActionError(f"a {kind} must end in the future (with a time zone)")
    with ctx.transaction(conn) as tx:
        sanction_id = add_sanction(
            tx,
            {
                "channel": channel,
                "handle": handle,
                "kind": kind,
                "until": until,
                "reason": reason,
                "by": by.email,
                "at": now,
            },
        )
        iso_until = until.isoformat() if until is not None else None
        return record(
            tx,
            ctx,
            kind=kind,
            target_type="author",
            target_id=author_target(channel, handle),
            by=by,
            reason=reason,
            before={},
            after={"sanction_id": sanction_id, "until": iso_until},
            event="author.sanction",
            effect=Effect(
                channel=channel,
                kind=kind,
                handle=handle,
                payload={"until": iso_until, "reason": reason},
            ),
            payload={"channel": channel, "handle": handle, "kind": kind, "until": iso_until},
        )


def do_mute(
    ctx: ActionContext,
    channel: str,
    handle: str,
    until: datetime,
    *,
    by: User,
    reason: str,
    conn: Connection | None = None,
) -> AuditedAction:
    """Mute an author on a channel until `until`."""
    return _sanction(ctx, "mute", channel, handle, by=by, reason=reason, until=until, conn=conn)


def do_ban(
    ctx: ActionContext,
    channel: str,
    handle: str,
    *,
    by: User,
    reason: str,
    until: datetime | None = None,
    conn: Connection | None = None,
) -> AuditedAction:
    """Ban an author from a channel (for good, or until `until`)."""
    return _sanction(ctx, "ban", channel, handle, by=by, reason=reason, until=until, conn=conn)


def _lift(
    ctx: ActionContext,
    kind: str,
    channel: str,
    handle: str,
    *,
    by: User,
    reason: str,
    sanction_id: int | None,
    conn: Connection | None,
) -> AuditedAction:
    action = "unban" if kind == "ban" else "unmute"
    check_permission(by.role, action)
    _check_author(channel, handle)
    with ctx.transaction(conn) as tx:
        lifted = lift_sanctions(
            tx, channel, handle, kind, by=by.email, at=ctx.now(), sanction_id=sanction_id
        )
        if not lifted:
            raise ActionError(f"{handle} on {channel} has no active {kind}")
        return record(
            tx,
            ctx,
            kind=action,
            target_type="author",
            target_id=author_target(channel, handle),
            by=by,
            reason=reason,
            before={"sanction_ids": lifted},
            after={},
            event="author.sanction",
            effect=Effect(channel=channel, kind=action, handle=handle),
            payload={"channel": channel, "handle": handle, "kind": action},
        )


def do_unban(
    ctx: ActionContext,
    channel: str,
    handle: str,
    *,
    by: User,
    reason: str = "",
    sanction_id: int | None = None,
    conn: Connection | None = None,
) -> AuditedAction:
    return _lift(
        ctx, "ban", channel, handle, by=by, reason=reason, sanction_id=sanction_id, conn=conn
    )


def do_unmute(
    ctx: ActionContext,
    channel: str,
    handle: str,
    *,
    by: User,
    reason: str = "",
    sanction_id: int | None = None,
    conn: Connection | None = None,
) -> AuditedAction:
    return _lift(
        ctx, "mute", channel, handle, by=by, reason=reason, sanction_id=sanction_id, conn=conn
    )
