"""`comity import` queues and `comity worker` processes in the scale-out mode."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from comity.settings import Settings
from comity.store import CommentRepository, make_engine
from tests.cli.conftest import Invoke
from tests.factories import record
from tests.redis_service import REDIS_URL, redis_prefix


@pytest.fixture
def scaled_out(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with redis_prefix() as (_client, prefix):
        monkeypatch.setenv("COMITY_QUEUE_URL", REDIS_URL)
        monkeypatch.setenv("COMITY_QUEUE_PREFIX", prefix)
        monkeypatch.setenv("COMITY_QUEUE_PARTITIONS", "4")
        yield prefix


def test_import_queues_and_the_worker_runs_the_pipeline(
    invoke: Invoke, tmp_path: Path, scaled_out: str
) -> None:
    stream = tmp_path / "in.jsonl"
    rows = [record(i) for i in range(5)] + [record(9, text="시1발 진짜 최악이네 환불해")]
    stream.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    imported = invoke("import", str(stream), "--json")
    assert json.loads(imported.output)["processed"] == 0  # queued, not run in this process
    repo = CommentRepository(make_engine(Settings().resolved_database_url))
    assert repo.stats()["pending"] == 6
    worked = invoke("worker", "--once")
    assert worked.exit_code == 0, worked.output
    assert "processed 6 comments" in worked.output
    assert repo.stats()["pending"] == 0
    angry = repo.get_by_key("instagram", "ig_9")
    assert angry is not None and angry.triage is not None
    assert angry.triage.sentiment.value == "negative"


def test_worker_without_queue_url_explains(invoke: Invoke) -> None:
    result = invoke("worker", "--once")
    assert result.exit_code == 2
