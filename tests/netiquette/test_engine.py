"""Evaluation: each leaf, the combinators, explanations, and robustness."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from comity.domain.taxonomy import Category, LegalSub
from comity.netiquette import AuthorContext
from comity.netiquette.conditions import Condition
from comity.netiquette.context import EvalContext
from tests.netiquette.helpers import NOW, comment, one_rule, rule_ids, triage

WORDS = one_rule("text.words: [시발, 병신, idiot, 'a$$hole']")


@pytest.mark.parametrize(
    "text",
    ["시1발 뭐야", "시.발", "씨 발... 시발아", "너 병신이냐", "ㅅㅂ 진짜", "ㅆㅂ", "You IDIOT!",
     "ｉｄｉｏｔ", "what an a$$hole", "what an asshole"],
)  # fmt: skip
def test_words_match_through_obfuscation_and_particles(text: str) -> None:
    assert rule_ids(WORDS, comment(text)) == ["r1"]


@pytest.mark.parametrize(
    "text",
    [
        "idiotic plan",
        "3시 발표 자료",
        "시간 발표",
        "ㅋㅋㅋ ㅎㅎ",
        "",
        "병원 신규 오픈",
        "Idiotenbuch",
    ],
)
def test_words_do_not_match_innocent_text(text: str) -> None:
    assert rule_ids(WORDS, comment(text)) == []


def test_korean_word_unknown_to_the_normaliser_still_matches_with_digits_inside() -> None:
    ruleset = one_rule("text.words: [하늘거지]")
    assert rule_ids(ruleset, comment("완전 하늘1거지네")) == ["r1"]
    assert rule_ids(ruleset, comment("하늘 거지")) == []  # a space may be two words


def test_explanation_shows_how_the_word_was_written() -> None:
    (hit,) = WORDS.evaluate(comment("야 시1발"), None)
    assert hit.explanation == "word '시발' (written 시1발)"
    (hit,) = WORDS.evaluate(comment("ㅅㅂ"), None)
    assert hit.explanation == "word '시발' (written ㅅㅂ)"
    (hit,) = WORDS.evaluate(comment("idiot"), None)
    assert hit.explanation == "word 'idiot'"


def test_phrases_respect_word_boundaries_and_spacing() -> None:
    ruleset = one_rule("text.phrases: [follow for follow, 맞팔 해요]")
    assert rule_ids(ruleset, comment("Follow   for FOLLOW pls")) == ["r1"]
    assert rule_ids(ruleset, comment("unfollow for followers")) == []
    assert rule_ids(ruleset, comment("우리 맞팔 해요~")) == ["r1"]


def test_regex_runs_on_normalised_text_and_reports_the_match() -> None:
    ruleset = one_rule(r"text.regex: '\bwin \d+ (?:won|euro)\b'")
    (hit,) = ruleset.evaluate(comment("WIN 500 Euro now"), None)
    assert hit.explanation == r"regex /\bwin \d+ (?:won|euro)\b/ matched 'win 500 euro'"
    assert rule_ids(ruleset, comment("win a tumbler")) == []


def test_signals_compare_with_every_operator_given() -> None:
    ruleset = one_rule('signal: {name: toxicity, ">=": 0.5, "<": 0.8}')
    assert rule_ids(ruleset, comment("x"), triage(toxicity=0.5)) == ["r1"]
    assert rule_ids(ruleset, comment("x"), triage(toxicity=0.8)) == []
    assert rule_ids(ruleset, comment("x"), triage()) == []  # signal absent
    assert rule_ids(ruleset, comment("x"), None) == []  # not triaged
    (hit,) = ruleset.evaluate(comment("x"), triage(toxicity=0.625))
    assert hit.explanation == "signal toxicity 0.62 >= 0.5 and < 0.8"


def test_category_is_the_primary_one_and_legal_sub_is_exact() -> None:
    spam = one_rule("category: spam")
    assert rule_ids(spam, comment("x"), triage(Category.SPAM)) == ["r1"]
    assert (
        rule_ids(spam, comment("x"), triage(Category.COMPLAINT, secondary=(Category.SPAM,))) == []
    )
    either = one_rule("category_any: [toxic, troll]")
    assert rule_ids(either, comment("x"), triage(Category.TROLL)) == ["r1"]
    hate = one_rule("legal_sub: legal.hate")
    assert rule_ids(hate, comment("x"), triage(Category.LEGAL, legal_sub=LegalSub.HATE)) == ["r1"]
    assert rule_ids(hate, comment("x"), triage(Category.LEGAL, legal_sub=LegalSub.IP)) == []


def test_channel_lang_media_and_links() -> None:
    assert rule_ids(one_rule("channel: [youtube]"), comment("x", channel="youtube")) == ["r1"]
    assert rule_ids(one_rule("channel: youtube"), comment("x")) == []
    assert rule_ids(one_rule("lang: [ko, de]"), comment("x"), triage(lang="de")) == ["r1"]
    assert rule_ids(one_rule("lang: ko"), comment("x", lang="ko")) == ["r1"]
    assert rule_ids(one_rule("has_media: true"), comment("x", media=("a.jpg",))) == ["r1"]
    assert rule_ids(one_rule("has_media: false"), comment("x", media=("a.jpg",))) == []
    links = one_rule("has_links: true")
    assert rule_ids(links, comment("see bit.ly/x3")) == ["r1"]
    assert rule_ids(links, comment("price 4.5 euro, ok.")) == []
    domains = one_rule("link_domains: [example.net, 'https://www.Short.ly/']")
    assert rule_ids(domains, comment("go https://promo.example.net/a")) == ["r1"]
    assert rule_ids(domains, comment("go www.short.ly/b")) == ["r1"]
    assert rule_ids(domains, comment("go notexample.net")) == []


def test_author_strikes_and_account_age() -> None:
    strikes = one_rule('author.strikes: {">=": 2}')
    assert rule_ids(strikes, comment("x"), strikes=2) == ["r1"]
    assert rule_ids(strikes, comment("x"), strikes=1) == []
    young = one_rule('author.account_age_days: {"<": 3}')
    assert rule_ids(young, comment("x"), first_seen=NOW - timedelta(days=1)) == ["r1"]
    assert rule_ids(young, comment("x"), first_seen=NOW - timedelta(days=30)) == []
    assert rule_ids(young, comment("x")) == []  # unknown age never matches


def test_repeated_counts_the_same_normalised_text_within_the_window() -> None:
    ruleset = one_rule("repeated: {count: 3, within: 1h}")
    promo = "Visit my shop for cheap tumblers"
    recent = ((NOW - timedelta(minutes=50), promo.upper()), (NOW - timedelta(minutes=5), promo))
    assert rule_ids(ruleset, comment(promo), recent=recent) == ["r1"]
    assert rule_ids(ruleset, comment(promo), recent=recent[1:]) == []
    old = ((NOW - timedelta(hours=2), promo), (NOW - timedelta(minutes=5), promo))
    assert rule_ids(ruleset, comment(promo), recent=old) == []
    short = tuple((NOW - timedelta(minutes=m), "ㅋㅋㅋ") for m in (1, 2, 3))
    assert rule_ids(ruleset, comment("ㅋㅋㅋ"), recent=short) == []


def test_campaign_by_tag_or_any() -> None:
    tagged = one_rule("campaign: '#여름엔비바'")
    assert rule_ids(tagged, comment("유자 최고 #여름엔비바")) == ["r1"]
    assert rule_ids(tagged, comment("유자 최고")) == []
    anything = one_rule("campaign: any")
    ctx = {"campaign": "#SummerVibes"}
    assert rule_ids(anything, comment("love it #summervibes", context=ctx)) == ["r1"]
    assert rule_ids(anything, comment("x"), triage(Category.PRAISE, secondary=(Category.CAMPAIGN,)))
    assert rule_ids(anything, comment("love it", context=ctx)) == []


def test_all_any_not_and_implicit_all() -> None:
    ruleset = one_rule(
        """
        all:
          - any: [{text.words: [idiot]}, {signal: {name: insult, ">=": 0.9}}]
          - not: {category: complaint}
        """
    )
    assert rule_ids(ruleset, comment("idiot"), triage(Category.TOXIC)) == ["r1"]
    assert rule_ids(ruleset, comment("idiot"), triage(Category.COMPLAINT)) == []
    assert rule_ids(ruleset, comment("hm"), triage(Category.TOXIC, insult=0.95)) == ["r1"]
    implicit = one_rule("has_links: true\ncategory: spam")
    assert rule_ids(implicit, comment("a.com"), triage(Category.SPAM)) == ["r1"]
    assert rule_ids(implicit, comment("a.com"), triage(Category.NEUTRAL)) == []


def test_disabled_rules_and_channel_restrictions_are_skipped() -> None:
    off = one_rule("has_links: true", extra="    enabled: false\n")
    assert rule_ids(off, comment("a.com")) == []
    yt_only = one_rule("has_links: true", extra="    channels: [youtube]\n")
    assert rule_ids(yt_only, comment("a.com")) == []
    assert rule_ids(yt_only, comment("a.com", channel="youtube")) == ["r1"]


def test_hit_carries_action_options_and_reason_in_the_comment_language() -> None:
    ruleset = one_rule("has_links: true", action="flag", extra="    queue: legal\n")
    (hit,) = ruleset.evaluate(comment("a.com"), triage(lang="ko"))
    assert (hit.action, hit.queue, hit.strike, hit.severity) == ("flag", "legal", False, 3)
    assert hit.reason == "서로 존중해 주세요."
    (hit,) = ruleset.evaluate(comment("a.com"), triage(lang="fr"))
    assert hit.reason == "Please be respectful."


def test_striking_rules_climb_the_ladder_others_do_not() -> None:
    hide = one_rule("has_links: true")
    actions = [
        (h.action, h.duration)
        for strikes in (0, 2, 3, 6)
        for h in hide.evaluate(comment("a.com"), None, AuthorContext(strikes=strikes))
    ]
    week = timedelta(days=7)
    assert actions == [("hide", None), ("hide", None), ("mute", week), ("ban", None)]
    label = one_rule("has_links: true", action="label", extra="    label: promo\n")
    (hit,) = label.evaluate(comment("a.com"), None, AuthorContext(strikes=9))
    assert (hit.action, hit.label, hit.strike) == ("label", "promo", False)


class _Broken(Condition):
    def test(self, ctx: EvalContext) -> list[str] | None:
        raise RuntimeError("boom")

    def describe(self) -> str:
        return "broken"


def test_a_failing_rule_is_skipped_and_the_others_still_run(
    caplog: pytest.LogCaptureFixture,
) -> None:
    ruleset = one_rule("has_links: true")
    good = ruleset.rules[0]
    ruleset.rules = (dataclasses.replace(good, id="bad", match=_Broken()), good)
    assert rule_ids(ruleset, comment("a.com")) == ["r1"]
    assert "bad" in caplog.text


def test_campaign_tags_end_at_a_word_boundary() -> None:
    ruleset = one_rule("campaign: '#Summer'")
    assert rule_ids(ruleset, comment("hot day #summer!")) == ["r1"]
    assert rule_ids(ruleset, comment("hot day #SummerVibes")) == []


@pytest.mark.parametrize(
    ("text", "hit"),
    [("ㅅㅂㅅㅂ", True), ("ㅅㅂㅋㅋㅋ", True), ("ㅋㅋㅅㅂ", True), ("ㄱㅅㄱ", True),
     ("ㄱㅅㄱㅅ 감사해요", False), ("ㅇㅅㅂ", False), ("ㄱㅅ", False)],
)  # fmt: skip
def test_initials_must_spell_the_word_not_merely_contain_it(text: str, hit: bool) -> None:
    ruleset = one_rule("text.words: [시발, 개새끼, 개새]")  # 개새 → ㄱㅅ is everyday 감사
    assert rule_ids(ruleset, comment(text)) == (["r1"] if hit else [])
