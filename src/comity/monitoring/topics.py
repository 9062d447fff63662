"""Emerging topics: clusters of similar negative comments, found without any definition.

Each negative comment's normalised text (comity.triage.normalize) becomes character
n-grams (see `shingles`), hashed with CRC-32 (stable across processes, unlike `hash`),
summarised by a 32-value MinHash signature and indexed by 16 LSH bands of 2 rows. A
comment joins the cluster it shares the most bands with; otherwise it starts a new one.
A cluster is labelled by its most characteristic words (frequent in it, rare among all
negative comments) and keeps a few example comments.
"""

from __future__ import annotations

import math
import random
import re
import zlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from comity.triage.normalize import normalize_text

HASHES = 32
ROWS = 2
BANDS = HASHES // ROWS
MIN_BAND_HITS = 1
MIN_SIMILARITY = 0.2  # estimated Jaccard to the cluster's first or latest member
NUMBER_WEIGHT = 8
MAX_TERMS = 60
MAX_EXAMPLES = 4
MAX_AUTHORS = 500
IDLE_SECONDS = 3 * 24 * 3600
_LOW = (1 << 58) - 1
_HANGUL = re.compile("[\uac00-\ud7a3]")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_rng = random.Random(20260715)
_A = np.array([_rng.getrandbits(64) | 1 for _ in range(HASHES)], dtype=np.uint64)
_B = np.array([_rng.getrandbits(64) for _ in range(HASHES)], dtype=np.uint64)
_STOP = frozenset(
    "the a an and or to of in on is it this that for you your are was with be not just "
    "der die das und ist nicht ich ein eine zu es mit von den auf so "
    "진짜 너무 그냥 이거 왜 다".split()
)


def shingles(norm: str) -> list[int]:
    """CRC-32 of the text's character n-grams, plus its numbers counted several times.

    Korean packs a word into few syllables and glues particles on, so Hangul text uses
    2-grams without spaces; other scripts use 3-grams across spaces. Numbers ("1000원",
    "+1000 won", "1.000 Won") anchor a claim across languages, so each weighs as much as
    several n-grams.
    """
    if _HANGUL.search(norm):
        text, size = "".join(norm.split()), 2
    else:
        text, size = " ".join(norm.split()), 3
    if not text:
        return []
    found = [zlib.crc32(text[i : i + size].encode()) for i in range(max(len(text) - size + 1, 1))]
    for number in _NUMBER.findall(norm):
        digits = number.replace(",", "").replace(".", "")
        if len(digits) >= 2:
            found.extend(zlib.crc32(f"#{digits}#{i}".encode()) for i in range(NUMBER_WEIGHT))
    return found


def signature(hashes: list[int]) -> npt.NDArray[np.uint64]:
    values = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    with np.errstate(over="ignore"):  # multiply-shift hashing wraps modulo 2**64 on purpose
        mixed = (_A[:, None] * values[None, :] + _B[:, None]) >> np.uint64(32)
    result: npt.NDArray[np.uint64] = mixed.min(axis=1)
    return result


def band_keys(items: list[int]) -> list[int]:
    # Band number in the top bits; the two 32-bit rows mixed below them (fits a signed int64).
    return [
        (band << 58) | (((items[band * ROWS] * 0x9E3779B1) ^ items[band * ROWS + 1]) & _LOW)
        for band in range(BANDS)
    ]


def terms(norm: str) -> list[str]:
    """Words worth labelling a topic with: two or more characters, not a stop word."""
    found = []
    for word in norm.split():
        word = word.strip(".,!?~…'\"()[]#@:;ㅋㅎㅠㅜ")
        if len(word) >= 2 and word not in _STOP and not word.isdigit():
            found.append(word)
    return found


