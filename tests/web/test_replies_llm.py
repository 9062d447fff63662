"""Rewriting drafts through an OpenAI-compatible endpoint, faked with httpx.MockTransport."""

from __future__ import annotations

import json

import httpx
import pytest

from comity.replies import BrandProfile, CaseInput, load_profile, suggest
from comity.replies.llm import LlmRewriter
from comity.web.replies_llm import OpenAIChat

CASE = CaseInput("ig:9", "Love the Viva Yuzu Ade!", "x", "praise", "en", "sam", "Sam")


@pytest.fixture(scope="module")
def profile() -> BrandProfile:
    return load_profile()


def _server(
    answer: str | None, seen: list[dict[str, object]], status: int = 200
) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(
            {
                "url": str(request.url),
                "body": json.loads(request.content),
                "auth": request.headers.get("authorization"),
            }
        )
        if answer is None:
            raise httpx.ConnectError("down", request=request)
        return httpx.Response(status, json={"choices": [{"message": {"content": answer}}]})

    return httpx.MockTransport(handle)


def _rewriter(transport: httpx.MockTransport, key: str | None = None) -> LlmRewriter:
    return LlmRewriter(OpenAIChat("http://llm.local/v1", "tiny", key, transport=transport))


def test_drafts_are_rewritten_by_the_endpoint(profile: BrandProfile) -> None:
    seen: list[dict[str, object]] = []
    drafts = suggest(CASE, profile)
    answer = "Sam, you made our day! Enjoy the Viva Yuzu Ade ☕"
    out = _rewriter(_server(answer, seen), "k3y").rewrite(drafts, CASE, profile)
    assert [d.text for d in out] == [answer] * len(drafts)
    assert all(d.template.endswith("+llm") for d in out)
    assert seen[0]["url"] == "http://llm.local/v1/chat/completions"
    assert seen[0]["auth"] == "Bearer k3y"
    body = seen[0]["body"]
    assert isinstance(body, dict) and body["model"] == "tiny"
    assert "casual" in body["messages"][0]["content"]  # the channel's register is asked for


def test_failures_fall_back_silently(profile: BrandProfile) -> None:
    drafts = suggest(CASE, profile)
    for transport in (
        _server(None, []),
        _server("x", [], status=500),
        httpx.MockTransport(lambda r: httpx.Response(200, text="not json")),
    ):
        assert _rewriter(transport).rewrite(drafts, CASE, profile) == drafts


def test_a_rewrite_that_fails_the_checks_is_dropped(profile: BrandProfile) -> None:
    drafts = suggest(CASE, profile)
    rude = _server("Oh great, another fan. Enjoy your Viva Yuja Ade.", [])
    assert _rewriter(rude).rewrite(drafts, CASE, profile) == drafts


def test_a_rewrite_must_keep_the_source_link(profile: BrandProfile) -> None:
    case = CaseInput("yt:1", "유자 전부 중국산이라던데", "youtube", "misinformation", "ko")
    drafts = suggest(case, profile)
    assert _rewriter(_server("유자는 고흥산이에요!", [])).rewrite(drafts, case, profile) == drafts


def test_the_settings_configure_the_endpoint() -> None:
    from comity.settings import Settings

    chat = OpenAIChat.from_settings(
        Settings(replies_llm_url="http://h:1/v1/chat/completions", replies_llm_model="m")
    )
    assert chat.endpoint() == "http://h:1/v1/chat/completions" and chat.model == "m"
    assert chat.api_key is None
