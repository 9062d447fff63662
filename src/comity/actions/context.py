"""What every action needs besides its target: the database, a clock, the team's policies."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine

from comity.domain import Action
from comity.store.audit import write_audit
from comity.store.events import publish
from comity.store.outbox import enqueue
from comity.store.users import User

# (who replies, the reply text, the case) -> whether a moderator must approve it first.
ApprovalPolicy = Callable[[User, str, int], bool]


def no_approval(_user: User, _text: str, _case_id: int) -> bool:
    return False


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class AuditedAction(Action):
    """An Action as written to the audit log; `audit_id` is what `do_undo` takes."""

    audit_id: int = 0
    case_id: int | None = None


@dataclass
class ActionContext:
    engine: Engine
    clock: Callable[[], datetime] = _utcnow
    approval_policy: ApprovalPolicy = no_approval
    # A second reply within this window needs confirm_recent=True (the collision guard).
    recent_reply_window: timedelta = field(default=timedelta(minutes=5))
    # (channel id, outbound kind) -> whether the channel's connector can do it; None: assume
    # it can. Undo consults it once the original effect has reached the channel.
    channel_allows: Callable[[str, str], bool] | None = None

    def now(self) -> datetime:
        return self.clock()

    @contextmanager
    def transaction(self, conn: Connection | None = None) -> Iterator[Connection]:
        """A new transaction, or the caller's (bulk actions share one)."""
        if conn is not None:
            yield conn
            return
        with self.engine.begin() as new:
            yield new


@dataclass(frozen=True, slots=True)
class Effect:
    """What a channel must be told (written to the outbox with the action)."""

    channel: str
    kind: str
    external_id: str | None = None
    handle: str | None = None
    payload: Mapping[str, Any] = field(default_factory=dict)


def record(
    conn: Connection,
    ctx: ActionContext,
    *,
    kind: str,
    target_type: str,
    target_id: str | int,
    by: User,
    reason: str = "",
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    event: str | None = None,
    case_id: int | None = None,
    effect: Effect | None = None,
    payload: Mapping[str, Any] | None = None,
) -> AuditedAction:
    """The audit row, the event and the outbox entry of one change, in the caller's transaction."""
    at = ctx.now()
    plain = Action(
        kind=kind,
        target_type=target_type,
        target_id=str(target_id),
        actor=by.email,
        at=at,
        reason=reason,
        before=dict(before or {}),
        after=dict(after or {}),
    )
    audit_id = write_audit(conn, plain)
    if effect is not None:
        enqueue(
            conn,
            channel=effect.channel,
            kind=effect.kind,
            external_id=effect.external_id,
            handle=effect.handle,
            payload=effect.payload,
            audit_id=audit_id,
            at=at,
        )
    if event is not None:
        body = {"action": kind, "by": by.email, "audit_id": audit_id, **dict(payload or {})}
        publish(conn, event, body, case_id=case_id, at=at)
    return AuditedAction(
        kind=plain.kind,
        target_type=plain.target_type,
        target_id=plain.target_id,
        actor=plain.actor,
        at=plain.at,
        reason=plain.reason,
        before=plain.before,
        after=plain.after,
        audit_id=audit_id,
        case_id=case_id,
    )
