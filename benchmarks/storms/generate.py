"""Scenario streams with known storm onsets, in the import schema with triage fields.

Background: a Korean brand with a day/night rhythm in KST, busier weekends and a Monday
morning rush, on six channels, ~12 % ordinary complaints. Storms add negative comments at
(k - 1) times the brand's normal negative rate for that hour (so the total is k times
normal), ramping up linearly over `ramp` minutes, holding, then fading; 80 % of their
authors are new, 15 % of their comments are defenders (not negative). Shapes: one channel,
cross-channel (spreading to a new channel every 20 minutes) or one topic (a single claim
family everywhere; the other shapes mix two). Hard negatives: a campaign spike (10x traffic,
usual share of usual complaints), a giveaway flood of fan posts (20x), a Monday morning.

    python -m benchmarks.storms.generate --kind storm --seed 3 > stream.jsonl
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from benchmarks.storms.vocabulary import CLAIMS, COMPLAINTS, FAN_POSTS, NEUTRAL, PRAISE, TAILS

START = datetime(2026, 6, 1, tzinfo=UTC).timestamp()  # a Monday
DAY = 86400.0
KST = 9 * 3600
CHANNELS = {
    "instagram": 0.3,
    "youtube": 0.15,
    "naver_cafe": 0.2,
    "x": 0.15,
    "facebook": 0.1,
    "kakao": 0.1,
}
LANGS = {"ko": 0.7, "en": 0.2, "de": 0.1}
NEG_SHARE = 0.12


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    seed: int
    days: float = 18.0
    base: float = 180.0  # comments per hour at the daily peak
    kind: str = "background"  # background | storm | campaign_spike | giveaway | monday
    multiple: float = 0.0  # storms: total negative rate as a multiple of normal
    ramp: float = 30.0  # minutes to full strength
    hold: float = 120.0  # minutes at full strength
    shape: str = "cross_channel"  # one_channel | cross_channel | one_topic
    onset: float = 0.0  # epoch seconds (storms and hard negatives)

    @property
    def end(self) -> float:
        return START + self.days * DAY

    @property
    def window_end(self) -> float:
        """Until when an alert still belongs to the event (fade-out included)."""
        return self.onset + (self.ramp + self.hold + 120 + 180) * 60


def rhythm(at: float) -> float:
    """Share of the daily peak rate at this moment (KST day, weekends, Monday rush)."""
    local = at + KST
    hour = (local % DAY) / 3600
    weekday = int((local - START - KST) // DAY + 0) % 7  # 0 = Monday (START is a Monday)
    day = 0.12 + 0.88 * math.sin(math.pi * (hour - 7) / 17) ** 2 if 7 <= hour <= 24 else 0.12
    if weekday >= 5:
        day *= 1.2
    if weekday == 0 and 8 <= hour < 11:
        day *= 2.2  # everyone checks the app on Monday morning
    return min(day, 2.5)


def _pick(rng: random.Random, table: dict[str, float]) -> str:
    return rng.choices(list(table), weights=list(table.values()))[0]


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.count = 0
        self.regulars = [f"fan{i}" for i in range(3000)]

    def record(
        self,
        at: float,
        channel: str,
        lang: str,
        text: str,
        sentiment: str,
        primary: str,
        author: str | None = None,
        campaign: str | None = None,
    ) -> dict[str, Any]:
        self.count += 1
        record: dict[str, Any] = {
            "channel": channel,
            "external_id": f"{channel[:2]}{self.count}",
            "author": author or self.rng.choice(self.regulars),
            "text": text,
            "created_at": datetime.fromtimestamp(at, UTC).isoformat(),
            "lang": lang,
            "triage": {"sentiment": sentiment, "primary": primary},
        }
        if campaign:
            record["context"] = {"campaign": campaign}
        return record

    def background(
        self,
        at: float,
        channel: str | None = None,
        neg_share: float = NEG_SHARE,
        campaign: str | None = None,
    ) -> dict[str, Any]:
        rng = self.rng
        channel = channel or _pick(rng, CHANNELS)
        lang = _pick(rng, LANGS)
        roll = rng.random()
        if roll < neg_share:
            text = rng.choice(COMPLAINTS[lang]).format(n=rng.randint(2, 9))
            return self.record(at, channel, lang, text, "negative", "complaint", campaign=campaign)
        if roll < neg_share + 0.5:
            return self.record(
                at, channel, lang, rng.choice(PRAISE[lang]), "positive", "praise", campaign=campaign
            )
        return self.record(
            at, channel, lang, rng.choice(NEUTRAL[lang]), "neutral", "neutral", campaign=campaign
        )

    def claim(self, at: float, channel: str, family: str) -> dict[str, Any]:
        rng = self.rng
        lang = _pick(rng, LANGS)
        texts = CLAIMS[family][lang]
        text = rng.choice(texts).format(a=rng.choice([1000, 1000, 1000, 500])) + rng.choice(TAILS)
        author = f"new{self.count}" if rng.random() < 0.8 else None
        if rng.random() < 0.15:  # defenders and bystanders
            return self.record(
                at, channel, lang, rng.choice(NEUTRAL[lang]), "neutral", "neutral", author
            )
        primary = "misinformation" if family in ("price", "recall", "data") else "complaint"
        return self.record(at, channel, lang, text, "negative", primary, author)


def _arrivals(
    rng: random.Random, start: float, end: float, peak: float, rate: Any
) -> Iterator[float]:
    """Poisson arrivals with intensity rate(t) <= peak (per hour), by thinning."""
    at = start
    while True:
        at += rng.expovariate(peak / 3600)
        if at >= end:
            return
        if rng.random() * peak < rate(at):
            yield at


def _storm_rate(s: Scenario, at: float) -> float:
    """Extra negative comments per hour at `at`: (k - 1) x normal negatives, ramped."""
    minutes = (at - s.onset) / 60
    if minutes < 0:
        return 0.0
    if minutes < s.ramp:
        strength = minutes / s.ramp
    elif minutes < s.ramp + s.hold:
        strength = 1.0
    else:
        strength = max(0.0, 1 - (minutes - s.ramp - s.hold) / 120)
    return (s.multiple - 1) * s.base * rhythm(s.onset) * NEG_SHARE * strength


def generate(s: Scenario) -> Iterator[dict[str, Any]]:
    """Records in time order."""
    rng = random.Random(s.seed)
    writer = _Writer(rng)
    streams: list[Iterator[tuple[float, int, Any]]] = []

    def tagged(times: Iterator[float], tag: int) -> Iterator[tuple[float, int, Any]]:
        for at in times:
            yield at, tag, None

    streams.append(
        tagged(_arrivals(rng, START, s.end, s.base * 2.5, lambda t: s.base * rhythm(t)), 0)
    )
    if s.kind == "storm":
        peak = max(_storm_rate(s, s.onset + s.ramp * 60), 1.0)
        streams.append(
            tagged(_arrivals(rng, s.onset, s.window_end, peak, lambda t: _storm_rate(s, t)), 1)
        )
    elif s.kind == "campaign_spike":
        rate = 9 * s.base * rhythm(s.onset)
        streams.append(tagged(_arrivals(rng, s.onset, s.onset + 4 * 3600, rate, lambda t: rate), 2))
    elif s.kind == "giveaway":
        rate = 19 * s.base * rhythm(s.onset)
        streams.append(tagged(_arrivals(rng, s.onset, s.onset + 6 * 3600, rate, lambda t: rate), 3))
    channels = list(CHANNELS)
    rng.shuffle(channels)
    families = list(CLAIMS)
    rng.shuffle(families)
    merged = sorted((item for stream in streams for item in stream), key=lambda x: x[0])
    for at, tag, _ in merged:
        if tag == 0:
            yield writer.background(at)
        elif tag == 1:
            if s.shape == "one_channel":
                channel = channels[0]
            else:
                reached = 1 + int((at - s.onset) // 1200)
                channel = rng.choice(channels[: min(reached, len(channels))])
            family = families[0] if s.shape == "one_topic" or rng.random() < 0.7 else families[1]
            yield writer.claim(at, channel, family)
        elif tag == 2:
            yield writer.background(at, campaign="#SummerVibes")
        else:
            lang = _pick(rng, LANGS)
            if rng.random() < 0.05:
                yield writer.record(
                    at,
                    _pick(rng, CHANNELS),
                    lang,
                    "follow me for free followers",
                    "neutral",
                    "spam",
                    f"bot{rng.randint(1, 50)}",
                )
            else:
                yield writer.record(
                    at,
                    "instagram",
                    lang,
                    rng.choice(FAN_POSTS[lang]),
                    "positive",
                    "fan_content",
                    f"new{writer.count}",
                    "#SummerVibes",
                )


def scenarios(seeds: range) -> list[Scenario]:
    """Storms of every size, speed and shape, plus the hard negatives, one set per seed range."""
    out: list[Scenario] = []
    multiples = (3, 5, 8, 12, 20, 50)
    ramps = (5, 15, 30, 60, 120)
    shapes = ("one_channel", "cross_channel", "one_topic")
    for seed in seeds:
        rng = random.Random(seed * 7919)
        onset = START + (14 + rng.random() * 3) * DAY
        kind_roll = seed % 8
        if kind_roll < 5:
            out.append(
                Scenario(
                    name=f"storm-{seed}",
                    seed=seed,
                    kind="storm",
                    onset=onset,
                    multiple=rng.choice(multiples),
                    ramp=rng.choice(ramps),
                    shape=shapes[seed % 3],
                )
            )
        elif kind_roll == 5:
            day_onset = START + (14 + rng.randint(0, 2)) * DAY + (12 - 9) * 3600  # noon KST
            out.append(
                Scenario(name=f"campaign-{seed}", seed=seed, kind="campaign_spike", onset=day_onset)
            )
        elif kind_roll == 6:
            day_onset = START + (14 + rng.randint(0, 2)) * DAY + (19 - 9) * 3600
            out.append(
                Scenario(name=f"giveaway-{seed}", seed=seed, kind="giveaway", onset=day_onset)
            )
        else:
            monday = START + 21 * DAY + (8 - 9) * 3600  # Monday 08:00 KST in week four
            out.append(
                Scenario(name=f"monday-{seed}", seed=seed, kind="monday", onset=monday, days=22.0)
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", default="storm")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--days", type=float, default=18.0)
    parser.add_argument("--multiple", type=float, default=8.0)
    args = parser.parse_args()
    onset = START + 15 * DAY + 3 * 3600
    scenario = Scenario(
        name="cli",
        seed=args.seed,
        days=args.days,
        kind=args.kind,
        multiple=args.multiple,
        onset=onset,
    )
    for record in generate(scenario):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
