"""The public netiquette page, in Markdown or HTML, from a rule set (pure)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import timedelta

from comity.netiquette.ladder import Step
from comity.netiquette.ruleset import RuleSet
from comity.netiquette.schema import LANGS

_TEXT: dict[str, dict[str, str]] = {
    "title": {"ko": "커뮤니티 운영 원칙", "en": "Community guidelines", "de": "Netiquette"},
    "intro": {
        "ko": "모두가 편하게 이야기할 수 있도록 다음 원칙을 지켜 주세요.",
        "en": "To keep this a good place to talk for everyone, please follow these guidelines.",
        "de": "Damit sich hier alle wohlfühlen, bitten wir um Folgendes:",
    },
    "ladder": {
        "ko": "규칙을 어기면 어떻게 되나요?",
        "en": "What happens when a guideline is broken",
        "de": "Was bei Verstößen passiert",
    },
    "first": {"ko": "첫 위반: {act}", "en": "First time: {act}", "de": "Beim ersten Mal: {act}"},
    "after": {
        "ko": "이전 위반 {n}회 이상: {act}",
        "en": "After {n} earlier violation{s}: {act}",
        "de": "Nach {n} früheren Verstößen: {act}",
    },
    "after1": {
        "ko": "이전 위반 1회 이상: {act}",
        "en": "After 1 earlier violation: {act}",
        "de": "Nach einem früheren Verstoß: {act}",
    },
    "severe": {
        "ko": "심각한 위반은 이전 기록과 관계없이 바로 숨기거나 삭제해요.",
        "en": "Serious violations are hidden or removed right away, whatever the history.",
        "de": "Schwere Verstöße werden sofort ausgeblendet oder entfernt.",
    },
    "decay": {
        "ko": "위반 기록은 {d} 동안 유지돼요.",
        "en": "Violations count for {d}.",
        "de": "Verstöße zählen {d} lang.",
    },
}
_ACTS: dict[str, dict[str, str]] = {
    "remind": {"ko": "규칙 안내", "en": "a friendly reminder", "de": "ein freundlicher Hinweis"},
    "hide": {
        "ko": "댓글 숨김",
        "en": "the comment is hidden",
        "de": "der Kommentar wird ausgeblendet",
    },
    "delete": {
        "ko": "댓글 삭제",
        "en": "the comment is deleted",
        "de": "der Kommentar wird gelöscht",
    },
    "mute": {"ko": "{d} 동안 작성 제한", "en": "a {d} mute", "de": "{d} Schreibpause"},
    "ban": {"ko": "영구 차단", "en": "a ban", "de": "Sperrung"},
}
_UNITS: dict[str, tuple[int, dict[str, tuple[str, str]]]] = {
    # unit: (seconds, {lang: (singular, plural)}); English mute uses the adjective form.
    "d": (86400, {"ko": ("일", "일"), "en": ("day", "days"), "de": ("Tag", "Tage")}),
    "h": (3600, {"ko": ("시간", "시간"), "en": ("hour", "hours"), "de": ("Stunde", "Stunden")}),
    "m": (60, {"ko": ("분", "분"), "en": ("minute", "minutes"), "de": ("Minute", "Minuten")}),
}


def duration_text(value: timedelta, lang: str, *, adjective: bool = False) -> str:
    """`7일`, `7 days`, `7-day`, `7 Tage` (days rather than weeks: "7-day mute" reads best)."""
    seconds = max(int(value.total_seconds()), 60)
    for size, names in _UNITS.values():
        if seconds % size == 0 or size == 60:
            n = seconds // size
            one, many = names[lang]
            if lang == "ko":
                return f"{n}{one}"
            if adjective:
                return f"{n}-{one}"
            return f"{n} {one if n == 1 else many}"
    return str(value)  # pragma: no cover - the minute unit always answers


@dataclass(frozen=True, slots=True)
class Page:
    """The words of the page, independent of the markup."""

    lang: str
    title: str
    intro: str
    items: tuple[str, ...]
    ladder_title: str
    ladder: tuple[str, ...]
    notes: tuple[str, ...]


def _step_text(step: Step, lang: str) -> str:
    act = _ACTS[step.action][lang]
    if step.duration is not None:
        act = act.format(d=duration_text(step.duration, lang, adjective=lang == "en"))
    if step.at == 0:
        return _TEXT["first"][lang].format(act=act)
    key = "after1" if step.at == 1 else "after"
    return _TEXT[key][lang].format(n=step.at, s="s", act=act)


def page(ruleset: RuleSet, lang: str) -> Page:
    """What the public page says in `lang` (ko, en or de)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
    public = [rule for rule in ruleset.rules if rule.enabled and rule.public]
    items = tuple(dict.fromkeys(rule.reason[lang] for rule in public))
    steps = ruleset.ladder.steps
    ladder = tuple(_step_text(step, lang) for step in steps)
    notes: list[str] = []
    weakest = steps[0].action
    if any(r.action in ("hide", "delete") and r.action != weakest for r in public):
        notes.append(_TEXT["severe"][lang])
    if ruleset.decay is not None:
        notes.append(_TEXT["decay"][lang].format(d=duration_text(ruleset.decay, lang)))
    return Page(
        lang,
        _TEXT["title"][lang],
        _TEXT["intro"][lang],
        items,
        _TEXT["ladder"][lang],
        ladder,
        tuple(notes),
    )


def _md_escape(text: str) -> str:
    """Escape characters Markdown would read as markup (and raw HTML)."""
    out = html.escape(text, quote=False)
    for char in "\\`*_[]#|":
        out = out.replace(char, "\\" + char)
    return out


def render_markdown(ruleset: RuleSet, lang: str) -> str:
    """The public page as Markdown."""
    p = page(ruleset, lang)
    lines = [f"# {_md_escape(p.title)}", "", _md_escape(p.intro), ""]
    lines += [f"- {_md_escape(item)}" for item in p.items]
    lines += ["", f"## {_md_escape(p.ladder_title)}", ""]
    lines += [f"- {_md_escape(step)}" for step in p.ladder]
    if p.notes:
        for note in p.notes:
            lines += ["", _md_escape(note)]
    return "\n".join(lines) + "\n"


def render_html(ruleset: RuleSet, lang: str) -> str:
    """The public page as an escaped HTML fragment (one <section>)."""
    p = page(ruleset, lang)
    e = html.escape
    parts = [f'<section class="netiquette" lang="{e(p.lang)}">', f"  <h1>{e(p.title)}</h1>"]
    parts.append(f"  <p>{e(p.intro)}</p>")
    parts += ["  <ul>", *(f"    <li>{e(item)}</li>" for item in p.items), "  </ul>"]
    parts.append(f"  <h2>{e(p.ladder_title)}</h2>")
    parts += ["  <ul>", *(f"    <li>{e(step)}</li>" for step in p.ladder), "  </ul>"]
    parts += [f"  <p>{e(note)}</p>" for note in p.notes]
    parts.append("</section>")
    return "\n".join(parts) + "\n"
