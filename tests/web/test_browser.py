"""The inbox in Debian's chromium: sign in, read, filter with htmx, sign out."""

from __future__ import annotations

import os
import shutil
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import uvicorn

from comity.domain import Category, Sentiment, Triage
from comity.ingest.records import parse_record
from comity.runtime.services import Services
from comity.settings import Settings
from comity.store.users import Role
from comity.web import create_app
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EMAIL = "moderator@example.com"


def _seed(services: Services) -> None:
    now = datetime.now(UTC)
    rows: list[tuple[str, str, str, str, dict[str, object]]] = [
        ("instagram", "minji", "유자에이드 다시 출시해 주세요! 여름마다 기다려요 🍋", "ko", {}),
        (
            "instagram",
            "seoyeon",
            "배송이 너무 늦어요. 주문한 지 일주일이 넘었는데 아직도 준비 중이래요.",
            "ko",
            {"media": ["https://cdn.example.com/photo.jpg"]},
        ),
        ("youtube", "sam_k", "Great video, the new flavour looks amazing!", "en", {}),
        ("youtube", "lena", "Gibt es das Getränk auch in Deutschland?", "de", {"parent": "c2"}),
        ("forum", "mallory", "<script>alert('xss')</script> nice shop", "en", {}),
        ("youtube", "jisoo", "영상 잘 봤어요. " * 40, "ko", {}),
    ]
    records = [
        {
            "channel": channel,
            "external_id": f"c{i}",
            "author": {"handle": handle, "name": ""},
            "text": text,
            "lang": lang,
            "created_at": (now - timedelta(minutes=7 * (len(rows) - i))).isoformat(),
            **extra,
        }
        for i, (channel, handle, text, lang, extra) in enumerate(rows)
    ]
    services.comments.upsert_many(
        [parse_record(record) for record in records], records, source="test"
    )
    triaged = [
        (key, Triage(lang="ko", primary=category, sentiment=sentiment))
        for key, category, sentiment in (
            ("c0", Category.PRAISE, Sentiment.POSITIVE),
            ("c1", Category.COMPLAINT, Sentiment.NEGATIVE),
        )
    ]
    with services.engine.begin() as conn:
        for key, triage in triaged:
            stored = services.comments.get_by_key("instagram", key)
            assert stored is not None and stored.comment.id is not None
            services.comments.save_triages(conn, [(stored.comment.id, triage)])
    services.users.add(EMAIL, PASSWORD, Role.MODERATOR)


@pytest.fixture
def live_server(settings: Settings, services: Services) -> Iterator[str]:
    """The app under uvicorn on a free localhost port, in a thread."""
    _seed(services)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_app(settings, services), log_level="warning", ws="none", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    started = threading.Event()
    for _ in range(200):
        if server.started:
            started.set()
            break
        started.wait(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=15)
    sock.close()


@pytest.fixture
def shots(tmp_path: Path) -> Iterator[Path]:
    """Screenshots go to a temp dir, and to COMITY_SCREENSHOT_DIR when set."""
    directory = tmp_path / "screenshots"
    directory.mkdir()
    yield directory
    target = os.environ.get("COMITY_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        for shot in directory.glob("*.png"):
            shutil.copy(shot, Path(target) / shot.name)


def test_sign_in_read_filter_and_sign_out(live_server: str, shots: Path) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import ConsoleMessage, Dialog, sync_playwright

    problems: list[str] = []
    dialogs: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900}, locale="ko-KR")

            def on_console(message: ConsoleMessage) -> None:
                if message.type == "error":  # CSP violations are reported here
                    problems.append(message.text)

            def on_dialog(dialog: Dialog) -> None:
                dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("console", on_console)
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.on("dialog", on_dialog)

            page.goto(live_server + "/")
            assert page.url.endswith("/login")
            page.screenshot(path=shots / "1-login.png")
            page.fill("input[name=email]", EMAIL)
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(live_server + "/")

            rows = page.locator("li.comment")
            assert rows.count() == 6
            assert page.locator(".count strong").first.inner_text() == "6"
            assert "유자에이드" in page.content()
            assert page.locator(".role").inner_text().lower() == "moderator"
            script_row = page.locator("li.comment", has_text="nice shop")
            assert "<script>alert('xss')</script>" in script_row.locator(".text").inner_text()
            page.screenshot(path=shots / "2-inbox.png", full_page=True)

            # htmx: changing the select swaps only the list and updates the address bar.
            marker = page.evaluate("() => (window.__noReload = true)")
            assert marker is True
            page.select_option("select[name=channel]", "youtube")
            page.wait_for_url(live_server + "/?channel=youtube")
            page.wait_for_function("document.querySelectorAll('li.comment').length === 3")
            assert page.evaluate("() => window.__noReload === true")  # no full page load
            channels = page.locator("li.comment .channel").all_inner_texts()
            assert channels == ["youtube"] * 3
            assert page.locator(".count").inner_text().startswith("3 comments on youtube")
            page.screenshot(path=shots / "3-filtered.png", full_page=True)

            page.locator("li.comment details summary").first.click()
            assert page.locator("li.comment details[open]").count() == 1
            page.screenshot(path=shots / "4-full-text.png")
            page.click("text=Show less")
            assert page.locator("li.comment details[open]").count() == 0
            page.set_viewport_size({"width": 390, "height": 844})
            page.screenshot(path=shots / "6-phone.png")

            page.click("text=Log out")
            page.wait_for_url(live_server + "/login")
            page.goto(live_server + "/")
            assert page.url.endswith("/login")
        finally:
            browser.close()
    assert dialogs == []  # the <script> in a comment never ran
    assert problems == []  # no CSP violations or script errors


def test_api_docs_render_offline_under_the_csp(live_server: str, shots: Path) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import ConsoleMessage, sync_playwright

    problems: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(message.text)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("console", on_console)
            page.goto(live_server + "/docs")
            page.wait_for_selector(".swagger-ui .info .title")
            assert "Comity" in page.locator(".swagger-ui .info .title").inner_text()
            page.wait_for_selector(".opblock-summary-path")
            paths = page.locator(".opblock-summary-path").all_inner_texts()
            assert "/api/v1/comments" in [path.strip() for path in paths]
            page.screenshot(path=shots / "5-api-docs.png")
        finally:
            browser.close()
    assert problems == []
