"""Replay a timestamped stream (import-schema JSONL) through the detector at full speed.

Records that carry triage fields (a top-level ``"triage"`` object with ``sentiment``,
``primary`` and optionally ``toxicity``/``signals``/``secondary``) are used as they are;
the others are triaged on the way, in batches. First-time authors are those the replay has
not seen before. Alerts come out in stream order with their stream time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from comity.domain import Triage
from comity.ingest.records import RecordError, parse_record, parse_timestamp
from comity.monitoring.detector import RAISED, AlertEvent, Detector
from comity.monitoring.events import Event, event_from_record, record_triage

TRIAGE_BATCH = 512


class BatchTriager(Protocol):
    def triage_many(self, comments: Any) -> list[Triage]: ...


class ReplayError(ValueError):
    """A line of the stream cannot be replayed; the message names the line."""


@dataclass(slots=True)
class ReplayResult:
    alerts: list[AlertEvent]
    comments: int
    triaged: int


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, line


def _fields_of(triage: Triage) -> tuple[str, str, float, Any]:
    return (
        triage.sentiment.value,
        triage.primary.value,
        float(triage.signals.get("toxicity", 0.0)),
        tuple(c.value for c in triage.secondary),
    )


def _parsed(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in lines:
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise ReplayError(f"line {number}: not JSON ({exc})") from None
        yield number, record


def stream_events(
    lines: Iterable[tuple[int, str]], triager_factory: Callable[[], BatchTriager] | None = None
) -> Iterator[Event]:
    """Events of JSONL lines in stream order (see `record_events`)."""
    return record_events(_parsed(lines), triager_factory)


def record_events(
    records: Iterable[tuple[int, Any]], triager_factory: Callable[[], BatchTriager] | None = None
) -> Iterator[Event]:
    """Events in stream order; untriaged records are triaged in batches (order kept)."""
    seen: set[str] = set()
    pending: list[tuple[dict[str, Any], float]] = []
    triager: BatchTriager | None = None

    def author_key(record: dict[str, Any]) -> str:
        author = record.get("author")
        handle = author.get("handle") if isinstance(author, dict) else author
        return f"{record.get('channel')}:{handle}"

    def drain() -> Iterator[Event]:
        nonlocal triager
        if not pending:
            return
        if triager is None:
            if triager_factory is None:
                raise ReplayError("records without triage fields need a triager")
            triager = triager_factory()
        comments = [parse_record(record) for record, _ in pending]
        results = triager.triage_many(comments)
        for (record, at), triage in zip(pending, results, strict=True):
            key = author_key(record)
            first = key not in seen
            seen.add(key)
            yield event_from_record(record, at, _fields_of(triage), first)
        pending.clear()

    for number, record in records:
        try:
            if not isinstance(record, dict):
                raise RecordError("E100", "a record must be a JSON object")
            at = _timestamp(record.get("created_at"))
            fields = record_triage(record)
            if "channel" not in record or "author" not in record:
                raise RecordError("E101", "fields 'channel' and 'author' are required")
        except (ValueError, RecordError) as exc:
            raise ReplayError(f"line {number}: {exc}") from None
        if record.get("from_brand") is True:
            continue  # the brand's own comments are not part of any storm
        if fields is None:
            pending.append((record, at))
            if len(pending) >= TRIAGE_BATCH:
                yield from drain()
            continue
        if pending:
            yield from drain()
        key = author_key(record)
        first = key not in seen
        seen.add(key)
        yield event_from_record(record, at, fields, first)
    yield from drain()


def _timestamp(value: Any) -> float:
    """Epoch seconds of an ISO 8601 time; a fast path for the common shapes."""
    if isinstance(value, str):
        try:
            text = value[:-1] + "+00:00" if value.endswith("Z") else value
            parsed = datetime.fromisoformat(text)
            if parsed.tzinfo is not None:
                return parsed.timestamp()
        except ValueError:
            pass
    return parse_timestamp(value).timestamp()


def replay(
    path: Path,
    detector: Detector | None = None,
    triager_factory: Callable[[], BatchTriager] | None = None,
    on_alert: Callable[[AlertEvent], None] | None = None,
) -> ReplayResult:
    """Run the detector over the stream; alerts raised (opened, escalated, reopened), in order."""
    detector = detector or Detector()
    alerts: list[AlertEvent] = []
    count = 0
    last = 0.0
    for event in stream_events(_lines(path), triager_factory):
        count += 1
        last = event.at
        for alert in detector.process(event):
            if alert.kind in RAISED:
                alerts.append(alert)
                if on_alert is not None:
                    on_alert(alert)
    for alert in detector.flush(last + detector.bin_s):
        if alert.kind in RAISED:
            alerts.append(alert)
            if on_alert is not None:
                on_alert(alert)
    return ReplayResult(alerts=alerts, comments=count, triaged=0)
