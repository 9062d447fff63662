"""What a rule file may say: keys, actions, signals, operators (shared by loader and docs)."""

from __future__ import annotations

import re
from datetime import timedelta

from comity.domain.taxonomy import Category, LegalSub

LANGS: tuple[str, ...] = ("ko", "en", "de")

FILE_KEYS: tuple[str, ...] = ("version", "ladder", "strikes", "rules")
STRIKES_KEYS: tuple[str, ...] = ("decay",)
RULE_KEYS: tuple[str, ...] = (
    "id", "severity", "reason", "action", "duration", "queue", "label", "strike",
    "enabled", "public", "channels", "note", "match",
)  # fmt: skip

# Every action a rule may take, weakest first for the ladder comparison.
ACTIONS: tuple[str, ...] = (
    "remind", "hide", "delete", "mute", "ban", "escalate", "flag", "label",
)  # fmt: skip
# Actions that count as a strike unless the rule says `strike: false`.
STRIKING_ACTIONS = frozenset({"hide", "delete", "mute", "ban"})
# Actions the ladder may raise (and ladder steps may name), weakest first.
LADDER_ACTIONS: tuple[str, ...] = ("remind", "hide", "delete", "mute", "ban")
# Options each action needs; other options are errors.
ACTION_OPTIONS: dict[str, str | None] = {
    "remind": None, "hide": None, "delete": None, "mute": "duration", "ban": None,
    "escalate": None, "flag": "queue", "label": "label",
}  # fmt: skip

SIGNALS: tuple[str, ...] = (
    "toxicity", "insult", "profanity", "identity_attack", "threat", "sexually_explicit",
    "spam", "sentiment_positive", "sentiment_neutral", "sentiment_negative", "question",
    "complaint", "feedback", "fact_claim", "humour",
)  # fmt: skip
OPERATORS: tuple[str, ...] = (">=", ">", "<=", "<")

CATEGORIES: tuple[str, ...] = tuple(c.value for c in Category)
LEGAL_SUBS: tuple[str, ...] = tuple(s.value for s in LegalSub)

COMBINATORS: tuple[str, ...] = ("all", "any", "not")
LEAVES: tuple[str, ...] = (
    "text.words", "text.phrases", "text.regex", "signal", "category", "category_any",
    "legal_sub", "channel", "author.strikes", "author.account_age_days", "has_links",
    "link_domains", "has_media", "repeated", "campaign", "lang",
)  # fmt: skip
CONDITION_KEYS: tuple[str, ...] = COMBINATORS + LEAVES

SEVERITY_WORDS: dict[str, int] = {"low": 2, "medium": 3, "high": 4}

# Long patterns are hard to review and slow; nested quantifiers can backtrack for ages.
MAX_REGEX_LENGTH = 300
# Regexes see at most this much of a comment, so one huge paste cannot stall the stage.
MAX_REGEX_TEXT = 10_000
# `repeated` ignores texts shorter than this: people say ㅋㅋㅋ or "thanks!" again innocently.
MIN_REPEATED_LENGTH = 8

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_DURATION_RE = re.compile(r"^\s*(\d{1,6})\s*([smhdw])\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(value: object) -> timedelta | None:
    """`7d`, `12h`, `30m`, `2w`, `45s` as a timedelta; None when malformed or zero."""
    if not isinstance(value, str):
        return None
    match = _DURATION_RE.match(value)
    if not match or int(match.group(1)) == 0:
        return None
    return timedelta(seconds=int(match.group(1)) * _UNITS[match.group(2)])


def format_duration(value: timedelta) -> str:
    """An exact short form of a duration (`7d`, `36h`); days, not weeks, as people say "7-day"."""
    seconds = int(value.total_seconds())
    for unit in ("d", "h", "m"):
        if seconds % _UNITS[unit] == 0:
            return f"{seconds // _UNITS[unit]}{unit}"
    return f"{seconds}s"
