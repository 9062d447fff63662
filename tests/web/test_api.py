from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from comity.runtime.services import Services
from comity.store.users import Role
from comity.web import intake
from tests.factories import record

Headers = Callable[[Role], dict[str, str]]


@pytest.fixture
def agent(token_for: Headers) -> dict[str, str]:
    return token_for(Role.AGENT)


@pytest.fixture
def woken(services: Services, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many comments each pipeline wake-up was given (instead of the background thread)."""
    calls: list[int] = []
    monkeypatch.setattr(
        services, "notify_ingested", lambda comments=(): calls.append(len(comments))
    )
    return calls


def test_requests_without_a_valid_token_get_401_json(client: TestClient) -> None:
    for headers in ({}, {"Authorization": "Bearer cmt_nope"}, {"Authorization": "Basic eDp5"}):
        response = client.get("/api/v1/comments", headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert "token" in response.json()["detail"]


def test_a_session_cookie_does_not_authenticate_the_api(moderator: TestClient) -> None:
    assert moderator.get("/api/v1/stats").status_code == 401


def test_import_counts_inserted_updated_unchanged(
    client: TestClient, agent: dict[str, str], services: Services, woken: list[int]
) -> None:
    response = client.post(
        "/api/v1/comments", json={"comments": [record(1), record(2)]}, headers=agent
    )
    assert response.status_code == 200
    assert response.json() == {"inserted": 2, "updated": 0, "unchanged": 0}
    assert woken == [2]  # both comments handed to the pipeline
    response = client.post(
        "/api/v1/comments",
        json={"comments": [record(1), record(2, text="고쳤어요")]},
        headers=agent,
    )
    assert response.json() == {"inserted": 0, "updated": 1, "unchanged": 1}
    assert services.comments.count() == 2


def test_one_invalid_item_rejects_the_whole_batch(
    client: TestClient, agent: dict[str, str], services: Services, woken: list[int]
) -> None:
    bad_time = record(2, created_at="yesterday")
    no_author = record(3)
    del no_author["author"]
    response = client.post(
        "/api/v1/comments",
        json={"comments": [record(1), bad_time, no_author, "not an object"]},
        headers=agent,
    )
    assert response.status_code == 422
    body = response.json()
    assert "nothing was written" in body["detail"]
    assert [(e["index"], e["code"]) for e in body["errors"]] == [
        (1, "E105"),
        (2, "E103"),
        (3, "E100"),
    ]
    assert all(e["message"] for e in body["errors"])
    assert services.comments.count() == 0
    assert woken == []


def test_body_problems(client: TestClient, agent: dict[str, str]) -> None:
    url = "/api/v1/comments"
    not_json = client.post(url, content=b"{oops", headers=agent)
    assert not_json.status_code == 400 and "not valid JSON" in not_json.json()["detail"]
    not_latin = client.post(url, content=b"\xff\xfe", headers=agent)
    assert not_latin.status_code == 400
    wrong_shape = client.post(url, json=[record(1)], headers=agent)
    assert wrong_shape.status_code == 422 and "comments" in wrong_shape.json()["detail"]
    not_a_list = client.post(url, json={"comments": record(1)}, headers=agent)
    assert not_a_list.status_code == 422


def test_more_than_max_batch_is_413(
    client: TestClient, agent: dict[str, str], services: Services
) -> None:
    limit = services.settings.max_batch
    response = client.post(
        "/api/v1/comments",
        json={"comments": [record(i) for i in range(limit + 1)]},
        headers=agent,
    )
    assert response.status_code == 413
    assert str(limit) in response.json()["detail"]
    assert services.comments.count() == 0


@pytest.mark.parametrize("role", [Role.ADMIN, Role.MODERATOR, Role.AGENT])
def test_writing_roles_may_import(client: TestClient, token_for: Headers, role: Role) -> None:
    response = client.post(
        "/api/v1/comments", json={"comments": [record(1)]}, headers=token_for(role)
    )
    assert response.status_code == 200


def test_analyst_may_read_but_not_import(client: TestClient, token_for: Headers) -> None:
    analyst = token_for(Role.ANALYST)
    response = client.post("/api/v1/comments", json={"comments": [record(1)]}, headers=analyst)
    assert response.status_code == 403
    assert "analyst" in response.json()["detail"]
    assert client.get("/api/v1/comments", headers=analyst).status_code == 200
    assert client.get("/api/v1/stats", headers=analyst).status_code == 200


def test_list_filters_and_pages(client: TestClient, agent: dict[str, str]) -> None:
    records = [record(i, lang="ko") for i in range(5)] + [
        record(10, channel="youtube", external_id="yt_1", lang="en", text="Great video")
    ]
    client.post("/api/v1/comments", json={"comments": records}, headers=agent)
    everything = client.get("/api/v1/comments", headers=agent).json()
    assert everything["total"] == 6
    assert [c["external_id"] for c in everything["items"]][:2] == ["yt_1", "ig_4"]
    page = client.get(
        "/api/v1/comments", params={"channel": "instagram", "limit": 2, "offset": 2}, headers=agent
    ).json()
    assert page["total"] == 5 and page["limit"] == 2 and page["offset"] == 2
    assert [c["external_id"] for c in page["items"]] == ["ig_2", "ig_1"]
    english = client.get("/api/v1/comments", params={"lang": "en"}, headers=agent).json()
    assert [c["text"] for c in english["items"]] == ["Great video"]
    item = english["items"][0]
    assert item["author"] == {"handle": "fan_3", "name": ""}
    assert item["triage"] is None and item["created_at"].startswith("2026-07-01T09:10:00")
    assert client.get("/api/v1/comments?limit=0", headers=agent).status_code == 422


def test_detail_has_the_edit_history(client: TestClient, agent: dict[str, str]) -> None:
    client.post("/api/v1/comments", json={"comments": [record(1, text="first")]}, headers=agent)
    client.post("/api/v1/comments", json={"comments": [record(1, text="second")]}, headers=agent)
    listed = client.get("/api/v1/comments", headers=agent).json()["items"][0]
    detail = client.get(f"/api/v1/comments/{listed['id']}", headers=agent).json()
    assert detail["text"] == "second" and detail["edit_count"] == 1
    assert [e["previous_text"] for e in detail["edits"]] == ["first"]
    missing = client.get("/api/v1/comments/999999", headers=agent)
    assert missing.status_code == 404 and "999999" in missing.json()["detail"]


def test_stats(client: TestClient, agent: dict[str, str]) -> None:
    client.post(
        "/api/v1/comments",
        json={"comments": [record(1, lang="ko"), record(2, channel="youtube", lang="en")]},
        headers=agent,
    )
    stats = client.get("/api/v1/stats", headers=agent).json()
    assert stats["comments"] == 2
    assert stats["channels"] == {"instagram": 1, "youtube": 1}
    assert stats["languages"] == {"en": 1, "ko": 1}


def test_openapi_documents_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/v1/comments", "/api/v1/comments/{comment_id}", "/api/v1/stats"} <= set(
        schema["paths"]
    )
    assert "/api/v1/webhooks/{channel}" in schema["paths"]
    assert "/login" not in schema["paths"]
    post = schema["paths"]["/api/v1/comments"]["post"]
    assert "requestBody" in post and "422" in post["responses"]
    assert "HTTPBearer" in schema["components"]["securitySchemes"]


def test_an_oversized_body_is_refused_before_parsing(
    client: TestClient,
    agent: dict[str, str],
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(intake, "BYTES_PER_RECORD", 10)  # keep the test body small
    limit = services.settings.max_batch * intake.BYTES_PER_RECORD
    response = client.post(
        "/api/v1/comments",
        content=b'{"comments": ["' + b"x" * limit + b'"]}',
        headers={**agent, "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert "split the batch" in response.json()["detail"]
