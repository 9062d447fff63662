from __future__ import annotations

import pytest
from sqlalchemy import Engine, delete, select

from comity.domain import Author
from comity.store import CommentRepository
from comity.store import tables as t
from comity.store.cases import CaseFilter, CaseRepository
from tests.factories import comment
from tests.store.inbox_data import Seed, store


@pytest.fixture
def ids(engine: Engine) -> dict[str, int]:
    return store(
        engine,
        [
            Seed("refund", "빨리 환불해주세요 제발"),
            Seed("late", "배송이 너무 늦어요 ㅠㅠ"),
            Seed("en", "Where is my REFUND, 100% unacceptable"),
            Seed("under", "price_tag is wrong"),
        ],
    )


def _found(engine: Engine, ids: dict[str, int], term: str) -> set[str]:
    by_id = {case_id: key for key, case_id in ids.items()}
    views = CaseRepository(engine).list(CaseFilter(search=term, status="any"))
    return {by_id[view.case.id] for view in views}


def test_finds_korean_words_inside_longer_eojeol(engine: Engine, ids: dict[str, int]) -> None:
    assert _found(engine, ids, "환불") == {"refund"}  # two characters: the LIKE path
    assert _found(engine, ids, "환불해") == {"refund"}  # three or more: the trigram index
    assert _found(engine, ids, "늦어") == {"late"}
    assert _found(engine, ids, "해주세요 빨리") == {"refund"}  # every word, any order
    assert _found(engine, ids, "환불 배송") == set()


def test_latin_search_ignores_case_and_treats_wildcards_literally(
    engine: Engine, ids: dict[str, int]
) -> None:
    assert _found(engine, ids, "refund") == {"en"}
    assert _found(engine, ids, "100%") == {"en"}
    assert _found(engine, ids, "r_c") == set()  # "_" is not a wildcard
    assert _found(engine, ids, "s_") == set()
    assert _found(engine, ids, "e_tag") == {"under"}
    assert _found(engine, ids, 'my "REFUND') == set()  # a quote is a character, not syntax


def test_index_follows_bulk_inserts_edits_and_deletes(engine: Engine, ids: dict[str, int]) -> None:
    repo = CommentRepository(engine)
    author = Author(channel="instagram", handle="fan_a")
    # An edit through the upsert path replaces the indexed text.
    repo.upsert_many(
        [comment(0, external_id="late", author=author, text="택배가 도착했어요")],
        [{}],
        source="test",
    )
    assert _found(engine, ids, "배송이") == set()
    assert _found(engine, ids, "택배가") == {"late"}
    with engine.begin() as conn:
        conn.execute(delete(t.comments).where(t.comments.c.external_id == "refund"))
        assert (
            conn.execute(select(t.cases.c.id).where(t.cases.c.id == ids["refund"])).first() is None
        )
    assert _found(engine, ids, "환불해") == set()
