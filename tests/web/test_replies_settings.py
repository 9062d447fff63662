"""The composer and settings in the user's language, blocking hints enforced by the server,
and the saved-replies editor (roles, variables, audit, escaping)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from comity.actions import ActionContext, ActionError, PermissionDenied
from comity.actions.saved_replies import do_delete_saved_reply, do_save_saved_reply
from comity.domain import Category, Sentiment
from comity.replies import check, load_profile
from comity.replies.profile import DEMO_PROFILE, EDITED_PROFILE_NAME
from comity.runtime.services import Services
from comity.store import tables as t
from comity.store.saved_replies import SavedReplyRepository
from comity.store.users import Role
from comity.web.action_messages import translate_message
from comity.web.i18n import UiLocale, extract_catalog, translations
from tests.web.conftest import csrf_from, sign_in
from tests.web.ui_seed import XSS, Seed, seed_cases

COMPLAINT = "배송이 2주째 안 와요. 주문번호 20260611-777 환불해주세요"
BANMAL = "미안. 주문번호 알려줘. 바로 확인할게."
POLITE = "서연님, 불편을 드려 죄송해요. 주문번호를 DM으로 알려 주시면 바로 확인할게요."


@pytest.fixture
def cases(services: Services) -> dict[str, int]:
    return seed_cases(
        services,
        [
            Seed(
                "c1",
                COMPLAINT,
                category=Category.COMPLAINT,
                sentiment=Sentiment.NEGATIVE,
                handle="seoyeon",
                display_name="서연",
            )
        ],
    )


def _signed_in(client: TestClient, email: str, lang: str = "en") -> TestClient:
    client.headers["Accept-Language"] = lang
    sign_in(client, email)
    return client


def _token(client: TestClient) -> str:
    return csrf_from(client.get("/me").text)


def _block(services: Services, kinds: list[str]) -> None:
    """An admin-saved profile (the one in use) with these hint kinds blocking."""
    text = DEMO_PROFILE.read_text("utf-8").replace("blocking: []", f"blocking: {kinds}")
    assert f"blocking: {kinds}" in text
    services.settings.data_dir.mkdir(parents=True, exist_ok=True)
    Path(services.settings.data_dir / EDITED_PROFILE_NAME).write_text(text, "utf-8")


def _sent(services: Services) -> list[str]:
    with services.engine.connect() as conn:
        return list(conn.execute(select(t.sent_replies.c.text)).scalars())


# ---- 1. the user's language ---------------------------------------------------------------


def test_hint_messages_are_catalogue_entries_with_their_parameters() -> None:
    """Every hint the checks give is msgid % params, and the msgid is in the UI catalogue."""
    wanted = {m.id for m in extract_catalog() if m.id}
    profile = load_profile()
    drafts = [
        ("instagram", "ko", BANMAL),
        ("instagram", "ko", "죄송해요. 확인할게. 알려 주세요."),
        ("instagram", "de", "Danke dir! Schreiben Sie uns bitte eine DM."),
        ("x", "en", "Oh sure, as we already said, it's your fault. CALM DOWN NOW!!!"),
        ("instagram", "ko", "고객님 잘못 사용하셔서 그래요. 상식적으로 생각해 주세요!!!"),
    ]
    seen = 0
    for channel, lang, draft in drafts:
        for hint in check(draft, channel, lang, profile):
            seen += 1
            assert hint.msgid in wanted, hint.msgid
            assert hint.message == hint.msgid % dict(hint.params)
            assert "msgid" not in hint.as_dict() and "params" not in hint.as_dict()
    assert seen >= 6
    # The composer's own strings and the action errors are extracted too.
    for msgid in (
        "Other suggestions",
        "What the fact sheet says",
        "Validate and save",
        "Case %(id)s is already done.",
        "Unknown variable %(variable)s; use one of %(known)s.",
        "Not sent: the draft has a hint that blocks sending (%(kinds)s).",
    ):
        assert msgid in wanted
        assert translations("ko").gettext(msgid) != msgid
        assert translations("de").gettext(msgid) != msgid


def test_draft_hints_are_shown_in_the_users_language(
    client: TestClient, make_user: Callable[[Role], str], cases: dict[str, int]
) -> None:
    agent = _signed_in(client, make_user(Role.AGENT), "ko")
    response = agent.post(
        "/ui/replies/check",
        data={"draft": BANMAL, "case_id": str(cases["c1"])},
        headers={"X-CSRF-Token": _token(agent)},
    )
    assert response.status_code == 200
    assert "말투" in response.text and "반말 어미" in response.text
    assert "on a channel that uses" not in response.text
    german = agent.post(
        "/ui/replies/check",
        data={"draft": "Danke dir! Schreiben Sie uns.", "channel": "instagram", "lang": "de"},
        headers={"X-CSRF-Token": _token(agent), "Accept-Language": "de"},
    )
    assert "Anrede" in german.text and "mischt du („dir“) und Sie („Sie“)" in german.text


def test_hint_parameters_stay_escaped_when_translated() -> None:
    """The catalogue's text is trusted, the words taken from the draft are not."""
    from comity.replies.hints import Hint
    from comity.web.templating import _newstyle, make_templates

    gettext, ngettext = _newstyle(UiLocale("ko", "Asia/Seoul"))
    hint = Hint.of("tone", "'%(words)s' sounds sarcastic", {"words": "<img src=x onerror=a()>"})
    html = (
        make_templates()
        .env.get_template("replies/_hints.html")
        .render(gettext=gettext, ngettext=ngettext, hints=[hint], draft="", lang="ko")
    )
    assert "비꼬는 것처럼" in html and "어조" in html
    assert "<img" not in html and "&lt;img src=x onerror=a()&gt;" in html


