"""The committed Haneul demo stream: valid records with the shape the product owner asked for."""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter, defaultdict
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from comity.demo.generate import DEFAULT_OUT, render
from comity.demo.summary import summarize
from comity.domain.taxonomy import ActionKind, Category, LegalSub, Sentiment
from comity.ingest.records import parse_record

Record = dict[str, Any]
KOREAN_CHANNELS = {"naver_cafe", "kakao", "webshop_review", "instagram", "youtube"}
STORM_DATE = "2026-07-15"


@cache
def _records() -> tuple[Record, ...]:
    lines = DEFAULT_OUT.read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines)


@pytest.fixture()
def records() -> tuple[Record, ...]:
    return _records()


def handle(record: Record) -> str:
    author = record["author"]
    return str(author["handle"] if isinstance(author, dict) else author)


def lang(record: Record) -> str:
    return str(record.get("lang") or record["demo_lang"])


def local_date(record: Record) -> str:
    return str(record["created_at"][:10])


def test_every_line_parses_as_an_import_record(records: tuple[Record, ...]) -> None:
    for record in records:
        comment = parse_record(record)
        assert comment.created_at.tzinfo is not None
        assert comment.extra["demo_label"] == record["demo_label"]
        assert re.search(r"[+-]\d\d:\d\d$", record["created_at"]), "offset must be explicit"


def test_size_span_and_channels(records: tuple[Record, ...]) -> None:
    assert len(records) >= 1500
    dates = {local_date(record) for record in records}
    assert dates == {f"2026-07-{day:02d}" for day in range(1, 22)}
    channels = Counter(record["channel"] for record in records)
    assert len(channels) >= 6
    assert set(channels) == {
        "instagram",
        "youtube",
        "facebook",
        "x",
        "naver_cafe",
        "kakao",
        "forum",
        "webshop_review",
    }


def test_language_shares_and_missing_lang(records: tuple[Record, ...]) -> None:
    shares = Counter(lang(record) for record in records)
    for code, target in (("ko", 60), ("en", 25), ("de", 15)):
        assert abs(100 * shares[code] / len(records) - target) <= 5, (code, shares)
    missing = sum("lang" not in record for record in records) / len(records)
    assert 0.12 <= missing <= 0.28


def test_languages_live_on_their_channels(records: tuple[Record, ...]) -> None:
    by_lang: dict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        by_lang[lang(record)][record["channel"]] += 1
    assert set(by_lang["ko"]) <= KOREAN_CHANNELS
    german = by_lang["de"]
    assert sum(german[c] for c in ("facebook", "instagram", "forum")) == sum(german.values())
    english = by_lang["en"]
    assert sum(english[c] for c in ("x", "youtube", "instagram")) / sum(english.values()) > 0.8
    for record in records:
        offset = record["created_at"][-6:]
        if lang(record) == "ko":
            assert offset == "+09:00"
        if lang(record) == "de":
            assert offset in ("+01:00", "+02:00")


def test_every_category_and_legal_sub_label_is_present(records: tuple[Record, ...]) -> None:
    labels = [record["demo_label"] for record in records]
    assert {label["primary"] for label in labels} == {category.value for category in Category}
    subs = {label["legal_sub"] for label in labels if label["legal_sub"]}
    assert subs == {sub.value for sub in LegalSub}
    for label in labels:
        assert set(label) == {"primary", "secondary", "sentiment", "action", "legal_sub"}
        Category(label["primary"])
        Sentiment(label["sentiment"])
        ActionKind(label["action"])
        assert label["primary"] not in label["secondary"]
        assert all(Category(secondary) for secondary in label["secondary"])
        assert (label["legal_sub"] is not None) == (label["primary"] == "legal")


def test_proportions_look_like_a_real_community(records: tuple[Record, ...]) -> None:
    users = [record for record in records if not record.get("from_brand")]
    counts = Counter(record["demo_label"]["primary"] for record in users)
    common = ("praise", "question", "neutral")
    rare = ("legal", "troll")
    assert min(counts[c] for c in common) > 3 * max(counts[c] for c in rare)
    assert counts["campaign"] + sum("campaign" in r["demo_label"]["secondary"] for r in users) > 150


