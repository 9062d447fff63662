from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from comity.domain import Category, Sentiment, Triage
from comity.ingest.records import parse_record
from comity.runtime.services import Services
from comity.store.users import Role
from tests.factories import record
from tests.web.conftest import csrf_from, sign_in


def seed(services: Services, *records: dict[str, object]) -> None:
    services.comments.upsert_many(
        [parse_record(r) for r in records], [dict(r) for r in records], source="test"
    )


def test_without_session_the_inbox_redirects_to_login(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login"


def test_htmx_request_without_session_navigates_to_login(client: TestClient) -> None:
    response = client.get("/inbox/list", headers={"HX-Request": "true"})
    assert response.headers["HX-Redirect"] == "/login"


def test_login_shows_the_inbox_with_role_and_logout(
    client: TestClient, make_user: Callable[[Role], str]
) -> None:
    page = sign_in(client, make_user(Role.ANALYST))
    assert "<h1>Inbox</h1>" in page
    assert "analyst@example.com" in page
    assert 'class="role role-analyst">analyst<' in page
    assert 'action="/logout"' in page


def test_wrong_password_is_refused_without_saying_which_part(
    client: TestClient, make_user: Callable[[Role], str]
) -> None:
    email = make_user(Role.AGENT)
    token = csrf_from(client.get("/login").text)
    response = client.post(
        "/login", data={"email": email, "password": "not the password", "csrf_token": token}
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


def test_inbox_lists_newest_first_with_count(moderator: TestClient, services: Services) -> None:
    seed(services, record(1, text="older one"), record(2, text="newest one"))
    page = moderator.get("/").text
    assert "<strong>2</strong> comments" in page
    assert page.index("newest one") < page.index("older one")


def test_comment_text_is_escaped(moderator: TestClient, services: Services) -> None:
    seed(services, record(1, text="<script>alert(1)</script>", author="<b>bold</b>"))
    page = moderator.get("/").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>bold</b>" not in page


def test_row_shows_channel_author_time_language_reply_media(
    moderator: TestClient, services: Services
) -> None:
    seed(
        services,
        record(
            1,
            channel="youtube",
            external_id="yt_9",
            author={"handle": "minji", "name": "김민지"},
            lang="ko",
            parent="yt_1",
            media=["https://cdn.example.com/a.jpg", "https://cdn.example.com/b.mp4"],
        ),
    )
    page = moderator.get("/").text
    assert '<span class="channel">youtube</span>' in page
    assert "김민지" in page and "@minji" in page
    assert 'title="2026-07-01 09:01:00 UTC"' in page  # absolute time for the relative one
    assert '<span class="lang" title="language">ko</span>' in page
    assert "↳ reply" in page and "yt_1" in page
    assert "📷 photo" in page and "🎞 video" in page
    assert "<img" not in page  # external images are never hot-loaded
    assert 'rel="noopener noreferrer nofollow"' in page


def test_long_text_is_truncated_with_the_full_text_in_details(
    moderator: TestClient, services: Services
) -> None:
    long_text = "정말 " * 200 + "끝"
    seed(services, record(1, text=long_text))
    page = moderator.get("/").text
    assert "<details" in page and "Show full text" in page
    assert long_text in page  # the full text, inside <details>
    assert "…" in page


def test_triage_category_and_sentiment_are_shown(moderator: TestClient, services: Services) -> None:
    seed(services, record(1), record(2))
    stored = services.comments.get_by_key("instagram", "ig_1")
    assert stored is not None and stored.comment.id is not None
    triage = Triage(lang="ko", primary=Category.QUESTION, sentiment=Sentiment.NEGATIVE)
    with services.engine.begin() as conn:
        services.comments.save_triages(conn, [(stored.comment.id, triage)])
    page = moderator.get("/").text
    assert 'class="category cat-question">question<' in page
    assert 'class="sentiment sent-negative">negative<' in page
    assert page.count('class="category') == 1  # the untriaged comment shows no tags


def test_filters_work_as_plain_query_parameters(moderator: TestClient, services: Services) -> None:
    seed(
        services,
        record(1, text="insta korean", lang="ko"),
        record(2, text="yt english", channel="youtube", lang="en"),
        record(3, text="yt german", channel="youtube", lang="de"),
    )
    page = moderator.get("/", params={"channel": "youtube"}).text
    assert "yt english" in page and "yt german" in page and "insta korean" not in page
    assert '<option value="youtube" selected>' in page
    assert "<strong>2</strong> comments" in page
    page = moderator.get("/", params={"channel": "youtube", "lang": "de"}).text
    assert "yt german" in page and "yt english" not in page
    assert '<option value="de" selected>' in page


def test_list_partial_is_a_fragment_with_the_page_url(
    moderator: TestClient, services: Services
) -> None:
    seed(services, record(1, text="insta"), record(2, text="yt", channel="youtube"))
    response = moderator.get(
        "/inbox/list", params={"channel": "youtube"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="inbox-list"')
    assert "<html" not in response.text
    assert ">yt<" in response.text and ">insta<" not in response.text
    assert response.headers["HX-Push-Url"] == "/?channel=youtube"


def test_filter_form_uses_htmx_and_works_without_it(moderator: TestClient) -> None:
    page = moderator.get("/").text
    assert 'hx-get="/inbox/list"' in page and 'hx-trigger="change"' in page
    assert 'method="get" action="/"' in page
    assert "<noscript><button" in page


def test_paging_fifty_per_page_with_older_link(moderator: TestClient, services: Services) -> None:
    seed(services, *[record(i, text=f"comment number {i:03d}") for i in range(120)])
    first = moderator.get("/").text
    assert first.count('<li class="comment"') == 50
    assert "comment number 119" in first and "comment number 069" not in first
    assert 'href="/?page=2"' in first and "Older" in first
    third = moderator.get("/", params={"page": 3}).text
    assert third.count('<li class="comment"') == 20
    assert "comment number 000" in third
    assert "Older" not in third and 'href="/?page=2"' in third
