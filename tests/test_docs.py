"""Documentation must keep up with the code: settings, commands, import fields."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from comity.cli import app
from comity.ingest.records import KNOWN_FIELDS
from comity.settings import Settings

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _command_paths() -> list[str]:
    found: list[str] = []
    stack = [("", get_command(app))]
    while stack:
        prefix, group = stack.pop()
        for name, command in getattr(group, "commands", {}).items():
            path = f"{prefix} {name}".strip()
            if hasattr(command, "commands"):
                stack.append((path, command))
            else:
                found.append(path)
    return sorted(found)


def test_every_setting_is_documented() -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    missing = [name for name in Settings.model_fields if f"`COMITY_{name.upper()}`" not in text]
    assert missing == []


def test_every_command_is_documented() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    missing = [path for path in _command_paths() if f"`comity {path}" not in text]
    assert missing == []


def test_every_import_field_and_error_code_is_documented() -> None:
    text = (DOCS / "import-format.md").read_text(encoding="utf-8")
    assert [field for field in KNOWN_FIELDS if f"`{field}`" not in text] == []
    source = (Path(__file__).resolve().parents[1] / "src/comity/ingest").rglob("*.py")
    codes = {code for path in source for code in re.findall(r'"(E\d{3})"', path.read_text())}
    assert codes and sorted(code for code in codes if f"| {code} |" not in text) == []
