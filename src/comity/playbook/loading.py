"""Build a `PlaybookConfig` from a team's YAML laid over the shipped defaults."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from comity.domain import ActionKind, Category, LegalSub, Priority, Queue
from comity.playbook.config import (
    AngryCustomer,
    Automation,
    BusinessHours,
    CategoryPolicy,
    FollowUp,
    PlaybookConfig,
    RulePolicy,
    ServiceLevels,
    Sla,
)
from comity.playbook.reading import (
    PlaybookConfigError,
    Section,
    clock_minutes,
    duration,
    enum_list,
    enum_value,
)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Mappings a team's file replaces whole instead of merging key by key.
REPLACED = frozenset({"ladder"})


def default_mapping() -> dict[str, Any]:
    text = resources.files("comity.playbook").joinpath("default_playbook.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def default_config() -> PlaybookConfig:
    """The shipped defaults (default_playbook.yaml)."""
    return parse_config(default_mapping())


def load_config(path: str | Path) -> PlaybookConfig:
    """A team's playbook file laid over the defaults."""
    return loads_config(Path(path).read_text(encoding="utf-8"))


def loads_config(text: str) -> PlaybookConfig:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise PlaybookConfigError("P001", "", f"not valid YAML: {error}") from None
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise PlaybookConfigError("P001", "", "the file must hold a mapping of settings")
    return parse_config(merge(default_mapping(), data))


def merge(base: Mapping[str, Any], over: Mapping[Any, Any]) -> dict[str, Any]:
    """`over` laid onto `base`: mappings merge key by key, everything else replaces."""
    merged = dict(base)
    for key, value in over.items():
        old = merged.get(key)
        if isinstance(old, Mapping) and isinstance(value, Mapping) and key not in REPLACED:
            merged[key] = merge(old, value)
        else:
            merged[key] = value
    return merged


def parse_config(data: Mapping[str, Any]) -> PlaybookConfig:
    """Check a complete mapping (defaults already merged in) and build the config."""
    top = Section(data, "")
    top.only("version", "categories", "sla", "follow_up", "angry_customer", "rules")
    if top.get("version", 1) != 1:
        raise PlaybookConfigError("P002", "version", "unsupported version", "use version: 1")
    categories_raw = top.section("categories")
    categories_raw.only(*(c.value for c in Category))
    categories = {c: _category(categories_raw.section(c.value)) for c in Category}
    return PlaybookConfig(
        categories=categories,
        sla=_sla(top.section("sla")),
        follow_up=_follow_up(top.section("follow_up", {})),
        angry_customer=_angry(top.section("angry_customer", {})),
        rules=_rules(top.section("rules", {})),
    )


def _category(raw: Section) -> CategoryPolicy:
    raw.only("actions", "priority", "queue", "ladder", "automatic", "escalate_for")
    ladder = _ladder(raw.section("ladder", {}))
    actions = tuple(enum_list(ActionKind, raw, "actions", []))
    if not actions and not ladder:
        raise PlaybookConfigError(
            "P010",
            raw.at("actions"),
            "no actions and no ladder",
            "list at least one action, e.g. [none]",
        )
    # `automatic: null` in a team's file switches the default automation off.
    auto = raw.data.get("automatic")
    return CategoryPolicy(
        actions=actions,
        priority=enum_value(Priority, raw.get("priority"), raw.at("priority")),
        queue=enum_value(Queue, raw.get("queue"), raw.at("queue")),
        ladder=ladder,
        automation=None if auto is None else _automation(raw.section("automatic")),
        escalate_for=frozenset(enum_list(LegalSub, raw, "escalate_for", [])),
    )


def _ladder(raw: Section) -> tuple[tuple[int, ActionKind], ...]:
    steps: list[tuple[int, ActionKind]] = []
    for key, value in raw.data.items():
        path = raw.at(str(key))
        try:
            strikes = int(key)
        except (TypeError, ValueError):
            raise PlaybookConfigError(
                "P004",
                path,
                "ladder keys are strike counts",
                "e.g. {0: remind, 1: hide, 3: mute, 5: ban}",
            ) from None
        if strikes < 0:
            raise PlaybookConfigError("P009", path, "strike counts cannot be negative")
        steps.append((strikes, enum_value(ActionKind, value, path)))
    if steps and min(s for s, _ in steps) != 0:
        raise PlaybookConfigError(
            "P009",
            raw.path,
            "the ladder must start at 0 strikes",
            "add a step for 0, e.g. 0: remind",
        )
    return tuple(sorted(steps))


