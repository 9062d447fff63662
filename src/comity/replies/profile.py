"""The brand profile: voice, glossary, sign-offs, fact sheet, campaigns, approvals.

One YAML file is the single source of these facts (the demo brand's ships as
`profiles/haneul.yaml`). Loading validates the schema and reports every problem
as `FILE:LINE: message`, so an admin editing it in the UI knows where to look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from comity.triage.lexicons.profile import BrandData, FactData

DEMO_PROFILE = Path(__file__).parent / "profiles" / "haneul.yaml"
LANGS = ("ko", "en", "de")
HintKind = Literal["tone", "speech_level", "glossary", "copy_paste", "facts"]
HINT_KINDS: tuple[str, ...] = ("tone", "speech_level", "glossary", "copy_paste", "facts")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PerLang(_Strict):
    """One text per language; Korean first, English and German optional."""

    ko: str | None = None
    en: str | None = None
    de: str | None = None

    def get(self, lang: str, fallback: str = "en") -> str:
        found = getattr(self, lang, None) if lang in LANGS else None
        return str(found or getattr(self, fallback, None) or self.ko or "")


class VoiceLevels(_Strict):
    ko: Literal["haeyo", "hapsyo", "banmal"] | None = None
    en: Literal["casual", "formal"] | None = None
    de: Literal["du", "sie"] | None = None


class Voice(_Strict):
    default: VoiceLevels
    channels: dict[str, VoiceLevels] = Field(default_factory=dict)
    categories: dict[str, VoiceLevels] = Field(default_factory=dict)
    notes: PerLang = PerLang()

    def level(self, channel: str, lang: str, category: str | None = None) -> str:
        """The speech level a reply should use: category override, then channel, then default."""
        for table, key in ((self.categories, category), (self.channels, channel)):
            levels = table.get(key) if key else None
            found = getattr(levels, lang, None) if levels is not None and lang in LANGS else None
            if found:
                return str(found)
        found = getattr(self.default, lang, None) if lang in LANGS else None
        return str(found or {"ko": "haeyo", "de": "sie"}.get(lang, "casual"))


class Product(_Strict):
    id: str
    name: PerLang
    aliases: list[str] = Field(default_factory=list)
    misspellings: list[str] = Field(default_factory=list)


class Preferred(_Strict):
    use: str
    instead_of: list[str] = Field(min_length=1)
    lang: str | None = None


class Forbidden(_Strict):
    term: str
    lang: str | None = None
    why: str = ""
    say: str = ""


class Glossary(_Strict):
    products: list[Product] = Field(default_factory=list)
    preferred: list[Preferred] = Field(default_factory=list)
    forbidden: list[Forbidden] = Field(default_factory=list)


class SignOff(_Strict):
    default: PerLang = PerLang()
    channels: dict[str, PerLang] = Field(default_factory=dict)

    def for_channel(self, channel: str, lang: str) -> str:
        per = self.channels.get(channel)
        if per is not None and getattr(per, lang, None):
            return str(getattr(per, lang))
        return str(getattr(self.default, lang, None) or "") if lang in LANGS else ""


class NumberFact(_Strict):
    """Numbers the fact sheet fixes, e.g. 18 g sugar: `near` words, a unit regex, the values."""

    near: list[str] = Field(min_length=1)
    unit: str
    values: list[float] = Field(min_length=1)

    @field_validator("unit")
    @classmethod
    def _unit_regex(cls, value: str) -> str:
        _compile(value)
        return value


class FactEntry(_Strict):
    id: str
    fact: str  # one English line (triage reads it for its reasons)
    text: PerLang  # what a reply says, per language
    source: str
    keywords: list[str] = Field(default_factory=list)
    gate: list[str] = Field(default_factory=list)
    claims: list[str] = Field(default_factory=list)
    numbers: list[NumberFact] = Field(default_factory=list)

    @field_validator("claims")
    @classmethod
    def _claims_compile(cls, value: list[str]) -> list[str]:
        for pattern in value:
            _compile(pattern)
        return value

    @field_validator("source")
    @classmethod
    def _source_is_link(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("source must be a link (https://...)")
        return value


class Campaign(_Strict):
    name: str
    hashtags: list[str] = Field(min_length=1)
    start: date
    end: date
    talking_points: PerLang = PerLang()
    cues: list[str] = Field(default_factory=list)
    context_cues: list[str] = Field(default_factory=list)

    def hashtag(self, lang: str) -> str:
        """The campaign hashtag in the reply's language (Hangul tag for Korean)."""
        hangul = [h for h in self.hashtags if any("\uac00" <= c <= "\ud7a3" for c in h)]
        latin = [h for h in self.hashtags if h not in hangul]
        if lang == "ko" and hangul:
            return hangul[0]
        return (latin or hangul)[0]


