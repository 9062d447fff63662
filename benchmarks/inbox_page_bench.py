"""The inbox pages at the server with many stored comments: full HTML render, end to end.

Run: .venv/bin/python benchmarks/inbox_page_bench.py [--rows 200000] [--postgres ADMIN_URL]
     [--repeat 20]

The data is queue_bench's (synthetic comments, triages, cases). Each page is requested
through the ASGI app in-process (Starlette's TestClient: routing, session, database, Jinja2,
security headers), so the figures are the server's time plus a small client overhead. The
baseline, measured in the same run, is a bare `SELECT ... FROM comments LIMIT 50`.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from queue_bench import TEAM, fill, p95, postgres_database, timed
from sqlalchemy import text

from comity.domain import Role
from comity.runtime.services import Services
from comity.settings import Settings
from comity.web import create_app

PASSWORD = "benchmark password 1"


def client_for(settings: Settings, services: Services) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    client = TestClient(create_app(settings, services))  # no lifespan: no background pipeline
    login = client.get("/login").text
    token = login.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    response = client.post(
        "/login", data={"email": TEAM[0], "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 200, response.status_code
    return client


def measure(settings: Settings, services: Services, repeat: int) -> list[tuple[str, float, float]]:
    client = client_for(settings, services)
    ko = {"Accept-Language": "ko-KR,ko;q=0.9"}
    htmx = {**ko, "HX-Request": "true"}
    with services.engine.connect() as conn:
        # The most urgent open complaint: the case a moderator opens first.
        case_id = conn.execute(
            text(
                "SELECT cases.id FROM cases JOIN triages ON triages.comment_id = cases.comment_id "
                "WHERE cases.status = 'open' AND triages.\"primary\" = 'complaint' "
                "ORDER BY cases.due_at LIMIT 1"
            )
        ).scalar_one()

    def baseline() -> None:
        with services.engine.connect() as conn:
            conn.execute(text("SELECT id, channel, text, created_at FROM comments LIMIT 50")).all()

    def get(url: str, headers: dict[str, str]) -> Callable[[], None]:
        def run() -> None:
            response = client.get(url, headers=headers)
            assert response.status_code == 200, (url, response.status_code)

        return run

    pages: list[tuple[str, Callable[[], None]]] = [
        ("baseline: SELECT ... FROM comments LIMIT 50", baseline),
        ("GET / (Needs reply, full page, ko)", get("/", ko)),
        ("GET /inbox/list (htmx list)", get("/inbox/list", htmx)),
        ("GET /?view=overdue", get("/?view=overdue", ko)),
        ("GET /?q=환불해 (search)", get("/?q=%ED%99%98%EB%B6%88%ED%95%B4", ko)),
        ("GET /?queue=needs_reply&page=5", get("/?page=5", ko)),
        ("GET /cases/{id} (htmx case pane)", get(f"/cases/{case_id}", htmx)),
        ("GET /cases/{id} (full page)", get(f"/cases/{case_id}", ko)),
        ("GET /audit", get("/audit", ko)),
    ]
    results = []
    for name, run in pages:
        values = timed(run, repeat)
        results.append((name, statistics.median(values), p95(values)))
    return results


def run(label: str, url: str, folder: Path, rows: int, repeat: int) -> None:
    settings = Settings(data_dir=folder / "data", database_url=url, secret_key="b" * 48)
    services = Services.from_settings(settings, stages=[])
    began = time.perf_counter()
    fill(services.engine, rows)
    fill_s = time.perf_counter() - began
    services.users.add(TEAM[0], PASSWORD, Role.MODERATOR)
    results = measure(settings, services, repeat)
    base = results[0][1]
    print(f"\n{label}: {rows:,} comments with cases (filled in {fill_s:.1f} s)")
    print(f"{'page':44} {'median ms':>10} {'p95 ms':>8} {'x baseline':>11}")
    for name, median, high in results:
        print(f"{name:44} {median:10.1f} {high:8.1f} {median / base:11.1f}")
    services.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--postgres", help="admin URL, e.g. postgresql+psycopg://postgres@/test")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if not args.skip_sqlite:
            run("SQLite", f"sqlite:///{folder / 'bench.db'}", folder, args.rows, args.repeat)
        if args.postgres:
            with postgres_database(args.postgres) as url:
                run("PostgreSQL", url, folder, args.rows, args.repeat)


if __name__ == "__main__":
    main()
