"""Emerging topics: paraphrases of one claim cluster together, unrelated complaints do not."""

from __future__ import annotations

import json

from comity.monitoring.topics import TopicTracker

PRICE = [
    "오늘부터 전메뉴 1000원 인상이래요 실화냐",
    "전메뉴 1000원 인상이라니 아이스까지 다 올랐대요",
    "아이스까지 1000원씩 올렸대요 진짜 너무하네",
    "전메뉴 1000원 인상 맞대요? 아이스도?",
]
OTHER = ["배송이 일주일째 안 와요", "앱 로그인이 또 안 돼요 짜증나", "직원이 너무 불친절했어요"]


def _assign(tracker: TopicTracker, texts: list[str], start: float) -> list[int]:
    return [
        tracker.assign(start + i, text, f"a{start + i}", "naver_cafe", {"text": text}, True).id
        for i, text in enumerate(texts)
    ]


def test_paraphrases_of_one_claim_share_a_topic() -> None:
    tracker = TopicTracker()
    price = _assign(tracker, PRICE, 0)
    other = _assign(tracker, OTHER, 100)
    assert len(set(price)) == 1
    assert len(set(other)) == len(OTHER) and not set(other) & set(price)
    label = tracker.label(price[0])
    assert "1000원" in label or "인상" in label or "아이스까지" in label


def test_state_round_trips_through_json() -> None:
    tracker = TopicTracker()
    _assign(tracker, PRICE[:2], 0)
    copy = TopicTracker.from_dict(json.loads(json.dumps(tracker.to_dict())))
    first = tracker.assign(10, PRICE[2], "x", "youtube", {"text": PRICE[2]}, True)
    second = copy.assign(10, PRICE[2], "x", "youtube", {"text": PRICE[2]}, True)
    assert first.id == second.id and tracker.to_dict() == copy.to_dict()
