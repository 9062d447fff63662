"""GET /audit: the audit log for admins and moderators, filterable by actor, action, target."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from comity.store.audit import audit_actions, search_audit
from comity.web.deps import ServicesDep, SessionUser
from comity.web.pages import AUDIT_ROLES, render
from comity.web.templating import query_string

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 100


@router.get("/audit")
def audit_page(
    request: Request,
    services: ServicesDep,
    user: SessionUser,
    actor: Annotated[str, Query(max_length=320)] = "",
    action: Annotated[str, Query(max_length=64)] = "",
    target: Annotated[str, Query(max_length=240)] = "",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Response:
    if user.role not in AUDIT_ROLES:
        raise HTTPException(403, "the audit log is for admins and moderators")
    found = search_audit(
        services.engine,
        actor=actor or None,
        action=action or None,
        target=target or None,
        limit=PAGE_SIZE + 1,
        offset=(page - 1) * PAGE_SIZE,
    )
    filters = {"actor": actor, "action": action, "target": target}
    context = {
        "entries": found[:PAGE_SIZE],
        "filters": filters,
        "actions": audit_actions(services.engine),
        "actors": [u.email for u in services.users.list()],
        "page": page,
        "newer": query_string(**filters, page=page - 1 if page > 2 else None) if page > 1 else None,
        "older": query_string(**filters, page=page + 1) if len(found) > PAGE_SIZE else None,
    }
    return render(request, "audit.html", user, context, nav="audit")
