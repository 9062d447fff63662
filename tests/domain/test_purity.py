"""The domain core must stay free of I/O frameworks (ARCHITECTURE.md)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import comity.domain

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
DOMAIN_DIR = Path(comity.domain.__file__).parent


def test_domain_source_imports_no_io_packages() -> None:
    for path in DOMAIN_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(FORBIDDEN), f"{path.name} imports {name}"


def test_importing_the_domain_loads_no_io_packages() -> None:
    code = "import sys, json, comity.domain; print(json.dumps(sorted(sys.modules)))"
    loaded = json.loads(subprocess.check_output([sys.executable, "-c", code], text=True))
    offenders = [name for name in loaded if name.startswith(FORBIDDEN)]
    assert offenders == []
