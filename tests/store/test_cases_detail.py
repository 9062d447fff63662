"""The case view's detail: author card limits, unknown stored values, the author's sanctions."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine, select, update

from comity.actions import ActionContext, do_ban, do_mark_done, do_mute, do_unban
from comity.domain import Category, Role, Sentiment
from comity.store import tables as t
from comity.store.cases import CaseRepository
from comity.store.users import User
from tests.factories import T0
from tests.store.inbox_data import Seed, store

NOW = T0 + timedelta(hours=6)
MINA = User(id=1, email="mina@haneul.example", role=Role.MODERATOR, disabled=False)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def _seed(engine: Engine) -> dict[str, int]:
    ids = store(
        engine,
        [
            Seed("k1", "첫 번째 글", handle="kim"),
            Seed("k2", "두 번째 글", handle="kim"),
            Seed("k3", "세 번째 글", handle="kim"),
            Seed("ky", "유튜브에서도 왔어요", handle="kim", channel="youtube"),
            Seed("other", "다른 사람", handle="lee"),
        ],
    )
    with engine.begin() as conn:  # cases opened at T0 (the store stamps the wall clock)
        conn.execute(update(t.cases).values(created_at=T0, updated_at=T0))
    return ids


def test_author_counts_stop_at_the_cap_per_channel(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _seed(engine)
    repo = CaseRepository(engine)
    card = repo.detail(ids["k1"], now=NOW).author  # type: ignore[union-attr]
    assert card.comments_by_channel == {"instagram": 3, "youtube": 1}
    assert card.capped_channels == frozenset()
    assert sorted(summary.id for summary in card.earlier_cases) == sorted(
        [ids["k2"], ids["k3"], ids["ky"]]
    )
    monkeypatch.setattr("comity.store.cases.COUNT_CAP", 2)
    card = repo.detail(ids["k1"], now=NOW).author  # type: ignore[union-attr]
    assert card.comments_by_channel == {"instagram": 2, "youtube": 1}
    assert card.capped_channels == frozenset({"instagram"})
    lee = repo.detail(ids["other"], now=NOW).author  # type: ignore[union-attr]
    assert lee.comments_by_channel == {"instagram": 1} and lee.earlier_cases == []


def test_unknown_stored_category_is_logged_and_shown_as_neutral(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    ids = _seed(engine)
    with engine.begin() as conn:
        # `ids` are case ids; they equal comment ids only in a fresh database.
        comment_id = conn.execute(
            select(t.cases.c.comment_id).where(t.cases.c.id == ids["k1"])
        ).scalar_one()
        conn.execute(
            update(t.triages)
            .where(t.triages.c.comment_id == comment_id)
            .values(primary="chit_chat", sentiment="meh", secondary=["chit_chat", "praise"])
        )
    with caplog.at_level(logging.WARNING, logger="comity.store.cases"):
        detail = CaseRepository(engine).detail(ids["k1"], now=NOW)
    assert detail is not None and detail.triage is not None
    assert detail.triage.primary is Category.NEUTRAL
    assert detail.triage.sentiment is Sentiment.NEUTRAL
    assert detail.triage.secondary == (Category.PRAISE,)
    assert detail.view.category == "chit_chat"  # the list row shows the stored value as-is
    assert "chit_chat" in caplog.text


def test_audit_trail_shows_sanctions_on_the_author_while_the_case_was_open(
    engine: Engine,
) -> None:
    ids = _seed(engine)
    clock = Clock()
    ctx = ActionContext(engine, clock=clock)
    clock.now = T0 - timedelta(hours=1)  # before the case: not part of it
    do_mute(ctx, "instagram", "kim", T0 - timedelta(minutes=30), by=MINA, reason="earlier")
    clock.now = T0 + timedelta(minutes=5)
    do_ban(ctx, "instagram", "kim", by=MINA, reason="threats after warning")
    do_ban(ctx, "youtube", "kim", by=MINA, reason="another channel")  # not this author
    do_ban(ctx, "instagram", "lee", by=MINA, reason="someone else")
    clock.now = T0 + timedelta(minutes=10)
    do_unban(ctx, "instagram", "kim", by=MINA, reason="appeal accepted")
    clock.now = T0 + timedelta(minutes=20)
    do_mark_done(ctx, ids["k1"], by=MINA)
    clock.now = T0 + timedelta(minutes=30)  # after the case was closed
    do_ban(ctx, "instagram", "kim", by=MINA, reason="later")

    repo = CaseRepository(engine)
    audit = repo.detail(ids["k1"], now=NOW).audit  # type: ignore[union-attr]
    assert [(e.action, e.target_type, e.reason) for e in audit] == [
        ("ban", "author", "threats after warning"),
        ("unban", "author", "appeal accepted"),
        ("done", "case", ""),
    ]
    assert audit[0].actor == MINA.email and audit[0].target_id == "instagram:kim"
    # An open case of the same author shows every sanction since it was opened.
    open_audit = repo.detail(ids["k2"], now=NOW).audit  # type: ignore[union-attr]
    assert [e.reason for e in open_audit] == ["threats after warning", "appeal accepted", "later"]
