"""The triage facade: language, signals and the category decision for comments in batches."""

from __future__ import annotations

import importlib
import logging
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from comity.domain import Comment, Triage
from comity.triage.decide import DecisionContext, decide_deferred, with_explanation
from comity.triage.lexicons import CueFinder, default_finder
from comity.triage.lexicons.profile import BrandReader, compile_profile, read_with_replies
from comity.triage.normalize import normalize_text

LanguageDetector = Callable[[str], tuple[str, float]]
log = logging.getLogger(__name__)


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


@dataclass(frozen=True, slots=True)
class BundleInfo:
    """Which signal weights a triager uses, for page headers, JSON output and the model card.

    ``license_class`` is "commercial" (trained only on data whose license allows
    commercial use), "research" (adds non-commercial or unclear data: not for
    commercial use) or "none" (lexicons only). ``label`` is a short text to show.
    """

    name: str
    license_class: str
    label: str
    version: str
    tuned: bool = False

    @property
    def research(self) -> bool:
        return self.license_class == "research"

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "license_class": self.license_class,
            "label": self.label,
            "version": self.version,
            "tuned": self.tuned,
        }


def bundle_info_of(metadata: Mapping[str, Any] | None, version: str) -> BundleInfo:
    """Describe a bundle from its signals.json metadata (None: no model loaded)."""
    if metadata is None:
        return BundleInfo("lexicon-only", "none", "Lexicons and rules only (no model)", version)
    name = str(metadata.get("base_bundle") or metadata.get("bundle") or "default")
    license_class = str(metadata.get("license_class") or "research")  # unknown: the stricter
    tuned = bool(metadata.get("tuned_from"))
    if license_class == "commercial":
        label = "Default model: trained on commercially licensed data only"
    else:
        label = "RESEARCH model: includes non-commercial data, not for commercial use"
    if tuned:
        label += f"; fine-tuned on this community's decisions ({version})"
    return BundleInfo(name, license_class, label, version, tuned)


