"""Rules and rule sets: compiled once at load, evaluated per comment without crashing."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from comity.domain import Comment, RuleHit, Triage
from comity.netiquette.conditions import All, Any_, Condition, Not, Repeated, Terms
from comity.netiquette.context import AuthorContext, EvalContext
from comity.netiquette.ladder import DEFAULT_DECAY, DEFAULT_LADDER, Ladder, enforce
from comity.netiquette.textmatch import TermIndex

logger = logging.getLogger(__name__)


# Kept as a name for readers of the netiquette package; the fields live on the domain type.
NetiquetteHit = RuleHit


@dataclass(frozen=True, slots=True)
class Rule:
    """One validated rule; `reason` maps ko/en/de to the public text."""

    id: str
    severity: int
    reason: dict[str, str]
    action: str
    match: Condition
    strike: bool
    duration: timedelta | None = None
    queue: str | None = None
    label: str | None = None
    enabled: bool = True
    public: bool = True
    channels: frozenset[str] | None = None
    note: str = ""
    line: int = 0

    def applies_to(self, channel: str) -> bool:
        return self.enabled and (self.channels is None or channel in self.channels)


def _walk(node: Condition) -> Iterator[Condition]:
    yield node
    if isinstance(node, All | Any_):
        for child in node.children:
            yield from _walk(child)
    elif isinstance(node, Not):
        yield from _walk(node.child)


@dataclass(slots=True)
class RuleSet:
    """A loaded rule file: rules in file order plus the ladder and strike decay."""

    rules: tuple[Rule, ...]
    ladder: Ladder = DEFAULT_LADDER
    decay: timedelta | None = DEFAULT_DECAY
    source: str = "<memory>"
    history_window: timedelta | None = field(init=False, default=None)
    index: TermIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.index = TermIndex(
            [
                term
                for rule in self.rules
                for node in _walk(rule.match)
                if isinstance(node, Terms)
                for term in node.terms
            ]
        )
        windows = [
            node.within
            for rule in self.rules
            for node in _walk(rule.match)
            if isinstance(node, Repeated)
        ]
        self.history_window = max(windows) if windows else None

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def evaluate(
        self, comment: Comment, triage: Triage | None, context: AuthorContext | None = None
    ) -> list[NetiquetteHit]:
        """Every enabled rule that matches, in file order; a failing rule is skipped, logged."""
        author = context or AuthorContext.from_comment(comment)
        ctx = EvalContext(comment, triage, author, self.index)
        hits: list[NetiquetteHit] = []
        for rule in self.rules:
            try:
                if not rule.applies_to(comment.channel):
                    continue
                found = rule.match.test(ctx)
                if found is not None:
                    hits.append(self._hit(rule, found, ctx.author.strikes, ctx.lang))
            except Exception:
                logger.exception("netiquette rule %s failed on comment %s", rule.id, comment.key)
        return hits

    def _hit(self, rule: Rule, found: list[str], strikes: int, lang: str | None) -> NetiquetteHit:
        action, duration = rule.action, rule.duration
        if rule.strike:
            action, duration = enforce(action, duration, strikes, self.ladder)
        return NetiquetteHit(
            rule_id=rule.id,
            action=action,
            severity=rule.severity,
            reason=rule.reason.get(lang or "en") or rule.reason.get("en", ""),
            explanation="; ".join(found) or rule.match.describe(),
            rule_action=rule.action,
            strike=rule.strike,
            duration=duration,
            queue=rule.queue,
            label=rule.label,
        )