class Approvals(_Strict):
    categories: list[str] = Field(default_factory=lambda: ["legal", "misinformation"])
    crisis: bool = True
    roles: list[str] = Field(default_factory=list)
    approver_roles: list[str] = Field(default_factory=lambda: ["moderator", "admin"])


class Checks(_Strict):
    copy_paste_threshold: float = Field(0.6, gt=0.0, le=1.0)
    copy_paste_window_hours: int = Field(24, ge=1, le=24 * 30)
    blocking: list[HintKind] = Field(default_factory=list)


class BrandInfo(_Strict):
    name: str
    names: list[str] = Field(min_length=1)
    official_handles: list[str] = Field(default_factory=list)
    lookalike_handle: str = "(?!)"
    lookalike_name: str = "(?!)"
    netiquette_url: str = ""

    @field_validator("lookalike_handle", "lookalike_name")
    @classmethod
    def _regex(cls, value: str) -> str:
        _compile(value)
        return value


class BrandProfile(_Strict):
    """The whole profile (triage takes its part through `brand_data`)."""

    version: Literal[1] = 1
    brand: BrandInfo
    voice: Voice
    sign_off: SignOff = SignOff()
    glossary: Glossary = Glossary()
    facts: list[FactEntry] = Field(default_factory=list)
    campaigns: list[Campaign] = Field(default_factory=list)
    approvals: Approvals = Approvals()
    checks: Checks = Checks()

    def fact(self, fact_id: str) -> FactEntry | None:
        return next((f for f in self.facts if f.id == fact_id), None)

    def current_campaign(self, today: date | None = None) -> Campaign | None:
        """The campaign running today, else the most recent one (demo data is undated)."""
        if not self.campaigns:
            return None
        if today is not None:
            for campaign in self.campaigns:
                if campaign.start <= today <= campaign.end:
                    return campaign
        return max(self.campaigns, key=lambda c: c.end)


