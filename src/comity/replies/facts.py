"""The fact sheet at work: drafts that contradict it, and facts a false comment contradicts.

Retrieval is BM25 over Korean morphemes (kiwipiepy nouns and stems), Hangul character
bigrams (robust to spacing and endings) and Latin words with a 5-letter stem (German
compounds), so "유자 수입산이라던데" finds the yuzu fact as well as "yuzu imported".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from comity.replies.hints import N_, Hint
from comity.replies.profile import BrandProfile, FactEntry, brand_data
from comity.replies.speech import kiwi
from comity.triage.lexicons.profile import BrandProfile as TriageBrand
from comity.triage.lexicons.profile import compile_profile
from comity.triage.normalize import normalize_text

_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
_LATIN = re.compile(r"[a-zäöüß]+")
_KEEP_TAGS = ("NNG", "NNP", "VV", "VA", "XR", "SL")
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*")
_K1, _B = 1.2, 0.75


def tokens(text: str) -> list[str]:
    """Index terms: morphemes, Hangul bigrams, Latin words and their stems."""
    norm = normalize_text(text)
    out: list[str] = []
    if _HANGUL_RUN.search(norm):
        for tok in kiwi().tokenize(norm):
            if tok.tag in _KEEP_TAGS and tok.tag != "SL":
                out.append(f"m:{tok.form}")
        for run in _HANGUL_RUN.findall(norm):
            out.extend(f"g:{run[i : i + 2]}" for i in range(len(run) - 1))
    for word in _LATIN.findall(norm):
        if len(word) >= 3:
            out.append(f"w:{word}")
            if len(word) > 5:
                out.append(f"s:{word[:5]}")
    return out


@dataclass(frozen=True, slots=True)
class FactMatch:
    fact: FactEntry
    score: float
    claim: str | None = None  # the words that state the opposite, when a claim pattern matched


class FactIndex:
    """BM25 over the fact sheet (small: one document per fact)."""

    def __init__(self, facts: list[FactEntry]) -> None:
        self.facts = facts
        self.docs: list[Counter[str]] = []
        for fact in facts:
            words = " ".join(
                [fact.fact, fact.text.ko or "", fact.text.en or "", fact.text.de or ""]
                + fact.keywords * 2  # keywords are what people say: weigh them up
            )
            self.docs.append(Counter(tokens(words)))
        self.avg = sum(sum(d.values()) for d in self.docs) / max(1, len(self.docs))
        df: Counter[str] = Counter()
        for doc in self.docs:
            df.update(doc.keys())
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}

    def search(self, text: str, k: int = 3) -> list[tuple[FactEntry, float]]:
        query = set(tokens(text))
        scored = []
        for fact, doc in zip(self.facts, self.docs, strict=True):
            length = sum(doc.values())
            score = 0.0
            for term in query & doc.keys():
                tf = doc[term]
                score += (
                    self.idf[term] * tf * (_K1 + 1) / (tf + _K1 * (1 - _B + _B * length / self.avg))
                )
            if score > 0:
                scored.append((fact, score))
        scored.sort(key=lambda pair: -pair[1])
        return scored[:k]


_TRIAGE: dict[int, tuple[BrandProfile, TriageBrand, FactIndex]] = {}
_MAX_CACHED = 8


def _compiled(profile: BrandProfile) -> tuple[TriageBrand, FactIndex]:
    cached = _TRIAGE.get(id(profile))
    if cached is None or cached[0] is not profile:
        cached = (profile, compile_profile(brand_data(profile)), FactIndex(profile.facts))
        if len(_TRIAGE) >= _MAX_CACHED:
            _TRIAGE.clear()  # every saved profile edit is a new object: do not keep them all
        _TRIAGE[id(profile)] = cached
    return cached[1], cached[2]


def contradicted_facts(
    text: str, profile: BrandProfile, k: int = 2, min_score: float = 2.0
) -> list[FactMatch]:
    """Fact-sheet entries a (misinformation) comment contradicts, best first, with sources."""
    triage_brand, index = _compiled(profile)
    out: list[FactMatch] = []
    hit = triage_brand.misinformation(normalize_text(text))
    if hit is not None:
        entry = profile.fact(hit[0].id)
        if entry is not None:
            out.append(FactMatch(entry, math.inf, hit[1]))
    # Beside a fact whose claim matched, only a clearly related second fact is worth showing.
    floor = min_score * 2 if out else min_score
    for fact, score in index.search(text, k + 1):
        if score >= floor and all(m.fact.id != fact.id for m in out):
            out.append(FactMatch(fact, round(score, 2)))
    return out[:k]


def check_facts(draft: str, lang: str, profile: BrandProfile) -> list[Hint]:
    """A claim or a number in the draft that the fact sheet says is wrong."""
    triage_brand, _ = _compiled(profile)
    norm = normalize_text(draft)
    for quoted in _fact_texts(profile):  # quoting the fact sheet is right by definition
        norm = norm.replace(quoted, " ")
    hints: list[Hint] = []
    hit = triage_brand.misinformation(norm)
    if hit is not None:
        entry = profile.fact(hit[0].id)
        if entry is not None:
            lead = N_("'%(claim)s' contradicts the fact sheet: %(fact)s (%(source)s)")
            hints.append(_fact_hint(lead, {"claim": hit[1]}, entry, lang))
    folded = draft.casefold()
    for entry in profile.facts:
        for number in entry.numbers:
            wrong = _wrong_number(folded, number.near, number.unit, number.values)
            if wrong is not None and not any(h.detail.get("fact") == entry.id for h in hints):
                lead = N_("'%(number)s' does not match the fact sheet: %(fact)s (%(source)s)")
                hints.append(_fact_hint(lead, {"number": wrong[0]}, entry, lang, wrong[1]))
    return hints


_FACT_TEXTS: dict[int, tuple[BrandProfile, tuple[str, ...]]] = {}


def _fact_texts(profile: BrandProfile) -> tuple[str, ...]:
    cached = _FACT_TEXTS.get(id(profile))
    if cached is None or cached[0] is not profile:
        texts = tuple(
            normalize_text(t)
            for f in profile.facts
            for t in (f.text.ko, f.text.en, f.text.de, f.fact)
            if t
        )
        cached = (profile, texts)
        _FACT_TEXTS[id(profile)] = cached
    return cached[1]


def _fact_hint(
    msgid: str,
    params: dict[str, str],
    entry: FactEntry,
    lang: str,
    span: tuple[int, int] | None = None,
) -> Hint:
    values = {**params, "fact": str(entry.text.get(lang)), "source": entry.source}
    return Hint.of("facts", msgid, values, span, detail={"fact": entry.id, "source": entry.source})


def _wrong_number(
    folded: str, near: list[str], unit: str, values: list[float]
) -> tuple[str, tuple[int, int]] | None:
    """The number-with-unit closest to a `near` word, when it is not one of `values`."""
    pattern = re.compile(rf"(\d[\d,]*(?:\.\d+)?)\s*(?:{unit})", re.IGNORECASE)
    numbers = list(pattern.finditer(folded))
    if not numbers:
        return None
    for word in near:
        start = folded.find(word.casefold())
        while start >= 0:
            close = [m for m in numbers if abs(m.start() - start) <= 25]
            if close:
                best = min(close, key=lambda m: abs(m.start() - start))
                value = float(best.group(1).replace(",", ""))
                if value not in values:
                    return best.group(0).strip(), best.span()
            start = folded.find(word.casefold(), start + 1)
    return None
