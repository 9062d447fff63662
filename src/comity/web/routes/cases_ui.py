"""The case view beside the list (full page or htmx partial) and the presence heartbeats."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from comity.actions import (
    BULK_KINDS,
    UNDOABLE,
    ActionError,
    AssignmentConflict,
    AuditedAction,
    NotFound,
    PermissionDenied,
    RecentReplyConflict,
    do_bulk,
    do_undo,
)
from comity.actions.dispatch import CaseActionArgs, do_case_action
from comity.replies import Hint
from comity.store.cases import CaseDetail
from comity.store.users import User
from comity.web.action_messages import action_error_text
from comity.web.deps import SessionUser, check_csrf
from comity.web.labels import CATEGORIES, QUEUES, SENTIMENTS, VIEWS, label_id
from comity.web.pages import action_context, case_repository, is_htmx, locale, render
from comity.web.presence import Presence, presence_of
from comity.web.reply_hints import HINT_KINDS, blocking_hints
from comity.web.routes.inbox import InboxQuery, InboxQueryDep, inbox_context

router = APIRouter(include_in_schema=False, dependencies=[Depends(check_csrf)])
# Signals where a high value is bad news (drawn amber/red); the rest are plain bars.
HARM_SIGNALS = frozenset(
    {"toxicity", "insult", "profanity", "identity_attack", "threat", "sexually_explicit", "spam"}
)


def presence_board(request: Request) -> Presence:
    """One per app, created on first use (shared through Redis in the scale-out mode)."""
    return presence_of(request.app)


@dataclass(frozen=True, slots=True)
class Conflict:
    """Why an action needs a second, explicit confirmation (shown in the case pane)."""

    kind: str  # "reply" or "assign"
    holder: str = ""
    action: str = "assign"  # what taking over repeats: "assign" or "unassign"
    to: str | None = None
    reply: Any = None


def load_detail(request: Request, case_id: int) -> CaseDetail:
    detail = case_repository(request).detail(case_id)
    if detail is None:
        raise HTTPException(404, f"no case {case_id}")
    return detail


def hide_reason(detail: CaseDetail) -> str:
    """The reason a one-key hide records: the netiquette rule's, else the triage category."""
    if detail.rule_hits:
        return detail.rule_hits[0].reason or detail.rule_hits[0].rule_id
    if detail.triage is not None:
        return f"netiquette: {detail.triage.primary.value}"
    return "netiquette"


def case_context(
    request: Request,
    detail: CaseDetail,
    user: User,
    back: str,
    *,
    flash: str | None = None,
    error: str | None = None,
    conflict: Conflict | None = None,
    draft: str | None = None,
    undo_id: int | None = None,
    reply_hints: list[Hint] | None = None,
) -> dict[str, Any]:
    case_id = detail.view.case.id
    assert case_id is not None
    return {
        "detail": detail,
        "case_id": case_id,
        "viewers": presence_board(request).viewers(case_id),
        "list_params": back,
        "hide_reason": hide_reason(detail),
        "harm_signals": HARM_SIGNALS,
        "flash": flash,
        "error": error,
        "conflict": conflict,
        "draft": draft,
        "undo_id": undo_id,
        "reply_hints": reply_hints or [],
    }


