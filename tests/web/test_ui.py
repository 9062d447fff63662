"""The inbox pages: sign-in, queues, filters, SLA colours, the case view, per role."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from comity.runtime.services import Services
from comity.store.users import Role
from tests.web.conftest import csrf_from, sign_in
from tests.web.ui_seed import demo_seeds, seed_cases

EN = {"Accept-Language": "en"}


@pytest.fixture
def cases(services: Services) -> dict[str, int]:
    return seed_cases(services, demo_seeds())


def row_keys(page: str) -> list[int]:
    """Case ids of the list rows, in order."""
    return [int(found) for found in re.findall(r'class="case-row[^"]*" data-case-id="(\d+)"', page)]


def test_without_session_the_inbox_redirects_to_login(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login"
    for path in ("/cases/1", "/audit", "/me", "/events"):
        assert client.get(path, follow_redirects=False).status_code == 303


def test_htmx_request_without_session_navigates_to_login(client: TestClient) -> None:
    response = client.get("/inbox/list", headers={"HX-Request": "true"})
    assert response.headers["HX-Redirect"] == "/login"


def test_login_lands_on_needs_reply_with_role_and_logout(
    client: TestClient, make_user: Callable[[Role], str], cases: dict[str, int]
) -> None:
    client.headers.update(EN)
    page = sign_in(client, make_user(Role.ANALYST))
    assert "<title>Needs reply · Comity</title>" in page
    assert 'data-place="needs_reply" aria-current="page"' in page
    assert "analyst@example.com" in page
    assert 'class="role role-analyst">analyst<' in page
    assert 'action="/logout"' in page


def test_wrong_password_is_refused_without_saying_which_part(
    client: TestClient, make_user: Callable[[Role], str]
) -> None:
    email = make_user(Role.AGENT)
    token = csrf_from(client.get("/login", headers=EN).text)
    response = client.post(
        "/login",
        data={"email": email, "password": "not the password", "csrf_token": token},
        headers=EN,
    )
    assert response.status_code == 401
    assert "Wrong e-mail or password." in response.text
    assert client.get("/", follow_redirects=False).status_code == 303


def test_logout_ends_the_session(moderator: TestClient) -> None:
    token = csrf_from(moderator.get("/").text)
    response = moderator.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    assert moderator.get("/", follow_redirects=False).headers["location"] == "/login"


def test_disabled_user_loses_the_session_at_once(moderator: TestClient, services: Services) -> None:
    services.users.disable("moderator@example.com")
    assert moderator.get("/", follow_redirects=False).status_code == 303


def test_needs_reply_is_sorted_by_due_time_and_leaves_other_queues_out(
    moderator: TestClient, cases: dict[str, int]
) -> None:
    page = moderator.get("/").text
    # c1 is overdue, q1 due in 20 min, q2 in 2 h, q3 in 5 h, r1 in ~7 h.
    assert row_keys(page) == [cases[k] for k in ("c1", "q1", "q2", "q3", "r1")]
    assert cases["t1"] not in row_keys(page)


def test_sidebar_counts_queues_and_views(moderator: TestClient, cases: dict[str, int]) -> None:
    page = moderator.get("/", headers=EN).text

    def count(place: str) -> int:
        match = re.search(
            rf'data-place="{place}"[^>]*>\s*<span>[^<]*</span>\s*<span class="n">(\d+)', page
        )
        assert match is not None, place
        return int(match.group(1))

    assert count("needs_reply") == 5
    assert count("moderation") == 2
    assert count("legal") == 0
    assert count("overdue") == 1
    assert count("unassigned") == 7
    assert count("mine") == 0


def test_views_and_queues_switch_the_list(moderator: TestClient, cases: dict[str, int]) -> None:
    assert row_keys(moderator.get("/?queue=moderation").text) == [cases["t1"], cases["x1"]]
    assert row_keys(moderator.get("/?view=overdue").text) == [cases["c1"]]
    assert row_keys(moderator.get("/?view=mine").text) == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("channel=x", ["q2"]),
        ("lang=de", ["q3"]),
        ("category=complaint", ["c1"]),
        ("sentiment=negative", ["c1"]),
        ("q=환불", ["c1"]),  # inside the longer eojeol 환불해주세요
        ("q=tumbler", ["q2"]),
    ],
)
def test_filters_and_search(
    moderator: TestClient, cases: dict[str, int], params: str, expected: list[str]
) -> None:
    assert row_keys(moderator.get("/inbox/list?" + params).text) == [cases[k] for k in expected]


def test_filtered_list_fragment_pushes_the_full_page_url(moderator: TestClient) -> None:
    response = moderator.get("/inbox/list?channel=x&q=cup", headers={"HX-Request": "true"})
    assert response.headers["HX-Push-Url"] == "/?channel=x&q=cup"
    assert "<html" not in response.text


def test_unknown_queue_is_refused(moderator: TestClient) -> None:
    assert moderator.get("/?queue=nope").status_code == 422


def test_rows_show_time_left_coloured_by_sla(moderator: TestClient, cases: dict[str, int]) -> None:
    page = moderator.get("/", headers=EN).text

    def row(key: str) -> str:
        match = re.search(rf'<li class="case-row ([^"]*)" data-case-id="{cases[key]}"', page)
        assert match is not None
        return match.group(1)

    assert "sla-breached" in row("c1")
    assert "sla-amber" in row("q1") or "sla-red" in row("q1")
    assert "sla-ok" in row("q3")
    assert "overdue" in page and "left" in page


def test_research_bundle_is_labelled_in_the_header(
    app: FastAPI, moderator: TestClient, services: Services
) -> None:
    label = "Research model bundle (non-commercial data)"
    assert label not in moderator.get("/", headers=EN).text
    services.settings.triage_bundle = "research"
    assert label in moderator.get("/", headers=EN).text


def test_case_view_full_page_and_partial(moderator: TestClient, cases: dict[str, int]) -> None:
    case_id = cases["r1"]
    full = moderator.get(f"/cases/{case_id}", headers=EN).text
    assert "<html" in full and 'id="case-list"' in full and 'id="case-view"' in full
    partial = moderator.get(f"/cases/{case_id}", headers={"HX-Request": "true", **EN}).text
    assert "<html" not in partial and 'id="case-view"' in partial
    assert "유자에이드 언제 다시 나와요?" in partial  # the parent of the thread
    assert "저도 궁금해요!" in partial
    assert "thread-parent" in partial and "thread-focus" in partial
    assert "plan for r1" in partial
    for marker in (
        'id="reply-form"',
        'id="reply-text"',
        'id="reply-hints"',
        'id="reply-suggestions"',
    ):
        assert marker in partial
    assert partial.index('id="reply-text"') < partial.index('id="reply-hints"')


def test_case_view_shows_triage_signals_and_author_card(
    moderator: TestClient, cases: dict[str, int]
) -> None:
    page = moderator.get(f"/cases/{cases['q1']}", headers={"HX-Request": "true", **EN}).text
    assert '<meter min="0" max="1"' in page and "0.91" in page
    assert "question: asks when" in page
    assert "김민지" in page and "@minji" in page
    assert "First seen" in page and "Strikes" in page
    assert "Audit trail" in page


def test_case_view_404(moderator: TestClient) -> None:
    assert moderator.get("/cases/999999").status_code == 404


def buttons(page: str) -> set[str]:
    return set(re.findall(r'data-action="([a-z-]+)"', page))


def test_buttons_follow_the_role(
    client: TestClient, make_user: Callable[[Role], str], cases: dict[str, int]
) -> None:
    url = f"/cases/{cases['t1']}"
    sign_in(client, make_user(Role.AGENT))
    agent = buttons(client.get(url).text)
    assert {"like", "assign-me", "done", "send", "note", "showcase"} <= agent
    assert not {"hide", "ban", "ban-open", "delete", "mute"} & agent
    client.cookies.clear()
    sign_in(client, make_user(Role.MODERATOR))
    moderator = buttons(client.get(url).text)
    assert {"like", "hide", "ban", "delete", "mute", "assign-me", "done", "send"} <= moderator
    client.cookies.clear()
    sign_in(client, make_user(Role.ANALYST))
    analyst_page = client.get(url).text
    assert buttons(analyst_page) == set()
    assert 'id="reply-form"' not in analyst_page


def test_audit_link_only_for_admins_and_moderators(
    client: TestClient, make_user: Callable[[Role], str]
) -> None:
    sign_in(client, make_user(Role.AGENT))
    assert 'href="/audit"' not in client.get("/").text
    assert client.get("/audit").status_code == 403
