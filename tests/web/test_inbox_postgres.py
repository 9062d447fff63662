"""The inbox pages on PostgreSQL: the same list, search, case view and audit as on SQLite."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from comity.runtime.services import Services
from tests.pg import temporary_database
from tests.web.conftest import csrf_from
from tests.web.ui_seed import demo_seeds, seed_cases

pytestmark = pytest.mark.postgres


@pytest.fixture
def database_url() -> Iterator[str]:
    with temporary_database() as url:
        yield url


@pytest.fixture
def cases(services: Services) -> dict[str, int]:
    return seed_cases(services, demo_seeds())


def row_ids(page: str) -> list[int]:
    return [int(found) for found in re.findall(r'class="case-row[^"]*" data-case-id="(\d+)"', page)]


def test_queue_filters_search_case_view_and_audit(
    moderator: TestClient, cases: dict[str, int]
) -> None:
    en = {"Accept-Language": "en"}
    assert row_ids(moderator.get("/", headers=en).text) == [
        cases[k] for k in ("c1", "q1", "q2", "q3", "r1")
    ]
    assert row_ids(moderator.get("/inbox/list?q=환불").text) == [cases["c1"]]
    assert row_ids(moderator.get("/inbox/list?lang=de").text) == [cases["q3"]]
    assert row_ids(moderator.get("/?view=overdue").text) == [cases["c1"]]
    case_page = moderator.get(f"/cases/{cases['r1']}", headers={"HX-Request": "true"}).text
    assert "유자에이드 언제 다시 나와요?" in case_page and 'id="reply-text"' in case_page
    token = csrf_from(moderator.get("/me").text)
    response = moderator.post(
        f"/cases/{cases['t1']}/act/ban",
        data={"csrf_token": token, "reason": "욕설 반복"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    audit = moderator.get("/audit?action=ban", headers=en).text
    assert "욕설 반복" in audit and "troll_king" in audit
