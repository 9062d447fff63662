"""Language id for short comments: ``ko``, ``en``, ``de`` or ``other``.

Scripts decide first (Hangul share means Korean, kana or Cyrillic mean other), so most
comments never reach a model. Latin text is scored by a naive-Bayes log-ratio over
words and character 3-4-grams (weights in models/langid.npz, built by
training/train_langid.py), and a hand-written list of Romance, Dutch, Turkish, ...
function words sends clearly foreign Latin text to ``other``.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from comity.triage.lexicon import DE_CUES, EN_CUES, OTHER_CHARS, OTHER_CUES

__all__ = ["LANGUAGES", "detect_language", "detect_languages", "char_ngrams", "latin_words"]

LANGUAGES = ("ko", "en", "de", "other")
MODEL_DIR = Path(__file__).resolve().parent / "models"

# One pass splits a comment into runs by script: Hangul syllables, loose jamo, Latin,
# kana, Han, and any other letters (Cyrillic, Arabic, Thai, ...).
_RUNS = re.compile(
    "([가-힣]+)|([ㄱ-ㅣ]+)|([a-zA-ZÀ-ÖØ-öø-ɏ]+)|([\u3040-\u30ff\u31f0-\u31ff]+)"
    "|([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)|([^\\W\\d_]+)"
)
# Fullwidth and mathematical letters are Latin in disguise; NFKC turns them back.
_FANCY = re.compile("[\uff21-\uff3a\uff41-\uff5a\U0001d400-\U0001d7ff]")
_NOISE = re.compile(r"https?://\S+|www\.\S+|@\w+")  # hashtags keep their words
_CACHE_LIMIT = 200_000  # words remembered with their score; cleared when full


def _runs(text: str) -> list[tuple[str, str, str, str, str, str]]:
    if not text.isascii() and _FANCY.search(text):
        text = unicodedata.normalize("NFKC", text)
    if "@" in text or "http" in text or "www." in text:
        text = _NOISE.sub(" ", text)
    return _RUNS.findall(text)


def latin_words(text: str) -> list[str]:
    """Lower-cased Latin words, without URLs and mentions (model features)."""
    return [run[2].lower() for run in _runs(text) if run[2]]


def char_ngrams(word: str) -> list[str]:
    """Character 3- and 4-grams of a word padded with spaces (" ab", "abc", " abc", ...)."""
    padded = f" {word} "
    size = len(padded)
    return [padded[i : i + 3] for i in range(size - 2)] + [
        padded[i : i + 4] for i in range(size - 3)
    ]


def _cues(word: str) -> tuple[int, int]:
    """(foreign cue, English or German function word) flags of one word."""
    foreign = word in OTHER_CUES or not OTHER_CHARS.isdisjoint(word)
    return int(foreign), int(word in EN_CUES or word in DE_CUES)


@dataclass
class _Model:
    """Per-word log-ratio log P(w|de)/P(w|en) weights plus calibration."""

    words: dict[str, float]
    grams: dict[str, float]
    word_scale: float
    gram_scale: float
    bias: float
    cache: dict[str, tuple[float, int, int, int]]

    def info(self, word: str) -> tuple[float, int, int, int]:
        """(score, foreign cue, en/de cue, unseen) of a word, remembered after first use."""
        info = self.cache.get(word)
        if info is None:
            grams = self.grams
            weight = self.words.get(word)
            score = self.gram_scale * sum(grams.get(g, 0.0) for g in char_ngrams(word))
            if weight is not None:
                score += self.word_scale * weight
            info = (score, *_cues(word), int(weight is None))
            if len(self.cache) >= _CACHE_LIMIT:
                self.cache.clear()
            self.cache[word] = info
        return info


def _split_keys(blob: np.ndarray) -> list[str]:
    return bytes(blob.astype(np.uint8)).decode("utf-8").split("\n")


@cache
def _model() -> _Model | None:
    """Load the shipped weights once; None when they are missing (cue fallback)."""
    npz_path, meta_path = MODEL_DIR / "langid.npz", MODEL_DIR / "langid.json"
    if not npz_path.exists() or not meta_path.exists():
        return None
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    data = npz_path.read_bytes()
    if hashlib.sha256(data).hexdigest() != meta.get("sha256"):
        raise ValueError(f"{npz_path} does not match the SHA-256 in {meta_path.name}")
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        words = dict(zip(_split_keys(npz["words"]), npz["word_weights"].tolist(), strict=True))
        grams = dict(zip(_split_keys(npz["grams"]), npz["gram_weights"].tolist(), strict=True))
    calibration = meta["calibration"]
    return _Model(
        words=words,
        grams=grams,
        word_scale=float(calibration["word_scale"]),
        gram_scale=float(calibration["gram_scale"]),
        bias=float(calibration["bias"]),
        cache={},
    )


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def _foreign(other: int, known: int, unseen: int, words: int) -> bool:
    # Two foreign cues outvoting English/German ones, or one cue among unseen words.
    return other >= 2 and other > known or (other >= 1 and not known and 2 * unseen >= words)


def _latin(words: list[str]) -> tuple[str, float]:
    """Decide en, de or other for Latin words."""
    model = _model()
    if model is None:
        return _latin_by_cues(words)
    score = model.bias
    other = known = unseen = 0
    for word in words:
        s, o, k, u = model.info(word)
        score += s
        other += o
        known += k
        unseen += u
    if other and _foreign(other, known, unseen, len(words)):
        return "other", min(0.95, 0.5 + 0.1 * (other - known))
    p_de = _sigmoid(score)
    return ("de", p_de) if p_de >= 0.5 else ("en", 1.0 - p_de)


def _latin_by_cues(words: list[str]) -> tuple[str, float]:
    """Fallback without weights: function words, umlauts and ß."""
    other = sum(_cues(w)[0] for w in words)
    if _foreign(other, sum(_cues(w)[1] for w in words), 0, len(words)):
        return "other", 0.5
    de = sum(1 for w in words if w in DE_CUES) + sum(w.count(c) for w in words for c in "äöüß")
    en = sum(1 for w in words if w in EN_CUES)
    if de == en:
        return "en", 0.5
    return ("de", 0.5 + 0.4 * de / (de + en)) if de > en else ("en", 0.5 + 0.4 * en / (de + en))


_ASCII_WORD = re.compile("[a-z]+")


def _detect_ascii(text: str) -> tuple[str, float]:
    """`detect_language` for ASCII text: every letter run is a Latin word (same answers)."""
    if "@" in text or "http" in text or "www." in text:
        text = _NOISE.sub(" ", text)
    words = _ASCII_WORD.findall(text.lower())
    if not words:
        return "other", 0.0
    latin = sum(map(len, words))
    total = 0.0 + latin + 0.0  # the same float arithmetic as the general path
    lang, confidence = _latin(words)
    return lang, round(confidence * latin / total, 3)


def detect_language(text: str) -> tuple[str, float]:
    """Return (language, confidence); text without letters gives ("other", 0.0)."""
    if text.isascii():
        return _detect_ascii(text)
    syllables = jamo = latin = kana = han = rest = 0
    words: list[str] = []
    for s, j, la, k, h, r in _runs(text):
        if la:
            latin += len(la)
            words.append(la.lower())
        else:
            syllables += len(s)
            jamo += len(j)
            kana += len(k)
            han += len(h)
            rest += len(r)
    # A syllable carries about as much as two or three Latin letters; Han with Hangul is
    # Korean (hanja), Han alone or with kana is Chinese or Japanese.
    korean = 2.5 * syllables + jamo + (2.0 * han if syllables else 0.0)
    foreign = 2.5 * kana + rest + (0.0 if syllables else 2.5 * han)
    total = korean + latin + foreign
    if total == 0:
        return "other", 0.0
    if korean and korean >= 0.5 * (latin + foreign):
        return "ko", round(korean / total, 3)
    if foreign > latin:
        return "other", round(foreign / total, 3)
    lang, confidence = _latin(words)
    return lang, round(confidence * latin / total, 3)


def detect_languages(texts: Sequence[str]) -> list[tuple[str, float]]:
    """Batch form of :func:`detect_language`."""
    return [detect_language(text) for text in texts]
