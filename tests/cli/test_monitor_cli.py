"""`comity monitor`: replay output shape, bad input, crisis switch from the command line."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from comity.runtime.services import Services
from comity.settings import Settings
from comity.store.audit import audit_entries
from comity.store.users import Role
from tests.cli.conftest import Invoke
from tests.monitoring.streams import START, background, burst, merged


def _write_stream(path: Path) -> None:
    events = merged(
        background(10, seed=21), burst(START + 8 * 86400 + 11 * 3600, 60, per_hour=200, seed=22)
    )
    with path.open("w", encoding="utf-8") as handle:
        for index, event in enumerate(events):
            record = {
                "channel": event.channel,
                "external_id": str(index),
                "author": event.author,
                "text": event.text or "nice",
                "created_at": datetime.fromtimestamp(event.at, UTC).isoformat(),
                "triage": {
                    "sentiment": "negative" if event.negative else "positive",
                    "primary": "misinformation" if event.misinfo else "complaint"
                    if event.negative else "praise",
                },
            }  # fmt: skip
            handle.write(json.dumps(record) + "\n")


def test_replay_json_prints_one_object_per_alert(invoke: Invoke, tmp_path: Path) -> None:
    stream = tmp_path / "stream.jsonl"
    _write_stream(stream)
    result = invoke("monitor", "replay", str(stream), "--json")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines, "the storm raised nothing"
    for line in lines:
        assert {"at", "level", "scope", "topic"} <= set(line)
        assert line["level"] in ("watch", "warning", "storm")
        datetime.fromisoformat(line["at"].replace("Z", "+00:00"))
    onset = datetime.fromtimestamp(START + 8 * 86400 + 11 * 3600, UTC)
    first = datetime.fromisoformat(lines[0]["at"].replace("Z", "+00:00"))
    assert onset <= first and (first - onset).total_seconds() <= 30 * 60
    assert any(line["scope"] == "brand" and line["level"] != "watch" for line in lines)


def test_replay_names_a_bad_line(invoke: Invoke, tmp_path: Path) -> None:
    stream = tmp_path / "bad.jsonl"
    good = {
        "channel": "x",
        "external_id": "1",
        "author": "a",
        "text": "hi",
        "created_at": "2026-07-01T00:00:00Z",
        "triage": {"sentiment": "positive", "primary": "praise"},
    }
    stream.write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    result = invoke("monitor", "replay", str(stream))
    assert result.exit_code == 2
    assert "line 2" in result.output
    assert invoke("monitor", "replay", str(tmp_path / "missing.jsonl")).exit_code == 2


def test_crisis_switch_from_the_command_line_is_audited(invoke: Invoke) -> None:
    services = Services.from_settings(Settings())
    try:
        services.users.add("mod@example.com", "a long enough password", Role.MODERATOR)
        services.users.add("agent@example.com", "a long enough password", Role.AGENT)
    finally:
        services.close()
    refused = invoke("monitor", "crisis", "on", "--as", "agent@example.com", "--reason", "x")
    assert refused.exit_code == 1
    on = invoke("monitor", "crisis", "on", "--as", "mod@example.com", "--reason", "rumour",
                "--campaign", "#summer")  # fmt: skip
    assert on.exit_code == 0, on.output
    off = invoke("monitor", "crisis", "off", "--as", "mod@example.com", "--campaign", "#summer")
    assert off.exit_code == 0, off.output
    services = Services.from_settings(Settings())
    try:
        entries = audit_entries(services.engine, "crisis", "campaign:#summer")
    finally:
        services.close()
    assert [(e.kind, e.actor) for e in entries] == [
        ("crisis_on", "mod@example.com"),
        ("crisis_off", "mod@example.com"),
    ]
    assert entries[0].reason == "rumour"
