"""Our own small phrase tables for scenario text (ko/en/de); no dataset text."""
# ruff: noqa: E501  (phrase tables read better one family per line)

from __future__ import annotations

PRAISE = {
    "ko": ["오늘 라떼 진짜 맛있었어요", "직원분들 너무 친절해요", "유자에이드 최고", "매장 분위기 좋네요",
           "아침마다 여기 와요", "신메뉴 기대돼요", "사진 너무 예뻐요", "역시 하늘커피"],
    "en": ["love this place", "best latte in town", "the yuzu ade is so good", "great service today",
           "so pretty", "my morning ritual", "can't wait for the new menu", "cozy store"],
    "de": ["richtig leckerer Kaffee", "super freundliches Team", "die Yuzu Limo ist top",
           "schöner Laden", "mein Lieblingscafé", "tolles Foto", "freu mich aufs neue Menü"],
}  # fmt: skip
NEUTRAL = {
    "ko": ["몇 시에 열어요?", "주차 되나요", "@친구 여기 가보자", "ㅋㅋㅋ", "저도요", "오늘 가볼게요"],
    "en": ["what time do you open?", "is there parking", "@friend let's go", "lol", "same", "ok"],
    "de": ["wann macht ihr auf?", "gibt es Parkplätze", "@freund da gehen wir hin", "haha", "ok"],
}  # fmt: skip
# Ordinary complaints: the background noise every brand has.
COMPLAINTS = {
    "ko": ["배송이 {n}일째 안 와요", "앱 로그인이 또 안 돼요", "커피가 식어서 나왔어요",
           "{n}번째 문의하는데 답이 없네요", "매장이 일찍 닫았어요", "주문이 누락됐어요",
           "직원이 불친절했어요", "컵 뚜껑이 새요", "스탬프가 안 쌓였어요", "너무 비싸요"],
    "en": ["my order has been late for {n} days", "the app logged me out again", "coffee was cold",
           "asked {n} times and no answer", "store closed early", "my order was missing an item",
           "rude staff today", "the lid leaks", "stamps did not load", "too expensive lately"],
    "de": ["Bestellung seit {n} Tagen nicht da", "App meldet mich ständig ab", "Kaffee war kalt",
           "schon {n} mal gefragt, keine Antwort", "Laden früher zu", "Bestellung unvollständig",
           "unfreundliches Personal", "der Deckel ist undicht", "Stempel fehlen"],
}  # fmt: skip
# Storm claims: each family is one claim told in many words by many people.
CLAIMS = {
    "price": {
        "ko": ["오늘부터 전메뉴 {a}원 인상이래요", "아이스까지 {a}원씩 올렸대요 실화냐",
               "가격 {a}원 올리고 아무 공지도 없네", "전메뉴 {a}원 인상 불매합니다"],
        "en": ["they raised every drink by {a} won", "every price up {a} won even iced, seriously",
               "{a} won more for everything and no notice", "boycott, +{a} won on all drinks"],
        "de": ["alle Getränke {a} Won teurer", "auch Eisgetränke +{a} Won, echt jetzt",
               "{a} Won mehr für alles ohne Ankündigung"],
    },
    "recall": {
        "ko": ["텀블러 전부 리콜이래요 위험하대", "모든 텀블러에서 유해물질 나왔대요",
               "텀블러 리콜 숨기고 있다던데"],
        "en": ["all tumblers are recalled, toxic coating", "every tumbler leaks chemicals apparently",
               "they are hiding a tumbler recall"],
        "de": ["alle Becher zurückgerufen, giftig", "die Becher geben Chemikalien ab"],
    },
    "ad": {
        "ko": ["광고 진짜 불쾌하네요 사과하세요", "이번 광고 누가 만든거임 최악", "광고 보고 불매 결심"],
        "en": ["that ad is offensive, apologize", "who approved this ad, disgusting",
               "deleting the app after that ad"],
        "de": ["die Werbung ist widerlich, entschuldigt euch", "wer hat diese Werbung genehmigt"],
    },
    "data": {
        "ko": ["앱 개인정보 유출됐대요 비번 바꾸세요", "회원정보 다 털렸다던데 왜 말 안함"],
        "en": ["the app leaked our data, change passwords", "member data leaked and they said nothing"],
        "de": ["die App hat unsere Daten geleakt", "Kundendaten weg und keiner sagt was"],
    },
}  # fmt: skip
TAILS = ["", "", " ㅡㅡ", " !!", " wtf", " seriously", " 😡", " 진짜", " unfassbar"]
FAN_POSTS = {
    "ko": ["#여름엔비바 이벤트 참여해요 @친구", "텀블러 받고 싶어요 #여름엔비바", "인증샷 올려요 🥤"],
    "en": ["entering the #SummerVibes giveaway @bestie", "pick me! #SummerVibes", "my photo entry 🥤"],
    "de": ["ich mach mit beim #SummerVibes Gewinnspiel", "Becher bitte! #SummerVibes"],
}  # fmt: skip
