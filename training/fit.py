"""Fit the linear signal heads: cross-validated, Platt/temperature calibrated, folded.

Every head is a logistic regression over the hashed features of
``comity.triage.features`` plus a one-hot language column. Calibration is a
second, tiny logistic regression on out-of-fold scores (plus the language), and
since it is linear it is folded back into the weights: the shipped model needs
no calibration step at run time.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from datasets import BINARY_HEADS, Example
from joblib import Parallel, delayed
from sklearn.linear_model import LogisticRegression

from comity.triage.features import BITS, featurize, prepare

LANGS = ("ko", "en", "de")
N_FOLDS = 5
SEED = 20240601
C_BINARY = 16.0
C_SENTIMENT = 4.0
# Heads learned mostly from the small authored sets: stronger regularisation keeps a
# single frequent word ("you", "du") from carrying a head on its own.
C_SMALL = 4.0
SMALL_HEADS = ("threat", "sexually_explicit", "feedback", "humour", "fact_claim")
# Heads where a comment known to be non-toxic is also known to be negative.
IMPLIED_BY_NON_TOXIC = ("insult", "profanity", "identity_attack", "threat", "sexually_explicit")
IMPLIED_CAP = 6000  # per head and language: enough negatives without drowning the positives
SOURCE_CAP = 25000  # per head and corpus: keeps a rebuild in minutes on two shared cores
# Per-corpus exceptions, set per bundle by build_models.BUILD_SETTINGS: a larger cap for
# a corpus the head needs all of, and a sample weight (< 1) so that corpus does not
# drown the head's other sources (the small authored sets) in the fit.
SOURCE_CAPS: dict[str, int] = {}
SOURCE_WEIGHTS: dict[str, dict[str, float]] = {}  # head -> corpus -> weight
# Sentiment as three liblinear class-vs-rest fits (C = C_SENTIMENT) instead of one
# multinomial lbfgs fit; the 3x3 calibration turns their scores into one softmax.
SENTIMENT_OVR = False

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]


@dataclass
class Featurized:
    X: sp.csr_matrix
    langs: npt.NDArray[np.int64]
    folds: npt.NDArray[np.int64]
    texts: list[str]
    sources: npt.NDArray[np.str_]


@dataclass
class HeadFit:
    """A head's folded weights and its out-of-fold calibrated predictions."""

    weights: F32  # (2**BITS, k)
    lang_bias: F32  # (len(LANGS), k)
    rows: npt.NDArray[np.int64]
    labels: npt.NDArray[np.int64]
    oof: F64  # calibrated probabilities, (n_rows,) or (n_rows, 3)
    calibration: dict[str, list[float]] = field(default_factory=dict)


