"""Reminder texts: polite, personal, short, and never an argument."""

from __future__ import annotations

from collections.abc import Mapping

from comity.domain import Comment
from comity.netiquette.ruleset import Rule

# Greeting with and without a known handle.
_GREETING: dict[str, tuple[str, str]] = {
    "ko": ("{handle}님, 안녕하세요.", "안녕하세요."),
    "en": ("Hi {handle},", "Hi,"),
    "de": ("Hallo {handle},", "Hallo,"),
}
# Korean in 해요체; German with "du" unless `formal` (Facebook and e-mail use "Sie").
_BODY: dict[str, str] = {
    "ko": (
        "모두가 편하게 이야기할 수 있도록 커뮤니티 규칙을 안내해 드려요: {reason} "
        "함께 지켜 주시면 정말 고맙겠어요."
    ),
    "en": (
        "a friendly reminder of our community guidelines: {reason} "
        "Thanks for helping keep this a good place to talk."
    ),
    "de": (
        "ein kurzer Hinweis auf unsere Netiquette: {reason} "
        "Danke, dass du mithilfst, dass sich hier alle wohlfühlen."
    ),
    "de-formal": (
        "ein kurzer Hinweis auf unsere Netiquette: {reason} "
        "Vielen Dank, dass Sie mithelfen, dass sich hier alle wohlfühlen."
    ),
}
LANGS = ("ko", "en", "de")


def reminder_text(
    handle: str, reason: Mapping[str, str], lang: str | None, *, formal: bool = False
) -> str:
    """A reminder addressed to `handle`, naming the rule's reason in the author's language.

    Unknown languages get English; without a handle the greeting stays, unaddressed.
    """
    chosen = lang if lang in LANGS and reason.get(lang or "") else "en"
    text = " ".join(reason.get(chosen, "").split())
    if text and text[-1] not in ".!?":
        text += "."
    name = handle.strip().lstrip("@")
    with_handle, without = _GREETING[chosen]
    greeting = with_handle.format(handle=f"@{name}") if name else without
    body = _BODY["de-formal" if chosen == "de" and formal else chosen].format(reason=text)
    return f"{greeting} {body}"


def reminder_for(
    rule: Rule, comment: Comment, lang: str | None = None, *, formal: bool = False
) -> str:
    """The reminder for a comment that hit `rule`, in `lang` or else the comment's language."""
    return reminder_text(comment.author.handle, rule.reason, lang or comment.lang, formal=formal)
