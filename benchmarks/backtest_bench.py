"""`comity rules backtest` over N stored comments (target: 100,000 in under 30 s on SQLite).

Run: .venv/bin/python benchmarks/backtest_bench.py [--rows 100000]
Stores N comments made from the demo stream's texts (new ids, spread over 30 days), triages
and judges them with the real pipeline, then times the backtest of the default rules against
themselves, next to the floor of only reading the same comments back.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from comity.demo.loader import DEMO_FILE
from comity.ingest.service import SourceRow, ingest_rows
from comity.netiquette import backtest, load_default_rules
from comity.netiquette.stage import InMemoryHistory, author_context
from comity.runtime.services import Services
from comity.settings import Settings


def rows(count: int) -> list[SourceRow]:
    demo = [json.loads(line) for line in DEMO_FILE.read_text(encoding="utf-8").splitlines()]
    start = datetime.now(UTC) - timedelta(days=30)
    made = []
    for i in range(count):
        base = demo[i % len(demo)]
        record = {
            "channel": base["channel"],
            "external_id": f"bench-{i}",
            "author": f"user{i % 20011}",
            "text": base["text"],
            "created_at": (start + timedelta(seconds=25 * i)).isoformat(),
        }
        made.append(SourceRow(i + 1, record, ""))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        services = Services.from_settings(Settings(data_dir=Path(tmp)))
        began = time.perf_counter()
        ingest_rows(rows(args.rows), services.comments, source="bench")
        stored = time.perf_counter() - began
        began = time.perf_counter()
        services.runner.run_pending()
        processed = time.perf_counter() - began

        began = time.perf_counter()
        read = sum(1 for _ in services.comments.iter_with_triage(None))
        floor = time.perf_counter() - began

        rules = load_default_rules()
        history = InMemoryHistory()
        began = time.perf_counter()
        report = backtest(
            rules,
            rules,
            services.comments.iter_with_triage(None),
            context_for=lambda comment: author_context(rules, comment, history),
        )
        elapsed = time.perf_counter() - began
        services.close()
    hits = sum(rule.total for rule in report.rules.values())
    print(f"stored {args.rows} in {stored:.1f} s, pipeline {args.rows / processed:,.0f}/s")
    print(
        f"backtest of {report.comments} comments: {elapsed:.1f} s ({hits} hits); "
        f"reading them alone {floor:.1f} s ({read}); ratio {elapsed / floor:.1f}x the floor"
    )


if __name__ == "__main__":
    main()
