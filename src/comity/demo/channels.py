"""The brand's channels in the demo: where each language talks, the posts, ids and URLs."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass

# Where each language comments, and how much (weights).
CHANNELS_BY_LANG: dict[str, tuple[tuple[str, float], ...]] = {
    "ko": (
        ("instagram", 0.27),
        ("naver_cafe", 0.22),
        ("youtube", 0.17),
        ("kakao", 0.16),
        ("webshop_review", 0.18),
    ),
    "en": (("x", 0.38), ("youtube", 0.25), ("instagram", 0.3), ("forum", 0.07)),
    "de": (("facebook", 0.45), ("instagram", 0.3), ("forum", 0.25)),
}

BRAND_AUTHOR: dict[str, str] = {"handle": "haneulcoffee", "name": "Haneul Coffee 하늘커피"}
BRAND_AUTHOR_DE: dict[str, str] = {"handle": "haneulcoffee", "name": "Haneul Coffee Deutschland"}


@dataclass(frozen=True, slots=True)
class Post:
    """A brand post (or product page) people comment on."""

    channel: str
    day: int
    desc: str
    code: str
    campaign: bool = False


POSTS: tuple[Post, ...] = (
    Post("instagram", 0, "Reel: Viva Yuzu Ade is back for summer", "C8yZa1kLq2x", True),
    Post(
        "instagram",
        2,
        "Tumbler giveaway: post your photo with the campaign hashtag",
        "C8zQe7HnW0b",
        True,
    ),
    Post("instagram", 5, "Dancing polar bear TV ad, full version", "C9AbT4mYp3k", True),
    Post("instagram", 8, "Summer dessert pairing carousel", "C9CkR2wXv8d"),
    Post("instagram", 12, "Behind the scenes: the polar bear suit", "C9FfU6sLa1q", True),
    Post("instagram", 14, "Photo of the summer menu board", "C9GhJ3nBc5t"),
    Post("instagram", 16, "Giveaway week 3 winners", "C9HnP8vDe2m", True),
    Post("youtube", 0, "Dancing polar bear TV ad (30 s)", "hNc8Bq2Xy4E", True),
    Post("youtube", 6, "How to make Viva Yuzu Ade at home", "Pq7zLm1Vt9A", True),
    Post("youtube", 13, "Barista vlog: a day at the Gangnam flagship", "Yt3sKe8Rw0J"),
    Post("youtube", 18, "Polar bear dance tutorial", "Zx5gHu2Nb6L", True),
    Post(
        "facebook", 1, "Viva Yuzu Ade now in Berlin, Hamburg and Munich", "1029384756120031", True
    ),
    Post("facebook", 7, "Giveaway: a tumbler for your campaign photo", "1029384756120458", True),
    Post("facebook", 11, "New store opened in Hamburg-Altona", "1029384756120902"),
    Post("facebook", 15, "Our summer menu at a glance", "1029384756121377"),
    Post("x", 0, "Viva Yuzu Ade launch post", "1808112233445566001", True),
    Post("x", 4, "Polar bear ad clip", "1809553311224466002", True),
    Post("x", 9, "App update: faster stamp sync", "1811338877665544003"),
    Post("x", 14, "Summer menu and prices thread", "1812894433221100004"),
    Post("x", 19, "Giveaway reminder", "1814667788990011005", True),
    Post("naver_cafe", 0, "Notice: #여름엔비바 event guide", "48213", True),
    Post("naver_cafe", 3, "Free board: summer drink reviews", "48377"),
    Post("naver_cafe", 10, "Q&A: tumbler recall and exchanges", "48920"),
    Post("naver_cafe", 14, "Free board: menu price talk", "49105"),
    Post("naver_cafe", 16, "Notice: the facts on prices and milk", "49288"),
    Post("kakao", 0, "Channel message: Viva Yuzu Ade 1+1 coupon", "kmsg-0701", True),
    Post("kakao", 7, "Channel message: tumbler giveaway reminder", "kmsg-0708", True),
    Post("kakao", 13, "Channel message: weekday morning set", "kmsg-0714"),
    Post("webshop_review", 0, "Product: summer tumbler 473 ml", "summer-tumbler-473", True),
    Post("webshop_review", 0, "Product: House Blend beans 500 g", "house-blend-500"),
    Post("webshop_review", 0, "Product: Goheung yuzu syrup", "goheung-yuzu-syrup", True),
    Post("webshop_review", 0, "Product: drip bag set (20)", "drip-bag-20"),
    Post("forum", 0, "Topic: Summer menu 2026 feedback", "1482"),
    Post("forum", 3, "Topic: App stamps not syncing", "1497"),
    Post("forum", 8, "Topic: Campaign photo thread", "1521", True),
    Post("forum", 15, "Topic: Price changes, what actually changed?", "1544"),
)

_ALNUM = string.ascii_letters + string.digits


def posts_for(channel: str, day: int) -> list[Post]:
    """Posts live on `day` (the channel's first post if none is yet)."""
    live = [post for post in POSTS if post.channel == channel and post.day <= day]
    return live or [next(post for post in POSTS if post.channel == channel)]


def pick_post(rng: random.Random, channel: str, day: int, campaign: bool | None) -> Post:
    """A live post, recent ones favoured; campaign topics prefer campaign posts."""
    posts = posts_for(channel, day)
    weights = []
    for post in posts:
        weight = 1.0 / (1.0 + (day - post.day) / 3.0)
        if campaign is not None and post.campaign == campaign:
            weight *= 4.0
        weights.append(weight)
    return rng.choices(posts, weights=weights)[0]


def campaign_tag(lang: str) -> str:
    return "#여름엔비바" if lang == "ko" else "#SummerVibes"


def external_id(channel: str, post: Post, seq: int, rng: random.Random) -> str:
    """A realistic-looking comment id; `seq` is the running number within the post."""
    if channel == "instagram":
        return f"ig_18{rng.randrange(10**14, 10**15)}{seq % 10}"
    if channel == "youtube":
        body = "".join(rng.choice(_ALNUM) for _ in range(15))
        return f"yt_Ugz{body}4AaABAg"
    if channel == "facebook":
        return f"fb_{post.code}_{rng.randrange(10**15, 10**16)}"
    if channel == "x":
        return f"x_18{rng.randrange(10**16, 10**17)}"
    if channel == "naver_cafe":
        return f"nc_{post.code}_{seq}"
    if channel == "kakao":
        return "kk_" + "".join(rng.choice("0123456789abcdef") for _ in range(12))
    if channel == "forum":
        return f"forum_{post.code}_p{seq + 1}"
    return f"rv_{rng.randrange(10**7, 10**8)}"


def comment_url(channel: str, post: Post, comment_id: str, handle: str) -> str | None:
    """The comment's address on its channel (KakaoTalk chats have none)."""
    raw = comment_id.split("_", 1)[1]
    if channel == "instagram":
        return f"https://www.instagram.com/p/{post.code}/c/{raw}/"
    if channel == "youtube":
        return f"https://www.youtube.com/watch?v={post.code}&lc={raw}"
    if channel == "facebook":
        return f"https://www.facebook.com/haneulcoffee.de/posts/{post.code}?comment_id={raw.split('_')[1]}"
    if channel == "x":
        return f"https://x.com/{handle}/status/{raw}"
    if channel == "naver_cafe":
        return f"https://cafe.naver.com/haneulcoffee/{post.code}"
    if channel == "forum":
        return f"https://community.haneulcoffee.example/t/{post.code}/{raw.rsplit('_p', 1)[1]}"
    if channel == "webshop_review":
        return f"https://shop.haneulcoffee.example/products/{post.code}#review-{raw}"
    return None


def media_urls(rng: random.Random, channel: str, count: int) -> list[str]:
    """Photo URLs on a made-up CDN."""
    return [
        f"https://cdn.example.com/haneul-demo/{channel}/{rng.randrange(10**9, 10**10)}.jpg"
        for _ in range(count)
    ]
