"""Replies: the brand's social team answering, and other users chiming in."""

from __future__ import annotations

from datetime import timezone

from comity.demo.cast import SPAMMERS
from comity.demo.channels import BRAND_AUTHOR, BRAND_AUTHOR_DE
from comity.demo.compose import TABLES
from comity.demo.stream import Draft, Stream
from comity.demo.timeline import (
    CEST,
    KST,
    START,
    STORM_DAY,
    brand_reply_time,
    in_range,
    user_reply_time,
)
from comity.demo.topics import CORRECTION_FOR, demo_label

# How likely the team answers a comment of each topic (the storm overwhelms them on day 15).
BRAND_ODDS: dict[str, float] = {
    "question": 0.5,
    "question_campaign": 0.5,
    "storm_question": 0.35,
    "complaint": 0.8,
    "complaint_swear": 0.8,
    "angry": 0.85,
    "fan_content": 0.4,
    "fan_content_plain": 0.4,
    "praise_thank": 0.45,
    "praise_like": 0.05,
    "praise_campaign": 0.06,
    "feedback_neu": 0.3,
    "feedback_pos": 0.3,
    "storm_angry": 0.12,
    "critique": 0.3,
    "storm_meme": 0.2,
    "toxic": 0.12,
}
MISINFO_ODDS = 0.55
STORM_MISINFO_ODDS = (0.22, 0.45)  # on the storm day, afterwards

# (chance of a first user reply, what they write)
USER_REPLIES: dict[str, tuple[float, dict[str, float]]] = {
    "question": (0.3, {"reply_answer": 0.6, "reply_agree": 0.4}),
    "question_campaign": (0.25, {"reply_answer": 0.5, "reply_agree": 0.5}),
    "complaint": (0.25, {"reply_metoo": 0.6, "reply_agree": 0.4}),
    "complaint_swear": (0.3, {"reply_metoo": 0.5, "reply_agree": 0.5}),
    "angry": (0.35, {"reply_metoo": 0.5, "reply_agree": 0.5}),
    "misinfo": (0.4, {"reply_fact": 0.35, "reply_doubt": 0.3, "echo": 0.35}),
    "storm_angry": (0.3, {"reply_agree": 0.7, "reply_fact": 0.3}),
    "storm_question": (0.4, {"reply_fact": 0.6, "echo": 0.4}),
    "fan_content": (0.45, {"reply_fan": 1.0}),
    "fan_content_plain": (0.4, {"reply_fan": 1.0}),
    "toxic": (0.4, {"reply_defend": 0.7, "toxic": 0.3}),
    "storm_toxic": (0.3, {"reply_defend": 0.6, "toxic": 0.4}),
    "troll_bait": (0.45, {"reply_defend": 0.7, "toxic": 0.3}),
    "troll_heat": (0.45, {"reply_defend": 0.8, "toxic": 0.2}),
    "neutral_tag": (0.3, {"reply_agree": 1.0}),
    "campaign_giveaway": (0.15, {"reply_fan": 1.0}),
    "praise_like": (0.08, {"reply_agree": 1.0}),
    "praise_campaign": (0.1, {"reply_agree": 1.0}),
    "critique": (0.3, {"reply_agree": 1.0}),
    "storm_meme": (0.35, {"reply_agree": 1.0}),
    "legal": (0.2, {"reply_defend": 1.0}),
}
MORE_REPLIES = 0.35
PHISHING_ON_FAN_POSTS = 0.15
_FAKE_EVENT = next(s for s in SPAMMERS if s.spam_key == "fake_event")


def _brand_key(draft: Draft) -> str:
    topic = draft.topic
    if topic in CORRECTION_FOR:
        return CORRECTION_FOR[topic]
    if topic == "storm_question":
        lowered = draft.text.lower()
        if any(word in lowered for word in ("우유", "milk", "milch")):
            return "correct_milk"
        if any(word in lowered for word in ("텀블러", "tumbler", "becher")):
            return "correct_recall"
        return "correct_price"
    return {
        "complaint": "help",
        "complaint_swear": "help",
        "angry": "help",
        "fan_content": "fan",
        "fan_content_plain": "fan",
        "feedback_neu": "record",
        "feedback_pos": "record",
        "storm_angry": "correct_price",
        "critique": "critique",
        "storm_meme": "critique",
        "toxic": "remind",
    }.get(topic, "thank" if topic.startswith("praise") else "question_generic")


def _frame(stream: Stream, draft: Draft, body: str, formal: bool) -> str:
    """Greet the person by name now and then, and sign off; keeps replies from looking canned."""
    frame = TABLES[draft.lang].brand_frame
    if not frame:
        return body
    rng = stream.rng
    name = draft.handle
    if isinstance(draft.author, dict) and draft.lang == "de":
        name = draft.author["name"].split(" ")[0]
    elif draft.channel == "x":
        name = "@" + name
    greet = rng.choice(frame["greet_formal" if formal else "greet"]).format(name=name)
    sign = rng.choice(frame["sign_formal" if formal else "sign"])
    return f"{greet}{body}{sign}"


