"""JSON API v1: import comments in batches, list and read them, totals."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from comity.web.deps import ApiUser, CanIngest, ServicesDep
from comity.web.intake import (
    BodyError,
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
    BatchErrorOut,
    CommentDetailOut,
    CommentOut,
    CommentPageOut,
    ErrorOut,
    IngestResultOut,
    StatsOut,
)

router = APIRouter(
    prefix="/api/v1",
    tags=["comments"],
    responses={401: {"model": ErrorOut, "description": "No or invalid API token."}},
)


@router.post(
    "/comments",
    response_model=IngestResultOut,
    summary="Import a batch of comments (all or nothing)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": BATCH_SCHEMA}},
        }
    },
    responses={
        400: {"model": ErrorOut, "description": "The body is not JSON."},
        403: {"model": ErrorOut, "description": "The role may only read."},
        413: {"model": ErrorOut, "description": "More than `max_batch` comments."},
        422: {"model": BatchErrorOut, "description": "Invalid records; nothing was written."},
    },
)
async def post_comments(
    request: Request, services: ServicesDep, user: CanIngest
) -> IngestResultOut | JSONResponse:
    """Validate the whole batch first; store it only when every record is valid."""
    max_batch = services.settings.max_batch
    try:
        body = await read_body(request, max_batch)
        records = batch_records(decode_json(body), single_allowed=False, max_batch=max_batch)
    except BodyError as error:
        return error_response(error)
    batch = parse_batch(records)
    if batch.errors:
        return invalid_batch_response(batch.errors, len(records))
    report = await run_in_threadpool(store_batch, services, batch, source="api")
    return IngestResultOut.of(report)


@router.get("/comments", response_model=CommentPageOut, summary="List comments, newest first")
def list_comments(
    services: ServicesDep,
    user: ApiUser,
    channel: Annotated[str | None, Query(max_length=64)] = None,
    lang: Annotated[str | None, Query(max_length=16)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> CommentPageOut:
    comments = services.comments.list_recent(channel=channel, lang=lang, limit=limit, offset=offset)
    return CommentPageOut(
        total=services.comments.count(channel=channel, lang=lang),
        limit=limit,
        offset=offset,
        items=[CommentOut.of(stored) for stored in comments],
    )


@router.get(
    "/comments/{comment_id}",
    response_model=CommentDetailOut,
    summary="One comment with its edit history",
    responses={404: {"model": ErrorOut}},
)
def get_comment(comment_id: int, services: ServicesDep, user: ApiUser) -> CommentDetailOut:
    stored = services.comments.get(comment_id)
    if stored is None:
        raise HTTPException(404, f"no comment with id {comment_id}")
    return CommentDetailOut.with_edits(stored, services.comments.edits(comment_id))


@router.get("/stats", response_model=StatsOut, summary="Totals by channel, language, status")
def stats(services: ServicesDep, user: ApiUser) -> StatsOut:
    return StatsOut(**services.comments.stats())
