"""Generic signed webhook: any system that can sign a body with HMAC can push comments."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from comity.connectors.webhook import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    SignatureError,
    verify_signature,
)
from comity.ingest.service import IngestReport
from comity.runtime.services import Services
from comity.store.webhooks import WebhookDeliveryRepository
from comity.web.deps import DeliveriesDep, ServicesDep
from comity.web.intake import (
    BodyError,
    ParsedBatch,
    batch_records,
    decode_json,
    error_response,
    invalid_batch_response,
    parse_batch,
    read_body,
    store_batch,
)
from comity.web.schemas import (
    BATCH_SCHEMA,
    RECORD_SCHEMA,
    BatchErrorOut,
    ErrorOut,
    IngestResultOut,
)

router = APIRouter(prefix="/api/v1/webhooks", tags=["webhooks"])
_CHANNEL_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


@router.post(
    "/{channel}",
    response_model=IngestResultOut,
    summary="Receive comments from a signed webhook (docs/webhooks.md)",
    openapi_extra={
        "parameters": [
            {"name": TIMESTAMP_HEADER, "in": "header", "required": True, "schema": {}},
            {"name": SIGNATURE_HEADER, "in": "header", "required": True, "schema": {}},
        ],
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"oneOf": [RECORD_SCHEMA, BATCH_SCHEMA]}}},
        },
    },
    responses={
        400: {"model": ErrorOut, "description": "The body is not JSON."},
        401: {"model": ErrorOut, "description": "Missing, bad or stale signature."},
        404: {"model": ErrorOut, "description": "No webhook key for this channel."},
        409: {"model": ErrorOut, "description": "This signature was already accepted."},
        413: {"model": ErrorOut, "description": "More than `max_batch` comments."},
        422: {"model": BatchErrorOut, "description": "Invalid records; nothing was written."},
    },
)
async def receive(
    channel: str, request: Request, services: ServicesDep, deliveries: DeliveriesDep
) -> IngestResultOut | JSONResponse:
    """The channel in the path wins over any channel in the records."""
    settings = services.settings
    key = settings.webhook_key(channel) if _CHANNEL_RE.match(channel) else None
    if key is None:
        raise HTTPException(404, "webhooks are not enabled for this channel")
    try:
        body = await read_body(request, settings.max_batch)
    except BodyError as error:
        return error_response(error)
    try:
        digest = verify_signature(
            key,
            request.headers.get(TIMESTAMP_HEADER),
            body,
            request.headers.get(SIGNATURE_HEADER),
            now=time.time(),
            tolerance=settings.webhook_tolerance_seconds,
        )
    except SignatureError as error:
        raise HTTPException(401, error.message) from None
    try:
        records = batch_records(
            decode_json(body), single_allowed=True, max_batch=settings.max_batch
        )
    except BodyError as error:
        return error_response(error)
    batch = parse_batch(records, channel=channel)
    if batch.errors:
        return invalid_batch_response(batch.errors, len(records))
    report = await run_in_threadpool(_accept, services, deliveries, digest, channel, batch)
    if report is None:
        raise HTTPException(409, "replayed delivery: this signature was already accepted")
    return IngestResultOut.of(report)


def _accept(
    services: Services,
    deliveries: WebhookDeliveryRepository,
    digest: str,
    channel: str,
    batch: ParsedBatch,
) -> IngestReport | None:
    """Claim the signature, then store; None when it was claimed before (a replay)."""
    now = datetime.now(UTC)
    tolerance = timedelta(seconds=services.settings.webhook_tolerance_seconds)
    # Older claims can no longer match a fresh timestamp, so they need no keeping.
    deliveries.prune(before=now - 2 * tolerance)
    if not deliveries.claim(digest, channel, now):
        return None
    try:
        return store_batch(services, batch, source="webhook")
    except Exception:
        deliveries.release(digest)  # nothing stored: let the sender retry the same delivery
        raise
