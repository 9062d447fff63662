"""Everything a rule may look at for one comment, computed once and lazily."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Generic, TypeVar, overload

from comity.domain import Comment, Triage
from comity.netiquette import textmatch as tm
from comity.netiquette.schema import MAX_REGEX_TEXT, MIN_REPEATED_LENGTH
from comity.triage.normalize import normalize_text

T = TypeVar("T")


class lazy(Generic[T]):
    """A cached property without functools' per-access lock (3.11), which costs more
    than most of what is cached here; one EvalContext is never shared between threads."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__

    @overload
    def __get__(self, obj: None, owner: type) -> lazy[T]: ...
    @overload
    def __get__(self, obj: object, owner: type) -> T: ...
    def __get__(self, obj: object | None, owner: type) -> T | lazy[T]:
        if obj is None:
            return self
        value = self.compute(obj)
        obj.__dict__[self.name] = value  # later reads find the instance attribute first
        return value


@dataclass(frozen=True, slots=True)
class AuthorContext:
    """What we know about a comment's author when judging it.

    `strikes` are the active (not yet decayed) strikes; `recent` holds the author's
    earlier comments as (created_at, raw text), oldest first, for `repeated` rules.
    """

    strikes: int = 0
    first_seen: datetime | None = None
    recent: tuple[tuple[datetime, str], ...] = ()

    @classmethod
    def from_comment(cls, comment: Comment) -> AuthorContext:
        """Context from the comment alone (imports and backtests carry strikes there)."""
        strikes = comment.author.strikes
        given = comment.context.get("author_strikes")
        if isinstance(given, int) and not isinstance(given, bool):
            strikes = max(strikes, given)
        return cls(strikes=strikes, first_seen=comment.author.first_seen)


class EvalContext:
    """One comment under evaluation; derived text views are cached on first use."""

    def __init__(
        self,
        comment: Comment,
        triage: Triage | None,
        author: AuthorContext,
        index: tm.TermIndex | None = None,
    ) -> None:
        self.comment = comment
        self.triage = triage
        self.author = author
        self.index = index
        self.raw = comment.text if isinstance(comment.text, str) else ""

    @lazy
    def text(self) -> str:
        return normalize_text(self.raw)

    @lazy
    def compact(self) -> str:
        return tm.compact_korean(self.text)

    @lazy
    def regex_text(self) -> str:
        return self.text[:MAX_REGEX_TEXT]

    @lazy
    def tokens(self) -> frozenset[str]:
        return tm.tokens(self.text)

    @lazy
    def consonant_runs(self) -> tuple[str, ...]:
        return tm.consonant_runs(self.text)

    @lazy
    def links(self) -> tuple[str, ...]:
        return tm.find_links(self.raw)

    @lazy
    def hosts(self) -> tuple[str, ...]:
        return tuple(tm.link_host(link) for link in self.links)

    @lazy
    def categories(self) -> frozenset[str]:
        if self.triage is None:
            return frozenset()
        return frozenset(str(c) for c in (self.triage.primary, *self.triage.secondary))

    @lazy
    def lang(self) -> str | None:
        if self.triage is not None and self.triage.lang:
            return str(self.triage.lang)
        return self.comment.lang

    @lazy
    def account_age_days(self) -> float | None:
        first = self.author.first_seen
        if first is None:
            return None
        try:
            return (self.comment.created_at - first) / timedelta(days=1)
        except TypeError:  # naive vs aware datetimes: unknown rather than a crash
            return None

    @lazy
    def found_terms(self) -> dict[tm.TermKey, str]:
        if self.index is None:
            return {}
        return self.index.scan(self.text, self.compact, self.tokens, self.consonant_runs)

    def find_term(self, term: tm.Term) -> str | None:
        """How the term appears ('' when written as-is), or None when absent."""
        key = (term.kind, term.text)
        if self.index is not None and key in self.index.keys:
            return self.found_terms.get(key)
        if term.kind == "token":
            return "" if term.text in self.tokens else None
        if term.kind == "phrase":
            assert term.pattern is not None
            return "" if term.pattern.search(self.text) else None
        if term.text in self.text or term.text in self.compact:
            return ""
        if term.initials and any(tm.initials_match(term.initials, r) for r in self.consonant_runs):
            return term.initials
        return None

    def same_text_count(self, since: datetime) -> int:
        """How many earlier comments since `since` say the same as this one (normalised).

        Short texts (ㅋㅋㅋ, "thanks!") are said again innocently, so they never count.
        """
        if len(self.text) < MIN_REPEATED_LENGTH:
            return 0
        return sum(1 for at, text in self._recent_normalised if at >= since and text == self.text)

    @lazy
    def _recent_normalised(self) -> Sequence[tuple[datetime, str]]:
        return [(at, normalize_text(text)) for at, text in self.author.recent]
