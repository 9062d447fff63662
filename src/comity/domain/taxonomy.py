"""The triage taxonomy of ../shared/design/TAXONOMY.md as enums and tables."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    PRAISE = "praise"
    CREATIVE_CRITIQUE = "creative_critique"
    QUESTION = "question"
    COMPLAINT = "complaint"
    MISINFORMATION = "misinformation"
    FEEDBACK = "feedback"
    FAN_CONTENT = "fan_content"
    TOXIC = "toxic"
    TROLL = "troll"
    SPAM = "spam"
    LEGAL = "legal"
    CAMPAIGN = "campaign"
    NEUTRAL = "neutral"


class LegalSub(StrEnum):
    HATE = "legal.hate"
    OBSCENE = "legal.obscene"
    THREAT = "legal.threat"
    PERSONAL_RIGHTS = "legal.personal_rights"
    IP = "legal.ip"


class Sentiment(StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"
    MIXED = "mixed"


class ActionKind(StrEnum):
    LIKE = "like"
    THANK = "thank"
    SHOWCASE = "showcase"
    ANSWER = "answer"
    HELP = "help"
    CORRECT = "correct"
    RECORD = "record"
    SHARE = "share"
    REMIND = "remind"
    MONITOR = "monitor"
    HIDE = "hide"
    MUTE = "mute"
    BAN = "ban"
    DELETE = "delete"
    REMOVE = "remove"
    ESCALATE = "escalate"
    NONE = "none"


# Which category wins when several apply (first wins); toxic/troll is the one
# place where the author's strikes override this order (see TAXONOMY.md).
CATEGORY_PRECEDENCE: tuple[Category, ...] = (
    Category.LEGAL,
    Category.SPAM,
    Category.COMPLAINT,
    Category.MISINFORMATION,
    Category.QUESTION,
    Category.TOXIC,
    Category.TROLL,
    Category.FEEDBACK,
    Category.FAN_CONTENT,
    Category.CREATIVE_CRITIQUE,
    Category.PRAISE,
    Category.CAMPAIGN,
    Category.NEUTRAL,
)

# The primary action a community manager takes first for each category.
PRIMARY_ACTION: dict[Category, ActionKind] = {
    Category.PRAISE: ActionKind.LIKE,
    Category.CREATIVE_CRITIQUE: ActionKind.SHOWCASE,
    Category.QUESTION: ActionKind.ANSWER,
    Category.COMPLAINT: ActionKind.HELP,
    Category.MISINFORMATION: ActionKind.CORRECT,
    Category.FEEDBACK: ActionKind.RECORD,
    Category.FAN_CONTENT: ActionKind.SHARE,
    Category.TOXIC: ActionKind.REMIND,
    Category.TROLL: ActionKind.MONITOR,
    Category.SPAM: ActionKind.HIDE,
    Category.LEGAL: ActionKind.REMOVE,
    Category.CAMPAIGN: ActionKind.LIKE,
    Category.NEUTRAL: ActionKind.NONE,
}

# Families counted as one when scoring actions (TAXONOMY.md conventions).
ACTION_FAMILY: dict[ActionKind, str] = {
    ActionKind.LIKE: "like/thank",
    ActionKind.THANK: "like/thank",
    ActionKind.HIDE: "hide/delete/mute/ban",
    ActionKind.DELETE: "hide/delete/mute/ban",
    ActionKind.MUTE: "hide/delete/mute/ban",
    ActionKind.BAN: "hide/delete/mute/ban",
}


def action_family(action: ActionKind) -> str:
    """The scoring family of an action (its own name where it has no family)."""
    return ACTION_FAMILY.get(action, action.value)


def moderation_action_for_strikes(strikes: int) -> ActionKind:
    """The netiquette ladder of TAXONOMY.md for a repeat offender with `strikes` (>= 1)."""
    if strikes >= 5:
        return ActionKind.BAN
    if strikes >= 3:
        return ActionKind.MUTE
    return ActionKind.HIDE


def primary_of(categories: set[Category]) -> Category:
    """The primary category of a set by the taxonomy's precedence."""
    for category in CATEGORY_PRECEDENCE:
        if category in categories:
            return category
    return Category.NEUTRAL
