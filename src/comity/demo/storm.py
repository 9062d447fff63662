"""The shitstorm of 15 July: false price claims start in the Naver Cafe and spread for hours.

Facts (DEMO_BRAND.md): only hot drinks rose by 300 won on 1 June. The storm repeats three false
claims in many variations (all drinks +1000 won, imported milk, every tumbler recalled), mostly by
first-time authors, then decays over the next two days.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from comity.demo.channels import POSTS, Post
from comity.demo.stream import Stream
from comity.demo.timeline import CEST, KST, STORM_DAY, day, local_moment

STORM_START = datetime.combine(day(STORM_DAY), time(10, 40), tzinfo=KST)

# channel -> (hours after the start it reaches the channel, share of the burst, languages)
SPREAD: dict[str, tuple[float, float, tuple[tuple[str, float], ...]]] = {
    "naver_cafe": (0.0, 0.26, (("ko", 1.0),)),
    "instagram": (0.7, 0.24, (("ko", 0.7), ("en", 0.15), ("de", 0.15))),
    "youtube": (1.3, 0.12, (("ko", 0.8), ("en", 0.2))),
    "kakao": (1.9, 0.07, (("ko", 1.0),)),
    "x": (2.6, 0.16, (("en", 1.0),)),
    "facebook": (4.0, 0.1, (("de", 1.0),)),
    "forum": (5.2, 0.05, (("de", 0.6), ("en", 0.4))),
}
STORM_TOPICS: dict[str, float] = {
    "misinfo_price": 0.36,
    "misinfo_milk": 0.16,
    "misinfo_recall": 0.13,
    "storm_angry": 0.14,
    "storm_question": 0.1,
    "storm_toxic": 0.06,
    "storm_meme": 0.05,
}
BURST = 128  # comments on the storm day itself
AFTERMATH = ((STORM_DAY + 1, 42), (STORM_DAY + 2, 14))
FIRST_TIMER_SHARE = 0.85

# Where the storm plays out on each channel: the post people pile onto.
STORM_POSTS: dict[str, str] = {
    "naver_cafe": "49105",
    "instagram": "C9GhJ3nBc5t",
    "youtube": "Yt3sKe8Rw0J",
    "kakao": "kmsg-0714",
    "x": "1812894433221100004",
    "facebook": "1029384756120902",
    "forum": "1482",
}


def _post(channel: str, index: int) -> Post:
    if channel == "naver_cafe" and index > STORM_DAY + 1:
        return next(p for p in POSTS if p.code == "49288")
    if channel == "forum" and index > STORM_DAY:
        return next(p for p in POSTS if p.code == "1544")
    if channel == "facebook" and index > STORM_DAY:
        return next(p for p in POSTS if p.code == "1029384756121377")
    return next(p for p in POSTS if p.code == STORM_POSTS[channel])


def _one(stream: Stream, channel: str, index: int, at: datetime | None) -> None:
    rng = stream.rng
    langs = SPREAD[channel][2]
    lang = rng.choices([lang for lang, _ in langs], weights=[w for _, w in langs])[0]
    # The English storm comes mostly from expats in Korea, where it started.
    in_korea = lang == "ko" or (lang == "en" and rng.random() < 0.6)
    zone = KST if in_korea else CEST if lang == "de" else stream.zone(lang)
    moment = at.astimezone(zone) if at is not None else local_moment(rng, index, zone)
    topic = rng.choices(list(STORM_TOPICS), weights=list(STORM_TOPICS.values()))[0]
    if rng.random() < FIRST_TIMER_SHARE:
        author = stream.new_author(lang, channel)
    else:
        author = stream.author(lang, channel, regular_share=1.0)
    stream.add(
        channel=channel,
        lang=lang,
        topic=topic,
        author=author,
        at=moment,
        post=_post(channel, index),
        storm=True,
    )


def add_storm(stream: Stream) -> None:
    """The burst on the storm day, then two days of aftermath."""
    rng = stream.rng
    # Patient zero: one post in the Naver Cafe's price thread.
    opener = stream.new_author("ko", "naver_cafe")
    stream.add(
        channel="naver_cafe",
        lang="ko",
        topic="misinfo_price",
        author=opener,
        at=STORM_START,
        post=_post("naver_cafe", STORM_DAY),
        storm=True,
        text="오늘부터 전메뉴 1000원 인상이래요 아이스까지 다 올랐다고 함 실화냐",
    )
    channels = list(SPREAD)
    shares = [SPREAD[channel][1] for channel in channels]
    for _ in range(BURST):
        channel = rng.choices(channels, weights=shares)[0]
        onset = SPREAD[channel][0]
        # Each channel flares up fast after the claim arrives, then cools over hours.
        hours = onset + min(rng.expovariate(1 / 2.2), 9.0)
        _one(stream, channel, STORM_DAY, STORM_START + timedelta(hours=hours))
    for index, count in AFTERMATH:
        for _ in range(count):
            _one(stream, rng.choices(channels, weights=shares)[0], index, None)
