"""Business-time SLA arithmetic: nights, weekends, holidays and DST switches."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from comity.playbook import BusinessHours, add_business_time, business_time_between
from comity.playbook.hours import NoBusinessHoursError
from tests.playbook.helpers import BERLIN, SEOUL, utc

SEOUL_HOURS = BusinessHours()  # Mon-Fri 09:00-18:00 Asia/Seoul
BERLIN_HOURS = BusinessHours(timezone="Europe/Berlin")
H, M = timedelta(hours=1), timedelta(minutes=1)


def seoul(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SEOUL)


def berlin(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("start", "duration", "due"),
    [
        (seoul(2026, 7, 1, 10, 0), 30 * M, seoul(2026, 7, 1, 10, 30)),  # Wed, inside
        (seoul(2026, 7, 1, 17, 45), 2 * H, seoul(2026, 7, 2, 10, 45)),  # over the night
        (seoul(2026, 7, 1, 2, 0), 30 * M, seoul(2026, 7, 1, 9, 30)),  # before opening
        (seoul(2026, 7, 1, 18, 0), 30 * M, seoul(2026, 7, 2, 9, 30)),  # at closing
        (seoul(2026, 7, 1, 9, 0), 9 * H, seoul(2026, 7, 1, 18, 0)),  # exactly one day
        (seoul(2026, 7, 3, 17, 0), 8 * H, seoul(2026, 7, 6, 16, 0)),  # Fri into Mon
        (seoul(2026, 7, 4, 12, 0), 30 * M, seoul(2026, 7, 6, 9, 30)),  # Saturday
        (seoul(2026, 7, 6, 9, 0), 48 * H, seoul(2026, 7, 13, 12, 0)),  # P4 from Monday
    ],
)
def test_seoul_business_hours(start: datetime, duration: timedelta, due: datetime) -> None:
    assert add_business_time(start, duration, SEOUL_HOURS) == due


def test_result_is_utc_and_naive_start_counts_as_utc() -> None:
    due = add_business_time(datetime(2026, 7, 1, 1, 0), 30 * M, SEOUL_HOURS)  # 10:00 in Seoul
    assert due == utc(2026, 7, 1, 1, 30) and due.utcoffset() == timedelta(0)


def test_holidays_are_skipped() -> None:
    hours = BusinessHours(holidays=frozenset({date(2026, 7, 2)}))
    assert add_business_time(seoul(2026, 7, 1, 17, 45), 2 * H, hours) == seoul(2026, 7, 3, 10, 45)


def test_round_the_clock_ignores_hours() -> None:
    hours = BusinessHours(always_open=True)
    start = seoul(2026, 7, 4, 3, 0)  # Saturday night
    assert add_business_time(start, 30 * M, hours) == start + 30 * M


def test_zero_duration_is_due_at_once() -> None:
    assert add_business_time(seoul(2026, 7, 4, 3, 0), timedelta(0), SEOUL_HOURS) == seoul(
        2026, 7, 4, 3, 0
    )


def test_berlin_weekend_into_summer_time() -> None:
    # Fri 27 March 17:30 CET (UTC+1); clocks go forward on Sun 29 March.
    due = add_business_time(berlin(2026, 3, 27, 17, 30), 2 * H, BERLIN_HOURS)
    assert due == berlin(2026, 3, 30, 10, 30)  # Monday, now CEST
    assert due == utc(2026, 3, 30, 8, 30)


def test_berlin_weekend_into_winter_time() -> None:
    # Fri 23 October 17:30 CEST (UTC+2); clocks go back on Sun 25 October.
    due = add_business_time(berlin(2026, 10, 23, 17, 30), 2 * H, BERLIN_HOURS)
    assert due == utc(2026, 10, 26, 9, 30)  # Monday 10:30 CET


def test_berlin_night_before_the_switch_counts_real_time() -> None:
    every_day = BusinessHours(timezone="Europe/Berlin", days=frozenset(range(7)))
    # Sat 17:30 CET; Sunday opens at 09:00 CEST, 07:00 UTC.
    due = add_business_time(berlin(2026, 3, 28, 17, 30), 1 * H, every_day)
    assert due == utc(2026, 3, 29, 7, 30)


@pytest.mark.parametrize("start", [berlin(2026, 3, 28, 12, 0), berlin(2026, 10, 24, 12, 0)])
def test_a_whole_day_window_on_a_dst_day_equals_round_the_clock(start: datetime) -> None:
    # The switch day has 23 or 25 real hours; business time is real time, not wall time.
    all_day = BusinessHours(
        timezone="Europe/Berlin", days=frozenset(range(7)), opens=0, closes=24 * 60
    )
    always = BusinessHours(timezone="Europe/Berlin", always_open=True)
    for duration in (24 * H, 36 * H, 72 * H):
        assert add_business_time(start, duration, all_day) == add_business_time(
            start, duration, always
        )


def test_spring_day_in_berlin_has_23_hours() -> None:
    all_day = BusinessHours(
        timezone="Europe/Berlin", days=frozenset(range(7)), opens=0, closes=24 * 60
    )
    day = business_time_between(berlin(2026, 3, 29, 0, 0), berlin(2026, 3, 30, 0, 0), all_day)
    assert day == 23 * H


def test_a_calendar_without_open_days_fails_clearly() -> None:
    with pytest.raises(NoBusinessHoursError):
        add_business_time(utc(2026, 1, 1), H, BusinessHours(days=frozenset()))


starts = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(BERLIN)
)


@given(start=starts, minutes=st.integers(min_value=0, max_value=60 * 60))
def test_business_time_between_undoes_add(start: datetime, minutes: int) -> None:
    duration = timedelta(minutes=minutes)
    due = add_business_time(start, duration, BERLIN_HOURS)
    assert due >= start
    assert business_time_between(start, due, BERLIN_HOURS) == duration
