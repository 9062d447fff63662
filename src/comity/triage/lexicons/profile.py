"""The brand facts and campaign that triage checks comments against.

Read from the brand profile (`comity/replies/profiles/haneul.yaml`, the one source of
brand names, campaigns and facts); the older `brand.yaml` shape (one `campaign`) still loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

_ahocorasick: Any
try:  # compiled accelerator for the fact gates; a regex search does the same without it
    import ahocorasick_rs as _ahocorasick
except ImportError:  # pragma: no cover
    _ahocorasick = None

DEFAULT_PROFILE = Path(__file__).parents[2] / "replies" / "profiles" / "haneul.yaml"
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
    _gates: re.Pattern[str] | None = None
    _gate_owner: dict[str, tuple[Fact, ...]] | None = None
    _gate_words: tuple[str, ...] = ()
    _gate_automaton: Any = None

    def _gate_hits(self, norm: str) -> set[str]:
        """Gate words in `norm`: one compiled automaton pass, else one regex search."""
        if self._gate_automaton is not None:
            words = self._gate_words
            found = self._gate_automaton.find_matches_as_indexes(norm, overlapping=True)
            return {words[i] for i, _, _ in found}
        assert self._gates is not None
        return set(self._gates.findall(norm))

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
        if self._gates is not None and self._gate_owner is not None:
            hits = self._gate_hits(norm)
            owners = {f.id for word in hits for f in self._gate_owner.get(word, ())}
            candidates = tuple(f for f in self.facts if f.id in owners or f.gate is None)
        for fact in candidates:
            claim = fact.contradicted_by(norm)
            if claim:
                return fact, claim
        return None


def _strings(data: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(v) for v in data.get(key, []))


def _gate(words: list[Any]) -> re.Pattern[str] | None:
    """One regex over a fact's gate words: a single C-level search instead of a Python loop."""
    return re.compile("|".join(re.escape(str(w)) for w in words)) if words else None


def profile_from_dict(data: dict[str, Any]) -> BrandProfile:
    """Build a profile from parsed YAML: the brand profile (latest of `campaigns`) or brand.yaml."""
    brand = data["brand"]
    # The campaign ending last, as replies' BrandProfile.current_campaign() picks it.
    campaigns = data.get("campaigns") or [{"name": ""}]
    campaign = data.get("campaign") or max(campaigns, key=lambda c: str(c.get("end", "")))
    facts = tuple(
        Fact(
            str(f["id"]),
            str(f["fact"]),
            tuple(re.compile(c) for c in f["claims"]),
            _gate(f.get("gate", [])),
        )
        for f in data.get("facts", [])
    )
    owners: dict[str, list[Fact]] = {}
    for fact, data_fact in zip(facts, data.get("facts", []), strict=True):
        for word in data_fact.get("gate", []):
            owners.setdefault(str(word), []).append(fact)
    words = sorted(owners, key=len, reverse=True)
    return BrandProfile(
        names=_strings(brand, "names"),
        official_handles=frozenset(h.casefold() for h in _strings(brand, "official_handles")),
        lookalike_handle=re.compile(brand["lookalike_handle"]),
        lookalike_name=re.compile(brand["lookalike_name"]),
        campaign_name=str(campaign["name"]),
        campaign_hashtags=tuple(h.casefold() for h in _strings(campaign, "hashtags")),
        campaign_cues=_strings(campaign, "cues"),
        campaign_context_cues=_strings(campaign, "context_cues"),
        facts=facts,
        _gates=re.compile("|".join(re.escape(w) for w in words)) if words else None,
        _gate_owner={w: tuple(fs) for w, fs in owners.items()},
        _gate_words=tuple(words),
        _gate_automaton=_ahocorasick.AhoCorasick(words) if words and _ahocorasick else None,
    )


def read_profile(path: Path) -> BrandProfile:
    """Read a brand profile YAML file now (a file that changes is read again)."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return profile_from_dict(data)


@cache
def load_profile(path: Path = DEFAULT_PROFILE) -> BrandProfile:
    """Read a brand profile YAML file once per process."""
    return read_profile(path)
