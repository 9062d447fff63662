"""The reply composer in Debian's chromium: suggestions, the speech-level and copy-paste hints."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import uvicorn
from sqlalchemy import insert, select

from comity.domain import Category, Sentiment
from comity.runtime.services import Services
from comity.settings import Settings
from comity.store import tables as t
from comity.store.users import Role
from comity.web import create_app
from tests.web.test_browser import CHROMIUM, CHROMIUM_ARGS, PASSWORD, Watch
from tests.web.ui_seed import Seed, seed_cases

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

AGENT = "joon@haneul.example"
MODERATOR = "mina@haneul.example"
WAIT_MS = 10_000
# What the team sent another customer half an hour ago (written for this test).
EARLIER = (
    "하나님, 배송이 늦어져서 정말 죄송해요. DM으로 주문번호를 알려 주시면 바로 해결해 드릴게요."
)


@dataclass
class Server:
    url: str
    services: Services
    cases: dict[str, int]
    shots: Path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    root = tmp_path_factory.mktemp("replies-browser")
    settings = Settings(
        data_dir=root / "data",
        database_url=f"sqlite:///{(root / 'comity.db').as_posix()}",
        secret_key="replies-browser-session-key-" + "x" * 32,
    )
    services = Services.from_settings(settings, stages=[])
    cases = seed_cases(
        services,
        [
            Seed(
                "c1",
                "배송 2주째 안 와요. 환불해 주세요",
                category=Category.COMPLAINT,
                sentiment=Sentiment.NEGATIVE,
                handle="seoyeon",
                display_name="서연",
            ),
            Seed(
                "o1",
                "택배가 안 와요",
                category=Category.COMPLAINT,
                handle="hana",
                display_name="하나",
                due_minutes=500,
            ),
        ],
    )
    with services.engine.begin() as conn:
        comment_id = conn.execute(
            select(t.cases.c.comment_id).where(t.cases.c.id == cases["o1"])
        ).scalar_one()
        conn.execute(
            insert(t.sent_replies).values(
                case_id=cases["o1"],
                comment_id=comment_id,
                channel="instagram",
                to_handle="hana",
                text=EARLIER,
                by="mina@haneul.example",
                at=datetime.now(UTC) - timedelta(minutes=30),
                status="sent",
            )
        )
    services.users.add(AGENT, PASSWORD, Role.AGENT)
    services.users.add(MODERATOR, PASSWORD, Role.MODERATOR)
    shots = root / "screenshots"
    shots.mkdir()
    app = create_app(settings, services)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    uv = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="none", lifespan="on"))
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    started = threading.Event()
    for _ in range(200):
        if uv.started:
            break
        started.wait(0.05)
    assert uv.started, "uvicorn did not start"
    yield Server(f"http://127.0.0.1:{port}", services, cases, shots)
    uv.should_exit = True
    thread.join(timeout=15)
    sock.close()


@pytest.fixture(scope="module")
def browser(server: Server) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def test_pick_a_suggestion_then_see_speech_level_and_copy_paste_hints(
    browser: Browser, server: Server
) -> None:
    from playwright.sync_api import expect

    watch = Watch()
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="ko-KR")
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    watch.attach(page)
    try:
        page.goto(server.url + "/login")
        page.fill("input[name=email]", AGENT)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(server.url + "/")

        # Open the complaint: 2-3 suggestions in 해요체 with the author's name.
        page.goto(server.url + f"/cases/{server.cases['c1']}")
        suggestions = page.locator("#reply-suggestions button.suggestion")
        expect(suggestions.first).to_be_visible(timeout=WAIT_MS)
        assert 2 <= suggestions.count() <= 3
        first = suggestions.first.inner_text()
        assert first.startswith("서연님")
        expect(page.locator("#reply-suggestions")).to_contain_text("다른 추천 보기")
        page.locator("#reply-text").scroll_into_view_if_needed()
        page.screenshot(path=server.shots / "composer-ko.png", caret="initial")

        # Pick one: it lands in the composer and fits the brand voice.
        with page.expect_response("**/ui/replies/use"):
            suggestions.first.click()
        expect(page.locator("#reply-text")).to_have_value(first, timeout=WAIT_MS)
        expect(page.locator("#reply-hints .reply-hints-ok")).to_be_visible(timeout=WAIT_MS)

        # Edit it into 반말: the speech-level hint appears.
        page.locator("#reply-text").fill("서연님, 미안. 주문번호 알려줘. 바로 확인할게.")
        hint = page.locator('#reply-hints [data-kind="speech_level"]')
        expect(hint).to_be_visible(timeout=WAIT_MS)
        assert "반말" in hint.inner_text() and "말투" in hint.inner_text()  # in Korean
        page.screenshot(path=server.shots / "composer-hint-ko.png", caret="initial")

        # Paste last hour's reply to another customer: the copy-paste hint names it.
        page.locator("#reply-text").fill(EARLIER.replace("하나님", "서연님"))
        copy = page.locator('#reply-hints [data-kind="copy_paste"]')
        expect(copy).to_be_visible(timeout=WAIT_MS)
        assert "답글 1개" in copy.inner_text()
        page.locator("#reply-hints .hint-closest summary").click()
        expect(page.locator("#reply-hints .hint-closest blockquote")).to_have_text(
            EARLIER, timeout=WAIT_MS
        )
    finally:
        context.close()
    assert watch.problems == [] and watch.dialogs == []


def test_saved_replies_page_in_korean_for_a_moderator(browser: Browser, server: Server) -> None:
    from playwright.sync_api import expect

    watch = Watch()
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="ko-KR")
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    watch.attach(page)
    try:
        page.goto(server.url + "/login")
        page.fill("input[name=email]", MODERATOR)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(server.url + "/")
        page.locator('.nav a[href="/me"]').click()
        page.locator('.settings-nav a[href="/settings/replies"]').click()
        page.wait_for_url(server.url + "/settings/replies")
        expect(page.locator("h1")).to_have_text("저장된 답변")
        page.select_option("select[name=category] >> nth=0", "complaint")
        page.select_option("select[name=lang] >> nth=0", "ko")
        page.locator(".saved-filter button[type=submit]").click()
        page.wait_for_url("**/settings/replies?category=complaint&lang=ko")
        page.screenshot(path=server.shots / "saved-replies-ko.png", caret="initial")
        # Add one: the library is seeded with the shipped replies and the new one is listed.
        page.fill("#saved-title", "배송 지연 사과 (팀)")
        page.select_option("#saved-reply-form select[name=category]", "complaint")
        page.fill(
            "#saved-text",
            "{author}님, 배송이 늦어져 죄송해요. 주문번호 {order_id} 바로 확인할게요.",
        )
        page.locator("#saved-reply-form button[type=submit]").click()
        page.wait_for_url("**/settings/replies?category=complaint&lang=ko&done=saved")
        expect(page.locator(".notice[role=status]")).to_have_text("저장된 답변을 저장했습니다.")
        row = page.locator('tr[data-key="배송 지연 사과 (팀)"]')
        expect(row).to_be_visible()
        row.locator("a.button").click()
        expect(page.locator("#saved-reply-form h2")).to_have_text("저장된 답변 수정")
        page.locator("#saved-reply-form").scroll_into_view_if_needed()
        page.screenshot(path=server.shots / "saved-replies-edit-ko.png", caret="initial")
    finally:
        context.close()
    assert watch.problems == [] and watch.dialogs == []
