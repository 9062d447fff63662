"""What each demo topic means in TAXONOMY.md terms: the label the generator attaches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from comity.domain.taxonomy import (
    PRIMARY_ACTION,
    ActionKind,
    Category,
    LegalSub,
    Sentiment,
    moderation_action_for_strikes,
)

C = Category
S = Sentiment


@dataclass(frozen=True, slots=True)
class Topic:
    """The label a topic's texts carry; `tone` picks openers and closers."""

    primary: Category
    sentiment: Sentiment
    secondary: tuple[Category, ...] = ()
    action: ActionKind | None = None  # None: the category's primary action
    legal_sub: LegalSub | None = None
    tone: str = "neu"
    media: bool = False


TOPIC_META: dict[str, Topic] = {
    "praise_like": Topic(C.PRAISE, S.POSITIVE, tone="pos"),
    "praise_thank": Topic(C.PRAISE, S.POSITIVE, action=ActionKind.THANK, tone="pos"),
    "praise_campaign": Topic(C.PRAISE, S.POSITIVE, (C.CAMPAIGN,), tone="pos"),
    "critique": Topic(C.CREATIVE_CRITIQUE, S.MIXED, tone="pos"),
    "question": Topic(C.QUESTION, S.NEUTRAL),
    "question_campaign": Topic(C.QUESTION, S.NEUTRAL, (C.CAMPAIGN,)),
    "complaint": Topic(C.COMPLAINT, S.NEGATIVE, tone="neg"),
    "complaint_swear": Topic(C.COMPLAINT, S.NEGATIVE, (C.TOXIC,), tone="neg"),
    "misinfo_animals": Topic(C.MISINFORMATION, S.NEGATIVE, tone="neg"),
    "misinfo_politics": Topic(C.MISINFORMATION, S.NEGATIVE, tone="neg"),
    "misinfo_yuzu": Topic(C.MISINFORMATION, S.NEGATIVE, (C.CAMPAIGN,), tone="neg"),
    "misinfo_recall": Topic(C.MISINFORMATION, S.NEGATIVE, tone="neg"),
    "misinfo_outage": Topic(C.MISINFORMATION, S.NEGATIVE, tone="neg"),
    "misinfo_price": Topic(C.MISINFORMATION, S.NEGATIVE, tone="neg"),
    "misinfo_milk": Topic(C.MISINFORMATION, S.NEGATIVE, tone="neg"),
    "feedback_neu": Topic(C.FEEDBACK, S.NEUTRAL),
    "feedback_pos": Topic(C.FEEDBACK, S.POSITIVE, tone="pos"),
    "fan_content": Topic(C.FAN_CONTENT, S.POSITIVE, (C.CAMPAIGN,), tone="pos", media=True),
    "fan_content_plain": Topic(C.FAN_CONTENT, S.POSITIVE, tone="pos", media=True),
    "campaign_ad": Topic(C.CAMPAIGN, S.POSITIVE, tone="pos"),
    "campaign_yuzu": Topic(C.CAMPAIGN, S.POSITIVE, tone="pos"),
    "campaign_giveaway": Topic(C.CAMPAIGN, S.NEUTRAL),
    "neutral": Topic(C.NEUTRAL, S.NEUTRAL),
    "neutral_tag": Topic(C.NEUTRAL, S.NEUTRAL),
    "toxic": Topic(C.TOXIC, S.NEGATIVE),
    "troll_bait": Topic(C.TROLL, S.NEGATIVE),
    "troll_heat": Topic(C.TROLL, S.NEGATIVE, (C.TOXIC,)),
    "spam_hide": Topic(C.SPAM, S.NEUTRAL, action=ActionKind.HIDE),
    "spam_delete": Topic(C.SPAM, S.POSITIVE, action=ActionKind.DELETE),
    "legal_hate": Topic(C.LEGAL, S.NEGATIVE, (C.TOXIC,), legal_sub=LegalSub.HATE),
    "legal_obscene": Topic(C.LEGAL, S.NEUTRAL, legal_sub=LegalSub.OBSCENE),
    "legal_threat": Topic(C.LEGAL, S.NEGATIVE, (C.TOXIC,), legal_sub=LegalSub.THREAT),
    "legal_personal_rights": Topic(C.LEGAL, S.NEGATIVE, legal_sub=LegalSub.PERSONAL_RIGHTS),
    "legal_ip": Topic(C.LEGAL, S.NEUTRAL, (C.SPAM,), legal_sub=LegalSub.IP),
    "storm_angry": Topic(C.FEEDBACK, S.NEGATIVE, tone="neg"),
    "storm_question": Topic(C.QUESTION, S.NEGATIVE),
    "storm_toxic": Topic(C.TOXIC, S.NEGATIVE),
    "storm_meme": Topic(C.CREATIVE_CRITIQUE, S.MIXED),
    "reply_agree": Topic(C.NEUTRAL, S.NEUTRAL),
    "reply_answer": Topic(C.NEUTRAL, S.POSITIVE),
    "reply_fan": Topic(C.NEUTRAL, S.POSITIVE),
    "reply_defend": Topic(C.NEUTRAL, S.NEUTRAL),
    "reply_metoo": Topic(C.COMPLAINT, S.NEGATIVE),
    "reply_fact": Topic(C.NEUTRAL, S.NEUTRAL),
    "reply_doubt": Topic(C.QUESTION, S.NEUTRAL),
    "angry": Topic(C.COMPLAINT, S.NEGATIVE),
    "brand": Topic(C.NEUTRAL, S.NEUTRAL),
}

# Which brand reply corrects which claim.
CORRECTION_FOR: dict[str, str] = {
    "misinfo_animals": "correct_animals",
    "misinfo_politics": "correct_politics",
    "misinfo_yuzu": "correct_yuzu",
    "misinfo_recall": "correct_recall",
    "misinfo_outage": "correct_outage",
    "misinfo_price": "correct_price",
    "misinfo_milk": "correct_milk",
}

# Swearing in these texts makes a complaint also `toxic` (TAXONOMY.md: it stays a complaint).
SWEAR_MARKS: tuple[str, ...] = (
    "ㅅㅂ",
    "시1발",
    "ㅆㅂ",
    "ㅈㄴ",
    "개빡",
    "wtf",
    "f*ck",
    "sh*t",
    "bs",
    "Scheiß",
    "Verdammt",
    "Mist",
)


def demo_label(topic: str, strikes: int = 0, text: str = "") -> dict[str, Any]:
    """The intended TAXONOMY.md label of a text written for `topic` by an author with `strikes`."""
    meta = TOPIC_META[topic]
    primary = meta.primary
    secondary = list(meta.secondary)
    action = meta.action or PRIMARY_ACTION[primary]
    if topic == "angry" and any(mark in text for mark in SWEAR_MARKS):
        secondary.append(Category.TOXIC)
    if primary in (Category.TOXIC, Category.TROLL):
        if topic in ("toxic", "storm_toxic", "troll_heat") and strikes < 2:
            # The same heat from someone without a record is `toxic`, not `troll`.
            primary, secondary = Category.TOXIC, []
        elif primary == Category.TOXIC and strikes >= 2:
            primary, secondary = Category.TROLL, [Category.TOXIC]
        if strikes == 0:
            action = PRIMARY_ACTION[primary]
        else:
            action = moderation_action_for_strikes(strikes)
    return {
        "primary": primary.value,
        "secondary": [category.value for category in secondary],
        "sentiment": meta.sentiment.value,
        "action": action.value,
        "legal_sub": meta.legal_sub.value if meta.legal_sub else None,
    }
