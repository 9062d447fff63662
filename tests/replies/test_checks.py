from __future__ import annotations

from comity.replies import BrandProfile, blocks_sending, check


def test_all_kinds_in_one_call_with_spans_into_the_draft_as_typed(profile: BrandProfile) -> None:
    draft = "  Oh great, another fan. Our Viva Yuja Ade has 30 g sugar, lol."
    hints = check(draft, "webshop_review", "en", profile)
    assert {h.kind for h in hints} == {"tone", "glossary", "facts", "speech_level"}
    for hint in hints:
        if hint.span is not None:
            assert draft[hint.span[0] : hint.span[1]].strip()
    tone = next(h for h in hints if h.kind == "tone")
    assert tone.span is not None and draft[tone.span[0] : tone.span[1]].startswith("Oh great")


def test_nothing_blocks_unless_an_admin_says_so(profile: BrandProfile) -> None:
    draft = "미안. 주문번호 알려줘."
    assert not blocks_sending(check(draft, "instagram", "ko", profile))
    strict = profile.model_copy(
        update={"checks": profile.checks.model_copy(update={"blocking": ["speech_level"]})}
    )
    hints = check(draft, "instagram", "ko", strict)
    assert blocks_sending(hints) and all(h.blocking for h in hints if h.kind == "speech_level")


def test_the_language_is_guessed_when_not_given(profile: BrandProfile) -> None:
    assert [h.kind for h in check("고마워! 또 와.", "instagram", None, profile)] == ["speech_level"]
    assert [h.kind for h in check("Schreiben Sie uns eine DM.", "instagram", None, profile)] == [
        "speech_level"
    ]
    assert check("   ", "instagram", None, profile) == []


def test_a_category_override_changes_the_wanted_level(profile: BrandProfile) -> None:
    draft = "불편을 드려 죄송해요. 확인해 볼게요."
    assert check(draft, "instagram", "ko", profile, category="complaint") == []
    (hint,) = check(draft, "instagram", "ko", profile, category="legal")
    assert hint.kind == "speech_level" and "하십시오체" in hint.message
