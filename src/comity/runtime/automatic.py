"""Runs a plan's automatic steps after its batch is saved, through comity.actions.

The playbook marks steps `automatic` (spam and illegal content above their thresholds, a
banned or muted author's new comment); this is what then does them. Each is an ordinary
action (permission, audit row, event, outbox entry for the channel) by the system user
`comity:auto`, so the audit log says why and undo works as for a person's action.

Only comment-level removal runs on its own: `delete` when the plan has it, else `hide`.
Automatic author steps (`mute`, `ban`) are left for a person: they need a duration and a
decision this code should not make. A comment is acted on automatically at most once: a
replay of stored comments, or a person who has since unhidden it, is not overruled.
It runs after the batch's transaction: a process dying in between leaves those
comments' automatic steps undone (they stay visible in the case's plan).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from sqlalchemy import Connection, exists, select

from comity.actions import ActionContext, ActionError, do_delete, do_hide
from comity.domain import ActionKind, Role, WorkItem
from comity.store import tables as t
from comity.store.users import User

log = logging.getLogger(__name__)

SYSTEM_USER = User(id=0, email="comity:auto", role=Role.ADMIN, disabled=False)
_RUNS = {ActionKind.DELETE: do_delete, ActionKind.HIDE: do_hide}


def _done_before(conn: Connection, comment_id: int) -> bool:
    audit = t.audit_log
    query = select(
        exists().where(
            audit.c.actor == SYSTEM_USER.email,
            audit.c.target_type == "comment",
            audit.c.target_id == str(comment_id),
            audit.c.action.in_([kind.value for kind in _RUNS]),
        )
    )
    return bool(conn.execute(query).scalar())


def _reason(item: WorkItem) -> str:
    """The reason of the rule that asked for it (e.g. the ban), else the plan's reason."""
    for hit in item.rule_hits or ():
        if hit.reason and hit.automatic:
            return hit.reason
    assert item.plan is not None
    return item.plan.reason or "automatic step of the playbook"


class AutomaticSteps:
    """A batch consumer (InProcessRunner's `consumers`) that carries out automatic steps."""

    def __init__(self, context: Callable[[], ActionContext]) -> None:
        self.context = context

    def __call__(self, items: Sequence[WorkItem]) -> int:
        done = 0
        ctx: ActionContext | None = None
        for item in items:
            plan, comment_id = item.plan, item.comment.id
            if plan is None or comment_id is None:
                continue
            kinds = {step.kind for step in plan.actions if step.automatic}
            kind = next((k for k in _RUNS if k in kinds), None)
            if kind is None:
                continue
            ctx = ctx or self.context()
            if self._run(ctx, item, comment_id, kind):
                done += 1
        return done

    @staticmethod
    def _run(ctx: ActionContext, item: WorkItem, comment_id: int, kind: ActionKind) -> bool:
        with ctx.transaction() as conn:
            if _done_before(conn, comment_id):
                return False
            try:
                _RUNS[kind](ctx, comment_id, by=SYSTEM_USER, reason=_reason(item), conn=conn)
            except ActionError as error:  # already hidden or deleted by someone: nothing to do
                log.info("automatic %s of comment %s skipped: %s", kind.value, comment_id, error)
                return False
        return True