def test_actions_follow_the_taxonomy_conventions(records: tuple[Record, ...]) -> None:
    allowed = {
        "praise": {"like", "thank"},
        "creative_critique": {"showcase"},
        "question": {"answer"},
        "complaint": {"help"},
        "misinformation": {"correct"},
        "feedback": {"record"},
        "fan_content": {"share"},
        "toxic": {"remind", "hide", "mute", "ban"},
        "troll": {"monitor", "hide", "mute", "ban"},
        "spam": {"hide", "delete"},
        "legal": {"remove"},
        "campaign": {"like"},
        "neutral": {"none"},
    }
    for record in records:
        label = record["demo_label"]
        assert label["action"] in allowed[label["primary"]], record
        strikes = record.get("demo_strikes", 0)
        if label["primary"] == "toxic":
            assert strikes < 2
        if label["primary"] in ("toxic", "troll") and strikes:
            expected = "ban" if strikes >= 5 else "mute" if strikes >= 3 else "hide"
            assert label["action"] == expected


def test_brand_replies_are_marked_and_neutral(records: tuple[Record, ...]) -> None:
    brand = [record for record in records if record.get("from_brand")]
    assert len(brand) > 100
    for record in brand:
        assert handle(record) == "haneulcoffee"
        assert "parent" in record
        assert record["demo_label"]["primary"] == "neutral"
        assert record["demo_label"]["action"] == "none"
    assert not any(handle(r) == "haneulcoffee" for r in records if not r.get("from_brand"))


def test_replies_point_to_older_comments_on_the_same_channel(records: tuple[Record, ...]) -> None:
    seen: dict[tuple[str, str], datetime] = {}
    replies = 0
    for record in records:
        key = (record["channel"], record["external_id"])
        assert key not in seen, f"duplicate external id {key}"
        created = datetime.fromisoformat(record["created_at"])
        if "parent" in record:
            replies += 1
            parent_at = seen.get((record["channel"], record["parent"]))
            assert parent_at is not None, f"parent of {key} missing or not older"
            assert parent_at < created
        seen[key] = created
    assert replies > 300


def test_repeat_authors(records: tuple[Record, ...]) -> None:
    posts = Counter(
        (record["channel"], handle(record)) for record in records if not record.get("from_brand")
    )
    assert sum(count >= 5 for count in posts.values()) >= 15
    fans = [r for r in records if r["demo_label"]["primary"] == "fan_content" and r.get("media")]
    fan_posts = Counter(handle(record) for record in fans)
    assert fan_posts.most_common(1)[0][1] >= 4
    assert all(url.startswith("https://") for record in fans for url in record["media"])
    assert any("#여름엔비바" in record["text"] for record in fans)


def test_trolls_escalate_and_the_angry_customer_returns(records: tuple[Record, ...]) -> None:
    ladders: dict[str, list[str]] = defaultdict(list)
    for record in records:
        if record["demo_label"]["primary"] == "troll":
            ladders[handle(record)].append(record["demo_label"]["action"])
    escalating = [steps for steps in ladders.values() if len(steps) >= 5]
    assert len(escalating) >= 3
    for steps in escalating:
        assert steps[0] in ("monitor", "hide") and steps[-1] in ("mute", "ban")
    complaints = Counter(handle(r) for r in records if r["demo_label"]["primary"] == "complaint")
    angry, count = complaints.most_common(1)[0]
    assert count >= 5
    assert len({r["channel"] for r in records if handle(r) == angry}) >= 3


def test_spammers_paste_the_same_text(records: tuple[Record, ...]) -> None:
    spam = Counter(r["text"] for r in records if r["demo_label"]["primary"] == "spam")
    assert spam.most_common(1)[0][1] >= 5
    assert sum(count >= 3 for count in spam.values()) >= 5


