"""The shape every language's phrase tables share, so the generator stays language-blind."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class LanguageTables:
    """Hand-written phrase parts for one language; templates use `{slot}` names from `vocab`."""

    lang: str
    vocab: Mapping[str, tuple[str, ...]]
    openers: Mapping[str, tuple[str, ...]]  # by tone: pos, neg, neu
    closers: Mapping[str, tuple[str, ...]]
    emoji: Mapping[str, tuple[str, ...]]
    topics: Mapping[str, tuple[str, ...]]
    extras: Mapping[str, tuple[str, ...]]  # optional second sentences, by tone
    qa: tuple[tuple[str, str], ...]  # (question, brand answer) share their slots
    qa_campaign: tuple[tuple[str, str], ...]
    brand: Mapping[str, tuple[str, ...]]
    angry: tuple[str, ...]  # the returning customer's posts, in order
    spam: Mapping[str, tuple[str, ...]]  # spammer key -> the texts they paste
    # German speaks to customers with "du" on Instagram and the forum, "Sie" elsewhere.
    brand_informal: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Questions asked under web-shop products, with answers.
    qa_shop: tuple[tuple[str, str], ...] = ()
    # Greetings and sign-offs around brand replies: greet, greet_formal, sign, sign_formal.
    brand_frame: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


# Every language must fill these topics; tests check it.
USER_TOPICS: tuple[str, ...] = (
    "praise_like",
    "praise_thank",
    "praise_campaign",
    "critique",
    "complaint",
    "complaint_swear",
    "misinfo_animals",
    "misinfo_politics",
    "misinfo_yuzu",
    "misinfo_recall",
    "misinfo_outage",
    "misinfo_price",
    "misinfo_milk",
    "feedback_neu",
    "feedback_pos",
    "fan_content",
    "fan_content_plain",
    "campaign_ad",
    "campaign_yuzu",
    "campaign_giveaway",
    "neutral",
    "neutral_tag",
    "toxic",
    "troll_bait",
    "troll_heat",
    "legal_hate",
    "legal_obscene",
    "legal_threat",
    "legal_personal_rights",
    "legal_ip",
    "storm_angry",
    "storm_question",
    "storm_toxic",
    "storm_meme",
    "reply_agree",
    "reply_answer",
    "reply_fan",
    "reply_defend",
    "reply_metoo",
    "reply_fact",
    "reply_doubt",
)
BRAND_TOPICS: tuple[str, ...] = (
    "help",
    "correct_price",
    "correct_milk",
    "correct_recall",
    "correct_animals",
    "correct_politics",
    "correct_yuzu",
    "correct_outage",
    "thank",
    "fan",
    "remind",
    "record",
    "critique",
    "question_generic",
)
