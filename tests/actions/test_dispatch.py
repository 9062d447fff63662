"""The shared kind -> action dispatch the inbox UI and the JSON API both call."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from comity.actions import ActionContext, ActionError, NotFound
from comity.actions.dispatch import CaseActionArgs, do_case_action
from comity.store.cases import CaseRepository
from comity.store.users import User


def test_a_comment_action_targets_the_cases_comment_and_an_author_action_its_author(
    engine: Engine, ctx: ActionContext, team: dict[str, User], cases: dict[str, int]
) -> None:
    repo = CaseRepository(engine)
    case_id = cases["s1"]
    view = repo.get(case_id)
    assert view is not None
    args = CaseActionArgs(reason="coupon spam")
    hidden = do_case_action(ctx, case_id, "hide", args, by=team["mina"], cases=repo)
    assert (hidden.kind, hidden.target_type, hidden.target_id) == (
        "hide",
        "comment",
        str(view.case.comment_id),
    )
    banned = do_case_action(ctx, case_id, "ban", args, by=team["mina"], cases=repo)
    assert banned.kind == "ban"
    assert "bot1" in banned.target_id


def test_missing_input_unknown_kinds_and_missing_cases_are_refused(
    engine: Engine, ctx: ActionContext, team: dict[str, User], cases: dict[str, int]
) -> None:
    repo = CaseRepository(engine)
    case_id, admin = cases["q1"], team["admin"]
    with pytest.raises(ActionError, match="assign needs 'assignee'"):
        do_case_action(ctx, case_id, "assign", CaseActionArgs(), by=admin, cases=repo)
    with pytest.raises(ActionError, match="unknown action 'frobnicate'"):
        do_case_action(ctx, case_id, "frobnicate", CaseActionArgs(), by=admin, cases=repo)
    with pytest.raises(NotFound):
        do_case_action(ctx, 999_999, "hide", CaseActionArgs(reason="x"), by=admin, cases=repo)
