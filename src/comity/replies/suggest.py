"""Suggested replies: 2-3 drafts fitted to the case's category, language, channel and author.

Drafts come from the saved replies with variables filled from what the author wrote
(product, problem, order number) and from the brand profile (campaign, facts). The
choice is deterministic (seeded by the comment id) and rotates: a second call with the
first call's drafts in `recent_drafts` offers different texts.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from itertools import zip_longest
from typing import Any

from comity.replies.facts import FactMatch, contradicted_facts
from comity.replies.profile import BrandProfile
from comity.replies.similarity import jaccard, normalise, shingles
from comity.replies.templates import SavedReply, TemplateSet, load_templates, render

# Categories whose primary action is a public reply (TAXONOMY.md); others get none:
# spam is hidden, trolls are not fed, neutral chit-chat gets a like at most.
REPLY_CATEGORIES = (
    "praise",
    "creative_critique",
    "question",
    "complaint",
    "misinformation",
    "feedback",
    "fan_content",
    "toxic",
    "campaign",
    "legal",
)
_ORDER_ID = re.compile(
    r"(?:주문\s*번호|주문|order(?:\s*(?:no\.?|number|id))?|bestell(?:nummer|nr\.?|ung))"
    r"\s*[:#]?\s*(#?[A-Z0-9][A-Z0-9-]{3,})",
    re.IGNORECASE,
)
_HASH_NUMBER = re.compile(r"#(\d{5,})")
# A friendly closing line would undercut a netiquette reminder or a removal notice.
_NO_CLOSER = frozenset({"toxic", "legal"})
# The drafts of one case are real alternatives: their bodies (without closing line and
# sign-off) share at most this char-shingle Jaccard, so they differ in opening and body.
MAX_BODY_SIMILARITY = 0.45
_PERSONAL = frozenset({"product", "problem", "order_id"})


@dataclass(frozen=True, slots=True)
class CaseInput:
    """What the suggester needs to know about a case."""

    id: str
    text: str
    channel: str
    category: str
    lang: str | None = None
    author: str = ""  # handle
    author_name: str = ""
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Draft:
    text: str
    template: str
    category: str
    lang: str
    level: str
    facts: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


def _author(case: CaseInput, lang: str) -> str:
    name = (case.author_name or case.author).strip().lstrip("@")
    if lang == "ko":
        return f"{name}님" if name else "고객님"
    return name


def case_values(
    case: CaseInput, lang: str, profile: BrandProfile, templates: TemplateSet
) -> tuple[dict[str, str], list[FactMatch]]:
    """Variables for the templates, from the comment and the profile."""
    folded = case.text.casefold()
    values: dict[str, str] = {"author": _author(case, lang)}
    for product in profile.glossary.products:
        if product.id != "brand" and any(a.casefold() in folded for a in product.aliases):
            values["product"] = product.name.get(lang)
            break
    for problem in templates.problems:
        if any(cue in folded for cue in problem.cues) and problem.names.get(lang):
            values["problem"] = problem.names[lang]
            break
    order = _ORDER_ID.search(case.text) or _HASH_NUMBER.search(case.text)
    if order and any(ch.isdigit() for ch in order.group(1)):
        values["order_id"] = order.group(1).lstrip("#")
    campaign = profile.current_campaign()
    if campaign is not None:
        values["campaign"] = campaign.hashtag(lang)
        values["talking_point"] = campaign.talking_points.get(lang)
    if profile.brand.netiquette_url:
        values["netiquette_url"] = profile.brand.netiquette_url
    facts: list[FactMatch] = []
    if case.category in ("misinformation", "question"):
        # A question needs a confident match: a wrong fact is worse than "we'll check".
        facts = contradicted_facts(
            case.text, profile, k=2, min_score=2.0 if case.category == "misinformation" else 6.0
        )
        if facts:
            values["fact"] = facts[0].fact.text.get(lang)
            values["source"] = facts[0].fact.source
    return values, facts


def _seed(case_id: str) -> int:
    return zlib.crc32(case_id.encode("utf-8"))


def candidates(
    templates: Sequence[SavedReply], category: str, lang: str, level: str, values: dict[str, str]
) -> list[SavedReply]:
    """Templates for the case: its level first; another level of the language only if none."""
    fitting = [
        t for t in templates if t.category == category and t.lang == lang and t.usable_with(values)
    ]
    at_level = [t for t in fitting if t.level in (level, None)] or fitting
    if values.get("fact"):  # when the fact sheet answers it, say so rather than "we'll check"
        citing = [t for t in at_level if "fact" in t.variables]
        return citing or at_level
    return at_level


def suggest(
    case_input: CaseInput,
    profile: BrandProfile,
    recent_drafts: Collection[str] = (),
    *,
    rotation: int = 0,
    count: int = 3,
    templates: TemplateSet | None = None,
    saved: Sequence[SavedReply] | None = None,
) -> list[Draft]:
    """Up to `count` distinct drafts; none for categories that get no public reply.

    `saved` replaces the shipped templates (the team's saved replies from the store);
    `recent_drafts` are texts offered or sent just before, which are never repeated.
    """
    if case_input.category not in REPLY_CATEGORIES:
        return []
    templates = templates or load_templates()
    lang = case_input.lang if case_input.lang in ("ko", "en", "de") else "en"
    level = profile.voice.level(case_input.channel, lang, case_input.category)
    values, facts = case_values(case_input, lang, profile, templates)
    pool = candidates(
        saved if saved is not None else templates.replies,
        case_input.category,
        lang,
        level,
        values,
    )
    if not pool:
        return []
    shuffled = list(pool)
    rng = random.Random(_seed(case_input.id))
    rng.shuffle(shuffled)
    # Alternate templates that use what the person wrote (product, problem, order number)
    # with general ones: the first draft is the personal one, the next a different kind.
    personal = [t for t in shuffled if t.variables & _PERSONAL]
    general = [t for t in shuffled if not t.variables & _PERSONAL]
    templates_order = [t for pair in zip_longest(personal, general) for t in pair if t]
    closers: tuple[str, ...] = ("",)
    if case_input.category not in _NO_CLOSER:
        closers = templates.closers_for(lang, level)
    # Every template once with the first closer, then again with the next one, ...
    order = [
        (template, closers[(i + j) % len(closers)])
        for i in range(len(closers))
        for j, template in enumerate(templates_order)
    ]
    start = (rotation * count) % len(order)
    order = order[start:] + order[:start]
    sign_off = profile.sign_off.for_channel(case_input.channel, lang)
    # Names and the cited fact are shared by every draft of the case; compare the rest.
    names = (case_input.author, case_input.author_name, values.get("fact", ""))
    recent = set(recent_drafts)
    drafts: list[Draft] = []
    bodies: list[frozenset[str]] = []
    # 1. distinct templates whose bodies differ; 2. distinct templates; 3. only when the pool
    # has a single template, the same body with another closing line (never a repeated text).
    for rule in ("different_body", "different_template", "any"):
        for template, closer in order:
            if len(drafts) == count or (rule == "any" and len(drafts) >= 2):
                break
            if rule != "any" and any(d.template == template.key for d in drafts):
                continue
            body = render(template, values)
            text = f"{body} {closer}" if closer else body
            if sign_off:
                text = f"{text}\n{sign_off}"
            if text in recent or any(d.text == text for d in drafts):
                continue
            grams = shingles(normalise(body, names))
            if rule == "different_body" and any(
                jaccard(grams, other) >= MAX_BODY_SIMILARITY for other in bodies
            ):
                continue
            used = facts[:1] if "fact" in template.variables else []
            bodies.append(grams)
            drafts.append(
                Draft(
                    text,
                    template.key,
                    case_input.category,
                    lang,
                    template.level or level,
                    tuple(m.fact.id for m in used),
                    tuple(m.fact.source for m in used),
                )
            )
    return drafts
