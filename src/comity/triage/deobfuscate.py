"""Undo disguises in casefolded text: separators, digits, leetspeak, look-alike letters.

Every join that could also be ordinary writing is either limited to shapes ordinary
writing does not take (loose jamo, four spaced letters) or confirmed by the word lists
in `lexicon`, so prices, dates, times and normal sentences pass through unchanged.
"""

from __future__ import annotations

import re
from functools import cache

from comity.triage.hangul import compose
from comity.triage.lexicon import (
    CONFUSABLES,
    KO_WORDS,
    LATIN_WORDS,
    LEET,
    LEET_ALTERNATIVES,
)

_L = "a-zà-öø-ÿ"  # Latin letters once casefolded

# URLs, e-mail addresses, @mentions and #hashtags are never rewritten.
# What must not be de-obfuscated: URLs, e-mail addresses, mentions/hashtags, domains. One
# alternation (leftmost match wins, in this order), compiled per text with only the
# alternatives whose literal the text holds: an alternative that cannot match changes no
# match, and the e-mail one alone costs ~2 µs a tweet with a mention.
_TLDS = "com|net|org|de|kr|at|ch|uk|io|ly|me|co|info|shop"
_URL = r"(?:https?://|www\.)\S+"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_MENTION = r"[@#](?<![\w@].)\w+"  # not after a word character or "@" (a charset first: fast)
_DOMAIN = rf"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:{_TLDS})\b(?:/\S*)?"
_DOMAIN_HINT = re.compile(rf"\.(?:{_TLDS})\b")


@cache
def _protect(url: bool, email: bool, mention: bool, domain: bool) -> re.Pattern[str]:
    wanted = zip((url, email, mention, domain), (_URL, _EMAIL, _MENTION, _DOMAIN), strict=True)
    return re.compile("|".join(pattern for keep, pattern in wanted if keep))


_HANGUL = re.compile("[가-힣ㄱ-ㅣ]")
_JAMO = re.compile("[ㄱ-ㅣ]")

# Loose consonants separated by spaces, punctuation or digits: ㅅ.ㅂ, ㅈ ㄴ, ㅆ1ㅂ. Vowels
# stay apart: ㅠ.ㅠ and ㅡ.ㅡ are faces, not disguises.
_JAMO_SEP = r"(?:[ ]?[.,\-_·/|+~*:;^!?'\"ㆍ…][ ]?|[ ]|\d{1,2})"
_JAMO_SINGLES = re.compile(f"(?<![ㄱ-ㅣ])[ㄱ-ㅎ](?:{_JAMO_SEP}[ㄱ-ㅎ])+(?![ㄱ-ㅣ])")
_JAMO_SEP_RE = re.compile(_JAMO_SEP)

# Three or more single syllables joined by punctuation (씨.발.놈); spaces alone do not
# count, because 좀 더 잘 해 is ordinary Korean.
_KO_SEP_CHARS = ".\\-_·/|+~*:;^ㆍ"  # no comma: 눈, 귀, 입 is a list
_KO_SEP = f"[ ]?[{_KO_SEP_CHARS}][ ]?"
_KO_SEP_HINT = re.compile(f"[{_KO_SEP_CHARS}][ ]?[가-힣]")
_KO_DOTTED = re.compile(f"(?<![가-힣])[가-힣]{_KO_SEP}[가-힣](?:{_KO_SEP}[가-힣])+(?![가-힣])")
_KO_SEP_RE = re.compile(_KO_SEP)

# Listed words with symbols, one digit or a space inside (시1발, 병.신, 개새1끼, 시 발);
# never a number (당시 15발) or a digit after a space (번호 2로).
_NOISE = r"(?:[.,\-_*~^!@#$%&+=|/\\:;'\"`?·ㆍ]{1,3}|\d|\s)?"
_KO_LONG = sorted((w for w in KO_WORDS if len(w) > 1), key=len, reverse=True)
_KO_WORDS = re.compile("|".join(_NOISE.join(word) for word in _KO_LONG))
_NOT_HANGUL = re.compile("[^가-힣]")
# 씨8 reads 씨팔; not after a digit or before a counter, so 12시8분 stays a time.
_SSI8 = re.compile("(?<!\\d)([씨시ㅆ])8(?![\\d시분초층호번월일개명년원])")

