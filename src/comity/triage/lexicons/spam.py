"""Cue words for spam: ordinary promotion (hide) and fraud (delete), ko/en/de."""

from __future__ import annotations

# Ordinary advertising and self-promotion: hidden.
PROMO = [
    "visit my shop", "my shop", "% off", "with code", "promo code", "rabatt mit code",
    "프로필 링크", "링크 확인", "link im profil", "gift card", "bonus", "오픈 이벤트", "first 500",
    "[광고]", "광고문의", "문의주세요", "문의 주세요", "카톡id", "카톡 id", "오픈채팅", "최저가",
    "도매", "당일출고", "부업", "재택", "수익 보장", "선착순",
    "팔로워", "좋아요 구매", "상위노출", "홍보", "협찬 문의", "체험단", "할인코드",
    "구독 부탁", "제 채널", "놀러오세요",
    "dm for", "dm me", "dm @", "link in bio", "collab", "promo*", "seo", "backlink*",
    "followers", "cheap", "discount code", "work from home", "per day", "per week",
    "click here", "check my", "check out my", "subscribe to my", "my channel", "buy now",
    "limited offer", "best price", "wholesale",
    "verdiene", "von zu hause", "schreib mir", "nebenverdienst", "gratis", "rabattcode",
    "mein kanal",
]

# Follow-for-follow and engagement farming: hidden.
FOLLOW = [
    "선팔", "맞팔", "소통해요", "팔로우 반사", "좋반", "f4f", "follow for follow", "follow back",
    "l4l", "sub4sub", "folgt mir", "follow me",
]

# Fraud: phishing, fake giveaways, impersonation. Deleted.
SCAM = [
    "공식 이벤트", "당첨", "본인 인증", "개인정보 입력", "링크 클릭", "giveaway winner",
    "congratulations",
    "you have been selected", "send your details", "gewinner", "herzlichen glückwunsch",
    "당첨되셨", "배송비", "수령", "결제 후", "본인확인",
    "계정 확인",
    "claim your", "claim now", "you won", "you've won", "just pay shipping", "pay shipping",
    "verify your account", "is this you",
    "whatsapp", "telegram",
    "gewonnen", "verlost", "bist du das", "jetzt teilnehmen",
    "텔레그램",
]
CRYPTO = [
    "비트코인", "코인", "상장", "펌핑", "리딩방", "투자 수익",
    "crypto*", "bitcoin*", "btc", "eth", "trading", "forex", "nft*", "token", "usdt",
    "rendite", "krypto*",
]
GAMBLING = [
    "스포츠토토", "가입머니", "꽁머니", "먹튀",
    "토토", "카지노", "바카라", "안전놀이터", "놀이터", "슬롯", "첫충", "신규가입", "배팅", "베팅",
    "casino*", "betting", "slots", "poker", "jackpot", "sportwetten", "wetten", "spielbank",
]

# Offering goods for sale (turns a counterfeit cue into an infringement).
SELL = [
    "넘깁니다", "도매", "판매합니다", "wholesale",
    "팝니다", "팔아요", "판매", "팔아", "구매문의", "DM주세요", "dm주세요", "스토어",
    "sell*", "selling", "for sale", "shipping",
    "verkaufe*", "versand", "bei interesse", "pn",
]
# Someone giving their own contact details (not personal data of others).
SELF_CONTACT = [
    "제 번호", "제 연락처", "내 번호", "저한테 연락", "my number", "my phone", "call me",
    "text me", "meine nummer", "ruf mich an",
]

# Moving the conversation to a messenger is how scams and sellers reach people.
MESSENGER = [
    "카톡", "카톡id", "오픈채팅", "텔레그램", "telegram", "whatsapp", "kakao id", "line id",
    "signal me",
    "dm주세요", "dm 주세요", "pn",
]

FAMILIES: dict[str, list[str]] = {
    "messenger": MESSENGER,
    "sell": SELL,
    "self_contact": SELF_CONTACT,
    "promo": PROMO,
    "follow": FOLLOW,
    "scam": SCAM,
    "crypto": CRYPTO,
    "gambling": GAMBLING,
}
