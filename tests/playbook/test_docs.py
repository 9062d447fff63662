"""docs/playbook.md keeps up with the code: defaults table, error codes, the example file."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from comity.domain import Category, Priority, Queue
from comity.playbook import default_config, loads_config

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs/playbook.md").read_text(encoding="utf-8")


def test_defaults_table_matches_the_shipped_defaults() -> None:
    config = default_config()
    for category in Category:
        policy = config.policy(category)
        row = re.search(rf"^\| `{category.value}` \|.*$", DOC, re.MULTILINE)
        assert row is not None, category
        cells = [cell.strip() for cell in row[0].strip("|").split("|")]
        assert cells[2:] == [policy.priority.value, policy.queue.value]


def test_every_error_code_is_documented() -> None:
    source = (ROOT / "src/comity/playbook").rglob("*.py")
    codes = {code for path in source for code in re.findall(r'"(P\d{3})"', path.read_text())}
    assert codes and sorted(c for c in codes if f"| {c} |" not in DOC) == []


def test_the_example_file_loads_and_does_what_it_says() -> None:
    example = DOC.split("## Changing the defaults", 1)[1].split("```yaml\n", 1)[1]
    config = loads_config(example.split("```", 1)[0])
    assert config.policy(Category.PRAISE).queue is Queue.FAN_CONTENT
    assert config.policy(Category.LEGAL).automation is None
    assert config.sla.default.targets[Priority.P1] == timedelta(minutes=15)
    assert config.sla.for_channel("facebook").hours.timezone == "Europe/Berlin"
    assert config.sla.for_channel("kakao").targets[Priority.P1] == timedelta(minutes=10)
