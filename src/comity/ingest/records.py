"""The documented import record schema (docs/import-format.md) and its validation."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from comity.domain import Author, Comment

KNOWN_FIELDS = frozenset(
    {
        "channel",
        "external_id",
        "author",
        "text",
        "created_at",
        "parent",
        "media",
        "url",
        "lang",
        "context",
    }
)
_CHANNEL_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
_LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
MAX_TEXT_CHARS = 20_000


class RecordError(ValueError):
    """A record that cannot be imported; `code` is stable and documented."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


def _required_str(record: Mapping[str, Any], name: str, code: str) -> str:
    value = record.get(name)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise RecordError(code, f"field '{name}' is required and must be a non-empty string")
    return value.strip()


def parse_timestamp(value: Any) -> datetime:
    """ISO 8601 to an aware UTC datetime; a naive time is taken as UTC."""
    if not isinstance(value, str) or not value.strip():
        raise RecordError(
            "E105", "field 'created_at' is required (ISO 8601, e.g. 2026-06-01T09:30:00+09:00)"
        )
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise RecordError(
            "E105", f"'created_at' is not ISO 8601: {value!r} (e.g. 2026-06-01T09:30:00+09:00)"
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _json_field(value: Any, name: str, code: str) -> Any:
    """CSV cells carry lists and objects as JSON text."""
    if isinstance(value, str):
        stripped = value.strip()
        if not stripped:
            return None
        try:
            return json.loads(stripped)
        except json.JSONDecodeError:
            raise RecordError(
                code, f"field '{name}' must be JSON here, got {value[:40]!r}"
            ) from None
    return value


def _media(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str) and not value.strip().startswith("["):
        items: Any = [part for part in value.split() if part]
    else:
        items = _json_field(value, "media", "E107")
    if items is None:
        return ()
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise RecordError("E107", "field 'media' must be a list of URLs")
    for item in items:
        if not item.startswith(("http://", "https://")):
            raise RecordError("E107", f"media entry is not an http(s) URL: {item[:60]!r}")
    return tuple(items)


def _author(value: Any, channel: str) -> Author:
    if isinstance(value, Mapping):
        handle = value.get("handle")
        name = value.get("name") or ""
        if not isinstance(handle, str) or not handle.strip() or not isinstance(name, str):
            raise RecordError("E103", 'field \'author\' must be a handle or {"handle", "name"}')
        return Author(channel=channel, handle=handle.strip(), display_name=name.strip())
    if isinstance(value, str) and value.strip():
        return Author(channel=channel, handle=value.strip())
    raise RecordError("E103", "field 'author' is required (the author's handle on the channel)")


def parse_record(record: Mapping[str, Any]) -> Comment:
    """Validate one import record and turn it into a `Comment` (extra fields kept)."""
    if not isinstance(record, Mapping):
        raise RecordError("E100", "a record must be a JSON object")
    channel = _required_str(record, "channel", "E101").lower()
    if not _CHANNEL_RE.match(channel):
        raise RecordError("E101", f"channel {channel!r} must be a lower-case slug like 'instagram'")
    external_id = _required_str(record, "external_id", "E102")
    author = _author(record.get("author"), channel)
    text = record.get("text")
    if not isinstance(text, str):
        raise RecordError("E104", "field 'text' is required and must be a string")
    if len(text) > MAX_TEXT_CHARS:
        raise RecordError("E104", f"text is longer than {MAX_TEXT_CHARS} characters")
    media = _media(record.get("media"))
    if not text.strip() and not media:
        raise RecordError("E104", "a comment needs text or media")
    created_at = parse_timestamp(record.get("created_at"))
    parent = record.get("parent")
    if parent in ("", None):
        parent = None
    elif isinstance(parent, int) and not isinstance(parent, bool):
        parent = str(parent)
    elif not isinstance(parent, str):
        raise RecordError("E106", "field 'parent' must be the external id of the parent comment")
    url = record.get("url") or None
    if url is not None and (
        not isinstance(url, str) or not url.startswith(("http://", "https://"))
    ):
        raise RecordError("E108", "field 'url' must be an http(s) URL")
    lang = record.get("lang") or None
    if lang is not None and (not isinstance(lang, str) or not _LANG_RE.match(lang)):
        raise RecordError("E109", f"field 'lang' must be a language code like 'ko', got {lang!r}")
    context = _json_field(record.get("context"), "context", "E110") or {}
    if not isinstance(context, dict):
        raise RecordError("E110", "field 'context' must be an object")
    extra = {key: value for key, value in record.items() if key not in KNOWN_FIELDS}
    return Comment(
        channel=channel,
        external_id=external_id,
        author=author,
        text=text,
        created_at=created_at,
        parent_external_id=parent,
        media=media,
        url=url,
        lang=lang,
        context=context,
        extra=extra,
    )


def comment_to_record(comment: Comment) -> dict[str, Any]:
    """The inverse of `parse_record`, for exports and round trips."""
    record: dict[str, Any] = {
        "channel": comment.channel,
        "external_id": comment.external_id,
        "author": comment.author.handle
        if not comment.author.display_name
        else {"handle": comment.author.handle, "name": comment.author.display_name},
        "text": comment.text,
        "created_at": comment.created_at.isoformat(),
    }
    if comment.parent_external_id:
        record["parent"] = comment.parent_external_id
    if comment.media:
        record["media"] = list(comment.media)
    if comment.url:
        record["url"] = comment.url
    if comment.lang:
        record["lang"] = comment.lang
    if comment.context:
        record["context"] = comment.context
    record.update(comment.extra)
    return record
