"""The Aho-Corasick lexicon scan and the bigram-index fallback find the same cues."""

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
def lexicons() -> tuple[Lexicon, Lexicon]:
    families = _families()
    return Lexicon(families), Lexicon(families, use_automaton=False)


def test_automaton_is_used(lexicons: tuple[Lexicon, Lexicon]) -> None:
    fast, slow = lexicons
    assert fast._automaton is not None
    assert slow._automaton is None


@pytest.mark.parametrize("text", TEXTS)
def test_automaton_and_index_agree(lexicons: tuple[Lexicon, Lexicon], text: str) -> None:
    fast, slow = lexicons
    norm = normalize_text(text)
    assert fast.scan(norm) == slow.scan(norm)


@pytest.mark.parametrize("use_automaton", [True, False])
def test_word_edges_hold_in_both_paths(use_automaton: bool) -> None:
    lexicon = Lexicon({"x": ["dm me", "시발", "*aktion"]}, use_automaton=use_automaton)
    found = lexicon.scan(normalize_text("dm me now 시발놈 tumbler-aktion"))
    assert found == {"x": ["dm me", "시발", "aktion"]}  # Hangul matches inside words
    assert lexicon.scan("admme") == {}  # a Latin phrase needs word edges
    assert lexicon.scan("dm men") == {}


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


def test_gates_work_without_the_automaton() -> None:
    gate = patterns.Needles("won", "€")
    gate._automaton = None
    assert gate.any_in("12 won") and not gate.any_in("12 wan")
