"""Storm alerts and crisis mode: acknowledge, resolve, switch crisis mode on and off.

Each action checks the role, changes state in one transaction and writes the audit log
(who, what, when, why, before, after); acknowledge and resolve run in an ActionContext
and publish an `alert.status` event, like the inbox's actions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection

from comity.actions.context import ActionContext, AuditedAction, record
from comity.actions.errors import ActionError
from comity.actions.permissions import check_permission
from comity.domain import Action
from comity.monitoring.alerts import ACKNOWLEDGED, OPEN, RESOLVED, most_urgent
from comity.monitoring.config import MonitoringConfig
from comity.monitoring.crisis import CrisisPolicy
from comity.store.audit import write_audit
from comity.store.monitoring import MonitorRepository
from comity.store.users import User

MAX_NOTE = 2000


class AlertActionError(ActionError):
    """The alert action cannot be done (the message says why)."""


def _now() -> datetime:
    return datetime.now(UTC)


def _set_alert_status(
    ctx: ActionContext,
    alert_id: int,
    status: str,
    *,
    by: User,
    note: str,
    kind: str,
    conn: Connection | None,
) -> AuditedAction:
    check_permission(by.role, kind)
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise AlertActionError(f"the note is longer than {MAX_NOTE} characters")
    if status == RESOLVED and not note:
        raise AlertActionError("resolving an alert needs a note (what was done about it)")
    alerts = MonitorRepository(ctx.engine)  # only its statements, in this transaction
    with ctx.transaction(conn) as tx:
        alert = alerts.for_update(tx, alert_id)
        if alert is None:
            raise AlertActionError(f"no alert {alert_id}")
        if alert.status == status:
            raise AlertActionError(f"alert {alert_id} is already {status}")
        if status == ACKNOWLEDGED and alert.status == RESOLVED:
            raise AlertActionError(f"alert {alert_id} is resolved; it reopens if the storm returns")
        alerts.set_status(tx, alert_id, status, note or alert.note)
        return record(
            tx,
            ctx,
            kind=kind,
            target_type="alert",
            target_id=alert_id,
            by=by,
            reason=note,
            before={"status": alert.status, "note": alert.note},
            after={"status": status, "note": note or alert.note},
            event="alert.status",
            payload={"alert_id": alert_id, "status": status, "previous": alert.status},
        )


def do_acknowledge_alert(
    ctx: ActionContext,
    alert_id: int,
    *,
    by: User,
    note: str = "",
    conn: Connection | None = None,
) -> AuditedAction:
    """Someone is on it: the banner stays until the alert is resolved."""
    return _set_alert_status(
        ctx, alert_id, ACKNOWLEDGED, by=by, note=note, kind="acknowledge_alert", conn=conn
    )


def do_resolve_alert(
    ctx: ActionContext, alert_id: int, *, by: User, note: str, conn: Connection | None = None
) -> AuditedAction:
    """Close the alert with a note; it opens again if the same episode flares up."""
    return _set_alert_status(
        ctx, alert_id, RESOLVED, by=by, note=note, kind="resolve_alert", conn=conn
    )


def storm_terms(repository: MonitorRepository, topics: int = 2) -> list[str]:
    """The words of the current storm's top topics (what the Crisis queue gathers)."""
    alert = most_urgent(repository.unresolved())
    if alert is None:
        return []
    words: list[str] = []
    for topic in alert.topics[:topics]:
        words.extend(w for w in str(topic.get("label", "")).split(" · ") if len(w) >= 2)
    return words


def _scope_of(campaign: str | None) -> str:
    if campaign is None:
        return "brand"
    name = campaign.strip()
    if not name:
        raise AlertActionError("the campaign name is empty")
    return f"campaign:{name}"


def do_set_crisis_mode(
    repository: MonitorRepository,
    config: MonitoringConfig,
    on: bool,
    *,
    by: User,
    reason: str,
    campaign: str | None = None,
    topic_terms: Sequence[str] = (),
) -> Action:
    """Switch crisis mode on or off for the brand or one campaign, audited with a reason.

    Turning it on stores the policy (held channels, Crisis queue SLA, holding statements,
    paused auto-hiding); turning it off ends it, which restores the previous behaviour.
    """
    check_permission(by.role, "crisis_mode")
    reason = reason.strip()
    if not reason:
        raise AlertActionError("switching crisis mode needs a reason")
    scope = _scope_of(campaign)
    if on and not topic_terms:
        topic_terms = storm_terms(repository)
    at = _now()
    with repository.engine.begin() as conn:
        current = repository.active_crisis(conn, scope)
        before = {"crisis": scope if current is not None else None}
        if on:
            if current is not None:
                raise AlertActionError(f"crisis mode is already on for {scope}")
            holding = {
                lang: config.holding_statement("generic", lang) for lang in ("ko", "en", "de")
            }
            policy = CrisisPolicy.create(
                scope, at.timestamp(), config.crisis, holding, topic_terms, reason
            )
            crisis_id = repository.start_crisis(conn, policy, by.email, at)
            after = {"crisis": scope, "id": crisis_id, "policy": policy.to_json()}
        else:
            if current is None:
                raise AlertActionError(f"crisis mode is not on for {scope}")
            repository.end_crisis(conn, int(current["id"]), by.email, at)
            before["policy"] = current["policy"]
            after = {"crisis": None, "restored": "normal pipeline settings"}
        action = Action(
            kind="crisis_on" if on else "crisis_off",
            target_type="crisis",
            target_id=scope,
            actor=by.email,
            at=at,
            reason=reason,
            before=before,
            after=after,
        )
        write_audit(conn, action)
    return action


__all__ = [
    "AlertActionError",
    "OPEN",
    "do_acknowledge_alert",
    "do_resolve_alert",
    "do_set_crisis_mode",
]
