from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Invoke
from tests.factories import record

CANDIDATE = """
rules:
  - id: no-yuzu-spoilers
    severity: low
    action: hide
    reason: {ko: 스포일러 금지, en: No spoilers, de: Keine Spoiler}
    match:
      text.words: [스포일러, spoiler]
"""


def test_backtest_replays_stored_comments(invoke: Invoke, tmp_path: Path) -> None:
    stream = tmp_path / "stream.jsonl"
    texts = ["신메뉴 스포1일러 주의", "new drink spoiler!!", "그냥 맛있어요", "love it"]
    channels = ["naver_cafe", "x", "naver_cafe", "x"]
    stream.write_text(
        "\n".join(
            json.dumps(record(i, text=text, channel=channel), ensure_ascii=False)
            for i, (text, channel) in enumerate(zip(texts, channels, strict=True))
        ),
        encoding="utf-8",
    )
    assert invoke("import", str(stream), "--no-process").exit_code == 0
    rules = tmp_path / "candidate.yaml"
    rules.write_text(CANDIDATE, encoding="utf-8")

    result = invoke("rules", "backtest", str(rules), "--since", "all", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["comments"] == 4
    assert report["rules"]["no-yuzu-spoilers"]["hits"] == {"naver_cafe": 1, "x": 1}
    assert report["newly_hit"]["count"] == 2

    recent = invoke("rules", "backtest", str(rules), "--since", "30d", "--json")
    assert json.loads(recent.stdout)["comments"] == 0  # the records are from July 2026


def test_backtest_refuses_a_bad_rule_file_and_a_bad_window(invoke: Invoke, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - id: x\n    action: explode\n", encoding="utf-8")
    result = invoke("rules", "backtest", str(bad))
    assert result.exit_code == 1 and "bad.yaml:" in result.stderr
    rules = tmp_path / "ok.yaml"
    rules.write_text(CANDIDATE, encoding="utf-8")
    assert invoke("rules", "backtest", str(rules), "--since", "soon").exit_code == 2
