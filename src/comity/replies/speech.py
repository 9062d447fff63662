"""Speech level of a draft: Korean sentence endings (kiwipiepy), German du/Sie, English register."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from comity.replies.hints import N_, Hint, Param

_kiwi: Any = None
_kiwi_lock = threading.Lock()

LEVEL_NAMES = {
    "haeyo": "해요체",
    "hapsyo": "하십시오체",
    "banmal": "반말",
    "du": "du",
    "sie": "Sie",
    "casual": "casual",
    "formal": "formal",
}
# 하십시오체 endings (after jamo-normalised forms kiwipiepy gives, e.g. 'ᆸ니다').
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_HAPSYO = re.compile(r"(?:ᆸ|습)니(?:다|까)$|(?:ᆸ|십)?시오$|ᆸ시다$|시지요$")


def kiwi() -> Any:
    """The one kiwipiepy analyser of this process (loading costs ~1 s, so load lazily once)."""
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi  # imported here: only drafts in Korean need it

                _kiwi = Kiwi()
    return _kiwi


@dataclass(frozen=True, slots=True)
class Sentence:
    level: str  # haeyo | hapsyo | banmal
    ending: str
    start: int
    end: int


# A sentence: text up to final punctuation or a line break.
_SENTENCE = re.compile(r"[^.!?\n。…~]+[.!?\n。…~]*")
_TAIL_WORDS = 2


def _tails(text: str) -> list[tuple[int, str]]:
    """The last words of each sentence with their offset: the ending lives there.

    Analysing only these keeps a 400-character draft at a few milliseconds, where
    kiwipiepy on the whole text costs ten times more.
    """
    out = []
    for match in _SENTENCE.finditer(text):
        words = list(re.finditer(r"\S+", match.group(0)))
        if not words:
            continue
        first = words[max(0, len(words) - _TAIL_WORDS)]
        start = match.start() + first.start()
        end = match.start() + words[-1].end()
        out.append((start, text[start:end]))
    return out


def korean_sentences(text: str) -> list[Sentence]:
    """Each sentence's final ending and its speech level (sentences without one are skipped)."""
    out: list[Sentence] = []
    tails = [(start, tail) for start, tail in _tails(text) if _HANGUL.search(tail)]
    analysed = kiwi().tokenize([tail for _, tail in tails]) if tails else []
    for (offset, tail), tokens in zip(tails, analysed, strict=True):
        ending = _final_ending(tail, list(tokens))
        if ending is not None:
            form, start, end = ending
            out.append(
                Sentence(
                    _level(form), text[offset + start : offset + end], offset + start, offset + end
                )
            )
    return out


def _final_ending(tail: str, tokens: list[Any]) -> tuple[str, int, int] | None:
    """The last sentence-final ending (EF) in a tail, with the predicate's span."""
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        if tok.tag != "EF":
            continue
        form = str(tok.form)
        end = int(tok.start + tok.len)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.tag == "JX" and nxt.form == "요":  # 알겠어 + 요
            form += "요"
            end = int(nxt.start + nxt.len)
        start = int(tokens[i - 1].start if i > 0 else tok.start)
        return form, start, end
    return None


def _level(ending: str) -> str:
    if _HAPSYO.search(ending):
        return "hapsyo"
    if ending.endswith(("요", "죠", "지요")):
        return "haeyo"
    return "banmal"


def check_korean(text: str, want: str) -> list[Hint]:
    """Banmal where the channel wants polite speech, mixed levels, or the other polite level."""
    sentences = korean_sentences(text)
    if not sentences:
        return []
    levels = [s.level for s in sentences]
    hints: list[Hint] = []
    banmal = [s for s in sentences if s.level == "banmal"]
    polite = [s for s in sentences if s.level != "banmal"]
    if want in ("haeyo", "hapsyo") and banmal:
        first = banmal[0]
        message = (
            N_(
                "반말 ending '%(ending)s' on a channel that uses %(level)s (mixed with polite "
                "sentences in the same reply); %(count)s of %(total)s sentences"
            )
            if polite
            else N_(
                "반말 ending '%(ending)s' on a channel that uses %(level)s; "
                "%(count)s of %(total)s sentences"
            )
        )
        params: dict[str, Param] = {
            "ending": first.ending,
            "level": LEVEL_NAMES[want],
            "count": len(banmal),
            "total": len(sentences),
        }
        hints.append(Hint.of("speech_level", message, params, (first.start, first.end)))
    elif want == "banmal" and polite and banmal:
        hints.append(
            Hint.of(
                "speech_level",
                N_("mixed 반말 and polite endings in one reply"),
                span=(polite[0].start, polite[0].end),
            )
        )
    elif want == "hapsyo" and levels.count("haeyo") > levels.count("hapsyo"):
        first = next(s for s in sentences if s.level == "haeyo")
        hints.append(
            Hint.of(
                "speech_level",
                N_(
                    "mostly 해요체 ('%(ending)s') where this reply should use 하십시오체 "
                    "(formal complaint or legal matter)"
                ),
                {"ending": first.ending},
                (first.start, first.end),
                severity="info",
            )
        )
    elif (
        want == "haeyo"
        and levels
        and all(level == "hapsyo" for level in levels)
        and len(levels) > 2
    ):
        hints.append(
            Hint.of(
                "speech_level",
                N_("only 하십시오체 on a channel that uses 해요체: it may sound stiff here"),
                span=(sentences[0].start, sentences[0].end),
                severity="info",
            )
        )
    return hints


