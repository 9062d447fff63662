"""The enums must say exactly what ../shared/design/TAXONOMY.md says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from comity.domain import (
    CATEGORY_PRECEDENCE,
    PRIMARY_ACTION,
    ActionKind,
    Category,
    LegalSub,
    Sentiment,
    action_family,
    moderation_action_for_strikes,
    primary_of,
)

TAXONOMY = Path(__file__).resolve().parents[3] / "shared" / "design" / "TAXONOMY.md"


@pytest.fixture(scope="module")
def taxonomy() -> str:
    if not TAXONOMY.exists():
        pytest.fail(f"{TAXONOMY} is missing; the taxonomy contract cannot be checked")
    return TAXONOMY.read_text(encoding="utf-8")


def test_categories_match_the_table(taxonomy: str) -> None:
    ids = re.findall(r"^\| `([a-z_]+)` \|", taxonomy, flags=re.MULTILINE)
    assert ids == [category.value for category in Category]


def test_legal_sub_labels_match(taxonomy: str) -> None:
    subs = sorted(set(re.findall(r"`(legal\.[a-z_]+)`", taxonomy)))
    assert subs == sorted(sub.value for sub in LegalSub)


def test_precedence_matches(taxonomy: str) -> None:
    line = next(line for line in taxonomy.splitlines() if line.startswith("`legal` > "))
    assert re.findall(r"`([a-z_]+)`", line) == [c.value for c in CATEGORY_PRECEDENCE]


def test_actions_and_sentiments_match(taxonomy: str) -> None:
    actions_paragraph = taxonomy.split("## Actions\n", 1)[1].split("\n`remove`", 1)[0]
    assert re.findall(r"`([a-z]+)`", actions_paragraph) == [a.value for a in ActionKind]
    sentiment_section = taxonomy.split("## Sentiment", 1)[1]
    assert re.findall(r"`([a-z]+)`", sentiment_section.splitlines()[1]) == [
        s.value for s in Sentiment
    ]


def test_every_category_has_a_primary_action() -> None:
    assert set(PRIMARY_ACTION) == set(Category)


def test_precedence_resolves_complaint_over_toxic() -> None:
    assert primary_of({Category.TOXIC, Category.COMPLAINT}) is Category.COMPLAINT
    assert primary_of(set()) is Category.NEUTRAL


@pytest.mark.parametrize(
    ("strikes", "action"),
    [
        (1, ActionKind.HIDE),
        (2, ActionKind.HIDE),
        (3, ActionKind.MUTE),
        (4, ActionKind.MUTE),
        (5, ActionKind.BAN),
        (9, ActionKind.BAN),
    ],
)
def test_strike_ladder(strikes: int, action: ActionKind) -> None:
    assert moderation_action_for_strikes(strikes) is action


def test_action_families() -> None:
    assert action_family(ActionKind.THANK) == action_family(ActionKind.LIKE)
    assert action_family(ActionKind.BAN) == action_family(ActionKind.HIDE)
    assert action_family(ActionKind.ANSWER) == "answer"
