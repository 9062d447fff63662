"""Fine-tuning the heads on a tiny synthetic decisions set (our own made-up words)."""

from __future__ import annotations

import numpy as np
import pytest

from comity.triage.finetune import Example, finetune, targets_for
from comity.triage.signals import SignalModel
from comity.triage.triager import Triager, bundle_info_of


@pytest.fixture(scope="module")
def base() -> SignalModel:
    return SignalModel.load("default")


def test_categories_map_to_the_heads_they_imply() -> None:
    toxic = targets_for({"text": "x y", "lang": "en", "primary": "toxic"})
    assert toxic is not None and toxic.targets["toxicity"] == 1 and toxic.targets["spam"] == 0
    praise = targets_for({"text": "x y", "primary": "praise"})
    assert praise is not None and praise.sentiment == "positive"
    hate = targets_for({"text": "x", "primary": "legal", "legal_sub": "legal.hate"})
    assert hate is not None and hate.targets["identity_attack"] == 1
    assert targets_for({"text": "x", "primary": "no_such_category"}) is None
    assert targets_for({"text": " ", "primary": "toxic"}) is None
    assert targets_for({"primary": "toxic"}) is None


def test_local_slur_is_learnt_and_other_comments_barely_move(base: SignalModel) -> None:
    texts = ["you are a total zorblat", "zorblat again, honestly", "what a zorblat move"]
    examples = [Example(t, "en", {"toxicity": 1, "insult": 1}) for t in texts]
    examples += [Example("the mint latte was lovely", "en", {"toxicity": 0}, "positive")]
    weights, report = finetune(base, examples)
    tuned = SignalModel(weights, base._lang_bias, base.metadata)
    probe = "such a zorblat"
    assert base.predict_one(probe, "en")["toxicity"] < 0.6
    assert tuned.predict_one(probe, "en")["toxicity"] > 0.8
    assert report.loss_after["toxicity"] < report.loss_before["toxicity"]
    assert report.heads["toxicity"] == 4 and report.heads["sentiment"] == 1
    # Comments sharing no n-gram with the decisions keep their scores exactly.
    other = "배송이 너무 늦어요"
    assert np.allclose(base.predict([other], ["ko"]), tuned.predict([other], ["ko"]), atol=1e-3)


def test_no_examples_keep_the_weights(base: SignalModel) -> None:
    weights, report = finetune(base, [])
    assert report.heads == {}
    assert np.array_equal(weights, base._weights[:-1].astype(np.float32))


def test_bundle_info_labels_research_and_tuned() -> None:
    research = bundle_info_of({"bundle": "research", "license_class": "research"}, "r@1")
    assert research.research and "RESEARCH" in research.label
    tuned = bundle_info_of(
        {"bundle": "default", "license_class": "commercial", "tuned_from": "abc"}, "tuned-x"
    )
    assert tuned.tuned and "fine-tuned" in tuned.label and not tuned.research
    unknown = bundle_info_of({"bundle": "mine"}, "m")
    assert unknown.research  # without a license class, the stricter label
    assert Triager(None).bundle_info.license_class == "none"
