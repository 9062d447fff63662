from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.main import get_command

from comity import __version__
from comity.cli import app
from tests.cli.conftest import Invoke


def _all_command_paths() -> list[list[str]]:
    root = get_command(app)
    paths: list[list[str]] = [[]]
    groups = [([], root)]
    while groups:
        prefix, group = groups.pop()
        for name, command in getattr(group, "commands", {}).items():
            paths.append([*prefix, name])
            if hasattr(command, "commands"):
                groups.append(([*prefix, name], command))
    return paths


@pytest.mark.parametrize("path", _all_command_paths(), ids=lambda p: " ".join(p) or "comity")
def test_every_command_has_help(invoke: Invoke, path: list[str]) -> None:
    result = invoke(*path, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.stdout


def test_version(invoke: Invoke) -> None:
    assert invoke("version").stdout.strip() == f"comity {__version__}"


def test_stats_of_an_empty_database(invoke: Invoke) -> None:
    stats = json.loads(invoke("stats", "--json").stdout)
    assert stats["comments"] == 0
    assert {"channels", "languages", "statuses"} <= set(stats)


def test_users_and_tokens(invoke: Invoke) -> None:
    added = invoke(
        "users",
        "add",
        "mina@haneul.example",
        "--role",
        "moderator",
        "--password-stdin",
        input="correct horse battery\n",
    )
    assert added.exit_code == 0, added.output
    assert "mina@haneul.example\tmoderator\tactive" in invoke("users", "list").stdout
    token = invoke("tokens", "create", "mina@haneul.example").stdout.strip()
    assert token.startswith("cmt_") and len(token) > 30
    again = invoke("users", "add", "mina@haneul.example", "--password-stdin", input="x" * 12 + "\n")
    assert again.exit_code == 1 and "already exists" in again.stderr
    assert invoke("users", "disable", "mina@haneul.example").exit_code == 0
    assert "disabled" in invoke("users", "list").stdout


def test_bad_configuration_is_reported(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMITY_SECRET_KEY", "changethis")
    result = invoke("stats")
    assert result.exit_code == 2 and "placeholder" in result.stderr


def test_the_command_line_starts_without_the_server_stack() -> None:
    """`comity triage` and friends must not pay for the database, web and queue stacks."""
    code = (
        "import sys, comity.cli; "
        "print(sorted(m for m in ('sqlalchemy', 'fastapi', 'redis', 'argon2', 'kiwipiepy', "
        "'apprise', 'comity.store', 'comity.web') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
