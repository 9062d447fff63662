"""Moderation actions: change a comment's visibility, atomically and audited."""

from __future__ import annotations

from datetime import UTC, datetime

from comity.actions.permissions import check_permission
from comity.domain import Action, CommentStatus
from comity.store.audit import write_audit
from comity.store.comments import CommentRepository
from comity.store.users import User


class ActionError(ValueError):
    """The action cannot be done to this target (the message says why)."""


def _set_status(
    repository: CommentRepository,
    comment_id: int,
    status: CommentStatus,
    *,
    by: User,
    reason: str,
    kind: str,
) -> Action:
    check_permission(by.role, kind)
    with repository.engine.begin() as conn:
        before = repository.status_for_update(conn, comment_id)
        if before is None:
            raise ActionError(f"no comment {comment_id}")
        repository.set_status(conn, comment_id, status)
        action = Action(
            kind=kind,
            target_type="comment",
            target_id=str(comment_id),
            actor=by.email,
            at=datetime.now(UTC),
            reason=reason,
            before={"status": before.value},
            after={"status": status.value},
        )
        write_audit(conn, action)
    return action


def do_hide(repository: CommentRepository, comment_id: int, *, by: User, reason: str) -> Action:
    """Hide a comment from the public; undone by `do_unhide`."""
    if not reason.strip():
        raise ActionError("hiding needs a reason (it goes into the statement of reasons)")
    return _set_status(
        repository, comment_id, CommentStatus.HIDDEN, by=by, reason=reason, kind="hide"
    )


def do_unhide(repository: CommentRepository, comment_id: int, *, by: User, reason: str) -> Action:
    """Make a hidden comment visible again."""
    return _set_status(
        repository, comment_id, CommentStatus.VISIBLE, by=by, reason=reason, kind="unhide"
    )
