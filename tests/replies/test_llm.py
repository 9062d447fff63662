from __future__ import annotations

import json

import httpx

from comity.replies import BrandProfile, CaseInput, suggest
from comity.replies.llm import LlmRewriter

CASE = CaseInput("ig:9", "Love the Viva Yuzu Ade!", "x", "praise", "en", "sam", "Sam")


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


def test_drafts_are_rewritten_by_the_endpoint(profile: BrandProfile) -> None:
    seen: list[dict[str, object]] = []
    drafts = suggest(CASE, profile)
    rewriter = LlmRewriter(
        "http://llm.local/v1",
        "tiny",
        "k3y",
        transport=_server("Sam, you made our day! Enjoy the Viva Yuzu Ade ☕", seen),
    )
    out = rewriter.rewrite(drafts, CASE, profile)
    assert [d.text for d in out] == ["Sam, you made our day! Enjoy the Viva Yuzu Ade ☕"] * len(
        drafts
    )
    assert all(d.template.endswith("+llm") for d in out)
    assert seen[0]["url"] == "http://llm.local/v1/chat/completions"
    assert seen[0]["auth"] == "Bearer k3y"
    body = seen[0]["body"]
    assert isinstance(body, dict) and body["model"] == "tiny"


def test_failures_fall_back_silently(profile: BrandProfile) -> None:
    drafts = suggest(CASE, profile)
    for transport in (_server(None, []), _server("x", [], status=500)):
        assert (
            LlmRewriter("http://llm.local", transport=transport).rewrite(drafts, CASE, profile)
            == drafts
        )


def test_a_rewrite_that_fails_the_checks_is_dropped(profile: BrandProfile) -> None:
    drafts = suggest(CASE, profile)
    rude = _server("Oh great, another fan. Enjoy your Viva Yuja Ade.", [])
    assert LlmRewriter("http://llm.local", transport=rude).rewrite(drafts, CASE, profile) == drafts


def test_off_without_a_url(profile: BrandProfile) -> None:
    drafts = suggest(CASE, profile)
    assert LlmRewriter("").rewrite(drafts, CASE, profile) == drafts


def test_a_rewrite_must_keep_the_source_link(profile: BrandProfile) -> None:
    case = CaseInput("yt:1", "유자 전부 중국산이라던데", "youtube", "misinformation", "ko")
    drafts = suggest(case, profile)
    dropped = _server("유자는 고흥산이에요!", [])
    assert (
        LlmRewriter("http://llm.local", transport=dropped).rewrite(drafts, case, profile) == drafts
    )
