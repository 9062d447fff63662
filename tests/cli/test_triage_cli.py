"""`comity triage` and `comity eval` end to end (lexicon-only, so no model files are needed)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from comity.cli import triage as triage_cli
from comity.domain import Triage
from comity.triage.triager import TriageInput, Triager
from tests.cli.conftest import Invoke
from tests.triage.test_triager import FakeSignals


def test_triage_one_comment_as_json(invoke: Invoke) -> None:
    result = invoke("triage", "Where can I buy the tumbler in Berlin?", "--no-signals", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["primary"], data["action"]) == ("question", "answer")
    assert data["reasons"]


def test_triage_one_comment_as_a_table(invoke: Invoke) -> None:
    result = invoke("triage", "you absolute clown", "--strikes", "3", "--no-signals")
    assert result.exit_code == 0
    assert "toxic" in result.stdout and "mute" in result.stdout


def test_text_and_jsonl_are_exclusive(invoke: Invoke) -> None:
    assert invoke("triage", "--no-signals").exit_code != 0
    assert invoke("triage", "hi", "--jsonl", "--no-signals").exit_code != 0


def test_jsonl_batch_keeps_order_and_reports_bad_lines_without_crashing(invoke: Invoke) -> None:
    lines = [
        json.dumps({"id": "a", "text": "refund please, order #88231 never arrived"}),
        "{not json",
        json.dumps({"id": "c", "lang": "ko", "text": "맞팔 선팔 환영 소통해요"}),
        json.dumps({"id": "d"}),
        json.dumps({"id": "e", "text": "hi", "context": {"author_strikes": 2}}),
    ]
    result = invoke("triage", "--jsonl", "--no-signals", input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", None, "c", "d", "e"]
    assert rows[0]["primary"] == "complaint"
    assert rows[1]["line"] == 2 and "invalid JSON" in rows[1]["error"]
    assert (rows[2]["primary"], rows[2]["action"], rows[2]["lang"]) == ("spam", "hide", "ko")
    assert "text" in rows[3]["error"]
    expected = {"id", "lang", "primary", "secondary", "sentiment", "action", "legal_sub"}
    assert expected | {"signals", "reasons"} <= set(rows[4])


def test_eval_taxonomy_prints_metrics_and_json(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    records = [
        {
            "id": "1",
            "lang": "en",
            "text": "what time do you open on sunday?",
            "primary": "question",
            "secondary": [],
            "sentiment": "neutral",
            "action": "answer",
            "legal_sub": None,
            "context": {"author_strikes": 0},
        },
        {
            "id": "2",
            "lang": "en",
            "text": "good morning everyone",
            "primary": "neutral",
            "secondary": [],
            "sentiment": "neutral",
            "action": "none",
            "legal_sub": None,
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    table = invoke("eval", str(path), "--no-signals")
    assert table.exit_code == 0
    assert "macro-F1" in table.stdout and "families" in table.stdout
    data = json.loads(invoke("eval", str(path), "--no-signals", "--json").stdout)
    assert data["primary_macro_f1"] == 1.0
    assert data["action_family_accuracy"] == 1.0


def test_eval_signal_scores_one_head(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(triage_cli, "load_triager", lambda *args: Triager(FakeSignals()))
    path = tmp_path / "insult.jsonl"
    rows = [("you clown", 1), ("nice coffee", 0), ("hello", 0), ("what a clown", 1)]
    path.write_text(
        "\n".join(json.dumps({"text": t, "lang": "en", "label": y}) for t, y in rows),
        encoding="utf-8",
    )
    result = invoke("eval", str(path), "insult", "--task", "signal", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["precision"], data["recall"], data["roc_auc"]) == (1.0, 1.0, 1.0)
    assert invoke("eval", str(path), "nope", "--task", "signal").exit_code != 0


class _Flaky(Triager):
    """Fails on one text, as a bug in a decision would."""

    def triage_inputs(self, inputs: Sequence[TriageInput]) -> list[Triage]:
        if any(item.text == "boom" for item in inputs):
            raise RuntimeError("kaboom")
        return super().triage_inputs(inputs)


def test_a_record_that_breaks_triage_costs_only_itself(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(triage_cli, "load_triager", lambda *args: _Flaky(None))
    lines = [json.dumps({"id": i, "text": t}) for i, t in enumerate(["hi", "boom", "hello"])]
    result = invoke("triage", "--jsonl", input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [("error" in r) for r in rows] == [False, True, False]
    assert "kaboom" in rows[1]["error"] and rows[1]["line"] == 2


@pytest.mark.parametrize(
    "row",
    [
        {"id": 1, "signals": {"toxicity": 0.0618, "spam": 1.0, "praise": 0.0001}, "reasons": []},
        {"id": "x", "signals": {}, "model": "m"},
        {"signals": {"a": float("nan"), "b": 1e-7, "c": 2, "d": -0.0, "e": 0.0, "f": True}},
        {"id": "\u0000", "signals": {'ü"': 0.1234}, "reasons": ['"signals": 0']},
        {"id": {"signals": 0.5}, "signals": {"a": 0.5}},
        {"signals": {"a": 0.5}, "x": {"signals": 0}},
        {"signals": ["not", "a", "dict"]},
    ],
)
def test_result_lines_read_back_as_the_row(row: dict[str, object]) -> None:
    """One line of valid JSON holding the row; non-ASCII stays readable, NaN becomes null."""
    line = triage_cli.record_line(row)
    assert "\n" not in line
    expected = json.loads(json.dumps(row).replace("NaN", "null"))
    assert json.loads(line) == expected
    if "ü" in json.dumps(row, ensure_ascii=False):
        assert "ü" in line


def test_ids_beyond_64_bits_survive() -> None:
    """orjson refuses such integers; the stdlib encoder takes over instead of failing."""
    big = 2**70
    assert json.loads(triage_cli.record_line({"id": big, "signals": {}}))["id"] == big


def test_triage_record_holds_plain_strings() -> None:
    triage = Triager(None).triage_inputs([TriageInput("refund please, order #88231 is late")])[0]
    row = triage_cli.triage_record(triage, "a")
    fields = [row["primary"], row["sentiment"], row["action"], *row["secondary"]]
    assert all(type(value) is str for value in fields)
    assert row["primary"] == triage.primary.value
