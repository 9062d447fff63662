"""The streaming detector: rhythm, gating, hysteresis, restarts and determinism."""

from __future__ import annotations

import json

from comity.monitoring.config import DetectorConfig
from comity.monitoring.detector import ENDED, OPENED, RAISED, AlertEvent, Detector
from comity.monitoring.events import Event
from tests.monitoring.streams import START, background, burst, merged

DAY = 86400.0


def run(events: list[Event], detector: Detector | None = None) -> list[AlertEvent]:
    detector = detector or Detector(DetectorConfig())
    out: list[AlertEvent] = []
    for event in events:
        out.extend(detector.process(event))
    return out


def raised(alerts: list[AlertEvent], level: str = "warning") -> list[AlertEvent]:
    order = ("watch", "warning", "storm")
    return [a for a in alerts if a.kind in RAISED and order.index(a.level) >= order.index(level)]


def test_three_weeks_of_daily_rhythm_raise_no_warning() -> None:
    # Days are 4x busier than nights; a flat baseline would cry wolf every morning.
    alerts = run(background(21, seed=3))
    assert raised(alerts) == []


def test_a_storm_is_found_within_minutes_and_named() -> None:
    onset = START + 15 * DAY + 10 * 3600
    storm = burst(onset, 120, per_hour=120)
    alerts = raised(run(merged(background(17, seed=4), storm)))
    assert alerts, "the storm was not detected"
    first = alerts[0]
    assert first.scope in ("brand", "topic:" + first.scope[6:]) or first.scope.startswith(
        "channel:"
    )
    assert onset <= first.at <= onset + 15 * 60
    brand = next(a for a in alerts if a.scope == "brand")
    claim = "they raised every price by 1000 won, even iced drinks"
    assert all(word in claim for word in brand.topic.split(" · ")), brand.topic
    assert brand.details["topics"][0]["misinformation"] is True


def test_a_positive_spike_with_the_usual_share_of_complaints_is_not_a_storm() -> None:
    # A campaign brings ten times the traffic, the usual complaints in the usual share.
    onset = START + 15 * DAY + 12 * 3600
    spike = burst(onset, 180, per_hour=600, negative=False, seed=5, campaign="#summer")
    complaints = burst(onset, 180, per_hour=90, seed=6, text=None)
    alerts = run(merged(background(17, seed=7), spike, complaints))
    assert raised(alerts) == []


def test_hysteresis_does_not_flap_on_a_storm_that_comes_and_goes() -> None:
    onset = START + 10 * DAY + 9 * 3600
    pulses = [burst(onset + i * 1800, 12, per_hour=160, seed=10 + i) for i in range(10)]
    alerts = run(merged(background(12, seed=8), *pulses))
    brand = [a for a in alerts if a.scope == "brand"]
    opened = [a for a in brand if a.kind == OPENED]
    assert len(opened) == 1, [(a.kind, a.level) for a in brand]
    ended = [a for a in brand if a.kind == ENDED]
    assert len(ended) <= 1


def test_restart_from_saved_state_gives_the_same_alerts() -> None:
    onset = START + 9 * DAY + 14 * 3600
    events = merged(background(11, seed=9), burst(onset, 90, per_hour=150, seed=11))
    whole = [a.summary() for a in run(events)]
    detector = Detector(DetectorConfig())
    pieces: list[AlertEvent] = []
    for cut_from, cut_to in ((0, 4000), (4000, len(events) // 2), (len(events) // 2, len(events))):
        for event in events[cut_from:cut_to]:
            pieces.extend(detector.process(event))
        # A new process: only the JSON text survives.
        detector = Detector.from_state(
            json.loads(json.dumps(detector.to_state())), DetectorConfig()
        )
    assert [a.summary() for a in pieces] == whole
    assert any(a["level"] in ("warning", "storm") for a in whole)


def test_the_same_stream_twice_gives_identical_alerts() -> None:
    onset = START + 9 * DAY + 3 * 3600
    events = merged(background(10, seed=12), burst(onset, 60, per_hour=200, seed=13))
    first = [(a.summary(), a.details["topics"]) for a in run(events)]
    second = [(a.summary(), a.details["topics"]) for a in run(events)]
    assert first == second and first


def test_nothing_is_raised_during_warm_up() -> None:
    events = merged(background(1, seed=14), burst(START + 6 * 3600, 60, per_hour=300, seed=15))
    assert raised(run(events), "watch") == []


def test_a_storm_on_one_small_channel_is_found_on_that_channel() -> None:
    onset = START + 12 * DAY + 20 * 3600
    storm = burst(onset, 60, per_hour=40, channels=("x",), seed=16)
    alerts = raised(run(merged(background(14, seed=17), storm)))
    assert any(a.scope == "channel:x" for a in alerts)
