"""UI languages: complete ko/de catalogues, language choice per user, times in the user's zone."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from comity.runtime.services import Services
from comity.web.i18n import LOCALES, UiLocale, extract_catalog, negotiate, po_path, ui_locale
from tests.web.conftest import csrf_from
from tests.web.ui_seed import demo_seeds, seed_cases

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def test_every_ui_string_is_translated_to_korean_and_german() -> None:
    catalog = extract_catalog()
    wanted = {message.id for message in catalog if message.id}
    assert len(wanted) > 150
    # Also covered: the replies partials and settings pages, the draft checks' hint messages
    # (N_ in comity.replies) and the action errors the inbox translates.
    files = {filename for message in catalog for filename, _line in message.locations}
    replies_files = ("_suggestions", "_hints", "_settings_nav", "saved", "brand")
    checks_files = ("speech", "tone", "glossary", "similarity", "facts")
    for expected in (
        *(f"templates/replies/{name}.html" for name in replies_files),
        *(f"../replies/{name}.py" for name in checks_files),
        "action_messages.py",
    ):
        assert expected in files, expected
    for lang in ("ko", "de"):
        with po_path(lang).open("rb") as source:
            catalog = read_po(source, locale=lang)
        translated = {}
        for message in catalog:
            if not message.id:
                continue
            strings = [message.string] if isinstance(message.string, str) else message.string
            if all(strings):
                translated[message.id if isinstance(message.id, str) else tuple(message.id)] = (
                    strings
                )
        keys = {m if isinstance(m, str) else tuple(m) for m in wanted}
        missing = sorted(str(key) for key in keys - set(translated))
        assert missing == [], f"{lang}: untranslated {missing[:10]}"
        for key, strings in translated.items():
            source_names = set(PLACEHOLDER.findall(key if isinstance(key, str) else key[-1]))
            for text in strings:
                names = set(PLACEHOLDER.findall(text))
                assert names <= source_names | {"num"}, (lang, key, text)
                assert source_names - {"num"} <= names, (lang, key, text)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("ko-KR,ko;q=0.9,en-US;q=0.8", "ko"),
        ("de-DE,de;q=0.9", "de"),
        ("fr-FR,de;q=0.5,en;q=0.7", "en"),
        ("ja,zh", "en"),
        ("", "en"),
        (None, "en"),
        ("en;q=0.1,ko;q=0.2", "ko"),
        ("ko;q=0", "en"),
        ("de;q=bogus,ko", "ko"),
    ],
)
def test_negotiate_accept_language(header: str | None, expected: str) -> None:
    assert negotiate(header) == expected


def test_saved_choice_beats_the_browser_and_zones_default_by_language() -> None:
    assert ui_locale("de", None, "ko-KR").lang == "de"
    assert ui_locale(None, None, "ko-KR").time_zone == "Asia/Seoul"
    assert ui_locale(None, "America/New_York", "ko").time_zone == "America/New_York"
    assert ui_locale("xx", "Not/AZone", "de").lang == "de"
    assert ui_locale("xx", "Not/AZone", "de").time_zone == "Europe/Berlin"
    assert set(LOCALES) == {"ko", "en", "de"}


def test_times_are_shown_in_the_users_zone_and_language() -> None:
    now = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    seoul = UiLocale("ko", "Asia/Seoul", now=now)
    berlin = UiLocale("de", "Europe/Berlin", now=now)
    assert seoul.when(now, "short") == "2026. 7. 1. 21:00"  # 12:00 UTC is 21:00 in Seoul
    assert berlin.when(now, "short") == "01.07.2026, 14:00"
    assert "2026년 7월 1일" in seoul.when(now, "full")
    assert seoul.iso(now) == "2026-07-01T21:00:00+09:00"
    assert seoul.ago(now - timedelta(minutes=5)) == "5분 전"
    assert berlin.ago(now - timedelta(seconds=20)) == "gerade eben"
    assert seoul.ago(now - timedelta(days=30)) == "2026-06-01"
    state, words = seoul.sla(now - timedelta(hours=2), now - timedelta(hours=3))
    assert state == "breached" and words == "2시간 초과"
    state, words = berlin.sla(now + timedelta(minutes=10), now - timedelta(hours=1))
    assert state == "red" and words == "noch 10 Min."


@pytest.fixture
def cases(services: Services) -> dict[str, int]:
    return seed_cases(services, demo_seeds())


def test_pages_follow_accept_language(moderator: TestClient, cases: dict[str, int]) -> None:
    korean = moderator.get("/", headers={"Accept-Language": "ko-KR,ko;q=0.9"}).text
    assert '<html lang="ko">' in korean
    assert "답변 필요" in korean and "받은편지함" in korean and "모더레이터" in korean
    german = moderator.get("/", headers={"Accept-Language": "de"}).text
    assert "Antwort nötig" in german and "Posteingang" in german


def test_me_saves_language_and_zone_for_the_user(
    moderator: TestClient, services: Services, cases: dict[str, int]
) -> None:
    token = csrf_from(moderator.get("/me").text)
    response = moderator.post(
        "/me",
        data={"csrf_token": token, "locale": "ko", "time_zone": "Asia/Seoul"},
        headers={"Accept-Language": "de"},
    )
    assert response.status_code == 200
    assert "저장했습니다." in response.text
    user = services.users.get("moderator@example.com")
    assert user is not None
    prefs = services.users.preferences(user.id)
    assert (prefs.locale, prefs.time_zone) == ("ko", "Asia/Seoul")
    # The browser asks for German; the saved choice wins, also on the next sign-in.
    assert "답변 필요" in moderator.get("/", headers={"Accept-Language": "de"}).text


def test_me_refuses_unknown_language_or_zone(moderator: TestClient) -> None:
    token = csrf_from(moderator.get("/me").text)
    for data in ({"locale": "xx"}, {"time_zone": "Mars/Olympus"}):
        response = moderator.post(
            "/me", data={"csrf_token": token, **data}, headers={"Accept-Language": "en"}
        )
        assert response.status_code == 422
        assert "Unknown language or time zone" in response.text


def test_translated_messages_still_escape_their_values(
    moderator: TestClient, cases: dict[str, int]
) -> None:
    page = moderator.get(
        "/inbox/list?q=<script>alert(1)</script>", headers={"Accept-Language": "ko"}
    ).text
    assert "검색: &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" not in page
