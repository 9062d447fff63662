"""The audit log: one row per state change, written in the same transaction as the change."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, insert, select

from comity.domain import Action
from comity.store import tables as t
from comity.store.inbox_rows import AuditEntry, audit_from_row
from comity.store.rows import aware


def write_audit(conn: Connection, action: Action) -> int:
    """The audit row for `action`, in the caller's transaction; returns its id (what undo
    refers to)."""
    result = conn.execute(
        insert(t.audit_log)
        .values(
            at=action.at,
            actor=action.actor,
            action=action.kind,
            target_type=action.target_type,
            target_id=action.target_id,
            reason=action.reason,
            before=action.before,
            after=action.after,
        )
        .returning(t.audit_log.c.id)
    )
    return int(result.scalar_one())


def audit_entries(engine: Engine, target_type: str, target_id: str) -> list[Action]:
    """Everything done to one target, oldest first."""
    query = (
        select(t.audit_log)
        .where(t.audit_log.c.target_type == target_type, t.audit_log.c.target_id == target_id)
        .order_by(t.audit_log.c.id)
    )
    with engine.connect() as conn:
        return [
            Action(
                kind=row.action,
                target_type=row.target_type,
                target_id=row.target_id,
                actor=row.actor,
                at=aware(row.at),
                reason=row.reason,
                before=row.before,
                after=row.after,
            )
            for row in conn.execute(query)
        ]


def search_audit(
    engine: Engine,
    *,
    actor: str | None = None,
    action: str | None = None,
    target: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[AuditEntry]:
    """Audit entries newest first; `target` is "type:id" or just an id (ui helper: /audit)."""
    query = select(t.audit_log).order_by(t.audit_log.c.id.desc()).limit(limit).offset(offset)
    if actor:
        query = query.where(t.audit_log.c.actor == actor.strip())
    if action:
        query = query.where(t.audit_log.c.action == action)
    if target:
        kind, sep, ident = target.strip().partition(":")
        if sep:
            query = query.where(t.audit_log.c.target_type == kind, t.audit_log.c.target_id == ident)
        else:
            query = query.where(t.audit_log.c.target_id == kind)
    with engine.connect() as conn:
        return [audit_from_row(row) for row in conn.execute(query)]


def audit_actions(engine: Engine) -> list[str]:
    """The action kinds present in the log, for the filter choices."""
    with engine.connect() as conn:
        query = select(t.audit_log.c.action).distinct().order_by(t.audit_log.c.action)
        return [str(value) for value in conn.execute(query).scalars()]
