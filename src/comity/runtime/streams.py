"""Scale-out runtime: Redis Streams consumer groups feeding `comity worker` processes.

Comments are partitioned by author (channel + handle) into N streams. A worker works a
partition only while it holds that partition's lease, so one author's comments are processed in
order, one at a time, as the in-process runner does (strikes depend on it). Entries are
acknowledged only after the pipeline's results are committed: a worker that dies leaves them
pending, and the next lease holder claims them (at-least-once; every stage is idempotent and
finished comments are skipped). The database stays the truth about what is pending, so a sweep
re-publishes anything a lost message or an unreachable Redis left behind.

The storm detector needs the stream in comment order, so one worker at a time (the "monitor"
lease) feeds it the finished comments below the oldest still-pending one.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from redis import Redis
from redis.exceptions import ResponseError

from comity.domain import Comment, WorkItem
from comity.runtime.inprocess import InProcessRunner
from comity.store.comments import CommentRepository

log = logging.getLogger(__name__)

GROUP = "pipeline"

# Renew the lease only if we still own it; take it if it is free.
_ACQUIRE = """
local owner = redis.call('GET', KEYS[1])
if owner == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if owner then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
"""
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


def worker_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{threading.get_ident() % 10_000}"


class Leases:
    """Exclusive, expiring ownership of a named piece of work."""

    def __init__(self, client: Redis, prefix: str) -> None:
        self.client = client
        self.prefix = prefix
        self._acquire = client.register_script(_ACQUIRE)
        self._release = client.register_script(_RELEASE)

    def acquire(self, name: str, owner: str, ttl_ms: int) -> bool:
        """Take or renew; False while someone else holds it."""
        return bool(self._acquire(keys=[f"{self.prefix}:lease:{name}"], args=[owner, ttl_ms]))

    def release(self, name: str, owner: str) -> None:
        self._release(keys=[f"{self.prefix}:lease:{name}"], args=[owner])


class StreamQueue:
    """The partitioned work streams: publish comment keys, read and acknowledge them."""

    def __init__(self, client: Redis, *, prefix: str = "comity", partitions: int = 16) -> None:
        if partitions < 1:
            raise ValueError("partitions must be at least 1")
        self.client = client
        self.prefix = prefix
        self.partitions = partitions
        self._groups_ready = False

    def stream(self, partition: int) -> str:
        return f"{self.prefix}:pipeline:{partition}"

    def partition_of(self, channel: str, handle: str) -> int:
        """Stable across processes and restarts (unlike hash())."""
        return zlib.crc32(f"{channel}\0{handle}".encode()) % self.partitions

    def ensure_groups(self) -> None:
        if self._groups_ready:
            return
        for partition in range(self.partitions):
            try:
                self.client.xgroup_create(self.stream(partition), GROUP, id="0", mkstream=True)
            except ResponseError as error:
                if "BUSYGROUP" not in str(error):
                    raise
        self._groups_ready = True

    def publish(self, comments: Sequence[Comment]) -> int:
        """Queue each comment for the pipeline (one round trip for the whole batch)."""
        if not comments:
            return 0
        self.ensure_groups()
        pipe = self.client.pipeline(transaction=False)
        for comment in comments:
            partition = self.partition_of(comment.channel, comment.author.handle)
            pipe.xadd(
                self.stream(partition),
                {"channel": comment.channel, "external_id": comment.external_id},
            )
        pipe.execute()
        return len(comments)

    def take(self, partition: int, consumer: str, count: int) -> list[tuple[str, tuple[str, str]]]:
        """The partition's next entries: first any an earlier owner left unacknowledged.

        Only the lease holder calls this, so claiming pending entries at once is safe.
        """
        self.ensure_groups()
        stream = self.stream(partition)
        # redis-py types its replies for both protocol versions; we speak RESP2 (lists).
        claimed: Any = self.client.xautoclaim(stream, GROUP, consumer, 0, "0-0", count=count)
        entries = claimed[1]
        if not entries:
            read: Any = self.client.xreadgroup(GROUP, consumer, {stream: ">"}, count=count)
            entries = read[0][1] if read else []
        return [(_text(entry_id), _key(fields)) for entry_id, fields in entries if fields]

    def done(self, partition: int, entry_ids: Sequence[str]) -> None:
        """Acknowledge and drop processed entries (the database keeps the results)."""
        if entry_ids:
            stream = self.stream(partition)
            pipe = self.client.pipeline(transaction=True)
            pipe.xack(stream, GROUP, *entry_ids)
            pipe.xdel(stream, *entry_ids)
            pipe.execute()

    def backlog(self) -> int:
        """Entries not yet acknowledged, over all partitions."""
        self.ensure_groups()
        return sum(int(self.client.xlen(self.stream(p))) for p in range(self.partitions))


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _key(fields: dict[Any, Any]) -> tuple[str, str]:
    decoded = {_text(name): _text(value) for name, value in fields.items()}
    return decoded["channel"], decoded["external_id"]


# Feeds the storm detector finished comments in id order (built fresh per step: another
# worker may have fed it since).
MonitorFactory = Callable[[], Callable[[Sequence[WorkItem]], object]]
MonitorWatermark = Callable[[], int]


@dataclass
class StreamWorker:
    """One `comity worker`: drains the partitions it can lease, feeds the monitor, sweeps."""

    queue: StreamQueue
    runner: InProcessRunner
    repository: CommentRepository
    name: str = field(default_factory=worker_name)
    batch_size: int = 200
    lease_ms: int = 30_000
    sweep_every: float = 60.0
    sweep_limit: int = 10_000
    monitor: MonitorFactory | None = None
    monitor_watermark: MonitorWatermark | None = None
    # One outbox delivery pass per round when due (runtime/delivery.py Delivery.tick).
    delivery: Callable[[], object] | None = None
    _leases: Leases | None = None
    _next_sweep: float = 0.0
    _start: int = 0

    @property
    def leases(self) -> Leases:
        if self._leases is None:
            self._leases = Leases(self.queue.client, self.queue.prefix)
        return self._leases

    def run_once(self) -> int:
        """One pass over every partition; returns how many comments were processed."""
        if time.monotonic() >= self._next_sweep:
            self.sweep()  # first, so a pass also works what the sweep found
        processed = 0
        partitions = self.queue.partitions
        self._start = (self._start + 1) % partitions  # workers start at different places
        for offset in range(partitions):
            partition = (self._start + offset) % partitions
            if not self.leases.acquire(f"pipeline:{partition}", self.name, self.lease_ms):
                continue
            processed += self._drain(partition)
        self.feed_monitor()
        if self.delivery is not None:
            try:
                self.delivery()
            except Exception:  # delivery retries on its own; the pipeline goes on
                log.exception("outbox delivery pass failed")
        return processed

    def _drain(self, partition: int) -> int:
        processed = 0
        while True:
            entries = self.queue.take(partition, self.name, self.batch_size)
            if not entries:
                return processed
            processed += self.runner.run_keys([key for _, key in entries])
            self.queue.done(partition, [entry_id for entry_id, _ in entries])
            if not self.leases.acquire(f"pipeline:{partition}", self.name, self.lease_ms):
                log.warning("lost the lease of partition %s; another worker goes on", partition)
                return processed

    def feed_monitor(self) -> int:
        """Give the detector the finished comments below the oldest pending one, in id order."""
        if self.monitor is None or self.monitor_watermark is None:
            return 0
        if not self.leases.acquire("monitor", self.name, self.lease_ms):
            return 0
        fed = 0
        consumer = self.monitor()
        while True:
            after = self.monitor_watermark()
            before = self.repository.first_pending_id(self.runner.signature)
            rows = self.repository.finished_between(after, before, 2000)
            if not rows:
                return fed
            consumer([WorkItem(comment=comment, triage=triage) for comment, triage in rows])
            fed += len(rows)
            if not self.leases.acquire("monitor", self.name, self.lease_ms):
                return fed

    def sweep(self) -> int:
        """Re-publish pending comments (lost messages, Redis outages, CLI imports)."""
        self._next_sweep = time.monotonic() + self.sweep_every
        if not self.leases.acquire("sweep", self.name, int(self.sweep_every * 1000)):
            return 0
        pending = self.repository.pending(self.runner.signature, self.sweep_limit)
        if self.queue.backlog() >= len(pending):
            return 0  # the streams already hold at least as much as is pending
        return self.queue.publish(pending)

    def run_forever(self, stop: threading.Event, idle_wait: float = 0.5) -> None:
        while not stop.is_set():
            try:
                if self.run_once() == 0:
                    stop.wait(idle_wait)
            except Exception:  # keep working; unacknowledged entries are retried
                log.exception("worker pass failed; its entries stay pending")
                stop.wait(idle_wait * 4)
        self.close()

    def close(self) -> None:
        """Hand the leases back so other workers need not wait for them to expire."""
        for partition in range(self.queue.partitions):
            self.leases.release(f"pipeline:{partition}", self.name)
        self.leases.release("monitor", self.name)
