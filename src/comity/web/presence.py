"""Who is looking at which case, and who is typing a reply (the collision guard).

Presence is ephemeral, fed by heartbeats every ~10 s from each open case view and forgotten
after `ttl` seconds without one. Two implementations behind one small interface (`Presence`):
`PresenceBoard` keeps it in process memory (one `comity serve`); `RedisPresence` keeps it in
Redis so that several web processes (scale-out mode, `queue_url` set) see each other's
viewers. `presence_of(app)` picks one from the settings.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # redis is imported only in the scale-out mode
    from redis import Redis

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


class Presence(Protocol):
    """What the case view and the live stream need from presence, whatever keeps it."""

    @property
    def version(self) -> int: ...

    def heartbeat(self, case_id: int, email: str, *, typing: bool = False) -> None: ...

    def leave(self, case_id: int, email: str) -> None: ...

    def viewers(self, case_id: int) -> tuple[Viewer, ...]: ...

    def changes_since(self, version: int) -> tuple[int, dict[int, tuple[Viewer, ...]]]: ...


class _ChangeLog:
    """What each case shows (its viewers) and the version at which that last changed, so
    `changes_since` can answer from a counter instead of comparing everything."""

    def __init__(self) -> None:
        self.version = 0
        self._changed: dict[int, int] = {}  # case id -> version of its last change
        self._snapshots: dict[int, tuple[Viewer, ...]] = {}

    def shown(self) -> list[int]:
        """Cases last seen with viewers."""
        return list(self._snapshots)

    def snapshot(self, case_id: int) -> tuple[Viewer, ...]:
        return self._snapshots.get(case_id, ())

    def note(self, case_id: int, snapshot: tuple[Viewer, ...]) -> None:
        # Only a visible difference counts, so steady heartbeats do not flood the SSE streams.
        if self._snapshots.get(case_id, ()) == snapshot:
            return
        self.version += 1
        self._changed[case_id] = self.version
        if snapshot:
            self._snapshots[case_id] = snapshot
        else:
            self._snapshots.pop(case_id, None)
        # Keep the change index small: cases nobody views and nobody changed lately.
        if len(self._changed) > 10_000:
            oldest = sorted(self._changed.items(), key=lambda item: item[1])[:5_000]
            for old, _ in oldest:
                del self._changed[old]

    def since(self, version: int) -> tuple[int, dict[int, tuple[Viewer, ...]]]:
        changed = {c: self.snapshot(c) for c, at in self._changed.items() if at > version}
        return self.version, changed


class PresenceBoard:
    """In memory (one process): case id -> viewers; `version` grows when what is shown changes."""

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
        self._log = _ChangeLog()

    @property
    def version(self) -> int:
        with self._lock:
            self._expire()
            return self._log.version

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
            return self._log.since(version)

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
        self._log.note(case_id, self._viewers(case_id))

    def _expire(self) -> None:
        now = self.clock()
        for case_id in list(self._cases):
            viewers = self._cases[case_id]
            for email in [e for e, seen in viewers.items() if now - seen.at > self.ttl]:
                del viewers[email]
            if not viewers:
                del self._cases[case_id]
        # Typing stops showing by itself; let the streams know.
        for case_id in self._log.shown():
            self._note(case_id)


class RedisPresence:
    """Presence shared by every web process through Redis (the scale-out mode).

    One hash per case (`{prefix}:presence:{case}`: e-mail -> "seen typing_at", wall-clock
    seconds) that expires with its last heartbeat, and a sorted set of the cases with viewers
    (`{prefix}:presence:cases`, score = last heartbeat). Changes made by other processes are
    found by `changes_since`, which the process's one live poller calls about once a second:
    it reads the cases with viewers (a team has tens) and compares them with what it last saw.
    """

    def __init__(
        self,
        client: Redis,
        prefix: str = "comity",
        ttl: float = DEFAULT_TTL,
        typing_ttl: float = TYPING_TTL,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.client = client
        self.prefix = prefix
        self.ttl = ttl
        self.typing_ttl = typing_ttl
        self.clock = clock  # wall clock: the processes share it, monotonic clocks differ
        self._lock = threading.Lock()
        self._log = _ChangeLog()

    def _key(self, case_id: int) -> str:
        return f"{self.prefix}:presence:{case_id}"

    @property
    def _cases_key(self) -> str:
        return f"{self.prefix}:presence:cases"

    @property
    def version(self) -> int:
        with self._lock:
            self._refresh()
            return self._log.version

    def heartbeat(self, case_id: int, email: str, *, typing: bool = False) -> None:
        now = self.clock()
        key = self._key(case_id)
        typing_at: float | None = now
        if not typing:
            earlier = self.client.hget(key, email)
            typing_at = _parse(earlier)[1] if earlier is not None else None
        value = f"{now:.3f} {typing_at:.3f}" if typing_at is not None else f"{now:.3f} -"
        pipe = self.client.pipeline()
        pipe.hset(key, email, value)
        pipe.expire(key, int(self.ttl) + 5)
        pipe.zadd(self._cases_key, {str(case_id): now})
        pipe.execute()

    def leave(self, case_id: int, email: str) -> None:
        key = self._key(case_id)
        pipe = self.client.pipeline()
        pipe.hdel(key, email)
        pipe.hlen(key)
        _, left = pipe.execute()
        if not left:
            self.client.zrem(self._cases_key, str(case_id))

    def viewers(self, case_id: int) -> tuple[Viewer, ...]:
        return self._read([case_id]).get(case_id, ())

    def changes_since(self, version: int) -> tuple[int, dict[int, tuple[Viewer, ...]]]:
        with self._lock:
            self._refresh()
            return self._log.since(version)

    def _read(self, case_ids: list[int]) -> dict[int, tuple[Viewer, ...]]:
        now = self.clock()
        pipe = self.client.pipeline()
        for case_id in case_ids:
            pipe.hgetall(self._key(case_id))
        found: dict[int, tuple[Viewer, ...]] = {}
        for case_id, fields in zip(case_ids, pipe.execute(), strict=True):
            viewers = []
            for raw_email, raw in sorted(fields.items()):
                seen, typing_at = _parse(raw)
                if now - seen > self.ttl:
                    continue
                typing = typing_at is not None and now - typing_at < self.typing_ttl
                viewers.append(Viewer(email=_text(raw_email), typing=typing))
            found[case_id] = tuple(viewers)
        return found

    def _refresh(self) -> None:
        """Compare the cases with viewers now with the last picture; note what changed."""
        now = self.clock()
        self.client.zremrangebyscore(self._cases_key, "-inf", now - self.ttl)
        active = {int(_text(member)) for member in self.client.zrange(self._cases_key, 0, -1)}
        current = self._read(sorted(active | set(self._log.shown())))
        for case_id, snapshot in current.items():
            self._log.note(case_id, snapshot)


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _parse(raw: Any) -> tuple[float, float | None]:
    seen, _, typing_at = _text(raw).partition(" ")
    return float(seen), (float(typing_at) if typing_at not in ("", "-") else None)


def presence_of(app: Any) -> Presence:
    """The app's presence, created on first use: Redis with `queue_url` set, else memory."""
    found = getattr(app.state, "presence", None)
    if found is not None:
        return found  # type: ignore[no-any-return]
    services = getattr(app.state, "services", None)
    settings = getattr(services, "settings", None)
    url = getattr(settings, "queue_url", None)
    board: Presence
    if url:
        from redis import Redis

        prefix = str(getattr(settings, "queue_prefix", "comity"))
        board = RedisPresence(Redis.from_url(url, socket_timeout=5), prefix=prefix)
    else:
        board = PresenceBoard()
    app.state.presence = board
    return board
