"""The everyday stream: passers-by on every channel, plus the personas who keep coming back."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from comity.demo.cast import ANGRY, FANS, SPAM_TOPIC, SPAMMERS, TROLLS, Persona
from comity.demo.channels import CHANNELS_BY_LANG, pick_post
from comity.demo.compose import TABLES
from comity.demo.storm import STORM_START
from comity.demo.stream import Stream
from comity.demo.timeline import N_DAYS, STORM_DAY, day, day_weight, local_moment

TOP_LEVEL_PER_DAY = 35

# Everyday mix of top-level topics: lots of praise, questions, campaign and chit-chat.
BASELINE_TOPICS: dict[str, float] = {
    "praise_like": 13,
    "praise_thank": 5,
    "praise_campaign": 7,
    "critique": 4,
    "question": 12,
    "question_campaign": 5,
    "complaint": 6,
    "complaint_swear": 1.5,
    "misinfo_animals": 0.5,
    "misinfo_politics": 0.4,
    "misinfo_yuzu": 1.0,
    "misinfo_recall": 1.2,
    "misinfo_outage": 0.8,
    "feedback_neu": 5,
    "feedback_pos": 2,
    "fan_content": 3,
    "fan_content_plain": 1,
    "campaign_ad": 5,
    "campaign_yuzu": 3,
    "campaign_giveaway": 5,
    "neutral": 7,
    "neutral_tag": 4,
    "toxic": 2.2,
    "troll_bait": 0.7,
    "legal_hate": 0.3,
    "legal_obscene": 0.3,
    "legal_threat": 0.3,
    "legal_personal_rights": 0.3,
    "legal_ip": 0.35,
}
# Product pages and the Kakao chat only see some kinds of comment.
ALLOWED: dict[str, frozenset[str]] = {
    "webshop_review": frozenset(
        {
            "praise_like",
            "praise_campaign",
            "critique",
            "question",
            "complaint",
            "complaint_swear",
            "feedback_neu",
            "feedback_pos",
            "misinfo_yuzu",
            "misinfo_recall",
            "legal_ip",
            "fan_content_plain",
            "toxic",
        }
    ),
    "kakao": frozenset(
        {
            "praise_like",
            "praise_thank",
            "praise_campaign",
            "question",
            "question_campaign",
            "complaint",
            "complaint_swear",
            "feedback_neu",
            "feedback_pos",
            "campaign_giveaway",
            "campaign_yuzu",
            "neutral",
            "misinfo_outage",
            "misinfo_recall",
            "toxic",
            "legal_threat",
        }
    ),
}
# Each legal sub-label appears at least this often whatever the dice say.
LEGAL_FLOOR: tuple[tuple[str, str, str, int], ...] = (
    ("legal_hate", "ko", "naver_cafe", 3),
    ("legal_hate", "de", "facebook", 10),
    ("legal_obscene", "ko", "instagram", 6),
    ("legal_obscene", "en", "x", 12),
    ("legal_threat", "ko", "kakao", 9),
    ("legal_threat", "en", "youtube", 17),
    ("legal_personal_rights", "ko", "naver_cafe", 13),
    ("legal_personal_rights", "de", "forum", 19),
    ("legal_ip", "ko", "webshop_review", 4),
    ("legal_ip", "en", "instagram", 15),
)
FAN_TOPICS: dict[str, float] = {
    "fan_content": 0.36,
    "praise_campaign": 0.18,
    "campaign_giveaway": 0.08,
    "campaign_ad": 0.08,
    "praise_like": 0.1,
    "praise_thank": 0.1,
    "question_campaign": 0.05,
    "feedback_pos": 0.05,
}


def _channel(stream: Stream, lang: str) -> str:
    options = CHANNELS_BY_LANG[lang]
    return stream.rng.choices([c for c, _ in options], weights=[w for _, w in options])[0]


def _topic(stream: Stream, channel: str) -> str:
    names, weights = list(BASELINE_TOPICS), list(BASELINE_TOPICS.values())
    allowed = ALLOWED.get(channel)
    if allowed is not None:
        kept = [(n, w) for n, w in zip(names, weights, strict=True) if n in allowed]
        names, weights = [n for n, _ in kept], [w for _, w in kept]
    return stream.rng.choices(names, weights=weights)[0]


def add_baseline(stream: Stream) -> None:
    """Passers-by and regulars, every day, in every language."""
    rng = stream.rng
    for index in range(N_DAYS):
        count = round(TOP_LEVEL_PER_DAY * day_weight(index) * rng.uniform(0.85, 1.15))
        for lang in stream.lang_mix(count):
            channel = _channel(stream, lang)
            topic = _topic(stream, channel)
            at = local_moment(rng, index, stream.zone(lang))
            stream.add(
                channel=channel, lang=lang, topic=topic, author=stream.author(lang, channel), at=at
            )
    for topic, lang, channel, index in LEGAL_FLOOR:
        at = local_moment(rng, index, stream.zone(lang))
        stream.add(
            channel=channel, lang=lang, topic=topic, author=stream.new_author(lang, channel), at=at
        )


def _days(stream: Stream, persona: Persona, first: int = 0) -> list[int]:
    return sorted(stream.rng.choices(range(first, N_DAYS), k=persona.posts))


def add_fans(stream: Stream) -> None:
    """Loyal fans: photos for the giveaway, praise, campaign love."""
    rng = stream.rng
    for fan in FANS:
        stream.used_handles.update((channel, fan.handle) for channel in fan.channels)
        for index in _days(stream, fan):
            channel = rng.choice(fan.channels)
            topic = rng.choices(list(FAN_TOPICS), weights=list(FAN_TOPICS.values()))[0]
            stream.add(
                channel=channel,
                lang=fan.lang,
                topic=topic,
                author=fan.author,
                at=local_moment(rng, index, stream.zone(fan.lang)),
            )


def add_trolls(stream: Stream) -> None:
    """Repeat offenders who bait first and turn abusive as their strikes pile up."""
    rng = stream.rng
    for troll in TROLLS:
        channel = troll.channels[0]
        stream.used_handles.add((channel, troll.handle))
        # They never miss a storm: one of their visits falls on the storm day.
        days = rng.sample([d for d in range(2, N_DAYS - 1) if d != STORM_DAY], troll.posts - 1)
        days = sorted([*days, STORM_DAY])
        for strikes, index in enumerate(days):
            topic = "troll_bait" if strikes < 2 else "troll_heat"
            at = local_moment(rng, index, stream.zone(troll.lang))
            if index == STORM_DAY:  # they pile on while the storm is hot
                topic = "storm_toxic"
                at = (STORM_START + timedelta(hours=rng.uniform(1.5, 8))).astimezone(at.tzinfo)
            # Half the time they derail someone else's thread.
            targets = [
                i
                for i, d in enumerate(stream.drafts)
                if d.channel == channel
                and d.parent is None
                and d.handle != troll.handle
                and timedelta(0) < at - d.at < timedelta(hours=30)
            ]
            parent = rng.choice(targets) if targets and rng.random() < 0.5 else None
            post = stream.drafts[parent].post if parent is not None else None
            stream.add(
                channel=channel,
                lang=troll.lang,
                topic=topic,
                author=troll.author,
                at=at,
                post=post,
                parent=parent,
                strikes=strikes,
                storm=index == STORM_DAY,
            )


def add_angry(stream: Stream) -> None:
    """Customers who return about the same unresolved problem; they get scripted texts."""
    rng = stream.rng
    for persona, visits in ANGRY:
        texts = TABLES[persona.lang].angry
        for (channel, index, hour), text in zip(visits, texts, strict=True):
            stream.used_handles.add((channel, persona.handle))
            zone = stream.zone(persona.lang)
            at = datetime.combine(
                day(index), time(hour, rng.randrange(60), rng.randrange(60)), tzinfo=zone
            )
            post = pick_post(rng, channel, index, None)
            stream.add(
                channel=channel,
                lang=persona.lang,
                topic="angry",
                author=persona.author,
                at=at,
                post=post,
                text=text,
            )


def add_spammers(stream: Stream) -> None:
    """Bots paste the same text again and again, at any hour."""
    rng = stream.rng
    for spammer in SPAMMERS:
        texts = TABLES[spammer.lang].spam[spammer.spam_key]
        topic = SPAM_TOPIC[spammer.spam_key]
        for index in _days(stream, spammer, first=1):
            channel = rng.choice(spammer.channels)
            stream.used_handles.add((channel, spammer.handle))
            at = datetime.combine(
                day(index),
                time(rng.randrange(24), rng.randrange(60), rng.randrange(60)),
                tzinfo=stream.zone(spammer.lang),
            )
            stream.add(
                channel=channel,
                lang=spammer.lang,
                topic=topic,
                author=spammer.author,
                at=at,
                text=rng.choice(texts),
            )
