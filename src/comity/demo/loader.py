"""Load the shipped demo stream into the store and create the demo admin."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from comity.ingest.records import parse_timestamp
from comity.ingest.service import IngestReport, SourceRow, ingest_rows
from comity.runtime.services import Services
from comity.store.users import Role

DEMO_FILE = Path(__file__).with_name("haneul_demo.jsonl")
DEMO_ADMIN_EMAIL = "admin@haneul.example"


def demo_rows(shift: timedelta = timedelta(0)) -> Iterator[SourceRow]:
    """The demo records, their times moved by `shift` (see `shift_to`)."""
    with DEMO_FILE.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                record = json.loads(line)
                if shift:
                    moved = parse_timestamp(record["created_at"]) + shift
                    record["created_at"] = moved.isoformat()
                yield SourceRow(number, record, line.rstrip("\n"))


@cache
def demo_end() -> datetime:
    """When the last demo comment was written (as shipped: July 2026)."""
    return max(parse_timestamp(row.record["created_at"]) for row in demo_rows() if row.record)


def shift_to(now: datetime) -> timedelta:
    """Whole weeks that move the demo's last day into the week before `now`.

    Whole weeks keep each comment's weekday and hour, so the day/night rhythm the storm
    detector learns stays true; SLA clocks then read "3 hours left", not "5 months over".
    """
    return timedelta(weeks=max(0, (now - demo_end()) // timedelta(weeks=1)))


def load_demo(
    services: Services,
    on_progress: Callable[[int], None] | None,
    *,
    shift: timedelta = timedelta(0),
) -> IngestReport:
    """Import the demo stream (idempotent) and run the pipeline over it."""
    rows = demo_rows(shift)
    report = ingest_rows(rows, services.comments, source="demo", on_progress=on_progress)
    services.runner.run_pending()
    return report


def ensure_demo_admin(services: Services) -> str:
    """Create the demo admin once; its password is kept in the data directory."""
    password_file = services.settings.data_dir / "demo-admin-password"
    if services.users.get(DEMO_ADMIN_EMAIL) is not None and password_file.exists():
        return password_file.read_text(encoding="utf-8").strip()
    password = secrets.token_urlsafe(12)
    services.settings.data_dir.mkdir(parents=True, exist_ok=True)
    password_file.write_text(password, encoding="utf-8")
    password_file.chmod(0o600)
    if services.users.get(DEMO_ADMIN_EMAIL) is None:
        services.users.add(DEMO_ADMIN_EMAIL, password, Role.ADMIN)
    else:
        services.users.set_password(DEMO_ADMIN_EMAIL, password)
    return password
