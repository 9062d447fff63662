from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from comity.web.templating import (
    absolute_time,
    http_url,
    media_label,
    preview,
    query_string,
    relative_time,
)

NOW = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("ago", "expected"),
    [
        (timedelta(seconds=5), "just now"),
        (timedelta(seconds=-30), "just now"),  # a sender clock slightly ahead
        (timedelta(minutes=7), "7 min ago"),
        (timedelta(hours=3, minutes=59), "3 h ago"),
        (timedelta(days=2), "2 d ago"),
        (timedelta(days=30), "01 Jun 2026"),
    ],
)
def test_relative_time(ago: timedelta, expected: str) -> None:
    assert relative_time(NOW - ago, NOW) == expected


def test_absolute_time_is_utc_whatever_the_offset() -> None:
    from zoneinfo import ZoneInfo

    seoul = datetime(2026, 7, 1, 18, 30, tzinfo=ZoneInfo("Asia/Seoul"))
    assert absolute_time(seoul) == "2026-07-01 09:30:00 UTC"


def test_preview_keeps_short_text_and_cuts_long_text_at_a_space() -> None:
    assert preview("짧은 댓글") == "짧은 댓글"
    cut = preview("word " * 100, limit=50)
    assert cut.endswith("word…") and len(cut) <= 51


def test_media_label_and_links_only_allow_http() -> None:
    assert media_label("https://x.example/a.JPG?size=1") == "📷 photo"
    assert media_label("https://x.example/clip.mp4") == "🎞 video"
    assert http_url("javascript:alert(1)") == "#"
    assert http_url("https://x.example/p") == "https://x.example/p"


def test_query_string_drops_empty_filters() -> None:
    assert query_string(channel="youtube", lang="", page=None) == "channel=youtube"
    assert query_string(channel="", lang="ko", page=2) == "lang=ko&page=2"
