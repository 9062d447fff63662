"""The in-process pipeline runner: batches of pending comments through every stage."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from comity.domain import Stage, WorkItem, check_order
from comity.store.comments import CommentRepository
from comity.store.results import save_plans, save_rule_hits


def pipeline_signature(stages: Sequence[Stage]) -> str:
    """Identifies the stage list, so adding a stage re-runs the pipeline over stored comments."""
    names = ",".join(stage.name for stage in stages)
    return f"{len(stages)}:" + hashlib.sha256(names.encode()).hexdigest()[:16]


class InProcessRunner:
    """Runs every pending comment through the stages; a crash leaves work pending, not lost."""

    def __init__(
        self, repository: CommentRepository, stages: Sequence[Stage], *, batch_size: int = 500
    ) -> None:
        check_order(stages)
        self.repository = repository
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

    def run_batch(self) -> int:
        """One batch: load, run the stages, save results and mark done in one transaction."""
        comments = self.repository.pending(self.signature, self.batch_size)
        if not comments:
            return 0
        parents = self.repository.parents_of(comments)
        items = [
            WorkItem(
                comment=comment,
                parent=parents.get((comment.channel, comment.parent_external_id or "")),
            )
            for comment in comments
        ]
        for stage in self.stages:
            stage.run(items)
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
            self.repository.finish(
                conn,
                [item.comment.id for item in items if item.comment.id is not None],
                self.signature,
            )
        return len(items)
