"""Human labels for the codes the UI shows (queues, categories, roles, actions).

Each label is a gettext message id marked with `N_` so extraction finds it; templates
translate it at render time with `label(kind, code)`.
"""

from __future__ import annotations


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark a string for extraction without translating it now."""
    return message


QUEUES: dict[str, str] = {
    "needs_reply": N_("Needs reply"),
    "moderation": N_("Moderation"),
    "legal": N_("Legal"),
    "feedback": N_("Feedback"),
    "fan_content": N_("Fan content"),
    "showcase": N_("Showcase"),
    "campaign": N_("Campaign"),
    "crisis": N_("Crisis"),
    "done": N_("Done"),
}

VIEWS: dict[str, str] = {
    "mine": N_("Mine"),
    "unassigned": N_("Unassigned"),
    "overdue": N_("Overdue"),
}

CATEGORIES: dict[str, str] = {
    "praise": N_("praise"),
    "creative_critique": N_("creative critique"),
    "question": N_("question"),
    "complaint": N_("complaint"),
    "misinformation": N_("misinformation"),
    "feedback": N_("feedback"),
    "fan_content": N_("fan content"),
    "toxic": N_("toxic"),
    "troll": N_("troll"),
    "spam": N_("spam"),
    "legal": N_("legal"),
    "campaign": N_("campaign"),
    # "general", not "neutral": the sentiment has a "neutral" too, and rows show both.
    "neutral": N_("general"),
}

SENTIMENTS: dict[str, str] = {
    "positive": N_("positive"),
    "neutral": N_("neutral"),
    "negative": N_("negative"),
    "mixed": N_("mixed"),
}

ROLES: dict[str, str] = {
    "admin": N_("admin"),
    "moderator": N_("moderator"),
    "agent": N_("agent"),
    "analyst": N_("analyst"),
}

CASE_STATUSES: dict[str, str] = {
    "open": N_("open"),
    "snoozed": N_("snoozed"),
    "done": N_("done"),
}

COMMENT_STATUSES: dict[str, str] = {
    "visible": N_("visible"),
    "hidden": N_("hidden"),
    "deleted": N_("deleted"),
    "held": N_("held"),
}

# Audit-log action kinds and planned steps (playbook ActionKind values share the names).
ACTIONS: dict[str, str] = {
    "like": N_("like"),
    "thank": N_("thank"),
    "answer": N_("answer"),
    "help": N_("help"),
    "correct": N_("correct"),
    "record": N_("record"),
    "remind": N_("remind"),
    "monitor": N_("monitor"),
    "remove": N_("remove"),
    "escalate": N_("escalate"),
    "none": N_("none"),
    "reply": N_("reply"),
    "hide": N_("hide"),
    "unhide": N_("unhide"),
    "delete": N_("delete"),
    "mute": N_("mute"),
    "ban": N_("ban"),
    "unban": N_("unban"),
    "assign": N_("assign"),
    "unassign": N_("unassign"),
    "snooze": N_("snooze"),
    "done": N_("mark done"),
    "mark_done": N_("mark done"),
    "reopen": N_("reopen"),
    "label": N_("add label"),
    "add_label": N_("add label"),
    "feedback": N_("record feedback"),
    "record_feedback": N_("record feedback"),
    "showcase": N_("mark showcase"),
    "mark_showcase": N_("mark showcase"),
    "share": N_("mark share"),
    "mark_share": N_("mark share"),
    "note": N_("note"),
    "add_note": N_("note"),
    "undo": N_("undo"),
    # The team's saved replies and the brand profile (/settings).
    "edit_saved_replies": N_("edit saved replies"),
    "save_saved_reply": N_("save saved reply"),
    "delete_saved_reply": N_("delete saved reply"),
    "edit_brand_profile": N_("edit brand profile"),
}

PRIORITIES: dict[str, str] = {
    "P1": N_("P1 urgent"),
    "P2": N_("P2 high"),
    "P3": N_("P3 normal"),
    "P4": N_("P4 low"),
}

_KINDS: dict[str, dict[str, str]] = {
    "queue": QUEUES,
    "view": VIEWS,
    "category": CATEGORIES,
    "sentiment": SENTIMENTS,
    "role": ROLES,
    "case_status": CASE_STATUSES,
    "comment_status": COMMENT_STATUSES,
    "action": ACTIONS,
    "priority": PRIORITIES,
}


def label_id(kind: str, code: object) -> str:
    """The message id for a code; unknown codes are shown as they are (underscores spaced)."""
    text = str(getattr(code, "value", code))
    return _KINDS.get(kind, {}).get(text, text.replace("_", " "))
