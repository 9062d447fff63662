"""What pipeline stages exchange, and how a stage declares what it needs and gives."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from comity.domain.models import Comment, Plan, RuleHit, Triage

# Fields of WorkItem a stage may require or assign.
ITEM_FIELDS = frozenset({"comment", "parent", "triage", "rule_hits", "plan"})


@dataclass(slots=True)
class WorkItem:
    """One comment on its way through the stages; each stage fills its own fields."""

    comment: Comment
    parent: Comment | None = None
    triage: Triage | None = None
    rule_hits: tuple[RuleHit, ...] | None = None
    plan: Plan | None = None


StageFunction = Callable[[Sequence[WorkItem]], None]


@dataclass(frozen=True, slots=True)
class Stage:
    """A pipeline stage: a plain function over a batch of items, idempotent per comment."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: StageFunction = field(compare=False)


class PipelineOrderError(ValueError):
    """Stages were registered in an order where one needs what a later one gives."""


def check_order(stages: Sequence[Stage]) -> None:
    """Fail at start-up if any stage requires a field no earlier stage assigns."""
    available = {"comment", "parent"}
    seen: set[str] = set()
    for stage in stages:
        if stage.name in seen:
            raise PipelineOrderError(f"stage {stage.name!r} is registered twice")
        seen.add(stage.name)
        unknown = (set(stage.requires) | set(stage.assigns)) - ITEM_FIELDS
        if unknown:
            raise PipelineOrderError(f"stage {stage.name!r} names unknown fields {sorted(unknown)}")
        missing = set(stage.requires) - available
        if missing:
            raise PipelineOrderError(
                f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage assigns"
            )
        available |= set(stage.assigns)
