"""Read import files (JSON Lines or CSV) into numbered rows; unreadable lines become errors."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from comity.ingest.records import RecordError
from comity.ingest.service import SourceRow

FORMATS = ("jsonl", "csv")


def detect_format(path: Path) -> str:
    """The format by file extension: .jsonl/.ndjson/.json → jsonl, .csv → csv."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    raise ValueError(f"cannot tell the format of {path.name}; use --format jsonl or --format csv")


def read_rows(path: Path, fmt: str | None = None) -> Iterator[SourceRow]:
    """Yield each record with its 1-based line number."""
    fmt = fmt or detect_format(path)
    if fmt == "jsonl":
        yield from _read_jsonl(path)
    elif fmt == "csv":
        yield from _read_csv(path)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _read_jsonl(path: Path) -> Iterator[SourceRow]:
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            raw = line.rstrip("\n")
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as error:
                yield SourceRow(
                    number, None, raw, RecordError("E001", f"not valid JSON: {error.msg}")
                )
                continue
            if not isinstance(record, dict):
                yield SourceRow(
                    number, None, raw, RecordError("E100", "a record must be a JSON object")
                )
                continue
            yield SourceRow(number, record, raw)


def _read_csv(path: Path) -> Iterator[SourceRow]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None:
            return
        for record in reader:
            line = reader.line_num
            raw = ",".join(value or "" for value in record.values() if isinstance(value, str))
            if None in record:
                yield SourceRow(
                    line, None, raw, RecordError("E002", "more cells than header columns")
                )
                continue
            cleaned = {key: value for key, value in record.items() if value not in ("", None)}
            yield SourceRow(line, cleaned, raw)


def write_rejects(path: Path, rows: list[tuple[str, int, str, str, str]]) -> None:
    """Write rejected rows as JSON Lines: file, line, code, message and the raw text."""
    with path.open("w", encoding="utf-8") as handle:
        for source, line, code, message, raw in rows:
            handle.write(
                json.dumps(
                    {"file": source, "line": line, "code": code, "error": message, "raw": raw},
                    ensure_ascii=False,
                )
                + "\n"
            )
