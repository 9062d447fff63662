"""`comity train` end to end on a tiny synthetic decisions file, in a temporary data dir."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Invoke

DECISIONS = [
    {"id": "d1", "text": "you are a total zorblat", "lang": "en", "primary": "toxic"},
    {"id": "d2", "text": "zorblat again, honestly", "lang": "en", "primary": "toxic"},
    {"id": "d3", "text": "what a zorblat move", "lang": "en", "primary": "toxic"},
    {"id": "d4", "text": "the mint latte was lovely", "lang": "en", "primary": "praise"},
    {"id": "d5", "text": "a record without a label", "lang": "en"},
]
EVAL = [
    {"id": "e1", "text": "thanks, the oat latte is great", "lang": "en", "primary": "praise",
     "action": "like", "sentiment": "positive"},
    {"id": "e2", "text": "you zorblat", "lang": "en", "primary": "toxic", "action": "remind",
     "sentiment": "negative"},
]  # fmt: skip


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_train_activates_lists_and_rolls_back(invoke: Invoke, tmp_path: Path) -> None:
    decisions = _jsonl(tmp_path / "decisions.jsonl", DECISIONS)
    gold = _jsonl(tmp_path / "eval.jsonl", EVAL)
    result = invoke("train", "--extra", str(decisions), "--eval", str(gold))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())  # the console wraps long lines
    assert "4 decisions" in said and "1 without a usable label" in said
    assert "before / after" in said and "eval.jsonl: primary_macro_f1" in said
    models = tmp_path / "data" / "models"
    (version,) = [p for p in models.iterdir() if p.is_dir()]
    assert (models / "ACTIVE").read_text().strip() == version.name
    meta = json.loads((version / "signals.json").read_text())
    assert meta["tuned_on"]["decisions"] == 4 and meta["license_class"] == "commercial"
    assert meta["evaluation"]["after"]["primary_macro_f1"] >= 0.0
    assert not (Path(__file__).parents[2] / "src/comity/triage/models" / version.name).exists()

    # `comity triage` uses the active version, and says so.
    data = json.loads(invoke("triage", "such a zorblat", "--json").stdout)
    assert data["bundle"]["tuned"] is True and data["model"] == f"tuned-{version.name}"
    assert data["signals"]["toxicity"] > 0.8

    listing = invoke("train", "--list")
    assert listing.exit_code == 0 and version.name in listing.stdout
    assert invoke("train", "--rollback").exit_code == 0
    assert not (models / "ACTIVE").exists()
    data = json.loads(invoke("triage", "such a zorblat", "--json").stdout)
    assert data["bundle"]["tuned"] is False and data["signals"]["toxicity"] < 0.8
    assert invoke("train", "--rollback").exit_code != 0  # nothing left to roll back
    assert invoke("train", "--use", version.name).exit_code == 0
    assert (models / "ACTIVE").read_text().strip() == version.name


def test_train_needs_decisions_with_labels(invoke: Invoke, tmp_path: Path) -> None:
    assert invoke("train").exit_code != 0
    empty = _jsonl(tmp_path / "none.jsonl", [{"id": "x", "text": "no label"}])
    result = invoke("train", "--extra", str(empty))
    assert result.exit_code != 0


def test_export_decisions_from_an_empty_database(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "decisions.jsonl"
    result = invoke("train", "--export-decisions", str(out))
    assert result.exit_code == 0 and "wrote 0 decisions" in " ".join(result.output.split())
    assert out.read_text() == ""


def test_train_rejects_an_evaluation_set_without_gold_labels(
    invoke: Invoke, tmp_path: Path
) -> None:
    decisions = _jsonl(tmp_path / "decisions.jsonl", DECISIONS)
    gold = _jsonl(tmp_path / "eval.jsonl", [{"id": "x", "text": "no gold here"}])
    result = invoke("train", "--extra", str(decisions), "--eval", str(gold))
    assert result.exit_code != 0
    assert not (tmp_path / "data" / "models" / "ACTIVE").exists()
