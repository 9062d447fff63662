"""The HTTP side of reply rewriting: an OpenAI-compatible chat endpoint via httpx."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from comity.replies.llm import ChatError
from comity.settings import Settings


@dataclass
class OpenAIChat:
    """`POST {url}/chat/completions`; any failure is a ChatError (the caller falls back)."""

    url: str
    model: str = ""
    api_key: str | None = None
    timeout: float = 4.0
    transport: httpx.BaseTransport | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> OpenAIChat:
        key = settings.replies_llm_api_key
        return cls(
            settings.replies_llm_url,
            settings.replies_llm_model,
            key.get_secret_value() if key is not None else None,
            settings.replies_llm_timeout,
        )

    def endpoint(self) -> str:
        base = self.url.rstrip("/")
        return base if base.endswith("/chat/completions") else f"{base}/chat/completions"

    def __call__(self, messages: list[dict[str, str]]) -> str:
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        body = {"model": self.model, "temperature": 0.7, "messages": messages}
        try:
            with httpx.Client(timeout=self.timeout, transport=self.transport) as client:
                response = client.post(self.endpoint(), json=body, headers=headers)
                response.raise_for_status()
                return str(response.json()["choices"][0]["message"]["content"])
        except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError) as exc:
            raise ChatError(str(exc) or type(exc).__name__) from exc
