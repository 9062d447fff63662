"""The playbook configuration: defaults, overrides laid over them, and clear errors."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from comity.domain import ActionKind, Category, Priority, Queue
from comity.playbook import PlaybookConfigError, default_config, load_config, loads_config


def test_defaults_match_the_documented_ones() -> None:
    config = default_config()
    targets = config.sla.default.targets
    assert targets == {
        Priority.P1: timedelta(minutes=30),
        Priority.P2: timedelta(hours=2),
        Priority.P3: timedelta(hours=8),
        Priority.P4: timedelta(hours=48),
    }
    hours = config.sla.default.hours
    assert (hours.timezone, hours.opens, hours.closes) == ("Asia/Seoul", 9 * 60, 18 * 60)
    assert hours.days == frozenset(range(5)) and not hours.always_open
    assert config.sla.start == "created_at"
    spam = config.policy(Category.SPAM).automation
    assert spam is not None and spam.threshold == 0.9
    assert config.rules.automatic == frozenset()


def test_empty_file_means_defaults() -> None:
    assert loads_config("") == default_config()


def test_a_team_file_changes_only_what_it_names(tmp_path: Path) -> None:
    path = tmp_path / "playbook.yaml"
    path.write_text(
        "categories:\n"
        "  praise: {queue: fan_content}\n"
        "  toxic: {ladder: {0: hide, 2: ban}}\n"
        "sla:\n"
        "  targets: {P1: 15m}\n"
        "  business_hours: {always_open: true}\n",
        encoding="utf-8",
    )
    config = load_config(path)
    praise = config.policy(Category.PRAISE)
    assert (praise.queue, praise.priority) == (Queue.FAN_CONTENT, Priority.P4)
    assert config.policy(Category.TOXIC).ladder == ((0, ActionKind.HIDE), (2, ActionKind.BAN))
    assert config.sla.default.targets[Priority.P1] == timedelta(minutes=15)
    assert config.sla.default.targets[Priority.P2] == timedelta(hours=2)
    assert config.sla.default.hours.always_open


def test_channel_overrides_inherit_the_rest() -> None:
    config = loads_config(
        "sla:\n"
        "  channels:\n"
        "    facebook: {targets: {P1: 10m}, business_hours: {timezone: Europe/Berlin}}\n"
    )
    facebook = config.sla.for_channel("facebook")
    assert facebook.targets[Priority.P1] == timedelta(minutes=10)
    assert facebook.targets[Priority.P2] == timedelta(hours=2)
    assert (facebook.hours.timezone, facebook.hours.opens) == ("Europe/Berlin", 9 * 60)
    assert config.sla.for_channel("instagram") == config.sla.default


@pytest.mark.parametrize(
    ("text", "code", "where", "says"),
    [
        ("a: [", "P001", "", "not valid YAML"),
        ("[1, 2]", "P001", "", "mapping"),
        ("version: 2", "P002", "version", "use version: 1"),
        ("categories: {spamm: {}}", "P003", "categories.spamm", "did you mean 'spam'?"),
        ("sla: {target: {}}", "P003", "sla.target", "did you mean 'targets'?"),
        ("categories: {spam: {priority: P9}}", "P005", "categories.spam.priority", "known: P1"),
        ("categories: {spam: {queue: inbox}}", "P005", "categories.spam.queue", "needs_reply"),
        ("categories: {spam: {actions: [zap]}}", "P005", "categories.spam.actions[0]", "zap"),
        ("categories: {spam: hide}", "P004", "categories.spam", "expected a mapping"),
        ("sla: {targets: {P1: soon}}", "P006", "sla.targets.P1", "e.g. 30m, 2h"),
        ("sla: {targets: {P2: 0m}}", "P006", "sla.targets.P2", "longer than zero"),
        ("sla: {business_hours: {close: 18:00}}", "P007", "business_hours.close", "quotes"),
        ("sla: {business_hours: {open: '25:00'}}", "P007", "business_hours.open", "HH:MM"),
        ("sla: {business_hours: {open: '18:00', close: '09:00'}}", "P007", "close", "always_open"),
        ("sla: {business_hours: {timezone: Mars/Olympus}}", "P008", "timezone", "Asia/Seoul"),
        ("sla: {business_hours: {days: [mon, funday]}}", "P005", "days[1]", "funday"),
        ("sla: {business_hours: {holidays: [soon]}}", "P005", "holidays[0]", "YYYY-MM-DD"),
        ("sla: {business_hours: {days: []}}", "P010", "days", "always_open: true"),
        ("sla: {start: posted}", "P005", "sla.start", "received_at"),
        ("categories: {spam: {automatic: {threshold: 1.5}}}", "P009", "threshold", "0..1"),
        ("categories: {spam: {automatic: {signals: []}}}", "P004", "signals", "e.g. [spam]"),
        ("categories: {toxic: {ladder: {1: hide}}}", "P009", "ladder", "0 strikes"),
        ("categories: {toxic: {ladder: {many: hide}}}", "P004", "ladder.many", "strike"),
        ("categories: {neutral: {actions: []}}", "P010", "neutral.actions", "[none]"),
        ("follow_up: {bump: true}", "P004", "follow_up.bump", "whole number"),
        ("follow_up: {bump: 7}", "P009", "follow_up.bump", "0..3"),
        ("angry_customer: {enabled: maybe}", "P004", "enabled", "true or false"),
        ("rules: {priority: urgent}", "P005", "rules.priority", "known"),
    ],
)
def test_errors_say_where_what_and_how_to_fix(text: str, code: str, where: str, says: str) -> None:
    with pytest.raises(PlaybookConfigError) as caught:
        loads_config(text)
    error = caught.value
    assert error.code == code
    assert where in error.path
    assert says in str(error)
    assert str(error).startswith(f"{code} ")


def test_round_the_clock_needs_no_days() -> None:
    config = loads_config("sla: {business_hours: {days: [], always_open: true}}")
    assert config.sla.default.hours.always_open
