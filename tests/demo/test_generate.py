"""The generator's parts: complete phrase tables, labels by the taxonomy, the command line."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from comity.demo.compose import TABLES, decorate, slots_for
from comity.demo.generate import build_records, main, render
from comity.demo.tables import BRAND_TOPICS, USER_TOPICS
from comity.demo.topics import TOPIC_META, demo_label


def _slots(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("lang", ["ko", "en", "de"])
def test_every_language_fills_every_topic(lang: str) -> None:
    tables = TABLES[lang]
    assert set(USER_TOPICS) <= set(tables.topics)
    assert set(BRAND_TOPICS) <= set(tables.brand)
    assert tables.qa and tables.qa_campaign and tables.angry and tables.spam
    known = set(tables.vocab) | {"tag", "friend", "order"}
    templates = [t for pool in tables.topics.values() for t in pool]
    templates += [t for pair in (*tables.qa, *tables.qa_campaign, *tables.qa_shop) for t in pair]
    for template in templates:
        assert _slots(template) <= known, template


@pytest.mark.parametrize("lang", ["ko", "en", "de"])
def test_answers_use_only_slots_their_question_has(lang: str) -> None:
    tables = TABLES[lang]
    for question, answer in (*tables.qa, *tables.qa_campaign, *tables.qa_shop):
        assert _slots(answer) <= _slots(question) | {"tag"}, question


def test_friend_tags_name_different_people() -> None:
    rng = random.Random(3)
    slots = slots_for(rng, TABLES["en"], "#SummerVibes", ["ann", "bo", "cy"])
    text = "{friend} {friend} {friend}".format_map(slots)
    assert sorted(text.split()) == ["@ann", "@bo", "@cy"]


def test_decorate_keeps_hashtags_and_mentions_intact() -> None:
    rng = random.Random(7)
    for _ in range(300):
        text = decorate(rng, "ko", "campaign_giveaway", "#여름엔비바 참여합니다! @a_1 @b_2")
        assert "#여름엔비바 " in text and "@a_1 @b_2" in text


def test_labels_follow_the_strike_ladder() -> None:
    assert demo_label("toxic")["action"] == "remind"
    assert demo_label("toxic", strikes=1)["action"] == "hide"
    heated = demo_label("troll_heat", strikes=3)
    assert (heated["primary"], heated["secondary"]) == ("troll", ["toxic"])
    assert heated["action"] == "mute"
    assert demo_label("troll_heat", strikes=0)["primary"] == "toxic"
    assert demo_label("troll_bait", strikes=5)["action"] == "ban"
    assert demo_label("angry", text="아 ㅅㅂ 3주째")["secondary"] == ["toxic"]
    assert demo_label("legal_ip")["legal_sub"] == "legal.ip"
    assert all(meta.primary.value for meta in TOPIC_META.values())


def test_same_seed_same_stream_other_seed_other_stream() -> None:
    assert render(11) == render(11)
    assert build_records(11)[0] != build_records(12)[0]


def test_command_line_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "demo.jsonl"
    assert main(["--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == render()
