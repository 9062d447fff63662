"""Metrics on tiny cases whose answers were worked out by hand."""

from __future__ import annotations

import pytest

from comity.triage.evaluation import (
    accuracy,
    confusion,
    evaluate_signal,
    evaluate_taxonomy,
    macro_f1,
    per_label,
    roc_auc,
)


def test_per_label_precision_recall_f1() -> None:
    gold = ["a", "a", "b", "c"]
    pred = ["a", "b", "b", "a"]
    scores = per_label(gold, pred)
    # a: tp 1, predicted 2, gold 2 -> P 0.5 R 0.5 F 0.5
    assert (scores["a"].precision, scores["a"].recall, scores["a"].f1) == (0.5, 0.5, 0.5)
    # b: tp 1, predicted 2, gold 1 -> P 0.5 R 1.0 F 2/3
    assert scores["b"].f1 == pytest.approx(2 / 3)
    # c: never predicted -> all zero, support 1
    assert (scores["c"].f1, scores["c"].support) == (0.0, 1)
    assert macro_f1(scores) == pytest.approx((0.5 + 2 / 3 + 0.0) / 3)


def test_accuracy_and_confusion() -> None:
    assert accuracy(["x", "y", "y"], ["x", "x", "y"]) == pytest.approx(2 / 3)
    matrix = confusion(["x", "y", "y"], ["x", "x", "y"])
    assert matrix.labels == ("x", "y")
    assert matrix.matrix == ((1, 0), (1, 1))


def test_roc_auc_counts_ordered_pairs_and_half_ties() -> None:
    # Positives 0.8, 0.4; negatives 0.6, 0.4: pairs (0.8>0.6) 1, (0.8>0.4) 1, (0.4<0.6) 0,
    # (0.4=0.4) 0.5 -> 2.5 / 4.
    assert roc_auc([1, 0, 1, 0], [0.8, 0.6, 0.4, 0.4]) == pytest.approx(0.625)
    assert roc_auc([0, 1], [0.1, 0.9]) == 1.0
    with pytest.raises(ValueError):
        roc_auc([1, 1], [0.2, 0.3])


def test_signal_report_at_threshold() -> None:
    report = evaluate_signal([1, 1, 0, 0], [0.9, 0.3, 0.7, 0.1])
    # predicted positive: 0.9 (tp), 0.7 (fp); missed 0.3 -> P 0.5, R 0.5
    assert (report.precision, report.recall, report.f1) == (0.5, 0.5, 0.5)
    assert report.confusion.matrix == ((1, 1), (1, 1))
    assert report.roc_auc == pytest.approx(0.75)


def _rec(
    primary: str, action: str, sentiment: str = "neutral", sub: str | None = None
) -> dict[str, str | None]:
    return {"primary": primary, "action": action, "sentiment": sentiment, "legal_sub": sub}


def test_taxonomy_report_scores_actions_exactly_and_by_family() -> None:
    gold = [
        _rec("praise", "thank", "positive"),
        _rec("toxic", "hide"),
        _rec("legal", "remove", sub="legal.ip"),
        _rec("question", "answer"),
    ]
    pred = [
        _rec("praise", "like", "positive"),
        _rec("toxic", "mute"),
        _rec("legal", "remove", sub="legal.threat"),
        _rec("complaint", "help", "negative"),
    ]
    report = evaluate_taxonomy(gold, pred)
    assert report.action_accuracy == 0.25
    assert report.action_family_accuracy == 0.75  # like~thank and hide~mute count
    assert report.sentiment_accuracy == 0.75
    assert report.legal_sub_accuracy == 0.0
    # praise, toxic, legal F1 1; question 0 (missed); complaint 0 (false positive) -> 3/5.
    assert report.primary_macro_f1 == pytest.approx(0.6)
    assert report.to_dict()["primary_confusion"]["labels"][0] == "complaint"
