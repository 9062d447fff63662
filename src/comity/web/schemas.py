"""JSON shapes of the API (they are what /docs shows)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from comity.ingest.service import IngestReport
from comity.store.comments import Edit, StoredComment

# The import schema (docs/import-format.md) for /docs; validation is parse_record's.
RECORD_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["channel", "external_id", "author", "text", "created_at"],
    "properties": {
        "channel": {"type": "string", "example": "instagram"},
        "external_id": {"type": "string", "example": "17890000000000001"},
        "author": {
            "oneOf": [
                {"type": "string"},
                {"type": "object", "properties": {"handle": {}, "name": {}}},
            ]
        },
        "text": {"type": "string", "example": "유자에이드 언제 다시 나와요?"},
        "created_at": {"type": "string", "format": "date-time"},
        "parent": {"type": "string", "description": "External id of the parent comment."},
        "media": {"type": "array", "items": {"type": "string", "format": "uri"}},
        "url": {"type": "string", "format": "uri"},
        "lang": {"type": "string", "example": "ko"},
        "context": {"type": "object"},
    },
    "additionalProperties": True,
}
BATCH_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["comments"],
    "properties": {"comments": {"type": "array", "items": RECORD_SCHEMA}},
}


class ErrorOut(BaseModel):
    detail: str


class ItemErrorOut(BaseModel):
    index: int = Field(description="Position of the record in `comments`, from 0.")
    code: str = Field(description="Stable error code, see docs/import-format.md.")
    message: str


class BatchErrorOut(BaseModel):
    detail: str
    errors: list[ItemErrorOut]


class IngestResultOut(BaseModel):
    inserted: int
    updated: int
    unchanged: int

    @classmethod
    def of(cls, report: IngestReport) -> IngestResultOut:
        return cls(inserted=report.inserted, updated=report.updated, unchanged=report.unchanged)


class AuthorOut(BaseModel):
    handle: str
    name: str


class TriageOut(BaseModel):
    lang: str
    primary: str
    secondary: list[str]
    sentiment: str
    action: str
    legal_sub: str | None
    signals: dict[str, float]
    reasons: list[str]
    model: str


class CommentOut(BaseModel):
    id: int
    channel: str
    external_id: str
    author: AuthorOut
    text: str
    created_at: datetime
    parent: str | None = Field(description="External id of the parent comment, for replies.")
    media: list[str]
    url: str | None
    lang: str | None = Field(description="Language declared on import.")
    status: str
    edit_count: int
    context: dict[str, Any]
    extra: dict[str, Any]
    triage: TriageOut | None

    @classmethod
    def of(cls, stored: StoredComment) -> CommentOut:
        return cls(**_comment_fields(stored))


class EditOut(BaseModel):
    previous_text: str
    replaced_at: datetime


class CommentDetailOut(CommentOut):
    edits: list[EditOut] = Field(description="Earlier texts, oldest first.")

    @classmethod
    def with_edits(cls, stored: StoredComment, edits: list[Edit]) -> CommentDetailOut:
        return cls(
            **_comment_fields(stored),
            edits=[
                EditOut(previous_text=e.previous_text, replaced_at=e.replaced_at) for e in edits
            ],
        )


class CommentPageOut(BaseModel):
    total: int = Field(description="Comments matching the filters, over all pages.")
    limit: int
    offset: int
    items: list[CommentOut]


class StatsOut(BaseModel):
    comments: int
    authors: int
    pending: int = Field(description="Comments the pipeline has not finished yet.")
    channels: dict[str, int]
    languages: dict[str, int]
    statuses: dict[str, int]
    categories: dict[str, int]


class HealthOut(BaseModel):
    status: str


def _comment_fields(stored: StoredComment) -> dict[str, Any]:
    comment, triage = stored.comment, stored.triage
    if comment.id is None:
        raise ValueError("only stored comments have an API shape")
    return {
        "id": comment.id,
        "channel": comment.channel,
        "external_id": comment.external_id,
        "author": AuthorOut(handle=comment.author.handle, name=comment.author.display_name),
        "text": comment.text,
        "created_at": comment.created_at,
        "parent": comment.parent_external_id,
        "media": list(comment.media),
        "url": comment.url,
        "lang": comment.lang,
        "status": comment.status.value,
        "edit_count": stored.edit_count,
        "context": comment.context,
        "extra": comment.extra,
        "triage": None
        if triage is None
        else TriageOut(
            lang=triage.lang,
            primary=triage.primary.value,
            secondary=[category.value for category in triage.secondary],
            sentiment=triage.sentiment.value,
            action=triage.action.value,
            legal_sub=triage.legal_sub.value if triage.legal_sub else None,
            signals=triage.signals,
            reasons=list(triage.reasons),
            model=triage.model,
        ),
    }
