"""Calibrated signal probabilities (toxicity, spam, sentiment, intent …) from linear heads.

A bundle is ``signals.npz`` (float16 weights per head and per-language offsets;
no pickled objects) plus ``signals.json`` (names, training data, metrics,
SHA-256 of the npz). Calibration was folded into the weights at training time,
so a probability is just a sigmoid (or, for the sentiment triple, a softmax) of a
sparse dot product. See docs/model-card.md.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from comity.triage.features import MAX_CHARS, N_KINDS, Batch, featurize, linear_scores, prepare

MODELS_DIR = Path(__file__).resolve().parent / "models"
WEIGHTS_FILE = "signals.npz"
META_FILE = "signals.json"
FORMAT_VERSION = 1
SENTIMENT_NAMES = ("sentiment_positive", "sentiment_neutral", "sentiment_negative")

F32 = npt.NDArray[np.float32]


class ModelIntegrityError(RuntimeError):
    """The weights on disk are not the ones the metadata describes."""


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class SignalModel:
    """Linear heads over hashed n-grams; ``predict`` returns probabilities in ``names`` order."""

    def __init__(self, weights: F32, lang_bias: F32, metadata: dict[str, Any]) -> None:
        self.metadata = metadata
        self.names: tuple[str, ...] = tuple(metadata["names"])
        self.langs: tuple[str, ...] = tuple(metadata["langs"])
        self._bits = int(metadata["features"]["bits"])
        # One zero row appended: linear_scores pads with it.
        self._weights = np.vstack([weights, np.zeros((1, weights.shape[1]), np.float32)])
        self._lang_bias = lang_bias
        self._lang_index = {lang: i for i, lang in enumerate(self.langs)}
        self._unknown_bias = lang_bias.mean(axis=0)
        self._sent = np.array([self.names.index(n) for n in SENTIMENT_NAMES], dtype=np.int64)
        self._binary = np.array(
            [i for i, n in enumerate(self.names) if n not in SENTIMENT_NAMES], dtype=np.int64
        )

    @classmethod
    def load(cls, bundle: str = "default", path: Path | None = None) -> SignalModel:
        """Load a bundle shipped with Comity, or the bundle directory at ``path``."""
        folder = Path(path) if path is not None else MODELS_DIR / bundle
        meta_path, npz_path = folder / META_FILE, folder / WEIGHTS_FILE
        if not meta_path.is_file() or not npz_path.is_file():
            raise FileNotFoundError(
                f"signal bundle {bundle!r} not found in {folder} "
                f"(expected {META_FILE} and {WEIGHTS_FILE}; run training/build_models.py)"
            )
        metadata: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
        if metadata.get("format") != FORMAT_VERSION:
            raise ModelIntegrityError(
                f"{meta_path}: format {metadata.get('format')!r}, expected {FORMAT_VERSION}"
            )
        actual = _sha256(npz_path)
        if actual != metadata.get("sha256"):
            raise ModelIntegrityError(
                f"{npz_path}: SHA-256 {actual} does not match {metadata.get('sha256')} recorded "
                f"in {META_FILE}; the weights were changed or corrupted - rebuild or re-copy "
                "the bundle"
            )
        with np.load(npz_path, allow_pickle=False) as npz:
            weights = npz["weights"].astype(np.float32)
            lang_bias = npz["lang_bias"].astype(np.float32)
        return cls(weights, lang_bias, metadata)

    def _bias(self, langs: Sequence[str]) -> F32:
        rows = [self._lang_index.get(lang.lower()[:2], -1) for lang in langs]
        known = np.asarray(rows, dtype=np.int64)
        bias = self._lang_bias[np.maximum(known, 0)].copy()
        bias[known < 0] = self._unknown_bias
        return bias

    def _probabilities(self, logits: F32) -> F32:
        out = np.empty_like(logits)
        b = logits[:, self._binary]
        out[:, self._binary] = 1.0 / (1.0 + np.exp(-np.clip(b, -30.0, 30.0)))
        s = logits[:, self._sent]
        e = np.exp(s - s.max(axis=1, keepdims=True))
        out[:, self._sent] = e / e.sum(axis=1, keepdims=True)
        return out

    def predict(self, texts: Sequence[str], langs: Sequence[str]) -> F32:
        """Probabilities, shape ``(len(texts), len(names))``; ``langs`` are ISO 639-1 codes."""
        return self.predict_normalized(prepare(texts), langs)

    def predict_normalized(self, docs: Sequence[str], langs: Sequence[str]) -> F32:
        """`predict` for texts already through `normalize_text` (the triager normalises once)."""
        if len(docs) != len(langs):
            raise ValueError(f"{len(docs)} texts but {len(langs)} languages")
        batch = featurize([doc[:MAX_CHARS] for doc in docs], bits=self._bits, normalized=True)
        logits = linear_scores(batch, self._weights) + self._bias(langs)
        return self._probabilities(logits.astype(np.float32))

    def predict_one(self, text: str, lang: str) -> dict[str, float]:
        """One comment's probabilities by head name."""
        row = self.predict([text], [lang])[0]
        return {name: float(p) for name, p in zip(self.names, row, strict=True)}

    def explain(self, text: str, lang: str, head: str, k: int = 3) -> list[tuple[str, float]]:
        """The words and word pairs that push ``head`` up most, with their logit contributions.

        ``lang`` is accepted for symmetry with ``predict``: it shifts the score by a
        constant and never changes which words contribute.
        """
        if head not in self.names:
            raise KeyError(f"unknown head {head!r}; known: {', '.join(self.names)}")
        column = self._column_weights(head)
        batch = featurize(prepare([text]), bits=self._bits, normalized=True, spans=True)
        contrib = column[batch.indices] * batch.scale[0]
        totals: dict[str, float] = {}
        for key, value in zip(_feature_words(batch), contrib.tolist(), strict=True):
            totals[key] = totals.get(key, 0.0) + value
        ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(word, round(value, 3)) for word, value in ranked[:k] if value > 0]

    def _column_weights(self, head: str) -> F32:
        weights = self._weights[:-1]
        col = self.names.index(head)
        if head in SENTIMENT_NAMES:
            # A softmax class is pushed up by what raises it relative to the other two.
            result: F32 = weights[:, col] - weights[:, self._sent].mean(axis=1)
            return result
        column: F32 = weights[:, col]
        return column


def _feature_words(batch: Batch) -> list[str]:
    """Map each feature of a one-comment batch to the word (or word pair) it belongs to."""
    text = batch.text
    words: list[tuple[int, int]] = []
    start = None
    for i, ch in enumerate(text + " "):
        if ch == " " and start is not None:
            words.append((start, i))
            start = None
        elif ch != " " and start is None:
            start = i
    owner = [-1] * (len(text) + 1)
    for w, (a, b) in enumerate(words):
        for i in range(a, b):
            owner[i] = w
    keys: list[str] = []
    bigram = N_KINDS - 1
    spans = zip(batch.starts.tolist(), batch.lengths.tolist(), batch.kinds.tolist(), strict=True)
    for s, n, kind in spans:
        span = text[s : s + n]
        if kind == bigram:
            keys.append(span)
            continue
        first = s + (len(span) - len(span.lstrip(" ")))
        w = owner[min(first, len(text))]
        keys.append(text[words[w][0] : words[w][1]] if w >= 0 else span.strip())
    return keys
