from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, update

from comity.domain import CaseStatus, Category, Priority, Queue, Sentiment
from comity.store import tables as t
from comity.store.cases import CaseFilter, CaseFilterError, CaseRepository
from tests.factories import T0
from tests.store.inbox_data import Seed, store

NOW = T0 + timedelta(minutes=90)


@pytest.fixture
def ids(engine: Engine) -> dict[str, int]:
    return store(
        engine,
        [
            Seed("late", "배송이 너무 늦어요", due_minutes=30, priority=Priority.P2,
                 category=Category.COMPLAINT, sentiment=Sentiment.NEGATIVE, handle="kim"),
            Seed("soon_p1", "주문 확인 부탁드려요", due_minutes=120, priority=Priority.P1),
            Seed("soon_p3", "매장 몇 시에 열어요?", due_minutes=120, priority=Priority.P3,
                 channel="youtube", lang="en", campaign="summer"),
            Seed("undated", "고마워요", due_minutes=None, priority=Priority.P1),
            Seed("refund", "환불해주세요 제발", due_minutes=200, handle="kim", channel="youtube",
                 category=Category.COMPLAINT, sentiment=Sentiment.NEGATIVE),
            Seed("troll", "spam spam", queue=Queue.MODERATION, due_minutes=10),
            Seed("closed", "잘 받았어요", queue=Queue.DONE, due_minutes=None),
            Seed("reply", "저도 궁금해요", parent="soon_p1", handle="lee"),
        ],
    )  # fmt: skip


def _keys(views: list, ids: dict[str, int]) -> list[str]:  # type: ignore[type-arg]
    by_id = {case_id: key for key, case_id in ids.items()}
    return [by_id[view.case.id] for view in views]


def test_queue_is_sorted_by_due_time_then_priority_undated_last(
    engine: Engine, ids: dict[str, int]
) -> None:
    views = CaseRepository(engine).list(CaseFilter(queue="needs_reply"), now=NOW)
    assert _keys(views, ids) == ["late", "reply", "soon_p1", "soon_p3", "refund", "undated"]
    row = views[0]
    assert (row.category, row.sentiment, row.lang, row.channel) == (
        "complaint", "negative", "ko", "instagram",
    )  # fmt: skip
    assert row.author_handle == "kim" and row.priority == "P2" and row.snippet
    assert row.due_at == T0 + timedelta(minutes=30)


def test_paging_crosses_from_dated_to_undated_cases(engine: Engine, ids: dict[str, int]) -> None:
    repo = CaseRepository(engine)
    everything = _keys(repo.list(CaseFilter(queue="needs_reply"), now=NOW), ids)
    pages = [
        _keys(repo.list(CaseFilter(queue="needs_reply", limit=2, offset=o), now=NOW), ids)
        for o in (0, 2, 4, 6)
    ]
    assert [key for page in pages for key in page] == everything
    assert pages[-1] == []


def test_filters(engine: Engine, ids: dict[str, int]) -> None:
    repo = CaseRepository(engine)

    def keys(**kw: object) -> list[str]:
        return _keys(repo.list(CaseFilter(**kw), now=NOW), ids)  # type: ignore[arg-type]

    assert keys(queue="needs_reply", channel="youtube") == ["soon_p3", "refund"]
    assert keys(lang="en") == ["soon_p3"]
    assert keys(category="complaint") == ["late", "refund"]
    assert keys(sentiment="negative", channel="instagram") == ["late"]
    assert keys(campaign="summer") == ["soon_p3"]
    assert keys(queue="moderation") == ["troll"]
    assert keys(queue="done") == ["closed"]
    assert keys(view="overdue") == ["troll", "late", "reply"]


