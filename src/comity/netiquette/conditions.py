"""Compiled condition trees: each node answers `test(ctx)` with explanations or None."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from comity.netiquette import textmatch as tm
from comity.netiquette.context import EvalContext
from comity.netiquette.schema import format_duration

Explanation = list[str] | None

COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt,
}  # fmt: skip


def _fmt(value: float) -> str:
    return f"{value:g}" if isinstance(value, int) else f"{value:.2f}".rstrip("0").rstrip(".")


class Condition:
    """A node of a rule's `match` tree."""

    def test(self, ctx: EvalContext) -> Explanation:
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class All(Condition):
    children: tuple[Condition, ...]

    def test(self, ctx: EvalContext) -> Explanation:
        found: list[str] = []
        for child in self.children:
            part = child.test(ctx)
            if part is None:
                return None
            found.extend(part)
        return found

    def describe(self) -> str:
        return "all of (" + "; ".join(c.describe() for c in self.children) + ")"


@dataclass(frozen=True, slots=True)
class Any_(Condition):
    children: tuple[Condition, ...]

    def test(self, ctx: EvalContext) -> Explanation:
        for child in self.children:
            part = child.test(ctx)
            if part is not None:
                return part
        return None

    def describe(self) -> str:
        return "any of (" + "; ".join(c.describe() for c in self.children) + ")"


@dataclass(frozen=True, slots=True)
class Not(Condition):
    child: Condition

    def test(self, ctx: EvalContext) -> Explanation:
        # An absence is no evidence worth showing a moderator, so it explains nothing.
        return None if self.child.test(ctx) is not None else []

    def describe(self) -> str:
        return f"not {self.child.describe()}"


@dataclass(frozen=True, slots=True)
class Terms(Condition):
    """`text.words` / `text.phrases`: any of the terms, reporting the first found."""

    terms: tuple[tm.Term, ...]
    label: str  # "word" or "phrase"
    keys: frozenset[tm.TermKey] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", frozenset((t.kind, t.text) for t in self.terms))

    def test(self, ctx: EvalContext) -> Explanation:
        index = ctx.index
        if index is not None and self.keys <= index.keys:
            found = ctx.found_terms  # one scan per comment for the whole rule set
            if self.keys.isdisjoint(found):
                return None
        for term in self.terms:
            how = ctx.find_term(term)
            if how is None:
                continue
            written = how or tm.written_form(ctx.raw, term.text)
            note = f" (written {written})" if written and written.casefold() != term.text else ""
            return [f"{self.label} '{term.source}'{note}"]
        return None

    def describe(self) -> str:
        shown = ", ".join(t.source for t in self.terms[:3])
        more = ", ..." if len(self.terms) > 3 else ""
        return f"{self.label}s [{shown}{more}]"


@dataclass(frozen=True, slots=True)
class Regex(Condition):
    pattern: re.Pattern[str]

    def test(self, ctx: EvalContext) -> Explanation:
        found = self.pattern.search(ctx.regex_text)
        return None if found is None else [f"regex /{self.pattern.pattern}/ matched '{found[0]}'"]

    def describe(self) -> str:
        return f"regex /{self.pattern.pattern}/"


def _compare_all(value: float, checks: tuple[tuple[str, float], ...]) -> bool:
    return all(COMPARE[op](value, bound) for op, bound in checks)


def _checks_text(checks: tuple[tuple[str, float], ...]) -> str:
    return " and ".join(f"{op} {_fmt(bound)}" for op, bound in checks)


@dataclass(frozen=True, slots=True)
class Signal(Condition):
    name: str
    checks: tuple[tuple[str, float], ...]

    def test(self, ctx: EvalContext) -> Explanation:
        if ctx.triage is None:
            return None
        value = ctx.triage.signals.get(self.name)
        if not isinstance(value, int | float) or value != value:  # absent or NaN
            return None
        if not _compare_all(float(value), self.checks):
            return None
        return [f"signal {self.name} {_fmt(float(value))} {_checks_text(self.checks)}"]

    def describe(self) -> str:
        return f"signal {self.name} {_checks_text(self.checks)}"


