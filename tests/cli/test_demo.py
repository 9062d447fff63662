from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from comity.demo.loader import DEMO_ADMIN_EMAIL, DEMO_FILE, demo_end
from comity.settings import Settings
from comity.store import make_engine
from comity.store import tables as t
from tests.cli.conftest import Invoke


def _demo_lines() -> int:
    return sum(1 for line in DEMO_FILE.read_text(encoding="utf-8").splitlines() if line.strip())


def test_demo_loads_every_comment_once_and_prints_a_working_login(invoke: Invoke) -> None:
    first = invoke("demo")
    assert first.exit_code == 0, first.output
    assert DEMO_ADMIN_EMAIL in first.stdout and "http://127.0.0.1:8000/" in first.stdout
    password = re.search(r"Password\s+(\S+)", first.stdout)
    assert password is not None

    second = invoke("demo")
    assert f"0 new, {_demo_lines()} already there" in second.stdout
    assert password.group(1) in second.stdout  # the same login keeps working
    stats = json.loads(invoke("stats", "--json").stdout)
    assert stats["comments"] == _demo_lines()
    assert len(stats["channels"]) >= 6
    assert stats["pending"] == 0
    # Recent dates: the last demo day falls in the past week, weekday and hour kept.
    newest = _newest_comment()
    assert timedelta(0) <= datetime.now(UTC) - newest < timedelta(weeks=1)
    assert (newest - demo_end()) % timedelta(weeks=1) == timedelta(0)


def _newest_comment() -> datetime:
    with make_engine(Settings().resolved_database_url).connect() as conn:
        newest: datetime = conn.execute(select(func.max(t.comments.c.created_at))).scalar_one()
    return newest if newest.tzinfo else newest.replace(tzinfo=UTC)


def test_demo_can_keep_the_shipped_dates(invoke: Invoke) -> None:
    assert invoke("demo", "--original-dates").exit_code == 0
    assert _newest_comment() == demo_end()
