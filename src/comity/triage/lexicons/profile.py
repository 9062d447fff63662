"""The brand facts and campaign that triage checks comments against, compiled for speed.

Triage reads no brand file itself: the one parser of the brand profile (schema
checked, `FILE:LINE` errors) is `comity.replies.profile`, which hands over a plain
`BrandData`. A composition root passes that reader to `Triager.follow_profile`, so
triage never imports the replies package on its own load path; only the demo-brand
default (`load_profile`, for tools and tests with no composition root) asks it lazily.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import ahocorasick_rs

# "does not test on animals" states the fact; a claim right after a negation is no claim.
_NEGATED = re.compile(r"\b(?:not|n't|never|no)\s|\b(?:nicht|nie|kein\w*)\s|안\s|않")


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact, with regexes for claims that contradict it."""

    id: str
    fact: str
    claims: tuple[re.Pattern[str], ...]
    gate: re.Pattern[str] | None = None

    def contradicted_by(self, norm: str) -> str | None:
        """The claim text in `norm` that states the opposite of this fact, if any (the
        caller has already checked the gate words: BrandProfile.misinformation)."""
        for claim in self.claims:
            match = claim.search(norm)
            if match and not _NEGATED.search(norm, max(0, match.start() - 12), match.start()):
                return match.group(0)
        return None


@dataclass(frozen=True, slots=True)
class BrandProfile:
    names: tuple[str, ...]
    official_handles: frozenset[str]
    lookalike_handle: re.Pattern[str]
    lookalike_name: re.Pattern[str]
    campaign_name: str
    campaign_hashtags: tuple[str, ...]
    campaign_cues: tuple[str, ...]
    facts: tuple[Fact, ...]
    campaign_context_cues: tuple[str, ...] = ()
    # One search over every fact's gate words; facts without a gate always run.
    _gate_owner: dict[str, tuple[Fact, ...]] | None = None
    _gate_words: tuple[str, ...] = ()
    _gate_automaton: Any = None

    def _gate_hits(self, norm: str) -> set[str]:
        """Gate words in `norm`, in one automaton pass."""
        words = self._gate_words
        found = self._gate_automaton.find_matches_as_indexes(norm, overlapping=True)
        return {words[i] for i, _, _ in found}

    def impersonation(self, text: str, norm: str) -> str | None:
        """A handle or name that poses as the brand without being its account."""
        for match in self.lookalike_handle.finditer(norm):
            if match.group(0).lstrip("@").rstrip(".") not in self.official_handles:
                return match.group(0)
        name = self.lookalike_name.search(norm)
        return name.group(0) if name else None

    def misinformation(self, norm: str) -> tuple[Fact, str] | None:
        """The first fact a comment contradicts, with the contradicting words."""
        candidates = self.facts
        if self._gate_automaton is not None and self._gate_owner is not None:
            hits = self._gate_hits(norm)
            owners = {f.id for word in hits for f in self._gate_owner.get(word, ())}
            candidates = tuple(f for f in self.facts if f.id in owners or f.gate is None)
        for fact in candidates:
            claim = fact.contradicted_by(norm)
            if claim:
                return fact, claim
        return None


@dataclass(frozen=True, slots=True)
class FactData:
    """One fact as the profile states it: its regex claims and gate words, uncompiled."""

    id: str
    fact: str
    claims: tuple[str, ...] = ()
    gate: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BrandData:
    """What triage takes from a brand profile, as plain strings (no parsing, no checks:
    the profile's parser has validated them)."""

    names: tuple[str, ...]
    official_handles: tuple[str, ...] = ()
    lookalike_handle: str = "(?!)"
    lookalike_name: str = "(?!)"
    campaign_name: str = ""
    campaign_hashtags: tuple[str, ...] = ()
    campaign_cues: tuple[str, ...] = ()
    campaign_context_cues: tuple[str, ...] = ()
    facts: tuple[FactData, ...] = ()


# Reads the brand profile at a path (`comity.replies.profile.read_brand_data`).
BrandReader = Callable[[Path], BrandData]


def _gate(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex over a fact's gate words: a single C-level search instead of a Python loop."""
    return re.compile("|".join(re.escape(w) for w in words)) if words else None


def compile_profile(data: BrandData) -> BrandProfile:
    """Compile every regex and the gate automaton once, so per-comment checks only search."""
    facts = tuple(
        Fact(f.id, f.fact, tuple(re.compile(c) for c in f.claims), _gate(f.gate))
        for f in data.facts
    )
    owners: dict[str, list[Fact]] = {}
    for fact, fact_data in zip(facts, data.facts, strict=True):
        for word in fact_data.gate:
            owners.setdefault(word, []).append(fact)
    words = sorted(owners, key=len, reverse=True)
    return BrandProfile(
        names=data.names,
        official_handles=frozenset(h.casefold() for h in data.official_handles),
        lookalike_handle=re.compile(data.lookalike_handle),
        lookalike_name=re.compile(data.lookalike_name),
        campaign_name=data.campaign_name,
        campaign_hashtags=tuple(h.casefold() for h in data.campaign_hashtags),
        campaign_cues=data.campaign_cues,
        campaign_context_cues=data.campaign_context_cues,
        facts=facts,
        _gate_owner={w: tuple(fs) for w, fs in owners.items()},
        _gate_words=tuple(words),
        _gate_automaton=ahocorasick_rs.AhoCorasick(words) if words else None,
    )


def read_with_replies(path: Path) -> BrandData:
    """The replies parser's reading of `path`; imported here, at call time, because
    `comity.replies` itself imports triage (and pydantic): the fallback for callers
    that pass no reader."""
    from comity.replies.profile import read_brand_data

    return read_brand_data(path)


@cache
def load_profile() -> BrandProfile:
    """The demo brand's profile, once per process: the default for a triager whose
    composition root follows no profile (tools, tests)."""
    return compile_profile(read_with_replies(_demo_path()))


def _demo_path() -> Path:
    # Where comity.replies.profile.DEMO_PROFILE points, without importing that package.
    return Path(__file__).parents[2] / "replies" / "profiles" / "haneul.yaml"
