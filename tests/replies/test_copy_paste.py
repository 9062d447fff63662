from __future__ import annotations

from datetime import UTC, datetime

import pytest

from comity.replies import BrandProfile, RecentReply, ReplyCorpus, check
from comity.replies.similarity import check_copy_paste, jaccard, normalise, shingles

SENT_KO = "{n}님, 배송이 늦어 정말 죄송해요. DM으로 주문번호를 알려 주시면 바로 도울게요."
SENT_EN = "Hi {n}, we're so sorry about the late delivery. Could you DM us your order number?"
SENT_DE = "Hallo {n}, das tut uns wirklich leid! Schick uns gern deine Bestellnummer per DM."
AT = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)


def corpus() -> ReplyCorpus:
    replies = []
    for template in (SENT_KO, SENT_EN, SENT_DE):
        for handle in ("jiwoo", "hana", "mike"):
            replies.append(RecentReply(template.format(n=handle), handle, "", AT))
    return ReplyCorpus(replies)


FIRES = [
    (SENT_KO.format(n="서연"), "seoyeon"),
    (SENT_KO.format(n="서연") + " 감사해요!", "seoyeon"),
    (SENT_KO.format(n="민수").replace("정말 ", ""), "minsu"),
    (SENT_EN.format(n="Sam"), "sam"),
    (SENT_EN.format(n="Sam").upper(), "sam"),  # shouting it does not hide it
    (SENT_EN.format(n="Alex").replace("so ", ""), "alex"),
    (SENT_DE.format(n="Lena"), "lena"),
    (SENT_DE.format(n="Tom").replace("wirklich ", ""), "tom"),
    (SENT_EN.format(n="@sam_k 123"), "sam_k"),
    (SENT_KO.format(n="지은") + " ☕", "jieun"),
]
QUIET = [
    ("서연님, 환불 요청은 앱 1:1 문의로 남겨 주시면 오늘 안에 처리해 드릴게요.", "seoyeon"),
    ("지은님, 오트밀크 변경은 무료예요! 다음에 꼭 드셔 보세요.", "jieun"),
    ("Thanks so much, Sam! Comments like this make our baristas' day.", "sam"),
    ("Hi Alex, the Gangnam flagship is open 24 hours, the others 7 to 22.", "alex"),
    ("Danke dir, Lena! Schön, dass dir der Tumbler gefällt.", "lena"),
    ("Guten Tag, Ihre Erstattung ist unterwegs.", "tom"),
    ("감사해요!", "x"),  # too short to count
    ("Thank you!", "y"),
    ("Wir prüfen das und melden uns morgen bei dir.", "z"),
    ("죄송해요. 매장 직원 교육을 다시 하겠습니다.", "w"),
]


@pytest.mark.parametrize(("draft", "to"), FIRES)
def test_near_copies_of_replies_to_others_are_flagged(draft: str, to: str) -> None:
    (hint,) = check_copy_paste(draft, corpus(), 0.6, recipient=(to,))
    assert hint.kind == "copy_paste"
    assert hint.detail["similar_count"] == 3
    assert "3 replies" in hint.message
    assert hint.detail["closest_text"] in {r.text for r in corpus().replies}


@pytest.mark.parametrize(("draft", "to"), QUIET)
def test_personal_replies_pass(draft: str, to: str) -> None:
    assert check_copy_paste(draft, corpus(), 0.6, recipient=(to,)) == []


def test_repeating_ourselves_to_the_same_person_is_no_copy_paste() -> None:
    draft = SENT_EN.format(n="mike")
    (hint,) = check_copy_paste(draft, corpus(), 0.6, recipient=("mike",))
    assert hint.detail["similar_count"] == 2  # jiwoo and hana, not mike


def test_names_and_digits_do_not_count() -> None:
    a = shingles(normalise("Hi Sam, order 123 is on its way", ["Sam"]))
    b = shingles(normalise("Hi Alex, order 987 is on its way", ["Alex"]))
    assert jaccard(a, b) == 1.0


def test_threshold_comes_from_the_profile(profile: BrandProfile) -> None:
    strict = profile.model_copy(
        update={"checks": profile.checks.model_copy(update={"copy_paste_threshold": 0.99})}
    )
    draft = SENT_EN.format(n="Alex").replace("so ", "")
    assert [h for h in check(draft, "x", "en", profile, corpus()) if h.kind == "copy_paste"]
    assert not [h for h in check(draft, "x", "en", strict, corpus()) if h.kind == "copy_paste"]
