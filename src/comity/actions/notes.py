"""Internal notes on a case (with @mentions) and product feedback."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import Connection

from comity.actions.cases import locked_case
from comity.actions.context import ActionContext, AuditedAction, record
from comity.actions.errors import ActionError
from comity.actions.permissions import check_permission
from comity.store.inbox_writes import insert_note, user_emails
from comity.store.users import User

MAX_NOTE = 5000
# "@mina" (local part) or "@mina@haneul.example" (full address), not inside an e-mail address.
_MENTION = re.compile(r"(?<![\w.+-])@([\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)")


def parse_mentions(body: str, emails: Sequence[str]) -> list[str]:
    """The users a note mentions, in order of first mention; unknown names are left alone.

    A local part matches only when exactly one user has it.
    """
    by_email = {email.lower(): email for email in emails}
    by_local: dict[str, list[str]] = {}
    for address in emails:
        by_local.setdefault(address.split("@", 1)[0].lower(), []).append(address)
    found: list[str] = []
    for match in _MENTION.finditer(body):
        name = match.group(1).rstrip(".").lower()
        email: str | None = by_email.get(name)
        if email is None:
            candidates = by_local.get(name, [])
            email = candidates[0] if len(candidates) == 1 else None
        if email is not None and email not in found:
            found.append(email)
    return found


def _note(
    ctx: ActionContext,
    case_id: int,
    body: str,
    *,
    kind: str,
    by: User,
    reason: str,
    conn: Connection | None,
) -> AuditedAction:
    check_permission(by.role, kind)
    text = body.strip()
    if not text:
        raise ActionError(f"a {kind} needs some text")
    if len(text) > MAX_NOTE:
        raise ActionError(f"a {kind} is at most {MAX_NOTE} characters")
    with ctx.transaction(conn) as tx:
        locked_case(tx, case_id)
        mentions = parse_mentions(text, user_emails(tx))
        note_id = insert_note(
            tx, case_id, kind=kind, author=by.email, body=text, mentions=mentions, at=ctx.now()
        )
        return record(
            tx,
            ctx,
            kind=kind,
            target_type="case",
            target_id=case_id,
            by=by,
            reason=reason,
            after={"note_id": note_id, "mentions": mentions},
            event="note.added",
            case_id=case_id,
            payload={"note_id": note_id, "kind": kind, "mentions": mentions},
        )


def do_add_note(
    ctx: ActionContext,
    case_id: int,
    body: str,
    *,
    by: User,
    reason: str = "",
    conn: Connection | None = None,
) -> AuditedAction:
    """An internal note for the team; @mentions of existing users are stored with it."""
    return _note(ctx, case_id, body, kind="note", by=by, reason=reason, conn=conn)


def do_record_feedback(
    ctx: ActionContext,
    case_id: int,
    body: str,
    *,
    by: User,
    reason: str = "",
    conn: Connection | None = None,
) -> AuditedAction:
    """Product feedback taken from the case (a note of kind "feedback", for the insights)."""
    return _note(ctx, case_id, body, kind="feedback", by=by, reason=reason, conn=conn)
