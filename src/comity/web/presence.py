"""Who is looking at which case, and who is typing a reply (the collision guard).

In process memory: presence is ephemeral, fed by heartbeats every ~10 s from each open case
view and forgotten after `ttl` seconds without one. With several web processes each knows
only its own viewers; moving this to Redis is the step for scale-out.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

DEFAULT_TTL = 30.0  # three missed heartbeats
TYPING_TTL = 15.0  # typing shows while keys were pressed recently


@dataclass(frozen=True, slots=True)
class Viewer:
    email: str
    typing: bool


@dataclass(slots=True)
class _Seen:
    at: float
    typing_at: float | None


class PresenceBoard:
    """Thread-safe map case id -> viewers; `version` grows whenever what is shown changes."""

    def __init__(
        self,
        ttl: float = DEFAULT_TTL,
        typing_ttl: float = TYPING_TTL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl
        self.typing_ttl = typing_ttl
        self.clock = clock
        self._cases: dict[int, dict[str, _Seen]] = {}
        self._lock = threading.Lock()
        self._version = 0
        self._changed: dict[int, int] = {}  # case id -> version of its last change
        self._snapshots: dict[int, tuple[Viewer, ...]] = {}

    @property
    def version(self) -> int:
        with self._lock:
            self._expire()
            return self._version

    def heartbeat(self, case_id: int, email: str, *, typing: bool = False) -> None:
        """The user has the case open (and, with typing, is writing a reply)."""
        with self._lock:
            now = self.clock()
            seen = self._cases.setdefault(case_id, {}).get(email)
            typing_at = now if typing else (seen.typing_at if seen else None)
            self._cases[case_id][email] = _Seen(at=now, typing_at=typing_at)
            self._expire()
            self._note(case_id)

    def leave(self, case_id: int, email: str) -> None:
        with self._lock:
            viewers = self._cases.get(case_id)
            if viewers and viewers.pop(email, None) is not None:
                if not viewers:
                    del self._cases[case_id]
                self._note(case_id)

    def viewers(self, case_id: int) -> tuple[Viewer, ...]:
        """Everyone with the case open, sorted by e-mail."""
        with self._lock:
            self._expire()
            return self._viewers(case_id)

    def changes_since(self, version: int) -> tuple[int, dict[int, tuple[Viewer, ...]]]:
        """(current version, {case id: viewers}) for every case changed after `version`."""
        with self._lock:
            self._expire()
            changed = {
                case_id: self._viewers(case_id)
                for case_id, at in self._changed.items()
                if at > version
            }
            return self._version, changed

    def _viewers(self, case_id: int) -> tuple[Viewer, ...]:
        now = self.clock()
        return tuple(
            Viewer(
                email=email,
                typing=seen.typing_at is not None and now - seen.typing_at < self.typing_ttl,
            )
            for email, seen in sorted(self._cases.get(case_id, {}).items())
        )

    def _note(self, case_id: int) -> None:
        # Only a visible difference counts, so steady heartbeats do not flood the SSE streams.
        snapshot = self._viewers(case_id)
        if self._snapshots.get(case_id) == snapshot:
            return
        self._version += 1
        self._changed[case_id] = self._version
        if snapshot:
            self._snapshots[case_id] = snapshot
        else:
            self._snapshots.pop(case_id, None)

    def _expire(self) -> None:
        now = self.clock()
        for case_id in list(self._cases):
            viewers = self._cases[case_id]
            for email in [e for e, seen in viewers.items() if now - seen.at > self.ttl]:
                del viewers[email]
            if not viewers:
                del self._cases[case_id]
        # Typing stops showing by itself; let the streams know.
        for case_id in list(self._snapshots):
            if self._snapshots[case_id] != self._viewers(case_id):
                self._note(case_id)
        # Keep the change index small: cases nobody views and nobody changed lately.
        if len(self._changed) > 10_000:
            oldest = sorted(self._changed.items(), key=lambda item: item[1])[:5_000]
            for case_id, _ in oldest:
                del self._changed[case_id]
