"""Metrics of the signal heads per corpus, and the comparison with published numbers.

``evaluate`` scores out-of-fold predictions (5-fold CV over the shared/ train
files; for TweetEval and UMSAB the rows of their official validation split) per
corpus and head. ``python training/evaluate_signals.py`` renders the metrics
stored in the shipped bundles as the markdown tables of docs/model-card.md.

Published reference numbers are on the held-out test splits, which we never
touch; ours are cross-validated on training data, so a comparison is a sanity
check of the order of magnitude, not a benchmark result.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.metrics import accuracy_score, f1_score, recall_score, roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets import Example  # noqa: E402

MODELS = Path(__file__).resolve().parents[1] / "src/comity/triage/models"

# (corpus, our metric key, floor = SOURCE.md TF-IDF+LR on holdout, best published
# non-transformer or "-", note). Keys are "<source>/<head>/<metric>".
COMPARISONS: list[tuple[str, str, str, str, str]] = [
    (
        "kocohub-beep",
        "kocohub-beep/toxicity/macro_f1",
        "0.568 (3-way hate)",
        "0.618 acc (GloVe+DenseNet-CNN, 3-way)",
        "ours: hate+offensive vs none",
    ),
    ("kmhas", "kmhas/toxicity/macro_f1", "0.801", "-", "binary hate vs not"),
    ("curse-detection", "curse-detection/toxicity/macro_f1", "0.792", "-", "binary"),
    ("kote", "kote/complaint/f1_pos", "0.391 (44-label macro)", "-", "불평/불만 only"),
    ("kote", "kote/praise/f1_pos", "0.391 (44-label macro)", "-", "고마움|감동/감탄|존경"),
    (
        "3i4k",
        "3i4k/question/macro_f1",
        "0.803 (7-way macro)",
        "0.888 acc (char BiLSTM, 7-way)",
        "question+rhetorical vs rest",
    ),
    ("nsmc-derived", "nsmc-derived/sentiment/macro_f1", "0.602", "-", "3-way from stars"),
    (
        "nsmc-derived",
        "nsmc-derived/sentiment/binary_accuracy",
        "0.852",
        "0.882 (GloVe+DenseNet-CNN, official NSMC split)",
        "1-4 vs 9-10 stars",
    ),
    ("youtube-spam", "youtube-spam/spam/macro_f1", "0.951", "-", ""),
    (
        "germeval2018",
        "germeval2018/toxicity/macro_f1",
        "0.696",
        "0.755 (RuG ensemble, own val)",
        "task 1 OFFENSE/OTHER",
    ),
    ("germeval2018", "germeval2018/identity_attack/f1_pos", "-", "-", "ABUSE vs rest"),
    ("germeval2018", "germeval2018/insult/f1_pos", "-", "-", "INSULT vs OTHER/PROFANITY"),
    ("unsmile", "unsmile/toxicity/macro_f1", "0.690 (10-label micro)", "-", "not clean"),
    ("unsmile", "unsmile/identity_attack/macro_f1", "0.714 (10-label macro)", "-", "any group"),
    (
        "tweeteval offensive",
        "tweeteval-offensive-val/toxicity/macro_f1",
        "0.730",
        "0.734 (FastText)",
        "val split",
    ),
    (
        "tweeteval hate",
        "tweeteval-hate-val/identity_attack/macro_f1",
        "0.415",
        "0.526 (LSTM)",
        "val split",
    ),
    (
        "tweeteval sentiment",
        "tweeteval-sentiment-val/sentiment/macro_recall",
        "0.518",
        "0.629 (FastText, full train)",
        "val split, macro recall",
    ),
    ("olid", "olid/toxicity/macro_f1", "0.727", "0.80 (CNN)", "level A"),
    (
        "davidson",
        "davidson/identity_attack/f1_pos",
        "0.434 (hate-class F1)",
        "0.44 P / 0.61 R (LR, paper)",
        "hate vs rest",
    ),
    ("complaints", "complaints/complaint/macro_f1", "0.862", "0.79 F1 (paper, CV)", ""),
    ("germeval2017", "germeval2017/sentiment/accuracy", "0.731 (micro-F1)", "-", "B sentiment"),
    ("germeval2021", "germeval2021/toxicity/macro_f1", "0.594", "0.668 (DSK LR/SVM ensemble)", ""),
    (
        "germeval2021",
        "germeval2021/fact_claim/macro_f1",
        "0.704",
        "0.725 (DSK LR/SVM ensemble)",
        "",
    ),
    ("flausch2025", "flausch2025/praise/f1_pos", "0.842", "-", "candy speech yes"),
    ("hasoc2019 de", "hasoc2019-de/toxicity/macro_f1", "0.554", "-", "task 1 HOF/NOT"),
    ("hasoc2019 en", "hasoc2019-en/toxicity/macro_f1", "0.647", "-", "task 1 HOF/NOT"),
    ("umsab de", "umsab-de-val/sentiment/macro_f1", "0.650", "0.596 (FastText)", "val split"),
    ("umsab en", "umsab-en-val/sentiment/macro_f1", "0.520", "0.509 (FastText)", "val split"),
]


def _binary(y: npt.NDArray[np.int64], p: npt.NDArray[np.float64]) -> dict[str, float]:
    pred = (p >= 0.5).astype(np.int64)
    return {
        "n": float(len(y)),
        "positives": float(y.sum()),
        "macro_f1": float(f1_score(y, pred, average="macro", zero_division=0)),
        "f1_pos": float(f1_score(y, pred, zero_division=0)),
        "accuracy": float(accuracy_score(y, pred)),
        "auc": float(roc_auc_score(y, p)),
    }


def _sentiment(y: npt.NDArray[np.int64], p: npt.NDArray[np.float64]) -> dict[str, float]:
    pred = p.argmax(axis=1)
    out = {
        "n": float(len(y)),
        "macro_f1": float(f1_score(y, pred, average="macro", zero_division=0)),
        "accuracy": float(accuracy_score(y, pred)),
        "macro_recall": float(recall_score(y, pred, average="macro", zero_division=0)),
    }
    polar = y != 1
    if polar.any():  # NSMC-style: negative vs positive, neutral rows dropped
        out["binary_accuracy"] = float(accuracy_score(y[polar], (p[polar, 2] > p[polar, 0]) * 2))
    return out


def evaluate(examples: list[Example], fits: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Out-of-fold metrics keyed "<source>/<head>" (sources split by language where mixed)."""
    sources = np.array([e.source for e in examples])
    metrics: dict[str, dict[str, float]] = {}
    for head, fit in fits.items():
        src = sources[fit.rows]
        for name in sorted(set(src.tolist())):
            m = src == name
            y = fit.labels[m]
            if len(np.unique(y)) < 2:
                continue
            if head == "sentiment":
                metrics[f"{name}/{head}"] = _sentiment(y, fit.oof[m])
            else:
                metrics[f"{name}/{head}"] = _binary(y, fit.oof[m])
    return metrics


