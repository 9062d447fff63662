"""Moderator decisions read back from the audit log as training labels (our own texts)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine, select

from comity.domain import Action, Category
from comity.store import tables as t
from comity.store.audit import write_audit
from comity.store.decisions import decision_records, label_category
from tests.factories import T0
from tests.store.inbox_data import Seed, store

SEEDS = [
    Seed("c1", "this blorp is the worst human ever", category=Category.COMPLAINT),
    Seed("c2", "love the new mint latte", category=Category.NEUTRAL),
    Seed("c3", "buy followers at example dot biz", category=Category.SPAM),
    Seed("c4", "what time do you open on sunday", category=Category.QUESTION),
    Seed("c5", "please bring back the big cups", category=Category.NEUTRAL),
    Seed("c6", "hidden then shown again", category=Category.NEUTRAL),
]


def _audit(
    engine: Engine, steps: list[tuple[str, str, object, dict[str, str], dict[str, str]]]
) -> None:
    with engine.begin() as conn:
        for i, (kind, target_type, target_id, before, after) in enumerate(steps):
            write_audit(
                conn,
                Action(
                    kind=kind,
                    target_type=target_type,
                    target_id=str(target_id),
                    actor="mod@example.org",
                    at=T0 + timedelta(minutes=i),
                    reason="rule 3" if kind in ("hide", "delete") else "",
                    before=before,
                    after=after,
                ),
            )


def test_actions_and_labels_become_one_label_per_comment(engine: Engine) -> None:
    cases = store(engine, SEEDS)
    with engine.connect() as conn:
        comment_of = {r.id: r.comment_id for r in conn.execute(select(t.cases))}
    c = {key: comment_of[case] for key, case in cases.items()}
    _audit(
        engine,
        [
            ("hide", "comment", c["c1"], {"status": "visible"}, {"status": "hidden"}),
            ("like", "case", cases["c2"], {}, {"liked": True}),
            ("delete", "comment", c["c3"], {"status": "visible"}, {"status": "deleted"}),
            ("label", "case", cases["c4"], {}, {"label": "category:praise"}),
            ("unlabel", "case", cases["c4"], {"label": "category:praise"}, {}),
            ("feedback", "case", cases["c5"], {}, {"note_id": 1}),
            ("label", "case", cases["c5"], {}, {"label": "urgent"}),  # not a category
            ("hide", "comment", c["c6"], {"status": "visible"}, {"status": "hidden"}),
            ("unhide", "comment", c["c6"], {"status": "hidden"}, {"status": "visible"}),
            ("label", "case", cases["c1"], {}, {"label": "category:troll"}),
            ("assign", "case", cases["c1"], {}, {"assignee": "x"}),  # says nothing
        ],
    )
    records = {r["comment_id"]: r for r in decision_records(engine)}
    # The explicit label beats the earlier hide; the hide alone would have said toxic.
    assert records[c["c1"]]["primary"] == "troll"
    assert records[c["c1"]]["source"] == "label"
    assert records[c["c2"]]["primary"] == "praise"  # like
    assert records[c["c3"]]["primary"] == "spam"  # deleted spam stays spam, not toxic
    assert records[c["c5"]]["primary"] == "feedback"
    assert c["c4"] not in records  # the label was taken back
    assert c["c6"] not in records  # unhide cancels the hide
    first = records[c["c2"]]
    assert first["text"] == "love the new mint latte"
    assert first["lang"] == "ko" and first["channel"] == "instagram"
    assert first["actor"] == "mod@example.org" and first["at"].startswith("20")
    assert first["triage_primary"] == "neutral"


def test_a_hide_of_a_non_moderation_category_is_toxic(engine: Engine) -> None:
    cases = store(engine, SEEDS[:1])
    with engine.connect() as conn:
        comment_id = conn.execute(select(t.cases.c.comment_id)).scalar_one()
    _audit(engine, [("hide", "comment", comment_id, {}, {"status": "hidden"})])
    (record,) = list(decision_records(engine))
    assert record["primary"] == "toxic" and record["source"] == "hide"
    assert cases  # stored through the real repositories


def test_no_decisions_no_records(engine: Engine) -> None:
    store(engine, SEEDS[:2])
    assert list(decision_records(engine)) == []


def test_label_category_accepts_only_known_categories() -> None:
    assert label_category("category:praise") == "praise"
    assert label_category("category:nonsense") is None
    assert label_category("praise") is None