_DU = re.compile(
    r"\b(?:du|dich|dir|dein\w*|euch|euer|eure\w*)\b"
    # imperatives that only du takes ("Schreib uns", "Schick uns"; Sie says "Schreiben Sie")
    r"|\b(?:schreib|schick|meld|komm|probier|gib|sag|schau|frag|check)\b(?=\s+(?:uns|mal|gern|doch))",
    re.IGNORECASE,
)
_SIE_ANYWHERE = re.compile(r"\b(?:Ihnen|Ihre[mnrs]?)\b")
# A capitalised "Sie" is the formal you unless a 3rd-person verb follows ("Sie ist neu").
_SIE = re.compile(
    r"\bSie\b(?!\s+(?:ist|hat|war|wird|kostet|schmeckt|kommt|gibt|bleibt|enthält|gilt|geht)\b)"
    r"|\bIhr\b(?=\s+[a-zäöüß]*[A-ZÄÖÜ])"
)


def check_german(text: str, want: str) -> list[Hint]:
    """du/Sie consistency against the channel's voice."""
    du = [m for m in _DU.finditer(text)]
    sie = [m for m in _SIE_ANYWHERE.finditer(text)] + [m for m in _SIE.finditer(text)]
    sie.sort(key=lambda m: m.start())
    if du and sie:
        first = min(du[0], sie[0], key=lambda m: m.start())
        return [
            Hint.of(
                "speech_level",
                N_("mixes du ('%(du)s') and Sie ('%(sie)s') in one reply"),
                {"du": du[0].group(0), "sie": sie[0].group(0)},
                (first.start(), first.end()),
            )
        ]
    if want == "sie" and du:
        return [
            Hint.of(
                "speech_level",
                N_("'%(word)s' (du) on a channel that uses Sie"),
                {"word": du[0].group(0)},
                (du[0].start(), du[0].end()),
            )
        ]
    if want == "du" and sie:
        return [
            Hint.of(
                "speech_level",
                N_("'%(word)s' (Sie) on a channel that uses du"),
                {"word": sie[0].group(0)},
                (sie[0].start(), sie[0].end()),
                severity="info",
            )
        ]
    return []


_EN_FORMAL = re.compile(
    r"\b(?:dear (?:sir|madam|customer)|we regret to inform|kindly be advised|"
    r"please be advised|herewith|hereby|pursuant to|yours faithfully)\b",
    re.IGNORECASE,
)
_EN_SLANG = re.compile(r"\b(?:lol|lmao|omg|u r|ur|gonna|wanna|dude|bro)\b", re.IGNORECASE)


def check_english(text: str, want: str) -> list[Hint]:
    """Register: stiff legalese on casual channels, slang where a formal reply is due."""
    if want == "casual" and (m := _EN_FORMAL.search(text)):
        message = N_("'%(words)s' sounds stiff for this channel's casual-friendly voice")
        span = (m.start(), m.end())
        return [Hint.of("speech_level", message, {"words": m.group(0)}, span, severity="info")]
    if want == "formal" and (m := _EN_SLANG.search(text)):
        message = N_("'%(words)s' is too casual where a formal reply is due")
        return [Hint.of("speech_level", message, {"words": m.group(0)}, (m.start(), m.end()))]
    return []


def check_speech_level(text: str, lang: str, want: str) -> list[Hint]:
    if lang == "ko":
        return check_korean(text, want)
    if lang == "de":
        return check_german(text, want)
    if lang == "en":
        return check_english(text, want)
    return []
