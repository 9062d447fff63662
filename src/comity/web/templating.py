"""The Jinja2 environment: autoescaping always on, plus small display filters."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates

from comity.web.security import CSRF_FORM_FIELD, csrf_token

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"
PREVIEW_CHARS = 240


def relative_time(value: datetime, now: datetime | None = None) -> str:
    """'5 min ago' style; older than a week shows the date."""
    now = now or datetime.now(UTC)
    seconds = (now - value).total_seconds()
    if seconds < 60:
        return "just now"
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min ago"
    hours = minutes // 60
    if hours < 24:
        return f"{hours} h ago"
    days = hours // 24
    if days < 7:
        return f"{days} d ago"
    return value.astimezone(UTC).strftime("%d %b %Y")


def absolute_time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def preview(text: str, limit: int = PREVIEW_CHARS) -> str:
    """The first `limit` characters, cut at a space when one is near."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.7:
        cut = cut[:space]
    return cut.rstrip() + "…"


def media_label(url: str) -> str:
    """A text label for a media link; external images are never loaded into the page."""
    path = url.split("?", 1)[0].lower()
    if path.endswith((".mp4", ".mov", ".webm", ".m3u8")):
        return "🎞 video"
    return "📷 photo"


def http_url(url: str) -> str:
    """Only http(s) links reach an href, whatever a connector stored."""
    return url if url.lower().startswith(("http://", "https://")) else "#"


def query_string(**params: Any) -> str:
    """Query parameters without the empty ones, for links that keep the filters."""
    return urlencode({key: value for key, value in params.items() if value not in (None, "")})


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,  # every template, whatever its extension: user text is never trusted
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["relative_time"] = relative_time
    env.filters["absolute_time"] = absolute_time
    env.filters["preview"] = preview
    env.filters["media_label"] = media_label
    env.filters["http_url"] = http_url
    env.globals["query_string"] = query_string
    env.globals["csrf_field_name"] = CSRF_FORM_FIELD

    def csrf_context(request: Request) -> dict[str, Any]:
        return {"csrf_token": csrf_token(request.session)}

    return Jinja2Templates(env=env, context_processors=[csrf_context])
