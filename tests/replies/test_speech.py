from __future__ import annotations

import pytest

from comity.replies.speech import check_speech_level, korean_sentences

FIRES = [
    ("미안. 주문번호 알려줘. 바로 확인할게.", "ko", "haeyo", "반말"),
    ("죄송해요. 바로 확인할게. 기다려 줘.", "ko", "haeyo", "mixed"),
    ("고마워! 또 와.", "ko", "hapsyo", "반말"),
    ("불편을 드려 죄송해요. 확인해 볼게요.", "ko", "hapsyo", "하십시오체"),
    ("고마워요! 또 와.", "ko", "banmal", "mixed"),
    ("Vielen Dank für Ihre Nachricht. Kannst du uns schreiben?", "de", "sie", "mixes"),
    ("Danke dir! Schreib uns deine Bestellnummer.", "de", "sie", "du"),
    ("Oh nein! Schick uns gern ein Foto per DM.", "de", "sie", "du"),
    ("Schreiben Sie uns gern eine DM.", "de", "du", "Sie"),
    ("Können Sie uns Ihre Bestellnummer schicken?", "de", "du", "Sie"),
    ("Dear Sir, we regret to inform you of a delay.", "en", "casual", "stiff"),
    ("lol that is gonna be fixed", "en", "formal", "casual"),
]
QUIET = [
    ("지은님, 불편을 드려 죄송해요. 주문번호 알려주시면 바로 확인할게요.", "ko", "haeyo"),
    ("감사합니다! 다음에 또 들러 주세요 ☕", "ko", "haeyo"),  # 합니다 + 해요 is normal
    ("배송 지연 때문에 많이 속상하셨죠. 정말 죄송해요.", "ko", "haeyo"),
    ("불편을 드려 죄송합니다. 확인하겠습니다.", "ko", "hapsyo"),
    ("고객센터로 연락해 주십시오. 감사드립니다.", "ko", "hapsyo"),
    ("고마워! 또 와.", "ko", "banmal"),
    ("Danke dir! Die Ade ist neu. Sie schmeckt super.", "de", "du"),
    ("Hallo Anna, schreib uns gern eine DM!", "de", "du"),
    ("Vielen Dank für Ihre Nachricht, wir melden uns.", "de", "sie"),
    ("Schreiben Sie uns gern eine DM.", "de", "sie"),
    ("Thanks so much, Sam! See you soon.", "en", "casual"),
    ("Thank you for your question. We will reply shortly.", "en", "formal"),
]


@pytest.mark.parametrize(("draft", "lang", "want", "says"), FIRES)
def test_wrong_or_mixed_levels_are_hinted(draft: str, lang: str, want: str, says: str) -> None:
    hints = check_speech_level(draft, lang, want)
    assert len(hints) == 1, draft
    assert hints[0].kind == "speech_level" and says in hints[0].message


@pytest.mark.parametrize(("draft", "lang", "want"), QUIET)
def test_fitting_levels_are_quiet(draft: str, lang: str, want: str) -> None:
    assert check_speech_level(draft, lang, want) == []


def test_each_korean_sentence_gets_its_level() -> None:
    levels = [s.level for s in korean_sentences("감사합니다. 또 오세요! 고마워.")]
    assert levels == ["hapsyo", "haeyo", "banmal"]


def test_the_banmal_span_is_the_predicate() -> None:
    draft = "정말 죄송해요. 바로 확인할게."
    (hint,) = check_speech_level(draft, "ko", "haeyo")
    assert hint.span is not None and draft[hint.span[0] : hint.span[1]] == "할게"
