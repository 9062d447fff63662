"""When people comment: 21 campaign days, a day/night rhythm in local time, busier weekends."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone

START = date(2026, 7, 1)
N_DAYS = 21
STORM_DAY = 14  # index of 2026-07-15

KST = timezone(timedelta(hours=9))
CEST = timezone(timedelta(hours=2))
# English writers: expats in Korea, the UK, the US east and west coast.
EN_ZONES: tuple[tuple[timezone, float], ...] = (
    (KST, 0.45),
    (timezone(timedelta(hours=1)), 0.2),
    (timezone(timedelta(hours=-4)), 0.25),
    (timezone(timedelta(hours=-7)), 0.1),
)

# Relative activity per local hour: quiet at night, peaks at lunch and in the evening.
HOUR_WEIGHTS: tuple[float, ...] = (
    0.55,
    0.3,
    0.15,
    0.1,
    0.08,
    0.1,
    0.25,
    0.6,
    0.9,
    1.0,
    1.0,
    1.3,
    1.8,
    1.6,
    1.1,
    1.0,
    1.0,
    1.2,
    1.5,
    1.9,
    2.0,
    2.0,
    1.6,
    1.0,
)
WORK_HOURS = range(8, 22)


def day(index: int) -> date:
    return START + timedelta(days=index)


def day_weight(index: int) -> float:
    """Weekends are a bit busier, and so is the campaign's launch day."""
    if index == 0:
        return 1.2
    return 1.3 if day(index).weekday() >= 5 else 1.0


def zone_for(lang: str, rng: random.Random) -> timezone:
    """The local time zone of a writer of `lang`."""
    if lang == "ko":
        return KST
    if lang == "de":
        return CEST
    zones = [zone for zone, _ in EN_ZONES]
    return rng.choices(zones, weights=[weight for _, weight in EN_ZONES])[0]


def local_moment(rng: random.Random, index: int, zone: timezone) -> datetime:
    """A time on day `index` (local), drawn from the day/night rhythm."""
    hour = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
    at = time(hour, rng.randrange(60), rng.randrange(60))
    return datetime.combine(day(index), at, tzinfo=zone)


def in_range(moment: datetime) -> bool:
    """Whether a moment falls on one of the 21 demo days in its own local time."""
    return START <= moment.date() < START + timedelta(days=N_DAYS)


def brand_reply_time(
    rng: random.Random, parent: datetime, zone: timezone, urgent: bool
) -> datetime:
    """When the social team answers: minutes to hours later, only while they are at work."""
    minutes = rng.uniform(8, 60) if urgent else rng.uniform(20, 240)
    moment = (parent + timedelta(minutes=minutes)).astimezone(zone)
    if moment.hour not in WORK_HOURS:
        next_day = moment.date() + timedelta(days=1) if moment.hour >= 22 else moment.date()
        # The morning shift works through the night's backlog.
        at = time(rng.choice((8, 8, 9, 9, 10, 11)), rng.randrange(60), rng.randrange(60))
        moment = datetime.combine(next_day, at, tzinfo=zone)
    return moment


def user_reply_time(rng: random.Random, parent: datetime, zone: timezone) -> datetime:
    """Other users answer fast or not at all; a long tail into the next day."""
    minutes = rng.expovariate(1 / 90) + 1
    return (parent + timedelta(minutes=minutes)).astimezone(zone)
