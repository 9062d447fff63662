"""The Jinja2 environment: autoescaping always on, plus small display filters."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from comity.web.i18n import LOCALES, UiLocale, ui_locale
from comity.web.labels import label_id
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


@dataclass(frozen=True, slots=True)
class TextPart:
    text: str
    mention: bool = False


_MENTION_RE = re.compile(r"@[\w.+-]+(?:@[\w.-]+)?")


def mention_parts(body: str, mentions: Sequence[str] = ()) -> list[TextPart]:
    """A note split so @mentions can be highlighted; every part is still escaped text."""
    known = {m.lower().lstrip("@") for m in mentions}
    known |= {m.split("@")[0] for m in known}
    parts: list[TextPart] = []
    position = 0
    for match in _MENTION_RE.finditer(body):
        name = match.group(0)[1:].lower().rstrip(".")
        if known and name not in known:
            continue
        if match.start() > position:
            parts.append(TextPart(body[position : match.start()]))
        parts.append(TextPart(match.group(0), mention=True))
        position = match.end()
    if position < len(body):
        parts.append(TextPart(body[position:]))
    return parts


def query_string(**params: Any) -> str:
    """Query parameters without the empty ones, for links that keep the filters."""
    return urlencode({key: value for key, value in params.items() if value not in (None, "")})


SESSION_LANG_KEY = "lang"
SESSION_TZ_KEY = "tz"


def request_locale(request: Request) -> UiLocale:
    """The request's UI language and time zone: saved choice (kept in the session), else browser."""
    found = getattr(request.state, "ui_locale", None)
    if isinstance(found, UiLocale):
        return found
    lang = request.session.get(SESSION_LANG_KEY)
    tz = request.session.get(SESSION_TZ_KEY)
    locale = ui_locale(
        lang if isinstance(lang, str) else None,
        tz if isinstance(tz, str) else None,
        request.headers.get("accept-language"),
    )
    request.state.ui_locale = locale
    return locale


def _newstyle(locale: UiLocale) -> tuple[Any, Any]:
    """gettext/ngettext for `{% trans %}` and `_()`: translations are trusted, values escaped."""

    @jinja2.pass_context
    def gettext(context: jinja2.runtime.Context, message: str, **variables: Any) -> str:
        text = locale.gettext(message)
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables if variables else text

    @jinja2.pass_context
    def ngettext(
        context: jinja2.runtime.Context, singular: str, plural: str, num: int, **variables: Any
    ) -> str:
        variables.setdefault("num", num)
        text = locale.ngettext(singular, plural, num)
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables

    return gettext, ngettext


@jinja2.pass_context
def _label(context: jinja2.runtime.Context, kind: str, code: object) -> str:
    """A code (queue, category, role, ...) as words in the user's language."""
    locale = context.get("ui")
    message = label_id(kind, code)
    return locale.gettext(message) if isinstance(locale, UiLocale) else message


@jinja2.pass_context
def _active_alert(context: jinja2.runtime.Context) -> Any:
    from comity.web.routes.alerts import active_alert  # late: routes import this module

    return active_alert(context.get("request"))


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,  # every template, whatever its extension: user text is never trusted
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    # Placeholders; the per-request catalogue comes from the context processor below.
    env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    env.globals["ui_languages"] = LOCALES
    env.globals["label"] = _label
    env.filters["relative_time"] = relative_time
    env.filters["absolute_time"] = absolute_time
    env.filters["preview"] = preview
    env.filters["media_label"] = media_label
    env.filters["http_url"] = http_url
    env.globals["query_string"] = query_string
    env.globals["mention_parts"] = mention_parts
    env.globals["csrf_field_name"] = CSRF_FORM_FIELD
    env.globals["active_alert"] = _active_alert  # the storm banner (alerts/_banner.html)

    def csrf_context(request: Request) -> dict[str, Any]:
        locale = request_locale(request)
        gettext, ngettext = _newstyle(locale)
        return {
            "csrf_token": csrf_token(request.session),
            "ui": locale,
            "gettext": gettext,
            "ngettext": ngettext,
        }

    return Jinja2Templates(env=env, context_processors=[csrf_context])
