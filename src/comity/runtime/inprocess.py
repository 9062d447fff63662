"""The in-process pipeline runner: batches of pending comments through every stage."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Protocol

from comity.domain import Comment, Stage, WorkItem, check_order
from comity.store.comments import CommentRepository
from comity.store.results import save_plans, save_rule_hits

log = logging.getLogger(__name__)


def pipeline_signature(stages: Sequence[Stage]) -> str:
    """Identifies the stage list, so adding a stage re-runs the pipeline over stored comments."""
    names = ",".join(stage.name for stage in stages)
    return f"{len(stages)}:" + hashlib.sha256(names.encode()).hexdigest()[:16]


class StrikeHistory(Protocol):
    def strikes(self, channel: str, handle: str, before: datetime | None = None) -> int: ...

    def prefetch(self, comments: Sequence[Comment]) -> None: ...

    def release(self) -> None: ...


def _one_per_author(comments: list[Comment]) -> list[Comment]:
    """The batch up to an author's second comment: that one must see the first one's strikes."""
    seen: set[tuple[str, str]] = set()
    for index, comment in enumerate(comments):
        key = (comment.channel, comment.author.handle)
        if key in seen:
            return comments[:index]
        seen.add(key)
    return comments


# Called with each batch after it is saved (e.g. the storm detector); never changes the batch.
BatchConsumer = Callable[[Sequence[WorkItem]], object]


class InProcessRunner:
    """Runs every pending comment through the stages; a crash leaves work pending, not lost."""

    def __init__(
        self,
        repository: CommentRepository,
        stages: Sequence[Stage],
        *,
        batch_size: int = 500,
        history: StrikeHistory | None = None,
        consumers: Sequence[BatchConsumer] = (),
    ) -> None:
        check_order(stages)
        self.consumers = tuple(consumers)
        self.repository = repository
        self.history = history
        self.stages = tuple(stages)
        self.batch_size = batch_size
        self.signature = pipeline_signature(self.stages)

    def run_pending(self, on_progress: Callable[[int], None] | None = None) -> int:
        """Process until nothing is pending; returns how many comments were processed."""
        processed = 0
        while True:
            done = self.run_batch()
            if done == 0:
                return processed
            processed += done
            if on_progress is not None:
                on_progress(done)

    @staticmethod
    def _with_strikes(comments: list[Comment], history: StrikeHistory) -> list[Comment]:
        """Each author as they stood when the comment was written (strikes so far)."""
        for comment in comments:
            strikes = history.strikes(
                comment.channel, comment.author.handle, before=comment.created_at
            )
            comment.author = replace(comment.author, strikes=strikes)
        return comments

    def run_batch(self) -> int:
        """One page of pending comments, in runs where each author appears once."""
        return self._run_page(self.repository.pending(self.signature, self.batch_size))

    def run_keys(self, keys: Sequence[tuple[str, str]]) -> int:
        """The named comments (channel, external id) that are still pending; for queue workers.

        Already finished ones are skipped, so a message delivered twice does nothing twice.
        """
        return self._run_page(self.repository.pending_by_keys(self.signature, keys))

    def _run_page(self, page: list[Comment]) -> int:
        rest = page
        while rest:
            run = _one_per_author(rest) if self.history is not None else rest
            self._process(run)
            rest = rest[len(run) :]
        return len(page)

    def _process(self, comments: list[Comment]) -> None:
        """Load context, run the stages, save every result and mark done in one transaction."""
        if self.history is not None:
            self.history.prefetch(comments)
            comments = self._with_strikes(comments, self.history)
        try:
            parents = self.repository.parents_of(comments)
            items = [
                WorkItem(
                    comment=comment,
                    parent=parents.get((comment.channel, comment.parent_external_id or "")),
                )
                for comment in comments
            ]
            statuses = [item.comment.status for item in items]
            for stage in self.stages:
                stage.run(items)
        finally:
            if self.history is not None:
                self.history.release()
        with self.repository.engine.begin() as conn:
            triaged = [
                (item.comment.id, item.triage)
                for item in items
                if item.triage is not None and item.comment.id is not None
            ]
            self.repository.save_triages(conn, triaged)
            save_rule_hits(
                conn,
                [(item.comment, item.rule_hits) for item in items if item.rule_hits is not None],
            )
            save_plans(
                conn,
                [
                    (item.comment.id, item.plan)
                    for item in items
                    if item.plan is not None and item.comment.id is not None
                ],
            )
            # A stage may hold a comment for review (crisis mode): store its new status.
            for item, status in zip(items, statuses, strict=True):
                if item.comment.status is not status and item.comment.id is not None:
                    self.repository.set_status(conn, item.comment.id, item.comment.status)
            self.repository.finish(
                conn,
                [item.comment.id for item in items if item.comment.id is not None],
                self.signature,
            )
        for consumer in self.consumers:
            try:
                consumer(items)
            except Exception:  # a consumer's failure must not stop the pipeline
                log.exception("batch consumer %r failed", consumer)
