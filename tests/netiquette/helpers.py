"""Builders for netiquette tests (our own example text)."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from typing import Any

from comity.domain import Author, Comment, Triage
from comity.domain.taxonomy import Category, LegalSub
from comity.netiquette import RuleSet, parse_rules

NOW = datetime(2026, 7, 15, 12, 0, tzinfo=UTC)

REASON = """\
    reason:
      ko: 서로 존중해 주세요.
      en: Please be respectful.
      de: Bitte respektvoll bleiben.
"""


def comment(
    text: str, *, channel: str = "instagram", handle: str = "mina", **extra: Any
) -> Comment:
    values: dict[str, Any] = {"created_at": NOW, **extra}
    return Comment(channel, f"{channel}-1", Author(channel, handle), text, **values)


def triage(
    primary: Category = Category.NEUTRAL,
    *,
    lang: str = "en",
    secondary: tuple[Category, ...] = (),
    legal_sub: LegalSub | None = None,
    **signals: float,
) -> Triage:
    return Triage(lang, primary, secondary=secondary, legal_sub=legal_sub, signals=signals)


def one_rule(match: str, *, action: str = "hide", extra: str = "") -> RuleSet:
    """A rule set with one rule `r1`; `match` is the YAML body under `match:`."""
    body = textwrap.indent(textwrap.dedent(match).strip(), "      ")
    text = (
        "rules:\n"
        "  - id: r1\n"
        "    severity: 3\n"
        f"    action: {action}\n"
        f"{extra}"
        f"{REASON}"
        "    match:\n"
        f"{body}\n"
    )
    return parse_rules(text, "test.yaml")


def rule_ids(ruleset: RuleSet, c: Comment, t: Triage | None = None, **kw: Any) -> list[str]:
    from comity.netiquette import AuthorContext

    context = AuthorContext(**kw) if kw else None
    return [hit.rule_id for hit in ruleset.evaluate(c, t, context)]
