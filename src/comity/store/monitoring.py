"""Storage for monitoring: the detector's state, alerts and crisis-mode switches."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update

from comity.monitoring.alerts import RESOLVED, Alert, apply_event
from comity.monitoring.crisis import CrisisPolicy
from comity.monitoring.detector import AlertEvent
from comity.store import tables as t
from comity.store.rows import aware, aware_or_none

STATE_NAME = "detector"


def _now() -> datetime:
    return datetime.now(UTC)


def _alert(row: Any) -> Alert:
    return Alert(
        id=row.id,
        key=row.key,
        scope=row.scope,
        level=row.level,
        peak=row.peak,
        topic=row.topic,
        since=aware(row.since),
        last_at=aware(row.last_at),
        observed=row.observed,
        expected=row.expected,
        score=row.score,
        details=row.details,
        status=row.status,
        active=row.active,
        ended_at=aware_or_none(row.ended_at),
        note=row.note,
        notified_at=aware_or_none(row.notified_at),
        notified_level=row.notified_level,
    )


def _values(alert: Alert) -> dict[str, Any]:
    return {
        "key": alert.key,
        "scope": alert.scope,
        "level": alert.level,
        "peak": alert.peak,
        "status": alert.status,
        "active": alert.active,
        "topic": alert.topic,
        "since": alert.since,
        "last_at": alert.last_at,
        "ended_at": alert.ended_at,
        "observed": alert.observed,
        "expected": alert.expected,
        "score": alert.score,
        "details": alert.details,
        "note": alert.note,
    }


class MonitorRepository:
    """The detector's persistence (comity.monitoring.consumer.MonitorStore) and alert queries."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- detector state --------------------------------------------------------------------

    def load_state(self) -> tuple[dict[str, Any] | None, int]:
        query = select(t.monitor_state).where(t.monitor_state.c.name == STATE_NAME)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            return None, 0
        return row.state, row.last_comment_id

    def save(
        self, state: dict[str, Any], last_comment_id: int, events: Sequence[AlertEvent]
    ) -> list[Alert]:
        """State and every alert change in one transaction; returns the alerts changed."""
        changed: dict[str, Alert] = {}
        with self.engine.begin() as conn:
            self._save_state(conn, state, last_comment_id)
            for event in events:
                alert = changed.get(event.key) or self._by_key(conn, event.key)
                changed[event.key] = apply_event(alert, event)
            for alert in changed.values():
                self._write(conn, alert)
        return list(changed.values())

    def _save_state(self, conn: Connection, state: dict[str, Any], last_id: int) -> None:
        values = {"state": state, "last_comment_id": last_id, "updated_at": _now()}
        done = conn.execute(
            update(t.monitor_state).where(t.monitor_state.c.name == STATE_NAME).values(**values)
        )
        if done.rowcount == 0:
            conn.execute(insert(t.monitor_state).values(name=STATE_NAME, **values))

    def _by_key(self, conn: Connection, key: str) -> Alert | None:
        row = conn.execute(select(t.alerts).where(t.alerts.c.key == key)).first()
        return _alert(row) if row is not None else None

    def _write(self, conn: Connection, alert: Alert) -> None:
        now = _now()
        if alert.id is None:
            result = conn.execute(
                insert(t.alerts).values(**_values(alert), created_at=now, updated_at=now)
            )
            key = result.inserted_primary_key
            alert.id = int(key[0]) if key is not None else None
        else:
            conn.execute(
                update(t.alerts)
                .where(t.alerts.c.id == alert.id)
                .values(**_values(alert), updated_at=now)
            )

    def notifications_since(self, since: datetime) -> int:
        query = select(func.count()).select_from(t.alerts).where(t.alerts.c.notified_at >= since)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def mark_notified(self, alert_id: int, at: datetime, level: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(t.alerts)
                .where(t.alerts.c.id == alert_id)
                .values(notified_at=at, notified_level=level)
            )

    # -- alert queries ---------------------------------------------------------------------

    def get(self, alert_id: int) -> Alert | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.alerts).where(t.alerts.c.id == alert_id)).first()
        return _alert(row) if row is not None else None

    def alerts(self, status: str | None = None, limit: int = 100) -> list[Alert]:
        query = select(t.alerts).order_by(t.alerts.c.last_at.desc(), t.alerts.c.id.desc())
        if status == "unresolved":
            query = query.where(t.alerts.c.status != RESOLVED)
        elif status:
            query = query.where(t.alerts.c.status == status)
        with self.engine.connect() as conn:
            return [_alert(row) for row in conn.execute(query.limit(limit))]

    def unresolved(self) -> list[Alert]:
        return self.alerts("unresolved", limit=200)

    def for_update(self, conn: Connection, alert_id: int) -> Alert | None:
        query = select(t.alerts).where(t.alerts.c.id == alert_id).with_for_update()
        row = conn.execute(query).first()
        return _alert(row) if row is not None else None

    def set_status(self, conn: Connection, alert_id: int, status: str, note: str) -> None:
        conn.execute(
            update(t.alerts)
            .where(t.alerts.c.id == alert_id)
            .values(status=status, note=note, updated_at=_now())
        )

    # -- crisis mode -----------------------------------------------------------------------

    def crisis_on(self) -> bool:
        """Whether any crisis mode is on (brand-wide or for a campaign)."""
        query = select(t.crisis_modes.c.id).where(t.crisis_modes.c.active.is_(True)).limit(1)
        with self.engine.connect() as conn:
            return conn.execute(query).first() is not None

    def crisis_policies(self) -> list[CrisisPolicy]:
        """Every crisis mode that is on (brand-wide and per campaign)."""
        query = select(t.crisis_modes.c.policy).where(t.crisis_modes.c.active.is_(True))
        with self.engine.connect() as conn:
            return [CrisisPolicy.from_json(row.policy) for row in conn.execute(query)]

    def active_crisis(self, conn: Connection, scope: str) -> dict[str, Any] | None:
        query = (
            select(t.crisis_modes)
            .where(t.crisis_modes.c.active.is_(True), t.crisis_modes.c.scope == scope)
            .with_for_update()
        )
        row = conn.execute(query).first()
        return dict(row._mapping) if row is not None else None

    def start_crisis(self, conn: Connection, policy: CrisisPolicy, by: str, at: datetime) -> int:
        result = conn.execute(
            insert(t.crisis_modes).values(
                scope=policy.scope,
                active=True,
                reason=policy.reason,
                policy=policy.to_json(),
                started_by=by,
                started_at=at,
            )
        )
        key = result.inserted_primary_key
        return int(key[0]) if key is not None else 0

    def end_crisis(self, conn: Connection, crisis_id: int, by: str, at: datetime) -> None:
        conn.execute(
            update(t.crisis_modes)
            .where(t.crisis_modes.c.id == crisis_id)
            .values(active=False, ended_by=by, ended_at=at)
        )

    def crisis_list(self) -> list[dict[str, Any]]:
        query = select(t.crisis_modes).order_by(t.crisis_modes.c.id.desc()).limit(50)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]
