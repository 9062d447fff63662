"""Hangul syllables and jamo: decompose, compose, 초성 (initial consonants).

People obfuscate Korean by typing loose jamo (ㅅㅣㅂㅏㄹ), by abbreviating to initial
consonants (ㅅㅂ for 시발) or by pasting NFD text whose jamo are the conjoining block.
These helpers move between the three forms so rules can match any of them.
"""

from __future__ import annotations

import re

SYLLABLE_FIRST = 0xAC00
SYLLABLE_LAST = 0xD7A3
_N_JUNG = 21
_N_JONG = 28

CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
JONG = (
    "", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ",
    "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ",
)  # fmt: skip

_CHO_INDEX = {c: i for i, c in enumerate(CHO)}
_JUNG_INDEX = {c: i for i, c in enumerate(JUNG)}
_JONG_INDEX = {c: i for i, c in enumerate(JONG) if c}

# Compound vowels and finals, so split forms (ㅗㅏ, ㄹㄱ) compose back.
_VOWEL_PAIRS = {
    ("ㅗ", "ㅏ"): "ㅘ", ("ㅗ", "ㅐ"): "ㅙ", ("ㅗ", "ㅣ"): "ㅚ", ("ㅜ", "ㅓ"): "ㅝ",
    ("ㅜ", "ㅔ"): "ㅞ", ("ㅜ", "ㅣ"): "ㅟ", ("ㅡ", "ㅣ"): "ㅢ",
}  # fmt: skip
_FINAL_PAIRS = {
    ("ㄱ", "ㅅ"): "ㄳ", ("ㄴ", "ㅈ"): "ㄵ", ("ㄴ", "ㅎ"): "ㄶ", ("ㄹ", "ㄱ"): "ㄺ",
    ("ㄹ", "ㅁ"): "ㄻ", ("ㄹ", "ㅂ"): "ㄼ", ("ㄹ", "ㅅ"): "ㄽ", ("ㄹ", "ㅌ"): "ㄾ",
    ("ㄹ", "ㅍ"): "ㄿ", ("ㄹ", "ㅎ"): "ㅀ", ("ㅂ", "ㅅ"): "ㅄ",
}  # fmt: skip
_SPLIT = {v: a + b for (a, b), v in (_VOWEL_PAIRS | _FINAL_PAIRS).items()}

# Tense consonants to their plain partner, so ㅆㅂ and ㅅㅂ compare equal when asked.
_PLAIN = str.maketrans("ㄲㄸㅃㅆㅉ", "ㄱㄷㅂㅅㅈ")

# Conjoining jamo (U+1100 block, what NFD/NFKC produce) to compatibility jamo (U+3130 block,
# what keyboards produce). Fillers vanish: they only ever hide things.
CONJOINING_TO_COMPAT: dict[int, str | None] = {0x1100 + i: c for i, c in enumerate(CHO)}
CONJOINING_TO_COMPAT |= {0x1161 + i: c for i, c in enumerate(JUNG)}
CONJOINING_TO_COMPAT |= {0x11A8 + i: c for i, c in enumerate(JONG[1:])}
CONJOINING_TO_COMPAT |= {0x115F: None, 0x1160: None}

_TO_CONJOINING: dict[int, str] = {ord(c): chr(0x11A8 + i) for i, c in enumerate(JONG[1:])}
_TO_CONJOINING |= {ord(c): chr(0x1100 + i) for i, c in enumerate(CHO)}  # initial form wins
_TO_CONJOINING |= {ord(c): chr(0x1161 + i) for i, c in enumerate(JUNG)}

COMPAT_JAMO = "\u3131-\u3163"
_JAMO_RUN = re.compile(f"[{COMPAT_JAMO}]{{2,}}")
_CONSONANT_VOWEL = re.compile("[ㄱ-ㅎ][ㅏ-ㅣ]")
_SYLLABLE = re.compile("[\uac00-\ud7a3]")


