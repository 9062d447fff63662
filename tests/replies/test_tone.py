from __future__ import annotations

import pytest

from comity.replies.tone import check_tone

FIRES = [
    ("Oh great, another complaint about the app.", "sarcastic"),
    ("Thanks for nothing, we did our best.", "sarcastic"),
    ("As we already said, the recall is over.", "lecturing"),
    ("If you had read the FAQ you would know.", "lecturing"),
    ("It is your own fault, you must have used it wrong.", "blames"),
    ("WE ARE NOT RESPONSIBLE FOR THIS AT ALL", "capitals"),
    ("You idiot, read the menu.", "insult"),
    ("Wie bereits gesagt, das steht auf der Karte.", "lecturing"),
    ("Das ist Ihre eigene Schuld.", "blames"),
    ("Beruhigen Sie sich bitte erst einmal.", "lecturing"),
    ("Na toll, noch eine Beschwerde.", "sarcastic"),
    ("그것도 모르세요? 공지를 제대로 읽어 보세요.", "lecturing"),
    ("고객님 잘못으로 파손된 거예요.", "blames"),
    ("참 대단하시네요ㅋㅋ", "sarcastic"),
    ("진정하세요. 이미 말씀드렸잖아요.", "lecturing"),
    ("이 멍청아 그만해", "insult"),
]
QUIET = [
    "Thanks so much, Mina! Enjoy your Viva Yuzu Ade.",
    "We're really sorry about the late delivery. Could you DM us your order number?",
    "Our HACCP-certified farms supply the milk. DM us!",
    "Oh, great photo! May we share it?",
    "Danke dir, Lena! Schön, dass es dir schmeckt.",
    "Das tut uns sehr leid! Schicken Sie uns gern Ihre Bestellnummer per DM.",
    "지윤님, 불편을 드려 정말 죄송해요. DM 주시면 바로 확인할게요.",
    "저희 북극곰도 이 글 보고 한참 웃었대요 🐻‍❄️ 좋은 지적 감사해요!",
    "정확한 정보를 안내해 드립니다. 리콜은 2023년 모델만 해당됩니다.",
    "Prices rose by 300 won on hot drinks only; iced drinks are unchanged.",
]


@pytest.mark.parametrize(("draft", "why"), FIRES)
def test_rude_drafts_get_a_tone_hint(draft: str, why: str) -> None:
    hints = check_tone(draft)
    assert hints, draft
    assert all(h.kind == "tone" for h in hints)
    assert any(why in h.message for h in hints), [h.message for h in hints]


@pytest.mark.parametrize("draft", QUIET)
def test_calm_drafts_get_none(draft: str) -> None:
    assert check_tone(draft) == []


def test_the_span_points_at_the_words() -> None:
    draft = "Hi Sam. As we already said, the store opens at 7."
    (hint,) = check_tone(draft)
    assert hint.span is not None
    assert draft[hint.span[0] : hint.span[1]] == "As we already said"


def test_stacked_exclamation_is_only_a_note() -> None:
    (hint,) = check_tone("Thank you so much!!!")
    assert hint.severity == "info"
