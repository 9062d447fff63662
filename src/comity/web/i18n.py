"""UI languages (gettext catalogues via Babel) and the user's time zone.

The catalogues are `comity/locale/<lang>/LC_MESSAGES/comity.po`, compiled in memory on
first use: no build step, and no compiled file to drift from its source. Message ids are the
English text. After changing UI strings run `python -m comity.web.i18n`: it merges new ids
into the catalogues; then translate the empty ones (a test fails while any is missing).
"""

from __future__ import annotations

import gettext as gettext_module
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from babel.dates import format_datetime, format_timedelta
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from comity.domain.sla import sla

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "comity"
# Korean first: the demo team is Korean. Names are shown in their own language.
LOCALES: dict[str, str] = {"ko": "한국어", "en": "English", "de": "Deutsch"}
FALLBACK_LOCALE = "en"
# Without a saved time zone, the one most users of that language work in.
DEFAULT_TIME_ZONES: dict[str, str] = {"ko": "Asia/Seoul", "de": "Europe/Berlin", "en": "UTC"}
# 24-hour patterns: CLDR's Korean short forms say "AM"/"PM", which the team does not use.
DATETIME_PATTERNS: dict[str, dict[str, str]] = {
    "ko": {
        "short": "yyyy. M. d. HH:mm",
        "medium": "yyyy. M. d. HH:mm:ss",
        "full": "yyyy년 M월 d일 EEEE HH:mm zzzz",
    },
    "de": {
        "short": "dd.MM.yyyy, HH:mm",
        "medium": "dd.MM.yyyy, HH:mm:ss",
        "full": "EEEE, d. MMMM yyyy, HH:mm zzzz",
    },
    "en": {
        "short": "d MMM yyyy, HH:mm",
        "medium": "d MMM yyyy, HH:mm:ss",
        "full": "EEEE, d MMMM yyyy, HH:mm zzzz",
    },
}
# Offered on /me first; any IANA name is accepted.
COMMON_TIME_ZONES = (
    "Asia/Seoul",
    "Europe/Berlin",
    "Europe/London",
    "America/New_York",
    "America/Los_Angeles",
    "Asia/Tokyo",
    "UTC",
)


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> gettext_module.NullTranslations:
    """The compiled catalogue for a UI language (English is the message ids themselves)."""
    path = po_path(lang)
    if lang not in LOCALES or not path.exists():
        return gettext_module.NullTranslations()
    with path.open("rb") as source:
        catalog = read_po(source, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext_module.GNUTranslations(compiled)


def negotiate(accept_language: str | None) -> str:
    """The best UI language for an Accept-Language header (q-values honoured)."""
    if not accept_language:
        return FALLBACK_LOCALE
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        base = tag.strip().lower().split("-")[0]
        if base in LOCALES and quality > 0:
            choices.append((-quality, position, base))
    return min(choices)[2] if choices else FALLBACK_LOCALE


def valid_time_zone(name: str) -> bool:
    if not name or len(name) > 64:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@cache
def all_time_zones() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))


@dataclass(frozen=True)
class UiLocale:
    """One request's language and time zone, with the formatting helpers templates use."""

    lang: str
    time_zone: str
    now: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def translations(self) -> gettext_module.NullTranslations:
        return translations(self.lang)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    def when(self, value: datetime | None, fmt: str = "medium") -> str:
        """A timestamp in the user's time zone and language."""
        if value is None:
            return "—"
        pattern = DATETIME_PATTERNS.get(self.lang, {}).get(fmt, fmt)
        return format_datetime(_aware(value), pattern, tzinfo=self.tz, locale=self.lang)

    def iso(self, value: datetime) -> str:
        return _aware(value).astimezone(self.tz).isoformat(timespec="seconds")

    def ago(self, value: datetime | None) -> str:
        """'5 minutes ago' in the user's language; older than a week shows the date."""
        if value is None:
            return "—"
        delta = _aware(value) - self.now
        if -delta > timedelta(days=7):
            return format_datetime(_aware(value), "yyyy-MM-dd", tzinfo=self.tz, locale=self.lang)
        if abs(delta) < timedelta(minutes=1):
            return self.gettext("just now")
        return format_timedelta(delta, add_direction=True, locale=self.lang, threshold=1.0)

    def sla(
        self,
        due_at: datetime | None,
        created_at: datetime | None = None,
        resolved_at: datetime | None = None,
    ) -> tuple[str, str]:
        """(state, words) for a due time: ("amber", "25 min left"), ("breached", "2 hr overdue").

        A resolved case's clock has stopped: ("done", "resolved 5 minutes ago").
        """
        if resolved_at is not None:
            return "done", self.gettext("resolved %(time)s") % {"time": self.ago(resolved_at)}
        found = sla(_aware(due_at) if due_at else None, self.now, created_at and _aware(created_at))
        if found.left is None:
            return found.state, self.gettext("no due time")
        span = self.duration(found.left)
        if found.state == "breached":
            return found.state, self.gettext("%(time)s overdue") % {"time": span}
        return found.state, self.gettext("%(time)s left") % {"time": span}

    def duration(self, delta: timedelta) -> str:
        """A short span like '2 hr' / '2시간' / '2 Std.'."""
        return format_timedelta(abs(delta), format="short", locale=self.lang, threshold=1.0)


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything is stored in UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def ui_locale(
    preferred_lang: str | None, preferred_tz: str | None, accept_language: str | None
) -> UiLocale:
    """The user's saved choices first, then the browser's language, then defaults."""
    lang = preferred_lang if preferred_lang in LOCALES else negotiate(accept_language)
    assert lang is not None
    time_zone = preferred_tz if preferred_tz and valid_time_zone(preferred_tz) else None
    return UiLocale(lang=lang, time_zone=time_zone or DEFAULT_TIME_ZONES[lang])


def extract_catalog() -> Catalog:
    """Every UI message id in the templates and the web package (for checks and updates)."""
    from babel.messages.extract import extract_from_dir  # only maintenance needs it

    web = Path(__file__).resolve().parent
    catalog = Catalog(domain=DOMAIN)
    method_map = [
        ("templates/**.html", "jinja2"),
        ("**.py", "python"),
    ]
    options = {
        "templates/**.html": {
            "extensions": "jinja2.ext.i18n",
            "newstyle_gettext": "true",
            "trimmed": "false",
        }
    }
    for filename, lineno, message, _comments, _context in extract_from_dir(
        web, method_map=method_map, options_map=options, keywords={**DEFAULT_KEYWORDS, "N_": None}
    ):
        catalog.add(message, locations=[(filename, lineno)])
    # The draft checks' hint messages (marked N_ in the pure replies package; the composer
    # shows them through this catalogue). Only N_: the package has no gettext calls.
    replies = web.parent / "replies"
    for filename, lineno, message, _comments, _context in extract_from_dir(
        replies, method_map=[("**.py", "python")], keywords={"N_": None}
    ):
        catalog.add(message, locations=[(f"../replies/{filename}", lineno)])
    return catalog


def update_catalogs() -> None:
    """Merge new message ids into every .po file, keeping existing translations."""
    template = extract_catalog()
    for lang in LOCALES:
        path = po_path(lang)
        if path.exists():
            with path.open("rb") as source:
                catalog = read_po(source, locale=lang, domain=DOMAIN)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=lang, domain=DOMAIN)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.project, catalog.version, catalog.fuzzy = "Comity", "0.1", False
        catalog.copyright_holder = catalog.msgid_bugs_address = "Comity"
        with path.open("wb") as target:
            write_po(target, catalog, width=100, omit_header=False, ignore_obsolete=True)


if __name__ == "__main__":
    update_catalogs()
