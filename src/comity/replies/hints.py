"""What a draft check reports: one inline hint for the composer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["info", "warning"]
Param = str | int | float


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Marks a hint's message id for the UI catalogue; the web layer translates it."""
    return message


@dataclass(frozen=True, slots=True)
class Hint:
    """One problem in a draft; `span` is (start, end) in the draft when it points at words.

    `message` is English (the CLI prints it); `msgid` % `params` is the same text, kept apart
    so the inbox can show it in the user's language through the gettext catalogue.
    """

    kind: str  # tone | speech_level | glossary | copy_paste | facts
    message: str
    span: tuple[int, int] | None = None
    severity: Severity = "warning"
    blocking: bool = False
    detail: dict[str, Any] = field(default_factory=dict)
    msgid: str = ""
    params: Mapping[str, Param] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        kind: str,
        msgid: str,
        params: Mapping[str, Param] | None = None,
        span: tuple[int, int] | None = None,
        *,
        severity: Severity = "warning",
        detail: dict[str, Any] | None = None,
    ) -> Hint:
        """A hint from a catalogue message id (marked with N_) and its parameters."""
        values = dict(params or {})
        return cls(kind, msgid % values, span, severity, False, dict(detail or {}), msgid, values)

    def as_dict(self) -> dict[str, Any]:
        """The CLI's JSON shape (kind, message in English, span, severity, blocking, detail)."""
        data = asdict(self)
        data["span"] = list(self.span) if self.span else None
        del data["msgid"], data["params"]
        return data
