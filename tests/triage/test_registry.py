"""Fine-tuned versions in the data directory: save, activate, roll back, follow."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from comity.triage.registry import ModelRegistry, RegistryError
from comity.triage.signals import SignalModel
from comity.triage.triager import TriageInput, Triager


@pytest.fixture(scope="module")
def base() -> SignalModel:
    return SignalModel.load("default")


def _save(registry: ModelRegistry, base: SignalModel, shift: float) -> str:
    weights = base._weights[:-1].astype(np.float32)
    weights[:, base.names.index("spam")] += shift  # a visible, harmless change
    meta = {**base.metadata, "base_bundle": "default", "tuned_from": base.metadata["sha256"]}
    return registry.save(weights, base._lang_bias, meta).name


def test_save_writes_npz_and_metadata_that_load_without_pickle(
    tmp_path: Path, base: SignalModel
) -> None:
    registry = ModelRegistry(tmp_path / "models")
    name = _save(registry, base, 0.0)
    model = SignalModel.load(path=tmp_path / "models" / name)  # checks the SHA-256
    assert model.metadata["version"] == f"tuned-{name}"
    assert registry.active() is None  # saving does not activate
    assert [v.name for v in registry.versions()] == [name]


def test_activate_and_roll_back_in_order(tmp_path: Path, base: SignalModel) -> None:
    registry = ModelRegistry(tmp_path / "models")
    first, second = _save(registry, base, 0.0), _save(registry, base, 0.1)
    assert first != second
    registry.activate(first)
    registry.activate(second)
    assert registry.active() == second
    assert [v.active for v in registry.versions()] == [False, True]
    assert registry.rollback() == first
    assert registry.rollback() is None  # back to the shipped bundle
    assert registry.active() is None
    with pytest.raises(RegistryError, match="nothing to roll back"):
        registry.rollback()
    with pytest.raises(RegistryError, match="no saved version"):
        registry.activate("20990101T000000Z")


def test_triager_follows_activation_and_rollback(tmp_path: Path, base: SignalModel) -> None:
    registry = ModelRegistry(tmp_path / "models")
    triager = Triager(base)
    triager.watch(registry, interval=0.0)
    assert not triager.bundle_info.tuned
    shifted = _save(registry, base, 3.0)
    registry.activate(shifted)
    one = [TriageInput("hello there", "en")]
    spam = triager.triage_inputs(one)[0].signals["spam"]
    assert triager.bundle_info.tuned and triager.model == f"tuned-{shifted}"
    assert triager.bundle_info.license_class == "commercial"
    registry.rollback()
    assert triager.triage_inputs(one)[0].signals["spam"] < spam
    assert not triager.bundle_info.tuned


def test_a_broken_version_keeps_the_current_model(tmp_path: Path, base: SignalModel) -> None:
    registry = ModelRegistry(tmp_path / "models")
    name = _save(registry, base, 0.0)
    (tmp_path / "models" / name / "signals.npz").write_bytes(b"not weights")
    triager = Triager(base)
    triager.watch(registry, interval=0.0)
    registry.activate(name)
    assert triager.refresh() is False
    assert triager.signals is base