@dataclass(frozen=True, slots=True)
class OneOf(Condition):
    """Leaves comparing one attribute of the comment with a set of allowed values."""

    key: str  # category, legal_sub, channel, lang
    values: frozenset[str]

    def _actual(self, ctx: EvalContext) -> str | None:
        if self.key == "channel":
            return ctx.comment.channel
        if self.key == "lang":
            return ctx.lang
        if ctx.triage is None:
            return None
        if self.key == "legal_sub":
            return None if ctx.triage.legal_sub is None else str(ctx.triage.legal_sub)
        return str(ctx.triage.primary)

    def test(self, ctx: EvalContext) -> Explanation:
        actual = self._actual(ctx)
        return [f"{self.key} {actual}"] if actual in self.values else None

    def describe(self) -> str:
        return f"{self.key} in [{', '.join(sorted(self.values))}]"


@dataclass(frozen=True, slots=True)
class AuthorNumber(Condition):
    key: str  # strikes or account_age_days
    checks: tuple[tuple[str, float], ...]

    def test(self, ctx: EvalContext) -> Explanation:
        value = ctx.author.strikes if self.key == "strikes" else ctx.account_age_days
        if value is None or not _compare_all(float(value), self.checks):
            return None
        label = "author strikes" if self.key == "strikes" else "account age (days)"
        return [f"{label} {_fmt(value)} {_checks_text(self.checks)}"]

    def describe(self) -> str:
        return f"author.{self.key} {_checks_text(self.checks)}"


@dataclass(frozen=True, slots=True)
class Flag(Condition):
    """`has_links` / `has_media`: true or false."""

    key: str
    expected: bool

    def test(self, ctx: EvalContext) -> Explanation:
        if self.key == "has_links":
            actual = bool(ctx.links)
            what = f"links ({', '.join(ctx.hosts[:3])})" if actual else "no links"
        else:
            actual = bool(ctx.comment.media) or ctx.comment.context.get("has_media") is True
            what = "media attached" if actual else "no media"
        return [what] if actual == self.expected else None

    def describe(self) -> str:
        return f"{self.key} {str(self.expected).lower()}"


@dataclass(frozen=True, slots=True)
class LinkDomains(Condition):
    domains: tuple[str, ...]

    def test(self, ctx: EvalContext) -> Explanation:
        for host in ctx.hosts:
            for domain in self.domains:
                if tm.domain_matches(host, domain):
                    return [f"link to {host}"]
        return None

    def describe(self) -> str:
        return f"links to [{', '.join(self.domains)}]"


@dataclass(frozen=True, slots=True)
class Repeated(Condition):
    count: int  # including the comment itself
    within: timedelta

    def test(self, ctx: EvalContext) -> Explanation:
        try:
            since = ctx.comment.created_at - self.within
            seen = 1 + ctx.same_text_count(since)
        except TypeError:  # naive vs aware datetimes in history
            return None
        if seen < self.count:
            return None
        return [f"same text {seen} times within {format_duration(self.within)}"]

    def describe(self) -> str:
        return f"repeated {self.count} times within {format_duration(self.within)}"


@dataclass(frozen=True, slots=True)
class Campaign(Condition):
    tag: str | None  # None: any campaign

    def test(self, ctx: EvalContext) -> Explanation:
        current = ctx.comment.context.get("campaign")
        tags = [self.tag] if self.tag else ([current] if isinstance(current, str) else [])
        for tag in tags:
            # The tag must end where a word ends, so #summer does not match #summervibes.
            if tag and re.search(re.escape(tag) + r"(?!\w)", ctx.raw, re.IGNORECASE):
                return [f"campaign {tag}"]
        if "campaign" in ctx.categories and (self.tag is None or self.tag == current):
            return [f"campaign {current or 'reaction'}"]
        return None

    def describe(self) -> str:
        return f"campaign {self.tag or 'any'}"
