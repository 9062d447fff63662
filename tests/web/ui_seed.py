"""Cases for the UI tests, stored through the real repositories (texts written for the tests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from comity.domain import (
    ActionKind,
    Author,
    Category,
    Comment,
    Plan,
    PlannedAction,
    Priority,
    Queue,
    Sentiment,
    Triage,
)
from comity.runtime.services import Services
from tests.store.inbox_data import store_cases

XSS = "<script>alert('xss')</script><img src=x onerror=alert(1)>"


@dataclass(frozen=True)
class Seed:
    key: str
    text: str
    queue: Queue = Queue.NEEDS_REPLY
    priority: Priority = Priority.P2
    due_minutes: int | None = 120
    category: Category = Category.QUESTION
    sentiment: Sentiment = Sentiment.NEUTRAL
    lang: str = "ko"
    channel: str = "instagram"
    handle: str = "minji"
    display_name: str = ""
    parent: str | None = None
    age_minutes: int = 30
    signals: dict[str, float] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()


def seed_cases(
    services: Services, seeds: list[Seed], now: datetime | None = None
) -> dict[str, int]:
    """Store comments, triage and plans; returns the case id of each seed's key."""
    now = now or datetime.now(UTC)
    return store_cases(
        services.comments,
        [
            (
                Comment(
                    channel=seed.channel,
                    external_id=seed.key,
                    author=Author(
                        channel=seed.channel, handle=seed.handle, display_name=seed.display_name
                    ),
                    text=seed.text,
                    created_at=now - timedelta(minutes=seed.age_minutes),
                    parent_external_id=seed.parent,
                    lang=seed.lang,
                ),
                Triage(
                    lang=seed.lang,
                    primary=seed.category,
                    sentiment=seed.sentiment,
                    signals=seed.signals,
                    reasons=seed.reasons,
                ),
                Plan(
                    actions=(PlannedAction(ActionKind.ANSWER),),
                    priority=seed.priority,
                    queue=seed.queue,
                    due_at=now + timedelta(minutes=seed.due_minutes)
                    if seed.due_minutes is not None
                    else None,
                    reason=f"plan for {seed.key}",
                ),
            )
            for seed in seeds
        ],
    )


def demo_seeds() -> list[Seed]:
    """A small, varied inbox: Korean first, one English and one German, a troll, an XSS try."""
    return [
        Seed(
            "q1",
            "유자에이드 언제 다시 나와요? 여름마다 기다려요",
            due_minutes=20,
            priority=Priority.P1,
            handle="minji",
            display_name="김민지",
            signals={"question": 0.91, "toxicity": 0.02},
            reasons=("question: asks when",),
        ),
        Seed(
            "c1",
            "배송이 2주째 안 와요. 환불해주세요",
            category=Category.COMPLAINT,
            sentiment=Sentiment.NEGATIVE,
            due_minutes=-15,
            handle="seoyeon",
        ),
        Seed("q2", "Where can I buy the black tumbler?", lang="en", channel="x", handle="sam"),
        Seed(
            "q3",
            "Gibt es die Yuzu-Limo auch in Hamburg?",
            lang="de",
            channel="facebook",
            handle="lena",
            due_minutes=300,
        ),
        Seed(
            "r1",
            "저도 궁금해요!",
            handle="jisoo",
            parent="q1",
            due_minutes=400,
            priority=Priority.P3,
        ),
        Seed(
            "t1",
            "이 회사 진짜 쓰레기네 꺼져라",
            queue=Queue.MODERATION,
            category=Category.TROLL,
            sentiment=Sentiment.NEGATIVE,
            handle="troll_king",
            due_minutes=60,
            signals={"toxicity": 0.93, "insult": 0.88},
        ),
        Seed(
            "x1",
            XSS + " 좋아요",
            queue=Queue.MODERATION,
            category=Category.SPAM,
            handle="<b>bold</b>" + "onerror=alert(2)",
            display_name=XSS,
            due_minutes=90,
            signals={"spam": 0.7},
            reasons=(XSS,),
        ),
    ]
