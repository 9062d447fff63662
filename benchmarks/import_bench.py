"""Import speed: `comity import` code path vs a bare executemany INSERT of the same rows.

Run: .venv/bin/python benchmarks/import_bench.py [--rows 100000] [--postgres URL]
Prints comments/s for both and their ratio (the baseline is measured in the same run).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, create_engine, insert

from comity.ingest.readers import read_rows
from comity.ingest.service import ingest_rows
from comity.store import CommentRepository, make_engine, migrate

CHANNELS = ("instagram", "youtube", "x", "facebook", "naver_cafe", "kakao")
WORDS = ("유자에이드", "맛있어요", "배송", "언제", "텀블러", "great", "coffee", "lecker", "Filiale")


def write_stream(path: Path, rows: int) -> None:
    start = datetime(2026, 7, 1, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(rows):
            words = " ".join(WORDS[(i * k) % len(WORDS)] for k in (1, 3, 7, 11))
            record = {
                "channel": CHANNELS[i % len(CHANNELS)],
                "external_id": f"c{i}",
                "author": f"user{i % 9973}",
                "text": f"{words} #{i}",
                "created_at": (start + timedelta(seconds=17 * i)).isoformat(),
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def comity_import(url: str, path: Path) -> float:
    engine = make_engine(url)
    migrate(engine)
    began = time.perf_counter()
    report = ingest_rows(read_rows(path), CommentRepository(engine), source="bench")
    elapsed = time.perf_counter() - began
    engine.dispose()
    assert not report.rejected
    return elapsed


def bare_insert(url: str, path: Path) -> float:
    """The floor: parse JSON and executemany into one flat table, no validation or dedupe."""
    engine = create_engine(url)
    table = Table(
        "bare",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("channel", String(64)),
        Column("external_id", String(200)),
        Column("author", String(200)),
        Column("text", Text),
        Column("created_at", String(40)),
    )
    table.metadata.drop_all(engine)
    table.metadata.create_all(engine)
    began = time.perf_counter()
    batch: list[dict[str, str]] = []
    with engine.begin() as conn:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                batch.append(json.loads(line))
                if len(batch) == 2000:
                    conn.execute(insert(table), batch)
                    batch = []
        if batch:
            conn.execute(insert(table), batch)
    elapsed = time.perf_counter() - began
    table.metadata.drop_all(engine)
    engine.dispose()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--postgres", default="", help="a scratch database URL to test too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        stream = Path(tmp) / "stream.jsonl"
        write_stream(stream, args.rows)
        targets = [("sqlite", f"sqlite:///{tmp}/bench.db", f"sqlite:///{tmp}/bare.db")]
        if args.postgres:
            targets.append(("postgresql", args.postgres, args.postgres))
        for name, url, bare_url in targets:
            ours = comity_import(url, stream)
            again = comity_import(url, stream)
            floor = bare_insert(bare_url, stream)
            print(
                f"{name}: {args.rows} rows  comity import {args.rows / ours:,.0f}/s  "
                f"re-import (all unchanged) {args.rows / again:,.0f}/s  "
                f"bare INSERT {args.rows / floor:,.0f}/s  ratio {ours / floor:.2f}x the floor"
            )


if __name__ == "__main__":
    main()
