"""The lexicon scan: cue words found, in text order, only at word edges where Latin."""

from __future__ import annotations

import pytest

from comity.triage.lexicons import abuse, intent, legal, patterns, spam
from comity.triage.lexicons.base import Lexicon
from comity.triage.lexicons.profile import load_profile
from comity.triage.normalize import normalize_text

TEXTS = [
    "야 이 병신아 닥치고 꺼져",
    "시1발 존나 맛없네 환불해주세요",
    "19금 영상 보러 오세요 dm주세요",
    "order #12345 never arrived, this is a scam",
    "Die Tumbler-Aktion ist toll, danke!",
    "you're a clown, you clown",
    "knock-off bags cheap, dm @ me",
    "",
    "ㅋㅋㅋㅋ 이뽀라~~♡♡",
    "pov: nobody: the barista at 7am",
    "shut up, you idiot - you're the worst, get lost",
    "dm, me now!! follow for follow, f4f",
    "i'd never buy this again, waste of money, never again",
    "kill yourself",
]


def _families() -> dict[str, list[str]]:
    families: dict[str, list[str]] = {}
    for module in (legal, abuse, spam, intent):
        families.update(module.FAMILIES)
    families["brand"] = list(load_profile().names)
    return families


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(_families())


@pytest.mark.parametrize(
    ("text", "family", "word"),
    [
        ("야 이 병신아 닥치고 꺼져", "insult", "병신"),
        ("order #12345 never arrived, this is a scam", "complaint", "never arrived"),
        ("dm, me now!! follow for follow, f4f", "follow", "follow for follow"),
        ("kill yourself", "insult", "kill yourself"),
    ],
)
def test_cues_are_found(lexicon: Lexicon, text: str, family: str, word: str) -> None:
    assert word in lexicon.scan(normalize_text(text)).get(family, [])


@pytest.mark.parametrize("text", TEXTS)
def test_words_come_in_text_order(lexicon: Lexicon, text: str) -> None:
    norm = normalize_text(text)
    for words in lexicon.scan(norm).values():
        assert words == sorted(words, key=lambda w: (norm.find(w), w))


def test_word_edges_hold() -> None:
    lexicon = Lexicon({"x": ["dm me", "시발", "*aktion", "tumb*"]})
    found = lexicon.scan(normalize_text("dm me now 시발놈 tumbler-aktion"))
    assert found == {"x": ["dm me", "시발", "tumb", "aktion"]}  # Hangul matches inside words
    assert lexicon.scan("admme") == {}  # a Latin phrase needs word edges
    assert lexicon.scan("dm men") == {}
    assert lexicon.scan("stumbler") == {}  # a prefix starts a word


@pytest.mark.parametrize(
    "text",
    [
        "how are you",
        "what?",
        "영업시간이 어떻게 되나요",
        "이거 되냐.",
        "ist das so",
        "is it?",
        "",
        "nowhere to go",
        "가격이 얼마임?",
        "somehow it works",
        "그래요",
    ],
)
def test_gated_question_form_equals_the_full_pattern(text: str) -> None:
    norm = normalize_text(text)
    assert patterns.question_form(norm) == bool(patterns.QUESTION_END.search(norm))


GATE_TEXTS = [
    "서울시 마포구 월드컵로 12 3층",
    "101동 1203호로 보내주세요",
    "Musterstraße 5, Wohnung 3",
    "12 Baker Street, apt 4, Apartment 9",
    "Rd. 5 and Ave 7, Lane 2, Drive 1",
    "Hauptweg 3 / Marktplatz 4 / Lindenallee 5 / Fischgasse 6",
    "5,000원 / 12 won / 3€ / 4 EUR / $5 / 6 USD / 7 uſd",
    "주문번호 12345 / ORDER #99881 / Bestellnummer AB-1234 / #4455",
    "홍대점 / 플래그십 / the Hamburg store / branch / location / shop / Filiale",
    "nothing to see here 123",
    "010-1234-5678 / 02-123-4567 / +1 12 123 / +49 30 1234567 / 12가 3456",
    "901231-1234567",
]


@pytest.mark.parametrize("text", GATE_TEXTS)
def test_literal_gates_never_hide_a_regex_match(text: str) -> None:
    folded = text.casefold()
    four = patterns.FOUR_DIGITS.search(text) is not None
    gates = [
        (patterns.ADDRESS_GATE.any_in(text), patterns.ADDRESS_HINT.search(text)),
        (patterns.MONEY_GATE.any_in(folded), patterns.MONEY.search(text)),
        (patterns.ORDER_GATE.any_in(folded), patterns.ORDER_NO.search(text)),
        (patterns.STORE_GATE.any_in(folded), patterns.STORE.search(folded)),
        (four or "+" in text, patterns.PHONE.search(text)),
        (four, patterns.RRN.search(text)),
        (four, patterns.ORDER_NO.search(text)),
    ]
    for gate, match in gates:
        assert gate or match is None


def test_gates_find_any_of_their_strings() -> None:
    gate = patterns.Needles("won", "€")
    assert gate.any_in("12 won") and gate.any_in("3€") and not gate.any_in("12 wan")
