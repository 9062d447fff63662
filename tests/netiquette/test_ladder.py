"""Strike decay and the escalation ladder."""

from __future__ import annotations

from datetime import timedelta

import pytest

from comity.netiquette import DEFAULT_LADDER, Ladder, Step, active_strikes, enforce
from tests.netiquette.helpers import NOW

DAY = timedelta(days=1)


def test_strikes_decay_after_the_period() -> None:
    times = [NOW - 100 * DAY, NOW - 89 * DAY, NOW - DAY]
    assert active_strikes(times, NOW, 90 * DAY) == 2
    assert active_strikes(times, NOW, 2 * DAY) == 1
    assert active_strikes(times, NOW, None) == 3
    assert active_strikes([], NOW) == 0


def test_a_comment_never_counts_its_own_strike_or_later_ones() -> None:
    # strikes are dated by the comment that earned them; re-judging must give the same answer
    assert active_strikes([NOW - DAY, NOW, NOW + DAY], NOW, 90 * DAY) == 1
    assert active_strikes([NOW, NOW + DAY], NOW, None) == 0


@pytest.mark.parametrize(
    ("strikes", "step"),
    [(0, "remind"), (1, "hide"), (2, "hide"), (3, "mute 7d"), (4, "mute 7d"), (5, "ban"),
     (40, "ban")],
)  # fmt: skip
def test_default_ladder_follows_the_taxonomy(strikes: int, step: str) -> None:
    assert str(DEFAULT_LADDER.step_for(strikes)) == step


def test_enforce_takes_the_stronger_of_rule_and_ladder() -> None:
    assert enforce("hide", None, 0, DEFAULT_LADDER) == ("hide", None)  # rule is stronger
    assert enforce("remind", None, 1, DEFAULT_LADDER) == ("hide", None)
    assert enforce("delete", None, 4, DEFAULT_LADDER) == ("mute", 7 * DAY)
    assert enforce("ban", None, 0, DEFAULT_LADDER) == ("ban", None)
    # a longer mute from the rule is kept, a shorter one lengthened
    assert enforce("mute", 30 * DAY, 3, DEFAULT_LADDER) == ("mute", 30 * DAY)
    assert enforce("mute", DAY, 4, DEFAULT_LADDER) == ("mute", 7 * DAY)
    # actions outside the ladder are left alone
    assert enforce("escalate", None, 9, DEFAULT_LADDER) == ("escalate", None)


def test_a_custom_ladder() -> None:
    strict = Ladder((Step(0, "hide"), Step(2, "ban")))
    assert [strict.step_for(n).action for n in range(4)] == ["hide", "hide", "ban", "ban"]
