"""Reading cases: the queues (filtered, most urgent first), their counts, and one case in full."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Engine, and_, case, func, literal, or_, select, text, union_all

from comity.domain import (
    ActionKind,
    Case,
    CaseStatus,
    Category,
    Comment,
    LegalSub,
    Queue,
    Sentiment,
    Triage,
)
from comity.store import tables as t
from comity.store.history import StoreAuthorHistory
from comity.store.inbox_rows import (
    AuditEntry,
    Note,
    Sanction,
    SentReply,
    audit_for,
    notes_for,
    replies_for,
    sanctions_for,
)
from comity.store.rows import aware, aware_or_none, case_from_row, comment_from_row, triage_from_row
from comity.store.search import text_condition

log = logging.getLogger(__name__)
_E = TypeVar("_E", Category, Sentiment, ActionKind, LegalSub)
_D = TypeVar("_D")

VIEWS = ("all", "mine", "unassigned", "overdue")
STATUSES = ("open", "snoozed", "done", "any")
SNIPPET_LENGTH = 140
MAX_LIMIT = 500
DONE_COUNT_CAP = 10_000
WALK_FILTERS = ("campaign",)  # comment filters checked by walking the open cases
WALK_FIRST_CHUNK = 500  # candidates read first when walking the open cases
COUNT_CAP = 10_000  # the author card counts an author's comments per channel up to this
EARLIER_CASES = 20  # the author card lists this many earlier cases
PROBLEM_LOOKBACK = 2_000  # an "open problem" is looked for in the newest comments per channel


# What comity.actions.authors records against an author (shown in the case's audit trail).
AUTHOR_SANCTION_ACTIONS = frozenset({"ban", "mute", "unban", "unmute"})


class CaseFilterError(ValueError):
    """A filter value the queue cannot use (the message says which and why)."""


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """What the inbox list shows. `status` "open" hides snoozed cases until their time comes.

    The "done" queue means every case marked done, whatever queue it was in.
    """

    queue: str | None = None
    channel: str | None = None
    lang: str | None = None
    category: str | None = None
    sentiment: str | None = None
    assignee: str | None = None
    campaign: str | None = None
    status: str = "open"
    view: str = "all"
    me: str | None = None
    search: str | None = None
    limit: int = 50
    offset: int = 0

    def check(self) -> None:
        if self.view not in VIEWS:
            raise CaseFilterError(f"unknown view {self.view!r}; choose one of {', '.join(VIEWS)}")
        if self.status not in STATUSES:
            raise CaseFilterError(
                f"unknown status {self.status!r}; choose one of {', '.join(STATUSES)}"
            )
        if self.view == "mine" and not self.me:
            raise CaseFilterError("the 'mine' view needs the signed-in user (me)")
        if self.queue is not None and self.queue not in {q.value for q in Queue}:
            raise CaseFilterError(
                f"unknown queue {self.queue!r}; choose one of {', '.join(q.value for q in Queue)}"
            )
        if self.category is not None and self.category not in {c.value for c in Category}:
            raise CaseFilterError(f"unknown category {self.category!r}")
        if self.sentiment is not None and self.sentiment not in {s.value for s in Sentiment}:
            raise CaseFilterError(f"unknown sentiment {self.sentiment!r}")
        if not 1 <= self.limit <= MAX_LIMIT:
            raise CaseFilterError(f"limit must be between 1 and {MAX_LIMIT}")
        if self.offset < 0:
            raise CaseFilterError("offset must not be negative")


@dataclass(frozen=True, slots=True)
class CaseView:
    """One row of a queue: the case, its comment and what a list row shows."""

    case: Case
    comment: Comment
    reason: str
    actions: tuple[dict[str, Any], ...]
    category: str | None = None
    sentiment: str | None = None
    lang: str | None = None
    channel: str = ""
    author_handle: str = ""
    due_at: datetime | None = None
    priority: str = ""
    assignee: str | None = None
    snippet: str = ""
    created_at: datetime | None = None
    snoozed_until: datetime | None = None
    first_response_at: datetime | None = None
    resolved_at: datetime | None = None
    labels: tuple[str, ...] = ()


# CaseRepository.list shadows the builtin inside the class body.
ViewList = list[CaseView]
IdList = list[int]
AuditList = list[AuditEntry]


@dataclass(frozen=True, slots=True)
class CaseSummary:
    id: int
    queue: str
    status: str
    channel: str
    created_at: datetime
    snippet: str


@dataclass(frozen=True, slots=True)
class AuthorCard:
    """Who wrote the comment: the same handle on every channel."""

    channel: str
    handle: str
    display_name: str
    first_seen: datetime | None
    comments_by_channel: dict[str, int]
    strikes: int
    earlier_cases: list[CaseSummary]
    open_problem: bool
    sanctions: list[Sanction]
    # Channels whose count stopped at COUNT_CAP (show "10000+").
    capped_channels: frozenset[str] = frozenset()

    @property
    def total_comments(self) -> int:
        return sum(self.comments_by_channel.values())


@dataclass(frozen=True, slots=True)
class RuleHitView:
    rule_id: str
    action: str
    severity: int
    reason: str
    explanation: str
    strike: bool
    automatic: bool = False


def _hit_view(row: Any) -> RuleHitView:
    """A stored rule hit; rows saved before migration 0009 said "runs on its own" as an
    action suffix ("hide:auto") rather than in the `automatic` column."""
    action, automatic = row.action, bool(row.automatic)
    step, sep, argument = action.partition(":")
    if sep and argument == "auto":
        action, automatic = step, True
    return RuleHitView(
        rule_id=row.rule_id,
        action=action,
        severity=row.severity,
        reason=row.reason,
        explanation=row.explanation,
        strike=row.strike,
        automatic=automatic,
    )


@dataclass(frozen=True, slots=True)
class CaseDetail:
    view: CaseView
    triage: Triage | None
    parent: Comment | None
    replies: list[Comment]
    rule_hits: list[RuleHitView]
    author: AuthorCard
    notes: list[Note]
    sent_replies: list[SentReply]
    audit: list[AuditEntry] = field(default_factory=list)


class CaseCounts(dict[str, int]):
    """Open cases per queue ("done": cases marked done), with the views' counts as attributes.

    It is a plain dict of the queues, so code that only wants those keeps working.
    """

    mine: int = 0
    unassigned: int = 0
    overdue: int = 0
    # Queues whose count stopped at the cap (show "10000+"): only "done" is capped.
    capped: frozenset[str] = frozenset()


_JOIN = (
    t.cases.join(t.comments, t.comments.c.id == t.cases.c.comment_id)
    .join(t.authors, t.authors.c.id == t.comments.c.author_id)
    .outerjoin(t.triages, t.triages.c.comment_id == t.cases.c.comment_id)
)
_ROW_COLUMNS = (
    t.cases,
    t.comments.c.channel,
    t.comments.c.external_id,
    t.comments.c.text,
    t.comments.c.created_at.label("comment_created_at"),
    t.comments.c.parent_external_id,
    t.comments.c.media,
    t.comments.c.url,
    t.comments.c.lang,
    t.comments.c.context,
    t.comments.c.extra,
    t.comments.c.status.label("comment_status"),
    t.authors.c.handle,
    t.authors.c.display_name,
    t.authors.c.first_seen,
    t.authors.c.strikes,
    t.triages.c.lang.label("tr_lang"),
    t.triages.c.primary.label("tr_primary"),
    t.triages.c.secondary.label("tr_secondary"),
    t.triages.c.sentiment.label("tr_sentiment"),
    t.triages.c.action.label("tr_action"),
    t.triages.c.legal_sub.label("tr_legal_sub"),
    t.triages.c.signals.label("tr_signals"),
    t.triages.c.reasons.label("tr_reasons"),
    t.triages.c.model.label("tr_model"),
)
# Filters need the comment and its triage, never the author.
_FILTER_JOIN = t.cases.join(t.comments, t.comments.c.id == t.cases.c.comment_id).outerjoin(
    t.triages, t.triages.c.comment_id == t.cases.c.comment_id
)
_COMMENT_JOIN = t.comments.join(t.authors, t.authors.c.id == t.comments.c.author_id)
_COMMENT_COLUMNS = (
    t.comments,
    t.authors.c.handle,
    t.authors.c.display_name,
    t.authors.c.first_seen,
    t.authors.c.strikes,
)


def snippet(text: str, length: int = SNIPPET_LENGTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"


def _not_snoozed(now: datetime) -> Any:
    return or_(t.cases.c.snoozed_until.is_(None), t.cases.c.snoozed_until <= now)


class CaseRepository:
    def __init__(self, engine: Engine, history: StoreAuthorHistory | None = None) -> None:
        self.engine = engine
        self.history = history or StoreAuthorHistory(engine)

    # -- the list ---------------------------------------------------------------------------

    def _conditions(self, wanted: CaseFilter, now: datetime) -> tuple[list[Any], list[Any]]:
        """WHERE conditions on the cases table, and on the comment and its triage."""
        c = t.cases.c
        conditions: list[Any] = []
        outer: list[Any] = []
        if wanted.queue == Queue.DONE.value:
            conditions.append(c.status == CaseStatus.DONE.value)
        elif wanted.queue:
            conditions.append(c.queue == wanted.queue)
        if wanted.view == "overdue":
            # Breaches count even while snoozed; only done cases are off the hook.
            conditions += [c.status == CaseStatus.OPEN.value, c.due_at < now]
        elif wanted.queue != Queue.DONE.value:
            if wanted.status == "open":
                conditions += [c.status == CaseStatus.OPEN.value, _not_snoozed(now)]
            elif wanted.status == "snoozed":
                conditions += [c.status == CaseStatus.OPEN.value, c.snoozed_until > now]
            elif wanted.status == "done":
                conditions.append(c.status == CaseStatus.DONE.value)
        if wanted.view == "mine":
            conditions.append(c.assignee == wanted.me)
        elif wanted.view == "unassigned":
            conditions.append(c.assignee.is_(None))
        if wanted.assignee:
            conditions.append(c.assignee == wanted.assignee)
        if wanted.channel:
            outer.append(t.comments.c.channel == wanted.channel)
        if wanted.lang:
            outer.append(
                or_(
                    t.triages.c.lang == wanted.lang,
                    and_(t.triages.c.lang.is_(None), t.comments.c.lang == wanted.lang),
                )
            )
        if wanted.category:
            outer.append(t.triages.c.primary == wanted.category)
        if wanted.sentiment:
            outer.append(t.triages.c.sentiment == wanted.sentiment)
        if wanted.campaign:
            outer.append(t.comments.c.context["campaign"].as_string() == wanted.campaign)
        if wanted.search and wanted.search.strip():
            outer.append(text_condition(self.engine.dialect.name, wanted.search))
        return conditions, outer

    def list(self, wanted: CaseFilter | None = None, now: datetime | None = None) -> list[CaseView]:
        """Cases by SLA due time (none last), then priority, then age.

        The done queue is the exception: the most recently resolved first.
        """
        wanted = wanted or CaseFilter()
        wanted.check()
        now = now or datetime.now(UTC)
        inner, outer = self._conditions(wanted, now)
        c = t.cases.c
        key: Any
        order: tuple[Any, ...]
        rest: tuple[Any, ...]
        if wanted.queue == Queue.DONE.value or (
            wanted.status == "done" and wanted.view != "overdue"
        ):
            key, order, rest = c.resolved_at, (c.resolved_at.desc(), c.id.desc()), (c.id.desc(),)
        else:
            key, order, rest = c.due_at, (c.due_at, c.priority, c.id), (c.priority, c.id)
        # The open views are bounded by the team's backlog. The campaign sits in the
        # comment's JSON context, which no index serves and no planner estimates: walk the
        # open cases in order and check it chunk by chunk instead of scanning every comment.
        # (Measured: this loses to the database's own plan for text search and for channel,
        # language and sentiment filters, so those keep it.)
        walk = (
            any(getattr(wanted, name) for name in WALK_FILTERS)
            and not wanted.search
            and wanted.status in ("open", "snoozed")
            and wanted.queue != Queue.DONE.value
        )

        def ids_query(present: bool, ordering: tuple[Any, ...]) -> Any:
            has_key = key.is_not(None) if present else key.is_(None)
            source = _FILTER_JOIN if outer else t.cases
            return (
                select(c.id).select_from(source).where(*inner, *outer, has_key).order_by(*ordering)
            )

        with self.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                # psycopg prepares a statement run five times, and PostgreSQL's generic plan for
                # it cannot see the filter values (a LIKE pattern, a channel): it falls back to
                # scanning every comment. Plan each list query for its own values instead.
                conn.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
            if walk:
                need = wanted.offset + wanted.limit
                found = self._walk(conn, inner, outer, key, order, need)
                if len(found) < need:
                    found += self._walk(conn, inner, outer, key, rest, need - len(found), False)
                return self._views(conn, found[wanted.offset : need], now)
            if outer:
                # Comment filters: the rows are sorted after filtering anyway, so one query
                # (two passes would scan the comments twice).
                query = select(c.id).select_from(_FILTER_JOIN).where(*inner, *outer)
                query = query.order_by(key.is_(None), *order)
                ids = list(conn.execute(query.limit(wanted.limit).offset(wanted.offset)).scalars())
                return self._views(conn, ids, now)
            # Two index-friendly passes instead of ORDER BY "key IS NULL" (which no index
            # serves): cases with a key first, then the rest.
            keyed = ids_query(True, order).limit(wanted.limit).offset(wanted.offset)
            ids = list(conn.execute(keyed).scalars())
            if len(ids) < wanted.limit:
                rest_offset = 0
                if not ids and wanted.offset:
                    counted = select(func.count()).select_from(
                        ids_query(True, order).order_by(None).subquery()
                    )
                    rest_offset = max(0, wanted.offset - int(conn.execute(counted).scalar_one()))
                unkeyed = ids_query(False, rest).limit(wanted.limit - len(ids)).offset(rest_offset)
                ids += list(conn.execute(unkeyed).scalars())
            return self._views(conn, ids, now)

    @staticmethod
    def _walk(
        conn: Any,
        inner: Sequence[Any],
        outer: Sequence[Any],
        key: Any,
        ordering: tuple[Any, ...],
        need: int,
        present: bool = True,
    ) -> IdList:
        """The first `need` cases matching `outer`, walking the `inner` ones in order.

        Candidates come in growing chunks (500, 2000, 8000, ...), so a common match costs one
        small query and a rare one reads each candidate about twice.
        """
        c = t.cases.c
        has_key = key.is_not(None) if present else key.is_(None)
        found: list[int] = []
        offset, chunk = 0, WALK_FIRST_CHUNK
        # Filter by the comments' primary key, so the database looks up just these rows.
        filtered = t.comments.outerjoin(t.triages, t.triages.c.comment_id == t.comments.c.id)
        while len(found) < need:
            candidates = conn.execute(
                select(c.id, c.comment_id)
                .where(*inner, has_key)
                .order_by(*ordering)
                .limit(chunk)
                .offset(offset)
            ).all()
            for part in range(0, len(candidates), 500):
                rows = candidates[part : part + 500]
                matching = set(
                    conn.execute(
                        select(t.comments.c.id)
                        .select_from(filtered)
                        .where(t.comments.c.id.in_([row.comment_id for row in rows]), *outer)
                    ).scalars()
                )
                found += [row.id for row in rows if row.comment_id in matching]
                if len(found) >= need:
                    break
            if len(candidates) < chunk:
                break
            offset += chunk
            chunk *= 4
        return found[:need]

    def in_queue(self, queue: str | None = None, limit: int = 50) -> ViewList:
        """Every case of a queue whatever its status (the CLI's listing)."""
        return self.list(CaseFilter(queue=queue, status="any", limit=min(limit, MAX_LIMIT)))

    def _views(self, conn: Any, ids: Sequence[int], now: datetime) -> ViewList:
        if not ids:
            return []
        rows = {
            row.id: row
            for row in conn.execute(
                select(*_ROW_COLUMNS).select_from(_JOIN).where(t.cases.c.id.in_(ids))
            )
        }
        labels: dict[int, list[str]] = {}
        for row in conn.execute(
            select(t.case_labels.c.case_id, t.case_labels.c.label)
            .where(t.case_labels.c.case_id.in_(ids))
            .order_by(t.case_labels.c.label)
        ):
            labels.setdefault(row.case_id, []).append(row.label)
        return [_view(rows[i], tuple(labels.get(i, ())), now) for i in ids if i in rows]

    # -- counts -----------------------------------------------------------------------------

    def counts(self, me: str | None = None, now: datetime | None = None) -> CaseCounts:
        """Open cases per queue ("done": cases marked done, up to DONE_COUNT_CAP) and the views.

        One pass over the open cases (a covering index serves it) plus a capped count of done.
        """
        now = now or datetime.now(UTC)
        c = t.cases.c
        awake = or_(c.snoozed_until.is_(None), c.snoozed_until <= now)

        def total(condition: Any) -> Any:
            return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

        mine = and_(awake, c.assignee == me) if me else literal(False)
        query = (
            select(
                c.queue,
                total(awake),
                total(mine),
                total(and_(awake, c.assignee.is_(None))),
                total(c.due_at < now),
            )
            .where(c.status == CaseStatus.OPEN.value)
            .group_by(c.queue)
        )
        found: dict[str, int] = {}
        views = [0, 0, 0]
        with self.engine.connect() as conn:
            for queue, awake_count, mine_count, unassigned, overdue in conn.execute(query):
                if queue != Queue.DONE.value and awake_count:
                    found[queue] = int(awake_count)
                views[0] += int(mine_count)
                views[1] += int(unassigned)
                views[2] += int(overdue)
            # Done only grows; counting 200,000 of them costs more than the rest of the page.
            capped = select(c.id).where(c.status == CaseStatus.DONE.value).limit(DONE_COUNT_CAP)
            done = conn.execute(select(func.count()).select_from(capped.subquery())).scalar_one()
        if done:
            found[Queue.DONE.value] = int(done)
        counts = CaseCounts(sorted(found.items()))
        counts.mine, counts.unassigned, counts.overdue = views
        counts.capped = frozenset({Queue.DONE.value}) if done >= DONE_COUNT_CAP else frozenset()
        return counts

    # -- one case ---------------------------------------------------------------------------

    def get(self, case_id: int, now: datetime | None = None) -> CaseView | None:
        with self.engine.connect() as conn:
            views = self._views(conn, [case_id], now or datetime.now(UTC))
        return views[0] if views else None

    def detail(self, case_id: int, now: datetime | None = None) -> CaseDetail | None:
        """Everything the case page shows; None when there is no such case."""
        now = now or datetime.now(UTC)
        with self.engine.connect() as conn:
            views = self._views(conn, [case_id], now)
            if not views:
                return None
            view = views[0]
            row = conn.execute(
                select(*_ROW_COLUMNS).select_from(_JOIN).where(t.cases.c.id == case_id)
            ).one()
            triage = _triage(row._mapping, case_id) if row.tr_primary is not None else None
            comment = view.comment
            parent = None
            if comment.parent_external_id:
                parent_row = conn.execute(
                    select(*_COMMENT_COLUMNS)
                    .select_from(
                        t.comments.join(t.authors, t.authors.c.id == t.comments.c.author_id)
                    )
                    .where(
                        t.comments.c.channel == comment.channel,
                        t.comments.c.external_id == comment.parent_external_id,
                    )
                ).first()
                parent = comment_from_row(parent_row._mapping) if parent_row else None
            replies = [
                comment_from_row(reply._mapping)
                for reply in conn.execute(
                    select(*_COMMENT_COLUMNS)
                    .select_from(
                        t.comments.join(t.authors, t.authors.c.id == t.comments.c.author_id)
                    )
                    .where(
                        t.comments.c.channel == comment.channel,
                        t.comments.c.parent_external_id == comment.external_id,
                    )
                    .order_by(t.comments.c.created_at, t.comments.c.id)
                    .limit(200)
                )
            ]
            hits = [
                _hit_view(row)
                for row in conn.execute(
                    select(t.rule_hits)
                    .where(t.rule_hits.c.comment_id == comment.id)
                    .order_by(t.rule_hits.c.severity.desc(), t.rule_hits.c.rule_id)
                )
            ]
            author = self._author_card(conn, comment, case_id, now)
            notes = notes_for(conn, case_id)
            sent = replies_for(conn, case_id)
            audit = audit_for(conn, [("case", str(case_id)), ("comment", str(comment.id))])
            audit = _merge(audit, self._author_audit(conn, view, now))
        return CaseDetail(
            view=view,
            triage=triage,
            parent=parent,
            replies=replies,
            rule_hits=hits,
            author=author,
            notes=notes,
            sent_replies=sent,
            audit=audit,
        )

    def _author_card(self, conn: Any, comment: Comment, case_id: int, now: datetime) -> AuthorCard:
        """The same handle on every channel, read through indexes only.

        The author rows come by handle (ix_authors_handle), everything else by their ids
        (comments' author_id indexes), so a prolific author costs at most COUNT_CAP index
        entries per channel for the counts and its newest comments for the rest, never a
        scan of the comments.
        """
        handle = comment.author.handle
        found = conn.execute(
            select(t.authors.c.id, t.authors.c.channel, t.authors.c.first_seen).where(
                t.authors.c.handle == handle
            )
        ).all()
        channel_of = {row.id: row.channel for row in found}
        ids = sorted(channel_of)
        per_channel: dict[str, int] = {}
        capped: set[str] = set()
        if ids:
            # One statement: a capped count per author id (a channel has one row per handle).
            parts = [
                select(literal(author_id).label("author_id"), func.count().label("n")).select_from(
                    select(literal(1).label("one"))
                    .select_from(t.comments)
                    .where(t.comments.c.author_id == author_id)
                    .limit(COUNT_CAP + 1)
                    .subquery()
                )
                for author_id in ids
            ]
            counted = parts[0] if len(parts) == 1 else union_all(*parts)
            for row in conn.execute(counted):
                channel = channel_of[int(row.author_id)]
                n = int(row.n)
                if n > COUNT_CAP:
                    n = COUNT_CAP
                    capped.add(channel)
                if n:
                    per_channel[channel] = per_channel.get(channel, 0) + n
        first_seen = min((row.first_seen for row in found), default=None)
        earlier: list[CaseSummary] = []
        open_problem = False
        if ids:
            unhappy = or_(
                t.triages.c.sentiment == Sentiment.NEGATIVE.value,
                t.triages.c.primary == Category.COMPLAINT.value,
            )
            for author_id in ids:
                # Newest first along ix_comments_author_id_created_at: 20 rows per channel.
                earlier += [
                    CaseSummary(
                        id=row.id,
                        queue=row.queue,
                        status=row.status,
                        channel=row.channel,
                        created_at=aware(row.comment_created_at),
                        snippet=snippet(row.text, 80),
                    )
                    for row in conn.execute(
                        select(
                            t.cases.c.id,
                            t.cases.c.queue,
                            t.cases.c.status,
                            t.comments.c.channel,
                            t.comments.c.text,
                            t.comments.c.created_at.label("comment_created_at"),
                        )
                        .select_from(
                            t.cases.join(t.comments, t.comments.c.id == t.cases.c.comment_id)
                        )
                        .where(t.comments.c.author_id == author_id, t.cases.c.id != case_id)
                        .order_by(t.comments.c.created_at.desc(), t.cases.c.id.desc())
                        .limit(EARLIER_CASES)
                    )
                ]
                if open_problem:
                    continue
                # Open problems are recent: look among the author's newest comments only, by
                # their ids (a subquery let PostgreSQL scan every case instead).
                recent = list(
                    conn.execute(
                        select(t.comments.c.id)
                        .where(t.comments.c.author_id == author_id)
                        .order_by(t.comments.c.created_at.desc())
                        .limit(PROBLEM_LOOKBACK)
                    ).scalars()
                )
                for part in range(0, len(recent), 500):
                    found_case = conn.execute(
                        select(t.cases.c.id)
                        .select_from(
                            t.cases.join(t.triages, t.triages.c.comment_id == t.cases.c.comment_id)
                        )
                        .where(
                            t.cases.c.comment_id.in_(recent[part : part + 500]),
                            t.cases.c.id != case_id,
                            t.cases.c.status == CaseStatus.OPEN.value,
                            t.cases.c.queue == Queue.NEEDS_REPLY.value,
                            unhappy,
                        )
                        .limit(1)
                    ).first()
                    if found_case is not None:
                        open_problem = True
                        break
            earlier.sort(key=lambda summary: (summary.created_at, summary.id), reverse=True)
            earlier = earlier[:EARLIER_CASES]
        return AuthorCard(
            channel=comment.channel,
            handle=handle,
            display_name=comment.author.display_name,
            first_seen=aware_or_none(first_seen),
            comments_by_channel=dict(sorted(per_channel.items())),
            strikes=self.history.strikes(comment.channel, handle, before=now),
            earlier_cases=earlier,
            open_problem=open_problem,
            sanctions=sanctions_for(conn, handle),
            capped_channels=frozenset(capped),
        )

    @staticmethod
    def _author_audit(conn: Any, view: CaseView, now: datetime) -> AuditList:
        """Sanctions on the case's author (on its channel) while the case was open.

        comity.actions.authors audits them as target ("author", "channel:handle").
        """
        opened = view.created_at
        closed = view.resolved_at if view.case.status is CaseStatus.DONE else None
        target = f"{view.channel}:{view.author_handle}"
        return [
            entry
            for entry in audit_for(conn, [("author", target)])
            if entry.action in AUTHOR_SANCTION_ACTIONS
            and (opened is None or entry.at >= opened)
            and (closed is None or entry.at <= closed)
            and entry.at <= now
        ]


def _merge(first: list[AuditEntry], second: list[AuditEntry]) -> list[AuditEntry]:
    """Two audit lists as one, oldest first (ids grow with time)."""
    return sorted([*first, *second], key=lambda entry: entry.id) if second else first


def _triage(row: Mapping[Any, Any], case_id: int) -> Triage:
    """The stored triage; a value the taxonomy no longer knows is logged and shown as neutral.

    Old rows, a plugin's categories or a hand-edited database must not take the case view down.
    """
    try:
        return triage_from_row(row, "tr_")
    except ValueError:
        log.warning(
            "case %s: stored triage has values the taxonomy does not know "
            "(primary=%r, sentiment=%r, action=%r); showing them as neutral",
            case_id,
            row["tr_primary"],
            row["tr_sentiment"],
            row["tr_action"],
        )
    known_categories = {c.value for c in Category}
    legal = row["tr_legal_sub"]
    signals: dict[str, float] = {}
    for key, value in (row["tr_signals"] or {}).items():
        try:
            signals[str(key)] = float(value)
        except (TypeError, ValueError):
            continue
    return Triage(
        lang=row["tr_lang"] or "",
        primary=_known(Category, row["tr_primary"], Category.NEUTRAL),
        secondary=tuple(
            Category(value) for value in row["tr_secondary"] or () if value in known_categories
        ),
        sentiment=_known(Sentiment, row["tr_sentiment"], Sentiment.NEUTRAL),
        action=_known(ActionKind, row["tr_action"], ActionKind.NONE),
        legal_sub=_known(LegalSub, legal, None) if legal else None,
        signals=signals,
        reasons=tuple(str(reason) for reason in row["tr_reasons"] or ()),
        model=row["tr_model"] or "",
    )


def _known(kind: type[_E], value: Any, default: _D) -> _E | _D:
    try:
        return kind(value)
    except ValueError:
        return default


def _view(row: Any, labels: tuple[str, ...], now: datetime) -> CaseView:
    mapping = dict(row._mapping)
    comment_row = mapping | {
        "id": mapping["comment_id"],
        "created_at": mapping["comment_created_at"],
        "status": mapping["comment_status"],
    }
    found = case_from_row(mapping)
    snoozed_until = aware_or_none(row.snoozed_until)
    if found.status is CaseStatus.OPEN and snoozed_until is not None and snoozed_until > now:
        found.status = CaseStatus.SNOOZED
    comment = comment_from_row(comment_row)
    return CaseView(
        case=found,
        comment=comment,
        reason=mapping["reason"],
        actions=tuple(mapping["actions"]),
        category=row.tr_primary,
        sentiment=row.tr_sentiment,
        lang=row.tr_lang or comment.lang,
        channel=comment.channel,
        author_handle=comment.author.handle,
        due_at=found.due_at,
        priority=found.priority.value,
        assignee=found.assignee,
        snippet=snippet(comment.text),
        created_at=aware(row.created_at),
        snoozed_until=snoozed_until,
        first_response_at=aware_or_none(row.first_response_at),
        resolved_at=aware_or_none(row.resolved_at),
        labels=labels,
    )


def case_category(engine: Engine, case_id: int) -> str | None:
    """The triage category of a case's comment (None: no case or not triaged)."""
    query = (
        select(t.triages.c.primary)
        .select_from(t.cases.join(t.triages, t.triages.c.comment_id == t.cases.c.comment_id))
        .where(t.cases.c.id == case_id)
    )
    with engine.connect() as conn:
        found = conn.execute(query).scalar()
    return str(found) if found is not None else None
