"""Measure: one multilingual head per signal vs. one head per language (and per corpus).

    python training/compare_multilingual.py [--bundle default] [--heads toxicity]

Same rows, folds, features and calibration as the shipped heads; only the
training set of each fold changes. Prints out-of-fold macro-F1 per corpus.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fit  # noqa: E402
from datasets import load_bundle  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", default="default")
    parser.add_argument("--heads", default="toxicity")
    args = parser.parse_args()
    examples = load_bundle(args.bundle)
    feats = fit.featurize_examples(examples)
    sources = np.array([e.source for e in examples])
    print("| head | corpus | multilingual | per language | per corpus |")
    print("|---|---|---|---|---|")
    for head in args.heads.split(","):
        rows, y = fit.head_rows(examples, head)
        langs, src = feats.langs[rows], sources[rows]
        shared = fit.fit_head(feats, rows, y, multi=False).oof
        per_lang = np.zeros(len(rows))
        for lang in np.unique(langs):
            m = langs == lang
            if len(np.unique(y[m])) == 2:
                per_lang[m] = fit.fit_head(feats, rows[m], y[m], multi=False).oof
        for name in sorted(set(src.tolist())):
            m = src == name
            if name.startswith("authored") or len(np.unique(y[m])) < 2:
                continue
            alone = fit.fit_head(feats, rows[m], y[m], multi=False).oof
            scores = [f1_score(y[m], p[m] >= 0.5, average="macro") for p in (shared, per_lang)]
            scores.append(f1_score(y[m], alone >= 0.5, average="macro"))
            print(f"| {head} | {name} | " + " | ".join(f"{s:.3f}" for s in scores) + " |")


if __name__ == "__main__":
    main()
