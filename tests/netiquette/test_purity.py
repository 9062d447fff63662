"""The netiquette package stays pure: importing it pulls in no web, SQL, Redis or CLI module."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ("sqlalchemy", "alembic", "psycopg", "redis", "fastapi", "starlette", "httpx",
             "uvicorn", "typer", "comity.store", "comity.web", "comity.runtime")  # fmt: skip


def test_netiquette_imports_no_io_frameworks() -> None:
    code = "import sys, comity.netiquette; print('\\n'.join(sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert [m for m in loaded if m.startswith(FORBIDDEN)] == []
