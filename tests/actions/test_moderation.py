from __future__ import annotations

from pathlib import Path

import pytest

from comity.actions import ActionContext, ActionError, PermissionDenied, do_hide, do_unhide
from comity.domain import CommentStatus, Role
from comity.store import CommentRepository, make_engine, migrate
from comity.store.audit import audit_entries
from comity.store.users import User
from tests.factories import comment

MODERATOR = User(id=1, email="mod@haneul.example", role=Role.MODERATOR, disabled=False)
AGENT = User(id=2, email="agent@haneul.example", role=Role.AGENT, disabled=False)


@pytest.fixture
def repo(tmp_path: Path) -> CommentRepository:
    engine = make_engine(f"sqlite:///{tmp_path / 'a.db'}")
    migrate(engine)
    repository = CommentRepository(engine)
    repository.upsert_many([comment(1)], [{}], source="t")
    return repository


def _status(repo: CommentRepository) -> CommentStatus:
    stored = repo.get_by_key("instagram", "ig_1")
    assert stored is not None
    return stored.comment.status


def test_hide_and_unhide_are_audited_with_before_and_after(repo: CommentRepository) -> None:
    do_hide(ActionContext(repo.engine), 1, by=MODERATOR, reason="spam link")
    assert _status(repo) is CommentStatus.HIDDEN
    do_unhide(ActionContext(repo.engine), 1, by=MODERATOR, reason="false positive")
    assert _status(repo) is CommentStatus.VISIBLE
    log = audit_entries(repo.engine, "comment", "1")
    assert [(a.kind, a.actor, a.before, a.after) for a in log] == [
        ("hide", "mod@haneul.example", {"status": "visible"}, {"status": "hidden"}),
        ("unhide", "mod@haneul.example", {"status": "hidden"}, {"status": "visible"}),
    ]
    assert log[0].reason == "spam link"


def test_agents_may_not_hide_and_nothing_changes(repo: CommentRepository) -> None:
    with pytest.raises(PermissionDenied):
        do_hide(ActionContext(repo.engine), 1, by=AGENT, reason="spam")
    assert _status(repo) is CommentStatus.VISIBLE
    assert audit_entries(repo.engine, "comment", "1") == []


def test_hiding_needs_a_reason_and_an_existing_comment(repo: CommentRepository) -> None:
    with pytest.raises(ActionError, match="reason"):
        do_hide(ActionContext(repo.engine), 1, by=MODERATOR, reason=" ")
    with pytest.raises(ActionError, match="no comment"):
        do_hide(ActionContext(repo.engine), 999, by=MODERATOR, reason="spam")
    assert audit_entries(repo.engine, "comment", "999") == []
