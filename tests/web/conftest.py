"""Web fixtures: users with each role, API tokens, a signed-in browser session."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from comity.runtime.services import Services
from comity.store import users as users_store
from comity.store.users import Role

PASSWORD = "correct horse battery"
_CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_from(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = _CSRF_RE.search(html)
    assert match is not None, "page has no CSRF field"
    return match.group(1)


def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> str:
    """Sign in through the login form; returns the response body of the landing page."""
    token = csrf_from(client.get("/login").text)
    response = client.post(
        "/login", data={"email": email, "password": password, "csrf_token": token}
    )
    assert response.status_code == 200, response.text
    return str(response.text)


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap argon2 parameters: the web tests test sessions, not the hash's cost."""
    monkeypatch.setattr(
        users_store, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@pytest.fixture
def make_user(services: Services) -> Callable[[Role], str]:
    """Create a user with a role; returns the e-mail (password: PASSWORD)."""

    def make(role: Role) -> str:
        email = f"{role.value}@example.com"
        services.users.add(email, PASSWORD, role)
        return email

    return make


@pytest.fixture
def token_for(
    services: Services, make_user: Callable[[Role], str]
) -> Callable[[Role], dict[str, str]]:
    """Authorization headers for a new user with the role."""

    def headers(role: Role) -> dict[str, str]:
        token = services.users.create_token(make_user(role))
        return {"Authorization": f"Bearer {token}"}

    return headers


@pytest.fixture
def moderator(client: TestClient, make_user: Callable[[Role], str]) -> TestClient:
    """The client, signed in as a moderator."""
    sign_in(client, make_user(Role.MODERATOR))
    return client
