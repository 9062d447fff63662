from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.cli.conftest import Invoke
from tests.factories import record

BAD_LINES = {
    17: "{broken json",
    42: json.dumps(record(42, created_at="last tuesday")),
    88: json.dumps(record(88, channel=None)),
}


def _hundred_rows(path: Path) -> Path:
    lines = [BAD_LINES.get(n, json.dumps(record(n), ensure_ascii=False)) for n in range(1, 101)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bad_rows_are_reported_and_the_rest_imported(invoke: Invoke, tmp_path: Path) -> None:
    source = _hundred_rows(tmp_path / "comments.jsonl")
    result = invoke("import", str(source), "--json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["inserted"] == 97 and summary["rejected"] == 3
    for line in BAD_LINES:
        assert f"comments.jsonl:{line}:" in result.stderr
    rejects = [json.loads(line) for line in Path(summary["rejects_file"]).read_text().splitlines()]
    assert [r["line"] for r in rejects] == sorted(BAD_LINES)
    assert {r["code"] for r in rejects} == {"E001", "E105", "E101"}

    again = invoke("import", str(source), "--json")
    assert json.loads(again.stdout.strip().splitlines()[-1])["inserted"] == 0
    stats = json.loads(invoke("stats", "--json").stdout)
    assert stats["comments"] == 97


def test_a_clean_csv_import_exits_zero(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "reviews.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(
            handle, ["channel", "external_id", "author", "text", "created_at", "media", "stars"]
        )
        writer.writeheader()
        for n in range(5):
            row = record(n, channel="webshop_review", media='["https://cdn.example.com/p.jpg"]')
            writer.writerow({**row, "stars": "4"})
    result = invoke("import", str(path))
    assert result.exit_code == 0, result.output
    assert "5 new" in result.stdout
    stats = json.loads(invoke("stats", "--json").stdout)
    assert stats["channels"] == {"webshop_review": 5}


def test_missing_file_and_unknown_format_are_clear_errors(invoke: Invoke, tmp_path: Path) -> None:
    assert "no such file" in invoke("import", str(tmp_path / "nope.jsonl")).stderr
    other = tmp_path / "a.xlsx"
    other.write_text("x")
    result = invoke("import", str(other))
    assert result.exit_code == 2 and "--format" in result.stderr