def reliability(fits: dict[str, Any], bins: int = 10) -> dict[str, dict[str, Any]]:
    """Pooled out-of-fold reliability per head: bins of predicted p vs observed rate, ECE."""
    out: dict[str, dict[str, Any]] = {}
    for head, fit in fits.items():
        classes = range(3) if head == "sentiment" else [1]
        for cls in classes:
            p = fit.oof[:, cls] if head == "sentiment" else fit.oof
            y = (fit.labels == cls).astype(np.float64)
            name = (
                head
                if head != "sentiment"
                else f"sentiment_{('negative', 'neutral', 'positive')[cls]}"
            )
            edges = np.minimum((p * bins).astype(np.int64), bins - 1)
            table, ece = [], 0.0
            for b in range(bins):
                m = edges == b
                if not m.any():
                    continue
                conf, acc = float(p[m].mean()), float(y[m].mean())
                ece += m.sum() / len(p) * abs(conf - acc)
                table.append(
                    [b / bins, (b + 1) / bins, int(m.sum()), round(conf, 3), round(acc, 3)]
                )
            out[name] = {"ece": round(ece, 4), "bins": table}
    return out


def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


def render(bundles: dict[str, dict[str, Any]]) -> str:
    """Markdown: the comparison table, then all per-corpus metrics, then calibration."""
    names = list(bundles)
    lines = [
        "| corpus | our metric | "
        + " | ".join(names)
        + " | TF-IDF+LR floor (holdout) | best non-transformer | note |",
        "|---|---|" + "---|" * len(names) + "---|---|---|",
    ]
    for corpus, key, floor, best, note in COMPARISONS:
        source, head, metric = key.split("/")
        vals = [bundles[b]["metrics"].get(f"{source}/{head}", {}).get(metric) for b in names]
        if all(v is None for v in vals):
            continue
        lines.append(
            f"| {corpus} | {head} {metric} | "
            + " | ".join(_fmt(v) for v in vals)
            + f" | {floor} | {best} | {note} |"
        )
    lines += ["", "All out-of-fold metrics (threshold 0.5 / argmax):", ""]
    rows: dict[str, dict[str, dict[str, float]]] = defaultdict(dict)
    for b in names:
        for key, m in bundles[b]["metrics"].items():
            rows[key][b] = m
    lines += [
        "| source/head | bundle | n | macro-F1 | F1 pos | acc | AUC |",
        "|---|---|---|---|---|---|---|",
    ]
    for key in sorted(rows):
        for b, m in rows[key].items():
            lines.append(
                f"| {key} | {b} | {int(m['n'])} | {_fmt(m.get('macro_f1'))} | "
                f"{_fmt(m.get('f1_pos'))} | {_fmt(m.get('accuracy'))} | {_fmt(m.get('auc'))} |"
            )
    return "\n".join(lines)


def render_calibration(bundles: dict[str, dict[str, Any]], detail: tuple[str, ...]) -> str:
    """Markdown: expected calibration error per head, then reliability tables for ``detail``."""
    names = list(bundles)
    heads = list(next(iter(bundles.values()))["reliability"])
    lines = [
        "| head | " + " | ".join(f"ECE {b}" for b in names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for head in heads:
        eces = [bundles[b]["reliability"].get(head, {}).get("ece") for b in names]
        lines.append(f"| {head} | " + " | ".join(_fmt(e) for e in eces) + " |")
    for head in detail:
        for b in names:
            rel = bundles[b]["reliability"].get(head)
            if rel is None:
                continue
            lines += [
                "",
                f"Reliability of `{head}` ({b} bundle, pooled out-of-fold):",
                "",
                "| predicted p | n | mean predicted | observed rate |",
                "|---|---|---|---|",
            ]
            for lo, hi, n, conf, acc in rel["bins"]:
                lines.append(f"| {lo:.1f}-{hi:.1f} | {n} | {conf:.3f} | {acc:.3f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=Path, default=MODELS)
    args = parser.parse_args()
    bundles = {}
    for bundle in ("default", "research"):
        meta = args.models / bundle / "signals.json"
        if meta.exists():
            bundles[bundle] = json.loads(meta.read_text(encoding="utf-8"))
    print(render(bundles))
    print()
    print(render_calibration(bundles, ("toxicity", "spam", "question", "sentiment_negative")))


if __name__ == "__main__":
    main()
