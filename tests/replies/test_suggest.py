from __future__ import annotations

import pytest

from comity.replies import BrandProfile, CaseInput, check, suggest
from comity.replies.similarity import jaccard, normalise, shingles
from comity.replies.suggest import MAX_BODY_SIMILARITY, REPLY_CATEGORIES, Draft
from comity.replies.templates import fix_particles, load_templates


def case(
    text: str, category: str, lang: str = "ko", channel: str = "instagram", **kw: str
) -> CaseInput:
    return CaseInput(
        id=kw.pop("id", "ig:1"), text=text, channel=channel, category=category, lang=lang, **kw
    )


def test_a_complaint_gets_help_with_name_problem_and_order_number(profile: BrandProfile) -> None:
    c = case(
        "배송 2주째 안 와요 주문번호 20260611-123", "complaint", author="jy", author_name="지윤"
    )
    drafts = suggest(c, profile)
    assert 2 <= len(drafts) <= 3
    assert all(d.text.startswith("지윤님") for d in drafts)
    assert all(d.category == "complaint" and d.level == "haeyo" for d in drafts)
    texts = " ".join(d.text for d in drafts)
    assert "배송 지연" in texts or "20260611-123" in texts or "죄송" in texts
    assert all("죄송" in d.text for d in drafts)


def test_a_misinformation_reply_cites_the_fact_and_its_source(profile: BrandProfile) -> None:
    drafts = suggest(case("유자 전부 중국산이라던데", "misinformation", channel="youtube"), profile)
    assert drafts and all("고흥" in d.text for d in drafts)
    assert all(d.facts == ("yuzu",) for d in drafts)
    assert all("https://haneul.example/menu/viva-yuzu-ade" in d.text for d in drafts)


def test_each_category_gets_its_kind_of_reply(profile: BrandProfile) -> None:
    praise = suggest(case("Love the Viva Yuzu Ade!", "praise", "en", "x", author="sam"), profile)
    assert any("Viva Yuzu Ade" in d.text for d in praise)
    assert all(any(w in d.text for w in ("Thank", "lovely", "glad")) for d in praise)
    fan = suggest(case("내가 그린 북극곰 🐻‍❄️", "fan_content"), profile)
    assert all("?" in d.text for d in fan)  # asks permission to share
    toxic = suggest(case("Ihr seid alle Idioten", "toxic", "de", "instagram"), profile)
    assert all("https://haneul.example/netiquette" in d.text for d in toxic)
    campaign = suggest(case("#여름엔비바 최고", "campaign"), profile)
    assert all("#여름엔비바" in d.text or "비바" in d.text for d in campaign)
    question = suggest(case("오트밀크 추가 요금 있어요?", "question", channel="kakao"), profile)
    assert any("무료" in d.text for d in question)


@pytest.mark.parametrize("category", ["spam", "troll", "neutral"])
def test_no_public_reply_for_spam_trolls_and_chit_chat(
    profile: BrandProfile, category: str
) -> None:
    assert suggest(case("anything", category), profile) == []


def test_german_follows_the_channel_voice(profile: BrandProfile) -> None:
    on_instagram = suggest(case("Lieferung kaputt", "complaint", "de", "instagram"), profile)
    on_facebook = suggest(case("Lieferung kaputt", "complaint", "de", "facebook"), profile)
    assert {d.level for d in on_instagram} == {"du"}
    assert {d.level for d in on_facebook} == {"sie"}
    assert all(d.text.endswith("Ihr Haneul-Team ☕") for d in on_facebook)  # sign-off


def test_legal_replies_are_formal_everywhere(profile: BrandProfile) -> None:
    drafts = suggest(case("전화번호 010-1234-5678 이 사람 신상", "legal"), profile)
    assert drafts and {d.level for d in drafts} == {"hapsyo"}


def test_never_the_same_text_twice_in_a_row(profile: BrandProfile) -> None:
    c = case("배송이 안 와요", "complaint")
    first = suggest(c, profile)
    second = suggest(c, profile, [d.text for d in first], rotation=1)
    assert second and not {d.text for d in first} & {d.text for d in second}
    assert suggest(c, profile) == first  # deterministic for the same comment
    other = suggest(case("배송이 안 와요", "complaint", id="ig:2"), profile)
    assert [d.template for d in other] != [d.template for d in first] or len(first) < 2


