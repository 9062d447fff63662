"""Conversions between table rows and domain objects."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from comity.domain import (
    ActionKind,
    Author,
    Case,
    CaseStatus,
    Category,
    Comment,
    CommentStatus,
    LegalSub,
    Priority,
    Queue,
    Sentiment,
    Triage,
)


def aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything in Comity is UTC-aware."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def aware_or_none(value: datetime | None) -> datetime | None:
    """`aware` for a nullable column."""
    return aware(value) if value is not None else None


def comment_from_row(row: Mapping[Any, Any]) -> Comment:
    author = Author(
        channel=row["channel"],
        handle=row["handle"],
        display_name=row["display_name"],
        first_seen=aware(row["first_seen"]),
        strikes=row["strikes"],
    )
    return Comment(
        id=row["id"],
        channel=row["channel"],
        external_id=row["external_id"],
        author=author,
        text=row["text"],
        created_at=aware(row["created_at"]),
        parent_external_id=row["parent_external_id"],
        media=tuple(row["media"] or ()),
        url=row["url"],
        lang=row["lang"],
        context=dict(row["context"] or {}),
        extra=dict(row["extra"] or {}),
        status=CommentStatus(row["status"]),
    )


def triage_from_row(row: Mapping[Any, Any], prefix: str = "") -> Triage:
    legal = row[f"{prefix}legal_sub"]
    return Triage(
        lang=row[f"{prefix}lang"],
        primary=Category(row[f"{prefix}primary"]),
        secondary=tuple(Category(value) for value in row[f"{prefix}secondary"]),
        sentiment=Sentiment(row[f"{prefix}sentiment"]),
        action=ActionKind(row[f"{prefix}action"]),
        legal_sub=LegalSub(legal) if legal else None,
        signals={key: float(value) for key, value in row[f"{prefix}signals"].items()},
        reasons=tuple(row[f"{prefix}reasons"]),
        model=row[f"{prefix}model"],
    )


def triage_to_row(comment_id: int, triage: Triage) -> dict[str, Any]:
    return {
        "comment_id": comment_id,
        "lang": triage.lang,
        "primary": triage.primary.value,
        "secondary": [category.value for category in triage.secondary],
        "sentiment": triage.sentiment.value,
        "action": triage.action.value,
        "legal_sub": triage.legal_sub.value if triage.legal_sub else None,
        "signals": {key: round(value, 4) for key, value in triage.signals.items()},
        "reasons": list(triage.reasons),
        "model": triage.model,
        "toxicity": triage.signals.get("toxicity"),
    }


def case_from_row(row: Mapping[Any, Any]) -> Case:
    return Case(
        id=row["id"],
        comment_id=row["comment_id"],
        queue=Queue(row["queue"]),
        priority=Priority(row["priority"]),
        status=CaseStatus(row["status"]),
        due_at=aware_or_none(row["due_at"]),
        assignee=row["assignee"],
    )
