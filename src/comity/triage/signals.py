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

    def __init__(
        self, weights: npt.NDArray[np.floating], lang_bias: F32, metadata: dict[str, Any]
    ) -> None:
        self.metadata = metadata
        self.names: tuple[str, ...] = tuple(metadata["names"])
        self.langs: tuple[str, ...] = tuple(metadata["langs"])
        self._bits = int(metadata["features"]["bits"])
        # One zero row appended (bucket ids never reach it; kept for older callers). Shipped
        # float16, held float32 (exact): the sparse product runs in float32.
        rows = np.vstack([weights, np.zeros((1, weights.shape[1]), weights.dtype)])
        self._weights: F32 = rows.astype(np.float32)
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
            weights = npz["weights"]
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
        return self.explain_normalized(prepare([text]), [head], k)[0]

    def explain_normalized(
        self, docs: Sequence[str], heads: Sequence[str], k: int = 3
    ) -> list[list[tuple[str, float]]]:
        """`explain` for a batch of normalised texts, one head each, in one featurisation."""
        if len(docs) != len(heads):
            raise ValueError(f"{len(docs)} texts but {len(heads)} heads")
        for head in set(heads):
            if head not in self.names:
                raise KeyError(f"unknown head {head!r}; known: {', '.join(self.names)}")
        if not docs:
            return []
        batch = featurize(
            [d[:MAX_CHARS] for d in docs], bits=self._bits, normalized=True, spans=True
        )
        doc_of = np.repeat(np.arange(len(docs)), np.diff(batch.indptr))
        head_of = np.array([self.names.index(h) for h in heads], dtype=np.int64)[doc_of]
        weights = self._weights[batch.indices, head_of].astype(np.float32)
        # A softmax class is pushed up by what raises it relative to the other two.
        sent = np.isin(head_of, self._sent)
        if sent.any():
            rows = self._weights[batch.indices[sent][:, None], self._sent[None, :]]
            weights[sent] -= rows.astype(np.float32).mean(axis=1)
        # float32 products, then float64 sums in feature order: the same arithmetic per key
        # as adding the contributions one by one.
        contrib = (weights * batch.scale[doc_of]).astype(np.float64)
        keys, key_of, bounds = _feature_keys(batch, doc_of)
        totals = np.bincount(key_of, weights=contrib, minlength=len(keys)).tolist()
        results: list[list[tuple[str, float]]] = []
        for d in range(len(docs)):
            lo, hi = bounds[d], bounds[d + 1]
            pairs = zip(keys[lo:hi], totals[lo:hi], strict=True)
            ranked = sorted(pairs, key=lambda kv: (-kv[1], kv[0]))
            results.append([(word, round(value, 3)) for word, value in ranked[:k] if value > 0])
        return results


def _feature_keys(
    batch: Batch, doc_of: npt.NDArray[np.int64]
) -> tuple[list[str], npt.NDArray[np.int64], list[int]]:
    """Number the word (or word pair) each feature belongs to, per comment.

    A character n-gram belongs to the word holding its first non-space character; word
    and word-pair features are their own key. Keys are numbered per comment, so the same
    word twice in one comment is one key; comment d owns keys ``bounds[d]:bounds[d+1]``.
    Vectorised: Python only loops over words.
    """
    text = batch.text
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    n = len(cp)
    blank = (cp == 32) | (cp == 1)
    word_start = ~blank & np.concatenate(([True], blank[:-1]))
    ws = np.flatnonzero(word_start)
    we = np.flatnonzero(~blank & np.concatenate((blank[1:], [True]))) + 1
    owner = np.append(np.where(blank, -1, np.cumsum(word_start) - 1), -1)
    # Leading spaces of a span: distance to the next non-space, capped at the span.
    solid = np.where(blank, n, np.arange(n))
    next_solid = np.minimum.accumulate(solid[::-1])[::-1]
    starts, lengths = batch.starts, batch.lengths
    first = starts + np.minimum(next_solid[np.minimum(starts, n - 1)] - starts, lengths)
    feat_owner = owner[np.minimum(first, n)]
    is_word = (batch.kinds != N_KINDS - 1) & (feat_owner >= 0)
    # Comments' words are contiguous: word w lies in comment word_doc[w].
    word_doc = np.cumsum(cp == 1)[ws] if len(ws) else np.zeros(0, dtype=np.int64)
    word_bounds = np.searchsorted(word_doc, np.arange(batch.n_docs + 1)).tolist()
    other = np.flatnonzero(~is_word)
    other_bounds = np.searchsorted(doc_of[other], np.arange(batch.n_docs + 1)).tolist()
    other_list, starts_l, lengths_l = other.tolist(), starts.tolist(), lengths.tolist()
    ws_l, we_l = ws.tolist(), we.tolist()
    keys: list[str] = []
    word_key = np.empty(len(ws), dtype=np.int64)
    key_of = np.empty(len(starts), dtype=np.int64)
    bounds = [0]
    for d in range(batch.n_docs):
        local: dict[str, int] = {}
        for w in range(word_bounds[d], word_bounds[d + 1]):
            word = text[ws_l[w] : we_l[w]]
            if word not in local:
                local[word] = len(keys)
                keys.append(word)
            word_key[w] = local[word]
        for j in range(other_bounds[d], other_bounds[d + 1]):
            i = other_list[j]
            # A word pair is its own key; a span of blanks alone (never in practice) is "".
            key = text[starts_l[i] : starts_l[i] + lengths_l[i]].strip()
            if key not in local:
                local[key] = len(keys)
                keys.append(key)
            key_of[i] = local[key]
        bounds.append(len(keys))
    key_of[is_word] = word_key[feat_owner[is_word]]
    return keys, key_of, bounds
