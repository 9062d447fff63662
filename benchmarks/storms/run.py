"""Storm benchmark: detection rate, lag, false alarms, hard negatives, replay speed.

    .venv/bin/python -m benchmarks.storms.run                 # report seeds (101-140)
    .venv/bin/python -m benchmarks.storms.run --tune          # tuning seeds (1-40)
    .venv/bin/python -m benchmarks.storms.run --speed 1000000 # also the 1M-comment replay

Alerts count from level `warning` (what notifies people); `watch` is UI-only and reported
separately. A storm is detected when a warning or storm alert is raised between its onset
and the end of its fade-out; lag is that alert's stream time minus the onset. Any episode
reaching warning outside such a window is a false alarm; inside a hard negative's window it
is an alert on a hard negative.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.storms.generate import (
    DAY,
    NEG_SHARE,
    START,
    Scenario,
    generate,
    rhythm,
    scenarios,
)

from comity.monitoring.config import DetectorConfig, load_config
from comity.monitoring.detector import RAISED, Detector
from comity.monitoring.events import Event
from comity.monitoring.replay import record_events, replay

WARNING = ("warning", "storm")
STORM_NEGATIVE = 0.85  # of a storm's comments (the rest are defenders)
EVIDENCE = 5.0  # extra negatives a storm must have produced before anyone could tell


def extra_negatives(s: Scenario, minutes: float) -> float:
    """Expected extra negative comments a storm has produced `minutes` after its onset."""
    per_min = (s.multiple - 1) * s.base * rhythm(s.onset) * NEG_SHARE * STORM_NEGATIVE / 60
    ramping = min(minutes, s.ramp)
    return per_min * (ramping * ramping / (2 * s.ramp) + max(0.0, minutes - s.ramp))


def evidence_minutes(s: Scenario) -> float:
    """Minutes after onset until the storm has produced EVIDENCE extra negatives (expected)."""
    per_min = (s.multiple - 1) * s.base * rhythm(s.onset) * NEG_SHARE * STORM_NEGATIVE / 60
    ramp_total = per_min * s.ramp / 2
    if EVIDENCE <= ramp_total:
        return math.sqrt(2 * s.ramp * EVIDENCE / per_min)
    return s.ramp + (EVIDENCE - ramp_total) / per_min


def run_scenario(
    s: Scenario, config: DetectorConfig | None = None, events: list[Event] | None = None
) -> dict[str, Any]:
    detector = Detector(config or load_config().detector)
    first_warning: dict[str, float] = {}
    watches = 0
    count = 0
    last = START
    if events is None:
        events = list(record_events((i, r) for i, r in enumerate(generate(s))))
    for event in events:
        count += 1
        last = event.at
        for alert in detector.process(event):
            if alert.kind not in RAISED:
                continue
            if alert.level in WARNING:
                first_warning.setdefault(alert.key, alert.at)
            else:
                watches += 1
    inside = sorted(at for at in first_warning.values() if s.onset <= at <= s.window_end)
    outside = [at for at in first_warning.values() if not (s.onset <= at <= s.window_end)]
    event_days = (s.window_end - s.onset) / DAY if s.kind != "background" else 0.0
    return {
        "name": s.name,
        "kind": s.kind,
        "multiple": s.multiple,
        "ramp": s.ramp,
        "shape": s.shape,
        "comments": count,
        "inside": len(inside),
        "lag_min": (inside[0] - s.onset) / 60 if inside else None,
        # From the moment the negative rate is twice normal (ramp / (k - 1) after onset).
        "lag_2x_min": (inside[0] - s.onset) / 60 - s.ramp / max(s.multiple - 1, 1)
        if inside
        else None,
        # The attainable part: from when the storm had made EVIDENCE extra negatives.
        "lag_evidence_min": (inside[0] - s.onset) / 60 - evidence_minutes(s) if inside else None,
        "extra_by_10_min": round(extra_negatives(s, 10), 1) if s.kind == "storm" else None,
        "false_alarms": len(outside),
        "background_days": (last - START) / DAY - 1 - event_days,  # the first day is warm-up
        "watches": watches,
    }


def summarise(results: list[dict[str, Any]]) -> dict[str, Any]:
    storms = [r for r in results if r["kind"] == "storm" and r["multiple"] >= 5]
    small = [r for r in results if r["kind"] == "storm" and r["multiple"] < 5]
    detected = [r for r in storms if r["inside"]]
    lags = [r["lag_min"] for r in detected]
    hard = [r for r in results if r["kind"] in ("campaign_spike", "giveaway", "monday")]
    days = sum(r["background_days"] for r in results)
    false = sum(r["false_alarms"] for r in results)
    by_ramp: dict[float, list[float]] = {}
    for r in detected:
        by_ramp.setdefault(r["ramp"], []).append(r["lag_min"])
    return {
        "storms_ge_5x": len(storms),
        "detected": len(detected),
        "detection_rate": round(len(detected) / len(storms), 3) if storms else None,
        "median_lag_min": round(statistics.median(lags), 1) if lags else None,
        "median_lag_after_2x_min": round(statistics.median(r["lag_2x_min"] for r in detected), 1)
        if detected
        else None,
        "median_lag_after_5_extra_negatives_min": round(
            statistics.median(r["lag_evidence_min"] for r in detected), 1
        )
        if detected
        else None,
        "median_extra_negatives_by_10_min": round(
            statistics.median(r["extra_by_10_min"] for r in storms), 1
        )
        if storms
        else None,
        "storms_with_5_extra_by_10_min": sum(1 for r in storms if r["extra_by_10_min"] >= EVIDENCE),
        "median_lag_by_ramp": {
            k: round(statistics.median(v), 1) for k, v in sorted(by_ramp.items())
        },
        "storms_3x_detected": f"{sum(1 for r in small if r['inside'])}/{len(small)}",
        "false_alarms": false,
        "background_days": round(days, 1),
        "false_alarms_per_30_days": round(false / days * 30, 2) if days else None,
        "hard_negatives": len(hard),
        "hard_negative_alerts": sum(r["inside"] for r in hard),
        "missed": [
            r["name"] + f" {r['multiple']}x ramp {r['ramp']} {r['shape']}"
            for r in storms
            if not r["inside"]
        ],
    }


def speed(total: int) -> dict[str, Any]:
    """Replay `total` pre-triaged comments from a JSONL file; baseline: parsing the file."""
    days = max(1.0, total / (3500 * 8))  # a busy brand: ~30k comments a day (taken: `total`)
    scenario = Scenario(name="speed", seed=7, days=days + 1, base=3500.0, kind="storm",
                        multiple=8, onset=START + days * DAY * 0.8)  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stream.jsonl"
        written = 0
        with path.open("w", encoding="utf-8") as handle:
            for record in _take(generate(scenario), total):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
        started = time.process_time()
        with path.open(encoding="utf-8") as handle:
            parsed = sum(1 for line in handle if json.loads(line))
        baseline = time.process_time() - started
        started = time.process_time()
        result = replay(path, Detector(load_config().detector))
        took = time.process_time() - started
    return {
        "comments": written,
        "parsed": parsed,
        "replay_cpu_s": round(took, 1),
        "baseline_parse_cpu_s": round(baseline, 1),
        "ratio_vs_parse": round(took / baseline, 2),
        "comments_per_s": round(written / took),
        "alerts": len(result.alerts),
    }


def _take(records: Iterator[dict[str, Any]], n: int) -> Iterator[dict[str, Any]]:
    for i, record in enumerate(records):
        if i >= n:
            return
        yield record


def main() -> None:
    parser = argparse.ArgumentParser(description="Storm detector benchmark")
    parser.add_argument("--tune", action="store_true", help="Use the tuning seeds (1-40).")
    parser.add_argument("--count", type=int, default=40, help="Scenarios per seed set.")
    parser.add_argument("--first", type=int, default=0, help="First seed of another set.")
    parser.add_argument("--speed", type=int, default=0, help="Also replay this many comments.")
    parser.add_argument(
        "--base",
        type=float,
        default=None,
        help="Comments an hour at the daily peak (default 180: ~2,500 a day; 1800: a big brand).",
    )
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    first = args.first or (1 if args.tune else 101)
    chosen = scenarios(range(first, first + args.count))
    if args.base is not None:
        chosen = [dataclasses.replace(s, base=args.base) for s in chosen]
    results = [run_scenario(s) for s in chosen]
    if args.verbose:
        for r in results:
            print(json.dumps(r))
    summary = summarise(results)
    summary["seeds"] = f"{first}-{first + args.count - 1}"
    summary["base_per_hour"] = chosen[0].base if chosen else None
    if args.speed:
        summary["speed"] = speed(args.speed)
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
