from __future__ import annotations

import json
from pathlib import Path

import pytest

from comity.ingest.readers import detect_format, read_rows
from tests.factories import record


def test_jsonl_rows_carry_line_numbers_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps(record(1)) + "\n\n{not json\n" + json.dumps([1]) + "\n", encoding="utf-8"
    )
    rows = list(read_rows(path))
    assert [row.line for row in rows] == [1, 3, 4]
    assert rows[0].record is not None and rows[0].error is None
    assert rows[1].error is not None and rows[1].error.code == "E001"
    assert rows[2].error is not None and rows[2].error.code == "E100"


def test_csv_rows_with_quoted_newlines_keep_their_line(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        "channel,external_id,author,text,created_at\n"
        'x,1,a,"two\nlines",2026-07-01T00:00:00Z\n'
        "x,2,b,plain,2026-07-01T00:00:00Z,extra-cell\n",
        encoding="utf-8",
    )
    rows = list(read_rows(path))
    assert rows[0].record is not None and rows[0].record["text"] == "two\nlines"
    assert rows[1].line == 4 and rows[1].error is not None and rows[1].error.code == "E002"


def test_format_comes_from_the_extension(tmp_path: Path) -> None:
    assert detect_format(tmp_path / "a.ndjson") == "jsonl"
    assert detect_format(tmp_path / "a.CSV") == "csv"
    with pytest.raises(ValueError, match="--format"):
        detect_format(tmp_path / "a.xlsx")
