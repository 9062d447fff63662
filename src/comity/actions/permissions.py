"""Which role may do what; every action checks here before it changes anything."""

from __future__ import annotations

from comity.domain import Role

# Moderation that removes content or people needs a moderator; agents reply and like.
ALLOWED: dict[str, frozenset[Role]] = {
    "hide": frozenset({Role.ADMIN, Role.MODERATOR}),
    "unhide": frozenset({Role.ADMIN, Role.MODERATOR}),
    "delete": frozenset({Role.ADMIN, Role.MODERATOR}),
    "ban": frozenset({Role.ADMIN, Role.MODERATOR}),
    "mute": frozenset({Role.ADMIN, Role.MODERATOR}),
    "reply": frozenset({Role.ADMIN, Role.MODERATOR, Role.AGENT}),
    "like": frozenset({Role.ADMIN, Role.MODERATOR, Role.AGENT}),
    "ingest": frozenset({Role.ADMIN, Role.MODERATOR, Role.AGENT}),
    "manage_users": frozenset({Role.ADMIN}),
    "edit_brand_profile": frozenset({Role.ADMIN}),
    # Monitoring (issue 7): storm alerts and crisis mode are for moderators and admins.
    "acknowledge_alert": frozenset({Role.ADMIN, Role.MODERATOR}),
    "resolve_alert": frozenset({Role.ADMIN, Role.MODERATOR}),
    "crisis_mode": frozenset({Role.ADMIN, Role.MODERATOR}),
    # The inbox (issue 5): moderators also approve replies and lift sanctions; agents work
    # cases (assign, snooze, done, labels, notes, feedback, showcase) but remove nothing.
    "unban": frozenset({Role.ADMIN, Role.MODERATOR}),
    "unmute": frozenset({Role.ADMIN, Role.MODERATOR}),
    "approve_reply": frozenset({Role.ADMIN, Role.MODERATOR}),
    "reject_reply": frozenset({Role.ADMIN, Role.MODERATOR}),
    "assign": frozenset({Role.ADMIN, Role.MODERATOR, Role.AGENT}),
    "unassign": frozenset({Role.ADMIN, Role.MODERATOR, Role.AGENT}),
    "snooze": frozenset({Role.ADMIN, Role.MODERATOR, Role.AGENT}),
    "unsnooze": frozenset({Role.ADMIN, Role.MODERATOR, Role.AGENT}),
    "done": frozenset({Role.ADMIN, Role.MODERATOR, Role.AGENT}),
    "reopen": frozenset({Role.ADMIN, Role.MODERATOR, Role.AGENT}),
    "label": frozenset({Role.ADMIN, Role.MODERATOR, Role.AGENT}),
    "unlabel": frozenset({Role.ADMIN, Role.MODERATOR, Role.AGENT}),
    "note": frozenset({Role.ADMIN, Role.MODERATOR, Role.AGENT}),
    "feedback": frozenset({Role.ADMIN, Role.MODERATOR, Role.AGENT}),
    "showcase": frozenset({Role.ADMIN, Role.MODERATOR, Role.AGENT}),
    "share": frozenset({Role.ADMIN, Role.MODERATOR, Role.AGENT}),
    # Delivery (runtime/delivery.py): re-queueing an entry the channel did not take.
    "retry_delivery": frozenset({Role.ADMIN, Role.MODERATOR}),
    # Saved replies (issue 6): moderators and admins shape the team's library; agents use it.
    "edit_saved_replies": frozenset({Role.ADMIN, Role.MODERATOR}),
}


class PermissionDenied(PermissionError):
    """The user's role does not allow the action."""


def check_permission(role: Role, action: str) -> None:
    if role not in ALLOWED.get(action, frozenset()):
        raise PermissionDenied(f"role {role.value} may not {action}")