def render_case(
    request: Request,
    detail: CaseDetail,
    user: User,
    query: InboxQuery,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> Response:
    """The pane alone for htmx, else the whole inbox with the case open."""
    back = query.params()
    context = case_context(request, detail, user, back, **extra)
    if is_htmx(request):
        return render(
            request, "cases/_pane.html", user, context, status_code=status_code, headers=headers
        )
    full = inbox_context(request, query, user, open_case=detail)
    full.update(context)
    return render(
        request,
        "inbox/page.html",
        user,
        full,
        nav="inbox",
        status_code=status_code,
        headers=headers,
    )


@router.get("/cases/{case_id}")
def case_page(request: Request, case_id: int, user: SessionUser, query: InboxQueryDep) -> Response:
    detail = load_detail(request, case_id)
    if not query.queue and not query.view:
        # Opened from a link: show the list of the case's own queue beside it.
        query = InboxQuery(queue=detail.view.case.queue.value)
    presence_board(request).heartbeat(case_id, user.email)
    return render_case(request, detail, user, query)


@router.get("/cases/{case_id}/presence")
def presence_fragment(request: Request, case_id: int, user: SessionUser) -> Response:
    context = {"case_id": case_id, "viewers": presence_board(request).viewers(case_id)}
    return render(request, "cases/_presence.html", user, context)


@router.post("/cases/{case_id}/presence", status_code=204)
def heartbeat(
    request: Request,
    case_id: int,
    user: SessionUser,
    typing: Annotated[str, Form(max_length=1)] = "0",
    leave: Annotated[str, Form(max_length=1)] = "0",
) -> Response:
    """The case view says "still here" every ~10 s (and whether a reply is being typed)."""
    board = presence_board(request)
    if leave == "1":
        board.leave(case_id, user.email)
    else:
        board.heartbeat(case_id, user.email, typing=typing == "1")
    return Response(status_code=204)


# The action bar's forms all post here; each kind maps to one comity.actions function.
ACTION_KINDS = (
    "like", "hide", "unhide", "delete", "mute", "ban", "unban", "assign", "unassign",
    "snooze", "done", "reopen", "label", "feedback", "note", "showcase", "share", "reply",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ActionForm:
    reason: str = ""
    email: str = ""
    take_over: bool = False
    until: str = ""
    label: str = ""
    text: str = ""
    days: int = 7
    confirm_recent: bool = False
    back: str = ""


def action_form(
    reason: Annotated[str, Form(max_length=500)] = "",
    email: Annotated[str, Form(max_length=320)] = "",
    take_over: Annotated[str, Form(max_length=1)] = "",
    until: Annotated[str, Form(max_length=32)] = "",
    label: Annotated[str, Form(max_length=100)] = "",
    text: Annotated[str, Form(max_length=5000)] = "",
    days: Annotated[int, Form(ge=1, le=365)] = 7,
    confirm_recent: Annotated[str, Form(max_length=1)] = "",
    back: Annotated[str, Form(max_length=2000)] = "",
) -> ActionForm:
    return ActionForm(
        reason=reason.strip(),
        email=email.strip(),
        take_over=take_over == "1",
        until=until,
        label=label.strip(),
        text=text,
        days=days,
        confirm_recent=confirm_recent == "1",
        back=urlencode(parse_qsl(back)),  # only ever a query string, re-encoded
    )


def local_datetime(value: str, time_zone: str) -> datetime:
    """A datetime-local field's value, read in the user's time zone."""
    try:
        naive = datetime.fromisoformat(value)
    except ValueError:
        raise ActionError(f"not a date and time: {value!r}") from None
    if naive.tzinfo is None:
        naive = naive.replace(tzinfo=ZoneInfo(time_zone))
    return naive.astimezone(UTC)


def perform(
    request: Request, kind: str, case_id: int, form: ActionForm, user: User
) -> AuditedAction:
    """Run the action named by the form; the action checks the role and writes the audit log."""
    ctx = action_context(request)
    until: datetime | None = None
    if kind == "mute":
        until = ctx.now() + timedelta(days=form.days)
    elif kind == "snooze":
        until = local_datetime(form.until, locale(request).time_zone)
    args = CaseActionArgs(
        reason=form.reason,
        assignee=form.email or user.email,  # assign without a name takes the case
        take_over=form.take_over,
        text=form.text,
        confirm_recent=form.confirm_recent,
        until=until,
        label=form.label,
    )
    return do_case_action(ctx, case_id, kind, args, by=user, cases=case_repository(request))


@router.post("/cases/{case_id}/act/{kind}")
def act(
    request: Request,
    case_id: int,
    kind: str,
    user: SessionUser,
    form: Annotated[ActionForm, Depends(action_form)],
) -> Response:
    """Do one action on a case; htmx gets the refreshed pane, a plain form a redirect."""
    if kind not in ACTION_KINDS:
        raise HTTPException(404, f"no action {kind!r}")
    _ = locale(request).gettext
    query = query_from_back(form.back)
    status_code = 200
    extra: dict[str, Any] = {}
    if kind == "reply":
        refused = blocking_refusal(request, case_id, form.text)
        if refused is not None:
            return render_case(
                request, load_detail(request, case_id), user, query, status_code=422, **refused
            )
    try:
        done = perform(request, kind, case_id, form, user)
    except PermissionDenied as denied:
        status_code = 403
        extra["error"] = action_error_text(denied, locale(request), kind)
    except AssignmentConflict as conflict:
        status_code = 409
        extra["conflict"] = Conflict(
            kind="assign",
            holder=conflict.holder,
            to=form.email or None,
            action="unassign" if kind == "unassign" else "assign",
        )
    except RecentReplyConflict as conflict:
        status_code = 409
        earlier = SimpleNamespace(by=conflict.by, at=conflict.at, text=conflict.text)
        extra["conflict"] = Conflict(kind="reply", holder=conflict.by, reply=earlier)
        extra["draft"] = form.text
    except NotFound:
        raise HTTPException(404, f"no case {case_id}") from None
    except ActionError as error:
        status_code = 422
        extra["error"] = action_error_text(error, locale(request), kind)
        if kind == "reply":
            extra["draft"] = form.text
    else:
        if kind == "reply":
            presence_board(request).heartbeat(case_id, user.email, typing=False)
        extra["flash"] = _("Done: %(action)s.") % {"action": _(label_id("action", kind))}
        extra["undo_id"] = done.audit_id if done.kind in UNDOABLE else None
    if not is_htmx(request):
        if status_code == 200:
            return RedirectResponse(f"/cases/{case_id}?{form.back}", status_code=303)
        # A plain form that failed: the whole page with the message (and the right status).
    headers = {"HX-Trigger": "comity:refresh"} if status_code == 200 else None
    return render_case(
        request,
        load_detail(request, case_id),
        user,
        query,
        status_code=status_code,
        headers=headers,
        **extra,
    )


def blocking_refusal(request: Request, case_id: int, text: str) -> dict[str, Any] | None:
    """The server's half of blocking hints: the same checks the composer runs while typing.

    When a hint kind the brand profile marks blocking fires, the reply is not sent; the pane
    comes back with the hints and the draft kept. Non-blocking hints never stop a reply.
    """
    blocked = blocking_hints(request, case_id, text)
    if blocked is None:
        return None
    hints, kinds = blocked
    _ = locale(request).gettext
    names = ", ".join(_(HINT_KINDS.get(k, k)) for k in kinds)
    return {
        "error": _("Not sent: the draft has a hint that blocks sending (%(kinds)s).")
        % {"kinds": names},
        "draft": text,
        "reply_hints": hints,
    }


def query_from_back(back: str) -> InboxQuery:
    """The list the user came from, so a full-page answer shows the same list."""
    params = dict(parse_qsl(back))

    def known(name: str, allowed: Iterable[str]) -> str:
        value = params.get(name, "")
        return value if value in allowed else ""

    return InboxQuery(
        queue=known("queue", QUEUES),
        view=known("view", VIEWS),
        channel=params.get("channel", "")[:64],
        lang=params.get("lang", "")[:16],
        category=known("category", CATEGORIES),
        sentiment=known("sentiment", SENTIMENTS),
        assignee=params.get("assignee", "")[:320],
        campaign=params.get("campaign", "")[:200],
        q=params.get("q", "")[:200],
    )


@router.post("/cases/{case_id}/undo")
def undo(
    request: Request,
    case_id: int,
    user: SessionUser,
    audit_id: Annotated[int, Form(ge=1)],
    form: Annotated[ActionForm, Depends(action_form)],
) -> Response:
    """Undo an action just done (the flash message's Undo button)."""
    _ = locale(request).gettext
    status_code = 200
    extra: dict[str, Any] = {}
    try:
        do_undo(action_context(request), audit_id, by=user)
    except PermissionDenied:
        status_code = 403
        extra["error"] = _("Your role may not undo this.")
    except ActionError as error:
        status_code = 422
        extra["error"] = action_error_text(error, locale(request))
    else:
        extra["flash"] = _("Undone.")
    if not is_htmx(request) and status_code == 200:
        return RedirectResponse(f"/cases/{case_id}?{form.back}", status_code=303)
    headers = {"HX-Trigger": "comity:refresh"} if status_code == 200 else None
    return render_case(
        request,
        load_detail(request, case_id),
        user,
        query_from_back(form.back),
        status_code=status_code,
        headers=headers,
        **extra,
    )


@router.post("/cases/bulk")
def bulk(
    request: Request,
    user: SessionUser,
    kind: Annotated[str, Form(max_length=32)] = "",
    ids: Annotated[list[int] | None, Form()] = None,
    reason: Annotated[str, Form(max_length=500)] = "",
    confirm: Annotated[str, Form(max_length=1)] = "",
    next_url: Annotated[str, Form(alias="next", max_length=2000)] = "",
) -> Response:
    """One action on the selected cases, all or nothing; always confirmed first."""
    _ = locale(request).gettext
    chosen = list(dict.fromkeys(ids or []))
    back = next_url if next_url.startswith("/?") or next_url == "/" else "/"
    context: dict[str, Any] = {
        "kind": kind,
        "ids": chosen,
        "reason": reason,
        "back": back,
        "error": None,
    }
    if kind not in BULK_KINDS:
        context["error"] = _("Choose what to do with the selected cases.")
        return render(request, "inbox/bulk_confirm.html", user, context, status_code=422)
    if confirm != "1" or not chosen:
        # Without the confirmation (no JavaScript, or a crafted request): ask first.
        return render(request, "inbox/bulk_confirm.html", user, context)
    try:
        done = do_bulk(
            action_context(request),
            kind,
            chosen,
            by=user,
            reason=reason.strip() or _("bulk action"),
            assignee=user.email if kind == "assign" else None,
        )
    except PermissionDenied as denied:
        context["error"] = action_error_text(denied, locale(request), kind)
        return render(request, "inbox/bulk_confirm.html", user, context, status_code=403)
    except ActionError as error:
        context["error"] = action_error_text(error, locale(request), kind)
        return render(request, "inbox/bulk_confirm.html", user, context, status_code=422)
    separator = "&" if "?" in back else "?"
    return RedirectResponse(f"{back}{separator}bulk_done={len(done)}", status_code=303)
