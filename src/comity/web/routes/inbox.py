"""The inbox: queues and views in the sidebar, the filtered list, the start page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from comity.domain import Category, Queue, Sentiment
from comity.store.cases import CaseCounts, CaseFilter, CaseFilterError, CaseView
from comity.store.users import User
from comity.web.deps import ServicesDep, SessionUser, check_csrf
from comity.web.labels import QUEUES, VIEWS
from comity.web.pages import case_repository, filter_choices, render
from comity.web.templating import query_string

router = APIRouter(include_in_schema=False, dependencies=[Depends(check_csrf)])
PAGE_SIZE = 50
DEFAULT_QUEUE = Queue.NEEDS_REPLY.value


@dataclass(frozen=True, slots=True)
class InboxQuery:
    """The list's filters as they travel in the URL (empty string = not filtered)."""

    queue: str = ""
    view: str = ""
    channel: str = ""
    lang: str = ""
    category: str = ""
    sentiment: str = ""
    assignee: str = ""
    campaign: str = ""
    q: str = ""
    page: int = 1

    @property
    def place(self) -> str:
        """What the sidebar highlights: a view, else the queue (Needs reply by default)."""
        return self.view or self.queue or DEFAULT_QUEUE

    def params(self, **changes: Any) -> str:
        """The query string for this list, with some values changed; empties dropped."""
        values = {
            "queue": self.queue,
            "view": self.view,
            "channel": self.channel,
            "lang": self.lang,
            "category": self.category,
            "sentiment": self.sentiment,
            "assignee": self.assignee,
            "campaign": self.campaign,
            "q": self.q,
            "page": self.page if self.page > 1 else None,
        }
        values.update(changes)
        if values.get("page") == 1:
            values["page"] = None
        return query_string(**values)

    def place_link(self, place: str) -> str:
        """The same filters in another queue or view (first page)."""
        if place in VIEWS:
            return self.params(view=place, queue=None, page=None)
        return self.params(queue=place if place != DEFAULT_QUEUE else None, view=None, page=None)

    def case_filter(self, me: str) -> CaseFilter:
        return CaseFilter(
            queue=None if self.view else (self.queue or DEFAULT_QUEUE),
            view=self.view or "all",
            me=me,
            channel=self.channel or None,
            lang=self.lang or None,
            category=self.category or None,
            sentiment=self.sentiment or None,
            assignee=self.assignee or None,
            campaign=self.campaign or None,
            search=self.q.strip() or None,
            limit=PAGE_SIZE + 1,  # one more tells whether there is a next page
            offset=(self.page - 1) * PAGE_SIZE,
        )


_QUEUE_PATTERN = "^(|" + "|".join(QUEUES) + ")$"
_VIEW_PATTERN = "^(|" + "|".join(VIEWS) + ")$"
_CATEGORY_PATTERN = "^(|" + "|".join(c.value for c in Category) + ")$"
_SENTIMENT_PATTERN = "^(|" + "|".join(s.value for s in Sentiment) + ")$"


def inbox_query(
    queue: Annotated[str, Query(pattern=_QUEUE_PATTERN)] = "",
    view: Annotated[str, Query(pattern=_VIEW_PATTERN)] = "",
    channel: Annotated[str, Query(max_length=64)] = "",
    lang: Annotated[str, Query(max_length=16)] = "",
    category: Annotated[str, Query(pattern=_CATEGORY_PATTERN)] = "",
    sentiment: Annotated[str, Query(pattern=_SENTIMENT_PATTERN)] = "",
    assignee: Annotated[str, Query(max_length=320)] = "",
    campaign: Annotated[str, Query(max_length=200)] = "",
    q: Annotated[str, Query(max_length=200)] = "",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> InboxQuery:
    return InboxQuery(queue, view, channel, lang, category, sentiment, assignee, campaign, q, page)


InboxQueryDep = Annotated[InboxQuery, Depends(inbox_query)]


@dataclass(frozen=True, slots=True)
class InboxList:
    query: InboxQuery
    cases: list[CaseView]
    has_more: bool


def load_list(request: Request, query: InboxQuery, user: User) -> InboxList:
    try:
        found = case_repository(request).list(query.case_filter(user.email))
    except CaseFilterError as error:
        raise HTTPException(400, str(error)) from None
    return InboxList(query=query, cases=found[:PAGE_SIZE], has_more=len(found) > PAGE_SIZE)


def load_counts(request: Request, user: User) -> CaseCounts:
    return case_repository(request).counts(me=user.email)


def inbox_context(
    request: Request, query: InboxQuery, user: User, open_case: Any = None
) -> dict[str, Any]:
    """Everything the inbox layout needs around the (optional) open case."""
    choices = filter_choices(request)
    return {
        "query": query,
        "listing": load_list(request, query, user),
        "counts": load_counts(request, user),
        "queues": list(QUEUES),
        "views": list(VIEWS),
        "channels": choices.channels,
        "languages": choices.languages,
        "categories": [c.value for c in Category],
        "sentiments": [s.value for s in Sentiment],
        "assignees": choices.assignees,
        "detail": open_case,
    }


@router.get("/")
def inbox_page(
    request: Request, services: ServicesDep, user: SessionUser, query: InboxQueryDep
) -> Response:
    """The start page: Needs reply, most urgent first. Works without JavaScript."""
    context = inbox_context(request, query, user)
    done = request.query_params.get("bulk_done", "")
    context["bulk_done"] = int(done) if done.isdigit() else None
    return render(request, "inbox/page.html", user, context, nav="inbox")


@router.get("/inbox/list")
def inbox_list(request: Request, user: SessionUser, query: InboxQueryDep) -> Response:
    """The list alone, for htmx; the address bar shows the equivalent full-page URL."""
    params = query.params()
    return render(
        request,
        "inbox/_list.html",
        user,
        {"query": query, "listing": load_list(request, query, user)},
        headers={"HX-Push-Url": "/?" + params if params else "/"},
    )


@router.get("/inbox/counts")
def inbox_counts(request: Request, user: SessionUser, query: InboxQueryDep) -> Response:
    """The sidebar with fresh counts (live updates swap it in)."""
    context = {
        "query": query,
        "counts": load_counts(request, user),
        "queues": list(QUEUES),
        "views": list(VIEWS),
    }
    return render(request, "inbox/_sidebar.html", user, context)
