"""`comity rules check` and `comity netiquette export`."""

from __future__ import annotations

from pathlib import Path

from comity.netiquette.loader import default_rules_text
from tests.cli.conftest import Invoke


def test_check_accepts_the_default_rules(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(default_rules_text(), encoding="utf-8")
    result = invoke("rules", "check", str(path))
    assert result.exit_code == 0
    count = default_rules_text().count("\n  - id: ")
    assert result.stdout.strip() == f"{path}: ok, {count} rules ({count} enabled)"


def test_check_prints_file_line_code_per_problem(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    text = default_rules_text().replace("id: no-hate", "id: no-insults")
    text = text.replace('{name: insult, ">=": 0.85}', '{name: insult, "=>": 0.85}')
    path.write_text(text, encoding="utf-8")
    result = invoke("rules", "check", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{path}:") and " R013 bad operator '=>'" in lines[0]
    assert " R005 duplicate rule id 'no-insults'" in lines[1]
    line_no = int(lines[1].split(":")[1])
    assert text.splitlines()[line_no - 1].strip() == "- id: no-insults"


def test_check_of_a_missing_file_fails_cleanly(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("rules", "check", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 1 and "R001" in result.stdout


def test_export_markdown_and_html_in_each_language(invoke: Invoke) -> None:
    md = invoke("netiquette", "export", "--format", "md", "--lang", "de")
    assert md.exit_code == 0 and md.stdout.startswith("# Netiquette\n")
    html = invoke("netiquette", "export", "--format", "html", "--lang", "en")
    assert html.exit_code == 0 and html.stdout.startswith('<section class="netiquette" lang="en">')
    ko = invoke("netiquette", "export")
    assert ko.exit_code == 0 and "커뮤니티 운영 원칙" in ko.stdout
    assert invoke("netiquette", "export", "--lang", "fr").exit_code != 0


def test_export_uses_a_given_rule_file_and_refuses_a_broken_one(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(default_rules_text().replace("No sexual content.", "Keep it PG."), "utf-8")
    result = invoke("netiquette", "export", "--lang", "en", "--rules", str(path))
    assert result.exit_code == 0 and "- Keep it PG." in result.stdout
    path.write_text("rules: []\n", encoding="utf-8")
    broken = invoke("netiquette", "export", "--rules", str(path))
    assert broken.exit_code == 1 and "R024" in broken.stderr
