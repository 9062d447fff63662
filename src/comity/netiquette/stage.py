"""The netiquette pipeline stage and the author history it reads through a Protocol."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from comity.domain import Comment, RuleHit, Stage, WorkItem
from comity.netiquette.context import AuthorContext
from comity.netiquette.holder import RuleHolder
from comity.netiquette.ladder import active_strikes
from comity.netiquette.ruleset import RuleSet
from comity.netiquette.sanctions import SanctionHistory, enforce_sanctions

logger = logging.getLogger(__name__)


class AuthorHistory(Protocol):
    """What the rules need to know about an author's past (the store implements it)."""

    def strike_times(self, channel: str, handle: str) -> Sequence[datetime]:
        """When the author received each strike (any order); decay is applied by the engine."""
        ...

    def first_seen(self, channel: str, handle: str) -> datetime | None:
        """When the author was first seen on the channel, if known."""
        ...

    def recent_texts(
        self, channel: str, handle: str, since: datetime, until: datetime
    ) -> Sequence[tuple[datetime, str]]:
        """(created_at, raw text) of the author's comments with since <= created_at < until."""
        ...


class InMemoryHistory:
    """An AuthorHistory over plain lists, for tests, demos and backtests."""

    def __init__(self) -> None:
        self._strikes: dict[tuple[str, str], list[datetime]] = defaultdict(list)
        self._first: dict[tuple[str, str], datetime] = {}
        self._texts: dict[tuple[str, str], list[tuple[datetime, str]]] = defaultdict(list)

    def add_strike(self, channel: str, handle: str, at: datetime) -> None:
        self._strikes[channel, handle].append(at)

    def add_comment(self, comment: Comment) -> None:
        key = (comment.channel, comment.author.handle)
        self._texts[key].append((comment.created_at, comment.text))
        first = self._first.get(key)
        if first is None or comment.created_at < first:
            self._first[key] = comment.created_at

    def strike_times(self, channel: str, handle: str) -> Sequence[datetime]:
        return list(self._strikes.get((channel, handle), ()))

    def first_seen(self, channel: str, handle: str) -> datetime | None:
        return self._first.get((channel, handle))

    def recent_texts(
        self, channel: str, handle: str, since: datetime, until: datetime
    ) -> Sequence[tuple[datetime, str]]:
        found = self._texts.get((channel, handle), ())
        return sorted((at, text) for at, text in found if since <= at < until)


def author_context(ruleset: RuleSet, comment: Comment, history: AuthorHistory) -> AuthorContext:
    """What the rule set needs about the comment's author, read from `history`."""
    channel, handle, now = comment.channel, comment.author.handle, comment.created_at
    strikes = active_strikes(history.strike_times(channel, handle), now, ruleset.decay)
    first = history.first_seen(channel, handle) or comment.author.first_seen
    recent: tuple[tuple[datetime, str], ...] = ()
    if ruleset.history_window is not None:
        since = now - ruleset.history_window
        recent = tuple(history.recent_texts(channel, handle, since, now))
    return AuthorContext(strikes=strikes, first_seen=first, recent=recent)


def netiquette_stage(
    holder: RuleHolder, history: AuthorHistory, sanctions: SanctionHistory | None = None
) -> Stage:
    """Fills `WorkItem.rule_hits` for items not judged yet, with the holder's current rules.

    With `sanctions`, a comment written while its author was banned or muted also gets a
    sanction hit that hides it automatically (netiquette/sanctions.py).
    """

    def run(items: Sequence[WorkItem]) -> None:
        ruleset = holder.current  # one rule set for the whole batch, even during a reload
        for item in items:
            if item.rule_hits is not None:
                continue
            try:
                context = author_context(ruleset, item.comment, history)
            except Exception:  # history unavailable: judge on the comment alone
                logger.exception("author history failed for %s", item.comment.key)
                context = AuthorContext.from_comment(item.comment)
            hits = tuple(ruleset.evaluate(item.comment, item.triage, context))
            if sanctions is not None:
                hits += _sanction_hits(sanctions, item.comment)
            item.rule_hits = hits

    return Stage(name="netiquette", requires=("comment", "triage"), assigns=("rule_hits",), run=run)


def _sanction_hits(sanctions: SanctionHistory, comment: Comment) -> tuple[RuleHit, ...]:
    try:
        hit = enforce_sanctions(
            sanctions, comment.channel, comment.author.handle, comment.created_at
        )
    except Exception:  # history unavailable: the team still sees the comment
        logger.exception("sanction lookup failed for %s", comment.key)
        return ()
    return (hit,) if hit is not None else ()
