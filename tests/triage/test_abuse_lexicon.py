"""The English/German abuse words (lexicons/abuse.py) in the full decision, lexicon alone.

Texts are our own, written for these tests; no model signal is given, so every verdict
comes from the cue words and the category rules.
"""

from __future__ import annotations

import pytest

from comity.domain import ActionKind, Category, LegalSub, Triage
from comity.triage.decide import DecisionContext, decide
from comity.triage.normalize import normalize_text

_TOXIC = {Category.TOXIC, Category.TROLL}


def run(text: str, *, strikes: int = 0, signals: dict[str, float] | None = None) -> Triage:
    context = DecisionContext(author_strikes=strikes)
    return decide(text, normalize_text(text), "xx", signals or {}, context)


def is_toxic(triage: Triage) -> bool:
    """The benchmark's full-triage toxic decision (benchmarks/triage_peers.py)."""
    if {triage.primary, *triage.secondary} & _TOXIC:
        return True
    return triage.legal_sub in (LegalSub.HATE, LegalSub.THREAT, LegalSub.OBSCENE)


@pytest.mark.parametrize(
    "text",
    [
        "you're a fucking idiot",
        "shut the fuck up already",
        "what a dickhead",
        "fuck off, nobody wants your opinion",
        "this motherfucker again",
        "you absolute wanker",
        "go to hell with your stupid takes",
        "this is fucking bullshit",
        "what a piece of shit",
        "f*ck you and your friends",
        "stfu loser",
    ],
)
def test_english_insults_and_strong_swearing_are_toxic(text: str) -> None:
    triage = run(text)
    assert triage.primary is Category.TOXIC, triage.reasons


@pytest.mark.parametrize(
    "text",
    [
        "Du bist so ein Vollidiot",
        "Halt die Fresse",
        "Verpiss dich endlich",
        "Was für ein Arschloch",
        "Ihr seid alle Schmarotzer",
        "So eine dumme Schlampe",
        "Scheiße, so ein Dreck",
        "Du dämlicher Wichser",
        "Dieser Staatsidiot schon wieder",
        "Fick dich",
        "Was für eine Witzfigur",
    ],
)
def test_german_insults_and_strong_swearing_are_toxic(text: str) -> None:
    triage = run(text)
    assert triage.primary is Category.TOXIC, triage.reasons


@pytest.mark.parametrize("text", ["those spics should leave", "Kümmeltürken haben hier nichts"])
def test_slurs_are_hate(text: str) -> None:
    triage = run(text)
    assert triage.primary is Category.LEGAL
    assert triage.legal_sub is LegalSub.HATE


@pytest.mark.parametrize(
    "text",
    [
        "this is damn good",
        "damn, I missed the sale",
        "Scunthorpe fans love this place",
        "the assistant manager was lovely",
        "we read Dickens at the cafe book club",
        "I put a cocktail umbrella in my latte",
        "Hölle, ist das lecker",
        "Verdammt, ist das lecker",
        "Der Milchschaum ist schön dick",
        "Mein Sohn liebt seinen neuen Spinner",
    ],
)
def test_harmless_words_and_mild_swearing_are_not_toxic(text: str) -> None:
    triage = run(text)
    assert not is_toxic(triage), triage.reasons


@pytest.mark.parametrize(
    "text",
    [
        "my order is two weeks late and nobody answers, this is shit",
        "Meine Bestellung ist nach zwei Wochen immer noch nicht angekommen, Scheiße",
        "Meine Bestellung ist seit zwei Wochen nicht da, verdammte Scheiße",
        "this shit app keeps crashing, fix it",
    ],
)
@pytest.mark.parametrize("strikes", [0, 3])
def test_swearing_customer_with_a_problem_stays_a_complaint_never_a_troll(
    text: str, strikes: int
) -> None:
    triage = run(text, strikes=strikes)
    assert triage.primary is Category.COMPLAINT
    assert Category.TOXIC in triage.secondary
    assert Category.TROLL not in triage.secondary
    assert triage.action is ActionKind.HELP


@pytest.mark.parametrize(
    ("text", "signals"),
    [
        # No complaint word, but the complaint head half-believes it: maybe an angry customer.
        ("Was ist mit meiner Bestellung los, verdammte Scheiße", {"complaint": 0.6}),
        # Swearing about a product is no attack on anyone.
        ("my latte tastes like shit", {}),
    ],
)
def test_swearing_that_may_be_an_unnamed_problem_is_not_toxic(
    text: str, signals: dict[str, float]
) -> None:
    triage = run(text, strikes=3, signals=signals)
    assert not is_toxic(triage), triage.reasons


@pytest.mark.parametrize(
    "text", ["damn, you guys are amazing", "fucking love you guys", "verdammt, ihr seid die besten"]
)
def test_swearing_in_praise_is_not_an_attack(text: str) -> None:
    triage = run(text)
    assert not is_toxic(triage), triage.reasons
