"""Whatever arrives, planning never crashes and never sets a due time in the past."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from comity.domain import (
    ActionKind,
    Case,
    CaseStatus,
    Category,
    LegalSub,
    Priority,
    Queue,
    RuleHit,
    Triage,
)
from comity.playbook import AuthorContext, PlaybookConfig, loads_config, make_plan
from tests.playbook.helpers import DEFAULTS, comment

CONFIGS = [
    DEFAULTS,
    loads_config("sla: {business_hours: {timezone: Europe/Berlin, days: [sat, sun]}}"),
    loads_config("sla: {business_hours: {always_open: true}, start: received_at}"),
    loads_config(
        "sla: {channels: {facebook: {business_hours: {timezone: America/New_York,"
        " holidays: [2026-12-25]}}}}\nrules: {automatic: [hide, ban]}"
    ),
]
ZONES = [UTC, ZoneInfo("Asia/Seoul"), ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York")]
SIGNALS = ["spam", "threat", "identity_attack", "sexually_explicit", "toxicity", "insult"]
RULE_ACTIONS = [
    "remind",
    "hide",
    "delete",
    "mute",
    "ban",
    "escalate",
    "flag",
    "flag:legal",
    "flag:nowhere",
    "label:x",
    "",
    "HIDE",
    "zap:zap",
]

moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.sampled_from(ZONES)
)
triages = st.builds(
    Triage,
    lang=st.just("ko"),
    primary=st.sampled_from(Category),
    secondary=st.lists(st.sampled_from(Category), max_size=3).map(tuple),
    action=st.sampled_from(ActionKind),
    legal_sub=st.none() | st.sampled_from(LegalSub),
    signals=st.dictionaries(st.sampled_from(SIGNALS), st.floats(0.0, 1.0), max_size=4),
    reasons=st.lists(st.text(max_size=300), max_size=2).map(tuple),
)
hits = st.lists(
    st.builds(
        RuleHit,
        rule_id=st.text(max_size=20),
        action=st.sampled_from(RULE_ACTIONS),
        severity=st.integers(0, 5),
        reason=st.text(max_size=60),
    ),
    max_size=3,
)
cases = st.builds(
    Case,
    comment_id=st.integers(1, 9),
    queue=st.sampled_from(Queue),
    priority=st.sampled_from(Priority),
    status=st.sampled_from(CaseStatus),
)


@st.composite
def authors(draw: st.DrawFn, at: datetime) -> AuthorContext:
    offsets = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=2))
    recent = draw(st.lists(st.tuples(offsets, st.sampled_from(Category)), max_size=4))
    return AuthorContext(
        strikes=draw(st.integers(0, 12)),
        had_complaint=draw(st.booleans()),
        open_cases=tuple(draw(st.lists(cases, max_size=2))),
        recent=tuple((at - offset, category) for offset, category in recent),
    )


@settings(max_examples=200, deadline=None)
@given(
    data=st.data(),
    at=moments,
    received_after=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3)),
    result=triages,
    rule_hits=hits,
    config=st.sampled_from(CONFIGS),
    channel=st.sampled_from(["instagram", "facebook", "kakao"]),
)
def test_planning_never_crashes_and_is_never_due_before_the_comment(
    data: st.DataObject,
    at: datetime,
    received_after: timedelta,
    result: Triage,
    rule_hits: list[RuleHit],
    config: PlaybookConfig,
    channel: str,
) -> None:
    author = data.draw(authors(at))
    plan = make_plan(
        comment(at, channel=channel), result, rule_hits, author, config, at + received_after
    )
    assert plan.actions and plan.reason and len(plan.reason) <= 240
    assert (plan.due_at is None) == (plan.queue is Queue.DONE)
    assert plan.due_at is None or plan.due_at >= at
    if plan.queue is Queue.DONE:
        assert all(a.automatic or a.kind is ActionKind.NONE for a in plan.actions)
    kinds = [a.kind for a in plan.actions]
    assert len(kinds) == len(set(kinds))
    if ActionKind.NONE in kinds:
        assert kinds == [ActionKind.NONE]
    if config is DEFAULTS:
        allowed = {ActionKind.HIDE, ActionKind.DELETE}
        assert {a.kind for a in plan.actions if a.automatic} <= allowed
    heated = result.primary in (Category.TOXIC, Category.TROLL)
    if heated and Category.COMPLAINT in result.secondary:
        assert kinds[0] is ActionKind.HELP and plan.priority is Priority.P1
