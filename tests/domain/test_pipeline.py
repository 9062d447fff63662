from __future__ import annotations

import pytest

from comity.domain import PipelineOrderError, Stage, check_order


def _stage(name: str, requires: tuple[str, ...], assigns: tuple[str, ...]) -> Stage:
    return Stage(name=name, requires=requires, assigns=assigns, run=lambda items: None)


def test_a_valid_order_passes() -> None:
    check_order(
        [
            _stage("triage", ("comment",), ("triage",)),
            _stage("netiquette", ("comment", "triage"), ("rule_hits",)),
            _stage("playbook", ("triage", "rule_hits"), ("plan",)),
        ]
    )


def test_a_stage_before_its_inputs_is_refused() -> None:
    with pytest.raises(PipelineOrderError, match="playbook.*triage"):
        check_order([_stage("playbook", ("triage",), ("plan",)), _stage("triage", (), ("triage",))])


def test_unknown_fields_and_duplicates_are_refused() -> None:
    with pytest.raises(PipelineOrderError, match="unknown"):
        check_order([_stage("x", ("mood",), ())])
    with pytest.raises(PipelineOrderError, match="twice"):
        check_order([_stage("x", (), ()), _stage("x", (), ())])
