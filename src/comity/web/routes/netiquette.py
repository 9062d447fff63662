"""The public netiquette page: the active rules as the community reads them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from comity.netiquette import render_html
from comity.web.deps import ServicesDep

router = APIRouter(tags=["netiquette"])
LANGUAGES = {"ko": "한국어", "en": "English", "de": "Deutsch"}


@router.get("/netiquette", response_class=HTMLResponse, summary="The public netiquette page")
def netiquette_page(
    request: Request,
    services: ServicesDep,
    lang: Annotated[str, Query(pattern="^(ko|en|de)$")] = "ko",
) -> HTMLResponse:
    """No sign-in needed: the rules are published to the community."""
    section = render_html(services.rules.current, lang)
    return request.app.state.templates.TemplateResponse(  # type: ignore[no-any-return]
        request,
        "netiquette.html",
        {"section": Markup(section), "lang": lang, "languages": LANGUAGES},
    )
