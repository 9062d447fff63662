"""Backtesting: what a candidate rule set would do to past comments, next to the active one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from comity.domain import Comment, Triage
from comity.netiquette.context import AuthorContext
from comity.netiquette.ruleset import NetiquetteHit, RuleSet

MAX_EXAMPLES = 3
ContextFor = Callable[[Comment], AuthorContext]


@dataclass(frozen=True, slots=True)
class Example:
    """A comment a rule hit, with what matched."""

    channel: str
    external_id: str
    text: str
    explanation: str
    action: str


@dataclass(slots=True)
class RuleReport:
    """Hits of one rule of the candidate set, per channel, with a few examples each."""

    rule_id: str
    hits: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[Example]] = field(default_factory=dict)
    newly_hit: int = 0  # hit by this rule, by no rule of the active set

    @property
    def total(self) -> int:
        return sum(self.hits.values())


@dataclass(slots=True)
class BacktestReport:
    """Per-rule hits of the candidate and the difference to the active set."""

    comments: int = 0
    rules: dict[str, RuleReport] = field(default_factory=dict)
    active_hits: Counter[str] = field(default_factory=Counter)  # per rule of the active set
    newly_hit: list[Example] = field(default_factory=list)
    newly_hit_count: int = 0
    no_longer_hit: list[Example] = field(default_factory=list)
    no_longer_hit_count: int = 0

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (for `comity rules backtest --json`)."""
        return {
            "comments": self.comments,
            "rules": {
                rule_id: {
                    "total": rule.total,
                    "hits": dict(rule.hits),
                    "newly_hit": rule.newly_hit,
                    "examples": {ch: [asdict(e) for e in ex] for ch, ex in rule.examples.items()},
                }
                for rule_id, rule in self.rules.items()
            },
            "active_hits": dict(self.active_hits),
            "newly_hit": {
                "count": self.newly_hit_count,
                "examples": [asdict(e) for e in self.newly_hit],
            },
            "no_longer_hit": {
                "count": self.no_longer_hit_count,
                "examples": [asdict(e) for e in self.no_longer_hit],
            },
        }

    def summary(self) -> list[str]:
        """Human-readable lines: one per rule, then the difference to the active set."""
        lines = [f"{self.comments} comments"]
        for rule in self.rules.values():
            channels = ", ".join(f"{ch} {n}" for ch, n in rule.hits.most_common())
            lines.append(
                f"{rule.rule_id}: {rule.total} hits" + (f" ({channels})" if channels else "")
            )
        lines.append(f"newly hit: {self.newly_hit_count}")
        lines += [f"  + [{e.channel}] {e.text!r} — {e.explanation}" for e in self.newly_hit]
        lines.append(f"no longer hit: {self.no_longer_hit_count}")
        lines += [f"  - [{e.channel}] {e.text!r} — {e.explanation}" for e in self.no_longer_hit]
        return lines


def _example(comment: Comment, hit: NetiquetteHit, limit: int = 200) -> Example:
    text = comment.text if len(comment.text) <= limit else comment.text[: limit - 1] + "…"
    return Example(comment.channel, comment.external_id, text, hit.explanation, hit.action)


def backtest(
    candidate: RuleSet,
    active: RuleSet,
    items: Iterable[tuple[Comment, Triage | None]],
    *,
    context_for: ContextFor = AuthorContext.from_comment,
    examples: int = MAX_EXAMPLES,
) -> BacktestReport:
    """Run both rule sets over `items`; counts everything, keeps `examples` per bucket."""
    report = BacktestReport(rules={rule.id: RuleReport(rule.id) for rule in candidate.rules})
    for comment, triage in items:
        report.comments += 1
        context = context_for(comment)
        new_hits = candidate.evaluate(comment, triage, context)
        old_hits = active.evaluate(comment, triage, context)
        report.active_hits.update(hit.rule_id for hit in old_hits)
        for hit in new_hits:
            rule = report.rules.setdefault(hit.rule_id, RuleReport(hit.rule_id))
            rule.hits[comment.channel] += 1
            shown = rule.examples.setdefault(comment.channel, [])
            if len(shown) < examples:
                shown.append(_example(comment, hit))
            if not old_hits:
                rule.newly_hit += 1
        if new_hits and not old_hits:
            report.newly_hit_count += 1
            if len(report.newly_hit) < examples:
                report.newly_hit.append(_example(comment, new_hits[0]))
        elif old_hits and not new_hits:
            report.no_longer_hit_count += 1
            if len(report.no_longer_hit) < examples:
                report.no_longer_hit.append(_example(comment, old_hits[0]))
    return report