# Four or more spaced single letters (s h i t, f.u.c.k), or three forming a listed word.
# The separator must repeat exactly, so abbreviations such as "i.e. z.b." stay apart.
_LATIN_SEP = r"(?:[ ]?[.\-_·/|+~*][ ]?|[ ])"  # no ":" (:D :D :D) and no "," (a, b, c)
_LATIN_SINGLES = re.compile(
    f"(?<![\\w@$])[{_L}0-9@$]({_LATIN_SEP})[{_L}0-9@$](?:\\1[{_L}0-9@$])+(?![\\w@$])"
)
# Cheap necessary condition (a separator, a single letter, a separator, a letter), so
# ordinary sentences skip the full pattern.
_SEP_CHARS = "[ .\\-_·/|+~*]"
_SINGLES_HINT = re.compile(f"{_SEP_CHARS}[{_L}0-9@$]{_SEP_CHARS}{{1,3}}[{_L}0-9@$]")
_LATIN_SEP_RE = re.compile(_LATIN_SEP)
_LATIN_LETTER = re.compile(f"[{_L}]")
_LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ")

# Digits and symbols touching Latin letters: candidates for leetspeak. "!" alone only
# counts before a letter (sh!t), never at the end of a sentence.
_SYMBOL_RUN = re.compile("[0-9@$!|*]+")
_SYMBOL_HINT = re.compile("[0-9@$|*]")
_BANG_LETTER = re.compile(f"![{_L}]")
_TOKEN_CHARS = _LATIN_LETTERS | frozenset("0123456789@$!|*")
# Without the word list only vowel-like digits between letters count (l0ser, sch3isse,
# st00pid, bull$hit); 5 and 7 or longer numbers are too often glued-on numbers
# (bis10minuten, g5s).
_LEET_INTERIOR = re.compile(f"(?<=[{_L}])(?:([0134@])\\1?|\\$\\$?)(?=[{_L}])")
_DIGIT = re.compile("[0-9]")
_READINGS = {c: LEET.get(c, "") + LEET_ALTERNATIVES.get(c, "") for c in LEET}
_LATIN_BY_LEN: dict[int, list[str]] = {}
for _word in LATIN_WORDS:
    _LATIN_BY_LEN.setdefault(len(_word), []).append(_word)
_LATIN_SET = frozenset(LATIN_WORDS)

_LOOKALIKE_CHARS = "\u0250-\u02af\u0370-\u03ff\u0400-\u052f"
_LOOKALIKE_HINT = re.compile(f"[{_LOOKALIKE_CHARS}]")
_MIXED_WORD = re.compile(
    f"(?<![^\\W\\d_])(?=[^\\W\\d_]*[a-z])(?=[^\\W\\d_]*[{_LOOKALIKE_CHARS}])[^\\W\\d_]+"
)
_CONFUSABLES = str.maketrans(CONFUSABLES)

_REPEAT_HINT = re.compile(r"(.)\1\1")
_REPEAT = re.compile(r"(\D)\1{2,}")


def fold_lookalikes(text: str) -> str:
    """Replace look-alike letters inside words that also contain Latin letters."""
    return _MIXED_WORD.sub(lambda m: m.group().translate(_CONFUSABLES), text)


def _reads_as(w: str) -> str:
    """A regex class of the characters that may stand for the letter ``w``."""
    chars = {w} | ({"*"} if w.isalpha() else set()) | {c for c, r in _READINGS.items() if w in r}
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


# Per length, one alternation of the listed words spelt with their stand-ins, in list
# order; fullmatch picks the first word that fits, as a loop over the list would.
_LATIN_RE_BY_LEN: dict[int, re.Pattern[str]] = {
    n: re.compile("|".join("(" + "".join(map(_reads_as, w)) + ")" for w in words))
    for n, words in _LATIN_BY_LEN.items()
}


def match_latin_word(core: str) -> str | None:
    """The listed word this leet spelling stands for (4sshole → asshole), if any."""
    pattern = _LATIN_RE_BY_LEN.get(len(core))
    if pattern is None or len(core) < 3:
        return None
    letters = sum(map(str.isalpha, core))
    if letters == 0 or letters < core.count("*"):
        return None
    match = pattern.fullmatch(core)
    return _LATIN_BY_LEN[len(core)][match.lastindex - 1] if match and match.lastindex else None


def _leet_word(token: str) -> str:
    """De-leet one token of Latin letters mixed with digits or symbols."""
    core = token.strip("!|*")  # edge stars are emphasis (*is*), not letters
    if not core:
        return token
    start = token.index(core)
    head, tail = token[:start], token[start + len(core) :]
    word = match_latin_word(core)
    if word is not None:
        return head + word + tail
    if len(core) > 12:
        return token
    mapped = _LEET_INTERIOR.sub(lambda m: "".join(LEET[c] for c in m.group()), core)
    if _DIGIT.search(mapped):  # other digits left: a code or a number, not leetspeak
        return token
    return head + mapped + tail


