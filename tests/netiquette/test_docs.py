"""docs/netiquette.md keeps up with the rule language: keys, actions, signals, error codes."""

from __future__ import annotations

import re
from pathlib import Path

from comity.netiquette import parse_rules
from comity.netiquette.errors import all_codes
from comity.netiquette.schema import (
    ACTIONS,
    CATEGORIES,
    CONDITION_KEYS,
    FILE_KEYS,
    LEGAL_SUBS,
    RULE_KEYS,
    SIGNALS,
)

DOC = (Path(__file__).resolve().parents[2] / "docs" / "netiquette.md").read_text("utf-8")


def test_every_keyword_is_documented() -> None:
    words = (*FILE_KEYS, *RULE_KEYS, *CONDITION_KEYS, *ACTIONS, *SIGNALS, *CATEGORIES)
    assert [word for word in (*words, *LEGAL_SUBS) if f"`{word}" not in DOC] == []


def test_every_error_code_is_documented() -> None:
    assert [code for code in all_codes() if f"| {code} |" not in DOC] == []


def test_the_example_rule_file_is_valid() -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", DOC, flags=re.S)
    full = [block for block in blocks if block.startswith("version: 1")]
    assert full
    for block in full:
        assert parse_rules(block, "docs/netiquette.md").rules
