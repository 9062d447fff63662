"""Steps of a plan: merging category, ladder and rule steps into the order a person takes them."""

from __future__ import annotations

from dataclasses import dataclass, field

from comity.domain import ActionKind, PlannedAction, Queue, RuleHit

A = ActionKind
# Acting on the comment itself; a stronger one replaces a weaker one.
REMOVAL: tuple[ActionKind, ...] = (A.HIDE, A.DELETE, A.REMOVE)
# Acting on the author; a stronger one replaces a weaker one.
AUTHOR: tuple[ActionKind, ...] = (A.MONITOR, A.REMIND, A.MUTE, A.BAN)
# Pointless once the comment is gone: nobody likes or shares a hidden comment.
ENGAGEMENT = frozenset({A.LIKE, A.THANK, A.SHARE, A.SHOWCASE})
CARE = frozenset({A.HELP, A.ANSWER, A.CORRECT})
MODERATION = frozenset(REMOVAL) | frozenset(AUTHOR)
_RANK: dict[ActionKind, int] = {
    **dict.fromkeys(CARE, 0),
    **dict.fromkeys(REMOVAL, 1),
    **dict.fromkeys(AUTHOR, 2),
    **dict.fromkeys((A.RECORD, *ENGAGEMENT), 3),
    A.ESCALATE: 4,
    A.NONE: 5,
}


@dataclass(slots=True)
class Step:
    kind: ActionKind
    automatic: bool = False


@dataclass(slots=True)
class Steps:
    """The plan's steps while they are being put together."""

    items: list[Step] = field(default_factory=list)

    def kinds(self) -> list[ActionKind]:
        return [step.kind for step in self.items]

    def add(self, kind: ActionKind, automatic: bool = False) -> None:
        """Add a step; within the removal and author groups only the strongest survives."""
        if kind in (A.MUTE, A.BAN) and not self.has_removal():
            # Silencing the author starts with taking this comment down.
            self.items.append(Step(A.HIDE, automatic))
        if kind in self.kinds():
            return
        for group in (REMOVAL, AUTHOR):
            present = [step for step in self.items if step.kind in group]
            if kind not in group or not present:
                continue
            strongest = max(present, key=lambda step: group.index(step.kind))
            if group.index(kind) < group.index(strongest.kind):
                return
            if strongest.automatic and not automatic:
                break  # keep what already happens automatically; a person does the rest
            strongest.kind, strongest.automatic = kind, automatic
            return
        self.items.append(Step(kind, automatic))

    def replace(self, old: ActionKind, new: ActionKind) -> None:
        for step in self.items:
            if step.kind is old:
                step.kind = new

    def mark_automatic(self, kinds: frozenset[ActionKind]) -> list[ActionKind]:
        """Make these kinds automatic; a `remove` splits into an automatic hide and the rest."""
        done: list[ActionKind] = []
        items: list[Step] = []
        for step in self.items:
            if step.kind in kinds:
                step.automatic = True
                done.append(step.kind)
            elif step.kind is A.REMOVE and A.HIDE in kinds and A.HIDE not in self.kinds():
                # Hide now; contacting the author and the statement of reasons need a person.
                items.append(Step(A.HIDE, True))
                done.append(A.HIDE)
            items.append(step)
        self.items = items
        return done

    def has_removal(self) -> bool:
        return any(step.kind in REMOVAL for step in self.items)

    def finish(self) -> tuple[PlannedAction, ...]:
        """Drop what no longer makes sense, then order: automatic first, then as a person works."""
        steps = self.items
        if self.has_removal():
            steps = [s for s in steps if s.kind not in ENGAGEMENT]
        if any(s.kind is not A.NONE for s in steps):
            steps = [s for s in steps if s.kind is not A.NONE]
        if not steps:
            steps = [Step(A.NONE)]
        ordered = sorted(steps, key=lambda s: (not s.automatic, _RANK.get(s.kind, 3)))
        return tuple(PlannedAction(kind=s.kind, automatic=s.automatic) for s in ordered)


@dataclass(frozen=True, slots=True)
class RuleEffect:
    """What one rule hit asks of the plan."""

    hit: RuleHit
    step: ActionKind | None = None
    flag: bool = False
    queue: Queue | None = None
    label: str | None = None
    # RuleHit.automatic: a person already decided (an author's ban or mute), so it runs on its own.
    automatic: bool = False


def read_rule_hit(hit: RuleHit) -> RuleEffect:
    """Read `hit.action`: a step name, `flag`, `flag:<queue>` or `label:<name>`; a plain
    `flag` takes its queue from `hit.queue`. A step runs on its own when `hit.automatic`.

    Anything unknown is treated as a flag, so a person looks rather than the hit vanishing.
    """
    verb, _, argument = hit.action.strip().lower().partition(":")
    verb, argument = verb.strip(), argument.strip()
    if verb in ("remind", "hide", "delete", "mute", "ban", "escalate"):
        return RuleEffect(hit, step=ActionKind(verb), automatic=hit.automatic)
    if verb == "label":
        return RuleEffect(hit, label=argument or None)
    # A rule file's `queue:` arrives as `hit.queue` (netiquette/ruleset.py), not in the action.
    queue = argument or (hit.queue or "").strip().lower()
    if verb == "flag" and queue in {q.value for q in Queue}:
        return RuleEffect(hit, flag=True, queue=Queue(queue))
    return RuleEffect(hit, flag=True)
