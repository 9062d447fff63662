"""Optional rewrite of template drafts by a chat model (off by default).

Pure: the chat call itself is passed in (`comity.web.replies_llm.OpenAIChat` speaks to an
OpenAI-compatible endpoint). Every failure and every rewrite that fails the draft checks
falls back silently to the template draft: the product works without it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from comity.replies.checks import check
from comity.replies.profile import BrandProfile
from comity.replies.speech import LEVEL_NAMES
from comity.replies.suggest import CaseInput, Draft

log = logging.getLogger(__name__)
MAX_REWRITE = 1000
_CHECKED = ("tone", "speech_level", "glossary", "facts")

# messages (OpenAI chat format) -> the model's answer; raises ChatError when it fails.
ChatClient = Callable[[list[dict[str, str]]], str]


class ChatError(Exception):
    """The chat endpoint failed (network, status, shape); the template draft is kept."""


def messages_for(draft: Draft, case: CaseInput, profile: BrandProfile) -> list[dict[str, str]]:
    """The prompt: brand voice, speech level and forbidden terms, then comment and draft."""
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
    return [
        {"role": "system", "content": system},
        {"role": "user", "content": f"Comment: {case.text}\n\nReply draft: {draft.text}"},
    ]


@dataclass
class LlmRewriter:
    chat: ChatClient

    def rewrite(self, drafts: list[Draft], case: CaseInput, profile: BrandProfile) -> list[Draft]:
        """Each draft rewritten, or the draft itself when anything goes wrong."""
        return [self._one(draft, case, profile) for draft in drafts]

    def _one(self, draft: Draft, case: CaseInput, profile: BrandProfile) -> Draft:
        try:
            text = self.chat(messages_for(draft, case, profile)).strip()
        except ChatError as exc:
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
