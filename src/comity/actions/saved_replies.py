"""The team's saved replies: add, edit and delete them (moderators and admins), audited.

A saved reply's title is its key (unique); its text may use only the variables the
suggestions fill (`comity.replies.templates.KNOWN_VARIABLES`). The first change to a library
that was never seeded seeds it with the shipped replies, so the team keeps those beside its
own (the suggestions use the stored library once it has replies for a category/language).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from comity.actions.context import ActionContext, AuditedAction, record
from comity.actions.errors import ActionError, NotFound
from comity.actions.permissions import check_permission
from comity.domain import Category
from comity.replies.templates import (
    KNOWN_VARIABLES,
    LEVELS,
    SavedReply,
    TemplateError,
    load_templates,
    validate_text,
)
from comity.store.saved_replies import (
    delete_saved_reply,
    insert_saved_reply,
    saved_replies_empty,
    saved_reply_by_id,
    saved_reply_key_taken,
    seed_saved_replies,
    update_saved_reply,
)
from comity.store.users import User

MAX_TITLE = 100  # the key column
MAX_TEXT = 5000
LANGUAGES = ("ko", "en", "de")
CATEGORIES = tuple(c.value for c in Category)


def _state(reply: SavedReply) -> dict[str, Any]:
    return {
        "title": reply.key,
        "category": reply.category,
        "lang": reply.lang,
        "level": reply.level,
        "text": reply.text,
    }


def validate_saved_reply(
    title: str, category: str, lang: str, text: str, level: str | None
) -> SavedReply:
    """The reply to store, or ActionError saying what is wrong with the input."""
    title = " ".join(title.split())
    if not title:
        raise ActionError("a saved reply needs a title")
    if len(title) > MAX_TITLE:
        raise ActionError(f"a title is at most {MAX_TITLE} characters")
    if any(unicodedata.category(ch).startswith("C") for ch in title):
        raise ActionError("a title cannot contain control characters")
    if category not in CATEGORIES:
        raise ActionError(f"unknown category {category!r}; choose one of {', '.join(CATEGORIES)}")
    if lang not in LANGUAGES:
        raise ActionError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    if level is not None and level not in LEVELS:
        raise ActionError(f"unknown speech level {level!r}; choose one of {', '.join(LEVELS)}")
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise ActionError("a saved reply needs some text")
    if len(text) > MAX_TEXT:
        raise ActionError(f"a saved reply is at most {MAX_TEXT} characters")
    try:
        variables = validate_text(text)
    except TemplateError:
        raise ActionError(
            "the text has a stray { or }; write variables as {author}, and a literal brace "
            "as {{ or }}"
        ) from None
    unknown = sorted(variables - set(KNOWN_VARIABLES))
    if unknown:
        known = ", ".join("{" + v + "}" for v in KNOWN_VARIABLES)
        raise ActionError(f"unknown variable {{{unknown[0]}}}; use one of {known}")
    return SavedReply(title, category, lang, level, text)


def do_save_saved_reply(
    ctx: ActionContext,
    reply_id: int | None,
    *,
    title: str,
    category: str,
    lang: str,
    text: str,
    level: str | None = None,
    by: User,
    reason: str = "",
) -> AuditedAction:
    """Add a saved reply (reply_id None) or change one; the usage count stays."""
    check_permission(by.role, "edit_saved_replies")
    reply = validate_saved_reply(title, category, lang, text, level)
    with ctx.transaction() as tx:
        seeded = 0
        if reply_id is None and saved_replies_empty(tx):
            seeded = seed_saved_replies(tx, load_templates(), by.email, ctx.now())
        before: dict[str, Any] = {}
        if reply_id is not None:
            current = saved_reply_by_id(tx, reply_id)
            if current is None:
                raise NotFound(f"no saved reply {reply_id}")
            before = _state(current)
        if saved_reply_key_taken(tx, reply.key, reply_id):
            raise ActionError(f"a saved reply titled {reply.key!r} exists already")
        if reply_id is None:
            reply_id = insert_saved_reply(tx, reply, by.email, ctx.now())
        else:
            update_saved_reply(tx, reply_id, reply, ctx.now())
        after = _state(reply) | ({"seeded_shipped_replies": seeded} if seeded else {})
        return record(
            tx,
            ctx,
            kind="save_saved_reply",
            target_type="saved_reply",
            target_id=reply_id,
            by=by,
            reason=reason or ("added" if not before else "edited"),
            before=before,
            after=after,
        )


def do_delete_saved_reply(
    ctx: ActionContext, reply_id: int, *, by: User, reason: str = ""
) -> AuditedAction:
    """Remove a saved reply from the team's library (the audit row keeps its text)."""
    check_permission(by.role, "edit_saved_replies")
    with ctx.transaction() as tx:
        current = saved_reply_by_id(tx, reply_id)
        if current is None:
            raise NotFound(f"no saved reply {reply_id}")
        delete_saved_reply(tx, reply_id)
        return record(
            tx,
            ctx,
            kind="delete_saved_reply",
            target_type="saved_reply",
            target_id=reply_id,
            by=by,
            reason=reason or "deleted",
            before=_state(current) | {"usage_count": current.usage_count},
            after={},
        )
