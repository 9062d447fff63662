"""Small pieces of the inbox UI: mentions, labels, abilities, list URLs, local times."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from comity.actions import ActionError
from comity.actions.permissions import ALLOWED
from comity.domain import Role
from comity.web.labels import QUEUES, label_id
from comity.web.pages import Can
from comity.web.routes.cases_ui import local_datetime, query_from_back
from comity.web.routes.inbox import InboxQuery
from comity.web.templating import TextPart, make_templates, mention_parts


def test_mentions_are_split_out_and_the_rest_stays_text() -> None:
    parts = mention_parts("@mina 확인 부탁해요 <b>@joon</b>", ["mina@haneul.example"])
    assert parts == [
        TextPart("@mina", mention=True),
        TextPart(" 확인 부탁해요 <b>@joon</b>"),  # joon was not mentioned by the action
    ]
    rendered = (
        make_templates()
        .env.from_string(
            "{% for p in parts %}{% if p.mention %}<m>{{ p.text }}</m>{% else %}"
            "{{ p.text }}{% endif %}{% endfor %}"
        )
        .render(parts=parts)
    )
    assert rendered == "<m>@mina</m> 확인 부탁해요 &lt;b&gt;@joon&lt;/b&gt;"


def test_labels_cover_every_queue_and_fall_back_to_the_code() -> None:
    from comity.domain import Queue

    assert {q.value for q in Queue} <= set(QUEUES)
    assert label_id("queue", Queue.NEEDS_REPLY) == "Needs reply"
    assert label_id("action", "set_crisis_mode") == "set crisis mode"


@pytest.mark.parametrize("role", list(Role))
def test_can_follows_the_permission_table(role: Role) -> None:
    can = Can(role)
    for action, roles in ALLOWED.items():
        assert getattr(can, action) is (role in roles)
    assert can.view_audit is (role in (Role.ADMIN, Role.MODERATOR))
    assert can.nonexistent_action is False


def test_list_urls_keep_filters_and_drop_empties() -> None:
    query = InboxQuery(queue="moderation", channel="x", q="환불", page=3)
    assert query.params() == "queue=moderation&channel=x&q=%ED%99%98%EB%B6%88&page=3"
    assert query.place_link("overdue") == "view=overdue&channel=x&q=%ED%99%98%EB%B6%88"
    assert query.place_link("needs_reply") == "channel=x&q=%ED%99%98%EB%B6%88"
    assert InboxQuery().place == "needs_reply"
    assert InboxQuery(view="mine", queue="legal").place == "mine"


def test_back_links_only_keep_known_values() -> None:
    query = query_from_back("queue=nope&view=mine&category=troll&sentiment=angry&q=x")
    assert (query.queue, query.view, query.category, query.sentiment, query.q) == (
        "",
        "mine",
        "troll",
        "",
        "x",
    )


def test_snooze_times_are_read_in_the_users_zone() -> None:
    assert local_datetime("2026-07-01T09:00", "Asia/Seoul") == datetime(
        2026, 7, 1, 0, 0, tzinfo=UTC
    )
    assert local_datetime("2026-07-01T09:00", "Europe/Berlin") == datetime(
        2026, 7, 1, 7, 0, tzinfo=UTC
    )
    with pytest.raises(ActionError, match="not a date and time"):
        local_datetime("next tuesday", "UTC")
