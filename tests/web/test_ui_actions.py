"""The action bar: each form goes through comity.actions; conflicts ask before they act."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from fastapi.testclient import TestClient

from comity.runtime.services import Services
from comity.store.audit import search_audit
from comity.store.cases import CaseRepository
from comity.store.users import Role
from tests.web.conftest import csrf_from, sign_in
from tests.web.ui_seed import demo_seeds, seed_cases

HX = {"HX-Request": "true", "Accept-Language": "en"}


@pytest.fixture
def cases(services: Services) -> dict[str, int]:
    return seed_cases(services, demo_seeds())


def post(client: TestClient, url: str, htmx: bool = True, **data: str) -> httpx.Response:
    token = csrf_from(client.get("/me").text)
    return client.post(
        url, data={"csrf_token": token, **data}, headers=HX if htmx else {}, follow_redirects=False
    )


def switch_to_moderator(client: TestClient, make_user: Callable[[Role], str]) -> None:
    """The agent signs out and a moderator signs in on the same client."""
    client.cookies.clear()
    sign_in(client, make_user(Role.MODERATOR))


def held_by_agent(client: TestClient, make_user: Callable[[Role], str], case_id: int) -> None:
    """An agent takes the case; then a moderator is signed in on the same client."""
    sign_in(client, make_user(Role.AGENT))
    assert post(client, f"/cases/{case_id}/act/assign").status_code == 200
    switch_to_moderator(client, make_user)


def comment_status(services: Services, case_id: int) -> str:
    found = CaseRepository(services.engine).get(case_id)
    assert found is not None
    return found.comment.status.value


def test_hide_then_undo(moderator: TestClient, services: Services, cases: dict[str, int]) -> None:
    case_id = cases["t1"]
    response = post(moderator, f"/cases/{case_id}/act/hide", reason="insult (netiquette 1)")
    assert response.status_code == 200
    assert response.headers["HX-Trigger"] == "comity:refresh"
    assert comment_status(services, case_id) == "hidden"
    assert 'data-action="unhide"' in response.text
    assert "Done: hide." in response.text
    [entry] = search_audit(services.engine, action="hide")
    assert entry.actor == "moderator@example.com" and entry.reason == "insult (netiquette 1)"
    undo = post(moderator, f"/cases/{case_id}/undo", audit_id=str(entry.id))
    assert undo.status_code == 200
    assert comment_status(services, case_id) == "visible"


def test_plain_form_post_redirects_back_to_the_case(
    moderator: TestClient, services: Services, cases: dict[str, int]
) -> None:
    case_id = cases["q1"]
    response = post(moderator, f"/cases/{case_id}/act/assign", htmx=False, back="queue=needs_reply")
    assert response.status_code == 303
    assert response.headers["location"] == f"/cases/{case_id}?queue=needs_reply"
    found = CaseRepository(services.engine).get(case_id)
    assert found is not None and found.assignee == "moderator@example.com"


def test_ban_needs_a_reason_and_lands_in_the_audit_log(
    moderator: TestClient, services: Services, cases: dict[str, int]
) -> None:
    url = f"/cases/{cases['t1']}/act/ban"
    refused = post(moderator, url, reason="  ")
    assert refused.status_code == 422
    assert 'role="alert"' in refused.text
    assert search_audit(services.engine, action="ban") == []
    done = post(moderator, url, reason="repeated insults")
    assert done.status_code == 200
    [entry] = search_audit(services.engine, action="ban")
    assert entry.reason == "repeated insults"
    assert 'data-action="unban"' in done.text
    audit_page = moderator.get("/audit?action=ban", headers={"Accept-Language": "en"}).text
    assert "repeated insults" in audit_page and "troll_king" in audit_page


def test_agent_cannot_ban_even_with_a_forged_post(
    client: TestClient,
    make_user: Callable[[Role], str],
    services: Services,
    cases: dict[str, int],
) -> None:
    sign_in(client, make_user(Role.AGENT))
    response = post(client, f"/cases/{cases['t1']}/act/ban", reason="forged")
    assert response.status_code == 403
    assert "may not do this" in response.text
    plain = post(client, f"/cases/{cases['t1']}/act/ban", htmx=False, reason="forged")
    assert plain.status_code == 403
    for kind in ("hide", "delete", "mute"):
        assert post(client, f"/cases/{cases['t1']}/act/{kind}", reason="x").status_code == 403
    assert search_audit(services.engine) == []
    assert comment_status(services, cases["t1"]) == "visible"


def test_assignment_is_exclusive_and_taking_over_names_the_holder(
    client: TestClient,
    make_user: Callable[[Role], str],
    services: Services,
    cases: dict[str, int],
) -> None:
    case_id = cases["q2"]
    held_by_agent(client, make_user, case_id)
    conflict = post(client, f"/cases/{case_id}/act/assign")
    assert conflict.status_code == 409
    assert "agent@example.com has this case" in conflict.text
    assert 'data-action="take-over"' in conflict.text
    taken = post(client, f"/cases/{case_id}/act/assign", take_over="1")
    assert taken.status_code == 200
    found = CaseRepository(services.engine).get(case_id)
    assert found is not None and found.assignee == "moderator@example.com"
    entries = search_audit(services.engine, action="assign", target=f"case:{case_id}")
    assert entries[0].before == {"assignee": "agent@example.com"}


def test_second_reply_within_minutes_needs_confirmation(
    client: TestClient,
    make_user: Callable[[Role], str],
    services: Services,
    cases: dict[str, int],
) -> None:
    case_id = cases["q1"]
    sign_in(client, make_user(Role.AGENT))
    first = post(client, f"/cases/{case_id}/act/reply", text="다음 주에 다시 나와요! 🍋")
    assert first.status_code == 200
    switch_to_moderator(client, make_user)
    second = post(client, f"/cases/{case_id}/act/reply", text="곧 출시됩니다")
    assert second.status_code == 409
    assert "agent@example.com replied" in second.text
    assert "다음 주에 다시 나와요! 🍋" in second.text
    assert 'data-action="send-anyway"' in second.text
    assert ">곧 출시됩니다</textarea>" in second.text  # draft kept
    sent = post(client, f"/cases/{case_id}/act/reply", text="곧 출시됩니다", confirm_recent="1")
    assert sent.status_code == 200
    assert len(search_audit(services.engine, action="reply")) == 2


def test_note_with_mention_label_snooze_done_reopen(
    moderator: TestClient, services: Services, cases: dict[str, int]
) -> None:
    case_id = cases["q3"]
    note = post(moderator, f"/cases/{case_id}/act/note", text="@moderator bitte prüfen")
    assert note.status_code == 200
    assert '<span class="mention">@moderator</span>' in note.text
    label = post(moderator, f"/cases/{case_id}/act/label", label="hamburg")
    assert '<span class="case-label">hamburg</span>' in label.text
    snooze = post(moderator, f"/cases/{case_id}/act/snooze", until="2099-01-01T09:00")
    assert snooze.status_code == 200
    assert post(moderator, f"/cases/{case_id}/act/done").status_code == 200
    reopened = post(moderator, f"/cases/{case_id}/act/reopen")
    assert reopened.status_code == 200
    kinds = [entry.action for entry in search_audit(services.engine, target=f"case:{case_id}")]
    assert {"note", "label", "snooze", "done", "reopen"} <= set(kinds)


def test_bad_snooze_time_is_a_clear_error(moderator: TestClient, cases: dict[str, int]) -> None:
    response = post(moderator, f"/cases/{cases['q3']}/act/snooze", until="tomorrow")
    assert response.status_code == 422
    assert "Not a date and time: tomorrow" in response.text


def test_unknown_action_is_404(moderator: TestClient, cases: dict[str, int]) -> None:
    assert post(moderator, f"/cases/{cases['q3']}/act/explode").status_code == 404


def test_bulk_asks_first_then_acts_on_all(
    moderator: TestClient, services: Services, cases: dict[str, int]
) -> None:
    ids = [str(cases["t1"]), str(cases["x1"])]
    token = csrf_from(moderator.get("/").text)
    data = {"csrf_token": token, "kind": "hide", "ids": ids, "next": "/?queue=moderation"}
    ask = moderator.post("/cases/bulk", data=data, headers={"Accept-Language": "en"})
    assert ask.status_code == 200 and "Are you sure?" in ask.text
    assert comment_status(services, cases["t1"]) == "visible"
    done = moderator.post(
        "/cases/bulk", data={**data, "confirm": "1", "reason": "spam wave"}, follow_redirects=False
    )
    assert done.status_code == 303
    assert done.headers["location"] == "/?queue=moderation&bulk_done=2"
    assert {comment_status(services, cases[k]) for k in ("t1", "x1")} == {"hidden"}
    page = moderator.get(done.headers["location"], headers={"Accept-Language": "en"}).text
    assert "2 cases changed." in page


def test_bulk_refuses_a_role_without_the_permission(
    client: TestClient,
    make_user: Callable[[Role], str],
    services: Services,
    cases: dict[str, int],
) -> None:
    sign_in(client, make_user(Role.AGENT))
    token = csrf_from(client.get("/").text)
    data = {"csrf_token": token, "kind": "delete", "ids": [str(cases["t1"])], "confirm": "1"}
    assert client.post("/cases/bulk", data=data).status_code == 403
    assert comment_status(services, cases["t1"]) == "visible"


def test_unassigning_someone_elses_case_asks_and_takes_it_away(
    client: TestClient,
    make_user: Callable[[Role], str],
    services: Services,
    cases: dict[str, int],
) -> None:
    case_id = cases["q3"]
    held_by_agent(client, make_user, case_id)
    conflict = post(client, f"/cases/{case_id}/act/unassign")
    assert conflict.status_code == 409
    assert f'action="/cases/{case_id}/act/unassign"' in conflict.text
    assert post(client, f"/cases/{case_id}/act/unassign", take_over="1").status_code == 200
    found = CaseRepository(services.engine).get(case_id)
    assert found is not None and found.assignee is None
