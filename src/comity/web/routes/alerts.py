"""Storm alerts in the browser and the API: list, detail with timeline, acknowledge, resolve,
crisis mode; plus `active_alert`, which the page banner (alerts/_banner.html) calls."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from comity.actions.alerts import (
    AlertActionError,
    do_acknowledge_alert,
    do_resolve_alert,
    do_set_crisis_mode,
)
from comity.actions.permissions import ALLOWED, PermissionDenied
from comity.monitoring.alerts import Alert, first_steps, most_urgent
from comity.runtime.services import Services
from comity.store.monitoring import MonitorRepository
from comity.store.users import User
from comity.web.action_messages import action_error_text, translate_message
from comity.web.deps import SESSION_USER_KEY, ApiUser, ServicesDep, SessionUser, check_csrf
from comity.web.i18n import UiLocale
from comity.web.labels import N_
from comity.web.pages import action_context, render
from comity.web.templating import request_locale

router = APIRouter()
ui = APIRouter(include_in_schema=False, dependencies=[Depends(check_csrf)])
api = APIRouter(prefix="/api/v1", tags=["alerts"])
CHART_W, CHART_H, CHART_PAD = 720, 180, 28

# The first steps and contact roles of comity/monitoring/default_monitoring.yaml (English
# config text). The alert page shows a configured text in the user's language when it is one
# of these, else as written (tests/web/test_alerts_i18n.py catches a default that drifts).
DEFAULT_PLAYBOOK_TEXT = (
    N_("Read the top claims below; check each against the fact sheet before anyone replies."),
    N_("Post the holding statement on the channels affected (drafts below), then pin it."),
    N_("Switch on crisis mode if the storm spreads to a third channel or turns into a storm."),
    N_("Community lead on duty"),
    N_("Head of communications"),
    N_("Legal counsel"),
)


def _monitor(services: Services) -> MonitorRepository:
    if services.monitor is None:
        raise HTTPException(503, "monitoring is not available")
    return services.monitor


def active_alert(request: Request | None) -> Alert | None:
    """The alert the banner shows for a signed-in user, or None (then it renders nothing)."""
    if request is None or not isinstance(request.session.get(SESSION_USER_KEY), int):
        return None
    services: Services | None = getattr(request.app.state, "services", None)
    if services is None or services.monitor is None:
        return None
    return most_urgent(services.monitor.unresolved())


def timeline_svg(alert: Alert, ui: UiLocale) -> dict[str, Any]:
    """Bars of negative comments per 15 minutes and the normal level as a line, as SVG geometry.

    Bar titles and axis ticks are in the user's language and time zone."""
    rows = alert.details.get("timeline", [])
    bin_s = int(alert.details.get("bin_seconds", 300))
    group = max(1, 900 // bin_s)
    buckets: list[tuple[int, int, float]] = []
    for i in range(0, len(rows), group):
        chunk = rows[i : i + group]
        buckets.append(
            (int(chunk[0][0]), sum(int(r[1]) for r in chunk), sum(float(r[3]) for r in chunk))
        )
    if not buckets:
        return {"bars": [], "line": "", "width": CHART_W, "height": CHART_H, "max": 0, "ticks": []}
    peak = max(max(b[1] for b in buckets), max(b[2] for b in buckets), 1.0)
    inner_w, inner_h = CHART_W - 2 * CHART_PAD, CHART_H - 2 * CHART_PAD
    step = inner_w / len(buckets)
    since = alert.since.timestamp()
    bars, points, ticks = [], [], []
    for index, (start, count, normal) in enumerate(buckets):
        x = CHART_PAD + index * step
        h = inner_h * count / peak
        bars.append(
            {
                "x": round(x, 1),
                "y": round(CHART_PAD + inner_h - h, 1),
                "w": round(max(step - 1, 1), 1),
                "h": round(h, 1),
                "alert": start >= since,
                "title": ui.gettext("%(time)s: %(count)s negative, %(normal)s normal")
                % {
                    "time": ui.when(at_utc(start), "short"),
                    "count": count,
                    "normal": f"{normal:.1f}",
                },
            }
        )
        points.append(f"{x + step / 2:.1f},{CHART_PAD + inner_h - inner_h * normal / peak:.1f}")
        if index % max(1, len(buckets) // 6) == 0:
            ticks.append({"x": round(x, 1), "label": ui.when(at_utc(start), "HH:mm")})
    return {
        "bars": bars,
        "line": " ".join(points),
        "width": CHART_W,
        "height": CHART_H,
        "max": round(peak),
        "ticks": ticks,
        "base": CHART_PAD + inner_h,
    }


def at_utc(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _can_act(user: User) -> bool:
    return user.role in ALLOWED.get("resolve_alert", frozenset())


@ui.get("/alerts")
def alerts_page(request: Request, services: ServicesDep, user: SessionUser) -> Response:
    alerts = _monitor(services).alerts(limit=100)
    crises = _monitor(services).crisis_list()
    context = {"alerts": alerts, "crises": [c for c in crises if c["active"]]}
    return render(request, "alerts/list.html", user, context, nav="alerts")


@ui.get("/alerts/{alert_id}")
def alert_page(
    request: Request, alert_id: int, services: ServicesDep, user: SessionUser
) -> Response:
    monitor = _monitor(services)
    alert = monitor.get(alert_id)
    ui_locale = request_locale(request)
    if alert is None:
        raise HTTPException(404, ui_locale.gettext("There is no alert %(id)s.") % {"id": alert_id})
    error = str(request.session.pop(FLASH_KEY, ""))[:300]
    context = {
        "alert": alert,
        "steps": first_steps(alert, services.monitoring),
        "chart": timeline_svg(alert, ui_locale),
        "can_act": _can_act(user),
        "crises": [c for c in monitor.crisis_list() if c["active"]],
        "error": translate_message(error, ui_locale),
    }
    return render(request, "alerts/detail.html", user, context, nav="alerts")


FLASH_KEY = "alert_error"


def _back(request: Request, alert_id: int, error: str = "") -> Response:
    """Back to the alert; a refusal travels in the session, never in the URL (where anyone
    could put their own text into a trusted page with a link)."""
    if error:
        request.session[FLASH_KEY] = error
    return RedirectResponse(f"/alerts/{alert_id}", status_code=303)


NoteForm = Annotated[str, Form(max_length=2000)]


@ui.post("/alerts/{alert_id}/acknowledge")
def acknowledge(
    request: Request, alert_id: int, services: ServicesDep, user: SessionUser, note: NoteForm = ""
) -> Response:
    return _alert_step(request, alert_id, services, user, note, do_acknowledge_alert)


@ui.post("/alerts/{alert_id}/resolve")
def resolve(
    request: Request, alert_id: int, services: ServicesDep, user: SessionUser, note: NoteForm = ""
) -> Response:
    return _alert_step(request, alert_id, services, user, note, do_resolve_alert)


def _alert_step(
    request: Request,
    alert_id: int,
    services: Services,
    user: User,
    note: str,
    action: Callable[..., object],
) -> Response:
    _monitor(services)  # 503 without monitoring
    try:
        action(action_context(request), alert_id, by=user, note=note)
    except PermissionDenied as exc:
        return _back(request, alert_id, action_error_text(exc, request_locale(request)))
    except AlertActionError as exc:
        return _back(request, alert_id, str(exc))
    return _back(request, alert_id)


@ui.post("/alerts/{alert_id}/crisis")
def crisis_switch(
    request: Request,
    alert_id: int,
    services: ServicesDep,
    user: SessionUser,
    state: Annotated[str, Form(pattern="^(on|off)$")],
    reason: Annotated[str, Form(max_length=2000)] = "",
    campaign: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    monitor = _monitor(services)
    alert = monitor.get(alert_id)
    terms: list[str] = []
    for topic in alert.topics[:2] if alert is not None else []:
        terms.extend(w for w in str(topic["label"]).split(" · ") if len(w) >= 2)
    try:
        do_set_crisis_mode(
            monitor,
            services.monitoring,
            state == "on",
            by=user,
            reason=reason or f"crisis mode {state} from alert {alert_id}",
            campaign=campaign or None,
            topic_terms=terms,
        )
    except PermissionDenied as exc:
        return _back(request, alert_id, action_error_text(exc, request_locale(request)))
    except ValueError as exc:  # AlertActionError included
        return _back(request, alert_id, str(exc))
    return _back(request, alert_id)


# -- JSON API ------------------------------------------------------------------------------


class CrisisIn(BaseModel):
    on: bool = Field(description="true switches crisis mode on, false off.")
    reason: str = Field(min_length=1, max_length=2000, description="Why (audit log).")
    campaign: str | None = Field(
        None, max_length=200, description="Only this campaign; else the brand."
    )


@api.get("/alerts", summary="Storm alerts, newest first")
async def list_alerts(
    services: ServicesDep, _user: ApiUser, status: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """`status`: open, acknowledged, resolved or unresolved (open + acknowledged); else all."""
    if status not in (None, "open", "acknowledged", "resolved", "unresolved"):
        raise HTTPException(422, "status must be open, acknowledged, resolved or unresolved")
    limit = max(1, min(limit, 200))
    alerts = await run_in_threadpool(_monitor(services).alerts, status, limit)
    return [alert.to_json() for alert in alerts]


@api.get("/alerts/{alert_id}", summary="One storm alert with first steps")
async def get_alert(alert_id: int, services: ServicesDep, _user: ApiUser) -> dict[str, Any]:
    alert = await run_in_threadpool(_monitor(services).get, alert_id)
    if alert is None:
        raise HTTPException(404, f"no alert {alert_id}")
    return alert.to_json() | {"first_steps": first_steps(alert, services.monitoring)}


@api.post("/crisis", summary="Switch crisis mode on or off (moderator, admin)")
async def post_crisis(body: CrisisIn, services: ServicesDep, user: ApiUser) -> dict[str, Any]:
    def run() -> dict[str, Any]:
        action = do_set_crisis_mode(
            _monitor(services),
            services.monitoring,
            body.on,
            by=user,
            reason=body.reason,
            campaign=body.campaign,
        )
        return {"scope": action.target_id, "on": body.on, "at": action.at.isoformat()}

    try:
        return await run_in_threadpool(run)
    except PermissionDenied as exc:
        raise HTTPException(403, str(exc)) from None
    except (AlertActionError, ValueError) as exc:
        raise HTTPException(409, str(exc)) from None


router.include_router(ui)
router.include_router(api)
