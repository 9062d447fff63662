"""What a draft check reports: one inline hint for the composer."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["info", "warning"]


@dataclass(frozen=True, slots=True)
class Hint:
    """One problem in a draft; `span` is (start, end) in the draft when it points at words."""

    kind: str  # tone | speech_level | glossary | copy_paste | facts
    message: str
    span: tuple[int, int] | None = None
    severity: Severity = "warning"
    blocking: bool = False
    detail: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = list(self.span) if self.span else None
        return data
