"""Precompiled regexes for cues that are shapes rather than words (numbers, links, endings)."""

from __future__ import annotations

import re

import ahocorasick_rs


class Needles:
    """Whether any of some literal strings occurs: a cheap, exact gate before a regex.

    Python's `re` tries every alternative at every position; one Aho-Corasick pass
    does not. Each gate below lists strings every match of its regex must contain.
    """

    def __init__(self, *needles: str) -> None:
        self.needles = needles
        self._automaton = ahocorasick_rs.AhoCorasick(list(needles))

    def any_in(self, text: str) -> bool:
        return bool(self._automaton.find_matches_as_indexes(text))


# Personal data. Phone numbers: Korean mobile/landline and international formats.
PHONE = re.compile(
    r"(?<![\d-])(?:01[016789][-. ]?\d{3,4}[-. ]?\d{4}|0\d{1,2}-\d{3,4}-\d{4}"
    r"|\+\d{1,3}[ -]?\d{2,4}[ -]?\d{3,4}[ -]?\d{0,7}|0\d{2,4}[-/ ]\d{5,8}"
    r"|\d{2,3}\s?[가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호]"
    r"\s?\d{4})(?![\d-])"
)
# Korean resident registration number (birth date + 7 digits).
RRN = re.compile(r"(?<!\d)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-?[1-8]\d{6}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
EMAIL_HINT = re.compile(r"@[\w-]+\.")  # what every EMAIL match holds, found from the "@"
ADDRESS = re.compile(
    r"[가-힣]{1,4}(?:시|구|군)\s+[가-힣○0-9]{1,8}(?<!으)(?:로|길)\s*[0-9○]+(?:\s*[0-9○]+)?"
    r"(?![0-9]*\s*(?:시간|분|개|원|일|번|명|층|%))"
    r"|[가-힣○0-9]{1,8}로\s*[0-9○]+길\s*[0-9○]+"
    r"|\d+\s+[A-Z][a-z]+\s+(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive)"
    r"|(?:apartment|apt\.?|wohnung)\s*\d+|\d+동\s*\d+호"
    r"|[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|allee|platz|gasse)\s+\d+"
)

# Cheap prechecks: the full address and link regexes run only where these match.
ADDRESS_HINT = re.compile(
    r"[로길]\s*[0-9○]|\d+\s*호|[Ss]tr(?:eet|aße|asse|\.)|[Aa]p(?:artmen)?t|[Ww]ohnung"
    r"|Road|Rd\.|Ave|Lane|Drive|weg\s+\d|platz\s+\d|allee\s+\d|gasse\s+\d"
)
# A dot after a word character before two letters, or "://"; written to start with a
# literal so the regex engine skips ahead to dots and colons (3x faster on English text).
URL_HINT = re.compile(r"\.(?<=[\w-]\.)[A-Za-z]{2}|://")
# Literals each ADDRESS_HINT alternative needs (Apt/apartment: "pt" or "partment").
ADDRESS_GATE = Needles(
    "로", "길", "호", "tr", "pt", "partment", "ohnung", "Road", "Rd.", "Ave", "Lane", "Drive",
    "weg", "platz", "allee", "gasse",
)  # fmt: skip

# Links. Phishing lives on throwaway domains and lookalike subdomains.
URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|xyz|top|click|win|gift|shop"
    r"|info|biz|io|ly|me|kr|de|co|site|online|link|live|store|app|gg|claim-now)\b(?:/\S*)?"
    r"|\b[\w-]+\.[a-z]{2,10}/\S+",
    re.IGNORECASE,
)
RISKY_URL = re.compile(
    r"\.(?:xyz|top|click|win|gift|loan|bid|icu|buzz|rest|cam|live|online)\b|bit\.ly|-event\.|"
    r"gewinnspiel|giveaway|claim|gift-|free-|gewinn|/pay\b|event\.",
    re.IGNORECASE,
)
MENTION = re.compile(r"@(?<![\w.]@)[\w.]+")  # not after a word character or dot
HASHTAG = re.compile(r"#[^\s#]+")

# Money and order references make a complaint concrete.
MONEY = re.compile(r"\d[\d,.]*\s*(?:원|won|€|eur|euro|\$|usd)|[$€]\s?\d", re.IGNORECASE)
ORDER_NO = re.compile(r"(?:주문번호|order\s*#?|bestellnummer|#)\s*[A-Z]{0,3}-?\d{4,}", re.I)
# Gates on the casefolded text (re.IGNORECASE also matches ſ for s and K for k).
MONEY_GATE = Needles("원", "won", "€", "eur", "$", "usd")
ORDER_GATE = Needles("주문번호", "order", "bestellnummer", "#")

# A named store: "홍대점", "강남역점", "the Hamburg store", "Filiale in der Schanze".
STORE = re.compile(
    r"[가-힣]{2,5}점(?=$|[\s,.!?에은는이을의서도])|플래그십|1호점"
    r"|\b(?:the|your)\s+[a-z]+\s+(?:store|branch|location|shop)\b"
    r"|\bfiliale\s+(?:in|am|an)\b|\bfiliale\b",
    re.IGNORECASE,
)
STORE_GATE = Needles("점", "플래그십", "store", "branch", "location", "shop", "filiale")
DIGIT = re.compile(r"\d")
# Every PHONE match has four digits in a row or a "+"; every RRN and ORDER_NO match has
# four digits in a row.
FOUR_DIGITS = re.compile(r"\d{4}")
NOT_STORE = frozenset(
    {"장점", "단점", "시점", "관점", "문제점", "점점", "요점", "만점", "매점", "편의점", "시작점"}
)

# Korean interrogative endings, Latin question openers, and a question mark.
QUESTION_END = re.compile(
    r"(?:나요|까요|가요|니까|는지요|나여|냐|냐고요?|니|임|함|됨|음|죠|려나|는데요)\s*[?？]"
    r"|(?:되나요|있나요|하나요|인가요|할까요|될까요|되냐|하냐|있냐|냐고요)(?=\s*$|\s*[.!~ㅠㅜ])"
    r"|^(?:how|what|when|where|which|who|why|does|do|is|are|can|could|will|gibt|kann|hat|habt"
    r"|wann|wo|wie|ist|sind|welche)\b"
)
# QUESTION_END in two parts with cheap gates (the same answers, tested): the endings
# need "?", "요" or "냐" in the text; the openers can only match at the start.
QUESTION_ENDING = re.compile(QUESTION_END.pattern.rsplit("|^", 1)[0])
QUESTION_OPENER = re.compile("^" + QUESTION_END.pattern.rsplit("|^", 1)[1])


def question_form(norm: str) -> bool:
    """Whether `norm` has an interrogative ending or opener (= QUESTION_END.search)."""
    if QUESTION_OPENER.match(norm):
        return True
    gated = "?" in norm or "？" in norm or "요" in norm or "냐" in norm
    return gated and QUESTION_ENDING.search(norm) is not None


# Rhetorical tag questions that assert rather than ask.
RHETORICAL = re.compile(
    r"실화냐|맞죠|아님\?|거죠\?|거 아님|인가\?\s*ㅋ|right\?|isn't it|wusstet ihr|oder was|"
    r"nicht wahr|ne\?$|kidding\?|seriously\?",
)
