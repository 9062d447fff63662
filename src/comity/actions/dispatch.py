"""One case action by name: the kind -> do_* mapping the inbox UI and the JSON API share.

Callers turn their own input (a form, a JSON body) into `CaseActionArgs`; this module
only picks the action and the target (case, comment or author) the action works on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from comity.actions import (
    ActionContext,
    ActionError,
    AuditedAction,
    NotFound,
    do_add_label,
    do_add_note,
    do_approve_reply,
    do_assign,
    do_ban,
    do_delete,
    do_hide,
    do_mute,
    do_record_feedback,
    do_reject_reply,
    do_remove_label,
    do_reply,
    do_snooze,
    do_unassign,
    do_unban,
    do_undo,
    do_unhide,
    do_unmute,
)
from comity.actions.bulk import SIMPLE_CASE_ACTIONS
from comity.store.cases import CaseRepository
from comity.store.users import User

CASE_ACTION_KINDS = (
    "assign", "unassign", "reply", "approve_reply", "reject_reply", "like", "hide", "unhide",
    "delete", "mute", "unmute", "ban", "unban", "snooze", "unsnooze", "done", "reopen",
    "label", "unlabel", "note", "feedback", "showcase", "share", "undo",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CaseActionArgs:
    """Everything any case action may need; each kind reads only its own fields."""

    reason: str = ""
    assignee: str | None = None
    take_over: bool = False
    text: str | None = None
    confirm_recent: bool = False
    until: datetime | None = None
    label: str | None = None
    reply_id: int | None = None
    audit_id: int | None = None


def _need(value: Any, name: str, kind: str) -> Any:
    if value is None:
        raise ActionError(f"{kind} needs {name!r}")
    return value


def do_case_action(
    ctx: ActionContext,
    case_id: int,
    kind: str,
    args: CaseActionArgs,
    *,
    by: User,
    cases: CaseRepository,
) -> AuditedAction:
    """Run the action `kind` on one case; the action checks the role and writes the audit."""
    reason = args.reason

    def comment_id() -> int:
        view = cases.get(case_id)
        if view is None:
            raise NotFound(f"no case {case_id}")
        return view.case.comment_id

    def author() -> tuple[str, str]:
        view = cases.get(case_id)
        if view is None:
            raise NotFound(f"no case {case_id}")
        return view.channel, view.author_handle

    if kind in SIMPLE_CASE_ACTIONS:
        return SIMPLE_CASE_ACTIONS[kind](ctx, case_id, by=by, reason=reason)
    if kind == "assign":
        assignee = _need(args.assignee, "assignee", kind)
        return do_assign(ctx, case_id, assignee, by=by, take_over=args.take_over, reason=reason)
    if kind == "unassign":
        return do_unassign(ctx, case_id, by=by, take_over=args.take_over, reason=reason)
    if kind == "reply":
        text = _need(args.text, "text", kind)
        return do_reply(
            ctx, case_id, text, by=by, confirm_recent=args.confirm_recent, reason=reason
        )
    if kind in ("note", "feedback"):
        write = do_add_note if kind == "note" else do_record_feedback
        return write(ctx, case_id, _need(args.text, "text", kind), by=by, reason=reason)
    if kind in ("hide", "unhide", "delete"):
        moderate = {"hide": do_hide, "unhide": do_unhide, "delete": do_delete}[kind]
        return moderate(ctx, comment_id(), by=by, reason=reason)
    if kind == "snooze":
        return do_snooze(ctx, case_id, _need(args.until, "until", kind), by=by, reason=reason)
    if kind in ("label", "unlabel"):
        label = _need(args.label, "label", kind)
        change = do_add_label if kind == "label" else do_remove_label
        return change(ctx, case_id, label, by=by, reason=reason)
    if kind == "mute":
        channel, handle = author()
        return do_mute(ctx, channel, handle, _need(args.until, "until", kind), by=by, reason=reason)
    if kind == "ban":
        channel, handle = author()
        return do_ban(ctx, channel, handle, by=by, reason=reason, until=args.until)
    if kind in ("unban", "unmute"):
        channel, handle = author()
        lift = do_unban if kind == "unban" else do_unmute
        return lift(ctx, channel, handle, by=by, reason=reason)
    if kind in ("approve_reply", "reject_reply"):
        reply_id = _need(args.reply_id, "reply_id", kind)
        if kind == "approve_reply":
            return do_approve_reply(ctx, reply_id, by=by, reason=reason)
        return do_reject_reply(ctx, reply_id, by=by, reason=reason)
    if kind == "undo":
        return do_undo(ctx, _need(args.audit_id, "audit_id", kind), by=by, reason=reason)
    raise ActionError(f"unknown action {kind!r}; see ACTION_KINDS in docs/api.md")
