"""Ingest doors share this: validate, store raw first, dedupe on (channel, external_id)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from comity.domain import Comment
from comity.ingest.records import RecordError, parse_record


class Outcome(StrEnum):
    INSERTED = "inserted"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class CommentSink(Protocol):
    """Where ingested comments go (the store implements it)."""

    def upsert_many(
        self, comments: Sequence[Comment], raw: Sequence[dict[str, Any]], *, source: str
    ) -> list[Outcome]: ...


@dataclass(frozen=True, slots=True)
class Rejected:
    """A record that was not imported, with where it came from and why."""

    line: int
    code: str
    message: str
    raw: str


@dataclass(slots=True)
class IngestReport:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def accepted(self) -> int:
        return self.inserted + self.updated + self.unchanged

    def count(self, outcomes: Iterable[Outcome]) -> None:
        for outcome in outcomes:
            if outcome is Outcome.INSERTED:
                self.inserted += 1
            elif outcome is Outcome.UPDATED:
                self.updated += 1
            else:
                self.unchanged += 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": len(self.rejected),
        }


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One record read from an input, before validation."""

    line: int
    record: Mapping[str, Any] | None
    raw: str
    error: RecordError | None = None


def ingest_rows(
    rows: Iterable[SourceRow],
    sink: CommentSink,
    *,
    source: str,
    batch_size: int = 2000,
    on_progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Import every good row in batches; bad rows are reported, never stop the import."""
    report = IngestReport()
    for batch in _batches(rows, batch_size):
        comments: list[Comment] = []
        raws: list[dict[str, Any]] = []
        for row in batch:
            if row.error is not None or row.record is None:
                error = row.error or RecordError("E100", "unreadable record")
                report.rejected.append(Rejected(row.line, error.code, error.message, row.raw))
                continue
            try:
                comments.append(parse_record(row.record))
            except RecordError as error:
                report.rejected.append(Rejected(row.line, error.code, error.message, row.raw))
                continue
            raws.append(dict(row.record))
        if comments:
            report.count(sink.upsert_many(comments, raws, source=source))
        if on_progress is not None:
            on_progress(len(batch))
    return report


def _batches(rows: Iterable[SourceRow], size: int) -> Iterator[list[SourceRow]]:
    batch: list[SourceRow] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
