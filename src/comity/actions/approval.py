"""The brand profile's four-eyes rule for replies, as the approval policy of ActionContext."""

from __future__ import annotations

from sqlalchemy import Engine

from comity.replies import ApprovalPolicy, requires_approval
from comity.store.cases import case_category
from comity.store.monitoring import MonitorRepository
from comity.store.users import User


class ReplyApproval:
    """Role and crisis rules always; with the case id also the category rule (legal,
    misinformation). Crisis mode is whatever monitoring has switched on."""

    def __init__(self, engine: Engine, policy: ApprovalPolicy) -> None:
        self.engine = engine
        self.policy = policy
        self._monitor = MonitorRepository(engine)

    def __call__(self, user: User, text: str, case_id: int | None = None) -> bool:
        category = case_category(self.engine, case_id) if case_id is not None else None
        crisis = self._monitor.crisis_on()
        return requires_approval(category, user.role.value, self.policy, crisis=crisis)
