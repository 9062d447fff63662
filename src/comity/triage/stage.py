"""The triage pipeline stage: fills `WorkItem.triage` for a batch of comments."""

from __future__ import annotations

from collections.abc import Sequence

from comity.domain import Stage, WorkItem
from comity.triage.triager import Triager, input_for


def triage_stage(triager: Triager) -> Stage:
    """A stage that triages every item not yet triaged (re-running it changes nothing)."""

    def run(items: Sequence[WorkItem]) -> None:
        todo = [item for item in items if item.triage is None]
        results = triager.triage_inputs([input_for(item.comment, item.parent) for item in todo])
        for item, triage in zip(todo, results, strict=True):
            item.triage = triage

    return Stage(name="triage", requires=("comment",), assigns=("triage",), run=run)
