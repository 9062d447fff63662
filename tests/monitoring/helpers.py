"""Small builders for monitoring tests."""

from __future__ import annotations

from typing import Any

from comity.monitoring.detector import AlertEvent
from comity.store.monitoring import MonitorRepository

AT = 1_784_080_800.0  # 2026-07-15 02:00 UTC


def alert_event(
    kind: str = "opened", level: str = "warning", scope: str = "brand", text: str = "prices up"
) -> AlertEvent:
    details: dict[str, Any] = {
        "topics": [
            {
                "id": 1,
                "label": "1000원 · 인상",
                "comments": 9,
                "authors": 8,
                "channels": ["naver_cafe"],
                "misinformation": True,
                "examples": [{"text": text, "channel": "naver_cafe", "author": "naver_cafe:a"}],
            }
        ],
        "channels": [["naver_cafe", 9]],
        "authors": [["naver_cafe:a", 2]],
        "timeline": [[AT - 600 * i, i, 10, 0.5] for i in range(8, 0, -1)],
        "bin_seconds": 300,
    }
    return AlertEvent(
        kind=kind, scope=scope, episode=1, level=level, peak=level, at=AT, since=AT,
        score=2.5, observed=9, expected=1.5, window_minutes=30, topic="1000원 · 인상",
        details=details,
    )  # fmt: skip


def store_alert(repository: MonitorRepository, **kwargs: Any) -> int:
    state, last = repository.load_state()
    saved = repository.save(state or {}, last, [alert_event(**kwargs)])
    assert saved[0].id is not None
    return saved[0].id
