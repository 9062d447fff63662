"""The category decision follows TAXONOMY.md; texts are our own, written for these tests."""

from __future__ import annotations

import pytest

from comity.domain import ActionKind, Category, LegalSub, Sentiment, Triage
from comity.triage.decide import DecisionContext, decide
from comity.triage.normalize import normalize_text


def run(
    text: str,
    *,
    strikes: int = 0,
    media: bool = False,
    signals: dict[str, float] | None = None,
    reply_to: str | None = None,
) -> Triage:
    context = DecisionContext(author_strikes=strikes, has_media=media, reply_to=reply_to)
    return decide(text, normalize_text(text), "xx", signals or {}, context)


def test_angry_customer_with_a_problem_stays_a_complaint_with_secondary_toxic() -> None:
    triage = run("ㅅㅂ 주문한 지 2시간째인데 아직도 안 와요 환불해주세요")
    assert triage.primary is Category.COMPLAINT
    assert Category.TOXIC in triage.secondary
    assert triage.action is ActionKind.HELP
    assert triage.sentiment is Sentiment.NEGATIVE


def test_same_jab_is_toxic_from_a_first_timer_and_troll_from_a_repeat_offender() -> None:
    text = "people who queue for this coffee are idiots lol"
    first = run(text, strikes=0)
    repeat = run(text, strikes=3)
    assert (first.primary, first.action) == (Category.TOXIC, ActionKind.REMIND)
    assert (repeat.primary, repeat.action) == (Category.TROLL, ActionKind.MUTE)
    assert Category.TOXIC in repeat.secondary


@pytest.mark.parametrize(
    ("strikes", "action"),
    [
        (0, ActionKind.REMIND),
        (1, ActionKind.HIDE),
        (2, ActionKind.HIDE),
        (3, ActionKind.MUTE),
        (4, ActionKind.MUTE),
        (5, ActionKind.BAN),
        (9, ActionKind.BAN),
    ],
)
def test_insults_at_staff_climb_the_strike_ladder(strikes: int, action: ActionKind) -> None:
    triage = run("the manager here is a total moron", strikes=strikes)
    assert triage.primary is Category.TOXIC
    assert triage.action is action


def test_bait_without_insult_is_troll_and_monitored_at_zero_strikes() -> None:
    triage = run("unpopular opinion: all coffee tastes the same. change my mind")
    assert (triage.primary, triage.action) == (Category.TROLL, ActionKind.MONITOR)


def test_profanity_inside_a_question_is_not_toxic() -> None:
    triage = run("wtf, what time does the Hamburg store open on sundays?")
    assert triage.primary is Category.QUESTION
    assert Category.TOXIC not in triage.secondary
    assert triage.action is ActionKind.ANSWER


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("맞팔해요 선팔 환영 #데일리 #소통해요", ActionKind.HIDE),
        ("신규가입 보너스 카지노 바로가기 lucky-spin.xyz", ActionKind.DELETE),
        ("Earn with bitcoin trading, 200% in a week! message me on telegram", ActionKind.DELETE),
        ("Congratulations! @haneul.coffee.event picked you, claim it via DM", ActionKind.DELETE),
    ],
)
def test_spam_is_hidden_and_fraud_deleted(text: str, action: ActionKind) -> None:
    triage = run(text)
    assert triage.primary is Category.SPAM
    assert triage.action is action


def test_praise_naming_a_store_earns_a_thank_you_and_plain_praise_a_like() -> None:
    named = run("성수점 직원분들 항상 친절하셔서 감사해요!")
    plain = run("this cold brew is amazing, so smooth")
    assert (named.primary, named.action) == (Category.PRAISE, ActionKind.THANK)
    assert (plain.primary, plain.action) == (Category.PRAISE, ActionKind.LIKE)


def test_own_photo_under_the_campaign_is_fan_content_with_campaign_secondary() -> None:
    triage = run("퇴근길에 한 잔 🍋 #여름엔비바", media=True)
    assert triage.primary is Category.FAN_CONTENT
    assert Category.CAMPAIGN in triage.secondary
    assert triage.action is ActionKind.SHARE


def test_bare_campaign_reaction_is_campaign_and_liked() -> None:
    triage = run("that polar bear is the best thing on tv this summer")
    assert Category.CAMPAIGN in (triage.primary, *triage.secondary)


