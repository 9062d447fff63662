"""JSON API v1 for the inbox: queues, one case, actions (single and bulk), the audit log.

Callers authenticate with a bearer token, or with the browser session the UI already has;
a session caller must send the CSRF token (X-CSRF-Token) on every mutating request.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from comity.actions import (
    ActionContext,
    ActionError,
    AssignmentConflict,
    AuditedAction,
    NotFound,
    PermissionDenied,
    RecentReplyConflict,
    do_bulk,
)
from comity.actions.dispatch import CaseActionArgs, do_case_action
from comity.actions.permissions import check_permission
from comity.domain import Comment
from comity.domain.sla import sla
from comity.store.cases import CaseDetail, CaseFilter, CaseFilterError, CaseRepository, CaseView
from comity.store.inbox_rows import AuditEntry, audit_for
from comity.store.users import User
from comity.web.deps import (
    CsrfFailed,
    LoginRequired,
    ServicesDep,
    api_user,
    check_csrf,
    session_user,
)
from comity.web.pages import action_context
from comity.web.reply_hints import blocking_hints
from comity.web.schemas import ErrorOut

router = APIRouter(
    prefix="/api/v1",
    tags=["inbox"],
    responses={
        401: {"model": ErrorOut, "description": "No token and no session."},
        403: {"model": ErrorOut, "description": "The role may not do this, or CSRF failed."},
    },
)

_bearer = HTTPBearer(auto_error=False)
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


async def inbox_user(
    request: Request,
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    """The token's user, else the session's user (CSRF-checked on unsafe methods)."""
    if credentials is not None:
        return api_user(services, credentials)
    if "session" not in request.scope or not request.session:
        raise HTTPException(
            401,
            "missing API token: send 'Authorization: Bearer <token>' or sign in",
            headers={"WWW-Authenticate": "Bearer"},
        )
    try:
        user = session_user(request, services)
    except LoginRequired as error:  # an expired session, or a disabled user
        raise HTTPException(401, "the session has expired; sign in again") from error
    if request.method not in SAFE_METHODS:
        try:
            await check_csrf(request)
        except CsrfFailed as error:
            raise HTTPException(
                403, "missing or wrong CSRF token (send the X-CSRF-Token header)"
            ) from error
    return user


InboxUser = Annotated[User, Depends(inbox_user)]


# -- output -------------------------------------------------------------------------------


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def sla_out(due_at: datetime | None, created_at: datetime | None, now: datetime) -> dict[str, Any]:
    found = sla(due_at, now, created_at)
    left = int(found.left.total_seconds()) if found.left is not None else None
    return {"state": found.state, "seconds_left": left}


def case_out(view: CaseView, now: datetime) -> dict[str, Any]:
    case = view.case
    return {
        "id": case.id,
        "comment_id": case.comment_id,
        "queue": case.queue.value,
        "status": case.status.value,
        "priority": view.priority,
        "due_at": _iso(view.due_at),
        "sla": sla_out(view.due_at, view.created_at, now),
        "assignee": view.assignee,
        "channel": view.channel,
        "external_id": view.comment.external_id,
        "author": view.author_handle,
        "lang": view.lang,
        "category": view.category,
        "sentiment": view.sentiment,
        "snippet": view.snippet,
        "labels": list(view.labels),
        "created_at": _iso(view.created_at),
        "comment_created_at": _iso(view.comment.created_at),
        "snoozed_until": _iso(view.snoozed_until),
        "first_response_at": _iso(view.first_response_at),
        "resolved_at": _iso(view.resolved_at),
    }


def comment_out(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.id,
        "channel": comment.channel,
        "external_id": comment.external_id,
        "author": comment.author.handle,
        "text": comment.text,
        "created_at": _iso(comment.created_at),
        "status": comment.status.value,
        "url": comment.url,
    }


def audit_out(entry: AuditEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": _iso(entry.at),
        "actor": entry.actor,
        "action": entry.action,
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "reason": entry.reason,
        "before": entry.before,
        "after": entry.after,
    }


def action_out(action: AuditedAction) -> dict[str, Any]:
    return {
        "audit_id": action.audit_id,
        "kind": action.kind,
        "target_type": action.target_type,
        "target_id": action.target_id,
        "actor": action.actor,
        "at": _iso(action.at),
        "reason": action.reason,
        "before": action.before,
        "after": action.after,
        "case_id": action.case_id,
    }


def detail_out(detail: CaseDetail, now: datetime) -> dict[str, Any]:
    triage = detail.triage
    card = detail.author
    return {
        "case": case_out(detail.view, now),
        "comment": comment_out(detail.view.comment),
        "parent": comment_out(detail.parent) if detail.parent else None,
        "replies": [comment_out(reply) for reply in detail.replies],
        "plan": {"actions": list(detail.view.actions), "reason": detail.view.reason},
        "triage": None
        if triage is None
        else {
            "lang": triage.lang,
            "category": triage.primary.value,
            "secondary": [category.value for category in triage.secondary],
            "sentiment": triage.sentiment.value,
            "action": triage.action.value,
            "legal_sub": triage.legal_sub.value if triage.legal_sub else None,
            "signals": triage.signals,
            "reasons": list(triage.reasons),
        },
        "rule_hits": [
            {
                "rule_id": hit.rule_id,
                "action": hit.action,
                "severity": hit.severity,
                "reason": hit.reason,
                "explanation": hit.explanation,
                "strike": hit.strike,
                "automatic": hit.automatic,
            }
            for hit in detail.rule_hits
        ],
        "author": {
            "channel": card.channel,
            "handle": card.handle,
            "display_name": card.display_name,
            "first_seen": _iso(card.first_seen),
            "comments_by_channel": card.comments_by_channel,
            "total_comments": card.total_comments,
            "strikes": card.strikes,
            "open_problem": card.open_problem,
            "earlier_cases": [
                {
                    "id": summary.id,
                    "queue": summary.queue,
                    "status": summary.status,
                    "channel": summary.channel,
                    "created_at": _iso(summary.created_at),
                    "snippet": summary.snippet,
                }
                for summary in card.earlier_cases
            ],
            "sanctions": [
                {
                    "id": sanction.id,
                    "channel": sanction.channel,
                    "kind": sanction.kind,
                    "until": _iso(sanction.until),
                    "reason": sanction.reason,
                    "by": sanction.by,
                    "at": _iso(sanction.at),
                    "active": sanction.active(now),
                }
                for sanction in card.sanctions
            ],
        },
        "notes": [
            {
                "id": note.id,
                "kind": note.kind,
                "author": note.author,
                "body": note.body,
                "mentions": list(note.mentions),
                "at": _iso(note.at),
            }
            for note in detail.notes
        ],
        "sent_replies": [
            {
                "id": reply.id,
                "text": reply.text,
                "by": reply.by,
                "at": _iso(reply.at),
                "status": reply.status,
                "approved_by": reply.approved_by,
            }
            for reply in detail.sent_replies
        ],
        "audit": [audit_out(entry) for entry in detail.audit],
    }


def action_error_response(error: Exception) -> JSONResponse:
    """The HTTP answer to an action that did not happen."""
    if isinstance(error, PermissionDenied):
        return JSONResponse({"detail": str(error)}, status_code=403)
    if isinstance(error, AssignmentConflict):
        held: dict[str, Any] = {"detail": str(error), "conflict": "assigned"}
        return JSONResponse(held | {"holder": error.holder}, status_code=409)
    if isinstance(error, RecentReplyConflict):
        earlier = {"by": error.by, "at": _iso(error.at), "text": error.text}
        answered: dict[str, Any] = {"detail": str(error), "conflict": "recent_reply"}
        return JSONResponse(answered | {"earlier_reply": earlier}, status_code=409)
    if isinstance(error, NotFound):
        return JSONResponse({"detail": str(error)}, status_code=404)
    return JSONResponse({"detail": str(error)}, status_code=422)


# -- reading ------------------------------------------------------------------------------


@router.get("/cases", summary="A queue's cases by SLA due time, then priority")
def list_cases(
    services: ServicesDep,
    user: InboxUser,
    queue: Annotated[str | None, Query(max_length=32)] = None,
    channel: Annotated[str | None, Query(max_length=64)] = None,
    lang: Annotated[str | None, Query(max_length=16)] = None,
    category: Annotated[str | None, Query(max_length=32)] = None,
    sentiment: Annotated[str | None, Query(max_length=16)] = None,
    assignee: Annotated[str | None, Query(max_length=320)] = None,
    campaign: Annotated[str | None, Query(max_length=200)] = None,
    status: Annotated[str, Query(max_length=16)] = "open",
    view: Annotated[str, Query(max_length=16)] = "all",
    q: Annotated[str | None, Query(max_length=200, description="full-text search")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> JSONResponse:
    now = datetime.now(UTC)
    wanted = CaseFilter(
        queue=queue, channel=channel, lang=lang, category=category, sentiment=sentiment,
        assignee=assignee, campaign=campaign, status=status, view=view, me=user.email,
        search=q, limit=limit, offset=offset,
    )  # fmt: skip
    repository = CaseRepository(services.engine, services.history)
    try:
        views = repository.list(wanted, now=now)
    except CaseFilterError as error:
        return JSONResponse({"detail": str(error)}, status_code=422)
    counts = repository.counts(me=user.email, now=now)
    return JSONResponse(
        {
            "items": [case_out(found, now) for found in views],
            "limit": limit,
            "offset": offset,
            "counts": {
                "queues": dict(counts),
                "mine": counts.mine,
                "unassigned": counts.unassigned,
                "overdue": counts.overdue,
            },
        }
    )


@router.get(
    "/cases/{case_id}",
    summary="One case: comment, thread, triage, plan, author card, notes, replies, audit",
    responses={404: {"model": ErrorOut}},
)
def get_case(case_id: int, services: ServicesDep, user: InboxUser) -> JSONResponse:
    now = datetime.now(UTC)
    detail = CaseRepository(services.engine, services.history).detail(case_id, now=now)
    if detail is None:
        raise HTTPException(404, f"no case with id {case_id}")
    return JSONResponse(detail_out(detail, now))


@router.get("/audit", summary="The audit log of one target, oldest first")
def get_audit(
    services: ServicesDep,
    user: InboxUser,
    target: Annotated[
        str,
        Query(
            max_length=300,
            description='"case:12", "comment:34" or "author:CHANNEL:HANDLE"',
        ),
    ],
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> JSONResponse:
    kind, _, ident = target.partition(":")
    if kind not in ("case", "comment", "author") or not ident:
        return JSONResponse(
            {"detail": 'target must look like "case:12", "comment:34" or "author:CHANNEL:HANDLE"'},
            status_code=422,
        )
    with services.engine.connect() as conn:
        entries = audit_for(conn, [(kind, ident)], limit=limit)
    return JSONResponse({"target": target, "entries": [audit_out(entry) for entry in entries]})


# -- acting -------------------------------------------------------------------------------


class ActionIn(BaseModel):
    """One action on a case; which fields matter depends on `kind`."""

    model_config = ConfigDict(extra="forbid")

    kind: str = Field(description="e.g. assign, reply, like, hide, ban, snooze, done, note")
    reason: str = Field("", max_length=2000)
    assignee: str | None = Field(None, max_length=320, description="assign: the e-mail")
    take_over: bool = Field(False, description="assign/unassign a case someone else holds")
    text: str | None = Field(None, max_length=5000, description="reply, note, feedback")
    confirm_recent: bool = Field(False, description="reply although the case was just answered")
    until: datetime | None = Field(None, description="snooze, mute, ban (optional for ban)")
    label: str | None = Field(None, max_length=100, description="label, unlabel")
    reply_id: int | None = Field(None, description="approve_reply, reject_reply")
    audit_id: int | None = Field(None, description="undo")


class BulkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str
    ids: list[int] = Field(min_length=1, max_length=500, description="case ids")
    reason: str = Field("", max_length=2000)
    assignee: str | None = Field(None, max_length=320)
    take_over: bool = False
    until: datetime | None = None
    label: str | None = Field(None, max_length=100)


def _run(
    ctx: ActionContext, case_id: int, body: ActionIn, by: User, repo: CaseRepository
) -> AuditedAction:
    args = CaseActionArgs(
        reason=body.reason, assignee=body.assignee, take_over=body.take_over, text=body.text,
        confirm_recent=body.confirm_recent, until=body.until, label=body.label,
        reply_id=body.reply_id, audit_id=body.audit_id,
    )  # fmt: skip
    return do_case_action(ctx, case_id, body.kind, args, by=by, cases=repo)


@router.post(
    "/cases/{case_id}/actions",
    summary="Do one action on a case (assign, reply, hide, ban, done, note, undo, ...)",
    responses={
        404: {"model": ErrorOut},
        409: {"description": "Assigned to someone else, or answered moments ago."},
        422: {
            "model": ErrorOut,
            "description": "The action cannot be done; `detail` says why (a reply refused by "
            "a blocking hint also lists `hints`: kind, message, blocking).",
        },
    },
)
def post_action(
    request: Request, case_id: int, body: ActionIn, services: ServicesDep, user: InboxUser
) -> JSONResponse:
    if body.kind == "reply" and body.text:
        try:
            check_permission(user.role, "reply")  # who may not reply hears that, not hints
        except PermissionDenied as error:
            return action_error_response(error)
        refused = blocking_refusal(request, case_id, body.text)
        if refused is not None:
            return refused
    repo = CaseRepository(services.engine, services.history)
    try:
        done = _run(action_context(request), case_id, body, user, repo)
    except (ActionError, PermissionDenied) as error:
        return action_error_response(error)
    return JSONResponse({"action": action_out(done)})


def blocking_refusal(request: Request, case_id: int, text: str) -> JSONResponse | None:
    """The inbox's server-side check: a blocking hint refuses the reply, with every hint."""
    blocked = blocking_hints(request, case_id, text)
    if blocked is None:
        return None
    hints, kinds = blocked
    return JSONResponse(
        {
            "detail": f"not sent: the draft has a hint that blocks sending ({', '.join(kinds)})",
            "hints": [
                {"kind": h.kind, "message": h.message, "blocking": h.blocking} for h in hints
            ],
        },
        status_code=422,
    )


@router.post(
    "/cases/bulk",
    summary="One action on many cases, in one transaction (all or nothing)",
    responses={409: {"description": "A case is held by someone else."}, 422: {"model": ErrorOut}},
)
def post_bulk(request: Request, body: BulkIn, user: InboxUser) -> JSONResponse:
    try:
        done = do_bulk(
            action_context(request), body.kind, body.ids, by=user, reason=body.reason,
            assignee=body.assignee, take_over=body.take_over, until=body.until, label=body.label,
        )  # fmt: skip
    except (ActionError, PermissionDenied) as error:
        return action_error_response(error)
    return JSONResponse({"actions": [action_out(action) for action in done]})
