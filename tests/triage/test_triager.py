"""The Triager facade and the pipeline stage, with a fake signal model."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from comity.domain import ActionKind, Author, Category, WorkItem, check_order
from comity.triage.stage import triage_stage
from comity.triage.triager import Triager
from tests.factories import comment

NAMES = ("toxicity", "insult", "threat", "spam", "question")


class FakeSignals:
    """Scores 'insult' high for texts with 'clown' or 'bozo'; counts batch calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], list[str]]] = []
        self.explained: list[str] = []

    @property
    def names(self) -> Sequence[str]:
        return NAMES

    @property
    def metadata(self) -> Mapping[str, Any]:
        return {"version": "fake-1"}

    def predict_normalized(self, docs: Sequence[str], langs: Sequence[str]) -> npt.NDArray[Any]:
        return self.predict(docs, langs)

    def predict(self, texts: Sequence[str], langs: Sequence[str]) -> npt.NDArray[Any]:
        self.calls.append((list(texts), list(langs)))
        rude = [any(w in t for w in ("clown", "bozo")) for t in texts]
        rows = [[0.9, 0.95, 0.0, 0.0, 0.0] if r else [0.0] * 5 for r in rude]
        return np.array(rows, dtype=np.float32)

    def explain(self, text: str, lang: str, head: str, k: int = 3) -> list[tuple[str, float]]:
        return [("bozo" if "bozo" in text else "clown", 0.8)][:k]

    def explain_normalized(
        self, docs: Sequence[str], heads: Sequence[str], k: int = 3
    ) -> list[list[tuple[str, float]]]:
        self.explained = list(docs)
        return [self.explain(doc, "en", head, k) for doc, head in zip(docs, heads, strict=True)]


def make() -> tuple[Triager, FakeSignals]:
    fake = FakeSignals()
    return Triager(fake, detect_language=lambda text: ("en", 0.99)), fake


def test_triage_one_comment_uses_signals_reasons_and_model_name() -> None:
    triager, _ = make()
    triage = triager.triage(comment(1, text="the admin is a bozo"))
    assert triage.primary is Category.TOXIC
    assert triage.signals["insult"] > 0.9
    assert triage.model == "fake-1"
    # No lexicon word explains it, so the model's n-grams do.
    assert triage.reasons[-1] == "insult n-grams: bozo"
    cued = triager.triage(comment(2, text="the admin is a clown"))
    assert cued.reasons == ("insult aimed at staff: clown, insult 0.95",)


def test_language_comes_from_the_comment_before_the_detector() -> None:
    triager, fake = make()
    triager.triage(comment(1, text="hallo", lang="de"))
    triager.triage(comment(2, text="hello"))
    assert [call[1] for call in fake.calls] == [["de"], ["en"]]


def test_author_strikes_argument_overrides_the_author_record() -> None:
    triager, _ = make()
    rude = comment(1, text="the admin is a clown", author=Author("x", "a", strikes=4))
    assert triager.triage(rude).action is ActionKind.MUTE
    assert triager.triage(rude, author_strikes=0).action is ActionKind.REMIND


def test_the_parent_comment_is_seen_as_reply_context() -> None:
    triager, _ = make()
    parent = comment(1, text="유자에이드 맛있어요")
    reply = comment(2, text="ok")
    assert triager.triage(reply, parent=parent).primary is Category.NEUTRAL


def test_triage_many_predicts_the_whole_batch_in_one_call() -> None:
    triager, fake = make()
    comments = [comment(i, text=t) for i, t in enumerate(["hi", "you clown", "when do you open?"])]
    results = triager.triage_many(comments)
    assert [r.primary for r in results] == [Category.NEUTRAL, Category.TOXIC, Category.QUESTION]
    assert len(fake.calls) == 1


def test_without_a_model_the_decision_runs_on_lexicons() -> None:
    triager = Triager(None, detect_language=lambda text: ("ko", 1.0))
    triage = triager.triage(comment(1, text="환불해주세요 주문번호 20240601 아직도 안 왔어요"))
    assert triage.primary is Category.COMPLAINT
    assert triage.signals == {}
    assert triage.model == "lexicon-only"


def test_stage_declares_its_fields_and_fills_each_item_once() -> None:
    triager, fake = make()
    stage = triage_stage(triager)
    check_order([stage])
    assert (stage.name, stage.requires, stage.assigns) == ("triage", ("comment",), ("triage",))
    items = [WorkItem(comment(1, text="you clown")), WorkItem(comment(2, text="hello"))]
    stage.run(items)
    first = [item.triage for item in items]
    assert all(t is not None for t in first)
    stage.run(items)
    assert [item.triage for item in items] == first
    assert len(fake.calls) == 1


def test_the_shipped_bundle_loads_and_feeds_the_decision() -> None:
    triager = Triager.load()
    assert triager.signals is not None
    names = set(triager.signals.names)
    assert {"toxicity", "insult", "threat", "spam", "question"} <= names
    text = "환불해주세요 주문번호 88231 아직도 배송이 안 와요"
    triage = triager.triage(comment(1, text=text, lang="ko"))
    assert triage.primary is Category.COMPLAINT
    assert set(triage.signals) == names
    assert triage.model.startswith("default")
