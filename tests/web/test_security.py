from __future__ import annotations

from collections.abc import Callable

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from comity.runtime.services import Services
from comity.settings import Settings
from comity.store.users import Role
from comity.web import create_app
from comity.web.app import ROUTE_MODULES
from comity.web.security import LoginRateLimiter
from tests.web.conftest import PASSWORD, csrf_from, sign_in


def test_security_headers_on_pages_api_errors_and_static(client: TestClient) -> None:
    for path in ("/login", "/api/v1/stats", "/static/comity.css", "/healthz"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self';" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"


def test_pages_and_api_answers_are_not_cached_but_static_files_may_be(
    moderator: TestClient, token_for: Callable[[Role], dict[str, str]]
) -> None:
    assert moderator.get("/").headers["cache-control"] == "no-store"
    api = moderator.get("/api/v1/stats", headers=token_for(Role.ANALYST))
    assert api.headers["cache-control"] == "no-store"
    assert "cache-control" not in moderator.get("/static/comity.css").headers


def test_pages_have_no_inline_script(moderator: TestClient) -> None:
    for page in (moderator.get("/").text, moderator.get("/login").text):
        assert "<script>" not in page
        assert page.count("<script") == page.count("<script src=")


def test_session_cookie_is_signed_httponly_and_lax(
    client: TestClient, make_user: Callable[[Role], str]
) -> None:
    token = csrf_from(client.get("/login").text)
    response = client.post(
        "/login",
        data={"email": make_user(Role.AGENT), "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"].lower()
    assert cookie.startswith("comity_session=")
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie


def test_secure_cookies_setting_marks_the_cookie_secure(
    settings: Settings, services: Services
) -> None:
    secure = Settings(**{**settings.model_dump(), "secure_cookies": True})
    with TestClient(create_app(secure, services), base_url="https://testserver") as client:
        assert "; secure" in client.get("/login").headers["set-cookie"].lower()


def test_a_forged_session_cookie_is_ignored(client: TestClient) -> None:
    client.cookies.set("comity_session", "eyJ1aWQiOiAxfQ==.forged.signature")
    assert client.get("/", follow_redirects=False).status_code == 303


def test_login_and_logout_need_the_csrf_token(
    client: TestClient, make_user: Callable[[Role], str]
) -> None:
    email = make_user(Role.ADMIN)
    client.get("/login")
    refused = client.post("/login", data={"email": email, "password": PASSWORD})
    assert refused.status_code == 403 and "expired" in refused.text
    wrong = client.post(
        "/login", data={"email": email, "password": PASSWORD, "csrf_token": "guess"}
    )
    assert wrong.status_code == 403
    sign_in(client, email)
    assert client.post("/logout", data={}).status_code == 403
    assert client.get("/", follow_redirects=False).status_code == 200  # still signed in


def test_csrf_token_changes_at_sign_in(
    client: TestClient, make_user: Callable[[Role], str]
) -> None:
    before = csrf_from(client.get("/login").text)
    after = csrf_from(sign_in(client, make_user(Role.AGENT)))
    assert before != after


def test_csrf_header_is_accepted_for_scripts(moderator: TestClient) -> None:
    token = csrf_from(moderator.get("/").text)
    response = moderator.post("/logout", headers={"X-CSRF-Token": token}, follow_redirects=False)
    assert response.status_code == 303


def test_five_failures_lock_the_login_even_for_the_right_password(
    client: TestClient, make_user: Callable[[Role], str]
) -> None:
    email = make_user(Role.MODERATOR)
    token = csrf_from(client.get("/login").text)
    for _ in range(5):
        response = client.post(
            "/login", data={"email": email, "password": "wrong password!", "csrf_token": token}
        )
        assert response.status_code == 401
    locked = client.post(
        "/login", data={"email": email.upper(), "password": PASSWORD, "csrf_token": token}
    )
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.text
    assert int(locked.headers["retry-after"]) > 0
    other = make_user(Role.AGENT)
    assert sign_in(client, other)  # another account from the same address is unaffected


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_rate_limit_window_slides_and_success_clears() -> None:
    clock = FakeClock()
    limiter = LoginRateLimiter(max_failures=3, window=60, clock=clock)
    for _ in range(3):
        assert limiter.retry_after("a@example.com", "10.0.0.1") == 0
        limiter.failed("a@example.com", "10.0.0.1")
        clock.now += 10
    assert limiter.retry_after("A@example.com ", "10.0.0.1") == 31
    assert limiter.retry_after("a@example.com", "10.0.0.2") == 0
    clock.now += 31
    assert limiter.retry_after("a@example.com", "10.0.0.1") == 0
    limiter.failed("a@example.com", "10.0.0.1")
    limiter.succeeded("a@example.com", "10.0.0.1")
    limiter.failed("a@example.com", "10.0.0.1")
    assert limiter.retry_after("a@example.com", "10.0.0.1") == 0


def test_rate_limiter_memory_is_bounded() -> None:
    limiter = LoginRateLimiter(max_failures=1, window=60, clock=FakeClock(), max_keys=10)
    for i in range(50):
        limiter.failed(f"user{i}@example.com", "10.0.0.1")
    assert limiter.retry_after("user49@example.com", "10.0.0.1") > 0
    assert len(limiter._failures) <= 10


def test_every_browser_post_route_checks_csrf(client: TestClient) -> None:
    browser_posts = [
        route.path
        for module in ROUTE_MODULES
        for route in module.router.routes
        if isinstance(route, APIRoute)
        and "POST" in (route.methods or ())
        and not route.path.startswith("/api/")
    ]
    assert browser_posts  # /login and /logout at least
    client.get("/login")
    for path in browser_posts:
        response = client.post(path, data={"email": "x@example.com", "password": "y"})
        assert response.status_code == 403, path
