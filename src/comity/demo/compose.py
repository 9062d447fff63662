"""Compose comment texts from phrase parts so that few texts repeat exactly."""

from __future__ import annotations

import random
import re

from comity.demo import phrases_de, phrases_en, phrases_ko
from comity.demo.tables import LanguageTables
from comity.demo.topics import TOPIC_META

TABLES: dict[str, LanguageTables] = {
    "ko": phrases_ko.TABLES,
    "en": phrases_en.TABLES,
    "de": phrases_de.TABLES,
}

# Topics that get openers, closers and a second sentence; short replies and spam stay bare.
_DECORATED = frozenset(
    {
        "praise_like",
        "praise_thank",
        "praise_campaign",
        "critique",
        "question",
        "question_campaign",
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
        "storm_angry",
        "storm_question",
    }
)
_EXTRA_OK = frozenset(
    {"praise_like", "praise_thank", "complaint", "complaint_swear", "feedback_neu", "question"}
)

_KO_SWAPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("진짜", ("ㄹㅇ", "레알", "찐", "진짜진짜")),
    ("너무", ("넘", "너무너무", "개")),
    ("인정", ("ㅇㅈ", "인정합니다")),
    ("감사합니다", ("감사함다", "ㄱㅅㄱㅅ", "감사해요")),
    ("맛있어요", ("맛있어용", "존맛", "맛있음")),
    ("그래도", ("그래두", "그치만")),
    ("ㅋㅋ", ("ㅋㅋㅋㅋ", "ㅋㅋㅋㅋㅋㅋ", "ㅎㅎ")),
)
_SENTENCE_END = re.compile(r"[.!?~]$")


def slots_for(
    rng: random.Random, tables: LanguageTables, tag: str, friends: list[str]
) -> dict[str, str]:
    """One random value per slot; `friends` are @handles for tagging."""
    slots = {name: rng.choice(values) for name, values in tables.vocab.items()}
    slots["tag"] = tag
    slots["order"] = str(rng.randrange(20000, 29999))
    return _FriendSlots(slots, friends, rng)


class _FriendSlots(dict[str, str]):
    """Each `{friend}` in a template tags a different person."""

    def __init__(self, base: dict[str, str], friends: list[str], rng: random.Random) -> None:
        super().__init__(base)
        self._friends = list(friends)
        self._rng = rng

    def __missing__(self, key: str) -> str:
        if key != "friend":
            raise KeyError(key)
        if not self._friends:
            return "@friend"
        return "@" + self._friends.pop(self._rng.randrange(len(self._friends)))


def fill(template: str, slots: dict[str, str]) -> str:
    return template.format_map(slots)


def _join(lang: str, first: str, second: str) -> str:
    if not second:
        return first
    if lang == "ko":
        return f"{first} {second}"
    glue = " " if _SENTENCE_END.search(first) else ". "
    return (
        f"{first}{glue}{second[0].upper()}{second[1:]}"
        if lang == "de"
        else f"{first}{glue}{second}"
    )


def decorate(rng: random.Random, lang: str, topic: str, lead: str) -> str:
    """Add an opener, a second sentence, a closer and emoji, then the language's quirks."""
    tables = TABLES[lang]
    tone = TOPIC_META[topic].tone if topic in TOPIC_META else "neu"
    text = lead
    if topic in _DECORATED:
        if rng.random() < 0.35:
            opener = rng.choice(tables.openers[tone])
            if opener:
                text = opener + (_lower_first(text) if lang == "en" else text)
        if topic in _EXTRA_OK and rng.random() < 0.25:
            text = _join(lang, text, rng.choice(tables.extras[tone]))
        if rng.random() < 0.4:
            text = _close(lang, text, rng.choice(tables.closers[tone]))
        if rng.random() < 0.3:
            text = f"{text} {rng.choice(tables.emoji[tone])}"
    return _quirks(rng, lang, text.strip())


def _close(lang: str, text: str, closer: str) -> str:
    if not closer:
        return text
    if lang == "ko":
        return f"{text} {closer}"
    if closer[1:2].isupper() and not _SENTENCE_END.search(text):
        return f"{text}.{closer}"  # a closer that is its own sentence
    return text + closer


def _lower_first(text: str) -> str:
    """Casual lower-case start, but keep "I", names and hashtags."""
    first = text.split(" ", 1)[0]
    if first in ("I", "I'm", "I'd", "I'll") or first.startswith(
        ("Viva", "Haneul", "English", "PSA")
    ):
        return text
    return text[0].lower() + text[1:]


def _quirks(rng: random.Random, lang: str, text: str) -> str:
    if lang == "ko":
        for word, options in _KO_SWAPS:
            if word in text and rng.random() < 0.3:
                text = text.replace(word, rng.choice(options), 1)
        roll = rng.random() if "@" not in text and "#" not in text else 1.0
        if roll < 0.06 and len(text) < 30:
            text = text.replace(" ", "")  # 띄어쓰기 생략
        elif roll < 0.18:
            text = "".join(ch for ch in text if ch != " " or rng.random() > 0.25)
        return text
    if lang == "en":
        roll = rng.random()
        if roll < 0.15:
            text = text.lower()
        elif roll < 0.45:
            text = _lower_first(text)
        if text.endswith(".") and rng.random() < 0.5:
            text = text[:-1]
        return text
    if rng.random() < 0.08:
        text = text.lower()
    if text.endswith("!") and rng.random() < 0.3:
        text += "!!"
    return text
