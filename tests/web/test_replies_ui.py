"""The composer's reply helpers: live hints, suggestions, the brand-profile editor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert, select

from comity.domain import Category, Sentiment
from comity.runtime.services import Services
from comity.store import tables as t
from comity.store.users import Role
from tests.web.conftest import csrf_from, sign_in
from tests.web.ui_seed import XSS, Seed, seed_cases

COMPLAINT = "배송이 2주째 안 와요. 주문번호 20260611-777 환불해주세요"
MISINFO = "유자 전부 중국산이라던데 고흥산이라는 거 거짓말이죠?"


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
            ),
            Seed(
                "m1",
                MISINFO,
                category=Category.MISINFORMATION,
                channel="youtube",
                handle="yuzu_fan",
            ),
            Seed("s1", "follow4follow", category=Category.SPAM, handle="bot"),
            Seed("x1", XSS + " 사랑해요", category=Category.PRAISE, handle="xss", display_name=XSS),
        ],
    )


@pytest.fixture
def agent(client: TestClient, make_user: Callable[[Role], str]) -> TestClient:
    sign_in(client, make_user(Role.AGENT))
    return client


def _csrf(client: TestClient) -> dict[str, str]:
    return {"X-CSRF-Token": csrf_from(client.get("/me").text)}


def test_check_shows_a_speech_level_hint_for_banmal_on_instagram(
    agent: TestClient, cases: dict[str, int]
) -> None:
    response = agent.post(
        "/ui/replies/check",
        data={"draft": "미안. 주문번호 알려줘. 바로 확인할게.", "case_id": str(cases["c1"])},
        headers=_csrf(agent),
    )
    assert response.status_code == 200
    assert 'data-kind="speech_level"' in response.text and "반말" in response.text


def test_check_with_channel_and_lang_and_a_clean_draft(agent: TestClient) -> None:
    response = agent.post(
        "/ui/replies/check",
        data={
            "draft": "Danke dir, Lena! Schön, dass es dir schmeckt.",
            "channel": "instagram",
            "lang": "de",
        },
        headers=_csrf(agent),
    )
    assert response.status_code == 200 and "data-kind" not in response.text
    assert "fits the brand voice" in response.text


def test_check_needs_csrf_and_a_session(
    client: TestClient, make_user: Callable[[Role], str]
) -> None:
    data = {"draft": "hello", "channel": "x"}
    assert client.post("/ui/replies/check", data=data, follow_redirects=False).status_code in (
        303,
        403,
    )
    sign_in(client, make_user(Role.AGENT))
    assert client.post("/ui/replies/check", data=data).status_code == 403


def test_check_without_case_or_channel_is_refused(agent: TestClient) -> None:
    response = agent.post("/ui/replies/check", data={"draft": "hi"}, headers=_csrf(agent))
    assert response.status_code == 422


def test_copy_paste_hint_names_how_many_and_the_closest(
    agent: TestClient, services: Services, cases: dict[str, int]
) -> None:
    sent = (
        "서연님, 배송 지연으로 불편을 드려 정말 죄송해요. "
        "DM으로 주문번호를 알려 주시면 바로 해결해 드릴게요."
    )
    with services.engine.begin() as conn:
        comment_id = conn.execute(
            select(t.cases.c.comment_id).where(t.cases.c.id == cases["m1"])
        ).scalar_one()
        for handle in ("jiwoo", "hana"):
            conn.execute(
                insert(t.sent_replies).values(
                    case_id=cases["m1"],
                    comment_id=comment_id,
                    channel="instagram",
                    to_handle=handle,
                    text=sent.replace("서연", handle),
                    by="a@example.com",
                    at=datetime.now(UTC) - timedelta(minutes=30),
                    status="sent",
                )
            )
    response = agent.post(
        "/ui/replies/check",
        data={"draft": sent, "case_id": str(cases["c1"])},
        headers=_csrf(agent),
    )
    assert 'data-kind="copy_paste"' in response.text
    assert "2 replies" in response.text
    assert "@jiwoo" in response.text or "@hana" in response.text


def test_suggestions_fit_the_complaint_and_escape_user_text(
    agent: TestClient, cases: dict[str, int]
) -> None:
    page = agent.get(f"/ui/cases/{cases['c1']}/suggestions")
    assert page.status_code == 200
    assert page.text.count('class="suggestion"') >= 2
    assert "서연님" in page.text and "배송 지연" in page.text
    again = agent.get(f"/ui/cases/{cases['c1']}/suggestions?rotation=1")
    first = set(_drafts(page.text))
    assert first and not first & set(_drafts(again.text))
    xss = agent.get(f"/ui/cases/{cases['x1']}/suggestions")
    assert "<script>alert" not in xss.text and "&lt;script&gt;" in xss.text


def _drafts(html: str) -> list[str]:
    import re

    return re.findall(r'<span lang="\w+" class="suggestion-text">(.*?)</span>', html, re.S)


def test_misinformation_suggestions_show_the_fact_sheet_with_source(
    agent: TestClient, cases: dict[str, int]
) -> None:
    page = agent.get(f"/ui/cases/{cases['m1']}/suggestions")
    assert 'data-fact="yuzu"' in page.text
    assert "https://haneul.example/menu/viva-yuzu-ade" in page.text
    assert "고흥" in page.text


def test_spam_gets_no_suggestion(agent: TestClient, cases: dict[str, int]) -> None:
    page = agent.get(f"/ui/cases/{cases['s1']}/suggestions")
    assert 'class="suggestion"' not in page.text and "No suggested reply" in page.text


def test_using_a_suggestion_fills_the_composer_and_counts_the_use(
    agent: TestClient, services: Services, cases: dict[str, int]
) -> None:
    from comity.replies.templates import load_templates
    from comity.store.saved_replies import SavedReplyRepository

    repo = SavedReplyRepository(services.engine)
    repo.seed(load_templates())
    response = agent.post(
        "/ui/replies/use",
        data={
            "draft": "서연님, 정말 죄송해요. 바로 확인할게요.",
            "case_id": str(cases["c1"]),
            "template": "complaint-ko-3",
        },
        headers=_csrf(agent),
    )
    assert 'id="reply-text"' in response.text and 'hx-swap-oob="true"' in response.text
    saved = repo.get("complaint-ko-3")
    assert saved is not None and saved.usage_count == 1


def test_brand_profile_editor_is_for_admins_and_reports_lines(
    client: TestClient, make_user: Callable[[Role], str], services: Services
) -> None:
    sign_in(client, make_user(Role.MODERATOR))
    assert client.get("/settings/brand").status_code == 403
    client.post("/logout", data={"csrf_token": csrf_from(client.get("/me").text)})
    sign_in(client, make_user(Role.ADMIN))
    page = client.get("/settings/brand")
    assert page.status_code == 200 and "Haneul Coffee" in page.text
    token = csrf_from(page.text)
    bad = client.post(
        "/settings/brand", data={"profile_yaml": "version: 1\nbrand: {}\n", "csrf_token": token}
    )
    assert bad.status_code == 422 and "brand_profile.yaml:2:" in bad.text
    assert not (services.settings.data_dir / "brand_profile.yaml").exists()
    from comity.replies.profile import DEMO_PROFILE

    edited = DEMO_PROFILE.read_text("utf-8").replace(
        "copy_paste_threshold: 0.6", "copy_paste_threshold: 0.5"
    )
    good = client.post("/settings/brand", data={"profile_yaml": edited, "csrf_token": token})
    assert good.status_code == 200 and "Saved." in good.text
    stored = services.settings.data_dir / "brand_profile.yaml"
    assert "copy_paste_threshold: 0.5" in stored.read_text("utf-8")
    assert "copy_paste_threshold: 0.6" in DEMO_PROFILE.read_text("utf-8")
    with services.engine.connect() as conn:
        kinds = conn.execute(select(t.audit_log.c.action)).scalars().all()
    assert "edit_brand_profile" in kinds


def _crisis(services: Services) -> None:
    with services.engine.begin() as conn:
        conn.execute(
            insert(t.crisis_modes).values(
                scope="brand",
                active=True,
                reason="storm",
                policy={},
                started_by="m@example.com",
                started_at=datetime.now(UTC),
            )
        )


def test_the_profile_four_eyes_rule_by_category_role_and_crisis(
    services: Services, cases: dict[str, int], make_user: Callable[[Role], str]
) -> None:
    from comity.actions.approval import ReplyApproval
    from comity.replies import ApprovalPolicy

    agent = services.users.get(make_user(Role.AGENT))
    moderator = services.users.get(make_user(Role.MODERATOR))
    assert agent is not None and moderator is not None
    rule = ReplyApproval(services.engine, ApprovalPolicy())
    assert rule(agent, "text", cases["m1"])  # misinformation waits
    assert not rule(agent, "text", cases["c1"])  # a complaint does not
    assert not rule(moderator, "text", cases["m1"])
    assert not rule(agent, "text")
    _crisis(services)
    assert rule(agent, "text") and not rule(moderator, "text")


def test_during_a_crisis_an_agents_reply_waits_for_a_moderator(
    agent: TestClient, services: Services, cases: dict[str, int]
) -> None:
    _crisis(services)
    page = agent.get(f"/cases/{cases['c1']}")
    response = agent.post(
        f"/cases/{cases['c1']}/act/reply",
        data={
            "text": "서연님, 정말 죄송해요. 바로 확인할게요.",
            "csrf_token": csrf_from(page.text),
        },
    )
    assert response.status_code in (200, 303)
    with services.engine.connect() as conn:
        statuses = conn.execute(select(t.sent_replies.c.status)).scalars().all()
    assert statuses == ["pending_approval"]


def test_an_agents_reply_on_misinformation_waits_but_on_a_complaint_goes_out(
    agent: TestClient, services: Services, cases: dict[str, int]
) -> None:
    for key, text in (("m1", "확인된 사실을 안내드릴게요."), ("c1", "서연님, 바로 확인할게요.")):
        page = agent.get(f"/cases/{cases[key]}")
        response = agent.post(
            f"/cases/{cases[key]}/act/reply",
            data={"text": text, "csrf_token": csrf_from(page.text)},
        )
        assert response.status_code in (200, 303)
    with services.engine.connect() as conn:
        statuses = dict(
            conn.execute(select(t.sent_replies.c.case_id, t.sent_replies.c.status)).all()
        )
    assert statuses == {cases["m1"]: "pending_approval", cases["c1"]: "sent"}


def test_saved_replies_page_lists_the_library_with_usage(
    agent: TestClient, services: Services
) -> None:
    from comity.replies.templates import load_templates
    from comity.store.saved_replies import SavedReplyRepository

    shipped = agent.get("/settings/replies?category=toxic&lang=de")
    assert shipped.status_code == 200 and "These are the shipped replies" in shipped.text
    assert 'data-key="toxic-de-1"' in shipped.text and 'data-key="praise-de-1"' not in shipped.text
    repo = SavedReplyRepository(services.engine)
    repo.seed(load_templates())
    repo.used("toxic-de-1")
    seeded = agent.get("/settings/replies?category=toxic&lang=de")
    assert "These are the shipped replies" not in seeded.text
    row = seeded.text.split('data-key="toxic-de-1"')[1].split("</tr>")[0]
    assert row.rstrip().endswith("<td>1</td>")


def test_an_agents_reply_through_the_api_waits_for_approval_too(
    agent: TestClient, services: Services, cases: dict[str, int]
) -> None:
    """The API runs actions in the same context as the inbox (the brand profile's rule)."""
    page = agent.get(f"/cases/{cases['m1']}")
    response = agent.post(
        f"/api/v1/cases/{cases['m1']}/actions",
        json={"kind": "reply", "text": "확인된 사실을 안내드릴게요."},
        headers={"X-CSRF-Token": csrf_from(page.text)},
    )
    assert response.status_code == 200, response.text
    with services.engine.connect() as conn:
        statuses = conn.execute(select(t.sent_replies.c.status)).scalars().all()
    assert statuses == ["pending_approval"]