def _brand_odds(draft: Draft) -> float:
    if draft.topic in CORRECTION_FOR:
        if not draft.storm:
            return MISINFO_ODDS
        on_storm_day = (draft.at.astimezone(KST).date() - START).days == STORM_DAY
        return STORM_MISINFO_ODDS[0 if on_storm_day else 1]
    if draft.topic == "toxic" and draft.strikes:
        return 0.0
    return BRAND_ODDS.get(draft.topic, 0.0)


def _brand_reply(stream: Stream, index: int) -> int | None:
    rng = stream.rng
    draft = stream.drafts[index]
    if rng.random() >= _brand_odds(draft):
        return None
    tables = TABLES[draft.lang]
    key = _brand_key(draft)
    informal = draft.lang == "de" and draft.channel in ("instagram", "forum")
    if draft.answer:
        body = draft.answer
    else:
        pool = (tables.brand_informal.get(key) if informal else None) or tables.brand[key]
        body = rng.choice(pool)
    formal = not informal if draft.lang == "de" else key == "help"
    text = _frame(stream, draft, body, formal)
    zone: timezone = CEST if draft.lang == "de" else KST
    urgent = key == "help" or key.startswith("correct")
    at = brand_reply_time(rng, draft.at, zone, urgent)
    if not in_range(at):
        return None
    author = BRAND_AUTHOR_DE if draft.channel == "facebook" else BRAND_AUTHOR
    reply = stream.add(
        channel=draft.channel,
        lang=draft.lang,
        topic="brand",
        author=dict(author),
        at=at,
        post=draft.post,
        text=text,
        parent=index,
    )
    stream.drafts[reply].from_brand = True
    return reply


def _family(topic: str) -> str:
    if topic in CORRECTION_FOR:
        return "misinfo"
    return "legal" if topic.startswith("legal_") else topic


def _user_replies(stream: Stream, index: int) -> None:
    rng = stream.rng
    draft = stream.drafts[index]
    odds, kinds = USER_REPLIES.get(_family(draft.topic), (0.0, {}))
    chance = odds
    while rng.random() < chance:
        kind = rng.choices(list(kinds), weights=list(kinds.values()))[0]
        topic = kind
        if kind == "echo":
            topic = draft.topic if draft.topic in CORRECTION_FOR else "misinfo_price"
        at = user_reply_time(rng, draft.at, stream.zone(draft.lang))
        if not in_range(at):
            return
        author = stream.author(draft.lang, draft.channel)
        if author == draft.author:
            continue
        stream.add(
            channel=draft.channel,
            lang=draft.lang,
            topic=topic,
            author=author,
            at=at,
            post=draft.post,
            parent=index,
            storm=draft.storm and kind == "echo",
        )
        chance = MORE_REPLIES


def _phishing(stream: Stream, index: int) -> None:
    """The fake giveaway account answers fans' photos with a 'you won' link."""
    rng = stream.rng
    draft = stream.drafts[index]
    if draft.topic != "fan_content" or draft.channel != "instagram" or draft.lang != "ko":
        return
    if rng.random() >= PHISHING_ON_FAN_POSTS:
        return
    at = user_reply_time(rng, draft.at, KST)
    if in_range(at):
        stream.add(
            channel=draft.channel,
            lang="ko",
            topic="spam_delete",
            author=_FAKE_EVENT.handle,
            at=at,
            post=draft.post,
            text=TABLES["ko"].spam["fake_event"][0],
            parent=index,
        )


def _angry_follow_ups(stream: Stream) -> None:
    """A returning customer answers in the thread where the brand last replied to them."""
    for draft in stream.drafts:
        if draft.topic != "angry" or draft.parent is not None:
            continue
        earlier = [
            i
            for i, d in enumerate(stream.drafts)
            if d.from_brand
            and d.channel == draft.channel
            and d.at < draft.at
            and d.parent is not None
            and stream.drafts[d.parent].handle == draft.handle
        ]
        if earlier:
            latest = max(earlier, key=lambda i: stream.drafts[i].at)
            draft.parent = latest
            draft.post = stream.drafts[latest].post
            draft.label = demo_label("angry", 0, draft.text)


def add_threads(stream: Stream) -> None:
    """Replies to everything written so far (replies are not replied to, except below)."""
    for index in range(len(stream.drafts)):
        if stream.drafts[index].from_brand or stream.drafts[index].topic.startswith("spam"):
            continue
        _brand_reply(stream, index)
        _user_replies(stream, index)
        _phishing(stream, index)
    _angry_follow_ups(stream)
