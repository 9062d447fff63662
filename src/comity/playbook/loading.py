"""Build a `PlaybookConfig` from YAML laid over the defaults, with numbered, fixable errors."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar
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

E = TypeVar("E", bound=StrEnum)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Mappings a team's file replaces whole instead of merging key by key.
REPLACED = frozenset({"ladder"})
_DURATION = re.compile(r"^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m(?:in)?)?$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


class PlaybookConfigError(ValueError):
    """A playbook file that cannot be used; says where, what, and how to fix it."""

    def __init__(self, code: str, path: str, message: str, hint: str = "") -> None:
        self.code, self.path, self.message, self.hint = code, path, message, hint
        text = f"{code} {path or '(top level)'}: {message}"
        super().__init__(f"{text} ({hint})" if hint else text)


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
    top = _Section(data, "")
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


class _Section:
    """A mapping being read, which knows its dotted path for error messages."""

    def __init__(self, data: Any, path: str) -> None:
        if not isinstance(data, Mapping):
            raise PlaybookConfigError("P004", path, f"expected a mapping, got {_kind(data)}")
        self.data: Mapping[Any, Any] = data
        self.path = path

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def only(self, *keys: str) -> None:
        for key in self.data:
            if str(key) not in keys:
                close = difflib.get_close_matches(str(key), keys, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(keys)}"
                raise PlaybookConfigError("P003", self.at(str(key)), "unknown key", hint)

    def get(self, key: str, default: Any = None) -> Any:
        if key not in self.data:
            if default is None:
                raise PlaybookConfigError("P003", self.at(key), "missing", "add this key")
            return default
        return self.data[key]

    def section(self, key: str, default: Any = None) -> _Section:
        return _Section(self.get(key, default), self.at(key))

    def items(self, key: str, default: Any = None) -> list[Any]:
        value = self.get(key, default)
        if not isinstance(value, list):
            raise PlaybookConfigError("P004", self.at(key), f"expected a list, got {_kind(value)}")
        return value

    def typed(self, key: str, kind: type, default: Any = None) -> Any:
        value = self.get(key, default)
        # bool is an int in Python, but `bump: true` is a mistake worth reporting.
        ok = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            ok = True
        if not ok:
            need = {bool: "true or false", int: "a whole number", float: "a number"}[kind]
            raise PlaybookConfigError("P004", self.at(key), f"expected {need}, got {value!r}")
        return value


def _kind(value: Any) -> str:
    return "nothing" if value is None else type(value).__name__


def _enum(enum: type[E], value: Any, path: str) -> E:
    try:
        return enum(value)
    except ValueError:
        known = ", ".join(m.value for m in enum)
        message = f"unknown value {value!r}"
        raise PlaybookConfigError("P005", path, message, f"known: {known}") from None


def _enums(enum: type[E], section: _Section, key: str, default: Any = None) -> list[E]:
    return [
        _enum(enum, v, f"{section.at(key)}[{i}]") for i, v in enumerate(section.items(key, default))
    ]


def _category(raw: _Section) -> CategoryPolicy:
    raw.only("actions", "priority", "queue", "ladder", "automatic", "escalate_for")
    ladder = _ladder(raw.section("ladder", {}))
    actions = tuple(_enums(ActionKind, raw, "actions", []))
    if not actions and not ladder:
        raise PlaybookConfigError(
            "P010",
            raw.at("actions"),
            "no actions and no ladder",
            "list at least one action, e.g. [none]",
        )
    auto = raw.get("automatic", {}) if "automatic" in raw.data else None
    return CategoryPolicy(
        actions=actions,
        priority=_enum(Priority, raw.get("priority"), raw.at("priority")),
        queue=_enum(Queue, raw.get("queue"), raw.at("queue")),
        ladder=ladder,
        automation=None if auto is None else _automation(raw.section("automatic")),
        escalate_for=frozenset(_enums(LegalSub, raw, "escalate_for", [])),
    )


def _ladder(raw: _Section) -> tuple[tuple[int, ActionKind], ...]:
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
        steps.append((strikes, _enum(ActionKind, value, path)))
    if steps and min(s for s, _ in steps) != 0:
        raise PlaybookConfigError(
            "P009",
            raw.path,
            "the ladder must start at 0 strikes",
            "add a step for 0, e.g. 0: remind",
        )
    return tuple(sorted(steps))


def _automation(raw: _Section) -> Automation:
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
    return Automation(frozenset(_enums(ActionKind, raw, "actions")), tuple(signals), threshold)


def _sla(raw: _Section) -> Sla:
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
        over = _Section(value, f"{raw.at('channels')}.{name}")
        over.only("targets", "business_hours")
        channel_targets = _Section(
            merge(targets.data, over.section("targets", {}).data), over.at("targets")
        )
        channel_hours = _Section(
            merge(hours.data, over.section("business_hours", {}).data), over.at("business_hours")
        )
        channels[str(name)] = _levels(channel_targets, channel_hours)
    return Sla(default=default, channels=channels, start=start)


def _levels(targets: _Section, hours: _Section) -> ServiceLevels:
    targets.only(*(p.value for p in Priority))
    return ServiceLevels(
        targets={p: duration(targets.get(p.value), targets.at(p.value)) for p in Priority},
        hours=_hours(hours),
    )


def _hours(raw: _Section) -> BusinessHours:
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


def clock_minutes(value: Any, path: str) -> int:
    """'09:30' as minutes after midnight; '24:00' is the end of the day."""
    match = _CLOCK.match(value) if isinstance(value, str) else None
    minutes = int(match[1]) * 60 + int(match[2]) if match else -1
    if not match or int(match[2]) >= 60 or not 0 <= minutes <= 24 * 60:
        hint = "write it in quotes, e.g. '18:00'" if isinstance(value, int) else "use HH:MM"
        raise PlaybookConfigError("P007", path, f"not a time of day: {value!r}", hint)
    return minutes


def duration(value: Any, path: str) -> timedelta:
    """'30m', '2h', '1h30m', '2d' as a timedelta (strictly positive)."""
    match = _DURATION.match(value.strip()) if isinstance(value, str) else None
    if not match or not any(match.groups()):
        raise PlaybookConfigError(
            "P006", path, f"not a duration: {value!r}", "use d, h and m, e.g. 30m, 2h, 1h30m, 2d"
        )
    days, hours, minutes = (int(g or 0) for g in match.groups())
    result = timedelta(days=days, hours=hours, minutes=minutes)
    if result <= timedelta(0):
        raise PlaybookConfigError("P006", path, "a duration must be longer than zero")
    return result


def _follow_up(raw: _Section) -> FollowUp:
    raw.only("window", "categories", "bump", "escalate")
    bump = raw.typed("bump", int, 1)
    if not 0 <= bump <= 3:
        raise PlaybookConfigError("P009", raw.at("bump"), f"{bump} is not in 0..3")
    return FollowUp(
        window=duration(raw.get("window", "3h"), raw.at("window")),
        categories=frozenset(_enums(Category, raw, "categories", [])),
        bump=bump,
        escalate=bool(raw.typed("escalate", bool, True)),
    )


def _angry(raw: _Section) -> AngryCustomer:
    raw.only("enabled", "troll_strikes")
    strikes = raw.typed("troll_strikes", int, 2)
    if strikes < 0:
        raise PlaybookConfigError("P009", raw.at("troll_strikes"), "cannot be negative")
    return AngryCustomer(enabled=bool(raw.typed("enabled", bool, True)), troll_strikes=strikes)


def _rules(raw: _Section) -> RulePolicy:
    raw.only("automatic", "priority")
    return RulePolicy(
        automatic=frozenset(_enums(ActionKind, raw, "automatic", [])),
        priority=_enum(Priority, raw.get("priority", "P3"), raw.at("priority")),
    )
