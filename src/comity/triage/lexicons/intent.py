"""Cue words for what a customer wants: help, an answer, a change, or to say thanks."""

from __future__ import annotations

# A concrete customer problem: failed order, defect, money, bad service, lost data.
COMPLAINT = [
    "못 받았", "안 받았", "haven't received", "nicht bekommen", "nie bekommen", "are gone",
    "disappeared", "logged me out",
    "spilled", "paid for a", "third time", "second time", "again and again", "einloggen",
    "klappt nicht", "klappt auch nicht", "모른다고", "모른대", "어떡하",
    "틀렸", "틀려", "잘못 만들", "charged for", "got charged", "lauwarm", "sauer", "안 들어왔",
    "안 들어옴", "안들어옴", "입금 안",
    "너무하네", "너무하시",
    "뭉개", "망가져", "찌그러", "찢어", "새고", "bug in", "fly in", "in my drink", "not ok",
    "unacceptable", "fehlt", "meldet sich", "niemand antwortet", "inakzeptabel",
    "안 돼요", "안돼요", "안 돼서", "안돼서", "안 되네", "안 됩니다", "돌려주세요", "유통기한",
    "쏟아",
    "터져서", "조각", "이물", "never came", "still says", "where is my", "not received",
    "noch nicht da", "noch nicht angekommen", "gebrochen*", "sind weg", "wiederherstellen",
    "umtauschen", "vergessen", "vergesst", "차액",
    "잘못 배달", "안 나와", "빠졌", "파손", "덜 왔", "개 왔", "개 옴", "차감", "사라졌",
    "날아갔", "환불 거부", "응대", "기다렸", "식었", "delivery was", "late", "melted", "damaged",
    "defect*", "faulty", "overcharged", "never got", "lost my", "waited", "nobody answers",
    "beschädigt", "defekt", "falsch geliefert", "abgebucht", "doppelt", "kundenservice",
    "keine antwort", "verschwunden", "weg sind",
    "환불", "교환", "반품", "취소 언제", "취소해", "안옴", "안 옴", "안 와", "안와요", "아직도 안",
    "아직 안", "째인데", "째 안", "누락", "결제 두번", "두번 결제", "이중결제", "중복결제",
    "깨져서", "깨져 왔", "깨졌", "새서", "새요", "샌다", "불량", "상한", "머리카락", "이물질",
    "벌레",
    "불친절", "반말로", "읽씹", "답도 없", "답이 없", "연락 없", "문의해도", "주문 안 들어",
    "안 된다고", "안된다고", "돌려보냄", "돌려보냈", "거절", "안 열", "안열", "로그인이 안",
    "오류", "에러", "먹통", "잘못 나와", "잘못 나왔", "잘못 왔", "식어서", "녹아서",
    "어떻게 해야", "책임져", "보상", "빠져나갔", "한숨",
    "배탈",
    "환불해", "고객센터", "별 하나", "별점 1", "사진 첨부", "사진 있어", "캡처", "주문번호",
    "refund*", "replacement", "exchange", "return it", "broken", "cracked", "leak*",
    "charged me twice", "charged twice", "double charge*", "still waiting",
    "still not", "still shows", "hasn't arrived", "never arrived", "didn't arrive",
    "no response", "no reply", "rude", "wrong order", "missing", "stale", "mold*", "hair in",
    "not working", "doesn't work", "can't log in", "cant log in", "error",
    "already paid", "1 star", "one star", "customer service",
    "i want a", "arrived cold", "order #",
    "erstattung", "geld zurück", "ersatz", "umtausch*", "undicht", "kaputt", "kalt", "falsche",
    "gewartet", "unfreundlich*", "fehlercode", "funktioniert nicht", "kann nicht mehr",
    "nicht mehr", "gelöscht", "bestellnummer", "reklamation", "beschwerde",
    "nie angekommen", "nicht angekommen", "zu spät",
]

# Asking for information.
QUESTION = [
    "wie lange", "is your", "are your", "do you have", "does it", "gültig",
    "되나요", "있나요", "하나요", "인가요", "건가요", "가능한가요", "가능해요", "할까요", "될까요",
    "얼마", "언제", "어디", "몇시", "몇 시", "몇장", "몇 장", "몇개", "어떻게", "뭐예요", "뭐에요",
    "뭐냐", "궁금", "알려주세요", "알려주실", "문의드", "여쭤", "되냐", "하냐", "있냐", "되냐고",
    "되는지", "하는지", "있는지", "맞나요", "뭐임",
    "how much", "how do", "how can", "how long", "what time", "which one",
    "anyone know",
    "gibt es", "gibt's", "kann man", "wann", "wo gibt", "wie viel", "wieviel", "habt ihr",
    "hat die", "hat der", "ist das", "weiß jemand", "welche",
]

