"""Synthetic event streams for detector tests: day/night rhythm, storms, spikes."""

from __future__ import annotations

import math
import random

from comity.monitoring.events import Event

START = 1_782_864_000.0  # 2026-07-01 00:00 UTC, a Wednesday
CHANNELS = ("instagram", "youtube", "naver_cafe", "x")
COMPLAINTS = (
    "my order is late again",
    "the app logged me out and my stamps are gone",
    "coffee was cold today",
    "delivery took two hours",
    "store was closed at 9 even though it says 22",
)
PRAISE = ("love this", "best latte ever", "so pretty", "great service today")


def hourly_rate(at: float, base: float) -> float:
    """Comments per hour: low at night, high in the day, busier on weekdays."""
    hour = (at % 86400) / 3600
    day = 0.25 + 0.75 * max(0.0, math.sin(math.pi * (hour - 6) / 16)) if 6 <= hour <= 22 else 0.25
    return base * day


def background(
    days: float, base: float = 60.0, neg_share: float = 0.15, seed: int = 1, start: float = START
) -> list[Event]:
    """Poisson arrivals following the rhythm; a share of them are ordinary complaints."""
    rng = random.Random(seed)
    events: list[Event] = []
    at = start
    end = start + days * 86400
    peak = base
    while True:
        at += rng.expovariate(peak / 3600)
        if at >= end:
            return events
        if rng.random() > hourly_rate(at, base) / peak:
            continue  # thinning: keeps the rhythm exact
        negative = rng.random() < neg_share
        text = rng.choice(COMPLAINTS) + f" {rng.randint(1, 9)}" if negative else rng.choice(PRAISE)
        events.append(
            Event(
                at=at,
                channel=rng.choice(CHANNELS),
                author=f"user{rng.randint(1, 5000)}",
                negative=negative,
                text=text if negative else "",
                first_time=rng.random() < 0.2,
            )
        )


def burst(
    start: float,
    minutes: float,
    per_hour: float,
    *,
    negative: bool = True,
    channels: tuple[str, ...] = CHANNELS,
    text: str | None = "they raised every price by 1000 won, even iced drinks",
    seed: int = 2,
    campaign: str | None = None,
) -> list[Event]:
    """Extra comments at a constant rate: a storm (negative) or a spike (positive)."""
    rng = random.Random(seed)
    events = []
    at = start
    while True:
        at += rng.expovariate(per_hour / 3600)
        if at >= start + minutes * 60:
            return events
        events.append(
            Event(
                at=at,
                channel=rng.choice(channels),
                author=f"new{rng.randint(1, 10**6)}",
                negative=negative,
                misinfo=negative,
                text=(
                    f"{text or rng.choice(COMPLAINTS)} {rng.choice(['!!', 'wtf', 'seriously', ''])}"
                    if negative
                    else ""
                ),
                first_time=True,
                campaign=campaign,
            )
        )


def merged(*streams: list[Event]) -> list[Event]:
    return sorted((e for s in streams for e in s), key=lambda e: e.at)
