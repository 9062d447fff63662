"""The composer's helpers: live draft hints, suggested drafts, and the brand-profile editor."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from comity.actions import ActionError, NotFound, PermissionDenied
from comity.actions.brand import do_save_brand_profile
from comity.actions.saved_replies import (
    LANGUAGES,
    MAX_TEXT,
    MAX_TITLE,
    do_delete_saved_reply,
    do_save_saved_reply,
)
from comity.domain import Category, Role
from comity.replies import (
    CaseInput,
    Draft,
    FactMatch,
    ProfileError,
    contradicted_facts,
    suggest,
)
from comity.replies.llm import LlmRewriter
from comity.replies.profile import (
    EDITED_PROFILE_NAME,
    parse_profile,
    profile_path,
)
from comity.replies.templates import KNOWN_VARIABLES, LEVELS, SavedReply, load_templates
from comity.store.saved_replies import (
    SavedReplyRepository,
)
from comity.store.users import User
from comity.web.action_messages import action_error_text
from comity.web.deps import SessionUser, check_csrf
from comity.web.pages import action_context, locale, render, services_of
from comity.web.replies_llm import OpenAIChat
from comity.web.reply_hints import CaseFacts, case_facts, current_profile, draft_hints

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False, dependencies=[Depends(check_csrf)])
MAX_DRAFT = 5000
MAX_PROFILE = 200_000


@router.post("/ui/replies/check")
def check_draft(
    request: Request,
    user: SessionUser,
    draft: Annotated[str, Form(max_length=MAX_DRAFT)] = "",
    text: Annotated[str, Form(max_length=MAX_DRAFT)] = "",
    case_id: Annotated[int | None, Form()] = None,
    channel: Annotated[str, Form(max_length=64)] = "",
    lang: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    """Hints for the composer's draft (`draft`, or the reply form's `text`)."""
    body = draft or text
    hints, where = draft_hints(request, body, case_id=case_id, channel=channel, lang=lang)
    return render(request, "replies/_hints.html", user, {"hints": hints, "draft": body, **where})


@router.post("/ui/replies/use")
def use_suggestion(
    request: Request,
    user: SessionUser,
    draft: Annotated[str, Form(max_length=MAX_DRAFT)],
    case_id: Annotated[int, Form()],
    template: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """Put a suggestion into the composer (out-of-band textarea) and count the saved reply's use."""
    if template:
        SavedReplyRepository(services_of(request).engine).used(template)
    hints, where = draft_hints(request, draft, case_id=case_id, channel="", lang="")
    facts = case_facts(request, case_id)
    context = {"hints": hints, "draft": draft, "lang": facts.input.lang, "oob_text": True, **where}
    return render(request, "replies/_hints.html", user, context)


def _saved(request: Request, case_input: CaseInput) -> list[Any] | None:
    """The team's saved replies for the case, or None to use the shipped ones."""
    repo = SavedReplyRepository(services_of(request).engine)
    found = repo.list(case_input.category, case_input.lang or "en")
    return found or None


def suggestions_for(
    request: Request, facts: CaseFacts, rotation: int
) -> tuple[list[Draft], list[FactMatch]]:
    profile = current_profile(request)
    saved = _saved(request, facts.input)
    recent = list(facts.sent)
    if rotation > 0:  # never offer the drafts shown just before again
        recent += [
            d.text for d in suggest(facts.input, profile, saved=saved, rotation=rotation - 1)
        ]
    drafts = suggest(facts.input, profile, recent, rotation=rotation, saved=saved)
    settings = services_of(request).settings
    if settings.replies_llm_url and drafts:
        rewriter = LlmRewriter(OpenAIChat.from_settings(settings))
        drafts = rewriter.rewrite(drafts, facts.input, profile)
    matches: list[FactMatch] = []
    if facts.input.category == "misinformation":
        matches = contradicted_facts(facts.input.text, profile, k=3)
    return drafts, matches


@router.get("/ui/cases/{case_id}/suggestions")
def case_suggestions(
    request: Request,
    case_id: int,
    user: SessionUser,
    rotation: Annotated[int, Query(ge=0, le=1000)] = 0,
) -> Response:
    """2-3 drafts for the case (a click puts one into the composer), facts beside them."""
    facts = case_facts(request, case_id)
    drafts, matches = suggestions_for(request, facts, rotation)
    context = {
        "case_id": case_id,
        "drafts": drafts,
        "facts": matches,
        "lang": facts.input.lang,
        "rotation": rotation,
        "category": facts.input.category,
    }
    return render(request, "replies/_suggestions.html", user, context)


def _require_admin(user: User) -> None:
    if user.role != Role.ADMIN:
        raise HTTPException(403, "only admins may edit the brand profile")


def _editable_path(request: Request) -> Path:
    """Where a saved profile goes: the configured file, never the shipped demo file."""
    settings = services_of(request).settings
    if settings.brand_profile_file is not None:
        return settings.brand_profile_file
    return settings.data_dir / EDITED_PROFILE_NAME


