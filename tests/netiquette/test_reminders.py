"""Reminders are personal, in the author's language, and name the rule's reason."""

from __future__ import annotations

from comity.netiquette import load_default_rules, reminder_for, reminder_text
from tests.netiquette.helpers import comment

REASON = {
    "ko": "욕설과 모욕은 삼가 주세요.",
    "en": "No insults, please",
    "de": "Bitte keine Beleidigungen.",
}


def test_korean_reminder_is_polite_haeyo_and_addresses_the_author() -> None:
    text = reminder_text("mina_92", REASON, "ko")
    assert text.startswith("@mina_92님, 안녕하세요.")
    assert REASON["ko"] in text
    assert text.endswith("요.")  # 해요체, not 하십시오체 or 반말
    assert "습니다" not in text


def test_english_and_german_name_the_reason_and_close_the_sentence() -> None:
    en = reminder_text("@kai", REASON, "en")
    assert en.startswith("Hi @kai,") and "No insults, please." in en
    de = reminder_text("kai", REASON, "de")
    assert de.startswith("Hallo @kai,") and REASON["de"] in de and " du " in de
    formal = reminder_text("kai", REASON, "de", formal=True)
    assert " Sie " in formal and " du " not in formal


def test_unknown_language_falls_back_to_english_and_missing_handle_still_reads_well() -> None:
    assert reminder_text("kai", REASON, "fr").startswith("Hi @kai,")
    assert reminder_text("kai", REASON, None).startswith("Hi @kai,")
    assert reminder_text("", REASON, "ko").startswith("안녕하세요.")
    assert reminder_text("  ", REASON, "en").startswith("Hi, a friendly")


def test_reminders_never_argue() -> None:
    for lang in ("ko", "en", "de"):
        text = reminder_text("kai", REASON, lang).lower()
        assert "!" not in text
        assert not any(word in text for word in ("wrong", "falsch", "틀렸", "warning", "you must"))


def test_reminder_for_a_hit_uses_the_rule_and_the_comment() -> None:
    ruleset = load_default_rules()
    rule = ruleset.rule("no-insults")
    assert rule is not None
    text = reminder_for(rule, comment("ㅅㅂ", handle="haru", lang="ko"))
    assert text.startswith("@haru님,") and rule.reason["ko"] in text
    assert reminder_for(rule, comment("x", handle="haru"), "de").startswith("Hallo @haru,")
