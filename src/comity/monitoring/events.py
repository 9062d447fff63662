"""What the detector sees of a comment: one small `Event` per triaged comment.

Two doors build events: `event_from_item` for the live pipeline (a triaged `WorkItem`) and
`event_from_record` for replays of import-schema records that already carry triage fields
(a top-level ``"triage"`` object, see docs/monitoring.md), so a million comments replay
without re-running triage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from comity.domain import Category, Sentiment, Triage, WorkItem
from comity.playbook.own_comments import OWN_COMMENT

MAX_TEXT = 280
NEGATIVE_PRIMARY = frozenset(
    {"complaint", "misinformation", "toxic", "troll", "legal"},
)
TOXIC_PRIMARY = frozenset({"toxic", "troll"})
TOXICITY_CUT = 0.5


@dataclass(frozen=True, slots=True)
class Event:
    """One comment as the detector needs it; `at` is stream (event) time in epoch seconds."""

    at: float
    channel: str
    author: str
    negative: bool
    toxic: bool = False
    misinfo: bool = False
    first_time: bool = False
    campaign: str | None = None
    text: str = ""
    ref: str = ""


def classify(
    sentiment: str, primary: str, toxicity: float, secondary: Any = ()
) -> tuple[bool, bool, bool]:
    """(negative, toxic, misinformation) from triage fields; spam is never 'negative'."""
    toxic = primary in TOXIC_PRIMARY or toxicity >= TOXICITY_CUT
    misinfo = primary == "misinformation" or "misinformation" in (secondary or ())
    negative = primary in NEGATIVE_PRIMARY or (sentiment == "negative" and primary != "spam")
    return negative or toxic, toxic, misinfo


def _triage_fields(triage: Triage) -> tuple[bool, bool, bool]:
    return classify(
        triage.sentiment.value,
        triage.primary.value,
        float(triage.signals.get("toxicity", 0.0)),
        tuple(c.value for c in triage.secondary),
    )


def event_from_item(item: WorkItem, first_time: bool) -> Event | None:
    """The event for a triaged, stored comment (None when untriaged or the brand's own)."""
    triage = item.triage
    if triage is None or item.plan is OWN_COMMENT or item.comment.extra.get("from_brand") is True:
        return None  # the brand correcting a rumour is not part of the storm
    comment = item.comment
    negative, toxic, misinfo = _triage_fields(triage)
    campaign = comment.context.get("campaign")
    return Event(
        at=comment.created_at.timestamp(),
        channel=comment.channel,
        author=f"{comment.channel}:{comment.author.handle}",
        negative=negative,
        toxic=toxic,
        misinfo=misinfo,
        first_time=first_time,
        campaign=str(campaign) if campaign else None,
        text=comment.text[:MAX_TEXT] if negative else "",
        ref=str(comment.id) if comment.id is not None else comment.external_id,
    )


def record_triage(record: Mapping[str, Any]) -> tuple[str, str, float, Any] | None:
    """(sentiment, primary, toxicity, secondary) carried by a pre-triaged record, if any."""
    found = record.get("triage")
    if not isinstance(found, Mapping):
        context = record.get("context")
        found = context.get("triage") if isinstance(context, Mapping) else None
    if not isinstance(found, Mapping):
        return None
    sentiment = str(found.get("sentiment") or "neutral")
    primary = str(found.get("primary") or "neutral")
    if sentiment not in _SENTIMENTS or primary not in _CATEGORIES:
        raise ValueError(
            f"triage fields must use the taxonomy: sentiment {sentiment!r}, primary {primary!r}"
        )
    signals = found.get("signals")
    toxicity = found.get("toxicity")
    if toxicity is None and isinstance(signals, Mapping):
        toxicity = signals.get("toxicity")
    return sentiment, primary, float(toxicity or 0.0), found.get("secondary") or ()


_SENTIMENTS = frozenset(s.value for s in Sentiment)
_CATEGORIES = frozenset(c.value for c in Category)


def event_from_record(
    record: Mapping[str, Any],
    at: float,
    fields: tuple[str, str, float, Any],
    first_time: bool,
) -> Event:
    """The event for a replayed import record whose triage fields are known."""
    channel = str(record["channel"]).lower()
    author = record.get("author")
    handle = author.get("handle") if isinstance(author, Mapping) else author
    negative, toxic, misinfo = classify(*fields)
    context = record.get("context")
    campaign = context.get("campaign") if isinstance(context, Mapping) else None
    text = record.get("text") if negative else ""
    return Event(
        at=at,
        channel=channel,
        author=f"{channel}:{handle}",
        negative=negative,
        toxic=toxic,
        misinfo=misinfo,
        first_time=first_time,
        campaign=str(campaign) if campaign else None,
        text=str(text or "")[:MAX_TEXT],
        ref=str(record.get("external_id", "")),
    )