@router.get("/settings/brand")
def brand_page(request: Request, user: SessionUser) -> Response:
    _require_admin(user)
    settings = services_of(request).settings
    path = profile_path(settings.brand_profile_file, settings.data_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        text, problems = "", [f"{path}: cannot read: {exc.strerror}"]
    else:
        try:
            parse_profile(text, path.name)
            problems = []
        except ProfileError as error:
            problems = error.problems
    context = {"yaml": text, "problems": problems, "path": str(path), "saved": False}
    return render(request, "replies/brand.html", user, context, nav="brand")


@router.post("/settings/brand")
def save_brand(
    request: Request,
    user: SessionUser,
    profile_yaml: Annotated[str, Form(max_length=MAX_PROFILE)],
) -> Response:
    """Validate and save the profile; problems come back with their lines, nothing is saved."""
    _require_admin(user)
    target = _editable_path(request)
    settings = services_of(request).settings
    current = profile_path(settings.brand_profile_file, settings.data_dir)
    text = profile_yaml.replace("\r\n", "\n")
    try:
        do_save_brand_profile(action_context(request), target, text, by=user, previous=current)
    except ProfileError as error:
        context = {"yaml": text, "problems": error.problems, "path": str(target), "saved": False}
        return render(request, "replies/brand.html", user, context, nav="brand", status_code=422)
    context = {"yaml": text, "problems": [], "path": str(target), "saved": True}
    return render(request, "replies/brand.html", user, context, nav="brand")


def _library(request: Request, category: str, lang: str) -> tuple[list[SavedReply], bool]:
    """The team's saved replies (shipped ones until the library is seeded or first edited)."""
    repo = SavedReplyRepository(services_of(request).engine)
    replies = repo.list(category or None, lang or None)
    seeded = bool(replies) or bool(repo.list())
    if not seeded:
        replies = [
            r
            for r in load_templates().replies
            if (not category or r.category == category) and (not lang or r.lang == lang)
        ]
    return replies, seeded


def _saved_page(
    request: Request,
    user: User,
    *,
    category: str = "",
    lang: str = "",
    editing: SavedReply | None = None,
    form: dict[str, Any] | None = None,
    error: str | None = None,
    notice: str | None = None,
    status_code: int = 200,
) -> Response:
    replies, seeded = _library(request, category, lang)
    context = {
        "replies": replies,
        "seeded": seeded,
        "category": category,
        "lang": lang,
        "categories": [c.value for c in Category],
        "languages": LANGUAGES,
        "levels": LEVELS,
        "variables": KNOWN_VARIABLES,
        "editing": editing,
        "form": form or {},
        "error": error,
        "notice": notice,
    }
    return render(
        request, "replies/saved.html", user, context, nav="replies", status_code=status_code
    )


@router.get("/settings/replies")
def saved_replies_page(
    request: Request,
    user: SessionUser,
    category: Annotated[str, Query(max_length=32)] = "",
    lang: Annotated[str, Query(max_length=8)] = "",
    edit: Annotated[int | None, Query(ge=1)] = None,
    done: Annotated[str, Query(max_length=16)] = "",
) -> Response:
    """The team's saved replies with their usage counts; moderators and admins edit them."""
    _ = locale(request).gettext
    editing = None
    if edit is not None:
        editing = next(
            (r for r in SavedReplyRepository(services_of(request).engine).list() if r.id == edit),
            None,
        )
        if editing is None:
            raise HTTPException(404, f"no saved reply {edit}")
    notices = {"saved": _("Saved reply saved."), "deleted": _("Saved reply deleted.")}
    return _saved_page(
        request, user, category=category, lang=lang, editing=editing, notice=notices.get(done)
    )


@router.post("/settings/replies")
def save_saved_reply(
    request: Request,
    user: SessionUser,
    title: Annotated[str, Form(max_length=MAX_TITLE * 2)] = "",
    category: Annotated[str, Form(max_length=32)] = "",
    lang: Annotated[str, Form(max_length=8)] = "",
    level: Annotated[str, Form(max_length=16)] = "",
    text: Annotated[str, Form(max_length=MAX_TEXT * 2)] = "",
    reply_id: Annotated[int | None, Form(ge=1)] = None,
) -> Response:
    """Add (no reply_id) or change a saved reply through the audited action."""
    form = {"title": title, "category": category, "lang": lang, "level": level, "text": text}
    try:
        done = do_save_saved_reply(
            action_context(request),
            reply_id,
            title=title,
            category=category,
            lang=lang,
            level=level or None,
            text=text,
            by=user,
        )
    except PermissionDenied as denied:
        error = action_error_text(denied, locale(request), "edit_saved_replies")
        return _saved_page(request, user, form=form, error=error, status_code=403)
    except NotFound:
        raise HTTPException(404, f"no saved reply {reply_id}") from None
    except ActionError as problem:
        editing = _stored(request, reply_id)
        error = action_error_text(problem, locale(request))
        return _saved_page(request, user, editing=editing, form=form, error=error, status_code=422)
    return RedirectResponse(_back_to(done.after, "saved"), status_code=303)


@router.post("/settings/replies/{reply_id}/delete")
def delete_saved_reply(request: Request, reply_id: int, user: SessionUser) -> Response:
    try:
        done = do_delete_saved_reply(action_context(request), reply_id, by=user)
    except PermissionDenied as denied:
        error = action_error_text(denied, locale(request), "edit_saved_replies")
        return _saved_page(request, user, error=error, status_code=403)
    except NotFound:
        raise HTTPException(404, f"no saved reply {reply_id}") from None
    return RedirectResponse(_back_to(done.before, "deleted"), status_code=303)


def _back_to(state: Mapping[str, Any], done: str) -> str:
    """The list filtered to the reply's category and language (the library is long)."""
    query = {"category": state.get("category", ""), "lang": state.get("lang", ""), "done": done}
    return "/settings/replies?" + urlencode(query)


def _stored(request: Request, reply_id: int | None) -> SavedReply | None:
    if reply_id is None:
        return None
    found = SavedReplyRepository(services_of(request).engine).list()
    return next((r for r in found if r.id == reply_id), None)