@pytest.mark.parametrize("lang", ["ko", "en", "de"])
@pytest.mark.parametrize("category", REPLY_CATEGORIES)
def test_every_shipped_draft_passes_its_own_checks(
    profile: BrandProfile, category: str, lang: str
) -> None:
    for channel in ("instagram", "facebook", "webshop_review"):
        for i in range(3):
            c = case(
                "배송 주문번호 20260611-1 유자 중국산 Lieferung delivery",
                category,
                lang,
                channel,
                id=f"{channel}:{i}",
                author_name="Jo",
            )
            for draft in suggest(c, profile, rotation=i):
                hints = check(
                    draft.text,
                    channel,
                    lang,
                    profile,
                    category=category,
                    kinds=("tone", "speech_level", "glossary", "facts"),
                )
                assert [h for h in hints if h.severity == "warning"] == [], draft.text


def test_every_category_with_a_reply_has_templates_in_every_language() -> None:
    shipped = load_templates()
    for category in REPLY_CATEGORIES:
        assert {t.lang for t in shipped.replies if t.category == category} == {"ko", "en", "de"}


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("배송 지연(으)로", "배송 지연으로"),
        ("앱 이용 문제(으)로", "앱 이용 문제로"),
        ("음료 맛(으)로", "음료 맛으로"),
        ("매장 응대을(를)", "매장 응대를"),
        ("서울(으)로", "서울로"),
    ],
)
def test_korean_particles_fit_the_word(text: str, fixed: str) -> None:
    assert fix_particles(text) == fixed


def test_a_known_fact_is_cited_and_an_unknown_one_promised(profile: BrandProfile) -> None:
    known = suggest(case("오트밀크 추가 요금 있어요?", "question", channel="kakao"), profile)
    assert known and all("무료" in d.text for d in known)
    unknown = suggest(
        case("They secretly changed the logo colour", "misinformation", "en"), profile
    )
    assert unknown and all(d.facts == () for d in unknown)
    assert all("source" in d.text for d in unknown)


def _body(
    draft: Draft, profile: BrandProfile, channel: str, names: tuple[str, ...]
) -> frozenset[str]:
    """A draft's char shingles without its sign-off, the names and the cited fact."""
    text = draft.text
    sign_off = profile.sign_off.for_channel(channel, draft.lang)
    if sign_off and text.endswith(sign_off):
        text = text[: -len(sign_off)]
    fact = "".join(f.text.get(draft.lang) for f in profile.facts if f.id in draft.facts)
    return shingles(normalise(text, (*names, fact)))


@pytest.mark.parametrize("lang", ["ko", "en", "de"])
@pytest.mark.parametrize("category", REPLY_CATEGORIES)
def test_the_drafts_of_one_case_differ_in_their_bodies(
    profile: BrandProfile, category: str, lang: str
) -> None:
    """Real alternatives, not one text with another closing line: low pairwise similarity."""
    texts = {
        "ko": "주문번호 20260611-1 배송이 안 와요 유자 중국산이라던데 오트밀크 추가 요금?",
        "en": "order 20260611-1 delivery never arrived, is the yuzu from China? oat milk extra?",
        "de": "Bestellung 20260611-1 Lieferung kam nie, Yuzu aus China? Hafermilch extra?",
    }
    for channel in ("instagram", "facebook", "webshop_review", "email"):
        for i in range(4):
            c = case(texts[lang], category, lang, channel, id=f"{channel}:{i}", author_name="Jo")
            drafts = suggest(c, profile)
            assert len(drafts) >= 2, (channel, i)
            bodies = [_body(d, profile, channel, ("Jo",)) for d in drafts]
            for a in range(len(bodies)):
                for b in range(a + 1, len(bodies)):
                    similarity = jaccard(bodies[a], bodies[b])
                    assert similarity < MAX_BODY_SIMILARITY, (drafts[a].text, drafts[b].text)
