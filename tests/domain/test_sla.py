from __future__ import annotations

from datetime import UTC, datetime, timedelta

from comity.domain.sla import SlaState, sla

NOW = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)


def sla_state(
    due_at: datetime | None, now: datetime, created_at: datetime | None = None
) -> tuple[SlaState, timedelta | None]:
    found = sla(due_at, now, created_at)  # what the inbox chip and the API show
    return found.state, found.left


def test_states_by_absolute_time_left() -> None:
    assert sla_state(None, NOW) == ("ok", None)
    assert sla_state(NOW + timedelta(hours=2), NOW) == ("ok", timedelta(hours=2))
    assert sla_state(NOW + timedelta(minutes=29), NOW)[0] == "amber"
    assert sla_state(NOW + timedelta(minutes=14), NOW)[0] == "red"
    assert sla_state(NOW, NOW) == ("breached", timedelta(0))
    assert sla_state(NOW - timedelta(minutes=5), NOW) == ("breached", -timedelta(minutes=5))


def test_states_by_share_of_the_window() -> None:
    created = NOW - timedelta(hours=20)
    # A 24-hour SLA with 4 hours left: under 25% of the window is amber, under 10% red.
    assert sla_state(created + timedelta(hours=24), NOW, created)[0] == "amber"
    assert sla_state(created + timedelta(hours=22), NOW, created)[0] == "red"
    assert sla_state(created + timedelta(hours=60), NOW, created)[0] == "ok"
