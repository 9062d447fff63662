"""The inbox queries added for the web UI: filtered count and the language list."""

from __future__ import annotations

from comity.domain import Category, Triage
from comity.store import CommentRepository
from tests.factories import comment


def test_count_matches_list_recent_for_every_filter(repo: CommentRepository) -> None:
    batch = [
        comment(1, lang="ko"),
        comment(2, lang="en"),
        comment(3, channel="youtube", external_id="yt_3", lang="en"),
        comment(4),
    ]
    repo.upsert_many(batch, [{} for _ in batch], source="test")
    for channel in (None, "instagram", "youtube", "x"):
        for lang in (None, "ko", "en", "de"):
            listed = repo.list_recent(channel=channel, lang=lang, limit=100)
            assert repo.count(channel=channel, lang=lang) == len(listed), (channel, lang)
    assert repo.count() == 4
    assert repo.count(channel="instagram", lang="en") == 1


def test_triaged_language_overrides_the_declared_one(repo: CommentRepository) -> None:
    repo.upsert_many([comment(1, lang="en"), comment(2, lang="ko")], [{}, {}], source="test")
    stored = repo.get_by_key("instagram", "ig_1")
    assert stored is not None and stored.comment.id is not None
    with repo.engine.begin() as conn:
        repo.save_triages(conn, [(stored.comment.id, Triage(lang="ko", primary=Category.PRAISE))])
    assert repo.count(lang="ko") == 2
    assert repo.count(lang="en") == 0
    assert repo.languages() == ["ko"]


def test_languages_are_distinct_sorted_and_skip_unknown(repo: CommentRepository) -> None:
    batch = [comment(1, lang="ko"), comment(2, lang="de"), comment(3), comment(4, lang="ko")]
    repo.upsert_many(batch, [{} for _ in batch], source="test")
    assert repo.languages() == ["de", "ko"]
