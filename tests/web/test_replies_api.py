"""The JSON API's reply action applies the brand profile's blocking hints, like the inbox."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from comity.domain import Role
from comity.runtime.services import Services
from tests.web.test_replies_settings import BANMAL, POLITE, _block, _sent, cases

__all__ = ["cases"]  # the fixture, shared with the inbox's blocking tests


def test_a_blocking_hint_refuses_the_api_reply_with_the_hints(
    client: TestClient,
    token_for: Callable[[Role], dict[str, str]],
    services: Services,
    cases: dict[str, int],
) -> None:
    _block(services, ["speech_level"])
    headers = token_for(Role.AGENT)
    refused = client.post(
        f"/api/v1/cases/{cases['c1']}/actions",
        json={"kind": "reply", "text": BANMAL},
        headers=headers,
    )
    assert refused.status_code == 422
    body = refused.json()
    assert "speech_level" in body["detail"]
    blocking = [h for h in body["hints"] if h["blocking"]]
    assert blocking and {h["kind"] for h in blocking} == {"speech_level"}
    assert all(h["message"] for h in body["hints"])
    assert _sent(services) == []
    ok = client.post(
        f"/api/v1/cases/{cases['c1']}/actions",
        json={"kind": "reply", "text": POLITE},
        headers=headers,
    )
    assert ok.status_code == 200 and _sent(services) == [POLITE]


def test_without_blocking_kinds_the_api_sends_the_same_draft(
    client: TestClient,
    token_for: Callable[[Role], dict[str, str]],
    services: Services,
    cases: dict[str, int],
) -> None:
    _block(services, ["glossary", "facts"])
    response = client.post(
        f"/api/v1/cases/{cases['c1']}/actions",
        json={"kind": "reply", "text": BANMAL},
        headers=token_for(Role.AGENT),
    )
    assert response.status_code == 200 and _sent(services) == [BANMAL]


def test_an_analyst_hears_it_may_not_reply_before_any_hint(
    client: TestClient,
    token_for: Callable[[Role], dict[str, str]],
    services: Services,
    cases: dict[str, int],
) -> None:
    _block(services, ["speech_level"])
    refused = client.post(
        f"/api/v1/cases/{cases['c1']}/actions",
        json={"kind": "reply", "text": BANMAL},
        headers=token_for(Role.ANALYST),
    )
    assert refused.status_code == 403 and "hints" not in refused.json()
    assert _sent(services) == []
