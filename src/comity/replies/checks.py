"""All draft checks in one call: tone, speech level, glossary, copy-paste, facts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from comity.replies.facts import check_facts
from comity.replies.glossary import check_glossary
from comity.replies.hints import Hint
from comity.replies.profile import BrandProfile
from comity.replies.similarity import RecentReply, ReplyCorpus, check_copy_paste
from comity.replies.speech import check_speech_level
from comity.replies.tone import check_tone
from comity.triage.normalize import normalize_text

ALL_KINDS = ("tone", "speech_level", "glossary", "copy_paste", "facts")


def guess_lang(text: str) -> str:
    """ko, de or en for a draft (the composer usually knows; the CLI may not)."""
    if any("\uac00" <= ch <= "\ud7a3" for ch in text):
        return "ko"
    from comity.triage.langid import detect_language  # loads weights once, on first use

    lang = detect_language(text)[0]
    return lang if lang in ("ko", "en", "de") else "en"


def check(
    draft: str,
    channel: str,
    lang: str | None,
    profile: BrandProfile,
    recent_replies: Sequence[RecentReply] | ReplyCorpus = (),
    *,
    category: str | None = None,
    recipient: Sequence[str] = (),
    kinds: Sequence[str] = ALL_KINDS,
) -> list[Hint]:
    """Hints for a draft on `channel`; `recipient` (handle, name) is excluded from copy-paste."""
    text = draft  # spans index the draft as typed, leading spaces included
    if not text.strip():
        return []
    lang = lang or guess_lang(text)
    hints: list[Hint] = []
    if "tone" in kinds:
        hints += check_tone(text, normalize_text(text))
    if "speech_level" in kinds:
        hints += check_speech_level(text, lang, profile.voice.level(channel, lang, category))
    if "glossary" in kinds:
        hints += check_glossary(text, lang, profile)
    if "copy_paste" in kinds and recent_replies:
        corpus = (
            recent_replies
            if isinstance(recent_replies, ReplyCorpus)
            else ReplyCorpus(recent_replies)
        )
        hints += check_copy_paste(
            text, corpus, profile.checks.copy_paste_threshold, recipient=recipient
        )
    if "facts" in kinds:
        hints += check_facts(text, lang, profile)
    blocking = set(profile.checks.blocking)
    return [replace(h, blocking=h.kind in blocking) for h in hints]


def blocks_sending(hints: Sequence[Hint]) -> bool:
    """True when an admin made one of these hint kinds blocking."""
    return any(h.blocking for h in hints)
