from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from comity.ingest.records import RecordError, comment_to_record, parse_record
from tests.factories import record


def test_a_full_record_round_trips() -> None:
    full = record(
        1,
        parent="ig_0",
        media=["https://cdn.example.com/a.jpg"],
        url="https://instagram.example/p/1",
        lang="ko",
        context={"campaign": "#여름엔비바"},
        shop_rating=5,
        author={"handle": "fan_1", "name": "하늘덕후"},
    )
    comment = parse_record(full)
    assert comment.extra == {"shop_rating": 5}
    assert comment.author.display_name == "하늘덕후"
    assert comment.created_at.tzinfo is not None
    assert parse_record(comment_to_record(comment)) == comment


def test_times_are_normalised_to_utc() -> None:
    comment = parse_record(record(1, created_at="2026-07-01T09:00:00+09:00"))
    assert comment.created_at == datetime(2026, 7, 1, 0, 0, tzinfo=UTC)
    assert (
        parse_record(record(1, created_at="2026-07-01T00:00:00Z")).created_at == comment.created_at
    )


def test_csv_style_cells_are_accepted() -> None:
    comment = parse_record(
        record(
            1,
            media='["https://cdn.example.com/a.jpg"]',
            context='{"campaign": null}',
            external_id=123,
        )
    )
    assert comment.media == ("https://cdn.example.com/a.jpg",)
    assert comment.external_id == "123"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"channel": None}, "E101"),
        ({"channel": "Insta Gram"}, "E101"),
        ({"external_id": ""}, "E102"),
        ({"author": None}, "E103"),
        ({"text": None}, "E104"),
        ({"text": "   "}, "E104"),
        ({"created_at": "yesterday"}, "E105"),
        ({"created_at": None}, "E105"),
        ({"parent": ["x"]}, "E106"),
        ({"media": ["file:///etc/passwd"]}, "E107"),
        ({"media": "[1, 2]"}, "E107"),
        ({"url": "javascript:alert(1)"}, "E108"),
        ({"lang": "korean!"}, "E109"),
        ({"context": "[1]"}, "E110"),
    ],
)
def test_bad_records_are_refused_with_a_code(change: dict[str, Any], code: str) -> None:
    with pytest.raises(RecordError) as caught:
        parse_record(record(1, **change))
    assert caught.value.code == code
    assert code in str(caught.value)


def test_media_only_comment_is_fine() -> None:
    comment = parse_record(record(1, text="", media=["https://cdn.example.com/a.jpg"]))
    assert comment.text == ""
