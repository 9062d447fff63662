"""Live draft hints and the case facts behind them, for every route that sends replies
(the composer, the inbox reply form, the JSON API): not tied to one route module."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import HTTPException, Request

from comity.replies import (
    CaseInput,
    Hint,
    ProfileError,
    RecentReply,
    ReplyCorpus,
    check,
    load_profile,
)
from comity.replies.checks import blocks_sending
from comity.replies.profile import DEMO_PROFILE, BrandProfile, profile_path
from comity.store.cases import CaseDetail
from comity.store.saved_replies import latest_sent_reply_id, recent_sent_replies
from comity.web.labels import N_
from comity.web.pages import case_repository, services_of

log = logging.getLogger(__name__)

# The hint kinds as the composer names them (message ids of the UI catalogue).
HINT_KINDS = {
    "tone": N_("Tone"),
    "speech_level": N_("Speech level"),
    "glossary": N_("Glossary"),
    "copy_paste": N_("Copy-paste"),
    "facts": N_("Facts"),
}


def current_profile(request: Request) -> BrandProfile:
    """The configured profile; a broken file falls back to the demo's (the editor shows why)."""
    settings = services_of(request).settings
    path = profile_path(settings.brand_profile_file, settings.data_dir)
    try:
        return load_profile(path)
    except ProfileError as error:
        log.warning("brand profile %s is invalid (%s); using the demo profile", path, error)
        return load_profile(DEMO_PROFILE)


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the replies helpers need from a case."""

    case_id: int
    input: CaseInput
    sent: tuple[str, ...]


def case_facts(request: Request, case_id: int) -> CaseFacts:
    detail: CaseDetail | None = case_repository(request).detail(case_id)
    if detail is None:
        raise HTTPException(404, f"no case {case_id}")
    comment = detail.view.comment
    triage = detail.triage
    lang = (triage.lang if triage is not None else None) or comment.lang
    case_input = CaseInput(
        id=f"{comment.channel}:{comment.external_id}",
        text=comment.text,
        channel=comment.channel,
        category=triage.primary.value if triage is not None else "neutral",
        lang=lang,
        author=comment.author.handle,
        author_name=comment.author.display_name,
        context=dict(comment.context),
    )
    return CaseFacts(case_id, case_input, tuple(r.text for r in detail.sent_replies))


def _corpus(request: Request, profile: BrandProfile) -> ReplyCorpus:
    """The team's recent replies, shingled once and reused until a reply is sent.

    Replies to the case's own author are left out by `check` (recipient), so one corpus
    serves every case; it is rebuilt when a new reply exists or the minute changes.
    """
    engine = services_of(request).engine
    hours = profile.checks.copy_paste_window_hours
    now = datetime.now(UTC)
    key = (latest_sent_reply_id(engine), hours, now.replace(second=0, microsecond=0))
    cached = getattr(request.app.state, "replies_corpus", None)
    if isinstance(cached, tuple) and cached[0] == key:
        corpus: ReplyCorpus = cached[1]
        return corpus
    replies: list[RecentReply] = recent_sent_replies(engine, now - timedelta(hours=hours))
    corpus = ReplyCorpus(replies)
    request.app.state.replies_corpus = (key, corpus)
    return corpus


def draft_hints(
    request: Request,
    draft: str,
    *,
    case_id: int | None,
    channel: str,
    lang: str,
) -> tuple[list[Hint], dict[str, Any]]:
    profile = current_profile(request)
    category: str | None = None
    recipient: tuple[str, ...] = ()
    if case_id is not None:
        facts = case_facts(request, case_id)
        channel = facts.input.channel
        lang = lang or facts.input.lang or ""
        category = facts.input.category
        recipient = (facts.input.author, facts.input.author_name)
    if not channel:
        raise HTTPException(422, "give case_id, or channel and lang")
    hints = check(
        draft,
        channel,
        lang or None,
        profile,
        _corpus(request, profile),
        category=category,
        recipient=recipient,
    )
    return hints, {"channel": channel, "lang": lang}


def blocking_hints(
    request: Request, case_id: int, text: str
) -> tuple[list[Hint], list[str]] | None:
    """The server's half of blocking hints, shared by the inbox and the API reply routes.

    None when the reply may go; else every hint and the (sorted) kinds that block sending.
    """
    hints, _where = draft_hints(request, text, case_id=case_id, channel="", lang="")
    if not blocks_sending(hints):
        return None
    return hints, sorted({h.kind for h in hints if h.blocking})
