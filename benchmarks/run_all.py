"""`make bench`: every benchmark once, one after another, each in its own process.

Run: .venv/bin/python benchmarks/run_all.py [--quick] [--postgres URL] [--only NAME ...]
Each benchmark measures its own baseline in the same run and prints ratios; this script only
runs them and says which failed. `--quick` uses small sizes (a smoke run of a few minutes);
without it the sizes documented in docs/benchmarks.md. Benchmarks that read
../shared/data (triage, replies seed check) need that folder next to the checkout.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED_DEV = HERE.parent.parent / "shared/data/seed_taxonomy/seed_taxonomy_dev.jsonl"


def plan(small: bool, postgres: str) -> list[tuple[str, list[str]]]:
    """(name, argv after the interpreter) per benchmark."""
    pg = ["--postgres", postgres] if postgres else []
    return [
        ("normalize", ["benchmarks/normalize_bench.py"]),
        ("import", ["benchmarks/import_bench.py", "--rows", "5000" if small else "100000", *pg]),
        ("backtest", ["benchmarks/backtest_bench.py", "--rows", "5000" if small else "100000"]),
        ("triage-signals", ["benchmarks/triage_signals_bench.py", *(["--n", "2000"] * small)]),
        ("triage-peers", ["benchmarks/triage_peers.py", *(["--n", "300"] * small)]),
        ("triage-latency", ["benchmarks/triage_latency_bench.py", *(["--n", "300"] * small)]),
        ("replies", ["benchmarks/replies_bench.py", *(["--runs", "50"] * small)]),
        ("replies-seed", ["benchmarks/replies_seed_check.py", str(SEED_DEV)]),
        (
            "queue",
            ["benchmarks/queue_bench.py", "--rows", "20000" if small else "200000", *pg],
        ),
        (
            "inbox-pages",
            ["benchmarks/inbox_page_bench.py", "--rows", "20000" if small else "200000", *pg],
        ),
        ("storms", ["-m", "benchmarks.storms.run", "--first", "201"]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, a smoke run")
    parser.add_argument("--postgres", default="", help="a scratch database URL for PG runs")
    parser.add_argument("--only", nargs="*", default=[], help="run only these names")
    args = parser.parse_args()
    failed: list[str] = []
    for name, argv in plan(args.quick, args.postgres):
        if args.only and name not in args.only:
            continue
        print(f"\n=== {name}: python {' '.join(argv)}", flush=True)
        began = time.perf_counter()
        done = subprocess.run([sys.executable, *argv], cwd=HERE.parent, check=False)
        print(f"=== {name}: exit {done.returncode} after {time.perf_counter() - began:.0f} s")
        if done.returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