def test_claim_contradicting_the_fact_sheet_is_misinformation_with_the_fact() -> None:
    triage = run("heads up, they raised all drink prices, including iced ones")
    assert (triage.primary, triage.action) == (Category.MISINFORMATION, ActionKind.CORRECT)
    assert "hot drinks only" in triage.reasons[0]


def test_asking_about_a_fact_is_a_question_not_misinformation() -> None:
    triage = run("does the recall cover all tumblers or only some?")
    assert triage.primary is Category.QUESTION


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("계산대 직원 번호 010-1234-5678 이거 퍼뜨려주세요", LegalSub.PERSONAL_RIGHTS),
        ("selling haneul replica mugs, same print, $5 each, DM", LegalSub.IP),
        ("if nobody calls me back I will burn down your store", LegalSub.THREAT),
        ("Ausländer raus, die haben hier nichts zu suchen", LegalSub.HATE),
        ("free porn links in my bio 🔞", LegalSub.OBSCENE),
    ],
)
def test_legal_sub_labels(text: str, sub: LegalSub) -> None:
    triage = run(text)
    assert triage.primary is Category.LEGAL
    assert triage.legal_sub is sub
    assert triage.action is ActionKind.REMOVE


def test_a_threat_outranks_the_refund_demand_it_comes_with() -> None:
    triage = run("refund me today or I will burn down your store")
    assert triage.legal_sub is LegalSub.THREAT
    assert Category.COMPLAINT in triage.secondary


def test_a_customer_giving_their_own_number_is_not_doxxing() -> None:
    triage = run("배송이 안 와요. 제 번호 010-1111-2222로 연락 주세요")
    assert triage.primary is Category.COMPLAINT


def test_suggestion_is_feedback_recorded() -> None:
    triage = run("would love a decaf version of the cold brew!")
    assert (triage.primary, triage.action) == (Category.FEEDBACK, ActionKind.RECORD)


def test_a_friendly_joke_about_prices_is_creative_critique() -> None:
    triage = run("my wallet after one week of iced lattes 😂😂")
    assert (triage.primary, triage.action) == (Category.CREATIVE_CRITIQUE, ActionKind.SHOWCASE)
    assert triage.sentiment is Sentiment.MIXED


def test_small_talk_is_neutral() -> None:
    triage = run("좋은 아침이에요 다들")
    assert (triage.primary, triage.action) == (Category.NEUTRAL, ActionKind.NONE)


def test_reasons_name_the_cue_and_the_signal_value() -> None:
    triage = run("this barista is a clown", signals={"insult": 0.93, "toxicity": 0.9})
    assert triage.reasons[0].startswith("insult aimed at staff: clown")
    assert "insult 0.93" in triage.reasons[0]


def test_a_strong_signal_decides_when_no_cue_matches_and_explain_adds_ngrams() -> None:
    text = "you will regret this, watch out tonight"
    calls: list[str] = []

    def explain(head: str) -> list[tuple[str, float]]:
        calls.append(head)
        return [("regret", 0.7), ("tonight", 0.2)]

    triage = decide(
        text, normalize_text(text), "en", {"threat": 0.95}, DecisionContext(), explain=explain
    )
    assert triage.legal_sub is LegalSub.THREAT
    assert calls == ["threat"]
    assert triage.reasons[-1] == "threat n-grams: regret, tonight"


def test_context_from_an_evaluation_record() -> None:
    context = DecisionContext.from_mapping(
        {"campaign": "#SummerVibes", "author_strikes": 2, "has_media": True, "reply_to": "hi"},
        channel="x",
    )
    assert context == DecisionContext("x", "#SummerVibes", 2, True, "hi")
    assert DecisionContext.from_mapping(None) == DecisionContext()


def test_lexicon_matches_latin_whole_words_prefixes_and_hangul_inside_words() -> None:
    from comity.triage.lexicons.base import Lexicon

    lexicon = Lexicon({"rude": ["ass", "idiot*", "병신", "shut up"], "price": ["*preis"]})
    assert lexicon.scan("first class service") == {}
    assert lexicon.scan("you idiots, shut up") == {"rude": ["idiot", "shut up"]}
    assert lexicon.scan("병신들아") == {"rude": ["병신"]}
    assert lexicon.scan("der kaffeepreis steigt") == {"price": ["preis"]}
    assert Lexicon({"gambling": ["casino*"]}).scan("online-casinos") == {"gambling": ["casino"]}


