"""Triage follows the configured brand profile, and an edit of it without a restart."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from comity.domain import Category
from comity.replies.profile import DEMO_PROFILE
from comity.triage import Triager
from comity.triage.triager import TriageInput

CLAIM = "the oat latte secretly contains cow milk"


def _write_profile(path: Path, with_oat_fact: bool, stamp: int) -> None:
    data = yaml.safe_load(DEMO_PROFILE.read_text(encoding="utf-8"))
    if with_oat_fact:
        data["facts"].append(
            {
                "id": "oat-latte-plant-based",
                "fact": "The oat latte is made with oat drink only, no dairy.",
                "text": {
                    "en": "The oat latte is made with oat drink only, no dairy.",
                    "ko": "오트 라떼에는 우유가 들어가지 않아요.",
                    "de": "Der Hafer-Latte enthält keine Kuhmilch.",
                },
                "source": "https://haneul.example/menu/oat-latte",
                "keywords": ["oat latte", "milk"],
                "gate": ["milk"],
                "claims": ["oat latte[^.!?]{0,30}(cow|dairy) milk"],
            }
        )
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    os.utime(path, ns=(stamp, stamp))  # a distinct modification time, whatever the clock


def _primary(triager: Triager) -> Category:
    return triager.triage_inputs([TriageInput(CLAIM, lang="en")])[0].primary


def test_a_fact_added_to_the_profile_is_used_without_a_restart(tmp_path: Path) -> None:
    profile = tmp_path / "brand.yaml"
    _write_profile(profile, with_oat_fact=False, stamp=1_000_000_000_000_000_000)
    triager = Triager.load()
    triager.follow_profile(profile)
    triager._interval = 0.0  # check the file on every batch in this test
    assert _primary(triager) is not Category.MISINFORMATION
    _write_profile(profile, with_oat_fact=True, stamp=2_000_000_000_000_000_000)
    assert _primary(triager) is Category.MISINFORMATION


def test_a_broken_edit_keeps_the_last_good_profile(tmp_path: Path) -> None:
    profile = tmp_path / "brand.yaml"
    _write_profile(profile, with_oat_fact=True, stamp=1_000_000_000_000_000_000)
    triager = Triager.load()
    triager.follow_profile(profile)
    triager._interval = 0.0
    profile.write_text("facts: [unclosed", encoding="utf-8")
    os.utime(profile, ns=(2_000_000_000_000_000_000, 2_000_000_000_000_000_000))
    assert _primary(triager) is Category.MISINFORMATION
