"""The inbox in Debian's chromium, driven like a community manager would: keyboard first.

One server and one browser for the whole module (each test opens its own contexts); the tests
use different cases, so their order does not matter.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import uvicorn

from comity.domain import Category, Queue
from comity.runtime.services import Services
from comity.settings import Settings
from comity.store.audit import search_audit
from comity.store.users import Role
from comity.web import create_app
from tests.web.ui_seed import Seed, demo_seeds, seed_cases

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

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
PASSWORD = "correct horse battery"
MINA = "mina@haneul.example"  # moderator
JOON = "joon@haneul.example"  # agent
WAIT_MS = 30_000  # generous: two cores are shared with the whole suite


@dataclass
class Server:
    url: str
    services: Services
    cases: dict[str, int]
    shots: Path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app under uvicorn on a free port, with the demo cases and two users."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    root = tmp_path_factory.mktemp("browser")
    settings = Settings(
        data_dir=root / "data",
        database_url=f"sqlite:///{(root / 'comity.db').as_posix()}",
        secret_key="browser-test-session-key-" + "x" * 32,
    )
    services = Services.from_settings(settings, stages=[])
    spam = [
        Seed(
            f"s{i}",
            f"최저가 원두 도매 {i} → spam.example 에서 확인하세요",
            queue=Queue.MODERATION,
            category=Category.SPAM,
            handle=f"spam_bot_{i}",
            due_minutes=200 + i,
        )
        for i in (1, 2)
    ]
    cases = seed_cases(services, [*demo_seeds(), *spam])
    services.users.add(MINA, PASSWORD, Role.MODERATOR)
    services.users.add(JOON, PASSWORD, Role.AGENT)
    app = create_app(settings, services)
    app.state.sse_poll_seconds = 0.25
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", ws="none", lifespan="on")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    ready = threading.Event()
    for _ in range(200):
        if uv.started:
            break
        ready.wait(0.05)
    assert uv.started, "uvicorn did not start"
    shots = root / "screenshots"
    shots.mkdir()
    yield Server(f"http://127.0.0.1:{port}", services, cases, shots)
    uv.should_exit = True
    thread.join(timeout=15)
    sock.close()
    target = os.environ.get("COMITY_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        for shot in shots.glob("*.png"):
            shutil.copy(shot, Path(target) / shot.name)


@pytest.fixture(scope="module")
def browser(server: Server) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Watch:
    """Console errors (CSP violations land there), page errors and dialogs of a context."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.dialogs: list[str] = []

    def attach(self, page: Page) -> None:
        def on_console(message: Any) -> None:
            # Refusals and conflicts are answers the tests provoke; anything else is a problem.
            expected = any(f"status of {code}" in message.text for code in (403, 409, 422))
            if message.type == "error" and not expected:
                self.problems.append(message.text)

        page.on("console", on_console)
        page.on("pageerror", lambda error: self.problems.append(str(error)))

        def on_dialog(dialog: Any) -> None:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)


