"""Bans and mutes enforced on new comments: a sanctioned author's comment is hidden.

A moderator's ban or mute (actions/authors.py) is a decision a person already made, so the
comments the author writes while it lasts are hidden automatically, with a reason naming
the sanction. Whether a sanction applies is decided as of the comment's `created_at`, so a
replay of stored comments gives the same answer; lifting a sanction (unban, unmute) or a
mute running out ends it for comments written afterwards. Pure: the store supplies the
sanctions through `SanctionHistory`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from comity.domain import RuleHit

KINDS = ("ban", "mute")
# The rule id of a sanction's hit (an automatic hide: RuleHit.automatic).
RULE_IDS = {"ban": "sanction.ban", "mute": "sanction.mute"}
SEVERITY = 3


@dataclass(frozen=True, slots=True)
class Sanction:
    """One ban or mute of an author on a channel, as recorded (lifting keeps the record)."""

    kind: str
    at: datetime
    by: str
    reason: str
    until: datetime | None = None
    lifted_at: datetime | None = None
    id: int | None = None

    def active_at(self, moment: datetime) -> bool:
        """In force at `moment`: begun, not run out, not lifted."""
        return (
            self.at <= moment
            and (self.until is None or moment < self.until)
            and (self.lifted_at is None or moment < self.lifted_at)
        )


class SanctionHistory(Protocol):
    """Every sanction ever recorded for an author (the store implements it)."""

    def sanctions(self, channel: str, handle: str) -> Sequence[Sanction]: ...


def active_sanction(sanctions: Sequence[Sanction], moment: datetime) -> Sanction | None:
    """The sanction in force at `moment`: a ban before a mute, then the most recent."""
    active = [s for s in sanctions if s.kind in KINDS and s.active_at(moment)]
    if not active:
        return None
    return max(active, key=lambda s: (s.kind == "ban", s.at))


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def describe(sanction: Sanction) -> str:
    """E.g. "author banned on 2026-11-20 by mina@brand.example: repeated insults"."""
    verb = "banned" if sanction.kind == "ban" else "muted"
    text = f"author {verb} on {sanction.at.astimezone(UTC):%Y-%m-%d}"
    if sanction.until is not None:
        text += f" until {_when(sanction.until)}"
    text += f" by {sanction.by}"
    reason = sanction.reason.strip()
    return f"{text}: {reason}" if reason else text


def sanction_hit(sanction: Sanction) -> RuleHit:
    """The hit that plans an automatic hide of a sanctioned author's comment (no strike)."""
    return RuleHit(
        rule_id=RULE_IDS[sanction.kind],
        action="hide",
        rule_action="hide",
        severity=SEVERITY,
        reason=describe(sanction),
        explanation=f"{sanction.kind} #{sanction.id}" if sanction.id is not None else "",
        strike=False,  # the comment is hidden because of who wrote it, not what it says
        automatic=True,  # a moderator already decided: no one needs to look again
    )


def enforce_sanctions(
    history: SanctionHistory, channel: str, handle: str, written_at: datetime
) -> RuleHit | None:
    """The sanction hit for a comment written at `written_at`, if its author was sanctioned."""
    sanction = active_sanction(history.sanctions(channel, handle), written_at)
    return sanction_hit(sanction) if sanction is not None else None
