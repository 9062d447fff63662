"""The playbook: what to do about a comment, how urgently, and in which queue."""

from comity.playbook.config import (
    AngryCustomer,
    Automation,
    BusinessHours,
    CategoryPolicy,
    FollowUp,
    PlaybookConfig,
    RulePolicy,
    ServiceLevels,
    Sla,
)
from comity.playbook.history import AuthorContext, AuthorHistory, InMemoryHistory
from comity.playbook.hours import add_business_time, business_time_between
from comity.playbook.loading import default_config, load_config, loads_config
from comity.playbook.planner import make_plan
from comity.playbook.reading import PlaybookConfigError
from comity.playbook.stage import playbook_stage

__all__ = [
    "AngryCustomer",
    "AuthorContext",
    "AuthorHistory",
    "Automation",
    "BusinessHours",
    "CategoryPolicy",
    "FollowUp",
    "InMemoryHistory",
    "PlaybookConfig",
    "PlaybookConfigError",
    "RulePolicy",
    "ServiceLevels",
    "Sla",
    "add_business_time",
    "business_time_between",
    "default_config",
    "load_config",
    "loads_config",
    "make_plan",
    "playbook_stage",
]
