"""Editing the brand profile: validated, written atomically, audited with both texts."""

from __future__ import annotations

import hashlib
from pathlib import Path

from comity.actions.context import ActionContext, AuditedAction, record
from comity.actions.permissions import check_permission
from comity.replies import ProfileError
from comity.replies.profile import parse_profile
from comity.store.users import User


def _text_state(text: str) -> dict[str, str]:
    return {"yaml": text, "sha256": hashlib.sha256(text.encode()).hexdigest()}


def do_save_brand_profile(
    ctx: ActionContext, target: Path, text: str, *, by: User, previous: Path | None = None
) -> AuditedAction:
    """Save `text` as the brand profile at `target` (raises ProfileError, nothing written).

    `previous` is the profile in use before (the shipped demo's until an admin saves one),
    kept in the audit row so any edit can be read back or undone by hand.
    """
    check_permission(by.role, "edit_brand_profile")
    parse_profile(text, target.name)  # ProfileError lists every problem with its line
    source = previous or target
    before = source.read_text(encoding="utf-8") if source.exists() else ""
    with ctx.transaction() as tx:
        action = record(
            tx,
            ctx,
            kind="edit_brand_profile",
            target_type="brand_profile",
            target_id=str(target),
            by=by,
            reason="edited at /settings/brand",
            before=_text_state(before),
            after=_text_state(text),
        )
        # Written inside the transaction: a failed audit row leaves the old file in place.
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(target)  # atomic: the composer never reads half a file
    return action


__all__ = ["ProfileError", "do_save_brand_profile"]
