from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine, select

from comity.domain import ActionKind, Category, Sentiment, Triage
from comity.ingest.service import Outcome
from comity.store import CommentRepository
from comity.store import tables as t
from tests.factories import T0, comment


def _raw(n: int) -> list[dict[str, object]]:
    return [{"n": i} for i in range(n)]


def test_same_comment_twice_is_stored_once(repo: CommentRepository) -> None:
    batch = [comment(i) for i in range(5)]
    assert repo.upsert_many(batch, _raw(5), source="test") == [Outcome.INSERTED] * 5
    assert repo.upsert_many(batch, _raw(5), source="test") == [Outcome.UNCHANGED] * 5
    assert repo.count() == 5


def test_raw_payload_is_kept_for_every_delivery(repo: CommentRepository, engine: Engine) -> None:
    repo.upsert_many([comment(1)], [{"original": True}], source="webhook")
    repo.upsert_many([comment(1)], [{"original": False}], source="webhook")
    with engine.connect() as conn:
        bodies = [row.body for row in conn.execute(select(t.raw_payloads.c.body))]
    assert bodies == [{"original": True}, {"original": False}]


def test_edit_updates_in_place_and_keeps_history(repo: CommentRepository) -> None:
    repo.upsert_many([comment(1)], _raw(1), source="test")
    edited = comment(
        1, text="수정: 유자에이드 덜 달게 주문했어요", extra={"edited_at": "2026-07-01T12:00:00Z"}
    )
    assert repo.upsert_many([edited], _raw(1), source="test") == [Outcome.UPDATED]
    stored = repo.get_by_key("instagram", "ig_1")
    assert stored is not None and stored.comment.id is not None
    assert stored.comment.text == edited.text
    assert stored.edit_count == 1
    assert [edit.previous_text for edit in repo.edits(stored.comment.id)] == [comment(1).text]
    assert repo.count() == 1


def test_replaying_an_old_version_does_not_undo_an_edit(repo: CommentRepository) -> None:
    original = comment(1)
    edited = comment(1, text="edited text", extra={"edited_at": "2026-07-02T00:00:00Z"})
    repo.upsert_many([original, edited], _raw(2), source="test")
    assert repo.upsert_many([original, edited], _raw(2), source="test") == [Outcome.UNCHANGED] * 2
    stored = repo.get_by_key("instagram", "ig_1")
    assert stored is not None and stored.comment.text == "edited text"


def test_edit_reopens_pipeline_work(repo: CommentRepository) -> None:
    repo.upsert_many([comment(1)], _raw(1), source="test")
    pending = repo.pending("sig", 10)
    with repo.engine.begin() as conn:
        repo.finish(conn, [c.id for c in pending if c.id is not None], "sig")
    assert repo.pending("sig", 10) == []
    repo.upsert_many([comment(1, text="changed")], _raw(1), source="test")
    assert [c.text for c in repo.pending("sig", 10)] == ["changed"]


def test_same_external_id_on_two_channels_are_two_comments(repo: CommentRepository) -> None:
    repo.upsert_many([comment(1), comment(1, channel="youtube")], _raw(2), source="test")
    assert repo.count() == 2


def test_authors_are_shared_and_first_seen_is_earliest(repo: CommentRepository) -> None:
    repo.upsert_many([comment(7), comment(0)], _raw(2), source="test")  # both fan_0
    stored = repo.get_by_key("instagram", "ig_7")
    assert stored is not None
    assert stored.comment.author.handle == "fan_0"
    assert stored.comment.author.first_seen == T0
    assert repo.stats()["authors"] == 1


def test_list_recent_is_newest_first_and_filters(repo: CommentRepository) -> None:
    batch = [comment(i) for i in range(3)] + [comment(3, channel="youtube", lang="en", text="hi")]
    repo.upsert_many(batch, _raw(4), source="test")
    assert [s.comment.external_id for s in repo.list_recent()] == ["ig_3", "ig_2", "ig_1", "ig_0"]
    assert [s.comment.channel for s in repo.list_recent(channel="youtube")] == ["youtube"]
    assert [s.comment.text for s in repo.list_recent(lang="en")] == ["hi"]
    assert len(repo.list_recent(limit=2, offset=1)) == 2


def test_triage_round_trip_and_stats(repo: CommentRepository) -> None:
    repo.upsert_many([comment(1), comment(2, channel="x")], _raw(2), source="test")
    stored = repo.get_by_key("instagram", "ig_1")
    assert stored is not None and stored.comment.id is not None
    triage = Triage(
        lang="ko",
        primary=Category.PRAISE,
        secondary=(Category.CAMPAIGN,),
        sentiment=Sentiment.POSITIVE,
        action=ActionKind.LIKE,
        signals={"toxicity": 0.01},
        reasons=("praise: 맛있어요",),
        model="test",
    )
    with repo.engine.begin() as conn:
        repo.save_triages(conn, [(stored.comment.id, triage)])
        repo.save_triages(conn, [(stored.comment.id, triage)])  # idempotent
    again = repo.get(stored.comment.id)
    assert again is not None and again.triage == triage
    stats = repo.stats()
    assert stats["comments"] == 2
    assert stats["channels"] == {"instagram": 1, "x": 1}
    assert stats["languages"] == {"ko": 1, "unknown": 1}
    assert stats["statuses"] == {"visible": 2}
    assert stats["categories"] == {"praise": 1}


def test_parents_are_found_on_the_same_channel(repo: CommentRepository) -> None:
    reply = comment(2, parent_external_id="ig_1", created_at=T0 + timedelta(hours=1))
    repo.upsert_many(
        [comment(1), reply, comment(3, channel="x", parent_external_id="ig_1")],
        _raw(3),
        source="test",
    )
    parents = repo.parents_of([reply, comment(3, channel="x", parent_external_id="ig_1")])
    assert list(parents) == [("instagram", "ig_1")]


def test_large_batches_are_chunked(repo: CommentRepository) -> None:
    batch = [comment(i) for i in range(1234)]
    outcomes = repo.upsert_many(batch, _raw(1234), source="test")
    assert outcomes.count(Outcome.INSERTED) == 1234
    assert repo.count() == 1234
