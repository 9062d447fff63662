"""The pipeline as configured: triage → netiquette → playbook, built once per process."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from comity.domain import Stage
from comity.monitoring.crisis import CrisisPolicy, crisis_stage
from comity.netiquette import RuleHolder, load_rules, netiquette_stage
from comity.playbook import default_config, load_config, playbook_stage
from comity.playbook.own_comments import own_comments_stage
from comity.replies.profile import profile_path, read_brand_data
from comity.settings import Settings
from comity.store.history import StoreAuthorHistory
from comity.triage import Triager
from comity.triage.stage import triage_stage


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Pipeline:
    stages: list[Stage]
    rules: RuleHolder
    triager: Triager


def load_rule_holder(settings: Settings) -> RuleHolder:
    """The configured rule file, or the built-in rules; a bad file raises RuleFileError."""
    ruleset = load_rules(settings.rules_file) if settings.rules_file else None
    return RuleHolder(ruleset, path=settings.rules_file)


def build_pipeline(
    settings: Settings,
    history: StoreAuthorHistory,
    rules: RuleHolder,
    crisis: Callable[[], Sequence[CrisisPolicy]] | None = None,
) -> Pipeline:
    """Load models and playbook from the settings; errors surface at start-up.

    `crisis` gives the crisis modes that are on; with it, a crisis stage follows the playbook.
    """
    triager = Triager.load(settings.triage_bundle)
    brand_file = profile_path(settings.brand_profile_file, settings.data_dir)
    triager.follow_profile(brand_file, read=read_brand_data)
    history.strike_decay = rules.current.decay
    playbook = load_config(settings.playbook_file) if settings.playbook_file else default_config()
    stages = [
        own_comments_stage(settings.brand_accounts),
        triage_stage(triager),
        netiquette_stage(rules, history, sanctions=history),
        playbook_stage(playbook, history, _now),
    ]
    if crisis is not None:
        stages.append(crisis_stage(crisis))
    return Pipeline(stages=stages, rules=rules, triager=triager)
