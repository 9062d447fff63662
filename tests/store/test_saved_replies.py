from __future__ import annotations

import pytest
from sqlalchemy import Engine

from comity.replies.templates import SavedReply, TemplateError, load_templates
from comity.store.saved_replies import SavedReplyRepository


def test_seeding_is_idempotent_and_keeps_every_language(engine: Engine) -> None:
    repo = SavedReplyRepository(engine)
    shipped = load_templates()
    assert repo.seed(shipped) == len(shipped.replies)
    assert repo.seed(shipped) == 0
    complaint = repo.list("complaint")
    assert {r.lang for r in complaint} == {"ko", "en", "de"}
    assert all(r.category == "complaint" for r in complaint)


def test_usage_counts_and_edits_keep_the_count(engine: Engine) -> None:
    repo = SavedReplyRepository(engine)
    repo.seed(load_templates())
    assert repo.used("praise-en-1") == 1
    assert repo.used("praise-en-1") == 2
    edited = repo.save(
        SavedReply("praise-en-1", "praise", "en", "casual", "Thanks, {author}! ☕"),
        "mina@x.example",
    )
    assert edited.usage_count == 2 and edited.text.startswith("Thanks")
    assert repo.usage()["praise"] == 2


def test_a_new_reply_is_added_and_a_broken_template_refused(engine: Engine) -> None:
    repo = SavedReplyRepository(engine)
    added = repo.save(
        SavedReply("team-1", "question", "de", "sie", "Hallo {author}!"), "a@x.example"
    )
    assert added.id is not None and repo.get("team-1") == added
    with pytest.raises(TemplateError):
        repo.save(SavedReply("team-2", "question", "de", "sie", "Hallo {author!"), "a@x.example")
    assert repo.get("team-2") is None
