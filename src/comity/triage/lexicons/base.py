"""A fast multi-family word scanner for cue lexicons.

Python's `re` tries every alternative at every position, which costs ~100 µs per
comment for a few thousand cue words. Instead the substring entries go into one
Aho-Corasick automaton (ahocorasick-rs, compiled): one pass over the text finds every
occurrence of every entry (~1.5 µs a comment), so the cost grows with the text, not
with the lexicon.
Without ahocorasick-rs (use_automaton=False; the package is a required dependency) the
entries are indexed by their first two characters and the text's character bigrams are
intersected with that index (same results, slower).

Entry syntax (entries are normalised exactly like comment text, so NFKC, jamo and
de-obfuscation agree on both sides):
- Hangul, emoji and other non-Latin entries match anywhere (Korean glues endings on).
- Latin entries match whole words; ``word*`` also matches longer words starting
  with ``word`` and ``*word`` longer words ending with it (German compounds).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from comity.triage.normalize import normalize_text

_ahocorasick: Any
try:  # compiled accelerator; the bigram index below gives the same answers without it
    import ahocorasick_rs as _ahocorasick
except ImportError:  # pragma: no cover - the fallback is tested with use_automaton=False
    _ahocorasick = None

_LATIN = re.compile(r"[a-zäöüß0-9]")
# Latin tokens; apostrophes stay inside ("you're"), hyphens split ("online-casino").
_TOKEN = re.compile(r"[a-zäöüß0-9]+(?:['’][a-zäöüß0-9]+)*")
_TOKENS_ONLY = re.compile(rf"{_TOKEN.pattern}(?: {_TOKEN.pattern})*")


@dataclass(frozen=True, slots=True)
class _Entry:
    word: str
    families: tuple[str, ...]
    left_bound: bool
    right_bound: bool


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class Lexicon:
    """Finds which cue families occur in a normalised text, and with which words."""

    def __init__(
        self,
        families: Mapping[str, Iterable[str]],
        normalize: Callable[[str], str] = normalize_text,
        *,
        use_automaton: bool = True,
        unordered: Iterable[str] = (),
    ) -> None:
        merged: dict[tuple[str, bool, bool], list[str]] = {}
        for family, entries in families.items():
            for raw in entries:
                prefix = raw.endswith("*")
                suffix = raw.startswith("*")
                word = normalize(raw.strip("*"))
                if not word:
                    continue
                latin_start = bool(_LATIN.match(word[0]))
                latin_end = bool(_LATIN.match(word[-1]))
                key = (word, latin_start and not suffix, latin_end and not prefix)
                merged.setdefault(key, []).append(family)
        self._single: dict[str, list[_Entry]] = {}
        self._index: dict[tuple[str, str], list[_Entry]] = {}
        self._words: dict[str, tuple[str, ...]] = {}
        self._prefixes: dict[str, list[_Entry]] = {}
        self._phrases: dict[str, list[tuple[tuple[str, ...], _Entry]]] = {}
        for (word, left, right), fams in merged.items():
            entry = _Entry(word, tuple(dict.fromkeys(fams)), left, right)
            if left and _TOKENS_ONLY.fullmatch(word):
                self._add_latin(entry)
                continue
            if len(word) == 1:
                self._single.setdefault(word, []).append(entry)
            else:
                self._index.setdefault((word[0], word[1]), []).append(entry)
        self._keys = frozenset(self._index)
        self._single_keys = frozenset(self._single)
        self.families = frozenset(families)
        # Families whose words nobody reads in order (the sentiment words): left unsorted.
        self._unordered = frozenset(unordered)
        self._automaton: Any = None
        self._needles: list[tuple[_Entry, ...]] = []
        self._latin_automaton: Any = None
        # Phrases and prefix entries, searched in the tokens joined by single spaces.
        self._latin_needles: list[tuple[tuple[_Entry, bool], ...]] = []
        if use_automaton and _ahocorasick is not None:
            latin: dict[str, list[tuple[_Entry, bool]]] = {}
            for phrases in self._phrases.values():
                for _, entry in phrases:
                    latin.setdefault(entry.word, []).append((entry, entry.right_bound))
            for prefixes in self._prefixes.values():
                for entry in prefixes:
                    if len(entry.word) >= 3:  # shorter ones never matched a token[:3] key
                        latin.setdefault(entry.word, []).append((entry, False))
            if latin:
                self._latin_needles = [tuple(v) for v in latin.values()]
                self._latin_automaton = _ahocorasick.AhoCorasick(list(latin))
        if use_automaton and _ahocorasick is not None:
            by_word: dict[str, list[_Entry]] = {}
            for group in (*self._index.values(), *self._single.values()):
                for item in group:
                    by_word.setdefault(item.word, []).append(item)
            if by_word:
                needles = list(by_word)
                self._needles = [tuple(by_word[w]) for w in needles]
                self._automaton = _ahocorasick.AhoCorasick(needles)

    def _add_latin(self, entry: _Entry) -> None:
        """Whole-word Latin entries are looked up by token, not by substring search."""
        parts = tuple(entry.word.split(" "))
        if len(parts) > 1:
            self._phrases.setdefault(parts[0], []).append((parts, entry))
        elif entry.right_bound:
            self._words[entry.word] = entry.families
        else:
            self._prefixes.setdefault(entry.word[:3], []).append(entry)

    def scan(self, text: str) -> dict[str, list[str]]:
        """Map each family found in `text` to its matched words (in order of discovery)."""
        found: dict[str, list[str]] = {}
        self._scan_latin(text, found)
        if self._automaton is not None:
            self._scan_automaton(text, found)
        else:
            self._scan_index(text, found)
        # Candidates come from sets (hash-seed order); reasons must read the same every run.
        unordered = self._unordered
        for family, words in found.items():
            # Most families find one word: nothing to order.
            if len(words) > 1 and family not in unordered:
                words.sort(key=lambda word: (text.find(word), word))
        return found

    def _scan_automaton(self, text: str, found: dict[str, list[str]]) -> None:
        """Every occurrence in one pass; an entry counts once, at its first bounded match."""
        n = len(text)
        done: set[int] = set()
        needles = self._needles
        for which, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True):
            for entry in needles[which]:
                if id(entry) in done:
                    continue
                if (not entry.left_bound or start == 0 or not _is_word_char(text[start - 1])) and (
                    not entry.right_bound or end == n or not _is_word_char(text[end])
                ):
                    done.add(id(entry))
                    _add(found, entry.families, entry.word)

    def _scan_index(self, text: str, found: dict[str, list[str]]) -> None:
        n = len(text)
        # Character pairs as tuples: zip runs in C, about twice as fast as slicing.
        grams = set(zip(text, text[1:], strict=False)) & self._keys
        candidates = [e for g in grams for e in self._index[g]]
        if self._single_keys:
            candidates += [e for c in set(text) & self._single_keys for e in self._single[c]]
        for entry in candidates:
            word = entry.word
            start = text.find(word)
            while start >= 0:
                end = start + len(word)
                if (not entry.left_bound or start == 0 or not _is_word_char(text[start - 1])) and (
                    not entry.right_bound or end == n or not _is_word_char(text[end])
                ):
                    _add(found, entry.families, word)
                    break
                start = text.find(word, start + 1)

    def _scan_latin(self, text: str, found: dict[str, list[str]]) -> None:
        tokens = _TOKEN.findall(text)
        if not tokens:
            return
        words = self._words
        for token in set(tokens) & words.keys():
            _add(found, words[token], token)
        if self._latin_automaton is not None:
            # Tokens hold no spaces, so in the joined string a space is a token edge:
            # a phrase or prefix matches where it starts a token (and a phrase with an
            # exact end also ends one) - the same test as comparing token lists.
            joined = " ".join(tokens)
            end_of = len(joined)
            needles = self._latin_needles
            for which, start, end in self._latin_automaton.find_matches_as_indexes(
                joined, overlapping=True
            ):
                if start and joined[start - 1] != " ":
                    continue
                for entry, exact_end in needles[which]:
                    if not exact_end or end == end_of or joined[end] == " ":
                        _add(found, entry.families, entry.word)
            return
        for token in tokens:
            for entry in self._prefixes.get(token[:3], ()):
                if token.startswith(entry.word):
                    _add(found, entry.families, entry.word)
        for i, token in enumerate(tokens):
            for parts, entry in self._phrases.get(token, ()):
                if _phrase_at(tokens, i, parts, entry.right_bound):
                    _add(found, entry.families, entry.word)


def _phrase_at(tokens: list[str], i: int, parts: tuple[str, ...], exact_end: bool) -> bool:
    window = tokens[i : i + len(parts)]
    if len(window) < len(parts) or window[:-1] != list(parts[:-1]):
        return False
    last = window[-1]
    return last == parts[-1] if exact_end else last.startswith(parts[-1])


def _add(found: dict[str, list[str]], families: tuple[str, ...], word: str) -> None:
    for family in families:
        words = found.setdefault(family, [])
        if word not in words:
            words.append(word)
