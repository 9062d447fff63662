"""Text side of matching: terms, word boundaries, 초성, links and regex safety.

Rule terms and comments both go through `normalize_text`, so a rule word 시발 also
matches 시1발 or 씨 발; Korean words match as substrings because particles attach
to them (시발아, 병신이), Latin words match whole tokens only.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from comity.netiquette.schema import MAX_REGEX_LENGTH
from comity.triage.hangul import choseong
from comity.triage.normalize import normalize_text

_HANGUL = re.compile("[가-힣ㄱ-ㅣ]")
_ONLY_SYLLABLES = re.compile("^[가-힣]+$")
_TOKEN = re.compile(r"\w+")
_WORD_ONLY = re.compile(r"^\w+$")
# Up to three digits or symbols between two syllables are noise (시1발, 병.신).
_KO_NOISE = re.compile(r"(?<=[가-힣])(?:[^\w\s]|[\d_]){1,3}(?=[가-힣])")
_CONSONANT_RUN = re.compile("[ㄱ-ㅎ]{2,}")
# Everyday chat abbreviations (감사, 오케이, 수고, 축하, 죄송, 레알, ...): a rule word whose
# 초성 is one of these must be written out, or thanks would read as an insult.
CHAT_INITIALS = frozenset(
    (
        "ㄱㅅ ㅇㅋ ㅅㄱ ㅊㅋ ㅈㅅ ㅎㅇ ㅂㅇ ㄱㄱ ㄴㄴ ㅇㅇ "
        "ㄷㄷ ㅂㅂ ㄱㄷ ㅇㄷ ㄹㅇ ㅈㅂ ㅁㄹ ㅇㅈ ㄴㅇ ㅎㄹ"
    ).split()
)
_PLAIN = str.maketrans("ㄲㄸㅃㅆㅉ", "ㄱㄷㅂㅅㅈ")

_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|net|org|de|kr|at|ch|uk|io|ly|me|co|info|shop|xyz|top|link|gg)"
    r"\b(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
_HOST = re.compile(r"^(?:https?://)?([^/?#:\s]+)", re.IGNORECASE)

_sre: Any = importlib.import_module("re._parser")


@dataclass(frozen=True, slots=True)
class Term:
    """One rule word or phrase, compiled for matching against normalised text."""

    source: str  # as the rule author wrote it
    text: str  # normalised
    kind: str  # "token", "hangul" or "phrase"
    pattern: re.Pattern[str] | None = None
    initials: str = ""  # 초성 form for Korean words, '' when not sensible


def compile_term(source: str, *, phrase: bool) -> Term | None:
    """A Term, or None when nothing is left after normalisation."""
    text = normalize_text(source)
    if not text:
        return None
    if _HANGUL.search(text):
        initials = ""
        # 초성 only for plain syllable words of 2–4 syllables with two different
        # consonants, so ㅋㅋ or ㅎㅎ laughter never reads as a rule word.
        if not phrase and _ONLY_SYLLABLES.match(text) and 2 <= len(text) <= 4:
            cho = choseong(text, plain=True)
            if len(set(cho)) >= 2 and cho not in CHAT_INITIALS:
                initials = cho
        return Term(source, text, "hangul", initials=initials)
    if not phrase and _WORD_ONLY.match(text):
        return Term(source, text, "token")
    body = r"\s+".join(re.escape(part) for part in text.split())
    return Term(source, text, "phrase", pattern=re.compile(rf"(?<!\w){body}(?!\w)"))


def compact_korean(text: str) -> str:
    """Drop digit/symbol runs (not spaces) between syllables, for words the normaliser lacks."""
    return _KO_NOISE.sub("", text) if _HANGUL.search(text) else text


def tokens(text: str) -> frozenset[str]:
    """Word tokens of normalised text."""
    return frozenset(_TOKEN.findall(text))


def consonant_runs(text: str) -> tuple[str, ...]:
    """Runs of loose initial consonants (ㅅㅂ, ㅆㅂ as ㅅㅂ), laughter (ㅋㅋ, ㅎㅎ) trimmed."""
    runs = (run.translate(_PLAIN).strip("ㅋㅎ") for run in _CONSONANT_RUN.findall(text))
    return tuple(run for run in runs if len(run) >= 2)


def initials_match(initials: str, run: str) -> bool:
    """A run spells the 초성 form once or repeated (ㅅㅂ, ㅅㅂㅅㅂ), not merely contains it.

    Containment would read ㄱㅅㄱㅅ (감사감사) as ㄱㅅㄱ (개새끼).
    """
    count, rest = divmod(len(run), len(initials))
    return rest == 0 and run == initials * count


def find_links(raw: str) -> tuple[str, ...]:
    """URLs and bare domains in a comment."""
    return tuple(_URL.findall(raw)) if "." in raw else ()


def link_host(url: str) -> str:
    """The lowercase host of a URL or bare domain, without `www.`."""
    match = _HOST.match(url)
    host = match.group(1).lower() if match else url.lower()
    return host.removeprefix("www.")


def domain_matches(host: str, domain: str) -> bool:
    """True when `host` is `domain` or one of its subdomains."""
    return host == domain or host.endswith("." + domain)


def written_form(raw: str, word: str) -> str | None:
    """How `word` was actually written in `raw` (시1발, ｓｈｉｔ), or None if not recoverable."""
    noise = r"[\W\d_]{0,3}"
    pattern = re.compile(noise.join(re.escape(c) for c in word if not c.isspace()), re.I)
    for candidate in (raw, unicodedata.normalize("NFKC", raw)):
        found = pattern.search(candidate)
        if found:
            return found.group()
    return None


def regex_risk(pattern: str) -> str | None:
    """Why a pattern is unsafe to run on every comment, or None when it looks safe."""
    if len(pattern) > MAX_REGEX_LENGTH:
        return f"longer than {MAX_REGEX_LENGTH} characters"
    try:
        parsed = _sre.parse(pattern)
    except Exception:  # compile() reports the real error afterwards
        return None
    return _scan(list(parsed), inside_repeat=False)


def _scan(items: list[Any], *, inside_repeat: bool) -> str | None:
    for op, arg in items:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, body = arg
            unbounded = high > 50  # MAXREPEAT or a big bound
            if inside_repeat and unbounded:
                return "nested quantifiers such as (a+)+ can take exponential time"
            found = _scan(list(body), inside_repeat=inside_repeat or unbounded)
            if found:
                return found
        elif name in ("GROUPREF", "GROUPREF_EXISTS"):
            return "backreferences are not allowed"
        elif name == "SUBPATTERN":
            found = _scan(list(arg[-1]), inside_repeat=inside_repeat)
            if found:
                return found
        elif name in ("ASSERT", "ASSERT_NOT", "ATOMIC_GROUP"):
            found = _scan(list(arg[-1]), inside_repeat=inside_repeat)
            if found:
                return found
        elif name == "BRANCH":
            # re factors common prefixes, so (a|aa)+ arrives as a(|a)+: an empty
            # alternative inside a repeat lets one text split in exponentially many ways.
            if inside_repeat and any(len(branch) == 0 for branch in arg[1]):
                return "overlapping alternatives such as (a|aa)+ can take exponential time"
            for branch in arg[1]:
                found = _scan(list(branch), inside_repeat=inside_repeat)
                if found:
                    return found
    return None


TermKey = tuple[str, str]  # (kind, normalised text)


class TermIndex:
    """Every word and phrase of a rule set, scanned once per comment instead of rule by rule."""

    def __init__(self, terms: list[Term]) -> None:
        unique = {(t.kind, t.text): t for t in terms}
        self.keys = frozenset(unique)
        self._tokens = frozenset(text for kind, text in unique if kind == "token")
        self._hangul = tuple(text for kind, text in unique if kind == "hangul")
        self._initials = tuple((t.text, t.initials) for t in unique.values() if t.initials)
        # A phrase's longest word is a cheap substring test before the regex runs.
        self._phrases = tuple(
            (t.text, max(t.text.split(), key=len), t.pattern)
            for t in unique.values()
            if t.kind == "phrase" and t.pattern is not None
        )

    def scan(
        self, text: str, compact: str, tokens: frozenset[str], runs: tuple[str, ...]
    ) -> dict[TermKey, str]:
        """Matched term keys with how they were written ('' or the 초성 form)."""
        found: dict[TermKey, str] = {("token", t): "" for t in self._tokens & tokens}
        if self._hangul and _HANGUL.search(text):
            for word in self._hangul:
                if word in text or word in compact:
                    found["hangul", word] = ""
        if runs:
            for word, initials in self._initials:
                if ("hangul", word) not in found and any(
                    initials_match(initials, run) for run in runs
                ):
                    found["hangul", word] = initials
        for phrase, probe, pattern in self._phrases:
            if probe in text and pattern.search(text):
                found["phrase", phrase] = ""
        return found
