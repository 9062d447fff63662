"""The stream under construction: drafts of comments and the shared helpers that add them."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from comity.demo.cast import AuthorValue, handle_of, make_author
from comity.demo.channels import Post, campaign_tag, pick_post
from comity.demo.compose import TABLES, decorate, fill, slots_for
from comity.demo.timeline import START, zone_for
from comity.demo.topics import TOPIC_META, demo_label

# Passers-by only; tuned so the whole stream (with storm, personas, replies) is 60/25/15.
LANG_SHARE: dict[str, float] = {"ko": 0.595, "en": 0.265, "de": 0.14}
MISSING_LANG_SHARE = 0.2  # rows without `lang`, so language identification has work


@dataclass(slots=True)
class Draft:
    """One comment before ids are assigned; `parent` indexes `Stream.drafts`."""

    channel: str
    lang: str
    topic: str
    author: AuthorValue
    at: datetime
    post: Post
    text: str
    label: dict[str, Any]
    parent: int | None = None
    media: int = 0
    answer: str = ""  # what the brand would say to this question
    from_brand: bool = False
    storm: bool = False
    strikes: int = 0
    show_lang: bool = True

    @property
    def handle(self) -> str:
        return handle_of(self.author)


@dataclass(slots=True)
class Stream:
    """All drafts plus the regulars each language draws its authors from."""

    rng: random.Random
    drafts: list[Draft] = field(default_factory=list)
    regulars: dict[tuple[str, str], list[AuthorValue]] = field(default_factory=dict)
    used_handles: set[tuple[str, str]] = field(default_factory=set)

    def new_author(self, lang: str, channel: str) -> AuthorValue:
        """Someone who has not commented on `channel` before."""
        for _ in range(50):
            author = make_author(self.rng, lang, channel)
            key = (channel, handle_of(author))
            if key not in self.used_handles:
                self.used_handles.add(key)
                return author
        raise RuntimeError("ran out of fresh handles")  # pragma: no cover

    def author(self, lang: str, channel: str, regular_share: float = 0.3) -> AuthorValue:
        """Mostly passers-by, sometimes one of the channel's regulars."""
        pool = self.regulars.setdefault((lang, channel), [])
        if len(pool) < 25:
            pool.append(self.new_author(lang, channel))
        if self.rng.random() < regular_share:
            return pool[min(int(self.rng.expovariate(1 / 10)), len(pool) - 1)]
        return self.new_author(lang, channel)

    def friends(self, lang: str) -> list[str]:
        return [handle_of(make_author(self.rng, lang, "instagram")) for _ in range(3)]

    def write(self, lang: str, topic: str, tag: str, channel: str = "") -> tuple[str, str]:
        """A fresh text for `topic` and, for questions, the brand's matching answer."""
        tables = TABLES[lang]
        slots = slots_for(self.rng, tables, tag, self.friends(lang))
        if topic in ("question", "question_campaign"):
            pairs = tables.qa if topic == "question" else tables.qa_campaign
            if channel == "webshop_review" and tables.qa_shop:
                pairs = tables.qa_shop  # product pages get product questions
            question, answer = self.rng.choice(pairs)
            return decorate(self.rng, lang, topic, fill(question, slots)), fill(answer, slots)
        if topic.startswith("spam_") or topic == "angry":
            raise ValueError(f"{topic} texts are scripted, not composed")
        lead = fill(self.rng.choice(tables.topics[topic]), slots)
        return decorate(self.rng, lang, topic, lead), ""

    def add(
        self,
        *,
        channel: str,
        lang: str,
        topic: str,
        author: AuthorValue,
        at: datetime,
        post: Post | None = None,
        text: str | None = None,
        parent: int | None = None,
        strikes: int = 0,
        storm: bool = False,
    ) -> int:
        """Add a comment; text, post and label follow from the topic unless given."""
        if post is None:
            campaign = bool(TOPIC_META[topic].secondary) or topic.startswith(("campaign", "fan"))
            post = pick_post(self.rng, channel, (at.date() - START).days, campaign or None)
        answer = ""
        if text is None:
            text, answer = self.write(lang, topic, campaign_tag(lang), channel)
        media = 0
        if TOPIC_META[topic].media:
            media = self.rng.choice((1, 1, 1, 2, 3))
        elif topic in ("complaint", "angry") and self.rng.random() < 0.15:
            media = 1
        draft = Draft(
            channel=channel,
            lang=lang,
            topic=topic,
            author=author,
            at=at,
            post=post,
            text=text,
            label=demo_label(topic, strikes, text),
            parent=parent,
            media=media,
            answer=answer,
            storm=storm,
            strikes=strikes,
            show_lang=self.rng.random() >= MISSING_LANG_SHARE,
        )
        self.drafts.append(draft)
        return len(self.drafts) - 1

    def lang_mix(self, count: int) -> list[str]:
        """`count` languages in the target shares, shuffled (steadier than a draw per comment)."""
        langs: list[str] = []
        for lang, share in LANG_SHARE.items():
            langs += [lang] * round(count * share)
        langs = (langs + ["ko"] * count)[:count]
        self.rng.shuffle(langs)
        return langs

    def zone(self, lang: str) -> timezone:
        return zone_for(lang, self.rng)
