from __future__ import annotations

import pytest

from comity.replies import ApprovalPolicy, BrandProfile, requires_approval


@pytest.mark.parametrize(
    ("category", "role", "waits"),
    [
        ("legal", "agent", True),
        ("misinformation", "agent", True),
        ("complaint", "agent", False),
        ("praise", "agent", False),
        ("legal", "moderator", False),
        ("misinformation", "admin", False),
        (None, "agent", False),
    ],
)
def test_default_four_eyes_rule(category: str | None, role: str, waits: bool) -> None:
    assert requires_approval(category, role) is waits


def test_a_crisis_makes_every_agent_reply_wait(profile: BrandProfile) -> None:
    policy = ApprovalPolicy.from_profile(profile)
    assert requires_approval("praise", "agent", policy, crisis=True)
    assert not requires_approval("praise", "moderator", policy, crisis=True)
    calm = ApprovalPolicy(crisis=False)
    assert not requires_approval("praise", "agent", calm, crisis=True)


def test_roles_that_always_wait_and_custom_categories() -> None:
    policy = ApprovalPolicy(categories=frozenset({"complaint"}), roles=frozenset({"analyst"}))
    assert requires_approval("praise", "analyst", policy)
    assert requires_approval("complaint", "agent", policy)
    assert not requires_approval("legal", "agent", policy)
