"""Fine-tune the signal heads on a community's own moderation decisions (numpy only).

A decision says what a comment is (its primary category, from a moderator's label or
action; see `comity.store.decisions`). `CATEGORY_TARGETS` turns that into targets for
the heads it clearly implies (a comment relabelled "praise" is praise and not toxic;
one hidden as toxic is toxic). Each head with targets is then refit from its current
weights by minimising

    mean log-loss on the decisions + (l2 / 2) * ||w - w_current||^2

with accelerated gradient descent. The penalty pulls toward the shipped (or currently
active) weights rather than toward zero, so a few hundred decisions adjust the model to
local norms without erasing what it learnt from the corpora. The language offsets are
kept. Probabilities are not recalibrated: check them with the before/after evaluation
that `comity train` prints.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from comity.triage.features import featurize, prepare
from comity.triage.signals import SENTIMENT_NAMES, SignalModel

F64 = npt.NDArray[np.float64]

# What each category implies for the binary heads (1 = yes, 0 = no); unlisted heads
# are left alone. Sentiment targets come from CATEGORY_SENTIMENT.
CATEGORY_TARGETS: dict[str, dict[str, int]] = {
    "toxic": {"toxicity": 1, "insult": 1, "spam": 0, "praise": 0},
    "troll": {"toxicity": 1, "spam": 0, "praise": 0},
    "spam": {"spam": 1},
    "praise": {"praise": 1, "toxicity": 0, "insult": 0, "spam": 0, "complaint": 0},
    "complaint": {"complaint": 1, "praise": 0, "spam": 0},
    "question": {"question": 1, "spam": 0},
    "feedback": {"feedback": 1, "spam": 0},
    "misinformation": {"fact_claim": 1, "spam": 0},
    "creative_critique": {"humour": 1, "toxicity": 0},
    "fan_content": {"toxicity": 0, "spam": 0},
    "campaign": {"spam": 0},
    "neutral": {"toxicity": 0, "insult": 0, "spam": 0, "complaint": 0},
    "legal": {},
}
LEGAL_TARGETS: dict[str, dict[str, int]] = {
    "legal.threat": {"threat": 1, "toxicity": 1},
    "legal.hate": {"identity_attack": 1, "toxicity": 1},
    "legal.obscene": {"sexually_explicit": 1},
}
CATEGORY_SENTIMENT: dict[str, str] = {"praise": "positive", "complaint": "negative"}
SENTIMENT_CLASSES = ("positive", "neutral", "negative")  # SENTIMENT_NAMES order


@dataclass(frozen=True, slots=True)
class Example:
    """One decided comment and the head targets it implies."""

    text: str
    lang: str
    targets: Mapping[str, int]
    sentiment: str | None = None


@dataclass
class TuneReport:
    heads: dict[str, int] = field(default_factory=dict)  # head -> examples used
    loss_before: dict[str, float] = field(default_factory=dict)
    loss_after: dict[str, float] = field(default_factory=dict)


def targets_for(record: Mapping[str, Any]) -> Example | None:
    """The training example of one decision record, or None when it implies nothing."""
    text = record.get("text")
    primary = str(record.get("primary") or "")
    if not isinstance(text, str) or not text.strip() or primary not in CATEGORY_TARGETS:
        return None
    targets = dict(CATEGORY_TARGETS[primary])
    if primary == "legal":
        targets.update(LEGAL_TARGETS.get(str(record.get("legal_sub") or ""), {}))
    explicit = record.get("targets")
    if isinstance(explicit, Mapping):  # a record may state head targets itself
        targets.update({str(k): int(bool(v)) for k, v in explicit.items()})
    sentiment = record.get("sentiment") or CATEGORY_SENTIMENT.get(primary)
    sentiment = str(sentiment) if sentiment in SENTIMENT_CLASSES else None
    if not targets and sentiment is None:
        return None
    return Example(text, str(record.get("lang") or "en"), targets, sentiment)


class _Design:
    """The sparse design matrix of the examples, on the buckets they touch only."""

    def __init__(self, model: SignalModel, texts: Sequence[str]) -> None:
        batch = featurize(prepare(texts), bits=model._bits, normalized=True)
        self.n = batch.n_docs
        self.rows = np.repeat(np.arange(batch.n_docs), np.diff(batch.indptr))
        self.values = batch.scale[self.rows].astype(np.float64)
        self.buckets, cols = np.unique(batch.indices, return_inverse=True)
        self.cols = cols.astype(np.int64).reshape(-1)

    def scores(self, delta: F64) -> F64:
        """X @ delta for a (touched buckets, k) delta."""
        out = np.zeros((self.n, delta.shape[1]))
        np.add.at(out, self.rows, self.values[:, None] * delta[self.cols])
        return out

    def xt(self, residual: F64) -> F64:
        """X.T @ residual on the touched buckets."""
        out = np.zeros((len(self.buckets), residual.shape[1]))
        np.add.at(out, self.cols, self.values[:, None] * residual[self.rows])
        return out


def _nesterov(grad: Callable[[F64], F64], x0: F64, lipschitz: float, steps: int) -> F64:
    """Accelerated gradient descent for a smooth convex objective."""
    x, y, t = x0.copy(), x0.copy(), 1.0
    step = 1.0 / lipschitz
    for _ in range(steps):
        x_next = y - step * grad(y)
        t_next = (1.0 + (1.0 + 4.0 * t * t) ** 0.5) / 2.0
        y = x_next + ((t - 1.0) / t_next) * (x_next - x)
        x, t = x_next, t_next
    return x


def _sigmoid(z: F64) -> F64:
    result: F64 = 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))
    return result


def _softmax(z: F64) -> F64:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    result: F64 = e / e.sum(axis=1, keepdims=True)
    return result


def finetune(
    model: SignalModel,
    examples: Sequence[Example],
    *,
    l2: float = 1e-3,
    steps: int = 300,
) -> tuple[npt.NDArray[np.float32], TuneReport]:
    """New weights (the model's shape without its padding row) and what changed."""
    weights = model._weights[:-1].astype(np.float64)
    report = TuneReport()
    if not examples:
        return weights.astype(np.float32), report
    design = _Design(model, [e.text for e in examples])
    n = len(examples)
    offsets = design.scores(weights[design.buckets]) + model._bias([e.lang for e in examples])
    # Mean log-loss has curvature at most 1/4 (softmax: 1/2) per unit row norm; rows
    # have norm 1 by construction of the features.
    for head in model.names:
        if head in SENTIMENT_NAMES:
            continue
        labelled = [(i, e.targets[head]) for i, e in enumerate(examples) if head in e.targets]
        if not labelled:
            continue
        col = model.names.index(head)
        mask, target = np.zeros(n), np.zeros(n)
        for i, value in labelled:
            mask[i], target[i] = 1.0, float(value)
        offset = offsets[:, col]
        weight = mask / mask.sum()

        def grad(
            delta: F64, offset: F64 = offset, target: F64 = target, weight: F64 = weight
        ) -> F64:
            p = _sigmoid(offset + design.scores(delta)[:, 0])
            result: F64 = design.xt(((p - target) * weight)[:, None]) + l2 * delta
            return result

        delta = _nesterov(grad, np.zeros((len(design.buckets), 1)), 0.25 + l2, steps)
        report.loss_before[head] = _logloss(offset, target, weight)
        report.loss_after[head] = _logloss(offset + design.scores(delta)[:, 0], target, weight)
        weights[design.buckets, col] += delta[:, 0]
        report.heads[head] = len(labelled)
    sentiment = [(i, SENTIMENT_CLASSES.index(e.sentiment)) for i, e in enumerate(examples)
                 if e.sentiment is not None]  # fmt: skip
    if sentiment:
        cols = [model.names.index(name) for name in SENTIMENT_NAMES]
        onehot, weight = np.zeros((n, 3)), np.zeros(n)
        for i, c in sentiment:
            onehot[i, c], weight[i] = 1.0, 1.0 / len(sentiment)
        offset3 = offsets[:, cols]

        def grad3(delta: F64) -> F64:
            residual = (_softmax(offset3 + design.scores(delta)) - onehot) * weight[:, None]
            result: F64 = design.xt(residual) + l2 * delta
            return result

        delta3 = _nesterov(grad3, np.zeros((len(design.buckets), 3)), 0.5 + l2, steps)
        report.loss_before["sentiment"] = _crossentropy(offset3, onehot, weight)
        report.loss_after["sentiment"] = _crossentropy(
            offset3 + design.scores(delta3), onehot, weight
        )
        weights[np.ix_(design.buckets, np.array(cols, dtype=np.int64))] += delta3
        report.heads["sentiment"] = len(sentiment)
    return weights.astype(np.float32), report


def _logloss(logits: F64, target: F64, weight: F64) -> float:
    p = _sigmoid(logits)
    losses = -(target * np.log(p + 1e-12) + (1.0 - target) * np.log(1.0 - p + 1e-12))
    return float((losses * weight).sum())


def _crossentropy(logits: F64, onehot: F64, weight: F64) -> float:
    return float(-((np.log(_softmax(logits) + 1e-12) * onehot).sum(axis=1) * weight).sum())
