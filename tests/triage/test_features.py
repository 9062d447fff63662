"""Hashed n-gram features: stable across processes, batch-independent, exact sparse products."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np

from comity.triage.features import (
    BITS,
    CHAR_ORDERS,
    feature_strings,
    featurize,
    hash_ngram,
    linear_scores,
)


def test_fixed_ngram_has_a_fixed_bucket() -> None:
    # Pinned values: changing the hash silently would invalidate every shipped bundle.
    assert hash_ngram("지랄") == hash_ngram("지랄", "char")
    assert hash_ngram("지랄") == 107269
    assert hash_ngram("coffee", "word") == 229194
    assert 0 <= hash_ngram("x") < 2**BITS
    indices = featurize(["great coffee"]).indices.tolist()
    assert hash_ngram("coffee", "word") in indices
    assert hash_ngram("great coffee", "bigram") in indices
    assert hash_ngram(" cof") in indices


def test_hashing_is_stable_across_processes() -> None:
    code = (
        "from comity.triage.features import featurize;"
        "print(featurize(['Kaffee ist gut', '커피 최고']).indices.tolist())"
    )
    runs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        runs.add(out.stdout)
    assert len(runs) == 1
    here = featurize(["Kaffee ist gut", "커피 최고"]).indices.tolist()
    assert runs == {f"{here}\n"}


def test_comment_features_do_not_depend_on_the_batch() -> None:
    texts = ["great coffee", "", "왜 이렇게 늦어요?", "Lieferung kam nie an"]
    together = featurize(texts)
    for i, text in enumerate(texts):
        alone = featurize([text])
        lo, hi = together.indptr[i], together.indptr[i + 1]
        assert together.indices[lo:hi].tolist() == alone.indices.tolist()
        assert together.scale[i] == alone.scale[0]


def test_features_cover_char_orders_words_and_bigrams() -> None:
    batch = featurize(["ab cd"], spans=True)
    grams = feature_strings(batch, 0)
    for gram in ("a", "ab", " ab", "ab ", "b c", "ab c", "ab cd", "cd"):
        assert gram in grams
    assert set(batch.kinds.tolist()) == set(range(len(CHAR_ORDERS) + 2))
    # n-grams never run from one comment into the next
    two = featurize(["ab", "cd"], spans=True)
    assert not any("\x01" in g for d in (0, 1) for g in feature_strings(two, d))


def test_every_feature_hashes_like_its_ngram_alone() -> None:
    """The batch hashes (grown order by order) equal hashing each n-gram string alone."""
    batch = featurize(["a", "커피 최고!!", "", "Lieferung kam nie an", "x y"], spans=True)
    kinds = ["char"] * len(CHAR_ORDERS) + ["word", "bigram"]
    for doc in range(batch.n_docs):
        lo, hi = batch.indptr[doc], batch.indptr[doc + 1]
        grams = feature_strings(batch, doc)
        for gram, kind, bucket in zip(
            grams, batch.kinds[lo:hi].tolist(), batch.indices[lo:hi].tolist(), strict=True
        ):
            assert bucket == hash_ngram(gram, kinds[kind]), (doc, gram)


def test_text_is_normalised_before_hashing() -> None:
    assert featurize(["COFFEE"]).indices.tolist() == featurize(["coffee"]).indices.tolist()


def test_linear_scores_match_a_dense_product() -> None:
    rng = np.random.default_rng(0)
    bits = 10
    weights = rng.normal(size=(2**bits + 1, 3)).astype(np.float32)
    weights[-1] = 0.0
    texts = ["short", "", "a much longer comment " * 20, "중간 길이의 댓글입니다"] * 70
    batch = featurize(texts, bits=bits)
    dense = np.zeros((len(texts), 2**bits), dtype=np.float64)
    for d in range(len(texts)):
        for j in batch.indices[batch.indptr[d] : batch.indptr[d + 1]]:
            dense[d, j] += batch.scale[d]
    expected = dense @ weights[:-1].astype(np.float64)
    np.testing.assert_allclose(linear_scores(batch, weights), expected, rtol=1e-4, atol=1e-4)
