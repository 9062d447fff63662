"""Backtesting a candidate rule set against the active one."""

from __future__ import annotations

import json

from comity.domain import Comment, Triage
from comity.netiquette import backtest, parse_rules
from tests.netiquette.helpers import REASON, comment

ACTIVE = parse_rules(
    "rules:\n  - id: links\n    severity: 2\n    action: hide\n"
    + REASON
    + "    match: {has_links: true}\n"
)
CANDIDATE = parse_rules(
    "rules:\n  - id: words\n    severity: 2\n    action: hide\n"
    + REASON
    + "    match: {text.words: [바보]}\n"
    + "  - id: unused\n    severity: 2\n    action: hide\n"
    + REASON
    + "    match: {has_media: true}\n"
)


def test_hits_per_rule_and_channel_with_capped_examples() -> None:
    items: list[tuple[Comment, Triage | None]] = [
        (comment(f"바보 {i}", channel="instagram" if i < 5 else "youtube"), None) for i in range(7)
    ]
    items.append((comment("see a.com"), None))
    items.append((comment("바보 a.com"), None))
    report = backtest(CANDIDATE, ACTIVE, items)
    assert report.comments == 9
    words = report.rules["words"]
    assert words.hits == {"instagram": 6, "youtube": 2} and words.total == 8
    assert [len(v) for v in words.examples.values()] == [3, 2]
    assert words.examples["instagram"][0].explanation == "word '바보'"
    assert report.rules["unused"].total == 0
    assert words.newly_hit == 7 and report.newly_hit_count == 7 and len(report.newly_hit) == 3
    assert report.no_longer_hit_count == 1 and report.no_longer_hit[0].text == "see a.com"
    assert report.active_hits == {"links": 2}


def test_backtest_of_nothing_is_empty() -> None:
    report = backtest(CANDIDATE, ACTIVE, [])
    assert report.comments == 0 and report.newly_hit == [] and report.rules["words"].total == 0


def test_report_as_json_data_and_summary_lines() -> None:
    items: list[tuple[Comment, Triage | None]] = [
        (comment("바보야"), None),
        (comment("see a.com", channel="youtube"), None),
    ]
    report = backtest(CANDIDATE, ACTIVE, items)
    data = report.as_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["rules"]["words"]["hits"] == {"instagram": 1}
    assert data["no_longer_hit"]["examples"][0]["channel"] == "youtube"
    lines = report.summary()
    assert lines[0] == "2 comments" and "words: 1 hits (instagram 1)" in lines
    assert "newly hit: 1" in lines and "no longer hit: 1" in lines
