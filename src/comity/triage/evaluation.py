"""Metrics for triage: per-label precision/recall/F1, accuracies, confusion matrices, ROC-AUC.

Pure functions over plain sequences so that the CLI, tests and training scripts
score the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from comity.domain import ActionKind, action_family


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class Confusion:
    """Counts by (gold row, predicted column), both in `labels` order."""

    labels: tuple[str, ...]
    matrix: tuple[tuple[int, ...], ...]


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def per_label(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] | None = None
) -> dict[str, PRF]:
    """Precision, recall, F1 and gold support of every label (union of gold and pred)."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    names = list(labels) if labels is not None else sorted(set(gold) | set(pred))
    scores = {}
    for name in names:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == name and p == name)
        n_pred = sum(1 for p in pred if p == name)
        n_gold = sum(1 for g in gold if g == name)
        precision, recall = _ratio(tp, n_pred), _ratio(tp, n_gold)
        f1 = _ratio(2 * precision * recall, precision + recall)
        scores[name] = PRF(precision, recall, f1, n_gold)
    return scores


def macro_f1(scores: Mapping[str, PRF]) -> float:
    """Unweighted mean F1 over labels, so rare categories count as much as common ones."""
    return _ratio(sum(s.f1 for s in scores.values()), len(scores))


def accuracy(gold: Sequence[Any], pred: Sequence[Any]) -> float:
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    return _ratio(sum(1 for g, p in zip(gold, pred, strict=True) if g == p), len(gold))


def confusion(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] | None = None
) -> Confusion:
    names = tuple(labels) if labels is not None else tuple(sorted(set(gold) | set(pred)))
    index = {name: i for i, name in enumerate(names)}
    counts = [[0] * len(names) for _ in names]
    for g, p in zip(gold, pred, strict=True):
        counts[index[g]][index[p]] += 1
    return Confusion(names, tuple(tuple(row) for row in counts))


def roc_auc(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Area under the ROC curve as the Mann-Whitney U statistic (ties count one half)."""
    y = np.asarray(labels, dtype=np.int64)
    s = np.asarray(scores, dtype=np.float64)
    n_pos = int(y.sum())
    n_neg = len(y) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("ROC-AUC needs both positive and negative examples")
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s), dtype=np.float64)
    sorted_scores = s[order]
    # Average ranks over tied scores.
    start = 0
    while start < len(s):
        end = start
        while end + 1 < len(s) and sorted_scores[end + 1] == sorted_scores[start]:
            end += 1
        ranks[order[start : end + 1]] = (start + end) / 2 + 1
        start = end + 1
    u = ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2
    return float(u / (n_pos * n_neg))


@dataclass(frozen=True, slots=True)
class SignalReport:
    threshold: float
    precision: float
    recall: float
    f1: float
    roc_auc: float | None
    confusion: Confusion
    n: int


def evaluate_signal(
    labels: Sequence[int], scores: Sequence[float], threshold: float = 0.5
) -> SignalReport:
    """Binary scores of one signal head against 0/1 labels."""
    pred = ["1" if score >= threshold else "0" for score in scores]
    gold = [str(int(label)) for label in labels]
    prf = per_label(gold, pred, ["0", "1"])["1"]
    try:
        auc: float | None = roc_auc(labels, scores)
    except ValueError:
        auc = None
    matrix = confusion(gold, pred, ["0", "1"])
    return SignalReport(threshold, prf.precision, prf.recall, prf.f1, auc, matrix, len(gold))


@dataclass(frozen=True, slots=True)
class TaxonomyReport:
    n: int
    primary: dict[str, PRF]
    primary_macro_f1: float
    primary_confusion: Confusion
    sentiment_accuracy: float
    legal_sub_accuracy: float | None
    action_accuracy: float
    action_family_accuracy: float
    actions: dict[str, PRF]
    action_confusion: Confusion
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("primary_confusion", "action_confusion"):
            data[key] = {"labels": list(data[key]["labels"]), "matrix": data[key]["matrix"]}
        return data


def evaluate_taxonomy(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]
) -> TaxonomyReport:
    """Score predictions against records in the TAXONOMY.md evaluation format (same order)."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    g_primary = [str(r["primary"]) for r in gold]
    p_primary = [str(r["primary"]) for r in pred]
    primary = per_label(g_primary, p_primary)
    g_action = [str(r["action"]) for r in gold]
    p_action = [str(r["action"]) for r in pred]
    pairs = zip(gold, pred, strict=True)
    legal = [(g.get("legal_sub"), p.get("legal_sub")) for g, p in pairs if g["primary"] == "legal"]
    return TaxonomyReport(
        n=len(gold),
        primary=primary,
        primary_macro_f1=macro_f1(primary),
        primary_confusion=confusion(g_primary, p_primary),
        sentiment_accuracy=accuracy([g["sentiment"] for g in gold], [p["sentiment"] for p in pred]),
        legal_sub_accuracy=accuracy(*zip(*legal, strict=True)) if legal else None,
        action_accuracy=accuracy(g_action, p_action),
        action_family_accuracy=accuracy(
            [action_family(ActionKind(a)) for a in g_action],
            [action_family(ActionKind(a)) for a in p_action],
        ),
        actions=per_label(g_action, p_action),
        action_confusion=confusion(g_action, p_action),
    )