def is_syllable(char: str) -> bool:
    """True for a precomposed Hangul syllable (가–힣)."""
    return SYLLABLE_FIRST <= ord(char) <= SYLLABLE_LAST


def split_syllable(char: str) -> tuple[str, str, str]:
    """Split one syllable into (initial, vowel, final) compatibility jamo; final may be ''."""
    index = ord(char) - SYLLABLE_FIRST
    if not 0 <= index <= SYLLABLE_LAST - SYLLABLE_FIRST:
        raise ValueError(f"not a Hangul syllable: {char!r}")
    cho, rest = divmod(index, _N_JUNG * _N_JONG)
    jung, jong = divmod(rest, _N_JONG)
    return CHO[cho], JUNG[jung], JONG[jong]


def join_syllable(cho: str, jung: str, jong: str = "") -> str:
    """Build one syllable from compatibility jamo; raises KeyError for invalid parts."""
    tail = _JONG_INDEX[jong] if jong else 0
    index = (_CHO_INDEX[cho] * _N_JUNG + _JUNG_INDEX[jung]) * _N_JONG + tail
    return chr(SYLLABLE_FIRST + index)


def decompose(text: str, *, split_compounds: bool = False) -> str:
    """Replace every syllable by its compatibility jamo (시발 → ㅅㅣㅂㅏㄹ)."""

    def one(match: re.Match[str]) -> str:
        jamo = "".join(split_syllable(match.group()))
        if split_compounds:
            return "".join(_SPLIT.get(j, j) for j in jamo)
        return jamo

    return _SYLLABLE.sub(one, text)


def _compose_run(run: str) -> str | None:
    """Compose a run of compatibility jamo, or None unless every jamo finds a syllable."""
    out: list[str] = []
    i, n = 0, len(run)
    while i < n:
        cho = run[i]
        if cho not in _CHO_INDEX or i + 1 >= n or run[i + 1] not in _JUNG_INDEX:
            return None
        jung = run[i + 1]
        i += 2
        if i < n and (jung, run[i]) in _VOWEL_PAIRS:
            jung = _VOWEL_PAIRS[jung, run[i]]
            i += 1
        jong = ""
        # A consonant followed by a vowel starts the next syllable, so it is no final.
        if i < n and run[i] in _JONG_INDEX and not (i + 1 < n and run[i + 1] in _JUNG_INDEX):
            jong = run[i]
            i += 1
            if (
                i < n
                and (jong, run[i]) in _FINAL_PAIRS
                and not (i + 1 < n and run[i + 1] in _JUNG_INDEX)
            ):
                jong = _FINAL_PAIRS[jong, run[i]]
                i += 1
        out.append(join_syllable(cho, jung, jong))
    return "".join(out)


def compose(text: str) -> str:
    """Compose runs of loose jamo into syllables (ㅅㅣㅂㅏㄹ → 시발).

    A run is composed only when all of it parses as syllables, so chat runs such as
    ㅋㅋㅠㅠ or ㅇㅋ stay as they are.
    """

    if not _CONSONANT_VOWEL.search(text):
        return text

    def one(match: re.Match[str]) -> str:
        composed = _compose_run(match.group())
        return match.group() if composed is None else composed

    return _JAMO_RUN.sub(one, text)


def to_compat(text: str) -> str:
    """Map conjoining jamo (U+1100 block) to compatibility jamo (U+3130 block)."""
    return text.translate(CONJOINING_TO_COMPAT)


def to_conjoining(text: str) -> str:
    """Map compatibility jamo to conjoining jamo; consonants take their initial form."""
    return text.translate(_TO_CONJOINING)


def choseong(text: str, *, plain: bool = False) -> str:
    """Initial consonants of every syllable (시발 → ㅅㅂ); other characters are kept.

    With ``plain`` tense consonants become plain (씨발 → ㅅㅂ), so one rule covers both.
    """
    out = _SYLLABLE.sub(lambda m: CHO[(ord(m.group()) - SYLLABLE_FIRST) // 588], text)
    return out.translate(_PLAIN) if plain else out
