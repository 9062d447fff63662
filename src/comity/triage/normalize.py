"""Text normalisation for features and rules: undo how people disguise words.

One pass per comment, so everything is precompiled: translate tables and regexes built
at import. See docs/normalisation.md for what is and is not changed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from comity.triage import deobfuscate as _d
from comity.triage.hangul import CONJOINING_TO_COMPAT, choseong

__all__ = ["Normalized", "extract_emoji", "normalize", "normalize_text"]

# Invisible characters: they hide things (ZWSP, ZWJ, bidi marks, Hangul fillers, tag
# characters) or are typography (soft hyphen, variation selectors, keycap mark). Emoji
# keep their joiners in `Normalized.emoji`.
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u20e3\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e007f"
)
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
# Hidden between two letters means hiding a word; soft hyphens are only typography.
_INVISIBLE_IN_WORD = re.compile(f"[^\\W\\d_][{_INVISIBLE[1:]}]+[^\\W\\d_]")


# NFKC maps keyboard jamo to conjoining jamo and then composes ㅅ+ㅣ into 시 with no
# regard for final consonants; our own composer does that properly. So jamo are parked
# in a private-use plane across NFKC, and halfwidth jamo go straight to keyboard jamo.
_PARK_RE = re.compile("[\u3131-\u318e\uffa1-\uffdc\U0001f130-\U0001f189]+")
_PARK: dict[int, int] = {cp: 0xF0000 + cp for cp in range(0x3131, 0x318F)}
for _cp in range(0xFFA1, 0xFFDD):
    _parts = unicodedata.decomposition(chr(_cp)).split()
    if _parts:  # the range has a few unassigned holes
        _PARK[_cp] = 0xF0000 + int(_parts[-1], 16)
for _base in (0x1F130, 0x1F150, 0x1F170):  # squared and circled letters NFKC misses
    _PARK |= {_base + i: ord("a") + i for i in range(26)}
# Characters that need the round trip even in NFKC-normal text.
_EXOTIC = re.compile("[\u1100-\u11ff\uffa1-\uffdc\U0001f130-\U0001f189]")
_UNPARK_RE = re.compile("[\u1100-\u11ff\U000f3131-\U000f318e]+")
_UNPARK: dict[int, str | int | None] = {0xF0000 + cp: cp for cp in range(0x3131, 0x318F)}
_UNPARK |= CONJOINING_TO_COMPAT


def _translate_runs(pattern: re.Pattern[str], table: dict[int, Any]) -> Callable[[str], str]:
    return lambda text: pattern.sub(lambda m: m.group().translate(table), text)


_park = _translate_runs(_PARK_RE, _PARK)
_unpark = _translate_runs(_UNPARK_RE, _UNPARK)

# Letters whose presence means someone reached for fancy Unicode to write a word:
# fullwidth, circled, squared and mathematical Latin, halfwidth jamo.
_FANCY_LATIN = re.compile(
    "[\uff21-\uff3a\uff41-\uff5a\u249c-\u24e9\U0001d400-\U0001d7ff\U0001f130-\U0001f189"
    "\uffa1-\uffdc]"
)
# Conjoining jamo that NFKC could not compose into syllables: pasted on purpose.
_LOOSE_JAMO = re.compile("[\u1100-\u11ff]")
# Combining marks left after NFKC did not attach to anything: zalgo and strike-through.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_LOOSE_MARKS = re.compile(f"[{_MARKS}]")
# One scan for everything above that is rare, so ordinary text pays for a single search.
_RARE = re.compile(f"[{_INVISIBLE}{_MARKS}\u0130\u1100-\u11ff\uffa1-\uffdc\U0001f130-\U0001f189]")

_EMOJI_CHAR = (
    "\U0001f000-\U0001f0ff\U0001f200-\U0001faff\u2600-\u27bf\u2300-\u23ff\u2b00-\u2bff"
    "\u3030\u303d\u3297\u3299\u203c\u2049"
)
_EMOJI_HINT = re.compile(f"[{_EMOJI_CHAR}\U0001f1e6-\U0001f1ff\u20e3]")
_EMOJI_ONE = f"[{_EMOJI_CHAR}][\U0001f3fb-\U0001f3ff]?\ufe0f?"
_EMOJI_RE = re.compile(
    "[\U0001f1e6-\U0001f1ff]{2}"  # flags are pairs of regional indicators
    "|[0-9#*]\ufe0f?\u20e3"  # keycaps
    f"|{_EMOJI_ONE}(?:\u200d{_EMOJI_ONE})*[\U000e0020-\U000e007f]*"
)


@dataclass(frozen=True, slots=True)
class Normalized:
    """A comment's text in canonical form, plus what normalisation noticed."""

    text: str
    emoji: tuple[str, ...] = ()
    obfuscated: bool = False

    @property
    def tokens(self) -> list[str]:
        """Whitespace tokens of the normalised text."""
        return self.text.split()

    @property
    def choseong(self) -> str:
        """The text with every syllable reduced to its initial consonant (시발 → ㅅㅂ)."""
        return choseong(self.text)


def extract_emoji(text: str) -> list[str]:
    """Emoji in order of appearance; ZWJ sequences, flags and skin tones stay whole."""
    if text.isascii() or not _EMOJI_HINT.search(text):
        return []
    return _EMOJI_RE.findall(text)


def _unicode_fold(text: str) -> tuple[str, bool]:
    """NFKC, casefold and cleanup for non-ASCII text; reports fancy-Unicode disguises."""
    fancy = False
    rare = _RARE.search(text) is not None
    if rare and _INVISIBLE_RE.search(text):
        fancy = _INVISIBLE_IN_WORD.search(text) is not None
        text = _INVISIBLE_RE.sub("", text)
    if "\u00b4" in text:  # ´ typed as an apostrophe; NFKC would leave a loose accent
        text = text.replace("\u00b4", "'")
    exotic = rare and _EXOTIC.search(text) is not None
    if exotic or not unicodedata.is_normalized("NFKC", text):
        parked = _park(text)
        # Keyboard jamo alone make text "not NFKC"; skip the expensive round trip then.
        if exotic or not unicodedata.is_normalized("NFKC", parked):
            fancy = fancy or _FANCY_LATIN.search(text) is not None
            text = unicodedata.normalize("NFKC", parked)
            fancy = fancy or _LOOSE_JAMO.search(text) is not None
            text = _unpark(text)
    if rare and "\u0130" in text:
        text = text.replace("\u0130", "i")  # casefold would add a combining dot
    text = text.casefold()
    if rare and _LOOSE_MARKS.search(text):
        text = _LOOSE_MARKS.sub("", text)
        fancy = True
    return text, fancy


def normalize(text: str) -> Normalized:
    """Normalise one comment for models and rule matching."""
    if text.isascii():
        emoji: tuple[str, ...] = ()
        folded, fancy = text.lower(), False
    else:
        emoji = tuple(_EMOJI_RE.findall(text)) if _EMOJI_HINT.search(text) else ()
        folded, fancy = _unicode_fold(text)
    ascii_only = text.isascii()
    cleaned, changed = _d.deobfuscate(" ".join(folded.split()), ascii_only=ascii_only)
    if changed:  # one join can expose the next disguise
        cleaned = _d.deobfuscate(cleaned, ascii_only=ascii_only)[0]
    return Normalized(text=cleaned, emoji=emoji, obfuscated=fancy or changed)


def normalize_text(text: str) -> str:
    """Return the canonical form used by features and rules (= ``normalize(text).text``)."""
    return normalize(text).text
