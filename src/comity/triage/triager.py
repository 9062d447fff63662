"""The triage facade: language, signals and the category decision for comments in batches."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from comity.domain import Comment, Triage
from comity.triage.decide import DecisionContext, decide_deferred, with_explanation
from comity.triage.lexicons import CueFinder, default_finder
from comity.triage.normalize import normalize_text

LanguageDetector = Callable[[str], tuple[str, float]]


class SignalSource(Protocol):
    """What the triager needs from a signal model (`comity.triage.signals.SignalModel`)."""

    @property
    def names(self) -> Sequence[str]: ...

    @property
    def metadata(self) -> Mapping[str, Any]: ...

    def predict(self, texts: Sequence[str], langs: Sequence[str]) -> npt.NDArray[Any]: ...

    def predict_normalized(self, docs: Sequence[str], langs: Sequence[str]) -> npt.NDArray[Any]: ...

    def explain(self, text: str, lang: str, head: str, k: int = 3) -> list[tuple[str, float]]: ...

    def explain_normalized(
        self, docs: Sequence[str], heads: Sequence[str], k: int = 3
    ) -> list[list[tuple[str, float]]]: ...


@dataclass(frozen=True, slots=True)
class TriageInput:
    """One text to triage with what a community manager would also see."""

    text: str
    lang: str | None = None
    context: DecisionContext = field(default_factory=DecisionContext)


def input_for(
    comment: Comment, parent: Comment | None = None, author_strikes: int | None = None
) -> TriageInput:
    """Gather a comment's context: strikes, media, campaign and the parent it answers."""
    extra = comment.context
    if author_strikes is None:
        author_strikes = int(extra.get("author_strikes") or comment.author.strikes or 0)
    reply_to = parent.text if parent is not None else extra.get("reply_to")
    context = DecisionContext(
        channel=comment.channel,
        campaign=extra.get("campaign") or None,
        author_strikes=author_strikes,
        has_media=bool(comment.media) or bool(extra.get("has_media")),
        reply_to=str(reply_to) if reply_to else None,
    )
    return TriageInput(comment.text, comment.lang, context)


def _default_language_detector() -> LanguageDetector:
    try:
        module = importlib.import_module("comity.triage.langid")
    except ImportError:  # language id not available: a script-based guess keeps triage usable
        return _script_language
    detect: LanguageDetector = module.detect_language
    return detect


def _script_language(text: str) -> tuple[str, float]:
    if any("\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e" for ch in text):
        return "ko", 0.5
    if any(ch in "äöüßÄÖÜ" for ch in text):
        return "de", 0.5
    return ("en", 0.5) if any(ch.isascii() and ch.isalpha() for ch in text) else ("other", 0.0)


class Triager:
    """Loads the signal model once, then triages comments one by one or in batches."""

    def __init__(
        self,
        signals: SignalSource | None = None,
        *,
        finder: CueFinder | None = None,
        detect_language: LanguageDetector | None = None,
        explain: bool = True,
    ) -> None:
        self.signals = signals
        self.finder = finder or default_finder()
        self.detect_language = detect_language or _default_language_detector()
        self.explain = explain
        meta = signals.metadata if signals is not None else {}
        sha = str(meta.get("sha256") or "")[:8]
        fallback = f"{meta.get('bundle', 'signals')}@{sha}" if sha else str(meta.get("bundle", ""))
        self.model = str(meta.get("version") or meta.get("name") or fallback)
        if signals is None:
            self.model = "lexicon-only"

    @classmethod
    def load(cls, bundle: str = "default", path: Path | None = None, **options: Any) -> Triager:
        """Load the signal model bundle (no network, no pickle) and build a triager around it."""
        signals = importlib.import_module("comity.triage.signals")
        return cls(signals.SignalModel.load(bundle, path), **options)

    def triage(
        self,
        comment: Comment,
        *,
        parent: Comment | None = None,
        author_strikes: int | None = None,
    ) -> Triage:
        """Triage one comment; `author_strikes` overrides what the comment's author carries."""
        return self.triage_inputs([input_for(comment, parent, author_strikes)])[0]

    def triage_many(
        self,
        comments: Sequence[Comment],
        *,
        parents: Sequence[Comment | None] | None = None,
    ) -> list[Triage]:
        """Triage a batch; signals are predicted for the whole batch in one call."""
        parent_list = list(parents) if parents is not None else [None] * len(comments)
        if len(parent_list) != len(comments):
            raise ValueError("parents must be as long as comments")
        pairs = zip(comments, parent_list, strict=True)
        return self.triage_inputs([input_for(c, p) for c, p in pairs])

    def triage_inputs(self, inputs: Sequence[TriageInput]) -> list[Triage]:
        """The batch core shared by comments, the pipeline stage and the CLI."""
        if not inputs:
            return []
        langs = [item.lang or self.detect_language(item.text)[0] for item in inputs]
        norms = [normalize_text(item.text) for item in inputs]
        rows = self._signal_rows(norms, langs)
        results: list[Triage] = []
        pending: list[tuple[int, str]] = []  # (result index, head to explain)
        for item, norm, lang, signals in zip(inputs, norms, langs, rows, strict=True):
            triage, head = decide_deferred(
                item.text, norm, lang, signals, item.context, finder=self.finder, model=self.model
            )
            if head is not None:
                pending.append((len(results), head))
            results.append(triage)
        if pending and self.signals is not None and self.explain:
            # Only the comments whose reason needs the model's n-grams, in one featurisation.
            grams = self.signals.explain_normalized(
                [norms[i] for i, _ in pending], [head for _, head in pending], k=3
            )
            for (i, head), found in zip(pending, grams, strict=True):
                results[i] = with_explanation(results[i], head, found)
        return results

    def _signal_rows(self, norms: list[str], langs: list[str]) -> list[dict[str, float]]:
        if self.signals is None:
            return [{} for _ in norms]
        predicted = self.signals.predict_normalized(norms, langs)
        scores = np.round(np.asarray(predicted, dtype=np.float64), 4)
        names = list(self.signals.names)
        return [dict(zip(names, row, strict=True)) for row in scores.tolist()]
