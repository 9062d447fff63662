"""Comity's own English/German sentiment lexicon and how `decide` uses its valence.

Sentences are our own, written for these tests. No signal heads are given, so only the
category rules and the lexicon decide.
"""

from __future__ import annotations

import pytest

from comity.domain import Category, Sentiment
from comity.triage.decide import decide
from comity.triage.lexicons import default_finder, sentiment
from comity.triage.normalize import normalize_text

POS, NEU, NEG = Sentiment.POSITIVE, Sentiment.NEUTRAL, Sentiment.NEGATIVE


def valence(text: str) -> float:
    norm = normalize_text(text)
    return default_finder().find(text, norm).valence()


def sentiment_of(text: str, lang: str) -> Sentiment:
    return decide(text, normalize_text(text), lang, {}).sentiment


ENGLISH = [
    ("What a brilliant evening, thank you all!", POS),
    ("Had such a lovely time at the concert last night", POS),
    ("Honestly the best day of my summer :)", POS),
    ("This is not bad at all", POS),
    ("The trailer looked boring but the film itself was amazing", POS),
    ("I can't wait for the weekend <3", POS),
    ("This is not good.", NEG),
    ("Never again. Worst evening of the year", NEG),
    ("The film was great but the ending was awful", NEG),
    ("So sad to hear about the accident :(", NEG),
    ("Why would anyone vote for that clown?", NEG),
    ("I don't like it", NEG),
    # Must not fire: plain information and small talk.
    ("The meeting moved to Thursday at 3pm in room 204", NEU),
    ("I'll be there after work, see you then", NEU),
    ("first lol", NEU),
    ("She said she might drive over later", NEU),
]

GERMAN = [
    ("Was für ein wunderschöner Abend, danke euch!", POS),
    ("Das Konzert war echt der Hammer", POS),
    ("Gar nicht schlecht, der neue Film", POS),
    ("Das Wetter war mies, aber die Stimmung war großartig", POS),
    ("Ich freue mich riesig auf Samstag 😍", POS),
    ("Das ist nicht gut.", NEG),
    ("Ich bin kein Fan von dieser Serie", NEG),
    ("Das gefällt mir nicht", NEG),
    ("Der Anfang war toll, aber das Ende war langweilig", NEG),
    ("So ein Mist, der Zug ist schon wieder ausgefallen 😡", NEG),
    ("Wieso macht man so etwas Dummes?", NEG),
    # Must not fire: "die", "war" and "gegen" are German function words, not "die"/"war".
    ("Die Sitzung war gestern gegen drei Uhr im Rathaus", NEU),
    ("Morgen fahre ich mit dem Rad zur Arbeit", NEU),
    ("Der Bus kommt um halb acht an der Haltestelle", NEU),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_sentences(text: str, expected: Sentiment) -> None:
    assert sentiment_of(text, "en") is expected


@pytest.mark.parametrize(("text", "expected"), GERMAN)
def test_german_sentences(text: str, expected: Sentiment) -> None:
    assert sentiment_of(text, "de") is expected


def test_negation_flips_and_weakens() -> None:
    assert valence("good") > 0 > valence("not good")
    assert abs(valence("not good")) < abs(valence("good"))
    assert valence("nicht schlecht") > 0 > valence("schlecht")
    assert valence("kein Fan") < 0 < valence("Fan")


def test_negated_praise_words_are_no_plain_praise() -> None:
    # "love" makes it a praise comment; its negated valence makes the tone mixed at best.
    assert sentiment_of("I don't love it", "en") is not POS


def test_negation_stops_at_the_clause_end_and_spares_emoji() -> None:
    assert valence("I did not go. Great day though") > 0
    assert valence("not today 😍") > 0


def test_the_clause_after_but_weighs_more() -> None:
    assert valence("good but awful") < 0 < valence("awful but good")
    assert valence("schlecht, aber toll") > 0 > valence("toll, aber schlecht")


def test_intensifiers_and_downtoners_scale_the_next_word() -> None:
    assert valence("really good") > valence("good") > valence("a bit good") > 0


def test_a_phrase_counts_once_not_with_its_words() -> None:
    assert valence("happy birthday") == sentiment.VALENCE["happy birthday"]
    assert valence("not bad") == sentiment.VALENCE["not bad"] > 0


def test_hangul_text_gets_no_valence_so_korean_is_unchanged() -> None:
    assert valence("이거 진짜 좋아요 😍 good") == 0.0
    assert sentiment.valence(["😍"], "좋아요 😍") == 0.0


def test_category_rules_still_come_first() -> None:
    # A refund demand is a complaint, so negative, however polite its words.
    triage = decide(
        "Thanks, lovely staff, but my order never arrived, I want a refund",
        normalize_text("Thanks, lovely staff, but my order never arrived, I want a refund"),
        "en",
        {},
    )
    assert triage.primary is Category.COMPLAINT
    assert triage.sentiment is NEG


def test_word_lists_are_our_own_size_and_shape() -> None:
    english = {*sentiment.EN_POS_3, *sentiment.EN_POS_2, *sentiment.EN_POS_1}
    english |= {*sentiment.EN_NEG_3, *sentiment.EN_NEG_2, *sentiment.EN_NEG_1}
    german = {*sentiment.DE_POS_3, *sentiment.DE_POS_2, *sentiment.DE_POS_1}
    german |= {*sentiment.DE_NEG_3, *sentiment.DE_NEG_2, *sentiment.DE_NEG_1}
    assert len(english) >= 300 and len(german) >= 300
    assert all(-3.0 <= v <= 3.0 and v for v in sentiment.VALENCE.values())