# Suggestions and requests for something new or different.
FEEDBACK = [
    "needs a", "braucht ein", "brauchen ein",
    "please offer", "please consider", "could you offer", "you should", "you guys should",
    "ihr solltet", "bitte bietet",
    "했으면", "있었으면", "나왔으면", "생겼으면", "요청", "would be cool", "how about",
    "why not add",
    "consider adding", "wie wäre es", "fände ich gut", "bitte wieder",
    "해줘요", "please show", "please let", "please keep", "let me", "would help",
    "i'd buy", "make more", "wären super", "wäre super", "wären toll", "wäre gut", "bitte auch",
    "상시 메뉴", "all year",
    "좋겠어요", "좋겠다", "좋겠네요", "좋을 것 같", "좋을듯", "만들어주세요", "만들어 주세요",
    "넣어주세요", "추가해주세요", "추가해 주세요", "출시해주세요", "출시 기원", "나오면 좋",
    "생기면", "있으면 좋", "해주면", "주면 안되나", "줄여주", "키워주", "늘려주", "바꿔주",
    "제안", "건의", "바람", "바래요", "원해요", "해주셈", "내주세요", "팔아주세요",
    "please add", "pls add", "would love", "feature request", "suggestion", "it would be great",
    "would be nice", "would be great", "i wish", "could you add", "let us", "bring back",
    "please make", "please bring", "should add", "add a",
    "wär cool", "wäre cool", "wäre schön", "wär schön", "wünsche mir", "bitte mehr",
    "vorschlag", "könntet ihr", "wäre toll", "wär nice", "hätte gern",
]

# Appreciation of product, service or people.
PRAISE = [
    "cute", "adorable", "귀엽", "귀여", "niedlich", "slaps", "killing it", "love*",
    "강추", "꿀맛", "진해요", "진하고", "worth it", "yummy", "yum", "perfekt", "wunderbar",
    "köstlich",
    "richtig gut", "so lecker", "love it", "obsessed",
    "역시 하늘", "항상 옳", "번창", "편해요", "편해졌", "상큼", "가성비", "👍", "👌", "❤️", "💛",
    "😍",
    "drink of the summer", "mein sommer", "lieblingsgetränk",
    "맛있", "존맛", "최고", "미쳤다", "미쳤네", "원탑", "사랑", "좋아요", "좋아용", "좋고", "친절",
    "힐링", "만족", "추천", "짱", "대박", "완벽", "고소", "향이", "향은 좋",
    "믿고 먹", "인생", "감동", "존맛탱", "좋아", "딱 좋", "이뻐", "예뻐", "최애",
    "best", "amazing", "great", "smooth", "calming",
    "unreal", "shoutout", "will reorder", "delicious", "perfect", "awesome", "favorite",
    "favourite", "so good", "fresh",
    "super", "top", "lecker", "empfehlung", "beste", "lieblings*", "nett*", "schmeckt",
    "frisch", "klasse", "genial",
]
THANKS = [
    "감사", "고마", "감사합", "thank you", "thanks", "thx", "danke", "dankeschön",
]

# Jokes, memes and laughter.
HUMOUR = [
    "🙂🔫", "🔫", "😭", "weint",
    "웃기", "밈", "meme", "plot twist", "pov:", "nobody:", "me when", "행시", "ㅋㅋㅋ", "😆",
    "🤡", "jk", "witzig",
    "ㅋㅋ", "ㅎㅎ", "😂", "🤣", "💀", "🥶", "🐌", "lol", "lmao", "haha",
    "인정", "레전드", "웃프", "기절", "삼행시", "드립",
    "ㅋ", "😏",
]
# Sarcasm markers: mock praise around a problem.
SARCASM = [
    "감사합니다^^", "thanks a lot", "great job", "wow thanks", "na toll", "super gemacht",
    "참 잘하", "대단하", "amazing service", "thanks for nothing", "truly", "🙄",
    "🙃", "^^", "역시",
    "toll,", "bravo",
]
# Things people tease a coffee brand about.
CRITIQUE = [
    "300 won", "preiserhöhung", "geldbeutel", "portemonnaie",
    "양이", "대기", "용량", "tiny", "wait", "straw", "strohhalm", "warten", "langsam", "menge",
    "가격", "비싸", "인상", "올랐", "오른", "300원", "통장", "월급", "지갑", "연봉", "얼음", "빙하",
    "빨대", "느려", "사이즈",
    "price*", "expensive", "wallet", "ice", "cube", "slow",
    "teuer", "preis*", "eis",
]

