from __future__ import annotations

import pytest

from comity.replies import BrandProfile
from comity.replies.glossary import check_glossary

FIRES = [
    ("Try our new Viva Yuja Ade!", "en", "Viva Yuzu Ade"),
    ("Have you tried the Viva Yuzu-Ade?", "en", "Viva Yuzu Ade"),
    ("Log in to the Hanuel App again.", "en", "Haneul App"),
    ("Thanks from all of us at Haenul Coffee", "en", "slip"),
    ("Sorry, per our policy we cannot refund.", "en", "per our policy"),
    ("There's nothing we can do about it.", "en", "nothing we can do"),
    ("비바 유자 에이드 드셔 보셨어요?", "ko", "비바 유자에이드"),
    ("하늘카페에 오신 걸 환영해요", "ko", "하늘커피"),
    ("이번 건은 어쩔 수 없어요.", "ko", "어쩔 수 없"),
    ("소비자 여러분께 안내드려요", "ko", "고객님"),
    ("Da können wir nichts machen, sorry.", "de", "da können wir nichts machen"),
    ("Unser Plastikbecher ist neu.", "de", "Plastikbecher"),
]
QUIET = [
    ("Try our new Viva Yuzu Ade!", "en"),
    ("Log in to the Haneul App again.", "en"),
    ("Thanks from all of us at Haneul Coffee", "en"),
    ("비바 유자에이드 드셔 보셨어요?", "ko"),
    ("하늘커피에 오신 걸 환영해요", "ko"),
    ("방법을 함께 찾아볼게요.", "ko"),
    ("Der Haneul-Tumbler ist aus Edelstahl.", "de"),
    ("Wir finden eine Lösung, versprochen.", "de"),
    ("The channel handles customer questions.", "en"),
    # a forbidden term of another language does not apply
    ("no comment 라고 쓰지 않아요", "ko"),
]


@pytest.mark.parametrize(("draft", "lang", "says"), FIRES)
def test_glossary_problems_are_hinted(
    profile: BrandProfile, draft: str, lang: str, says: str
) -> None:
    hints = check_glossary(draft, lang, profile)
    assert hints and all(h.kind == "glossary" for h in hints), draft
    assert any(says in h.message for h in hints), [h.message for h in hints]


@pytest.mark.parametrize(("draft", "lang"), QUIET)
def test_correct_spellings_are_quiet(profile: BrandProfile, draft: str, lang: str) -> None:
    assert check_glossary(draft, lang, profile) == []


def test_one_misspelling_gives_one_hint_with_its_span(profile: BrandProfile) -> None:
    draft = "새 비바 유자애이드 나왔어요"
    (hint,) = check_glossary(draft, "ko", profile)
    assert hint.span is not None and draft[hint.span[0] : hint.span[1]] == "비바 유자애이드"