@dataclass(slots=True)
class Cluster:
    """One emerging topic."""

    id: int
    created: float
    last: float
    count: int = 0
    misinfo: int = 0
    terms: dict[str, int] = field(default_factory=dict)
    authors: dict[str, int] = field(default_factory=dict)
    channels: dict[str, int] = field(default_factory=dict)
    examples: list[dict[str, Any]] = field(default_factory=list)
    # MinHash signatures of the first and the latest member: a candidate must resemble one.
    first_sig: list[int] = field(default_factory=list)
    last_sig: list[int] = field(default_factory=list)

    def similarity(self, sig: list[int]) -> float:
        best = 0
        for ref in (self.first_sig, self.last_sig):
            if ref:
                best = max(best, sum(1 for a, b in zip(ref, sig, strict=True) if a == b))
        return best / HASHES

    def add(
        self,
        at: float,
        author: str,
        channel: str,
        words: list[str],
        example: dict[str, Any],
        misinfo: bool,
    ) -> None:
        self.last = max(self.last, at)
        self.count += 1
        self.misinfo += misinfo
        for word in set(words):
            self.terms[word] = self.terms.get(word, 0) + 1
        if len(self.terms) > MAX_TERMS * 2:
            keep = sorted(self.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
            self.terms = dict(keep)
        if author in self.authors or len(self.authors) < MAX_AUTHORS:
            self.authors[author] = self.authors.get(author, 0) + 1
        self.channels[channel] = self.channels.get(channel, 0) + 1
        # The first examples show how it started; the last ones how it reads now.
        if len(self.examples) < MAX_EXAMPLES:
            self.examples.append(example)
        else:
            self.examples[-1] = example

    def label(self, df: dict[str, int], docs: int) -> str:
        scored = sorted(
            (
                (count * math.log((docs + 1) / (df.get(word, 0) + 1)), word)
                for word, count in self.terms.items()
                if count >= 2 or self.count < 3
            ),
            key=lambda pair: (-pair[0], pair[1]),
        )
        words = [word for _score, word in scored[:3]]
        return (
            " · ".join(words)
            if words
            else (self.examples[0]["text"][:40] if self.examples else f"topic {self.id}")
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created": self.created,
            "last": self.last,
            "count": self.count,
            "misinfo": self.misinfo,
            "terms": self.terms,
            "authors": self.authors,
            "channels": self.channels,
            "examples": self.examples,
            "first_sig": self.first_sig,
            "last_sig": self.last_sig,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Cluster:
        return cls(**data)


@dataclass(slots=True)
class TopicTracker:
    """Assigns negative comments to clusters; state is plain data (JSON-serialisable)."""

    next_id: int = 1
    clusters: dict[int, Cluster] = field(default_factory=dict)
    buckets: dict[int, list[float]] = field(default_factory=dict)  # key -> [cluster, last at]
    df: dict[str, int] = field(default_factory=dict)
    docs: int = 0
    pruned_at: float = 0.0

    def assign(
        self,
        at: float,
        text: str,
        author: str,
        channel: str,
        example: dict[str, Any],
        misinfo: bool,
    ) -> Cluster:
        norm = normalize_text(text)
        hashed = shingles(norm)
        sig = signature(hashed).tolist() if hashed else []
        keys = band_keys(sig) if sig else []
        hits: dict[int, int] = {}
        for key in keys:
            found = self.buckets.get(key)
            if found is not None and int(found[0]) in self.clusters:
                cid = int(found[0])
                hits[cid] = hits.get(cid, 0) + 1
        cluster: Cluster | None = None
        best_sim = MIN_SIMILARITY
        for cid in sorted(hits, key=lambda c: (-hits[c], c)):
            # LSH proposes, the signatures decide: one shared band alone would chain topics.
            sim = self.clusters[cid].similarity(sig)
            if hits[cid] >= MIN_BAND_HITS and sim >= best_sim:
                cluster, best_sim = self.clusters[cid], sim
        if cluster is None:
            cluster = Cluster(id=self.next_id, created=at, last=at, first_sig=sig)
            self.clusters[cluster.id] = cluster
            self.next_id += 1
        cluster.last_sig = sig
        for key in keys:
            self.buckets[key] = [float(cluster.id), at]
        words = terms(norm)
        self.docs += 1
        for word in set(words):
            self.df[word] = self.df.get(word, 0) + 1
        cluster.add(at, author, channel, words, example, misinfo)
        if at - self.pruned_at >= 3600:
            self._prune(at)
        return cluster

    def label(self, cluster_id: int) -> str:
        cluster = self.clusters.get(cluster_id)
        return cluster.label(self.df, self.docs) if cluster is not None else f"topic {cluster_id}"

    def _prune(self, now: float) -> None:
        """Forget idle clusters and old buckets, so state stays small over months."""
        self.pruned_at = now
        horizon = now - IDLE_SECONDS
        self.clusters = {cid: c for cid, c in self.clusters.items() if c.last >= horizon}
        self.buckets = {
            k: v for k, v in self.buckets.items() if v[1] >= horizon and int(v[0]) in self.clusters
        }
        if len(self.df) > 50_000:
            keep = sorted(self.df.items(), key=lambda kv: (-kv[1], kv[0]))[:25_000]
            self.df = dict(keep)

    def to_dict(self) -> dict[str, Any]:
        return {
            "next_id": self.next_id,
            "clusters": [c.to_dict() for c in self.clusters.values()],
            "buckets": [[k, v[0], v[1]] for k, v in self.buckets.items()],
            "df": self.df,
            "docs": self.docs,
            "pruned_at": self.pruned_at,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TopicTracker:
        clusters = [Cluster.from_dict(c) for c in data.get("clusters", [])]
        return cls(
            next_id=int(data.get("next_id", 1)),
            clusters={c.id: c for c in clusters},
            buckets={int(k): [float(cid), float(at)] for k, cid, at in data.get("buckets", [])},
            df=dict(data.get("df", {})),
            docs=int(data.get("docs", 0)),
            pruned_at=float(data.get("pruned_at", 0.0)),
        )
