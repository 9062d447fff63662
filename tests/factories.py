"""Small builders for test data (our own text, never dataset text)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from comity.domain import Author, Comment

T0 = datetime(2026, 7, 1, 9, 0, tzinfo=UTC)


def record(i: int, **overrides: Any) -> dict[str, Any]:
    """An import record; `i` makes the id, author and time distinct."""
    base: dict[str, Any] = {
        "channel": "instagram",
        "external_id": f"ig_{i}",
        "author": f"fan_{i % 7}",
        "text": f"유자에이드 너무 맛있어요 {i}",
        "created_at": (T0 + timedelta(minutes=i)).isoformat(),
    }
    base.update(overrides)
    return base


def comment(i: int, **overrides: Any) -> Comment:
    values: dict[str, Any] = {
        "channel": "instagram",
        "external_id": f"ig_{i}",
        "author": Author(channel="instagram", handle=f"fan_{i % 7}"),
        "text": f"유자에이드 너무 맛있어요 {i}",
        "created_at": T0 + timedelta(minutes=i),
    }
    values.update(overrides)
    return Comment(**values)
