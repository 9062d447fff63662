"""Strikes and the escalation ladder: configuration turned into pure functions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from comity.netiquette.schema import LADDER_ACTIONS, format_duration

DEFAULT_DECAY = timedelta(days=90)


@dataclass(frozen=True, slots=True)
class Step:
    """What happens from `at` active strikes on (until the next step)."""

    at: int
    action: str
    duration: timedelta | None = None

    def __str__(self) -> str:
        return f"{self.action} {format_duration(self.duration)}" if self.duration else self.action


@dataclass(frozen=True, slots=True)
class Ladder:
    """Steps sorted by `at`; the first starts at 0 strikes, the last applies beyond."""

    steps: tuple[Step, ...]

    def step_for(self, strikes: int) -> Step:
        """The enforcement step for an author with `strikes` active strikes."""
        chosen = self.steps[0]
        for step in self.steps:
            if strikes >= step.at:
                chosen = step
        return chosen


# TAXONOMY.md conventions: 0 → remind, 1–2 → hide, 3–4 → mute 7 days, 5+ → ban.
DEFAULT_LADDER = Ladder(
    (
        Step(0, "remind"),
        Step(1, "hide"),
        Step(3, "mute", timedelta(days=7)),
        Step(5, "ban"),
    )
)


def active_strikes(
    strike_times: Iterable[datetime], now: datetime, decay: timedelta | None = DEFAULT_DECAY
) -> int:
    """Strikes given before `now` and younger than `decay` (all earlier ones when None).

    Strikes at or after `now` are left out: a re-judged comment must not count its own
    strike, nor strikes from comments written after it.
    """
    if decay is None:
        return sum(1 for at in strike_times if at < now)
    cutoff = now - decay
    return sum(1 for at in strike_times if cutoff < at < now)


def rank(action: str) -> int:
    """How strong a ladder action is (-1 for actions outside the ladder)."""
    return LADDER_ACTIONS.index(action) if action in LADDER_ACTIONS else -1


def enforce(
    action: str, duration: timedelta | None, strikes: int, ladder: Ladder
) -> tuple[str, timedelta | None]:
    """The action a striking rule takes: its own, or the ladder's step when that is stronger."""
    step = ladder.step_for(strikes)
    if rank(action) < 0 or rank(step.action) <= rank(action):
        if rank(step.action) == rank(action) == rank("mute") and step.duration and duration:
            return action, max(step.duration, duration)
        return action, duration
    return step.action, step.duration
