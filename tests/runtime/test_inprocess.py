from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from comity.domain import Category, Stage, Triage, WorkItem
from comity.domain.pipeline import PipelineOrderError
from comity.runtime import InProcessRunner
from comity.store import CommentRepository, make_engine, migrate
from tests.factories import comment


@pytest.fixture
def repo(tmp_path: Path) -> CommentRepository:
    engine = make_engine(f"sqlite:///{tmp_path / 'c.db'}")
    migrate(engine)
    return CommentRepository(engine)


def _label_stage(seen: list[str]) -> Stage:
    def run(items: Sequence[WorkItem]) -> None:
        for item in items:
            seen.append(item.comment.external_id)
            item.triage = Triage(lang="ko", primary=Category.NEUTRAL, model="fake")

    return Stage("triage", ("comment",), ("triage",), run)


def test_every_pending_comment_is_processed_once(repo: CommentRepository) -> None:
    repo.upsert_many([comment(i) for i in range(7)], [{}] * 7, source="t")
    seen: list[str] = []
    runner = InProcessRunner(repo, [_label_stage(seen)], batch_size=3)
    assert runner.run_pending() == 7
    assert runner.run_pending() == 0
    assert sorted(seen) == sorted(f"ig_{i}" for i in range(7))
    assert all(s.triage is not None for s in repo.list_recent())


def test_a_crash_mid_way_leaves_the_comment_pending(repo: CommentRepository) -> None:
    repo.upsert_many([comment(1)], [{}], source="t")

    def explode(items: Sequence[WorkItem]) -> None:
        raise RuntimeError("power cut")

    crashing = InProcessRunner(repo, [_label_stage([]), Stage("later", ("triage",), (), explode)])
    with pytest.raises(RuntimeError):
        crashing.run_pending()
    stored = repo.get_by_key("instagram", "ig_1")
    assert stored is not None and stored.triage is None
    seen: list[str] = []
    assert InProcessRunner(repo, [_label_stage(seen)]).run_pending() == 1
    assert seen == ["ig_1"]


def test_replies_see_their_parent(repo: CommentRepository) -> None:
    repo.upsert_many([comment(1), comment(2, parent_external_id="ig_1")], [{}, {}], source="t")
    parents: dict[str, str | None] = {}

    def run(items: Sequence[WorkItem]) -> None:
        for item in items:
            parents[item.comment.external_id] = item.parent.external_id if item.parent else None

    InProcessRunner(repo, [Stage("look", ("comment", "parent"), (), run)]).run_pending()
    assert parents == {"ig_1": None, "ig_2": "ig_1"}


def test_adding_a_stage_reprocesses_stored_comments(repo: CommentRepository) -> None:
    repo.upsert_many([comment(1)], [{}], source="t")
    assert InProcessRunner(repo, []).run_pending() == 1
    assert InProcessRunner(repo, [_label_stage([])]).run_pending() == 1


def test_bad_order_is_refused_at_start_up(repo: CommentRepository) -> None:
    needs_triage = Stage("playbook", ("triage",), ("plan",), lambda items: None)
    with pytest.raises(PipelineOrderError):
        InProcessRunner(repo, [needs_triage])
