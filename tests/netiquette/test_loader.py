"""Rule files: valid ones load, every kind of mistake is reported with its line and code."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from comity.netiquette import Problem, RuleFileError, load_rules, parse_rules
from comity.netiquette.errors import all_codes

GOOD = """\
version: 1
strikes:
  decay: 30d
ladder: [remind, hide, {mute: 12h}, ban]
rules:
  - id: be-kind
    severity: high
    action: mute
    duration: 2d
    reason:
      ko: 서로 존중해 주세요.
      en: Please be respectful.
      de: Bitte respektvoll bleiben.
    channels: [instagram, youtube]
    match:
      any:
        - text.words: [바보]
        - signal: {name: insult, ">=": 0.7}
"""

# A rule whose lines we refer to: line 2 is `- id: r1`, line 7 `de:`, line 8 `match:`.
RULE = """\
rules:
  - id: r1
    severity: 3
    action: hide
    reason:
      ko: 서로 존중해 주세요.
      en: Please be respectful.
      de: Bitte respektvoll bleiben.
    match:
      {match}
"""


def problems(text: str) -> list[Problem]:
    with pytest.raises(RuleFileError) as raised:
        parse_rules(text, "bad.yaml")
    return raised.value.problems


def codes(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.code) for p in problems(text)]


def with_match(match: str) -> str:
    return RULE.format(match=match)


def test_a_valid_file_loads_with_its_settings() -> None:
    ruleset = parse_rules(GOOD, "good.yaml")
    (rule,) = ruleset.rules
    assert (rule.id, rule.severity, rule.action, rule.duration) == (
        "be-kind", 4, "mute", timedelta(days=2)
    )  # fmt: skip
    assert rule.strike is True and rule.channels == frozenset({"instagram", "youtube"})
    assert rule.reason["de"] == "Bitte respektvoll bleiben."
    assert ruleset.decay == timedelta(days=30)
    assert [str(step) for step in ruleset.ladder.steps] == ["remind", "hide", "mute 12h", "ban"]
    assert [step.at for step in ruleset.ladder.steps] == [0, 1, 2, 3]


def test_unknown_key_names_the_line_and_suggests_the_right_one() -> None:
    text = with_match("text.words: [바보]").replace("    action: hide\n", "    actoin: hide\n")
    found = problems(text)
    unknown = next(p for p in found if p.code == "R003")
    assert unknown.line == 4 and "did you mean 'action'" in unknown.message
    assert str(unknown).startswith("bad.yaml:4: R003 ")


def test_unknown_condition_key_suggests_a_close_one() -> None:
    (found,) = problems(with_match("text.word: [바보]"))
    assert (found.line, found.code) == (10, "R003") and "'text.words'" in found.message


def test_missing_id_and_duplicate_id() -> None:
    two = RULE.format(match="has_links: true") + RULE.format(match="has_media: true")[7:]
    assert codes(two) == [(11, "R005")]
    assert "first defined on line 2" in problems(two)[0].message
    no_id = with_match("has_links: true").replace("  - id: r1\n    severity", "  - severity")
    assert codes(no_id) == [(2, "R004")]


def test_unknown_action_with_suggestion() -> None:
    (found,) = problems(with_match("has_links: true").replace("action: hide", "action: hdie"))
    assert (found.line, found.code) == (4, "R007") and "did you mean 'hide'" in found.message


def test_missing_reason_language() -> None:
    text = with_match("has_links: true").replace("      de: Bitte respektvoll bleiben.\n", "")
    found = problems(text)
    assert [(p.line, p.code) for p in found] == [(5, "R008")] and "'de'" in found[0].message


@pytest.mark.parametrize("duration", ["7 days", "0d", "soon", "12"])
def test_bad_duration(duration: str) -> None:
    text = with_match("has_links: true").replace(
        "action: hide", f"action: mute\n    duration: {duration}"
    )
    assert codes(text) == [(5, "R009")]


def test_mute_needs_a_duration_and_hide_takes_none() -> None:
    assert codes(with_match("has_links: true").replace("action: hide", "action: mute")) == [
        (4, "R018")
    ]
    extra = with_match("has_links: true").replace("action: hide", "action: hide\n    queue: legal")
    assert codes(extra) == [(5, "R018")]


def test_bad_regex_and_dangerous_regex() -> None:
    assert codes(with_match("text.regex: 'ab[c'")) == [(10, "R010")]
    for pattern in ["(a+)+$", "(\\w+\\s?)*x", "(ab)\\1", "(a|aa)+b", "x" * 301]:
        assert codes(with_match(f"text.regex: '{pattern}'")) == [(10, "R011")], pattern


def test_unknown_signal_and_bad_operator() -> None:
    (found,) = problems(with_match('signal: {name: toxicty, ">=": 0.8}'))
    assert found.code == "R012" and "did you mean 'toxicity'" in found.message
    assert codes(with_match('signal: {name: toxicity, "=>": 0.8}')) == [(10, "R013")]
    assert codes(with_match('signal: {name: toxicity, ">=": 1.5}')) == [(10, "R023")]
    assert codes(with_match("signal: {name: toxicity}")) == [(10, "R015")]


def test_wrong_types() -> None:
    assert codes(with_match("has_links: maybe")) == [(10, "R014")]
    assert codes(with_match("any: {has_links: true}")) == [(10, "R014")]
    assert codes(with_match("text.words: [바보, 3]")) == [(10, "R014")]
    assert codes("rules: {id: r1}") == [(1, "R014")]


def test_empty_conditions() -> None:
    assert codes(with_match("{}")) == [(10, "R015")]
    assert codes(with_match("any: []")) == [(10, "R015")]
    assert codes(with_match("text.words: []")) == [(10, "R015")]


def test_severity_out_of_range() -> None:
    for value in ["0", "6", "extreme", "true"]:
        text = with_match("has_links: true").replace("severity: 3", f"severity: {value}")
        assert codes(text) == [(3, "R016")], value


def test_unknown_category_and_legal_sub() -> None:
    (found,) = problems(with_match("category: spma"))
    assert found.code == "R017" and "did you mean 'spam'" in found.message
    assert codes(with_match("legal_sub: hate")) == [(10, "R017")]
    assert codes(with_match("category_any: [spam, junk]")) == [(10, "R017")]


def test_duplicate_yaml_keys_and_syntax_errors() -> None:
    assert codes(with_match("has_links: true\n      has_links: false")) == [(11, "R019")]
    assert codes("rules:\n  - id: [unclosed\n") == [(3, "R002")]


def test_file_level_mistakes() -> None:
    assert codes("") == [(1, "R024")]
    assert codes("rules: []") == [(1, "R024")]
    assert codes("version: 2\n" + with_match("has_links: true")) == [(1, "R021")]
    assert codes("ladder: [remind, smite]\n" + with_match("has_links: true")) == [(1, "R020")]
    assert codes("strikes: {decay: forever}\n" + with_match("has_links: true")) == [(1, "R009")]


def test_every_mistake_is_reported_at_once() -> None:
    text = (
        with_match("signal: {name: toxicty, '>=': 0.8}")
        .replace("severity: 3", "severity: 9")
        .replace("action: hide", "action: nuke")
    )
    assert {p.code for p in problems(text)} == {"R016", "R007", "R012"}


def test_words_that_normalise_to_nothing_are_rejected() -> None:
    assert codes(with_match("text.words: ['\u200b']")) == [(10, "R022")]


def test_load_rules_reports_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError) as raised:
        load_rules(tmp_path / "missing.yaml")
    assert raised.value.problems[0].code == "R001"
    path = tmp_path / "rules.yaml"
    path.write_text(GOOD, encoding="utf-8")
    assert load_rules(path).source == str(path)


def test_error_codes_are_unique_and_numbered() -> None:
    assert all_codes() == [f"R{n:03d}" for n in range(1, len(all_codes()) + 1)]


def test_strikes_may_never_decay_and_ladder_steps_must_increase() -> None:
    rules = with_match("has_links: true")
    assert parse_rules("strikes: {decay: never}\n" + rules).decay is None
    bad = "ladder: [{at: 0, action: hide}, {at: 0, action: ban}]\n" + rules
    assert codes(bad) == [(1, "R020")]
    no_duration = "ladder: [remind, {at: 1, action: mute}]\n" + rules
    assert codes(no_duration) == [(1, "R009")]
