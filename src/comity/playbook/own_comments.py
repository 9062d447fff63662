"""The brand's own comments (replies by its accounts) are never cases, strikes or moderation."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from comity.domain import Comment, Plan, Priority, Queue, Stage, WorkItem

OWN_COMMENT = Plan(
    actions=(),
    priority=Priority.P4,
    queue=Queue.DONE,
    due_at=None,
    reason="the brand's own comment",
)


def is_own_comment(comment: Comment, brand_accounts: frozenset[str]) -> bool:
    """Written by one of the brand's accounts: by configuration, or as the channel says."""
    return (
        comment.extra.get("from_brand") is True
        or comment.author.handle.lower() in brand_accounts
        or f"{comment.channel}:{comment.author.handle}".lower() in brand_accounts
    )


def own_comments_stage(brand_accounts: Iterable[str]) -> Stage:
    """Settles the brand's own comments before the netiquette and playbook stages see them."""
    accounts = frozenset(account.lower() for account in brand_accounts)

    def run(items: Sequence[WorkItem]) -> None:
        for item in items:
            if is_own_comment(item.comment, accounts):
                item.rule_hits = ()
                item.plan = OWN_COMMENT

    return Stage(name="own_comments", requires=("comment",), assigns=("rule_hits", "plan"), run=run)
