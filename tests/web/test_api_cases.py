from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from comity.domain import Category, Queue, Role, Sentiment
from comity.runtime.services import Services
from tests.pg import temporary_database
from tests.store.inbox_data import Seed, store
from tests.web.conftest import csrf_from, sign_in

Headers = Callable[[Role], dict[str, str]]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: object) -> Iterator[str]:
    """These API tests run on both databases (search differs between them)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/comity.db"
        return
    with temporary_database() as url:
        yield url


@pytest.fixture
def cases(services: Services) -> dict[str, int]:
    return store(
        services.engine,
        [
            Seed("refund", "빨리 환불해주세요", category=Category.COMPLAINT,
                 sentiment=Sentiment.NEGATIVE, handle="kim"),
            Seed("where", "매장이 어디예요?", channel="youtube", handle="lee"),
            Seed("spam1", "쿠폰 spam.example", queue=Queue.MODERATION, handle="bot"),
            Seed("spam2", "쿠폰 받아가세요 spam.example", queue=Queue.MODERATION, handle="bot"),
        ],
    )  # fmt: skip


def _act(client: TestClient, case_id: int, headers: dict[str, str], **body: object) -> Response:
    return client.post(f"/api/v1/cases/{case_id}/actions", json=body, headers=headers)


def test_queue_route_lists_filters_and_counts(
    client: TestClient, token_for: Headers, cases: dict[str, int]
) -> None:
    headers = token_for(Role.ANALYST)
    response = client.get("/api/v1/cases?queue=needs_reply", headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert [item["external_id"] for item in body["items"]] == ["refund", "where"]
    first = body["items"][0]
    assert first["category"] == "complaint" and first["sla"]["state"] == "breached"
    assert body["counts"]["queues"] == {"moderation": 2, "needs_reply": 2}
    assert body["counts"]["unassigned"] == 4
    youtube = client.get("/api/v1/cases?channel=youtube", headers=headers).json()
    assert [item["external_id"] for item in youtube["items"]] == ["where"]
    bad = client.get("/api/v1/cases?queue=nope", headers=headers)
    assert bad.status_code == 422 and "queue" in bad.json()["detail"]
    assert client.get("/api/v1/cases").status_code == 401


def test_search_finds_a_korean_word_inside_a_longer_eojeol(
    client: TestClient, token_for: Headers, cases: dict[str, int]
) -> None:
    headers = token_for(Role.AGENT)
    for term in ("환불", "환불해", "해주세요"):
        found = client.get("/api/v1/cases", params={"q": term}, headers=headers).json()
        assert [item["external_id"] for item in found["items"]] == ["refund"], term


def test_case_detail(client: TestClient, token_for: Headers, cases: dict[str, int]) -> None:
    headers = token_for(Role.AGENT)
    detail = client.get(f"/api/v1/cases/{cases['spam1']}", headers=headers).json()
    assert detail["comment"]["text"] == "쿠폰 spam.example"
    assert detail["author"]["handle"] == "bot" and detail["author"]["total_comments"] == 2
    assert detail["triage"]["category"] == "question"
    assert client.get("/api/v1/cases/999999", headers=headers).status_code == 404


def test_agent_cannot_ban_through_the_api(
    client: TestClient, token_for: Headers, cases: dict[str, int]
) -> None:
    agent = token_for(Role.AGENT)
    response = _act(client, cases["spam1"], agent, kind="ban", reason="spam")
    assert response.status_code == 403
    assert "agent" in response.json()["detail"]
    bulk = client.post(
        "/api/v1/cases/bulk",
        json={"kind": "hide", "ids": [cases["spam1"]], "reason": "spam"},
        headers=agent,
    )
    assert bulk.status_code == 403
    audit = client.get("/api/v1/audit", params={"target": "author:instagram:bot"}, headers=agent)
    assert audit.json()["entries"] == []


def test_moderator_bans_with_a_reason_and_it_is_audited(
    client: TestClient, token_for: Headers, cases: dict[str, int]
) -> None:
    moderator = token_for(Role.MODERATOR)
    missing = _act(client, cases["spam1"], moderator, kind="ban")
    assert missing.status_code == 422
    done = _act(client, cases["spam1"], moderator, kind="ban", reason="coupon spam")
    assert done.status_code == 200, done.text
    audit = client.get(
        "/api/v1/audit", params={"target": "author:instagram:bot"}, headers=moderator
    ).json()
    assert [(e["action"], e["actor"], e["reason"]) for e in audit["entries"]] == [
        ("ban", "moderator@example.com", "coupon spam")
    ]
    detail = client.get(f"/api/v1/cases/{cases['spam2']}", headers=moderator).json()
    assert [s["kind"] for s in detail["author"]["sanctions"] if s["active"]] == ["ban"]


def test_conflicts_answer_409_with_the_holder_and_the_earlier_reply(
    client: TestClient, services: Services, token_for: Headers, cases: dict[str, int]
) -> None:
    agent = token_for(Role.AGENT)
    moderator = token_for(Role.MODERATOR)
    case_id = cases["refund"]
    assert (
        _act(client, case_id, agent, kind="assign", assignee="agent@example.com").status_code == 200
    )
    taken = _act(client, case_id, moderator, kind="assign", assignee="moderator@example.com")
    assert taken.status_code == 409
    assert taken.json()["holder"] == "agent@example.com"
    first = _act(client, case_id, agent, kind="reply", text="확인 중입니다")
    assert first.status_code == 200
    again = _act(client, case_id, moderator, kind="reply", text="도와드릴게요")
    assert again.status_code == 409
    earlier = again.json()["earlier_reply"]
    assert (earlier["by"], earlier["text"]) == ("agent@example.com", "확인 중입니다")
    confirmed = _act(
        client, case_id, moderator, kind="reply", text="도와드릴게요", confirm_recent=True
    )
    assert confirmed.status_code == 200


def test_bulk_hide_and_undo(client: TestClient, token_for: Headers, cases: dict[str, int]) -> None:
    moderator = token_for(Role.MODERATOR)
    ids = [cases["spam1"], cases["spam2"]]
    response = client.post(
        "/api/v1/cases/bulk", json={"kind": "hide", "ids": ids, "reason": "spam"}, headers=moderator
    )
    assert response.status_code == 200, response.text
    actions = response.json()["actions"]
    assert [a["after"] for a in actions] == [{"status": "hidden"}] * 2
    undo = _act(client, ids[0], moderator, kind="undo", audit_id=actions[0]["audit_id"])
    assert undo.json()["action"]["kind"] == "unhide"
    detail = client.get(f"/api/v1/cases/{ids[0]}", headers=moderator).json()
    assert detail["comment"]["status"] == "visible"
    unknown = _act(client, ids[0], moderator, kind="explode")
    assert unknown.status_code == 422


def test_a_browser_session_needs_the_csrf_token(
    client: TestClient, make_user: Callable[[Role], str], cases: dict[str, int]
) -> None:
    page = sign_in(client, make_user(Role.AGENT))
    listed = client.get("/api/v1/cases?queue=needs_reply")  # reading needs no token
    assert listed.status_code == 200
    url = f"/api/v1/cases/{cases['where']}/actions"
    refused = client.post(url, json={"kind": "like"})
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    wrong = client.post(url, json={"kind": "like"}, headers={"X-CSRF-Token": "forged"})
    assert wrong.status_code == 403
    accepted = client.post(url, json={"kind": "like"}, headers={"X-CSRF-Token": csrf_from(page)})
    assert accepted.status_code == 200, accepted.text
    until = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    snoozed = client.post(
        url, json={"kind": "snooze", "until": until}, headers={"X-CSRF-Token": csrf_from(page)}
    )
    assert snoozed.status_code == 200, snoozed.text


def test_audit_target_must_be_well_formed_and_posts_need_a_user(
    client: TestClient, token_for: Headers, cases: dict[str, int]
) -> None:
    headers = token_for(Role.ANALYST)
    bad = client.get("/api/v1/audit", params={"target": "user:1"}, headers=headers)
    assert bad.status_code == 422 and "target" in bad.json()["detail"]
    anonymous = client.post(f"/api/v1/cases/{cases['where']}/actions", json={"kind": "like"})
    assert anonymous.status_code == 401
    refused = _act(client, cases["where"], headers, kind="like")
    assert refused.status_code == 403  # analysts read only
