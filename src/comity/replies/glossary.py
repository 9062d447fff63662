"""Glossary check: forbidden terms, preferred wording, misspelt product and brand names."""

from __future__ import annotations

import re

from comity.replies.hints import N_, Hint
from comity.replies.profile import BrandProfile, Glossary

_LATIN_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


def _find(term: str, text: str, folded: str) -> re.Match[str] | None:
    """A case-insensitive match; Latin terms only as whole words."""
    escaped = re.escape(term.casefold())
    if term[:1].isascii() and term[:1].isalpha():
        escaped = rf"(?<![\w-]){escaped}(?![\w-])"
    return re.search(escaped, folded)


def _applies(lang: str | None, want: str) -> bool:
    return lang is None or lang == want


_NAME_WORDS: dict[int, tuple[Glossary, frozenset[str]]] = {}


def _name_words(glossary: Glossary) -> frozenset[str]:
    """Latin words of the correct product names, for spotting one-letter slips."""
    cached = _NAME_WORDS.get(id(glossary))
    if cached is not None and cached[0] is glossary:
        return cached[1]
    words: set[str] = set()
    for product in glossary.products:
        for name in (product.name.en, product.name.de):
            words.update(w.casefold() for w in _LATIN_WORD.findall(name or "") if len(w) >= 5)
    _NAME_WORDS[id(glossary)] = (glossary, frozenset(words))
    return frozenset(words)


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one substitution, insertion, deletion or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        i, j = diffs[0], diffs[-1]
        return len(diffs) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


# A forbidden term's hint by (has a reason, has a replacement).
_AVOID = {
    (False, False): N_("avoid '%(term)s'"),
    (True, False): N_("avoid '%(term)s' (%(why)s)"),
    (False, True): N_("avoid '%(term)s'; say '%(say)s' instead"),
    (True, True): N_("avoid '%(term)s' (%(why)s); say '%(say)s' instead"),
}


def check_glossary(text: str, lang: str, profile: BrandProfile) -> list[Hint]:
    glossary = profile.glossary
    folded = text.casefold()
    hints: list[Hint] = []
    taken: list[tuple[int, int]] = []

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= s or span[0] >= e for s, e in taken)

    for product in glossary.products:
        right = product.name.get(lang)
        for wrong in sorted(product.misspellings, key=len, reverse=True):
            match = _find(wrong, text, folded)
            if match and free(match.span()):
                taken.append(match.span())
                hints.append(
                    Hint.of(
                        "glossary",
                        N_("'%(wrong)s' is spelt '%(right)s'"),
                        {"wrong": text[match.start() : match.end()], "right": str(right)},
                        match.span(),
                    )
                )
    names = _name_words(glossary)
    for match in _LATIN_WORD.finditer(text):
        word = match.group(0).casefold()
        if len(word) < 5 or word in names or not free(match.span()):
            continue
        near = next((n for n in sorted(names) if _one_edit(word, n)), None)
        if near is not None:
            taken.append(match.span())
            hints.append(
                Hint.of(
                    "glossary",
                    N_("'%(word)s' looks like a slip of '%(near)s'"),
                    {"word": match.group(0), "near": near},
                    match.span(),
                )
            )
    for item in glossary.forbidden:
        if not _applies(item.lang, lang):
            continue
        match = _find(item.term, text, folded)
        if match:
            params = {"term": item.term, "why": item.why or "", "say": item.say or ""}
            message = _AVOID[(bool(item.why), bool(item.say))]
            hints.append(Hint.of("glossary", message, params, match.span()))
    for pref in glossary.preferred:
        if not _applies(pref.lang, lang):
            continue
        for wrong in pref.instead_of:
            match = _find(wrong, text, folded)
            if match:
                hints.append(
                    Hint.of(
                        "glossary",
                        N_("the brand says '%(use)s' rather than '%(wrong)s'"),
                        {"use": pref.use, "wrong": wrong},
                        match.span(),
                        severity="info",
                    )
                )
    return hints
