"""Everything the lexicons and regexes find in one comment, gathered in one pass."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from comity.triage.lexicons import abuse, intent, legal, patterns, sentiment, spam
from comity.triage.lexicons.base import Lexicon
from comity.triage.lexicons.profile import BrandProfile, Fact, load_profile


@dataclass(slots=True)
class Cues:
    """Cue words by family plus the shape cues (personal data, links, questions)."""

    words: dict[str, list[str]]
    personal_data: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    risky_url: bool = False
    mentions: list[str] = field(default_factory=list)
    hashtags: list[str] = field(default_factory=list)
    messenger: bool = False
    money: bool = False
    order_no: bool = False
    stores: list[str] = field(default_factory=list)
    question_form: bool = False
    question_mark: bool = False
    rhetorical: bool = False
    impersonation: str | None = None
    misinformation: tuple[Fact, str] | None = None
    # The normalised text, for the sentiment lexicon's valence (worked out when asked).
    norm: str = ""
    _valence: float | None = field(default=None, init=False, repr=False, compare=False)
    # `has(family)`: whether a family was found. The dict's own bound method, not a
    # Python method: the decision asks it ~40 times per comment.
    has: Callable[[str], bool] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.has = self.words.__contains__

    def valence(self) -> float:
        """Signed strength of the English/German sentiment words (lexicons/sentiment.py).

        Computed on the first call: only comments whose category has no tone of its own
        need it, so a complaint or an insult never pays for it.
        """
        if self._valence is None:
            found = self.words.get("valence")
            self._valence = sentiment.valence(found, self.norm) if found else 0.0
        return self._valence

    def of(self, family: str, k: int = 3) -> list[str]:
        """Up to `k` words of a family, for reasons."""
        return self.words.get(family, [])[:k]


class CueFinder:
    """Compiled lexicons and a brand profile; `find` is cheap enough to run per comment."""

    def __init__(self, profile: BrandProfile) -> None:
        self.profile = profile
        families: dict[str, list[str]] = {}
        for module in (legal, abuse, spam, intent, sentiment):
            families.update(module.FAMILIES)
        families["campaign"] = list(profile.campaign_cues) + list(profile.campaign_hashtags)
        families["campaign_context"] = list(profile.campaign_context_cues)
        families["brand"] = list(profile.names)
        # The sentiment words are read as a set (`sentiment.valence` finds their places).
        self.lexicon = Lexicon(families, unordered=sentiment.FAMILIES)
        # "하늘커피: …" marks a reply written by the brand itself.
        self.reply_prefixes = tuple(f"{name}:" for name in profile.names)

    def find(self, text: str, norm: str) -> Cues:
        """Scan the raw text (for shapes) and the normalised text (for words)."""
        cues = Cues(words=self.lexicon.scan(norm), norm=norm)
        if ("." in text or ":" in text) and patterns.URL_HINT.search(text):
            cues.urls = [m.group(0) for m in patterns.URL.finditer(text)]
            cues.risky_url = any(patterns.RISKY_URL.search(u) for u in cues.urls)
        if patterns.DIGIT.search(text):
            four = patterns.FOUR_DIGITS.search(text) is not None
            personal = []
            if four or "+" in text:
                personal = [m.group(0) for m in patterns.PHONE.finditer(text)]
            if four:
                personal += [m.group(0) for m in patterns.RRN.finditer(text)]
            if patterns.ADDRESS_GATE.any_in(text) and patterns.ADDRESS_HINT.search(text):
                personal += [m.group(0) for m in patterns.ADDRESS.finditer(text)]
            cues.personal_data = personal
            folded = text.casefold()
            cues.money = patterns.MONEY_GATE.any_in(folded) and bool(patterns.MONEY.search(text))
            cues.order_no = (
                four and patterns.ORDER_GATE.any_in(folded) and bool(patterns.ORDER_NO.search(text))
            )
        elif "○" in text:
            cues.personal_data = [m.group(0) for m in patterns.ADDRESS.finditer(text)]
        if "@" in text:
            if patterns.EMAIL_HINT.search(text):
                emails = [m.group(0) for m in patterns.EMAIL.finditer(text)]
                cues.personal_data += [e for e in emails if not self._is_brand_email(e)]
            cues.mentions = [m.group(0) for m in patterns.MENTION.finditer(text)]
        if "#" in text:
            cues.hashtags = [m.group(0).casefold() for m in patterns.HASHTAG.finditer(text)]
        cues.messenger = "messenger" in cues.words
        if patterns.STORE_GATE.any_in(norm):
            cues.stores = [
                m.group(0)
                for m in patterns.STORE.finditer(norm)
                if m.group(0) not in patterns.NOT_STORE
            ]
        cues.question_mark = "?" in norm or "？" in norm
        cues.question_form = patterns.question_form(norm)
        if cues.question_mark or cues.question_form or "question" in cues.words:
            cues.rhetorical = bool(patterns.RHETORICAL.search(norm))
        if "@" in norm or "brand" in cues.words:
            cues.impersonation = self.profile.impersonation(text, norm)
        cues.misinformation = self.profile.misinformation(norm)
        return cues

    def _is_brand_email(self, email: str) -> bool:
        domain = email.rsplit("@", 1)[-1].casefold()
        return any(h in domain for h in self.profile.official_handles)


@cache
def default_finder() -> CueFinder:
    """The finder for the bundled demo brand profile."""
    return CueFinder(load_profile())
