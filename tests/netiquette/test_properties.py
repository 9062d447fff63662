"""Properties: the loader and the engine never crash, whatever the rules and the text."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comity.domain import Author, Comment, Triage
from comity.domain.taxonomy import Category, LegalSub
from comity.netiquette import AuthorContext, RuleFileError, RuleSet, parse_rules
from comity.netiquette.context import EvalContext
from comity.netiquette.schema import ACTIONS, CATEGORIES, LEGAL_SUBS, OPERATORS, SIGNALS
from tests.netiquette.helpers import NOW

# Characters that stress normalisation: jamo, zero-width, bidi, combining marks, fullwidth,
# Cyrillic look-alikes, emoji with ZWJ, halfwidth jamo, digits and separators.
ODD = "ㅅㅂㅆㅣㅏ시발병신\u200b\u200d\u202e\u0301\u0336ＩＤＩＯＴаеоі👍🏽‍️\uffa1\u1100\u1161.-_*@$1 "
text_st = st.text(st.one_of(st.characters(exclude_categories=["Cs"]), st.sampled_from(ODD)))
word_st = st.text(st.sampled_from(ODD + "abcxyz가나다"), min_size=1, max_size=6)
number = st.floats(0, 1, allow_nan=False)
ops = st.dictionaries(st.sampled_from(OPERATORS), number, min_size=1, max_size=2)

leaf = st.one_of(
    st.builds(lambda w: {"text.words": w}, st.lists(word_st, min_size=1, max_size=4)),
    st.builds(lambda w: {"text.phrases": w}, st.lists(word_st, min_size=1, max_size=3)),
    st.builds(
        lambda p: {"text.regex": p},
        st.sampled_from([r"\d{3,}", "(?:ab|cd)+", "^x", "시[0-9]?발", r"\bfree\b", "[가-힣]{5,}"]),
    ),
    st.builds(lambda n, o: {"signal": {"name": n, **o}}, st.sampled_from(SIGNALS), ops),
    st.builds(lambda c: {"category": c}, st.sampled_from(CATEGORIES)),
    st.builds(lambda c: {"category_any": c}, st.lists(st.sampled_from(CATEGORIES), min_size=1)),
    st.builds(lambda s: {"legal_sub": s}, st.sampled_from(LEGAL_SUBS)),
    st.builds(lambda c: {"channel": c}, st.sampled_from(["instagram", "youtube"])),
    st.builds(lambda o: {"author.strikes": o}, ops),
    st.builds(lambda o: {"author.account_age_days": o}, ops),
    st.builds(lambda b: {"has_links": b}, st.booleans()),
    st.builds(lambda b: {"has_media": b}, st.booleans()),
    st.builds(
        lambda d: {"link_domains": d}, st.lists(st.sampled_from(["a.com", "bit.ly"]), min_size=1)
    ),
    st.builds(lambda n: {"repeated": {"count": n, "within": "1h"}}, st.integers(2, 4)),
    st.builds(lambda c: {"campaign": c}, st.sampled_from(["any", "#여름엔비바", "#x"])),
    st.builds(lambda c: {"lang": c}, st.sampled_from(["ko", "en", "de"])),
)
condition = st.recursive(
    leaf,
    lambda inner: st.one_of(
        st.builds(lambda xs: {"all": xs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda xs: {"any": xs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda x: {"not": x}, inner),
    ),
    max_leaves=8,
)


def _rule_file(matches: list[dict[str, Any]], actions: list[str]) -> str:
    options = {"mute": {"duration": "3d"}, "flag": {"queue": "moderation"}, "label": {"label": "x"}}
    rules = [
        {
            "id": f"r{i}",
            "severity": 3,
            "action": action,
            **options.get(action, {}),
            "reason": {"ko": "존중해 주세요.", "en": "Be kind.", "de": "Sei nett."},
            "match": match,
        }
        for i, (match, action) in enumerate(zip(matches, actions, strict=False))
    ]
    return yaml.safe_dump({"rules": rules}, allow_unicode=True)


triage_st = st.one_of(
    st.none(),
    st.builds(
        Triage,
        lang=st.sampled_from(["ko", "en", "de", "", "xx"]),
        primary=st.sampled_from(list(Category)),
        secondary=st.lists(st.sampled_from(list(Category)), max_size=2).map(tuple),
        legal_sub=st.one_of(st.none(), st.sampled_from(list(LegalSub))),
        signals=st.dictionaries(st.sampled_from(SIGNALS), st.floats(allow_nan=True)),
    ),
)
context_st = st.builds(
    AuthorContext,
    strikes=st.integers(0, 20),
    first_seen=st.one_of(st.none(), st.just(NOW - timedelta(days=2))),
    recent=st.lists(st.tuples(st.just(NOW - timedelta(minutes=5)), text_st), max_size=3).map(tuple),
)


def _comment(text: str, media: bool) -> Comment:
    author = Author("instagram", "mina")
    return Comment("instagram", "1", author, text, NOW, media=("a.jpg",) if media else ())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    matches=st.lists(condition, min_size=1, max_size=3),
    actions=st.lists(st.sampled_from(ACTIONS), min_size=3, max_size=3),
    text=text_st,
    media=st.booleans(),
    triage=triage_st,
    context=context_st,
)
def test_engine_never_crashes(
    matches: list[dict[str, Any]],
    actions: list[str],
    text: str,
    media: bool,
    triage: Triage | None,
    context: AuthorContext,
) -> None:
    try:
        ruleset = parse_rules(_rule_file(matches, actions))
    except RuleFileError as error:  # a blank word, or one that normalises to nothing
        assert {p.code for p in error.problems} <= {"R014", "R022"}
        return
    comment = _comment(text, media)
    ctx = EvalContext(comment, triage, context)
    for rule in ruleset.rules:  # no safety net here: conditions themselves must not raise
        found = rule.match.test(ctx)
        assert found is None or all(isinstance(part, str) for part in found)
    hits = ruleset.evaluate(comment, triage, context)
    assert {hit.rule_id for hit in hits} <= {rule.id for rule in ruleset.rules}
    assert all(hit.action in ACTIONS and hit.reason for hit in hits)


yaml_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text_st),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["all", "any", "not", "signal", "text.words", "x"]), inner),
    ),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None)
@given(match=yaml_values, severity=yaml_values, action=yaml_values)
def test_loader_reports_instead_of_crashing(match: Any, severity: Any, action: Any) -> None:
    text = yaml.safe_dump(
        {"rules": [{"id": "r", "severity": severity, "action": action, "match": match}]},
        allow_unicode=True,
    )
    try:
        result = parse_rules(text)
    except RuleFileError as error:
        assert error.problems and all(p.code.startswith("R") for p in error.problems)
    else:
        assert isinstance(result, RuleSet)  # pragma: no cover - reason is always missing


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=200))
def test_arbitrary_yaml_text_never_crashes_the_loader(text: str) -> None:
    try:
        parse_rules(text)
    except RuleFileError as error:
        assert error.problems
