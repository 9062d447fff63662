"""The playbook stays pure: author history comes through a Protocol, never a database."""

from __future__ import annotations

import json
import subprocess
import sys

FORBIDDEN = (
    "sqlalchemy",
    "alembic",
    "psycopg",
    "redis",
    "fastapi",
    "starlette",
    "uvicorn",
    "httpx",
    "jinja2",
    "typer",
    "comity.store",
    "comity.web",
    "comity.runtime",
)


def test_importing_the_playbook_loads_no_io_packages() -> None:
    code = "import sys, json, comity.playbook; print(json.dumps(sorted(sys.modules)))"
    loaded = json.loads(subprocess.check_output([sys.executable, "-c", code], text=True))
    assert [name for name in loaded if name.startswith(FORBIDDEN)] == []
