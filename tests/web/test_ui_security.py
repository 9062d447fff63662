"""UI security: every form carries the CSRF token, every POST refuses without it, and user
text with <script>/onerror= stays inert on every page that shows it."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from comity.runtime.services import Services
from comity.web.routes import audit_ui, cases_ui, inbox, live, ui
from tests.web.conftest import csrf_from
from tests.web.ui_seed import XSS, Seed, demo_seeds, seed_cases

UI_MODULES = (ui, inbox, cases_ui, live, audit_ui)
RAW = ("<script>alert", "<img src=x", "onerror=alert(1)>", "<b>bold</b>")


@pytest.fixture
def cases(services: Services) -> dict[str, int]:
    seeds = [
        *demo_seeds(),
        Seed("x2", XSS + " reply", handle="mallory", parent="q1", display_name=XSS),
    ]
    return seed_cases(services, seeds)


def ui_post_routes() -> list[str]:
    return [
        route.path
        for module in UI_MODULES
        for route in module.router.routes
        if isinstance(route, APIRoute) and "POST" in route.methods
    ]


def test_every_ui_post_refuses_without_csrf(moderator: TestClient, cases: dict[str, int]) -> None:
    paths = ui_post_routes()
    assert len(paths) >= 7
    case_id = str(cases["t1"])
    for path in paths:
        kinds = ["hide", "ban", "reply", "assign", "note"] if "{kind}" in path else [""]
        for kind in kinds:
            url = path.replace("{case_id}", case_id).replace("{kind}", kind)
            data = {"reason": "r", "text": "t", "audit_id": "1", "kind": "hide", "ids": case_id}
            response = moderator.post(url, data=data, follow_redirects=False)
            assert response.status_code == 403, url
            wrong = moderator.post(
                url, data={**data, "csrf_token": "not-the-token"}, follow_redirects=False
            )
            assert wrong.status_code == 403, url
    # The header form (htmx, fetch) is checked the same way.
    heartbeat = moderator.post(f"/cases/{case_id}/presence", headers={"X-CSRF-Token": "nope"})
    assert heartbeat.status_code == 403


def test_every_post_form_on_every_page_carries_the_token(
    moderator: TestClient, cases: dict[str, int]
) -> None:
    token = csrf_from(moderator.get("/").text)
    pages = [
        "/",
        f"/cases/{cases['t1']}",
        f"/cases/{cases['q1']}",
        "/audit",
        "/me",
    ]
    seen = 0
    for url in pages:
        html = moderator.get(url).text
        for form in re.findall(r"<form[^>]*>.*?</form>", html, flags=re.S):
            opening = form.split(">", 1)[0]
            if 'method="post"' not in opening:
                continue
            seen += 1
            assert f'name="csrf_token" value="{token}"' in form, (url, opening)
        assert f'"X-CSRF-Token": "{token}"' in html  # hx-headers for htmx requests
    assert seen > 15


def assert_inert(html: str, where: str) -> None:
    for raw in RAW:
        assert raw not in html, f"{raw!r} unescaped on {where}"


def test_user_text_is_inert_everywhere(
    moderator: TestClient, services: Services, cases: dict[str, int]
) -> None:
    token = csrf_from(moderator.get("/").text)
    hx = {"HX-Request": "true"}
    x1 = cases["x1"]
    for kind, data in (
        ("note", {"text": f"@moderator {XSS}"}),
        ("label", {"label": "<script>alert(3)</script>"}),
        ("reply", {"text": XSS}),
        ("ban", {"reason": XSS}),
    ):
        response = moderator.post(
            f"/cases/{x1}/act/{kind}", data={"csrf_token": token, **data}, headers=hx
        )
        assert response.status_code == 200, (kind, response.text[:500])
    pages = {
        "list": "/?queue=moderation",
        "search": "/?view=unassigned&q=alert",
        "case view": f"/cases/{x1}",
        "thread": f"/cases/{cases['x2']}",
        "parent thread": f"/cases/{cases['q1']}",
        "audit": "/audit",
        "audit filtered": "/audit?target=" + "%3Cscript%3E",
    }
    for where, url in pages.items():
        response = moderator.get(url)
        assert response.status_code == 200, where
        assert_inert(response.text, where)
    case_page = moderator.get(f"/cases/{x1}").text
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in case_page
    assert case_page.count("&lt;img src=x onerror=alert(1)&gt;") >= 4  # text, author, note, reply
    audit = moderator.get("/audit").text
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in audit  # the label, escaped


def test_presence_and_sse_never_echo_markup(moderator: TestClient, cases: dict[str, int]) -> None:
    fragment = moderator.get(f"/cases/{cases['x1']}/presence").text
    assert_inert(fragment, "presence")