def test_a_brand_profile_from_data_drives_misinformation_and_impersonation() -> None:
    from comity.triage.lexicons import CueFinder
    from comity.triage.lexicons.profile import BrandData, FactData, compile_profile

    profile = compile_profile(
        BrandData(
            names=("moonbeans",),
            official_handles=("moonbeans",),
            lookalike_handle="@moonbeans[\\w.]*",
            lookalike_name="moonbeans official",
            campaign_name="#spring",
            campaign_hashtags=("#spring",),
            campaign_cues=("spring cup",),
            facts=(
                FactData(
                    "vegan",
                    "All syrups are vegan.",
                    claims=("syrups? (contain|have) (gelatin|milk)",),
                    gate=("syrup",),
                ),
            ),
        )
    )
    finder = CueFinder(profile)
    text = "fyi the syrups contain gelatin"
    triage = decide(text, normalize_text(text), "en", {}, finder=finder)
    assert triage.primary is Category.MISINFORMATION
    assert "All syrups are vegan." in triage.reasons[0]
    fake = "@moonbeans.giveaway says you won, claim it: moon-gift.top/x"
    assert decide(fake, normalize_text(fake), "en", {}, finder=finder).action is ActionKind.DELETE


@pytest.mark.parametrize(
    "text",
    [
        "배달로 2시간 걸려서 좀 아쉬웠어요",
        "드립백 10개 2024년 12월까지네요",
        "제 번호로 예약했는데 확인 부탁드려요 010-2222-3333",
        "first class service, thank you",
        "kill me, I forgot my tumbler at home",
        "shoot, forgot my stamp card",
        "Heiß und lecker, perfekt im Winter",
        "1:1 문의 남겼어요 확인 부탁드려요",
        "wtf this ad is so good",
    ],
)
def test_ordinary_comments_are_not_moderated(text: str) -> None:
    triage = run(text)
    assert triage.primary not in (Category.LEGAL, Category.SPAM, Category.TOXIC, Category.TROLL)


def test_a_reply_in_a_campaign_thread_carries_campaign_as_secondary() -> None:
    parent = "#여름엔비바 텀블러 이벤트 참여했어요!"
    triage = run("결과 발표는 언제 나와요?", reply_to=parent)
    assert triage.primary is Category.QUESTION
    assert Category.CAMPAIGN in triage.secondary
    assert Category.CAMPAIGN not in run("결과 발표는 언제 나와요?").secondary


def test_the_ad_means_the_campaign_only_under_a_campaign_post() -> None:
    text = "this ad is stuck in my head all day"
    elsewhere = decide(text, normalize_text(text), "en", {}, DecisionContext())
    under = decide(text, normalize_text(text), "en", {}, DecisionContext(campaign="#SummerVibes"))
    assert elsewhere.primary is Category.NEUTRAL
    assert (under.primary, under.action) == (Category.CAMPAIGN, ActionKind.LIKE)


def test_the_brands_own_reply_needs_no_action() -> None:
    triage = run("하늘커피: 불편을 드려 죄송합니다. 주문번호를 DM으로 보내주시면 환불 도와드릴게요")
    assert (triage.primary, triage.action) == (Category.NEUTRAL, ActionKind.NONE)


def test_a_suggestion_phrased_as_a_question_is_feedback() -> None:
    triage = run("how about a mint latte for the summer?")
    assert (triage.primary, triage.action) == (Category.FEEDBACK, ActionKind.RECORD)


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        ("they test their syrups on animals, boycott", True),
        ("Haneul does not test on animals", False),
        ("Haneul testet nicht an Tieren", False),
        ("하늘커피 동물실험 안 한대요", False),
        ("하늘커피 유자는 다 일본산이래요", True),
        ("Die App war drei Tage lang down, Stempel sind alle weg für immer", True),
    ],
)
def test_a_denial_of_a_false_claim_is_not_misinformation(text: str, claims: bool) -> None:
    assert (run(text).primary is Category.MISINFORMATION) is claims


