from __future__ import annotations

import json

from tests.cli.conftest import Invoke


def test_check_prints_hints_and_exits_zero(invoke: Invoke) -> None:
    result = invoke(
        "replies", "check", "미안. 주문번호 알려줘. 바로 확인할게.", "--channel", "instagram"
    )
    assert result.exit_code == 0
    assert "speech_level" in result.stdout and "반말" in result.stdout


def test_check_json_lists_kind_and_message(invoke: Invoke) -> None:
    result = invoke(
        "replies",
        "check",
        "Oh great, another complaint. Our Hanuel App is fine.",
        "--channel",
        "x",
        "--lang",
        "en",
        "--json",
    )
    assert result.exit_code == 0
    hints = json.loads(result.stdout)
    assert {h["kind"] for h in hints} == {"tone", "glossary"}
    assert all(h["message"] for h in hints)


def test_a_clean_draft_has_no_hints(invoke: Invoke) -> None:
    result = invoke("replies", "check", "Danke dir, Lena!", "--channel", "instagram", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_bad_input_is_refused(invoke: Invoke, tmp_path: object) -> None:
    assert invoke("replies", "check", "  ", "--channel", "x").exit_code == 2
    assert invoke("replies", "check", "hi", "--channel", "x", "--lang", "fr").exit_code == 2
    assert invoke("replies", "check", "hi").exit_code != 0  # --channel is required


def test_a_broken_profile_names_its_line(invoke: Invoke, tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "brand.yaml"
    path.write_text("version: 1\nbrand:\n  name: X\n", encoding="utf-8")
    result = invoke("replies", "check", "hi", "--channel", "x", "--profile", str(path))
    assert result.exit_code == 2
    assert f"{path}:" in result.stderr.replace("\n", "")


def test_suggest_jsonl_writes_drafts_and_error_records(invoke: Invoke) -> None:
    lines = [
        {
            "id": "a",
            "lang": "ko",
            "channel": "instagram",
            "text": "배송이 2주째 안 와요",
            "primary": "complaint",
        },
        {"id": "b", "lang": "en", "channel": "x", "text": "buy followers cheap", "primary": "spam"},
        "{not json",
        {"id": "d", "text": ""},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines)
    result = invoke("replies", "suggest", "--jsonl", input=stdin + "\n")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", "b", None, "d"]
    assert 2 <= len(out[0]["drafts"]) <= 3 and all(isinstance(d, str) for d in out[0]["drafts"])
    assert out[1]["drafts"] == []
    assert "error" in out[2] and "error" in out[3]


def test_suggest_needs_jsonl(invoke: Invoke) -> None:
    assert invoke("replies", "suggest").exit_code == 2


def test_seed_then_list_the_saved_replies(invoke: Invoke) -> None:
    first = invoke("replies", "seed")
    assert first.exit_code == 0 and "added" in first.stdout
    again = invoke("replies", "seed")
    assert "added 0 " in again.stdout
    listed = invoke("replies", "list", "--category", "praise", "--lang", "de")
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert rows and all(r[1] == "praise" and r[2] == "de" and r[4] == "0" for r in rows)
