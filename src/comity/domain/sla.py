"""How close a case is to its SLA due time (pure; the inbox colours rows with it).

States, for a case created at `created_at` and due at `due_at`:

- "breached": the due time has passed.
- "red": under 10% of the SLA window left, or under 15 minutes.
- "amber": under 25% of the window left, or under 30 minutes.
- "ok": otherwise, and for cases without a due time.

Without `created_at` the window is unknown and only the absolute limits apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

SlaState = Literal["ok", "amber", "red", "breached"]

AMBER_SHARE = 0.25
RED_SHARE = 0.10
AMBER_LEFT = timedelta(minutes=30)
RED_LEFT = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class Sla:
    state: SlaState
    left: timedelta | None  # negative when breached; None without a due time


def sla(due_at: datetime | None, now: datetime, created_at: datetime | None = None) -> Sla:
    """The state and the time left (negative: overdue by that much)."""
    if due_at is None:
        return Sla("ok", None)
    left = due_at - now
    if left <= timedelta(0):
        return Sla("breached", left)
    window = due_at - created_at if created_at is not None and created_at < due_at else None
    share = left / window if window else None
    if left < RED_LEFT or (share is not None and share < RED_SHARE):
        return Sla("red", left)
    if left < AMBER_LEFT or (share is not None and share < AMBER_SHARE):
        return Sla("amber", left)
    return Sla("ok", left)
