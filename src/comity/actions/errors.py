"""Why an action did not happen."""

from __future__ import annotations

from datetime import datetime


class ActionError(ValueError):
    """The action cannot be done to this target (the message says why)."""


class NotFound(ActionError):
    """The target does not exist."""


class AssignmentConflict(ActionError):
    """Someone else holds the case; pass take_over=True to take it from them."""

    def __init__(self, case_id: int, holder: str) -> None:
        super().__init__(f"case {case_id} is assigned to {holder}; take it over to reassign it")
        self.case_id = case_id
        self.holder = holder


class RecentReplyConflict(ActionError):
    """The case was answered moments ago; replying again needs confirm_recent=True."""

    def __init__(self, case_id: int, by: str, at: datetime, text: str) -> None:
        super().__init__(
            f"case {case_id} was answered by {by} at {at.isoformat()}; confirm to reply again"
        )
        self.case_id = case_id
        self.by = by
        self.at = at
        self.text = text


class StaleUndo(ActionError):
    """The target changed after the action being undone; undoing would overwrite that."""