def _stable_unit(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")


def featurize_examples(examples: list[Example]) -> Featurized:
    texts = prepare([e.text for e in examples])
    parts, chunk = [], 20_000
    for i in range(0, len(texts), chunk):
        b = featurize(texts[i : i + chunk], normalized=True)
        data = np.repeat(b.scale, np.diff(b.indptr))
        m = sp.csr_matrix((data, b.indices, b.indptr), shape=(b.n_docs, 2**BITS))
        m.sum_duplicates()
        parts.append(m)
    X = sp.vstack(parts, format="csr")
    langs = np.array([LANGS.index(e.lang) for e in examples], dtype=np.int64)
    # Identical normalised texts share a fold, so duplicates never leak across folds.
    folds = np.array([_stable_unit(t) % N_FOLDS for t in texts], dtype=np.int64)
    sources = np.array([e.source for e in examples])
    return Featurized(X, langs, folds, texts, sources)


def head_rows(
    examples: list[Example], head: str
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Rows labelled for ``head`` (explicitly or implied) and their labels."""
    rows, labels, implied = [], [], []
    by_source: dict[str, list[int]] = {}
    for i, ex in enumerate(examples):
        if head in ex.labels:
            by_source.setdefault(ex.source, []).append(i)
        elif head in IMPLIED_BY_NON_TOXIC and ex.labels.get("toxicity") == 0:
            implied.append(i)
        elif head in ("threat", "sexually_explicit") and not ex.source.startswith("authored"):
            # Real comments, insults included, are almost never threats or sexual content;
            # they teach the head that "you" or "du" alone is not one (a little label noise).
            if head == "threat" or ex.labels.get("toxicity") != 1:
                implied.append(i)
        elif head == "spam" and not ex.source.startswith(("youtube-spam", "authored")):
            implied.append(i)  # news comments, reviews and tweets are (almost) never spam
    for source, idx in by_source.items():
        cap = SOURCE_CAPS.get(source, SOURCE_CAP)
        if len(idx) > cap:  # a deterministic sample, the same on every rebuild
            idx = sorted(sorted(idx, key=lambda i: _stable_unit(examples[i].text))[:cap])
        rows.extend(idx)
        labels.extend(examples[i].labels[head] for i in idx)
    by_lang: dict[str, list[int]] = {}
    for i in implied:
        by_lang.setdefault(examples[i].lang, []).append(i)
    for idx in by_lang.values():
        idx.sort(key=lambda i: _stable_unit(f"{head}:{examples[i].text}"))
        rows.extend(idx[:IMPLIED_CAP])
        labels.extend([0] * min(len(idx), IMPLIED_CAP))
    order = np.argsort(rows, kind="stable")
    return np.asarray(rows, dtype=np.int64)[order], np.asarray(labels, dtype=np.int64)[order]


def _design(feats: Featurized, rows: npt.NDArray[np.int64]) -> sp.csr_matrix:
    onehot = sp.csr_matrix(
        (np.ones(len(rows)), (np.arange(len(rows)), feats.langs[rows])),
        shape=(len(rows), len(LANGS)),
    )
    return sp.hstack([feats.X[rows], onehot], format="csr")


class OneVsRest:
    """Class-vs-rest liblinear fits, exposing the LogisticRegression attributes used here."""

    def __init__(self, models: list[LogisticRegression]) -> None:
        self.coef_: F64 = np.vstack([m.coef_ for m in models])
        self.intercept_: F64 = np.concatenate([m.intercept_ for m in models])

    def decision_function(self, X: sp.csr_matrix) -> F64:
        return np.asarray(X @ self.coef_.T) + self.intercept_


def _binary(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, solver="liblinear", tol=1e-3, random_state=SEED)


def _fit(
    X: sp.csr_matrix,
    y: npt.NDArray[np.int64],
    multi: bool,
    c: float,
    weight: F64 | None = None,
    ovr: bool = False,
) -> LogisticRegression | OneVsRest:
    if multi and ovr:
        classes = range(int(y.max()) + 1)
        return OneVsRest([_binary(c).fit(X, y == k, sample_weight=weight) for k in classes])
    model = LogisticRegression(C=c, max_iter=200, tol=1e-3) if multi else _binary(c)
    return model.fit(X, y, sample_weight=weight)


def sample_weights(feats: Featurized, rows: npt.NDArray[np.int64], head: str) -> F64 | None:
    """The head's SOURCE_WEIGHTS per row, or None (plain fit) when none is weighted.

    Per head: a corpus weighted for sentiment still gives full-weight implied
    negatives to threat or spam."""
    by_source = SOURCE_WEIGHTS.get(head, {})
    w = np.array([by_source.get(s, 1.0) for s in feats.sources[rows].tolist()])
    return None if bool((w == 1.0).all()) else w


def head_c(head: str) -> float:
    if head == "sentiment":
        return C_SENTIMENT
    return C_SMALL if head in SMALL_HEADS else C_BINARY


def _scores(model: LogisticRegression | OneVsRest, X: sp.csr_matrix) -> F64:
    return np.asarray(model.decision_function(X), dtype=np.float64)


def fit_head(
    feats: Featurized,
    rows: npt.NDArray[np.int64],
    y: npt.NDArray[np.int64],
    multi: bool,
    n_jobs: int = 2,
    c: float = C_BINARY,
    weight: F64 | None = None,
) -> HeadFit:
    """Cross-validate, calibrate on out-of-fold scores, refit on all rows, fold."""
    X = _design(feats, rows)
    folds = feats.folds[rows]
    langs = feats.langs[rows]
    # Read here, in the parent: joblib's worker processes import fit with its defaults.
    ovr = SENTIMENT_OVR

    def one_fold(k: int) -> tuple[int, F64]:
        train = folds != k
        w = None if weight is None else weight[train]
        return k, _scores(_fit(X[train], y[train], multi, c, w, ovr), X[folds == k])

    k_out = 3 if multi else 1
    oof_raw = np.zeros((len(rows), k_out)) if multi else np.zeros(len(rows))
    for k, s in Parallel(n_jobs=n_jobs)(delayed(one_fold)(k) for k in range(N_FOLDS)):
        oof_raw[folds == k] = s
    lang_onehot = np.eye(len(LANGS))[langs]
    cal_x = np.column_stack([oof_raw, lang_onehot])
    cal = LogisticRegression(C=100.0, fit_intercept=False, max_iter=1000).fit(cal_x, y)
    oof = cal.predict_proba(cal_x)
    final = _fit(X, y, multi, c, weight, ovr)
    coef = np.atleast_2d(final.coef_)  # (k, F + langs)
    intercept = np.atleast_1d(final.intercept_)
    w = coef[:, : 2**BITS].T  # (F, k)
    lang_raw = coef[:, 2**BITS :].T + intercept  # (langs, k) raw score offset per language
    ccoef = np.atleast_2d(cal.coef_)  # (k, k_out + langs)
    a = ccoef[:, :k_out]  # (k, k_out): linear map of raw scores
    c_lang = ccoef[:, k_out:].T  # (langs, k)
    weights = (w @ a.T).astype(np.float32)
    lang_bias = (lang_raw @ a.T + c_lang).astype(np.float32)
    return HeadFit(
        weights=weights,
        lang_bias=lang_bias,
        rows=rows,
        labels=y,
        oof=oof if multi else oof[:, 1],
        calibration={"a": a.ravel().tolist(), "c_lang": c_lang.ravel().tolist()},
    )


def fit_all(
    examples: list[Example],
    heads: tuple[str, ...] = BINARY_HEADS,
    n_jobs: int = 2,
    log: bool = True,
) -> tuple[Featurized, dict[str, HeadFit]]:
    """Featurise once, then fit every binary head and the sentiment triple."""
    feats = featurize_examples(examples)
    fits: dict[str, HeadFit] = {}
    for head in (*heads, "sentiment"):
        rows, y = head_rows(examples, head)
        if log:
            print(f"  {head}: {len(rows)} rows, positives {np.bincount(y).tolist()}", flush=True)
        fits[head] = fit_head(
            feats,
            rows,
            y,
            multi=head == "sentiment",
            n_jobs=n_jobs,
            c=head_c(head),
            weight=sample_weights(feats, rows, head),
        )
    return feats, fits