def test_fake_brand_goods_for_sale_infringe() -> None:
    triage = run("selling fake haneul gift cards, half price, dm me")
    assert triage.legal_sub is LegalSub.IP
    assert Category.SPAM in triage.secondary


# One comment per category and language, written for these tests (not from any data set).
EXAMPLES = [
    ("complaint", "주문한 케이크가 다 뭉개져서 왔어요. 사진 보내드릴게요", {}),
    ("complaint", "Paid for a large, got a small. Third time this month.", {}),
    ("complaint", "Seit Tagen kann ich mich nicht einloggen, das Zurücksetzen klappt nicht", {}),
    ("question", "원두 선물 포장 되나요?", {}),
    ("question", "Are your paper cups recyclable?", {}),
    ("question", "Habt ihr auch laktosefreie Milch?", {}),
    ("feedback", "디카페인 원두도 소포장으로 팔아주세요", {}),
    ("feedback", "a loyalty program for the webshop would be great", {}),
    ("feedback", "Es wäre super, wenn ihr auch Pfandbecher hättet", {}),
    ("praise", "잠실점 사장님 항상 웃으면서 맞아주셔서 좋아요", {}),
    ("praise", "Best flat white in Berlin, no contest", {}),
    ("praise", "Der beste Cappuccino in Hamburg!", {}),
    ("toxic", "너 같은 애들 때문에 댓글창이 더러워짐 꺼져", {}),
    ("toxic", "the social media guy is a useless moron", {}),
    ("toxic", "Halt die Klappe, keiner will deine Meinung hören", {}),
    ("troll", "커피 마시는 사람들 다 허세임 반박 불가", {"author_strikes": 2}),
    ("troll", "tea is superior, coffee drinkers stay mad", {}),
    ("spam", "스포츠 배팅 가입머니 3만원 지급", {}),
    ("spam", "Earn $500 a day from home, link in bio!!", {}),
    ("spam", "Gratis iPhone gewinnen!! Jetzt klicken: win-phone.top/de", {}),
    ("legal", "짝퉁 하늘커피 텀블러 도매로 넘깁니다 카톡 주세요", {}),
    ("legal", "I'm going to find that barista after her shift and hurt her", {}),
    ("legal", "Juden sollten hier keinen Kaffee bekommen", {}),
    ("misinformation", "유자에이드 한 잔에 설탕 40g이래요 조심하세요", {}),
    ("misinformation", "psa the gangnam flagship closes at 10pm now", {}),
    ("misinformation", "Achtung, der Rückruf betrifft alle Becher, auch die neuen", {}),
    ("creative_critique", "가격 보고 눈물이 아아처럼 흘러내림ㅋㅋㅋ", {}),
    ("creative_critique", "my wallet filed for divorce after the price hike 😂", {}),
    ("fan_content", "직접 그린 하늘커피 매장 일러스트예요!", {"has_media": True}),
    ("fan_content", "Ich habe euren Eisbären gehäkelt 🧶", {"has_media": True}),
    ("campaign", "viva yuzu ade gang 🍋🍋", {"campaign": "#SummerVibes"}),
    ("campaign", "그 북극곰 광고 또 보고 싶다", {"campaign": "#여름엔비바"}),
    ("neutral", "퇴근하고 싶다", {}),
    ("neutral", "first time here", {}),
    ("neutral", "Guten Morgen zusammen!", {}),
]


@pytest.mark.parametrize(("primary", "text", "context"), EXAMPLES)
def test_examples_in_three_languages(primary: str, text: str, context: dict[str, object]) -> None:
    triage = decide(text, normalize_text(text), "xx", {}, DecisionContext.from_mapping(context))
    assert triage.primary.value == primary
    assert triage.reasons


@pytest.mark.parametrize("text", ["yep", "네", "@mina_k 이거 너 같아"])
def test_chit_chat_is_neutral_unless_the_head_is_confident(text: str) -> None:
    leaning = {"sentiment_positive": 0.1, "sentiment_neutral": 0.2, "sentiment_negative": 0.7}
    assert run(text, signals=leaning).sentiment is Sentiment.NEUTRAL
    sure = {"sentiment_positive": 0.05, "sentiment_neutral": 0.05, "sentiment_negative": 0.9}
    assert run(text, signals=sure).sentiment is Sentiment.NEGATIVE