def signed_in(
    browser: Browser, server: Server, email: str, watch: Watch
) -> tuple[BrowserContext, Page]:
    context = browser.new_context(
        viewport={"width": 1400, "height": 900}, locale="ko-KR", timezone_id="Asia/Seoul"
    )
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    watch.attach(page)
    page.goto(server.url + "/")
    assert page.url.endswith("/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(server.url + "/")
    page.wait_for_selector('body[data-live="on"]', state="attached")
    return context, page


def open_case(page: Page, case_id: int) -> None:
    page.locator(f'.case-row[data-case-id="{case_id}"] a.case-open').click()
    page.wait_for_selector(f'#case-view[data-case-id="{case_id}"]')


def row_ids(page: Page) -> list[int]:
    return [
        int(v)
        for v in page.locator("#case-list .case-row").evaluate_all(
            "rows => rows.map(r => r.dataset.caseId)"
        )
    ]


def test_work_the_queue_with_the_keyboard(browser: Browser, server: Server) -> None:
    from playwright.sync_api import expect

    watch = Watch()
    context, page = signed_in(browser, server, MINA, watch)
    cases = server.cases
    try:
        assert page.locator("html").get_attribute("lang") == "ko"
        assert page.locator(".sidebar [aria-current=page]").inner_text().startswith("답변 필요")
        assert row_ids(page)[:2] == [cases["c1"], cases["q1"]]
        assert "sla-breached" in (page.locator(".case-row").first.get_attribute("class") or "")
        page.screenshot(path=server.shots / "1-inbox.png", caret="initial")

        # j/k move the selection; o opens the selected case beside the list.
        page.keyboard.press("j")
        page.keyboard.press("j")
        page.keyboard.press("k")
        selected = page.locator(".case-row.is-selected")
        assert selected.get_attribute("data-case-id") == str(cases["q1"])
        page.keyboard.press("o")
        page.wait_for_selector(f'#case-view[data-case-id="{cases["q1"]}"]')
        assert page.url.startswith(server.url + f"/cases/{cases['q1']}")
        assert "김민지" in page.locator(".author-card").inner_text()
        page.screenshot(path=server.shots / "2-case.png", caret="initial")

        # a: assign to me; e: done -- the case leaves the queue, the selection moves on.
        page.keyboard.press("a")
        page.wait_for_selector('#case-view [data-action="unassign"]')
        assert MINA in page.locator(".assigned").inner_text()
        page.keyboard.press("e")
        page.wait_for_selector('#case-view [data-action="reopen"]')
        page.wait_for_selector(f'.case-row[data-case-id="{cases["q1"]}"]', state="detached")
        expect(page.locator(".case-row.is-selected")).to_have_count(1)  # after the settle
        assert cases["q1"] not in row_ids(page)

        # ? shows the shortcuts, Esc closes them; / jumps to the search box.
        page.keyboard.press("?")
        page.wait_for_selector("#shortcuts[open]")
        page.screenshot(path=server.shots / "3-shortcuts.png", caret="initial")
        page.keyboard.press("Escape")
        page.wait_for_selector("#shortcuts:not([open])", state="attached")
        page.keyboard.press("/")
        assert page.evaluate("document.activeElement.id") == "search"
        page.keyboard.type("환불")
        # Typing in the search box never fires shortcuts (j, k, e are letters too).
        page.keyboard.type(" jke")
        page.keyboard.press("Control+a")
        page.keyboard.type("환불")
        page.keyboard.press("Enter")
        expect(page.locator("#case-list .case-row")).to_have_count(1)
        assert row_ids(page) == [cases["c1"]]
        page.keyboard.press("Escape")
        assert page.evaluate("document.activeElement.id") != "search"
    finally:
        context.close()
    assert watch.dialogs == [] and watch.problems == []
    audit = search_audit(server.services.engine, actor=MINA)
    assert {"assign", "done"} <= {entry.action for entry in audit}


def test_reply_hide_a_troll_ban_with_reason_and_see_it_in_the_audit_log(
    browser: Browser, server: Server
) -> None:
    watch = Watch()
    context, page = signed_in(browser, server, MINA, watch)
    cases = server.cases
    try:
        open_case(page, cases["q2"])
        page.keyboard.press("r")
        assert page.evaluate("document.activeElement.id") == "reply-text"
        page.keyboard.type("Hi Sam! The black tumbler is in every store this week.")
        page.keyboard.press("Control+Enter")
        page.wait_for_selector(".sent-panel")
        assert "black tumbler is in every store" in page.locator(".sent-panel").inner_text()

        page.click('.sidebar a[data-place="moderation"]')
        page.wait_for_url("**/?queue=moderation")
        open_case(page, cases["t1"])
        page.keyboard.press("h")
        page.wait_for_selector('#case-view [data-action="unhide"]')
        assert page.locator(".thread-focus .status-hidden").count() == 1
        page.click('[data-action="ban-open"]')
        page.fill("#ban-reason", "반복된 욕설 (네티켓 1조)")
        page.click('[data-action="ban"]')
        page.wait_for_selector('#case-view [data-action="unban-open"]')
        assert "반복된 욕설" in page.locator(".author-card").inner_text()  # the sanction
        assert "숨김" in page.locator(".audit-trail").inner_text()  # the hide, by mina

        # The XSS attempt in the same queue is shown as text and never runs.
        open_case(page, cases["x1"])
        assert "<script>alert('xss')</script>" in page.locator(".thread-focus .text").inner_text()

        page.click('nav.nav a[href="/audit"]')
        page.wait_for_url("**/audit")
        page.select_option("select[name=action]", "ban")
        page.click(".page-head button[type=submit]")
        page.wait_for_url("**/audit?*action=ban*")
        rows = page.locator(".audit-row")
        assert rows.count() == 1
        assert "반복된 욕설 (네티켓 1조)" in rows.first.inner_text()
        assert MINA in rows.first.inner_text()
        page.goto(server.url + "/audit")
        page.screenshot(path=server.shots / "4-audit.png", full_page=True, caret="initial")
    finally:
        context.close()
    assert watch.dialogs == [] and watch.problems == []


def test_two_people_on_one_case_see_each_other_and_the_second_reply_asks(
    browser: Browser, server: Server
) -> None:
    from playwright.sync_api import expect

    watch = Watch()
    mina_context, mina = signed_in(browser, server, MINA, watch)
    joon_context, joon = signed_in(browser, server, JOON, watch)
    case_id = server.cases["q3"]
    try:
        open_case(mina, case_id)
        open_case(joon, case_id)
        joon.wait_for_selector('#presence .viewer[data-email="mina@haneul.example"]')
        mina.wait_for_selector('#presence .viewer[data-email="joon@haneul.example"]')
        joon.click("#reply-text")
        joon.keyboard.type("Hallo Lena, ja!")
        mina.wait_for_selector('#presence .viewer.is-typing[data-email="joon@haneul.example"]')
        assert "답글 작성 중" in mina.locator("#presence").inner_text()
        # The composer's suggestions load after the pane; the screenshot shows them (in Korean).
        mina.wait_for_selector("#reply-suggestions button.suggestion")
        assert "다른 추천 보기" in mina.locator("#reply-suggestions").inner_text()
        mina.screenshot(path=server.shots / "5-presence.png", caret="initial")

        mina.fill("#reply-text", "Hallo Lena! Ja, in Hamburg gibt es sie in allen Filialen.")
        mina.click('[data-action="send"]')
        mina.wait_for_selector(".sent-panel")
        joon.click('[data-action="send"]')
        joon.wait_for_selector(".composer .conflict")
        conflict = joon.locator(".composer .conflict").inner_text()
        assert "mina@haneul.example" in conflict and "in allen Filialen" in conflict
        assert joon.input_value("#reply-text") == "Hallo Lena, ja!"
        joon.click('[data-action="send-anyway"]')
        expect(joon.locator(".sent-panel li")).to_have_count(2)
    finally:
        mina_context.close()
        joon_context.close()
    assert watch.dialogs == [] and watch.problems == []


def test_new_cases_and_assignments_arrive_without_a_reload(
    browser: Browser, server: Server
) -> None:
    from comity.actions import ActionContext, do_assign

    watch = Watch()
    context, page = signed_in(browser, server, MINA, watch)
    try:
        page.evaluate("() => { window.noReload = true; }")
        new = seed_cases(server.services, [Seed("n1", "텀블러 교환 어디서 해요?", handle="dahye")])
        page.wait_for_selector(f'.case-row[data-case-id="{new["n1"]}"]')
        joon = server.services.users.get(JOON)
        assert joon is not None
        do_assign(ActionContext(server.services.engine), server.cases["r1"], JOON, by=joon)
        row = page.locator(f'.case-row[data-case-id="{server.cases["r1"]}"] .assignee')
        row.filter(has_text="joon").wait_for()
        assert page.evaluate("() => window.noReload === true")  # the same page, updated
    finally:
        context.close()
    assert watch.dialogs == [] and watch.problems == []


def test_an_agent_is_refused_a_ban(browser: Browser, server: Server) -> None:
    watch = Watch()
    context, page = signed_in(browser, server, JOON, watch)
    case_id = server.cases["t1"]
    try:
        page.goto(server.url + f"/cases/{case_id}")
        page.wait_for_selector("#case-view")
        assert page.locator('[data-action="ban"], [data-action="ban-open"]').count() == 0
        assert page.locator('[data-action="hide"], [data-action="delete"]').count() == 0
        assert page.locator('[data-action="like"]').count() == 1
        token = page.locator('meta[name="csrf-token"]').get_attribute("content")
        forged = page.request.post(
            server.url + f"/cases/{case_id}/act/ban",
            form={"csrf_token": token or "", "reason": "forged by an agent"},
        )
        assert forged.status == 403
        assert "nav" in page.content()
    finally:
        context.close()
    bans = search_audit(server.services.engine, action="ban", actor=JOON)
    assert bans == []


def test_bulk_hide_asks_for_confirmation(browser: Browser, server: Server) -> None:
    watch = Watch()
    context, page = signed_in(browser, server, MINA, watch)
    try:
        page.goto(server.url + "/?queue=moderation")
        assert not page.locator("#bulk-bar").is_visible()
        for key in ("s1", "s2"):
            page.check(f'#case-list input.bulk-check[value="{server.cases[key]}"]')
        assert page.locator("#bulk-bar").is_visible()
        page.click('#bulk-bar button[value="hide"]')
        page.wait_for_selector("#bulk-dialog[open]")
        assert page.locator("#bulk-dialog-count").inner_text() == "2"
        page.click("#bulk-dialog [data-close-dialog]")  # cancel: nothing happens
        page.wait_for_selector("#bulk-dialog:not([open])", state="attached")
        page.click('#bulk-bar button[value="hide"]')
        page.fill("#bulk-dialog-reason", "spam wave")
        page.click("#bulk-dialog-confirm")
        page.wait_for_url("**bulk_done=*")
        assert page.locator(".bulk-done").count() == 1
    finally:
        context.close()
    hidden = search_audit(server.services.engine, action="hide", actor=MINA)
    assert len([entry for entry in hidden if entry.reason == "spam wave"]) == 2
    assert watch.dialogs == [] and watch.problems == []


def test_settings_page_in_korean_and_switch_to_german(browser: Browser, server: Server) -> None:
    watch = Watch()
    context, page = signed_in(browser, server, JOON, watch)
    try:
        page.goto(server.url + "/me")
        assert page.locator("h1").inner_text() == "설정"
        page.screenshot(path=server.shots / "6-me-ko.png", caret="initial")
        page.select_option("select[name=locale]", "de")
        page.fill("input[name=time_zone]", "Europe/Berlin")
        page.click("form.card button[type=submit]")
        page.wait_for_url("**/me?saved=1")
        assert page.locator("h1").inner_text() == "Einstellungen"
        assert "Europe/Berlin" in page.locator(".hint").inner_text()
        page.goto(server.url + "/")
        assert page.locator(".sidebar [aria-current=page]").inner_text().startswith("Antwort nötig")
    finally:
        context.close()
    assert watch.dialogs == [] and watch.problems == []


def test_api_docs_render_offline_under_the_csp(browser: Browser, server: Server) -> None:
    watch = Watch()
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    watch.attach(page)
    try:
        page.goto(server.url + "/docs")
        page.wait_for_selector(".swagger-ui .info .title")
        assert "Comity" in page.locator(".swagger-ui .info .title").inner_text()
        page.wait_for_selector(".opblock-summary-path")
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        assert "/api/v1/comments" in [path.strip() for path in paths]
    finally:
        page.close()
    assert watch.problems == []
