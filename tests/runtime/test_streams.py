"""The scale-out runtime against the real Redis (mandatory when CI=true)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from redis import Redis

from comity.domain import Author, Category, Stage, Triage, WorkItem
from comity.runtime import InProcessRunner
from comity.runtime.streams import StreamQueue, StreamWorker
from comity.store import CommentRepository, make_engine, migrate
from tests.factories import comment
from tests.redis_service import redis_prefix


@pytest.fixture
def redis_and_prefix() -> Iterator[tuple[Redis, str]]:
    with redis_prefix() as found:
        yield found


@pytest.fixture
def redis_client(redis_and_prefix: tuple[Redis, str]) -> Redis:
    return redis_and_prefix[0]


@pytest.fixture
def queue(redis_and_prefix: tuple[Redis, str]) -> StreamQueue:
    client, prefix = redis_and_prefix
    return StreamQueue(client, prefix=prefix, partitions=4)


@pytest.fixture
def repo(tmp_path: Path) -> CommentRepository:
    engine = make_engine(f"sqlite:///{tmp_path / 'c.db'}")
    migrate(engine)
    return CommentRepository(engine)


def _recording_stage(seen: list[str], fail_on: str | None = None) -> Stage:
    def run(items: Sequence[WorkItem]) -> None:
        for item in items:
            if item.comment.external_id == fail_on:
                raise RuntimeError("worker died")
            seen.append(item.comment.external_id)
            item.triage = Triage(lang="ko", primary=Category.NEUTRAL, model="fake")

    return Stage("triage", ("comment",), ("triage",), run)


def _worker(
    queue: StreamQueue, repo: CommentRepository, seen: list[str], name: str, **kwargs: object
) -> StreamWorker:
    fail_on = kwargs.pop("fail_on", None)
    runner = InProcessRunner(repo, [_recording_stage(seen, fail_on)])  # type: ignore[arg-type]
    return StreamWorker(queue=queue, runner=runner, repository=repo, name=name, **kwargs)  # type: ignore[arg-type]


def _drain(worker: StreamWorker) -> int:
    total = 0
    while done := worker.run_once():
        total += done
    return total


def test_published_comments_are_processed_once_and_acknowledged(
    queue: StreamQueue, repo: CommentRepository
) -> None:
    comments = [comment(i) for i in range(20)]
    repo.upsert_many(comments, [{}] * 20, source="t")
    queue.publish(comments)
    queue.publish(comments[:5])  # delivered twice: must not be processed twice
    seen: list[str] = []
    assert _drain(_worker(queue, repo, seen, "w1")) == 20
    assert sorted(seen) == sorted(c.external_id for c in comments)
    assert queue.backlog() == 0
    assert all(stored.triage is not None for stored in repo.list_recent(limit=50))


def test_a_dead_workers_entries_are_taken_over_after_its_lease(
    queue: StreamQueue, repo: CommentRepository, redis_client: Redis
) -> None:
    comments = [comment(i) for i in range(10)]
    repo.upsert_many(comments, [{}] * 10, source="t")
    queue.publish(comments)
    crashing = _worker(queue, repo, [], "dying", lease_ms=60_000, fail_on="ig_3")
    with pytest.raises(RuntimeError):
        while crashing.run_once():
            pass
    # The dead worker still holds its leases: nobody else may touch its partitions yet.
    seen: list[str] = []
    other = _worker(queue, repo, seen, "healthy")
    partition = queue.partition_of("instagram", comments[3].author.handle)
    assert redis_client.get(f"{queue.prefix}:lease:pipeline:{partition}") == b"dying"
    redis_client.delete(*redis_client.scan_iter(f"{queue.prefix}:lease:*"))  # leases expire
    _drain(other)
    assert "ig_3" in seen
    assert queue.backlog() == 0
    assert all(stored.triage is not None for stored in repo.list_recent(limit=50))


def test_one_authors_comments_go_to_one_partition_worked_by_one_worker_at_a_time(
    queue: StreamQueue, repo: CommentRepository
) -> None:
    author = Author(channel="instagram", handle="same_person")
    comments = [comment(i, author=author) for i in range(12)]
    assert {queue.partition_of(c.channel, c.author.handle) for c in comments} == {
        queue.partition_of("instagram", "same_person")
    }
    seen: list[str] = []
    first = _worker(queue, repo, seen, "a", batch_size=5)
    second = _worker(queue, repo, seen, "b", batch_size=5)
    repo.upsert_many(comments[:8], [{}] * 8, source="t")
    queue.publish(comments[:8])
    assert first.run_once() == 8
    repo.upsert_many(comments[8:], [{}] * 4, source="t")
    queue.publish(comments[8:])
    assert second.run_once() == 0  # the partition stays leased to the first worker
    assert first.run_once() == 4
    assert seen == [c.external_id for c in comments]
    first.close()  # hands the lease back at once
    queue.publish(comments[:1])
    assert second.run_once() == 0 and queue.backlog() == 0  # finished: acknowledged, skipped


def test_the_sweep_queues_comments_that_were_never_published(
    queue: StreamQueue, repo: CommentRepository
) -> None:
    repo.upsert_many([comment(i) for i in range(6)], [{}] * 6, source="t")
    seen: list[str] = []
    assert _drain(_worker(queue, repo, seen, "w")) == 6
    assert len(seen) == 6


def test_the_monitor_is_fed_in_id_order_and_never_past_a_pending_comment(
    queue: StreamQueue, repo: CommentRepository
) -> None:
    repo.upsert_many([comment(i) for i in range(6)], [{}] * 6, source="t")
    fed: list[int] = []
    watermark = {"id": 0}

    def consumer(items: Sequence[WorkItem]) -> None:
        fed.extend(item.comment.id or 0 for item in items)
        watermark["id"] = max(fed)

    worker = _worker(
        queue,
        repo,
        [],
        "m",
        monitor=lambda: consumer,
        monitor_watermark=lambda: watermark["id"],
    )
    # Only comments 1-3 are finished; 4 is pending, so 5 and 6 must wait even if finished.
    ids = sorted(s.comment.id or 0 for s in repo.list_recent(limit=10))
    with repo.engine.begin() as conn:
        repo.finish(conn, [ids[0], ids[1], ids[2], ids[4], ids[5]], worker.runner.signature)
    worker.feed_monitor()
    assert fed == ids[:3]
    with repo.engine.begin() as conn:
        repo.finish(conn, [ids[3]], worker.runner.signature)
    worker.feed_monitor()
    assert fed == ids
