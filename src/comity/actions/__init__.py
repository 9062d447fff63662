"""Every state change goes through a named `do_*` function: permission, atomic change, audit.

Each action checks the user's role (permissions.ALLOWED), runs in one transaction, writes an
audit row with before/after, publishes an event (store.events, read by the SSE endpoint) and
queues any effect on the channel in the outbox (store.outbox) -- nothing talks to a channel
inside an action. They take an `ActionContext` (engine, clock, reply approval policy) and
return the `AuditedAction` written, whose `audit_id` is what `do_undo` takes.

Deviations from the inbox brief: none in names. Bulk `ids` are case ids (hide/unhide/delete
act on each case's comment). `do_hide`/`do_unhide`/`do_delete` take a comment id.
"""

from comity.actions.alerts import do_acknowledge_alert, do_resolve_alert, do_set_crisis_mode
from comity.actions.authors import do_ban, do_mute, do_unban, do_unmute
from comity.actions.bulk import BULK_KINDS, UNDOABLE, do_bulk, do_undo
from comity.actions.cases import (
    do_add_label,
    do_assign,
    do_mark_done,
    do_mark_share,
    do_mark_showcase,
    do_remove_label,
    do_reopen,
    do_snooze,
    do_unassign,
    do_unsnooze,
)
from comity.actions.context import ActionContext, ApprovalPolicy, AuditedAction, no_approval
from comity.actions.errors import (
    ActionError,
    AssignmentConflict,
    NotFound,
    RecentReplyConflict,
    StaleUndo,
)
from comity.actions.moderation import do_delete, do_hide, do_unhide
from comity.actions.notes import do_add_note, do_record_feedback, parse_mentions
from comity.actions.permissions import ALLOWED, PermissionDenied, check_permission
from comity.actions.replies import do_approve_reply, do_like, do_reject_reply, do_reply

__all__ = [
    "ALLOWED",
    "BULK_KINDS",
    "UNDOABLE",
    "ActionContext",
    "ActionError",
    "ApprovalPolicy",
    "AssignmentConflict",
    "AuditedAction",
    "NotFound",
    "PermissionDenied",
    "RecentReplyConflict",
    "StaleUndo",
    "check_permission",
    "do_acknowledge_alert",
    "do_add_label",
    "do_add_note",
    "do_approve_reply",
    "do_assign",
    "do_ban",
    "do_bulk",
    "do_delete",
    "do_hide",
    "do_like",
    "do_mark_done",
    "do_mark_share",
    "do_mark_showcase",
    "do_mute",
    "do_record_feedback",
    "do_reject_reply",
    "do_remove_label",
    "do_reopen",
    "do_reply",
    "do_resolve_alert",
    "do_set_crisis_mode",
    "do_snooze",
    "do_unassign",
    "do_unban",
    "do_unhide",
    "do_unmute",
    "do_undo",
    "do_unsnooze",
    "no_approval",
    "parse_mentions",
]
