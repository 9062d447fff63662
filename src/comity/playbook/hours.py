"""Business-time arithmetic: when is a response due if the clock only runs in opening hours?

All sums are done in UTC on real elapsed time. Local wall-clock arithmetic would be off
by an hour on DST days, and subtracting two datetimes that share one `ZoneInfo` ignores
the offset change between them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from comity.playbook.config import BusinessHours

# Enough for any sane holiday list; guards against a calendar with no open day at all.
MAX_DAYS = 3660


class NoBusinessHoursError(ValueError):
    """The calendar has no open time in the next ten years."""


def as_utc(moment: datetime) -> datetime:
    """Aware UTC; a naive time is taken as UTC, as ingest does."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def add_business_time(start: datetime, duration: timedelta, hours: BusinessHours) -> datetime:
    """The moment (UTC) at which `duration` of open time has passed since `start`."""
    start = as_utc(start)
    if duration <= timedelta(0):
        return start
    if hours.always_open:
        return start + duration
    remaining = duration
    # Start one local day early: a window opened the evening before may still be open.
    day = start.astimezone(hours.zone).date() - timedelta(days=1)
    for _ in range(MAX_DAYS):
        if hours.is_open_day(day):
            opens, closes = hours.window(day)
            begin = max(opens, start)
            if begin < closes:
                if begin + remaining <= closes:
                    return begin + remaining
                remaining -= closes - begin
        day += timedelta(days=1)
    raise NoBusinessHoursError(f"no business hours in {hours.timezone} within {MAX_DAYS} days")


def business_time_between(start: datetime, end: datetime, hours: BusinessHours) -> timedelta:
    """Open time between two moments; the inverse of `add_business_time` (for reports, tests)."""
    start, end = as_utc(start), as_utc(end)
    if end <= start:
        return timedelta(0)
    if hours.always_open:
        return end - start
    total = timedelta(0)
    day = start.astimezone(hours.zone).date() - timedelta(days=1)
    last = end.astimezone(hours.zone).date()
    while day <= last:
        if hours.is_open_day(day):
            opens, closes = hours.window(day)
            begin, finish = max(opens, start), min(closes, end)
            if begin < finish:
                total += finish - begin
        day += timedelta(days=1)
    return total