class Triager:
    """Loads the signal model once, then triages comments one by one or in batches.

    `watch` makes it follow fine-tuned weights activated in a model registry (a cheap
    modification-time check at most every `interval` seconds, before a batch).
    """

    def __init__(
        self,
        signals: SignalSource | None = None,
        *,
        finder: CueFinder | None = None,
        detect_language: LanguageDetector | None = None,
        explain: bool = True,
    ) -> None:
        self.finder = finder or default_finder()
        self.detect_language = detect_language or _default_language_detector()
        self.explain = explain
        self._use(signals)
        self._bundle = "default"
        self._registry: Any = None
        self._stamp: float | None = None
        self._checked = 0.0
        self._interval = 1.0
        self._profile: Path | None = None
        self._read_profile: BrandReader = read_with_replies
        self._profile_stamp: float | None = None
        self._profile_checked = 0.0

    def follow_profile(self, path: Path, read: BrandReader | None = None) -> None:
        """Take brand names, campaign cues and the fact sheet from the brand profile at
        `path`, re-read when the file changes (an admin edits it in the UI).

        `read` is the profile's one parser (`comity.replies.profile.read_brand_data`),
        passed by the composition root; without it that parser is imported on call.
        """
        self._profile, self._profile_stamp = path, None
        self._read_profile = read or read_with_replies
        self._refresh_profile(force=True)

    def _refresh_profile(self, *, force: bool = False) -> None:
        path = self._profile
        now = time.monotonic()
        if path is None or (not force and now - self._profile_checked < self._interval):
            return
        self._profile_checked = now
        try:
            stamp = path.stat().st_mtime_ns / 1e9
        except OSError as error:
            log.warning("keeping the current brand profile: %s", error)
            return
        if stamp == self._profile_stamp:
            return
        self._profile_stamp = stamp
        try:
            self.finder = CueFinder(compile_profile(self._read_profile(path)))
        except (OSError, ValueError, re.error) as error:  # ProfileError is a ValueError
            log.warning("keeping the current brand profile, %s is unusable: %s", path, error)

    def _use(self, signals: SignalSource | None) -> None:
        meta = signals.metadata if signals is not None else {}
        sha = str(meta.get("sha256") or "")[:8]
        fallback = f"{meta.get('bundle', 'signals')}@{sha}" if sha else str(meta.get("bundle", ""))
        model = str(meta.get("version") or meta.get("name") or fallback)
        if signals is None:
            model = "lexicon-only"
        # Readers take self.signals once per batch, so a swap never mixes two models.
        self.signals, self.model = signals, model
        self.bundle_info = bundle_info_of(meta if signals is not None else None, model)

    @classmethod
    def load(cls, bundle: str = "default", path: Path | None = None, **options: Any) -> Triager:
        """Load the signal model bundle (no network, no pickle) and build a triager around it."""
        signals = importlib.import_module("comity.triage.signals")
        triager = cls(signals.SignalModel.load(bundle, path), **options)
        triager._bundle = bundle
        triager.warm_up()
        return triager

    def warm_up(self) -> None:
        """Run the lazily loaded parts once (language model, caches, explanations), so
        the first real comment does not pay ~10 ms for them."""
        warm = (
            "배송이 너무 늦어요 ㅅㅂ",
            "thanks, love it!",
            "Danke, sehr lecker",
            "@x 010-1234-5678",
        )
        self.triage_inputs([TriageInput(text) for text in warm])
        if self.signals is not None:
            self.signals.explain_normalized([normalize_text(warm[1])], ["praise"])

    def watch(self, registry: Any, interval: float = 1.0) -> None:
        """Follow `registry`'s active version (a `comity.triage.registry.ModelRegistry`)."""
        self._registry, self._interval, self._stamp = registry, interval, None
        self._checked = 0.0
        self.refresh(force=True)

    def refresh(self, *, force: bool = False) -> bool:
        """Load the registry's active weights if they changed; True when the model changed.

        A version that fails to load (deleted, corrupted) is logged by the caller's
        logger via the exception text and the current model stays in use.
        """
        registry = self._registry
        if registry is None:
            return False
        now = time.monotonic()
        if not force and now - self._checked < self._interval:
            return False
        self._checked = now
        stamp = registry.stamp()
        if not force and stamp == self._stamp:
            return False
        self._stamp = stamp
        module = importlib.import_module("comity.triage.signals")
        path = registry.active_path()
        if path is None and not self.bundle_info.tuned and self.signals is not None:
            return False  # the shipped bundle, already loaded
        try:
            model = module.SignalModel.load(self._bundle, path)
        except (OSError, ValueError, KeyError, RuntimeError) as error:
            log.warning("keeping the current signal model: %s", error)
            return False
        if model.metadata.get("sha256") == (
            self.signals.metadata.get("sha256") if self.signals else None
        ):
            return False
        self._use(model)
        log.info("signal model now %s", self.model)
        return True

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
        if self._registry is not None:
            self.refresh()
        if self._profile is not None:
            self._refresh_profile()
        signal_model, model_name = self.signals, self.model  # one model for the whole batch
        langs = [item.lang or self.detect_language(item.text)[0] for item in inputs]
        norms = [normalize_text(item.text) for item in inputs]
        rows = _signal_rows(signal_model, norms, langs)
        results: list[Triage] = []
        pending: list[tuple[int, str]] = []  # (result index, head to explain)
        for item, norm, lang, signals in zip(inputs, norms, langs, rows, strict=True):
            triage, head = decide_deferred(
                item.text, norm, lang, signals, item.context, finder=self.finder, model=model_name
            )
            if head is not None:
                pending.append((len(results), head))
            results.append(triage)
        if pending and signal_model is not None and self.explain:
            # Only the comments whose reason needs the model's n-grams, in one featurisation.
            grams = signal_model.explain_normalized(
                [norms[i] for i, _ in pending], [head for _, head in pending], k=3
            )
            for (i, head), found in zip(pending, grams, strict=True):
                results[i] = with_explanation(results[i], head, found)
        return results


def _signal_rows(
    model: SignalSource | None, norms: list[str], langs: list[str]
) -> list[dict[str, float]]:
    if model is None:
        return [{} for _ in norms]
    predicted = model.predict_normalized(norms, langs)
    scores = np.round(np.asarray(predicted, dtype=np.float64), 4)
    names = list(model.names)
    return [dict(zip(names, row, strict=True)) for row in scores.tolist()]
