"""Load the shipped demo stream into the store and create the demo admin."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

from comity.ingest.service import IngestReport, SourceRow, ingest_rows
from comity.runtime.services import Services
from comity.store.users import Role

DEMO_FILE = Path(__file__).with_name("haneul_demo.jsonl")
DEMO_ADMIN_EMAIL = "admin@haneul.example"


def demo_rows() -> Iterator[SourceRow]:
    with DEMO_FILE.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield SourceRow(number, json.loads(line), line.rstrip("\n"))


def load_demo(services: Services, on_progress: Callable[[int], None] | None) -> IngestReport:
    """Import the demo stream (idempotent) and run the pipeline over it."""
    report = ingest_rows(demo_rows(), services.comments, source="demo", on_progress=on_progress)
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