def test_storm_day_spikes_spreads_and_decays(records: tuple[Record, ...]) -> None:
    negative = Counter(local_date(r) for r in records if r["demo_label"]["sentiment"] == "negative")
    median = statistics.median(negative[f"2026-07-{day:02d}"] for day in range(1, 22))
    assert negative[STORM_DATE] >= 5 * median
    assert negative[STORM_DATE] > negative["2026-07-16"] > negative["2026-07-17"]
    storm = [r for r in records if r.get("demo_storm") and local_date(r) == STORM_DATE]
    assert len({r["channel"] for r in storm if r["demo_label"]["sentiment"] == "negative"}) >= 3
    first = min(storm, key=lambda r: datetime.fromisoformat(r["created_at"]))
    assert first["channel"] == "naver_cafe"
    onset: dict[str, datetime] = {}
    for record in storm:
        at = datetime.fromisoformat(record["created_at"])
        onset[record["channel"]] = min(at, onset.get(record["channel"], at))
    assert (max(onset.values()) - min(onset.values())).total_seconds() >= 3 * 3600


def test_storm_brings_first_timers_and_repeated_false_claims(records: tuple[Record, ...]) -> None:
    before: set[tuple[str, str]] = set()
    first_timers = storm_authors = 0
    for record in records:
        key = (record["channel"], handle(record))
        if record.get("demo_storm") and local_date(record) == STORM_DATE:
            storm_authors += 1
            first_timers += key not in before
        before.add(key)
    assert first_timers / storm_authors >= 0.6
    claims = [
        r["text"]
        for r in records
        if r.get("demo_storm") and r["demo_label"]["primary"] == "misinformation"
    ]
    assert len(claims) >= 60
    assert len(set(claims)) >= len(claims) // 2  # the same claim, in variations
    assert sum("1000" in text or "천원" in text for text in claims) >= 30


def test_night_is_quieter_and_weekends_busier(records: tuple[Record, ...]) -> None:
    hours = Counter(int(record["created_at"][11:13]) for record in records)
    night = sum(hours[h] for h in range(1, 7)) / 6
    day = sum(hours[h] for h in range(11, 23)) / 12
    assert night * 3 < day
    per_day = Counter(local_date(r) for r in records if not r.get("demo_storm"))
    weekend = [per_day[d] for d in per_day if datetime.fromisoformat(d).weekday() >= 5]
    weekday = [
        per_day[d]
        for d in per_day
        if datetime.fromisoformat(d).weekday() < 5
        and d not in (STORM_DATE, "2026-07-16", "2026-07-17")
    ]
    assert statistics.mean(weekend) > statistics.mean(weekday)


def test_texts_vary_except_where_repetition_is_the_point(records: tuple[Record, ...]) -> None:
    texts = [
        r["text"]
        for r in records
        if not r.get("from_brand")
        and not r.get("demo_storm")
        and r["demo_label"]["primary"] != "spam"
        and len(r["text"]) > 15
    ]
    assert len(set(texts)) / len(texts) >= 0.75


def test_personal_data_and_links_are_fictional(records: tuple[Record, ...]) -> None:
    for record in records:
        text = record["text"]
        for phone in re.findall(r"\d{3,4}-\d{4}-\d{4}|\d{4}-\d{7}", text):
            assert re.fullmatch(r"010-0000-\d{4}|0170-0000000", phone), phone
        for host in re.findall(r"([a-z0-9.-]+\.[a-z]{2,})/", text):
            assert host.endswith(".example"), host
        for url in record.get("media", []):
            assert url.startswith("https://cdn.example.com/")


def test_regeneration_is_byte_identical() -> None:
    committed = Path(DEFAULT_OUT).read_bytes()
    assert render().encode("utf-8") == committed


def test_docs_show_the_current_numbers(records: tuple[Record, ...]) -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "demo.md"
    assert summarize(list(records)) in docs.read_text(encoding="utf-8")
