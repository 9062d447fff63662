"""Language id on the short, mixed comments a brand page gets.

Sentences are our own; the "other" ones differ from those the training script reports.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from comity.triage import langid
from comity.triage.langid import LANGUAGES, detect_language, detect_languages


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("맛있어요 ㅋㅋ", "ko"),
        ("ㅋㅋㅋ", "ko"),
        ("ㅠㅠ", "ko"),
        ("배송 언제 와요?", "ko"),
        ("오늘 yuzu ade 최고", "ko"),
        ("신메뉴 너무 good 👍", "ko"),
        ("#여름엔비바 이벤트 참여해요", "ko"),
        ("大韓民國 만세", "ko"),  # hanja inside Korean
        ("so good", "en"),
        ("love it!", "en"),
        ("where is my order", "en"),
        ("this is the worst coffee ever", "en"),
        ("thanks for the quick reply", "en"),
        ("I love 김치 so much", "en"),
        ("sehr lecker", "de"),
        ("Danke schön!", "de"),
        ("wo bleibt meine Bestellung", "de"),
        ("Das ist so schön", "de"),
        ("Der Kaffee war kalt und teuer", "de"),
        ("mega gut, gerne wieder", "de"),
        ("Warum dauert das so lange?", "de"),
        ("ｔｈａｎｋｓ ａ ｌｏｔ", "en"),  # fullwidth
        ("𝐃𝐚𝐧𝐤𝐞 𝐬𝐜𝐡ö𝐧", "de"),  # mathematical bold
    ],
)
def test_detects_short_comments(text: str, lang: str) -> None:
    assert detect_language(text)[0] == lang


@pytest.mark.parametrize(
    "text",
    [
        "¿cuándo abre la tienda?",
        "la comida estaba muy buena",
        "je voudrais annuler ma commande",
        "vraiment délicieux, merci",
        "questo caffè è molto buono",
        "eu adorei, muito bom",
        "dit is echt niet goed",
        "bu ürün çok güzel",
        "makanan ini sangat enak",
        "ありがとうございます",
        "这个很好吃",
        "очень вкусно",
        "شكرا لكم",
        "อร่อยมาก",
    ],
)
def test_other_languages_are_other(text: str) -> None:
    assert detect_language(text)[0] == "other"


@pytest.mark.parametrize("text", ["", "   ", "👍👍🔥", "!!!", "12,500", "😂 ?!"])
def test_no_letters_is_other_with_zero_confidence(text: str) -> None:
    assert detect_language(text) == ("other", 0.0)


def test_korean_confidence_reflects_mixing() -> None:
    pure = detect_language("오늘 유자 에이드 최고예요")
    mixed = detect_language("오늘 yuzu ade 최고")
    assert pure == ("ko", 1.0)
    assert mixed[0] == "ko" and 0.3 < mixed[1] < 1.0


def test_confidence_is_a_probability_and_grows_with_evidence() -> None:
    short = detect_language("gut")[1]
    long = detect_language("Das Essen war gut und die Bedienung sehr freundlich")[1]
    assert 0.0 <= short <= long <= 1.0


def test_mentions_and_urls_do_not_vote() -> None:
    assert detect_language("@the_best_shop https://example.com/the-shop danke schön")[0] == "de"


def test_batch_matches_single() -> None:
    texts = ["so good", "sehr lecker", "맛있어요", "👍", "merci beaucoup"]
    assert detect_languages(texts) == [detect_language(t) for t in texts]
    assert {lang for lang, _ in detect_languages(texts)} <= set(LANGUAGES)


def test_weights_are_plain_npz_with_metadata() -> None:
    meta = json.loads((langid.MODEL_DIR / "langid.json").read_text(encoding="utf-8"))
    with np.load(langid.MODEL_DIR / "langid.npz", allow_pickle=False) as npz:
        assert set(npz.files) == {"words", "word_weights", "grams", "gram_weights"}
        assert len(npz["word_weights"]) == meta["features"]["words"]
    assert meta["metrics"]["en"]["snippet_accuracy"] >= 0.98
    assert set(meta["calibration"]) == {"word_scale", "gram_scale", "bias"}


def test_without_weights_german_cues_still_work(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(langid, "_model", lambda: None)
    assert detect_language("das ist nicht gut")[0] == "de"
    assert detect_language("this is not good")[0] == "en"
    assert detect_language("Grüße aus München")[0] == "de"
    assert detect_language("맛있어요")[0] == "ko"


def test_weights_that_do_not_match_their_checksum_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("langid.npz", "langid.json"):
        shutil.copy(langid.MODEL_DIR / name, tmp_path / name)
    with open(tmp_path / "langid.npz", "ab") as handle:
        handle.write(b"tampered")
    monkeypatch.setattr(langid, "MODEL_DIR", tmp_path)
    langid._model.cache_clear()
    try:
        with pytest.raises(ValueError, match="SHA-256"):
            detect_language("this is english")
    finally:
        langid._model.cache_clear()


@pytest.mark.parametrize(
    "text",
    [
        "thanks so much, love it",
        "Danke, das ist wirklich gut",
        "@someone http://x.example/a check www.example.com now",
        "gracias por todo amigo",
        "123 456",
        "a_b c-d don't",
        "",
    ],
)
def test_ascii_fast_path_answers_like_the_general_one(text: str) -> None:
    # A trailing no-break space is no letter: it only forces the general (non-ASCII) path.
    assert detect_language(text) == detect_language(text + "\u00a0")
