"""Generate the Haneul Coffee demo stream: `python -m comity.demo.generate [--out PATH]`.

Deterministic: a fixed seed and one `random.Random`, so the committed `haneul_demo.jsonl`
can be checked byte for byte against a fresh run.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

from comity.demo.population import add_angry, add_baseline, add_fans, add_spammers, add_trolls
from comity.demo.render import dumps, to_records
from comity.demo.storm import add_storm
from comity.demo.stream import Stream
from comity.demo.summary import summarize
from comity.demo.threads import add_threads

SEED = 20260715
DEFAULT_OUT = Path(__file__).with_name("haneul_demo.jsonl")


def build_records(seed: int = SEED) -> list[dict[str, Any]]:
    """Every import record of the demo stream, oldest first."""
    stream = Stream(random.Random(seed))
    add_baseline(stream)
    add_fans(stream)
    add_angry(stream)
    add_storm(stream)
    add_trolls(stream)  # after the others, so they have threads to derail
    add_spammers(stream)
    add_threads(stream)
    return to_records(stream.drafts, stream.rng)


def render(seed: int = SEED) -> str:
    """The demo stream as JSON Lines text."""
    return dumps(build_records(seed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="where to write the JSONL file"
    )
    parser.add_argument("--stats", action="store_true", help="also print key numbers (Markdown)")
    args = parser.parse_args(argv)
    records = build_records()
    text = dumps(records)
    args.out.write_text(text, encoding="utf-8")
    sys.stderr.write(f"wrote {len(records)} records to {args.out}\n")
    if args.stats:
        sys.stdout.write(summarize(records))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