def test_views_mine_unassigned_and_counts(engine: Engine, ids: dict[str, int]) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(t.cases).where(t.cases.c.id == ids["late"]).values(assignee="mina@x.example")
        )
        conn.execute(
            update(t.cases)
            .where(t.cases.c.id == ids["soon_p1"])
            .values(snoozed_until=NOW + timedelta(hours=1))
        )
    repo = CaseRepository(engine)
    mine = repo.list(CaseFilter(view="mine", me="mina@x.example"), now=NOW)
    assert _keys(mine, ids) == ["late"]
    unassigned = _keys(repo.list(CaseFilter(view="unassigned", queue="needs_reply"), now=NOW), ids)
    assert "late" not in unassigned and "soon_p1" not in unassigned  # snoozed: out of the queue
    snoozed = repo.list(CaseFilter(status="snoozed"), now=NOW)
    assert _keys(snoozed, ids) == ["soon_p1"] and snoozed[0].case.status is CaseStatus.SNOOZED
    # Once the snooze passes, the case is back in its queue.
    later = NOW + timedelta(hours=2)
    assert "soon_p1" in _keys(repo.list(CaseFilter(queue="needs_reply"), now=later), ids)

    counts = repo.counts(me="mina@x.example", now=NOW)
    assert dict(counts) == {"done": 1, "moderation": 1, "needs_reply": 5}
    assert (counts.mine, counts.unassigned, counts.overdue) == (1, 5, 3)


def test_bad_filters_are_refused_with_a_reason(engine: Engine) -> None:
    repo = CaseRepository(engine)
    with pytest.raises(CaseFilterError, match="mine"):
        repo.list(CaseFilter(view="mine"))
    with pytest.raises(CaseFilterError, match="queue"):
        repo.list(CaseFilter(queue="nope"))
    with pytest.raises(CaseFilterError, match="limit"):
        repo.list(CaseFilter(limit=0))


def test_detail_has_thread_triage_and_author_card(engine: Engine, ids: dict[str, int]) -> None:
    repo = CaseRepository(engine)
    detail = repo.detail(ids["soon_p1"], now=NOW)
    assert detail is not None
    assert [reply.external_id for reply in detail.replies] == ["reply"]
    assert detail.triage is not None and detail.triage.primary is Category.QUESTION
    assert detail.view.reason == "plan for soon_p1"
    assert detail.view.actions == ({"kind": "help", "automatic": False},)
    child = repo.detail(ids["reply"], now=NOW)
    assert child is not None and child.parent is not None
    assert child.parent.external_id == "soon_p1"

    late = repo.detail(ids["late"], now=NOW)
    assert late is not None
    card = late.author
    # The same handle on two channels: both count, the other open complaint is a problem.
    assert card.comments_by_channel == {"instagram": 1, "youtube": 1}
    assert card.total_comments == 2
    assert [summary.id for summary in card.earlier_cases] == [ids["refund"]]
    assert card.open_problem is True
    assert card.first_seen == T0
    assert repo.detail(ids["troll"], now=NOW).author.open_problem is False  # type: ignore[union-attr]
    assert repo.detail(999_999) is None


@pytest.mark.parametrize("first_chunk", [500, 1])
def test_campaign_filter_walks_the_open_cases_in_order_and_pages(
    engine: Engine, first_chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("comity.store.cases.WALK_FIRST_CHUNK", first_chunk)  # 1, 4, 16, ...
    seeds = [
        Seed(
            f"c{i}",
            f"여름 이벤트 {i}",
            due_minutes=10 * (20 - i),
            campaign="summer" if i % 2 else None,
        )
        for i in range(20)
    ]
    ids = store(engine, seeds)
    repo = CaseRepository(engine)
    expected = [f"c{i}" for i in range(19, 0, -2)]  # earliest due first
    assert _keys(repo.list(CaseFilter(campaign="summer", limit=500), now=NOW), ids) == expected
    pages = [
        _keys(repo.list(CaseFilter(campaign="summer", limit=3, offset=o), now=NOW), ids)
        for o in range(0, 12, 3)
    ]
    assert [key for page in pages for key in page] == expected
