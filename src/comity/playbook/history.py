"""What the playbook needs to know about an author's past, without knowing where it lives."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from comity.domain import Case, CaseStatus, Category, Comment
from comity.playbook.hours import as_utc

AuthorKey = tuple[str, str]  # (channel, handle)


class AuthorHistory(Protocol):
    """An author's earlier comments, strikes and cases; the store implements it."""

    def recent_comments(
        self, channel: str, handle: str, since: datetime, until: datetime
    ) -> Sequence[tuple[datetime, Category]]:
        """Earlier comments' (created_at, primary category) with since <= created_at < until."""
        ...

    def strikes(self, channel: str, handle: str, before: datetime) -> int:
        """Netiquette strikes still active when the comment being planned was written."""
        ...

    def had_complaint(self, channel: str, handle: str, before: datetime) -> bool:
        """Whether the author ever had a concrete problem (a comment triaged `complaint`)."""
        ...

    def open_cases(self, channel: str, handle: str) -> Sequence[Case]:
        """Cases about the author's comments that are still open or snoozed."""
        ...


@dataclass(frozen=True, slots=True)
class AuthorContext:
    """One lookup of an author's history, taken when a comment is planned."""

    strikes: int = 0
    had_complaint: bool = False
    open_cases: tuple[Case, ...] = ()
    recent: tuple[tuple[datetime, Category], ...] = ()

    @classmethod
    def lookup(
        cls,
        history: AuthorHistory,
        comment: Comment,
        window: timedelta,
        batch: Sequence[tuple[datetime, Category]] = (),
    ) -> AuthorContext:
        """Ask `history` about the comment's author, looking back `window` from created_at.

        `batch` adds the author's comments triaged in the same pipeline batch, whose
        categories the store may not hold yet.
        """
        channel, handle = comment.author.channel or comment.channel, comment.author.handle
        at = as_utc(comment.created_at)
        found = [*history.recent_comments(channel, handle, at - window, at), *batch]
        # A set: the store and the batch may both know the same earlier comment.
        recent = {(as_utc(when), category) for when, category in found}
        recent = {(when, category) for when, category in recent if at - window <= when < at}
        return cls(
            strikes=max(0, history.strikes(channel, handle, at)),
            had_complaint=history.had_complaint(channel, handle, at),
            open_cases=tuple(history.open_cases(channel, handle)),
            recent=tuple(sorted(recent, key=_at)),
        )

    def recent_of(self, categories: frozenset[Category]) -> tuple[datetime, ...]:
        return tuple(at for at, category in self.recent if category in categories)


@dataclass
class InMemoryHistory:
    """An `AuthorHistory` held in dicts, for tests and the demo."""

    comments: dict[AuthorKey, list[tuple[datetime, Category]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    strike_counts: dict[AuthorKey, int] = field(default_factory=dict)
    cases: dict[AuthorKey, list[Case]] = field(default_factory=lambda: defaultdict(list))

    def add_comment(self, channel: str, handle: str, at: datetime, category: Category) -> None:
        self.comments[(channel, handle)].append((at, category))

    def set_strikes(self, channel: str, handle: str, strikes: int) -> None:
        self.strike_counts[(channel, handle)] = strikes

    def add_case(self, channel: str, handle: str, case: Case) -> None:
        self.cases[(channel, handle)].append(case)

    def recent_comments(
        self, channel: str, handle: str, since: datetime, until: datetime
    ) -> Sequence[tuple[datetime, Category]]:
        found = self.comments.get((channel, handle), [])
        return [(at, category) for at, category in found if since <= at < until]

    def strikes(self, channel: str, handle: str, before: datetime) -> int:
        return self.strike_counts.get((channel, handle), 0)

    def had_complaint(self, channel: str, handle: str, before: datetime) -> bool:
        found = self.comments.get((channel, handle), [])
        return any(c is Category.COMPLAINT and at < before for at, c in found)

    def open_cases(self, channel: str, handle: str) -> Sequence[Case]:
        found = self.cases.get((channel, handle), [])
        return [c for c in found if c.status in (CaseStatus.OPEN, CaseStatus.SNOOZED)]


def _at(entry: tuple[datetime, Category]) -> datetime:
    return entry[0]
