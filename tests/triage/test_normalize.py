"""Normalisation undoes disguises and leaves ordinary writing alone.

All sentences are written for these tests; none come from a dataset.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comity.triage.hangul import (
    choseong,
    compose,
    decompose,
    join_syllable,
    split_syllable,
    to_compat,
    to_conjoining,
)
from comity.triage.normalize import Normalized, extract_emoji, normalize, normalize_text

# (disguised comment, canonical form the normalised text must contain)
OBFUSCATED: list[tuple[str, str]] = [
    # Korean: digits, dots and spaces inside words, loose jamo, 초성
    ("시1발 진짜 너무하네", "시발"),
    ("아 씨.발 또 품절이야", "씨발"),
    ("씨8 배송 언제 와", "씨팔"),
    ("병1신같은 서비스", "병신"),
    ("개새1끼들 답장 좀 해라", "개새끼"),
    ("개.새.끼 누가 이렇게 만듦", "개새끼"),
    ("미1친 가격이네", "미친"),
    ("지~랄하고 있네", "지랄"),
    ("ㅆ.ㅂ 이게 뭐야", "ㅆㅂ"),
    ("ㅅ ㅂ 또 늦네", "ㅅㅂ"),
    ("ㅈ ㄴ 비싸다", "ㅈㄴ"),
    ("ㅂ.ㅅ 같은 앱", "ㅂㅅ"),
    ("ㄲ-ㅈ 라고", "ㄲㅈ"),
    ("ㅅ1ㅂ 뭐하냐", "ㅅㅂ"),
    ("ㅅㅣㅂㅏㄹ 이게 뭐야", "시발"),
    ("ㅂㅕㅇㅅㅣㄴ", "병신"),
    ("시 발 진짜", "시발"),
    ("개 새 끼", "개새끼"),
    ("시\u200b발 뭐냐", "시발"),
    ("병\u200d신", "병신"),
    ("ᄉᄇ 왜 이래", "ㅅㅂ"),  # conjoining jamo, as pasted from NFD text
    ("ﾡﾡ", "ㄱㄱ"),  # halfwidth jamo
    ("좆.같네", "좆같"),
    # English: leetspeak, symbols, spacing, fancy Unicode, look-alikes
    ("what a load of sh1t", "shit"),
    ("sh!t service", "shit"),
    ("f*ck this", "fuck"),
    ("f**k off", "fuck"),
    ("you 4sshole", "asshole"),
    ("what an a$$", "ass"),
    ("a$$hole manager", "asshole"),
    ("@ss", "ass"),
    ("f.u.c.k you", "fuck"),
    ("f u c k you", "fuck"),
    ("s h i t", "shit"),
    ("holy s h i t", "holy shit"),
    ("f. u. c. k. this", "fuck"),
    ("b!tch please", "bitch"),
    ("l0ser brand", "loser"),
    ("st00pid app", "stoopid"),
    ("ｆｕｃｋ", "fuck"),
    ("𝐟𝐮𝐜𝐤 𝐲𝐨𝐮", "fuck you"),
    ("ⓕⓤⓒⓚ", "fuck"),
    ("🅵🆄🅲🅺", "fuck"),
    ("fu\u200bck", "fuck"),
    ("fuсk", "fuck"),  # Cyrillic es
    ("idiοt", "idiot"),  # Greek omicron
    ("BULLSH1T", "bullshit"),
    ("motherf*cker", "motherfucker"),
    ("f\u0336u\u0336c\u0336k\u0336", "fuck"),  # strike-through combining marks
    # German: ß, leet, spacing
    ("sch3iße", "scheisse"),
    ("A r s c h l o c h", "arschloch"),
    ("du arschl0ch", "arschloch"),
    ("W1chser", "wichser"),
    ("Hurens0hn", "hurensohn"),
    ("f1ck dich", "fick"),
    ("S-c-h-l-a-m-p-e", "schlampe"),
    ("ＳＣＨＥＩＳＳＥ", "scheisse"),
]


@pytest.mark.parametrize(("comment", "canonical"), OBFUSCATED)
def test_disguise_is_undone(comment: str, canonical: str) -> None:
    result = normalize(comment)
    assert canonical in result.text
    assert result.obfuscated


@pytest.mark.parametrize("comment", ["So eine Scheiße", "so eine SCHEISSE", "Scheisse!"])
def test_spelling_variants_meet_without_counting_as_disguise(comment: str) -> None:
    result = normalize(comment)
    assert "scheisse" in result.text  # casefolding turns ß into ss
    assert not result.obfuscated


# Ordinary writing that must come out exactly as its lower-cased, space-collapsed self.
UNCHANGED: list[str] = [
    "가격 4,500원 맞나요?",
    "12,900원에서 9,900원으로 내렸어요",
    "2024-05-01 오픈 맞죠",
    "오후 3시 발표 언제예요?",
    "12시8분에 도착했어요",
    "주1회 배송 가능한가요",
    "1인1메뉴 주문해야 하나요",
    "좀 더 잘 해 주세요",
    "오늘 유자 에이드 마셨는데 맛있네요",
    "한 병 신청했어요",
    "문의는 010-1234-5678로 주세요",
    "#여름엔비바 이벤트 참여합니다",
    "@yuzu_cafe 여기 가봐요",
    "https://shop.example.com/item/4a5b?ref=3x 여기요",
    "help@example-shop.de schreiben",
    "www.example.co.kr/event 참고",
    "$4.99 for a coffee?",
    "open from 10am to 9pm",
    "my order #12345 arrived",
    "covid19 rules, mp3 player, ps5 bundle",
    "call +49 30 1234567",
    "i.e. the b2b plan",
    "z.B. am 24.12.2024 um 18:30",
    "Das kostet 3,50 € pro Stück",
    "we ordered 3 x 2 boxes",
    "ㅋㅋ 너무 웃겨",
    "ㅠㅠ 아쉬워요",
    "ok cool",
    "this is a b c test",
    "wow! yes!no",
    "I am a big fan",
    "ich brauche 10 bis15min",
    "brauche3Minuten im Bad",
    "the app *is* down",
    "ich liebe es :D :D :D",
    "ㅠ.ㅠ 슬퍼",
    "ㅡ.ㅡ;;",
    "ㅜ_ㅜ 아쉬워요",
    "주민번호 2로 바꿨어요",
    "당시 15발 쐈다",
    "G5s plus and A7X",
    "order item3a957",
]


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("Gie\u00adße\u00adrei", "giesserei"),  # soft hyphens are typography
        ("İstanbul", "istanbul"),
        ("i´m here", "i'm here"),
        ("6\ufe0f\u20e30\ufe0f\u20e3 Jahre", "60 jahre"),  # keycap emoji
    ],
)
def test_typography_is_cleaned_without_counting_as_disguise(comment: str, expected: str) -> None:
    result = normalize(comment)
    assert result.text == expected
    assert not result.obfuscated


@pytest.mark.parametrize("comment", UNCHANGED)
def test_ordinary_writing_is_kept(comment: str) -> None:
    result = normalize(comment)
    assert result.text == " ".join(comment.casefold().split())
    assert not result.obfuscated


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("ㅋㅋㅋㅋㅋㅋ", "ㅋㅋ"),
        ("soooooo good", "soo good"),
        ("!!!!!", "!!"),
        ("ㅠㅠㅠㅠ 슬퍼", "ㅠㅠ 슬퍼"),
        ("좋아요~~~~", "좋아요~~"),
        ("price 1000000 won", "price 1000000 won"),  # digits never collapse
    ],
)
def test_repeats_are_shortened_but_not_numbers(comment: str, expected: str) -> None:
    assert normalize_text(comment) == expected


def test_repeats_alone_are_not_obfuscation() -> None:
    assert not normalize("ㅋㅋㅋㅋㅋ soooo good!!!!").obfuscated


def test_nfkc_casefold_and_spaces() -> None:
    assert normalize_text("  Ｈｅｌｌｏ\t\n WORLD  ") == "hello world"
    assert normalize_text("ＳＣＨÖＮ") == "schön"


def test_german_umlauts_survive() -> None:
    assert normalize_text("Müde Bäume, schöne Grüße") == "müde bäume, schöne grüsse"


def test_nfd_korean_is_composed() -> None:
    nfd = "\u1112\u1161\u11ab\u1100\u1173\u11af"  # 한글 as conjoining jamo
    assert normalize_text(nfd) == "한글"


def test_russian_and_greek_words_stay() -> None:
    assert normalize_text("спасибо большое") == "спасибо большое"
    assert normalize_text("ευχαριστώ") == "ευχαριστώ"


def test_emoji_are_extracted_and_kept_in_text() -> None:
    comment = "최고예요 👍🏻👨\u200d👩\u200d👧 🇰🇷 ❤️"
    result = normalize(comment)
    assert result.emoji == ("👍🏻", "👨\u200d👩\u200d👧", "🇰🇷", "❤️")
    assert extract_emoji(comment) == list(result.emoji)
    assert "👍" in result.text and "최고예요" in result.text


def test_no_emoji() -> None:
    assert extract_emoji("plain text, 한글 ㅋㅋ") == []
    assert normalize("plain").emoji == ()


def test_normalized_tokens_and_text_function_agree() -> None:
    result = normalize("Sh1t  happens ㅋㅋㅋ")
    assert isinstance(result, Normalized)
    assert result.text == normalize_text("Sh1t  happens ㅋㅋㅋ") == "shit happens ㅋㅋ"
    assert result.tokens == ["shit", "happens", "ㅋㅋ"]


def test_initials_let_a_choseong_rule_match_the_full_word() -> None:
    assert "ㅅㅂ" in normalize("아 시1발 진짜").choseong
    assert "ㅅㅂ" in normalize("ㅅ.ㅂ 진짜").choseong


def test_empty_and_whitespace() -> None:
    assert normalize("") == Normalized(text="")
    assert normalize_text(" \u200b\t ") == ""


# Letters, digits, symbols and disguise characters that interact in the rules above.
_TRICKY = st.text(
    alphabet=st.sampled_from(
        list("abcfhiklostu 013458@$!|*.-_#")
        + list("시발병신개새끼ㅅㅂㅆㅈㄴㅣㅏㅋㅠㄹ 8")
        + ["\u200b", "ß", "Ä", "с", "ｆ", "👍", "\u0336", "ﾡ", "\u1109", "\u3000"]
    ),
    max_size=16,
)


@settings(max_examples=250, deadline=None)
@given(_TRICKY)
def test_normalisation_is_idempotent(text: str) -> None:
    # Rules and features may normalise text that was already normalised.
    once = normalize_text(text)
    assert normalize_text(once) == once


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_text_normalises_to_single_spaced_text(text: str) -> None:
    result = normalize(text).text
    assert result == " ".join(result.split())


# Hangul helpers (comity.triage.hangul) live here because normalisation is their user.


def test_every_syllable_round_trips_through_jamo() -> None:
    syllables = "".join(chr(cp) for cp in range(0xAC00, 0xD7A4))
    assert compose(decompose(syllables)) == syllables
    assert compose(decompose(syllables, split_compounds=True)) == syllables


@pytest.mark.parametrize(
    ("text", "jamo"),
    [("시발", "ㅅㅣㅂㅏㄹ"), ("닭", "ㄷㅏㄺ"), ("과자 ok", "ㄱㅘㅈㅏ ok")],
)
def test_decompose(text: str, jamo: str) -> None:
    assert decompose(text) == jamo


def test_decompose_can_split_compound_jamo() -> None:
    assert decompose("닭과", split_compounds=True) == "ㄷㅏㄹㄱㄱㅗㅏ"


@pytest.mark.parametrize("chat", ["ㅋㅋㅠㅠ", "ㅇㅋ", "ㅎㅎ", "ㅜㅜ", "ㄱㅅ"])
def test_compose_leaves_chat_jamo_alone(chat: str) -> None:
    assert compose(chat) == chat


def test_compose_places_final_consonants() -> None:
    assert compose("ㅇㅣㄹㄱㅇㅓㅆㄷㅏ") == "읽었다"
    assert compose("ㄱㅗㅐㄴㅊㅏㄶㅇㅏ") == "괜찮아"


@pytest.mark.parametrize(
    ("text", "initials"),
    [("시발", "ㅅㅂ"), ("씨발 진짜", "ㅆㅂ ㅈㅉ"), ("ㅅㅂ 이거 ok", "ㅅㅂ ㅇㄱ ok"), ("", "")],
)
def test_choseong(text: str, initials: str) -> None:
    assert choseong(text) == initials


def test_choseong_plain_matches_tense_spellings() -> None:
    assert choseong("씨발", plain=True) == choseong("시발") == "ㅅㅂ"


def test_compat_and_conjoining_jamo_convert_both_ways() -> None:
    assert to_conjoining("ㅅㅂ") == "\u1109\u1107"
    assert to_compat("\u1109\u1107") == "ㅅㅂ"
    assert to_compat(to_conjoining("ㅋㅋㅠㅠ")) == "ㅋㅋㅠㅠ"


def test_split_and_join_syllable() -> None:
    assert split_syllable("값") == ("ㄱ", "ㅏ", "ㅄ")
    assert join_syllable("ㄱ", "ㅏ", "ㅄ") == "값"
    with pytest.raises(ValueError):
        split_syllable("a")


def _loop_match(core: str) -> str | None:
    """The plain definition of a leet match, to check the compiled per-length regexes."""
    from comity.triage.deobfuscate import _LATIN_BY_LEN, _READINGS

    letters = sum(1 for c in core if c.isalpha())
    if letters == 0 or letters < core.count("*") or len(core) < 3:
        return None
    for word in _LATIN_BY_LEN.get(len(core), ()):
        if all(
            c == w or (c == "*" and w.isalpha()) or w in _READINGS.get(c, "")
            for c, w in zip(core, word, strict=True)
        ):
            return word
    return None


@pytest.mark.parametrize(
    "core",
    ["4sshole", "sh1t", "f*ck", "@ss", "b1tch", "hello", "***", "sch3isse", "@realname", "a$$",
     "wi(h$er", "1d10t", "!diot", "m0r0n", "ab", "sh!t!", "fu*k*"],
)  # fmt: skip
def test_compiled_leet_match_equals_the_plain_definition(core: str) -> None:
    from comity.triage.deobfuscate import match_latin_word

    assert match_latin_word(core) == _loop_match(core)