class ProfileError(ValueError):
    """A profile that cannot be used; `problems` are `FILE:LINE: message` lines."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _compile(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"bad regex {pattern!r}: {exc}") from None


@dataclass(frozen=True, slots=True)
class _Located:
    value: Any
    lines: dict[tuple[str | int, ...], int]


def _walk(
    node: Node,
    path: tuple[str | int, ...],
    lines: dict[tuple[str | int, ...], int],
    scalar: Any,
) -> Any:
    lines[path] = int(node.start_mark.line) + 1
    if isinstance(node, MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar_key(key_node, scalar)
            lines[(*path, key)] = int(key_node.start_mark.line) + 1
            out[key] = _walk(value_node, (*path, key), lines, scalar)
        return out
    if isinstance(node, SequenceNode):
        return [_walk(item, (*path, i), lines, scalar) for i, item in enumerate(node.value)]
    if isinstance(node, ScalarNode):
        return scalar(node)
    return None


def _scalar_key(node: Node, scalar: Any) -> str:
    if isinstance(node, ScalarNode):
        key = scalar(node)
    else:  # a complex key: rare, so the slow round trip is fine
        key = yaml.safe_load(yaml.serialize(node)) if node.value is not None else None
    return str(key) if key is not None else ""


# libyaml's composer when installed (same nodes and lines, ~4x faster than pure Python).
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _node(text: str, name: str) -> Node | None:
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        pass  # the pure-Python loader says where and what, as the editor shows it
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = int(mark.line) + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise ProfileError([f"{name}:{line}: invalid YAML: {problem}"]) from None


def _compose(text: str, name: str) -> _Located:
    node = _node(text, name)
    lines: dict[tuple[str | int, ...], int] = {}
    if node is None:
        raise ProfileError([f"{name}:1: the brand profile is empty"])
    # The safe loader's own constructor for scalars (tags resolved by compose): a
    # serialize + safe_load round trip per scalar took ~60 ms on the demo profile.
    scalar = SafeConstructor().construct_object
    return _Located(_walk(node, (), lines, scalar), lines)


def _line_of(loc: tuple[str | int, ...], lines: dict[tuple[str | int, ...], int]) -> int:
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in lines:
            return lines[loc[:cut]]
    return 1


def parse_profile(text: str, name: str = "<profile>") -> BrandProfile:
    """Parse and validate profile YAML; raises ProfileError with FILE:LINE problems."""
    located = _compose(text, name)
    if not isinstance(located.value, dict):
        raise ProfileError([f"{name}:1: the brand profile must be a mapping of sections"])
    try:
        profile = BrandProfile.model_validate(located.value)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if isinstance(p, str | int))
            # pydantic names Literal/union branches in the loc; keep only real keys
            where = ".".join(str(p) for p in loc) or "profile"
            message = str(err["msg"]).removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                message = "unknown key"
            problems.append(f"{name}:{_line_of(loc, located.lines)}: {where}: {message}")
        raise ProfileError(sorted(set(problems), key=_problem_order)) from None
    problems = _cross_checks(profile, located, name)
    if problems:
        raise ProfileError(problems)
    return profile


def _problem_order(problem: str) -> tuple[int, str]:
    try:
        return int(problem.split(":")[1]), problem
    except (IndexError, ValueError):
        return 0, problem


def _cross_checks(profile: BrandProfile, located: _Located, name: str) -> list[str]:
    """What the schema alone cannot say: unique ids, campaign dates."""
    problems: list[str] = []
    seen: set[str] = set()
    for i, fact in enumerate(profile.facts):
        if fact.id in seen:
            line = _line_of(("facts", i, "id"), located.lines)
            problems.append(f"{name}:{line}: facts.{i}.id: duplicate fact id {fact.id!r}")
        seen.add(fact.id)
    for i, campaign in enumerate(profile.campaigns):
        if campaign.end < campaign.start:
            line = _line_of(("campaigns", i, "end"), located.lines)
            problems.append(f"{name}:{line}: campaigns.{i}.end: ends before it starts")
    return problems


_cache: dict[tuple[str, float], BrandProfile] = {}


def load_profile(path: Path | None = None) -> BrandProfile:
    """Read a profile file (the demo brand's when `path` is None); cached per file and mtime."""
    path = path or DEMO_PROFILE
    try:
        stamp = path.stat().st_mtime
        key = (str(path.resolve()), stamp)
        if key in _cache:
            return _cache[key]
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProfileError([f"{path}:1: cannot read the brand profile: {exc.strerror}"]) from None
    profile = parse_profile(text, str(path))
    for old in [k for k in _cache if k[0] == key[0]]:
        del _cache[old]  # an edited file's older versions are never asked for again
    _cache[key] = profile
    return profile


def brand_data(profile: BrandProfile) -> BrandData:
    """What triage takes from the profile (names, handles, current campaign, fact claims)."""
    campaign = profile.current_campaign()
    return BrandData(
        names=tuple(profile.brand.names),
        official_handles=tuple(profile.brand.official_handles),
        lookalike_handle=profile.brand.lookalike_handle,
        lookalike_name=profile.brand.lookalike_name,
        campaign_name=campaign.name if campaign else "",
        campaign_hashtags=tuple(campaign.hashtags) if campaign else (),
        campaign_cues=tuple(campaign.cues) if campaign else (),
        campaign_context_cues=tuple(campaign.context_cues) if campaign else (),
        facts=tuple(FactData(f.id, f.fact, tuple(f.claims), tuple(f.gate)) for f in profile.facts),
    )


def read_brand_data(path: Path) -> BrandData:
    """Triage's brand reader (`Triager.follow_profile`): this parser, then `brand_data`."""
    return brand_data(load_profile(path))


EDITED_PROFILE_NAME = "brand_profile.yaml"


def profile_path(configured: Path | None, data_dir: Path) -> Path:
    """The profile in use: the configured file, else an admin-saved copy, else the demo's."""
    if configured is not None:
        return configured
    edited = data_dir / EDITED_PROFILE_NAME
    return edited if edited.exists() else DEMO_PROFILE
