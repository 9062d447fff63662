"""The playbook pipeline stage: fills `WorkItem.plan` for triaged, rule-checked comments."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime

from comity.domain import Category, Comment, Stage, WorkItem
from comity.playbook.config import PlaybookConfig
from comity.playbook.history import AuthorContext, AuthorHistory, AuthorKey
from comity.playbook.planner import make_plan

Clock = Callable[[], datetime]


def playbook_stage(config: PlaybookConfig, history: AuthorHistory, clock: Clock) -> Stage:
    """A stage that plans every item not yet planned (re-running it changes nothing).

    `clock` gives the moment a comment reaches the playbook; it only matters when the
    configuration counts SLAs from `received_at` instead of `created_at`.
    """

    def run(items: Sequence[WorkItem]) -> None:
        batch: dict[AuthorKey, list[tuple[datetime, Category]]] = defaultdict(list)
        for item in items:
            if item.triage is not None:
                batch[_author_key(item.comment)].append(
                    (item.comment.created_at, item.triage.primary)
                )
        for item in items:
            if item.plan is not None or item.triage is None:
                continue
            earlier = batch[_author_key(item.comment)]
            window = config.follow_up.window
            author = AuthorContext.lookup(history, item.comment, window, earlier)
            item.plan = make_plan(
                item.comment, item.triage, item.rule_hits or (), author, config, clock()
            )

    return Stage(
        name="playbook", requires=("comment", "triage", "rule_hits"), assigns=("plan",), run=run
    )


def _author_key(comment: Comment) -> AuthorKey:
    return (comment.author.channel or comment.channel, comment.author.handle)
