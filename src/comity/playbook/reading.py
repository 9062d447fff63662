"""Reading checked values out of YAML mappings, with numbered errors that say how to fix them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from datetime import timedelta
from enum import StrEnum
from typing import Any, TypeVar

E = TypeVar("E", bound=StrEnum)
_DURATION = re.compile(r"^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m(?:in)?)?$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


class PlaybookConfigError(ValueError):
    """A playbook file that cannot be used; says where, what, and how to fix it."""

    def __init__(self, code: str, path: str, message: str, hint: str = "") -> None:
        self.code, self.path, self.message, self.hint = code, path, message, hint
        text = f"{code} {path or '(top level)'}: {message}"
        super().__init__(f"{text} ({hint})" if hint else text)


class Section:
    """A mapping being read, which knows its dotted path for error messages."""

    def __init__(self, data: Any, path: str) -> None:
        if not isinstance(data, Mapping):
            raise PlaybookConfigError("P004", path, f"expected a mapping, got {kind_of(data)}")
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

    def section(self, key: str, default: Any = None) -> Section:
        return Section(self.get(key, default), self.at(key))

    def items(self, key: str, default: Any = None) -> list[Any]:
        value = self.get(key, default)
        if not isinstance(value, list):
            raise PlaybookConfigError(
                "P004", self.at(key), f"expected a list, got {kind_of(value)}"
            )
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


def kind_of(value: Any) -> str:
    return "nothing" if value is None else type(value).__name__


def enum_value(enum: type[E], value: Any, path: str) -> E:
    try:
        return enum(value)
    except ValueError:
        known = ", ".join(m.value for m in enum)
        message = f"unknown value {value!r}"
        raise PlaybookConfigError("P005", path, message, f"known: {known}") from None


def enum_list(enum: type[E], section: Section, key: str, default: Any = None) -> list[E]:
    return [
        enum_value(enum, v, f"{section.at(key)}[{i}]")
        for i, v in enumerate(section.items(key, default))
    ]


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
