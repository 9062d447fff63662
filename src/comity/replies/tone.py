"""Tone of a draft: insults and profanity (triage's lexicons), plus reply-specific rules.

A brand reply must stay calm: no sarcasm, no lecturing or talking down, no SHOUTING,
and never blaming the customer. Each rule names the words it found.
"""

from __future__ import annotations

import re
from functools import cache

from comity.replies.hints import N_, Hint
from comity.triage.lexicons import abuse
from comity.triage.lexicons.base import Lexicon
from comity.triage.normalize import normalize_text

# Reply-specific phrasing by family; regexes run on the raw draft, case-insensitive.
_RULES: dict[str, tuple[str, list[str]]] = {
    "sarcastic": (
        N_("'%(words)s' sounds sarcastic"),
        [
            r"\boh,? (?:great|wonderful|perfect)[,.!]* (?:another|more|so)\b",
            r"\boh,? sure\b",
            r"\bthanks for nothing\b",
            r"\bgood luck with that\b",
            r"\bcongratulations on\b[^.!?]{0,30}\b(?:complain|figur)",
            r"\bwhat a surprise\b",
            r"\bsure,? because\b",
            r"\bna (?:toll|super|prima)\b",
            r"\bherzlichen glückwunsch\b[^.!?]{0,30}\b(?:beschwer|geschafft)",
            r"\bdanke für nichts\b",
            r"\bviel glück damit\b",
            r"참 대단하시",
            r"대단하시네요\s*ㅋ",
            r"잘 하셨네요\s*ㅋ",
            r"축하드려요\s*ㅋ",
            r"그러시겠죠",
            r"퍽이나",
        ],
    ),
    "lecturing": (
        N_("'%(words)s' sounds condescending or lecturing"),
        [
            r"\bas (?:we|i) (?:already|clearly) (?:said|stated|explained|mentioned)\b",
            r"\bif you had (?:read|bothered|actually)\b",
            r"\byou (?:should|need to|have to) (?:learn|understand|read|calm)\b",
            r"\b(?:calm down|relax)\b",
            r"\bobviously\b",
            r"\beveryone knows\b",
            r"\b(?:do|did) your (?:research|homework)\b",
            r"\bit'?s not (?:that|so) hard\b",
            r"\bwie (?:bereits|schon) (?:gesagt|erwähnt|erklärt)\b",
            r"\bberuhige?n? (?:sie )?(?:dich|sich)\b",
            r"\bhätte(?:st|n sie)? (?:du |sie )?(?:mal )?(?:gelesen|genau gelesen)\b",
            r"\blies doch\b|\blesen sie doch\b",
            r"\bist doch (?:nicht so )?(?:schwer|klar)\b",
            r"\bbekanntlich\b",
            r"이미 (?:말씀드렸|안내해 ?드렸|공지했)",
            r"(?:공지|안내|글)(?:을|를)? (?:제대로 |잘 )?(?:읽어|읽으|보고 오)",
            r"그것도 모르",
            r"진정하(?:세요|시고|십시오)",
            r"상식적으로",
            r"당연한 (?:거|것|일)(?:잖아|인데|아닌가)",
            r"다들 아시는",
        ],
    ),
    "blaming": (
        N_("'%(words)s' blames the customer"),
        [
            r"\b(?:it'?s|it is|that'?s|that is|this is) (?:entirely |totally )?"
            r"your (?:own )?fault\b",
            r"\byou (?:must have|obviously|clearly) (?:used|done|made|ordered|misread)\b",
            r"\byou did (?:it|something) wrong\b",
            r"\buser error\b",
            r"\byou didn'?t (?:follow|read|check)\b",
            r"\b(?:ihre|deine) (?:eigene )?schuld\b",
            r"\bselbst schuld\b",
            r"\b(?:sie haben|du hast) (?:es |das |ihn )?falsch\b",
            r"\bfalsch (?:bedient|benutzt|verwendet)\b",
            r"고객님 (?:잘못|탓|실수)",
            r"(?:잘못|제대로 안) (?:사용|쓰|보관|주문)하(?:셔서|신 거|셨기)",
            r"본인 (?:잘못|탓|부주의)",
            r"(?:확인|읽지) 안 하신 (?:거|탓)",
        ],
    ),
}
_ABUSE_MESSAGES = {
    "insult": N_("insult: '%(word)s' has no place in a reply"),
    "profanity": N_("profanity: '%(word)s' has no place in a reply"),
}
_COMPILED = {
    family: (message, re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE))
    for family, (message, patterns) in _RULES.items()
}
# Words in capitals that are no shouting.
_ACRONYMS = frozenset(
    {"HACCP", "FAQ", "DM", "DMS", "APP", "ID", "OK", "USA", "TV", "CEO", "PS", "NB", "FYI", "URL"}
)
_CAPS_WORD = re.compile(r"\b[A-ZÄÖÜ]{3,}\b")


@cache
def _abuse_lexicon() -> Lexicon:
    """Triage's insult and profanity lexicons, the same words that flag toxic comments."""
    return Lexicon({name: abuse.FAMILIES[name] for name in ("insult", "profanity")})


def check_tone(text: str, norm: str | None = None) -> list[Hint]:
    """Insulting, sarcastic, lecturing, shouting or blaming phrasing in a draft."""
    hints: list[Hint] = []
    found = _abuse_lexicon().scan(norm if norm is not None else normalize_text(text))
    for family in ("insult", "profanity"):
        words = found.get(family)
        if words:
            at = text.casefold().find(words[0].casefold())
            span = (at, at + len(words[0])) if at >= 0 else None
            hints.append(Hint.of("tone", _ABUSE_MESSAGES[family], {"word": words[0]}, span))
    for _family, (message, pattern) in _COMPILED.items():
        match = pattern.search(text)
        if match:
            hints.append(
                Hint.of("tone", message, {"words": match.group(0)}, (match.start(), match.end()))
            )
    hints.extend(_shouting(text))
    return hints


def _shouting(text: str) -> list[Hint]:
    words = [m for m in _CAPS_WORD.finditer(text) if m.group(0) not in _ACRONYMS]
    letters = [ch for ch in text if ch.isalpha() and ch.isascii()]
    upper = sum(ch.isupper() for ch in letters)
    if len(words) >= 2 or (len(letters) >= 12 and upper / len(letters) > 0.6):
        first = words[0] if words else None
        span = (first.start(), first.end()) if first else None
        return [Hint.of("tone", N_("written in capitals: it reads as shouting"), span=span)]
    if "!!!" in text or "?!?" in text:
        at = text.find("!!!") if "!!!" in text else text.find("?!?")
        shouting = N_("stacked '!!!' reads as shouting")
        return [Hint.of("tone", shouting, span=(at, at + 3), severity="info")]
    return []