def _leet(text: str) -> str:
    """Rewrite only the tokens where a digit or symbol touches a Latin letter."""
    parts: list[str] = []
    pos, end = 0, len(text)
    for match in _SYMBOL_RUN.finditer(text):
        start, stop = match.span()
        if start < pos:
            continue
        before = start > 0 and text[start - 1] in _LATIN_LETTERS
        after = stop < end and text[stop] in _LATIN_LETTERS
        if not (before or after) or (not after and match.group().strip("!") == ""):
            continue  # numbers, prices, and "wow!" stay as they are
        while start > pos and text[start - 1] in _TOKEN_CHARS:
            start -= 1
        while stop < end and text[stop] in _TOKEN_CHARS:
            stop += 1
        parts += (text[pos:start], _leet_word(text[start:stop]))
        pos = stop
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _two(match: re.Match[str]) -> str:
    return match.group(1) * 2  # a callable: template strings are expanded in Python


def _latin_singles(match: re.Match[str]) -> str:
    run = match.group()
    joined = _LATIN_SEP_RE.sub("", run)
    if len(_LATIN_LETTER.findall(joined)) < 2:
        return run
    if len(joined) >= 4 or joined in _LATIN_SET or match_latin_word(joined):
        return joined
    return run


def _join_jamo(match: re.Match[str]) -> str:
    return _JAMO_SEP_RE.sub("", match.group())


def _join_dotted(match: re.Match[str]) -> str:
    return _KO_SEP_RE.sub("", match.group())


def _join_ko_word(match: re.Match[str]) -> str:
    """Join a listed word; when only spaces split it, only if it stands alone (시 발)."""
    run = match.group()
    joined = _NOT_HANGUL.sub("", run)
    if len(joined) + run.count(" ") == len(run) and len(joined) != len(run):
        text, start, stop = match.string, match.start(), match.end()
        if (start > 0 and "가" <= text[start - 1] <= "힣") or (
            stop < len(text) and "가" <= text[stop] <= "힣"
        ):
            return run
    return joined


def _korean(text: str) -> str:
    if _JAMO.search(text):  # join ㅅ.ㅣ first, so the composer sees ㅅㅣ
        text = compose(_JAMO_SINGLES.sub(_join_jamo, text))
    if _KO_SEP_HINT.search(text):
        text = _KO_DOTTED.sub(_join_dotted, text)
    text = _KO_WORDS.sub(_join_ko_word, text)
    return _SSI8.sub(lambda m: m.group(1) + "팔", text) if "8" in text else text


def _segment(text: str, ascii_only: bool) -> tuple[str, bool]:
    """De-obfuscate text that holds no URL, address, mention or hashtag."""
    if _REPEAT_HINT.search(text):  # first, so 4sssss reaches the word list as 4ss
        text = _REPEAT.sub(_two, text)
    before = text
    if not ascii_only and _LOOKALIKE_HINT.search(text):
        text = fold_lookalikes(text)
    if not ascii_only and _HANGUL.search(text):
        text = _korean(text)
    if ascii_only or _LATIN_LETTER.search(text):
        if _SINGLES_HINT.search(text):
            text = _LATIN_SINGLES.sub(_latin_singles, text)
        if _SYMBOL_HINT.search(text) or ("!" in text and _BANG_LETTER.search(text)):
            text = _leet(text)
    return text, text != before


def deobfuscate(text: str, *, ascii_only: bool = False) -> tuple[str, bool]:
    """Return the de-obfuscated text and whether any disguise was undone."""
    at, url = "@" in text, "://" in text or "www." in text
    mention = at or "#" in text
    domain = "." in text and _DOMAIN_HINT.search(text) is not None
    if not (mention or url or domain):
        return _segment(text, ascii_only)
    parts: list[str] = []
    changed = False
    pos = 0
    protect = _protect(url, at and "." in text, mention, domain)
    for match in protect.finditer(text):
        part, hit = _segment(text[pos : match.start()], ascii_only)
        token = match.group()
        word = match_latin_word(token) if token[0] == "@" else None  # "@ss" is no mention
        parts += (part, word or token)
        changed = changed or hit or word is not None
        pos = match.end()
    part, hit = _segment(text[pos:], ascii_only)
    parts.append(part)
    return "".join(parts), changed or hit