def test_suggestions_and_settings_pages_in_korean(
    client: TestClient, make_user: Callable[[Role], str], cases: dict[str, int]
) -> None:
    admin = _signed_in(client, make_user(Role.ADMIN), "ko")
    suggestions = admin.get(f"/ui/cases/{cases['c1']}/suggestions").text
    assert "추천 답변" in suggestions and "다른 추천 보기" in suggestions
    assert "Other suggestions" not in suggestions
    saved = admin.get("/settings/replies").text
    assert "저장된 답변" in saved and "새 저장된 답변" in saved and "Saved replies" not in saved
    brand = admin.get("/settings/brand").text
    assert "브랜드 프로필" in brand and "검증 후 저장" in brand


def test_action_errors_are_translated_and_unknown_ones_shown_as_they_are(
    client: TestClient, make_user: Callable[[Role], str], cases: dict[str, int]
) -> None:
    moderator = _signed_in(client, make_user(Role.MODERATOR), "ko")
    response = moderator.post(
        f"/cases/{cases['c1']}/act/snooze",
        data={"csrf_token": _token(moderator), "until": "tomorrow"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 422 and "날짜와 시각이 아닙니다: tomorrow" in response.text
    done = moderator.post(
        f"/cases/{cases['c1']}/act/reopen",
        data={"csrf_token": _token(moderator)},
        headers={"HX-Request": "true", "Accept-Language": "de"},
    )
    assert done.status_code == 422
    assert f"Fall {cases['c1']} ist nicht erledigt." in done.text
    ko = UiLocale("ko", "Asia/Seoul")
    hidden = translations("ko").gettext("hidden")
    assert hidden != "hidden"  # the status itself is translated too
    assert translate_message("comment 7 is already hidden", ko) == (
        f"댓글 7은(는) 이미 다음 상태입니다: {hidden}."
    )
    ban = translations("ko").gettext("ban")
    assert translate_message(
        "a ban needs a reason (it goes into the statement of reasons)", ko
    ).startswith(f"{ban}: 사유가 필요합니다")
    assert translate_message("the channel said no", ko) == "the channel said no"
    assert translate_message("<b>odd</b>", UiLocale("de", "UTC")) == "<b>odd</b>"


# ---- 2. navigation --------------------------------------------------------------------------


def test_settings_tabs_by_role(client: TestClient, make_user: Callable[[Role], str]) -> None:
    agent = _signed_in(client, make_user(Role.AGENT))
    page = agent.get("/me").text
    assert 'href="/settings/replies"' in page and 'href="/settings/brand"' not in page
    client.post("/logout", data={"csrf_token": _token(client)})
    admin = _signed_in(client, make_user(Role.ADMIN))
    for url in ("/me", "/settings/replies", "/settings/brand"):
        html = admin.get(url).text
        assert 'href="/settings/replies"' in html and 'href="/settings/brand"' in html
        tab = html.split('class="settings-nav"')[1].split("</nav>")[0]
        assert f'href="{url}" aria-current="page"' in tab


# ---- 3. blocking hints ----------------------------------------------------------------------


def _reply(client: TestClient, case_id: int, text: str, token: str | None = None) -> object:
    data = {"text": text}
    if token is not None:
        data["csrf_token"] = token
    return client.post(f"/cases/{case_id}/act/reply", data=data, headers={"HX-Request": "true"})


def test_a_blocking_hint_refuses_the_reply_and_keeps_the_draft(
    client: TestClient, make_user: Callable[[Role], str], services: Services, cases: dict[str, int]
) -> None:
    _block(services, ["speech_level"])
    agent = _signed_in(client, make_user(Role.AGENT), "ko")
    response = agent.post(
        f"/cases/{cases['c1']}/act/reply",
        data={"text": BANMAL, "csrf_token": _token(agent)},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 422
    assert "보내지 않았습니다" in response.text and "전송 차단" in response.text
    assert f">{BANMAL}</textarea>" in response.text  # the draft is kept
    assert 'data-kind="speech_level"' in response.text
    assert _sent(services) == []
    # A plain form (no htmx) is refused the same way.
    plain = agent.post(
        f"/cases/{cases['c1']}/act/reply", data={"text": BANMAL, "csrf_token": _token(agent)}
    )
    assert plain.status_code == 422 and _sent(services) == []
    # A draft without the blocking kind goes out.
    ok = agent.post(
        f"/cases/{cases['c1']}/act/reply",
        data={"text": POLITE, "csrf_token": _token(agent)},
        headers={"HX-Request": "true"},
    )
    assert ok.status_code == 200 and _sent(services) == [POLITE]


def test_the_same_draft_goes_out_when_the_kind_is_not_blocking(
    client: TestClient, make_user: Callable[[Role], str], services: Services, cases: dict[str, int]
) -> None:
    _block(services, ["glossary", "facts"])
    agent = _signed_in(client, make_user(Role.AGENT))
    response = agent.post(
        f"/cases/{cases['c1']}/act/reply",
        data={"text": BANMAL, "csrf_token": _token(agent)},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and _sent(services) == [BANMAL]


def test_the_reply_route_still_needs_csrf_with_blocking_hints(
    client: TestClient, make_user: Callable[[Role], str], services: Services, cases: dict[str, int]
) -> None:
    _block(services, ["speech_level"])
    agent = _signed_in(client, make_user(Role.AGENT))
    for text in (BANMAL, POLITE):
        response = agent.post(
            f"/cases/{cases['c1']}/act/reply", data={"text": text}, headers={"HX-Request": "true"}
        )
        assert response.status_code == 403
    assert _sent(services) == []


# ---- 4. saved replies editor ----------------------------------------------------------------


def _save(client: TestClient, **fields: str) -> object:
    data = {"category": "praise", "lang": "ko", "level": "", **fields}
    return client.post(
        "/settings/replies", data={"csrf_token": _token(client), **data}, follow_redirects=False
    )


def test_moderators_add_edit_and_delete_saved_replies_audited(
    client: TestClient, make_user: Callable[[Role], str], services: Services
) -> None:
    moderator = _signed_in(client, make_user(Role.MODERATOR))
    page = moderator.get("/settings/replies").text
    assert 'id="saved-reply-form"' in page
    added = _save(moderator, title="칭찬 감사 1", text="{author}님, 따뜻한 말씀 고마워요!")
    assert added.status_code == 303  # type: ignore[attr-defined]
    repo = SavedReplyRepository(services.engine)
    mine = repo.get("칭찬 감사 1")
    assert mine is not None and mine.id is not None
    assert len(repo.list()) > 1  # the first change seeded the shipped replies beside it
    edited = _save(
        moderator,
        title="칭찬 감사 1",
        text="{author}님, 고마워요! {product} 맛있게 드세요.",
        reply_id=str(mine.id),
        level="haeyo",
    )
    assert edited.status_code == 303  # type: ignore[attr-defined]
    changed = repo.get("칭찬 감사 1")
    assert changed is not None and "{product}" in changed.text and changed.level == "haeyo"
    listed = moderator.get("/settings/replies?category=praise&lang=ko").text
    assert "칭찬 감사 1" in listed and f"/settings/replies/{mine.id}/delete" in listed
    gone = moderator.post(
        f"/settings/replies/{mine.id}/delete",
        data={"csrf_token": _token(moderator)},
        follow_redirects=False,
    )
    assert gone.status_code == 303 and repo.get("칭찬 감사 1") is None
    with services.engine.connect() as conn:
        rows = conn.execute(
            select(t.audit_log.c.action, t.audit_log.c.actor, t.audit_log.c.before).where(
                t.audit_log.c.target_type == "saved_reply"
            )
        ).all()
    assert [r.action for r in rows] == [
        "save_saved_reply",
        "save_saved_reply",
        "delete_saved_reply",
    ]
    assert {r.actor for r in rows} == {"moderator@example.com"}
    assert "{product}" in rows[-1].before["text"]


def test_unknown_variables_and_stray_braces_are_clear_errors(
    client: TestClient, make_user: Callable[[Role], str], services: Services
) -> None:
    admin = _signed_in(client, make_user(Role.ADMIN))
    bad = _save(admin, title="x", text="{autor}님 고마워요")
    assert bad.status_code == 422  # type: ignore[attr-defined]
    assert "Unknown variable {autor}; use one of {author}" in bad.text  # type: ignore[attr-defined]
    assert "{autor}님 고마워요</textarea>" in bad.text  # type: ignore[attr-defined]  # kept
    stray = _save(admin, title="y", text="고마워요 {author")
    assert stray.status_code == 422 and "stray { or }" in stray.text  # type: ignore[attr-defined]
    korean = admin.post(
        "/settings/replies",
        data={
            "csrf_token": _token(admin),
            "title": "z",
            "category": "praise",
            "lang": "ko",
            "text": "{order}",
        },  # fmt: skip
        headers={"Accept-Language": "ko"},
    )
    assert korean.status_code == 422 and "알 수 없는 변수입니다: {order}" in korean.text
    assert SavedReplyRepository(services.engine).list() == []


def test_agents_use_saved_replies_but_cannot_change_them(
    client: TestClient, make_user: Callable[[Role], str], services: Services
) -> None:
    ctx = ActionContext(engine=services.engine)
    moderator = services.users.get(make_user(Role.MODERATOR))
    assert moderator is not None
    done = do_save_saved_reply(
        ctx, None, title="thanks", category="praise", lang="en", text="Thanks, {author}!",
        by=moderator,
    )  # fmt: skip
    agent_email = make_user(Role.AGENT)
    agent_user = services.users.get(agent_email)
    assert agent_user is not None
    with pytest.raises(PermissionDenied):
        do_delete_saved_reply(ctx, int(done.target_id), by=agent_user)
    with pytest.raises(ActionError):
        do_save_saved_reply(
            ctx, None, title="thanks", category="praise", lang="en", text="again", by=moderator
        )  # the title is taken
    agent = _signed_in(client, agent_email)
    page = agent.get("/settings/replies").text
    assert 'data-key="thanks"' in page and 'id="saved-reply-form"' not in page
    assert "/delete" not in page
    refused = _save(agent, title="mine", text="Hi {author}")
    assert refused.status_code == 403  # type: ignore[attr-defined]
    deleting = agent.post(
        f"/settings/replies/{done.target_id}/delete", data={"csrf_token": _token(agent)}
    )
    assert deleting.status_code == 403
    assert SavedReplyRepository(services.engine).get("thanks") is not None
    assert SavedReplyRepository(services.engine).get("mine") is None
    # CSRF is required even for roles that may edit.
    client.post("/logout", data={"csrf_token": _token(client)})
    admin = _signed_in(client, make_user(Role.ADMIN))
    assert admin.post("/settings/replies", data={"title": "n", "category": "praise",
                      "lang": "en", "text": "x"}).status_code == 403  # fmt: skip


def test_a_saved_reply_with_script_is_inert_everywhere_it_is_shown(
    client: TestClient, make_user: Callable[[Role], str], services: Services, cases: dict[str, int]
) -> None:
    admin = _signed_in(client, make_user(Role.ADMIN))
    evil = f"{XSS} 고마워요, {{author}}님! <img src=x onerror=alert(1)>"
    assert _save(admin, title=XSS, category="complaint", text=evil).status_code == 303  # type: ignore[attr-defined]
    stored = SavedReplyRepository(services.engine).get(XSS)
    assert stored is not None
    for url in ("/settings/replies", f"/settings/replies?edit={stored.id}"):
        html = admin.get(url).text
        assert XSS not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html
    suggestions = admin.get(f"/ui/cases/{cases['c1']}/suggestions?rotation=0").text
    assert XSS not in suggestions and "<img src=x" not in suggestions
