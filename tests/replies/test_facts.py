from __future__ import annotations

import pytest

from comity.replies import BrandProfile, contradicted_facts
from comity.replies.facts import check_facts

FIRES = [
    ("비바 유자에이드는 한 잔에 설탕 25g이 들어가요.", "ko", "yuzu"),
    ("아이스 음료도 가격이 올랐어요.", "ko", "prices"),
    ("6월에 따뜻한 음료가 500원 인상됐어요.", "ko", "prices"),
    ("리콜은 모든 텀블러가 대상이에요.", "ko", "recall"),
    ("Prices rose by 500 won on hot drinks.", "en", "prices"),
    ("The outage lasted 5 hours, sorry!", "en", "outage"),
    ("The recall covers all tumblers and mugs.", "en", "recall"),
    ("Our ade has 30 g sugar per cup.", "en", "yuzu"),
    ("Der Rückruf betrifft alle Becher.", "de", "recall"),
    ("Der Ausfall dauerte leider drei Tage lang, die App war down.", "de", "outage"),
    ("Hafermilch kostet jetzt extra.", "de", "oat_milk"),
]
QUIET = [
    ("비바 유자에이드는 한 잔에 설탕 18g이 들어가요.", "ko"),
    ("6월 1일부터 따뜻한 음료만 300원 올랐고, 아이스 음료 가격은 그대로예요.", "ko"),
    ("오트밀크로 바꾸는 건 추가 요금 없이 무료예요.", "ko"),  # quoting the fact sheet
    ("대부분 매장은 오전 7시부터 밤 10시까지 열어요.", "ko"),
    ("Haneul Coffee does not test on animals.", "en"),
    ("The outage lasted 2 hours; stamps were restored on 4 June.", "en"),
    ("The recall covers only the 2023 black 473 ml model.", "en"),
    ("Swapping to oat milk is free of charge.", "en"),
    ("Die meisten Filialen haben 7-22 Uhr geöffnet.", "de"),
    ("Danke für deine Nachricht, wir melden uns!", "de"),
]


@pytest.mark.parametrize(("draft", "lang", "fact"), FIRES)
def test_drafts_contradicting_the_fact_sheet_are_hinted(
    profile: BrandProfile, draft: str, lang: str, fact: str
) -> None:
    hints = check_facts(draft, lang, profile)
    assert hints, draft
    assert hints[0].kind == "facts" and hints[0].detail["fact"] == fact
    assert hints[0].detail["source"].startswith("https://")


@pytest.mark.parametrize(("draft", "lang"), QUIET)
def test_correct_drafts_are_quiet(profile: BrandProfile, draft: str, lang: str) -> None:
    assert check_facts(draft, lang, profile) == []


@pytest.mark.parametrize(
    ("comment", "fact"),
    [
        ("유자 전부 중국산이라던데", "yuzu"),
        ("아아까지 500원 올렸다며 실화냐", "prices"),
        ("스탬프 영영 복구 안 된대요", "outage"),
        ("텀블러 리콜 전부 다 해당된대", "recall"),
        ("They test on animals, boycott", "animal_testing"),
        ("the giveaway is rigged, winners are employees", "giveaway"),
        ("Stempel sind nach dem Ausfall für immer weg", "outage"),
        ("수입 분유 쓴다던데 우유 국산 아니죠", "milk"),
        # no claim pattern: found by morpheme + bigram retrieval alone
        ("강남 플래그십 영업시간 바뀌었다던데", "hours"),
        ("하늘커피 정당 후원한다는 소문", "politics"),
    ],
)
def test_misinformation_finds_the_fact_it_contradicts(
    profile: BrandProfile, comment: str, fact: str
) -> None:
    matches = contradicted_facts(comment, profile)
    assert matches and matches[0].fact.id == fact
    assert matches[0].fact.source.startswith("https://haneul.example/")


def test_unrelated_chat_finds_no_fact(profile: BrandProfile) -> None:
    assert contradicted_facts("오늘 날씨 좋다 친구랑 산책", profile) == []


def test_a_matched_claim_is_not_padded_with_weak_neighbours(profile: BrandProfile) -> None:
    assert [m.fact.id for m in contradicted_facts("유자 전부 중국산이라던데", profile)] == ["yuzu"]
