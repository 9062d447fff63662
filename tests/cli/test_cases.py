from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Invoke
from tests.factories import record

COMMENTS = [
    record(1, channel="x", lang="en", text="Order #5521 arrived broken and support never answered"),
    record(2, channel="x", lang="en", text="What time does the Gangnam store open on Sunday?"),
    record(3, channel="x", lang="en", text="Thanks for the reply!", author="haneulcoffee"),
]


def test_the_pipeline_fills_queues_that_cases_lists(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = tmp_path / "in.jsonl"
    stream.write_text("\n".join(json.dumps(r) for r in COMMENTS), encoding="utf-8")
    monkeypatch.setenv("COMITY_BRAND_ACCOUNTS", '["haneulcoffee"]')
    assert invoke("import", str(stream)).exit_code == 0
    lines = invoke("cases", "--json").stdout.strip().splitlines()
    cases = {case["external_id"]: case for case in map(json.loads, lines)}
    assert cases["ig_1"]["queue"] == "needs_reply" and cases["ig_1"]["priority"] == "P1"
    assert cases["ig_2"]["queue"] == "needs_reply" and cases["ig_2"]["priority"] == "P2"
    assert cases["ig_3"]["queue"] == "done" and cases["ig_3"]["reason"] == "the brand's own comment"
    assert list(cases) == ["ig_1", "ig_2", "ig_3"]  # most urgent first, no due time last
    stats = json.loads(invoke("stats", "--json").stdout)
    assert stats["queues"] == {"done": 1, "needs_reply": 2}
    assert invoke("cases", "--queue", "inbox").exit_code == 2
