"""The HTTP ingest door shared by the API and webhooks: a whole batch or nothing."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from comity.domain import Comment
from comity.ingest.records import RecordError, parse_record
from comity.ingest.service import IngestReport
from comity.runtime.services import Services


class BodyError(ValueError):
    """The request body is not usable at all (status 400, 413 or 422)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True, slots=True)
class ItemError:
    index: int
    code: str
    message: str


@dataclass(slots=True)
class ParsedBatch:
    comments: list[Comment] = field(default_factory=list)
    raws: list[dict[str, Any]] = field(default_factory=list)
    errors: list[ItemError] = field(default_factory=list)


# Generous for 20,000-character comments in UTF-8 with metadata; bounds memory per request.
BYTES_PER_RECORD = 100_000


async def read_body(request: Request, max_batch: int) -> bytes:
    """The request body, refused (413) before it grows past what `max_batch` could need."""
    limit = max_batch * BYTES_PER_RECORD
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyError(413, f"the body is larger than {limit} bytes; split the batch")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyError(413, f"the body is larger than {limit} bytes; split the batch")
        chunks.append(chunk)
    return b"".join(chunks)


def decode_json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BodyError(400, f"the body is not valid JSON: {error}") from None


def batch_records(payload: Any, *, single_allowed: bool, max_batch: int) -> list[Any]:
    """The records of `{"comments": [...]}` (or one bare record where allowed)."""
    if isinstance(payload, Mapping) and "comments" in payload:
        records = payload["comments"]
        if not isinstance(records, list):
            raise BodyError(422, "'comments' must be a list of import records")
    elif single_allowed and isinstance(payload, Mapping):
        records = [payload]
    else:
        expected = "one import record or " if single_allowed else ""
        raise BodyError(422, f'the body must be {expected}{{"comments": [record, ...]}}')
    if len(records) > max_batch:
        raise BodyError(
            413, f"{len(records)} comments in one request; at most {max_batch} (max_batch)"
        )
    return records


def parse_batch(records: Sequence[Any], *, channel: str | None = None) -> ParsedBatch:
    """Validate every record, collecting all problems; `channel` overrides the records'."""
    batch = ParsedBatch()
    for index, record in enumerate(records):
        try:
            if not isinstance(record, Mapping):
                raise RecordError("E100", "a record must be a JSON object")
            comment = parse_record({**record, "channel": channel} if channel else record)
        except RecordError as error:
            batch.errors.append(ItemError(index, error.code, error.message))
            continue
        batch.comments.append(comment)
        batch.raws.append(dict(record))
    return batch


def store_batch(services: Services, batch: ParsedBatch, *, source: str) -> IngestReport:
    """Upsert a valid batch (idempotent on channel + external id) and wake the pipeline."""
    report = IngestReport()
    if batch.comments:
        report.count(services.comments.upsert_many(batch.comments, batch.raws, source=source))
        services.notify_ingested(batch.comments)
    return report


def error_response(error: BodyError) -> JSONResponse:
    return JSONResponse({"detail": error.message}, status_code=error.status)


def invalid_batch_response(errors: Sequence[ItemError], total: int) -> JSONResponse:
    """422 listing every bad record, so the sender can fix them all at once."""
    return JSONResponse(
        {
            "detail": f"{len(errors)} of {total} comments are invalid; nothing was written",
            "errors": [{"index": e.index, "code": e.code, "message": e.message} for e in errors],
        },
        status_code=422,
    )
