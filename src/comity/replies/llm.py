"""Optional rewrite of template drafts by an OpenAI-compatible chat endpoint (off by default).

Every failure (network, timeout, bad answer) and every rewrite that fails the draft
checks falls back silently to the template draft: the product works without it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any, Protocol

import httpx

from comity.replies.checks import check
from comity.replies.profile import BrandProfile
from comity.replies.speech import LEVEL_NAMES
from comity.replies.suggest import CaseInput, Draft

log = logging.getLogger(__name__)
MAX_REWRITE = 1000
_CHECKED = ("tone", "speech_level", "glossary", "facts")


class _Settings(Protocol):
    replies_llm_url: str
    replies_llm_model: str
    replies_llm_timeout: float

    @property
    def replies_llm_api_key(self) -> Any: ...


@dataclass
class LlmRewriter:
    url: str
    model: str = ""
    api_key: str | None = None
    timeout: float = 4.0
    transport: httpx.BaseTransport | None = None

    @classmethod
    def from_settings(cls, settings: _Settings) -> LlmRewriter:
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

    def rewrite(self, drafts: list[Draft], case: CaseInput, profile: BrandProfile) -> list[Draft]:
        """Each draft rewritten, or the draft itself when anything goes wrong."""
        if not self.url or not drafts:
            return drafts
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        try:
            with httpx.Client(
                timeout=self.timeout, transport=self.transport, headers=headers
            ) as client:
                return [self._one(client, draft, case, profile) for draft in drafts]
        except httpx.HTTPError as exc:
            log.warning("reply rewrite endpoint failed (%s); using template drafts", exc)
            return drafts

    def _one(
        self, client: httpx.Client, draft: Draft, case: CaseInput, profile: BrandProfile
    ) -> Draft:
        level = LEVEL_NAMES.get(draft.level, draft.level)
        forbidden = ", ".join(
            f.term for f in profile.glossary.forbidden if f.lang in (None, draft.lang)
        )
        system = (
            f"You rewrite a community manager's reply for {profile.brand.name}. "
            f"Voice: {profile.voice.notes.get(draft.lang)} Language: {draft.lang}; "
            f"speech level: {level}. Keep every fact, number and link exactly; keep it short; "
            f"never use: {forbidden}. Answer with the reply text only."
        )
        body = {
            "model": self.model,
            "temperature": 0.7,
            "messages": [
                {"role": "system", "content": system},
                {"role": "user", "content": f"Comment: {case.text}\n\nReply draft: {draft.text}"},
            ],
        }
        try:
            response = client.post(self.endpoint(), json=body)
            response.raise_for_status()
            text = str(response.json()["choices"][0]["message"]["content"]).strip()
        except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError) as exc:
            log.warning("reply rewrite failed (%s); keeping the template draft", exc)
            return draft
        if not text or len(text) > MAX_REWRITE or any(s not in text for s in draft.sources):
            return draft
        hints = check(
            text, case.channel, draft.lang, profile, category=case.category, kinds=_CHECKED
        )
        if any(h.severity == "warning" for h in hints):
            return draft
        return replace(draft, text=text, template=f"{draft.template}+llm")
