"""Many targets at once (all or nothing), and undoing an audited action."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from comity.actions.authors import do_unban, do_unmute
from comity.actions.cases import (
    do_add_label,
    do_assign,
    do_mark_done,
    do_mark_share,
    do_mark_showcase,
    do_remove_label,
    do_reopen,
    do_snooze,
    do_unsnooze,
    locked_case,
)
from comity.actions.context import ActionContext, AuditedAction
from comity.actions.errors import ActionError, NotFound, StaleUndo
from comity.actions.moderation import do_delete, do_hide, do_unhide
from comity.actions.permissions import check_permission
from comity.actions.replies import do_like
from comity.store import tables as t
from comity.store.inbox_writes import audit_entry, comment_key
from comity.store.outbox import cancel_pending
from comity.store.users import User

MAX_BULK = 500

# kind -> the permission it needs (checked once, before anything changes)
BULK_KINDS: dict[str, str] = {
    "hide": "hide",
    "unhide": "unhide",
    "delete": "delete",
    "like": "like",
    "assign": "assign",
    "unassign": "unassign",
    "done": "done",
    "reopen": "reopen",
    "snooze": "snooze",
    "unsnooze": "unsnooze",
    "label": "label",
    "showcase": "showcase",
    "share": "share",
}

# What undoing each kind of action does (the rest cannot be undone: a sent reply, a deletion).
UNDOABLE = (
    "hide", "unhide", "ban", "mute", "assign", "unassign", "done", "reopen", "snooze",
    "label", "unlabel", "showcase", "share",
)  # fmt: skip


def do_bulk(
    ctx: ActionContext,
    kind: str,
    ids: Sequence[int],
    *,
    by: User,
    reason: str = "",
    assignee: str | None = None,
    take_over: bool = False,
    until: datetime | None = None,
    label: str | None = None,
) -> list[AuditedAction]:
    """Apply one action to many cases in ONE transaction: every case changes, or none.

    `ids` are case ids; hide/unhide/delete act on each case's comment. The error of the
    first case that fails is raised, with its id in the message.
    """
    if kind not in BULK_KINDS:
        raise ActionError(f"no bulk {kind!r}; choose one of {', '.join(sorted(BULK_KINDS))}")
    check_permission(by.role, BULK_KINDS[kind])
    unique = list(dict.fromkeys(ids))
    if not unique:
        raise ActionError("select at least one case")
    if len(unique) > MAX_BULK:
        raise ActionError(f"at most {MAX_BULK} cases at once")
    if kind in ("hide", "delete") and not reason.strip():
        raise ActionError(f"{kind} needs a reason (it goes into the statement of reasons)")
    if kind == "assign" and not assignee:
        raise ActionError("bulk assign needs an assignee")
    if kind == "snooze" and until is None:
        raise ActionError("bulk snooze needs a time to snooze until")
    if kind == "label" and not label:
        raise ActionError("bulk label needs a label")
    done: list[AuditedAction] = []
    with ctx.engine.begin() as conn:
        for case_id in unique:
            try:
                done.append(
                    _one(ctx, conn, kind, case_id, by, reason, assignee, take_over, until, label)
                )
            except ActionError as error:
                raise type(error)(f"case {case_id}: {error}") from error
    return done


# Case actions that take only the case and a reason (the inbox's dispatch uses them too).
SIMPLE_CASE_ACTIONS: dict[str, Callable[..., AuditedAction]] = {
    "like": do_like,
    "done": do_mark_done,
    "reopen": do_reopen,
    "unsnooze": do_unsnooze,
    "showcase": do_mark_showcase,
    "share": do_mark_share,
}


def _one(
    ctx: ActionContext,
    conn: Connection,
    kind: str,
    case_id: int,
    by: User,
    reason: str,
    assignee: str | None,
    take_over: bool,
    until: datetime | None,
    label: str | None,
) -> AuditedAction:
    if kind in ("hide", "unhide", "delete"):
        comment_id = int(locked_case(conn, case_id).comment_id)
        moderate = {"hide": do_hide, "unhide": do_unhide, "delete": do_delete}[kind]
        return moderate(ctx, comment_id, by=by, reason=reason, conn=conn)
    if kind in ("assign", "unassign"):
        who = assignee if kind == "assign" else None
        return do_assign(ctx, case_id, who, by=by, take_over=take_over, reason=reason, conn=conn)
    if kind == "snooze":
        assert until is not None
        return do_snooze(ctx, case_id, until, by=by, reason=reason, conn=conn)
    if kind == "label":
        assert label is not None
        return do_add_label(ctx, case_id, label, by=by, reason=reason, conn=conn)
    return SIMPLE_CASE_ACTIONS[kind](ctx, case_id, by=by, reason=reason, conn=conn)


def do_undo(ctx: ActionContext, audit_id: int, *, by: User, reason: str = "") -> AuditedAction:
    """Undo an audited action by doing its opposite (audited too).

    If the channel has not been told yet (the outbox entry is still pending), both entries are
    cancelled and the channel never hears of either. An action whose target changed since
    raises StaleUndo; deletions and sent replies cannot be undone.
    """
    why = reason.strip() or f"undo of #{audit_id}"
    with ctx.engine.begin() as conn:
        entry = audit_entry(conn, audit_id)
        if entry is None:
            raise NotFound(f"no audit entry {audit_id}")
        if entry.action not in UNDOABLE:
            raise ActionError(f"{entry.action!r} cannot be undone")
        undone = conn.execute(
            select(t.audit_log.c.id).where(
                t.audit_log.c.reason == f"undo of #{audit_id}",
                t.audit_log.c.target_type == entry.target_type,
                t.audit_log.c.target_id == entry.target_id,
            )
        ).first()
        if undone is not None:
            raise ActionError(f"audit entry {audit_id} was undone already")
        _check_channel_allows(ctx, conn, entry)
        inverse = _inverse(ctx, conn, entry.action, entry, by, why)
        if cancel_pending(conn, audit_id):
            cancel_pending(conn, inverse.audit_id)
        return inverse


_OPPOSITE = {"hide": "unhide", "unhide": "hide", "ban": "unban", "mute": "unmute"}


def _check_channel_allows(ctx: ActionContext, conn: Connection, entry: Any) -> None:
    """Undo on the channel only where its connector can; an undelivered effect just cancels."""
    opposite = _OPPOSITE.get(entry.action)
    if opposite is None or ctx.channel_allows is None:
        return
    # Only what reached the channel (or may have: in flight) needs the channel to undo it;
    # a pending, failed or unsupported effect never got there.
    delivered = conn.execute(
        select(t.outbox.c.id).where(
            t.outbox.c.audit_id == entry.id, t.outbox.c.status.in_(("sent", "sending"))
        )
    ).first()
    if delivered is None:
        return
    if entry.target_type == "author":
        channel = entry.target_id.split(":", 1)[0]
    else:
        row = comment_key(conn, int(entry.target_id))
        if row is None:
            raise NotFound(f"no comment {entry.target_id}")
        channel = row.channel
    if not ctx.channel_allows(channel, opposite):
        raise ActionError(f"{channel} cannot {opposite} through Comity; undo it on the channel")


def _inverse(
    ctx: ActionContext, conn: Connection, action: str, entry: Any, by: User, why: str
) -> AuditedAction:
    target = entry.target_id
    if action in ("hide", "unhide"):
        inverse = do_unhide if action == "hide" else do_hide
        return inverse(ctx, int(target), by=by, reason=why, conn=conn)
    if action in ("ban", "mute"):
        channel, handle = target.split(":", 1)
        lift = do_unban if action == "ban" else do_unmute
        sanction_id = entry.after.get("sanction_id")
        return lift(ctx, channel, handle, by=by, reason=why, sanction_id=sanction_id, conn=conn)
    case_id = int(target)
    row = locked_case(conn, case_id)
    if action in ("assign", "unassign"):
        if row.assignee != entry.after.get("assignee"):
            raise StaleUndo(f"case {case_id} was reassigned since; undo would overwrite that")
        previous = entry.before.get("assignee")
        return do_assign(ctx, case_id, previous, by=by, take_over=True, reason=why, conn=conn)
    if action == "done":
        return do_reopen(ctx, case_id, by=by, reason=why, conn=conn)
    if action == "reopen":
        return do_mark_done(ctx, case_id, by=by, reason=why, conn=conn)
    if action == "snooze":
        return do_unsnooze(ctx, case_id, by=by, reason=why, conn=conn)
    if action in ("label", "showcase", "share"):
        label = str(entry.after["label"])
        return do_remove_label(ctx, case_id, label, by=by, reason=why, conn=conn)
    # unlabel
    return do_add_label(ctx, case_id, str(entry.before["label"]), by=by, reason=why, conn=conn)
