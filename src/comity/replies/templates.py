"""Saved replies: templates with variables per category, language and speech level."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from string import Formatter
from typing import Any

import yaml

SEED_FILE = Path(__file__).parent / "templates" / "saved_replies.yaml"
# Variables with a fallback: a template may use them even when the case does not tell.
OPTIONAL_VARS = frozenset({"author"})
# Every variable `suggest` fills from the case and the brand profile; a saved reply may use
# only these (anything else would stay empty in every draft).
KNOWN_VARIABLES = (
    "author",
    "product",
    "problem",
    "order_id",
    "campaign",
    "talking_point",
    "netiquette_url",
    "fact",
    "source",
)
LEVELS = ("haeyo", "hapsyo", "banmal", "du", "sie", "casual", "formal")
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}$")


@dataclass(frozen=True, slots=True)
class SavedReply:
    key: str
    category: str
    lang: str
    level: str | None
    text: str
    usage_count: int = 0
    id: int | None = None

    @property
    def variables(self) -> frozenset[str]:
        return frozenset(name for _, name, _, _ in Formatter().parse(self.text) if name)

    def usable_with(self, values: dict[str, str]) -> bool:
        return all(values.get(v) for v in self.variables - OPTIONAL_VARS)


@dataclass(frozen=True, slots=True)
class Problem:
    id: str
    cues: tuple[str, ...]
    names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TemplateSet:
    replies: tuple[SavedReply, ...]
    problems: tuple[Problem, ...]
    closers: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)

    def closers_for(self, lang: str, level: str) -> tuple[str, ...]:
        return self.closers.get((lang, level), ("",))


class TemplateError(ValueError):
    """A saved-reply file or text that cannot be used; the message says where."""


def validate_text(text: str) -> frozenset[str]:
    """The variables a template uses; raises TemplateError on broken braces."""
    try:
        return frozenset(name for _, name, _, _ in Formatter().parse(text) if name)
    except ValueError as exc:
        raise TemplateError(f"bad template {text[:40]!r}: {exc}") from None


def parse_templates(data: Any, name: str = "<templates>") -> TemplateSet:
    if not isinstance(data, dict) or not isinstance(data.get("replies"), list):
        raise TemplateError(f"{name}: needs a 'replies' list")
    replies = []
    seen: set[str] = set()
    for i, item in enumerate(data["replies"]):
        if not isinstance(item, dict):
            raise TemplateError(f"{name}: replies[{i}] must be a mapping")
        missing = [k for k in ("key", "category", "lang", "text") if not item.get(k)]
        if missing:
            raise TemplateError(f"{name}: replies[{i}] lacks {', '.join(missing)}")
        key = str(item["key"])
        if not _KEY.match(key) or key in seen:
            raise TemplateError(f"{name}: replies[{i}] key {key!r} is not a unique slug")
        seen.add(key)
        validate_text(str(item["text"]))
        level = item.get("level")
        replies.append(
            SavedReply(
                key,
                str(item["category"]),
                str(item["lang"]),
                str(level) if level else None,
                str(item["text"]),
            )
        )
    problems = tuple(
        Problem(
            str(pid),
            tuple(str(c).casefold() for c in spec.get("cues", [])),
            {str(k): str(v) for k, v in (spec.get("name") or {}).items()},
        )
        for pid, spec in (data.get("problems") or {}).items()
    )
    closers = {
        (str(lang), str(level)): tuple(str(line) for line in lines)
        for lang, levels in (data.get("closers") or {}).items()
        for level, lines in (levels or {}).items()
    }
    return TemplateSet(tuple(replies), problems, closers)


@cache
def load_templates(path: Path = SEED_FILE) -> TemplateSet:
    """The shipped saved replies (also the store's seed)."""
    with path.open(encoding="utf-8") as handle:
        return parse_templates(yaml.safe_load(handle), str(path))


_JOSA = {
    "(으)로": ("으로", "로"),
    "을(를)": ("을", "를"),
    "이(가)": ("이", "가"),
    "은(는)": ("은", "는"),
}


def _batchim(ch: str) -> int | None:
    """The final consonant index of a Hangul syllable (0 = none), None for other characters."""
    if "\uac00" <= ch <= "\ud7a3":
        return (ord(ch) - 0xAC00) % 28
    return None


def fix_particles(text: str) -> str:
    """Pick 으로/로, 을/를, 이/가, 은/는 to fit the word before them."""
    for marker, (after_consonant, after_vowel) in _JOSA.items():
        while marker in text:
            at = text.index(marker)
            final = _batchim(text[at - 1]) if at > 0 else None
            consonant = final not in (None, 0) and not (marker == "(으)로" and final == 8)
            text = (
                text[:at]
                + (after_consonant if consonant else after_vowel)
                + text[at + len(marker) :]
            )
    return text


_SPACE_PUNCT = re.compile(r"\s+([,!.?])")
_DOUBLE_PUNCT = re.compile(r",([!.?])")
_LEADING = re.compile(r"^[\s,]+")
_SPACES = re.compile(r"[ \t]{2,}")


def render(reply: SavedReply, values: dict[str, str]) -> str:
    """Fill a template; an unknown {author} leaves no dangling comma in English or German."""
    filled = reply.text.format_map(_Defaults(values))
    if reply.lang == "ko":
        filled = fix_particles(filled)
    filled = _SPACE_PUNCT.sub(r"\1", filled)
    filled = _DOUBLE_PUNCT.sub(r"\1", filled)
    filled = _LEADING.sub("", filled)
    filled = _SPACES.sub(" ", filled).strip()
    return filled[:1].upper() + filled[1:] if filled[:1].isascii() else filled


class _Defaults(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""
