"""The playbook pipeline stage: fills `WorkItem.plan` for triaged, rule-checked comments."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from comity.domain import Stage, WorkItem
from comity.playbook.config import PlaybookConfig
from comity.playbook.history import AuthorContext, AuthorHistory
from comity.playbook.planner import make_plan

Clock = Callable[[], datetime]


def playbook_stage(config: PlaybookConfig, history: AuthorHistory, clock: Clock) -> Stage:
    """A stage that plans every item not yet planned (re-running it changes nothing).

    `clock` gives the moment a comment reaches the playbook; it only matters when the
    configuration counts SLAs from `received_at` instead of `created_at`.
    """

    def run(items: Sequence[WorkItem]) -> None:
        for item in items:
            if item.plan is not None or item.triage is None:
                continue
            author = AuthorContext.lookup(history, item.comment, config.follow_up.window)
            item.plan = make_plan(
                item.comment, item.triage, item.rule_hits or (), author, config, clock()
            )

    return Stage(
        name="playbook", requires=("comment", "triage", "rule_hits"), assigns=("plan",), run=run
    )
