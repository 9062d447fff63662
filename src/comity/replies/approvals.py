"""Four-eyes rule: which replies wait for a moderator's approval before they are sent."""

from __future__ import annotations

from dataclasses import dataclass

from comity.replies.profile import BrandProfile


@dataclass(frozen=True, slots=True)
class ApprovalPolicy:
    """Categories (and a crisis) whose replies need approval unless an approver writes them."""

    categories: frozenset[str] = frozenset({"legal", "misinformation"})
    crisis: bool = True
    roles: frozenset[str] = frozenset()  # roles whose every reply waits
    approver_roles: frozenset[str] = frozenset({"moderator", "admin"})

    @classmethod
    def from_profile(cls, profile: BrandProfile) -> ApprovalPolicy:
        rule = profile.approvals
        return cls(
            frozenset(rule.categories),
            rule.crisis,
            frozenset(rule.roles),
            frozenset(rule.approver_roles),
        )


DEFAULT_POLICY = ApprovalPolicy()


def requires_approval(
    category: str | None,
    role: str,
    policy: ApprovalPolicy = DEFAULT_POLICY,
    *,
    crisis: bool = False,
) -> bool:
    """True when a reply by `role` on a case of `category` must wait for a moderator."""
    role = str(role)
    if role in policy.roles:
        return True
    if role in policy.approver_roles:
        return False
    if crisis and policy.crisis:
        return True
    return category is not None and str(category) in policy.categories
