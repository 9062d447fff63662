"""The core stays free of I/O frameworks (ARCHITECTURE.md): the domain and every pure stage."""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

FORBIDDEN = ("sqlalchemy", "alembic", "psycopg", "redis", "fastapi", "starlette", "uvicorn",
             "httpx", "jinja2", "typer", "comity.store", "comity.web", "comity.runtime",
             "comity.cli")  # fmt: skip
PURE_PACKAGES = (
    "comity.domain",
    "comity.triage",
    "comity.netiquette",
    "comity.playbook",
    "comity.replies",
)


@pytest.mark.parametrize("package", PURE_PACKAGES)
def test_source_imports_no_io_packages(package: str) -> None:
    module = importlib.import_module(package)
    assert module.__file__ is not None
    for path in Path(module.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(FORBIDDEN), f"{path.name} imports {name}"


@pytest.mark.parametrize("package", PURE_PACKAGES)
def test_importing_loads_no_io_packages(package: str) -> None:
    code = f"import sys, json, {package}; print(json.dumps(sorted(sys.modules)))"
    loaded = json.loads(subprocess.check_output([sys.executable, "-c", code], text=True))
    assert [name for name in loaded if name.startswith(FORBIDDEN)] == []