# A fan's own work or story.
OWN_WORK = [
    "영상", "diy", "crochet", "knitted", "cosplay", "took this", "gebastelt", "selbstgemacht",
    "my drawing", "my painting", "i drew", "i painted", "i baked",
    "그려봤", "그렸", "그림", "팬아트", "찍은", "찍어봤", "커버", "만들어봤", "만들었",
    "직접", "기록", "레시피", "사진",
    "drew", "painted", "drawing", "fan art", "fanart", "my photo", "i made", "made a",
    "took", "baked", "sketch",

    "gebacken", "gemalt", "gezeichnet", "selbst gemacht", "foto",
]
STORY = [
    "since", "remember", "seit", "erinnere",
    "년 동안", "년째", "처음 갔", "추억", "그때", "이사",
    "years", "since day one", "first store", "remember when",
    "seit jahren", "jahre lang",
]

# What a brand question is about: products, stores, the app, orders, the campaign.
TOPIC = [
    "콜드브루", "cold brew", "latte", "entkoffeiniert", "koffein", "출처", "공지", "source",
    "official",
    "quelle", "lied", "spot", "post", "announcement",
    "매장", "영업", "가격", "메뉴", "음료", "커피", "라떼", "텀블러", "머그", "원두", "앱", "배송",
    "배달", "주문", "결제", "쿠폰", "스탬프", "기프티콘", "할인", "디카페인", "오트", "우유",
    "이벤트",
    "광고", "노래", "콘센트", "자리", "홀빈", "분쇄", "로트", "교환", "에이드", "유자", "북극곰",
    "store", "open", "hours", "price*", "menu", "drink*", "app", "ship*", "deliver*", "order*",
    "tumbler*", "mug*", "beans", "oat*", "discount", "ad", "song", "sugar", "decaf", "yuzu",
    "filiale", "offen", "geöffnet", "öffnungszeiten", "preis*", "webshop", "versand",
    "lieferung", "tumbler", "becher", "hafermilch", "aktion", "sonntags",
]

# Second-hand claims: how rumours are told.
HEARSAY = [
    "라던데", "다던데", "한대요", "했대요", "하대요", "래요", "대요", "이래", "한다더라",
    "그러더라",
    "알고 계", "참고하세요", "주작", "사실임",
    "heard", "apparently", "psa", "just so everyone knows",
    "fyi", "they say", "rumor", "rumour",
    "hab ich gelesen", "wusstet ihr", "achtung", "angeblich", "hab gehört",
]

# Negative words for mixed/negative sentiment.
NEGATIVE = [
    "garbage", "overrated", "überbewertet",
    "맛없", "구려", "구리", "노맛", "sucks", "awful", "disgusting", "eklig", "plörre", "mies",
    "별로", "아쉽", "불편", "비싸", "너무 달", "싫", "최악", "실망", "짜증", "화나", "ㅡㅡ",
    "bad", "worse", "worst", "too sweet", "disappoint*", "annoying", "hate", "sucks", "meh",
    "zu süß", "schlecht", "enttäuscht", "nervig", "leider", "schade",
]

# How the brand itself replies; a brand reply needs no triage action.
BRAND_VOICE = [
    "불편을 드려", "확인 후 바로", "담당자가", "저희 계정", "소개해도 될까요", "남겨 주시면",
    "we're on it", "dm us", "care team", "sorry for the trouble", "tut uns leid", "schick uns",
    "wir klären",
]

# Questions to the other members rather than to the brand.
COMMUNITY = ["다들", "여러분", "anyone else", "everyone", "y'all", "ihr alle", "jemand hier"]

FAMILIES: dict[str, list[str]] = {
    "community": COMMUNITY,
    "brand_voice": BRAND_VOICE,
    "complaint": COMPLAINT,
    "question": QUESTION,
    "feedback": FEEDBACK,
    "praise": PRAISE,
    "thanks": THANKS,
    "humour": HUMOUR,
    "sarcasm": SARCASM,
    "critique": CRITIQUE,
    "own_work": OWN_WORK,
    "story": STORY,
    "topic": TOPIC,
    "hearsay": HEARSAY,
    "negative": NEGATIVE,
}