def _automation(raw: Section) -> Automation:
    raw.only("actions", "signals", "threshold")
    threshold = float(raw.typed("threshold", float))
    if not 0.0 <= threshold <= 1.0:
        raise PlaybookConfigError(
            "P009",
            raw.at("threshold"),
            f"{threshold} is not in 0..1",
            "signals are probabilities; 0.9 means 90 % sure",
        )
    signals = raw.items("signals")
    if not signals or not all(isinstance(s, str) and s for s in signals):
        raise PlaybookConfigError("P004", raw.at("signals"), "expected signal names", "e.g. [spam]")
    return Automation(frozenset(enum_list(ActionKind, raw, "actions")), tuple(signals), threshold)


def _sla(raw: Section) -> Sla:
    raw.only("start", "targets", "business_hours", "channels")
    start = raw.get("start", "created_at")
    if start not in ("created_at", "received_at"):
        raise PlaybookConfigError(
            "P005", raw.at("start"), f"unknown value {start!r}", "known: created_at, received_at"
        )
    targets, hours = raw.section("targets"), raw.section("business_hours")
    default = _levels(targets, hours)
    channels: dict[str, ServiceLevels] = {}
    for name, value in raw.section("channels", {}).data.items():
        over = Section(value, f"{raw.at('channels')}.{name}")
        over.only("targets", "business_hours")
        channel_targets = Section(
            merge(targets.data, over.section("targets", {}).data), over.at("targets")
        )
        channel_hours = Section(
            merge(hours.data, over.section("business_hours", {}).data), over.at("business_hours")
        )
        channels[str(name)] = _levels(channel_targets, channel_hours)
    return Sla(default=default, channels=channels, start=start)


def _levels(targets: Section, hours: Section) -> ServiceLevels:
    targets.only(*(p.value for p in Priority))
    return ServiceLevels(
        targets={p: duration(targets.get(p.value), targets.at(p.value)) for p in Priority},
        hours=_hours(hours),
    )


def _hours(raw: Section) -> BusinessHours:
    raw.only("timezone", "days", "open", "close", "holidays", "always_open")
    zone = raw.typed("timezone", str, "Asia/Seoul")
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise PlaybookConfigError(
            "P008",
            raw.at("timezone"),
            f"unknown time zone {zone!r}",
            "use an IANA name such as Asia/Seoul or Europe/Berlin",
        ) from None
    days = []
    for i, day in enumerate(raw.items("days", list(WEEKDAYS[:5]))):
        if str(day).lower()[:3] not in WEEKDAYS:
            raise PlaybookConfigError(
                "P005",
                f"{raw.at('days')}[{i}]",
                f"unknown day {day!r}",
                "use mon, tue, wed, thu, fri, sat, sun",
            )
        days.append(WEEKDAYS.index(str(day).lower()[:3]))
    opens = clock_minutes(raw.get("open", "09:00"), raw.at("open"))
    closes = clock_minutes(raw.get("close", "18:00"), raw.at("close"))
    always = bool(raw.typed("always_open", bool, False))
    if not always and not days:
        raise PlaybookConfigError(
            "P010",
            raw.at("days"),
            "no working days",
            "list some days, or set always_open: true for 24/7",
        )
    if not always and opens >= closes:
        raise PlaybookConfigError(
            "P007",
            raw.at("close"),
            "closing time must be after opening",
            "for round-the-clock service set always_open: true",
        )
    holidays = []
    for i, value in enumerate(raw.items("holidays", [])):
        try:
            if isinstance(value, datetime):
                value = value.date()
            holidays.append(value if isinstance(value, date) else date.fromisoformat(str(value)))
        except ValueError:
            raise PlaybookConfigError(
                "P005", f"{raw.at('holidays')}[{i}]", f"not a date: {value!r}", "use YYYY-MM-DD"
            ) from None
    return BusinessHours(zone, frozenset(days), opens, closes, frozenset(holidays), always)


def _follow_up(raw: Section) -> FollowUp:
    raw.only("window", "categories", "bump", "escalate")
    bump = raw.typed("bump", int, 1)
    if not 0 <= bump <= 3:
        raise PlaybookConfigError("P009", raw.at("bump"), f"{bump} is not in 0..3")
    return FollowUp(
        window=duration(raw.get("window", "3h"), raw.at("window")),
        categories=frozenset(enum_list(Category, raw, "categories", [])),
        bump=bump,
        escalate=bool(raw.typed("escalate", bool, True)),
    )


def _angry(raw: Section) -> AngryCustomer:
    raw.only("enabled", "troll_strikes")
    strikes = raw.typed("troll_strikes", int, 2)
    if strikes < 0:
        raise PlaybookConfigError("P009", raw.at("troll_strikes"), "cannot be negative")
    return AngryCustomer(enabled=bool(raw.typed("enabled", bool, True)), troll_strikes=strikes)


def _rules(raw: Section) -> RulePolicy:
    raw.only("automatic", "priority")
    return RulePolicy(
        automatic=frozenset(enum_list(ActionKind, raw, "automatic", [])),
        priority=enum_value(Priority, raw.get("priority", "P3"), raw.at("priority")),
    )
