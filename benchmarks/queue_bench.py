"""Queue page queries with many stored comments: CaseRepository.list + counts vs a bare SELECT.

Run: .venv/bin/python benchmarks/queue_bench.py [--rows 200000] [--postgres ADMIN_URL]
     [--repeat 30]

Synthetic comments, triages and cases are inserted directly (not through the pipeline), then
the queries behind the inbox's queue page are timed: the Needs reply list (50 rows) with
all queue and view counts, plus the other views, filters and search. The baseline, measured in
the same run on the same database, is a bare `SELECT ... FROM comments LIMIT 50`.
With --postgres a throwaway database is created on that server and dropped afterwards.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, insert, text

from comity.store import make_engine, migrate
from comity.store import tables as t
from comity.store.cases import CaseFilter, CaseRepository

CHANNELS = ("instagram", "youtube", "x", "facebook", "naver_cafe", "kakao")
LANGS = ("ko", "ko", "ko", "en", "de")
SYLLABLES = (
    "가나다라마바사아자차카타파하커피유자에이드맛있어요배송언제오나요텀블러매장쿠폰이벤트최고"
)
LATIN = ("great", "coffee", "lecker", "Filiale", "store", "order", "cup", "again", "nice", "latte")
# "환불해주세요" (please refund) in one comment of 200: a realistic, selective search term.
NEEDLE = "환불해주세요"
CATEGORIES = ("praise", "question", "complaint", "feedback", "neutral", "spam", "toxic")
SENTIMENTS = ("positive", "neutral", "negative")
# Share of cases per queue (per 100), roughly what the demo's playbook produces.
QUEUES = (
    ["needs_reply"] * 35 + ["moderation"] * 15 + ["feedback"] * 10 + ["fan_content"] * 10
    + ["showcase"] * 5 + ["campaign"] * 5 + ["legal"] * 2 + ["done"] * 18
)  # fmt: skip
TEAM = [f"member{i}@haneul.example" for i in range(5)]
NOW = datetime(2026, 7, 22, 12, 0, tzinfo=UTC)


def _words(i: int) -> str:
    """Five pseudo-words from a few thousand, deterministic per row."""
    found = []
    for k in (1, 7, 13, 31, 61):
        n = (i * k * 2654435761) % 4_294_967_291
        if n % 4 == 0:
            found.append(LATIN[n % len(LATIN)])
        else:
            length = 2 + n % 3
            found.append("".join(SYLLABLES[(n >> (5 * j)) % len(SYLLABLES)] for j in range(length)))
    if i % 200 == 7:
        found.insert(2, NEEDLE)
    return " ".join(found)


def fill(engine: Engine, rows: int, open_days: float = 2, chunk: int = 5000) -> None:
    start = NOW - timedelta(days=21)
    authors = max(1, rows // 8)
    with engine.begin() as conn:
        for base in range(0, authors, chunk):
            conn.execute(
                insert(t.authors),
                [
                    {
                        "id": i + 1,
                        "channel": CHANNELS[i % len(CHANNELS)],
                        "handle": f"user{i}",
                        "display_name": "",
                        "first_seen": start,
                        "strikes": 0,
                    }
                    for i in range(base, min(authors, base + chunk))
                ],
            )
    for base in range(0, rows, chunk):
        ids = range(base, min(rows, base + chunk))
        comments, triages, cases = [], [], []
        for i in ids:
            author = i % authors
            created = start + timedelta(seconds=21 * 86400 * i / rows)
            words = _words(i)
            comments.append(
                {
                    "id": i + 1,
                    "channel": CHANNELS[author % len(CHANNELS)],
                    "external_id": f"c{i}",
                    "author_id": author + 1,
                    "text": f"{words} #{i}",
                    "created_at": created,
                    "updated_at": created,
                    "parent_external_id": f"c{i - 1}" if i % 5 == 4 else None,
                    "media": [],
                    "url": None,
                    "lang": None,
                    "context": {"campaign": "summer"} if i % 20 == 0 else {},
                    "extra": {},
                    "status": "visible",
                    "edit_count": 0,
                    "pipeline_done": "playbook",
                    "pipeline_version": 1,
                }
            )
            triages.append(
                {
                    "comment_id": i + 1,
                    "lang": LANGS[i % len(LANGS)],
                    "primary": CATEGORIES[i % len(CATEGORIES)],
                    "secondary": [],
                    "sentiment": SENTIMENTS[i % len(SENTIMENTS)],
                    "action": "none",
                    "legal_sub": None,
                    "signals": {"toxicity": 0.1},
                    "reasons": ["bench"],
                    "model": "bench",
                    "toxicity": 0.1,
                }
            )
            queue = QUEUES[(i * 37) % len(QUEUES)]
            # The team keeps up: the last two days are open, older cases mostly done.
            recent = NOW - created < timedelta(days=open_days)
            done = queue == "done" or not (recent or i % 50 == 0)
            due = None if queue in ("done", "fan_content") else created + timedelta(hours=4)
            cases.append(
                {
                    "id": i + 1,
                    "comment_id": i + 1,
                    "queue": queue,
                    "priority": f"P{1 + i % 4}",
                    "status": "done" if done else "open",
                    "due_at": due,
                    "assignee": TEAM[i % len(TEAM)] if i % 5 == 0 else None,
                    "reason": "bench",
                    "actions": [{"kind": "help", "automatic": False}],
                    "created_at": created,
                    "updated_at": created,
                    "first_response_at": None,
                    "resolved_at": created if done else None,
                    "snoozed_until": NOW + timedelta(hours=2) if i % 50 == 1 else None,
                }
            )
        with engine.begin() as conn:
            conn.execute(insert(t.comments), comments)
            conn.execute(insert(t.triages), triages)
            conn.execute(insert(t.cases), cases)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            # Explicit ids bypassed the sequences; later inserts must not collide.
            for table in ("authors", "comments", "cases"):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
                )
        if engine.dialect.name != "postgresql":
            conn.execute(text("ANALYZE"))
    if engine.dialect.name == "postgresql":
        # What autovacuum does on a live server: statistics and the visibility map (which
        # index-only scans need). VACUUM cannot run inside a transaction.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))


def timed(run: Callable[[], Any], repeat: int) -> list[float]:
    run()  # warm caches and the statement cache
    found = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        found.append((time.perf_counter() - began) * 1000)
    return found


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(engine: Engine, repeat: int) -> list[tuple[str, float, float]]:
    repo = CaseRepository(engine)
    me = TEAM[0]

    def baseline() -> None:
        with engine.connect() as conn:
            conn.execute(text("SELECT id, channel, text, created_at FROM comments LIMIT 50")).all()

    def page(**filters: Any) -> Callable[[], None]:
        def run() -> None:
            repo.list(CaseFilter(me=me, **filters), now=NOW)
            repo.counts(me=me, now=NOW)

        return run

    cases: list[tuple[str, Callable[[], None]]] = [
        ("baseline: SELECT ... FROM comments LIMIT 50", baseline),
        ("queue page: needs_reply list + counts", page(queue="needs_reply")),
        ("list only: needs_reply", lambda: repo.list(CaseFilter(queue="needs_reply"), now=NOW)),
        ("counts only", lambda: repo.counts(me=me, now=NOW)),
        ("view mine + counts", page(view="mine")),
        ("view unassigned + counts", page(view="unassigned")),
        ("view overdue + counts", page(view="overdue")),
        ("needs_reply page 5 (offset 200)", page(queue="needs_reply", offset=200)),
        ("filter channel+lang+sentiment", page(queue="needs_reply", channel="youtube",
                                               lang="en", sentiment="negative")),
        ("filter campaign", page(campaign="summer")),
        ("search 환불해 (trigram)", page(search="환불해")),
        ("search 커피 맛있 (two words)", page(search="커피 맛있")),
        ("search 환불 (2 chars, LIKE)", page(search="환불")),
        ("done queue", page(queue="done")),
    ]  # fmt: skip
    results = []
    for name, run in cases:
        values = timed(run, repeat)
        results.append((name, statistics.median(values), p95(values)))
    return results


def report(
    label: str, engine: Engine, fill_s: float, results: list[tuple[str, float, float]]
) -> None:
    base = results[0][1]
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT count(*) FROM comments")).scalar_one()
        open_cases = conn.execute(
            text("SELECT count(*) FROM cases WHERE status = 'open'")
        ).scalar_one()
    print(
        f"\n{label}: {rows:,} comments with cases, {open_cases:,} open (filled in {fill_s:.1f} s)"
    )
    print(f"{'query':48} {'median ms':>10} {'p95 ms':>8} {'x baseline':>11}")
    for name, median, high in results:
        print(f"{name:48} {median:10.2f} {high:8.2f} {median / base:11.1f}")


@contextmanager
def postgres_database(admin_url: str) -> Iterator[str]:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"comity_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run(label: str, url: str, rows: int, repeat: int, open_days: float) -> None:
    engine = make_engine(url)
    migrate(engine)
    began = time.perf_counter()
    fill(engine, rows, open_days)
    fill_s = time.perf_counter() - began
    report(label, engine, fill_s, measure(engine, repeat))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--postgres", help="admin URL, e.g. postgresql+psycopg://postgres@/test")
    parser.add_argument(
        "--open-days", type=float, default=2, help="cases this recent are open (backlog size)"
    )
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as folder:
            run(
                "SQLite",
                f"sqlite:///{Path(folder) / 'bench.db'}",
                args.rows,
                args.repeat,
                args.open_days,
            )
    if args.postgres:
        with postgres_database(args.postgres) as url:
            run("PostgreSQL", url, args.rows, args.repeat, args.open_days)


if __name__ == "__main__":
    main()
