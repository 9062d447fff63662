"""The category decision: from text, cues, signals and context to a `Triage` (TAXONOMY.md).

Each detector returns a short reason when its category applies; the primary is
the first by `CATEGORY_PRECEDENCE`, except that a repeat offender's bait is
`troll` rather than `toxic`. Lexicon cues carry most decisions (they are
explainable and cheap); signal probabilities confirm them or, when high, decide
on their own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

from comity.domain import (
    PRIMARY_ACTION,
    ActionKind,
    Category,
    LegalSub,
    Sentiment,
    Triage,
    moderation_action_for_strikes,
    primary_of,
)
from comity.triage.lexicons import CueFinder, Cues, default_finder
from comity.triage.lexicons.abuse import MILD_PROFANITY
from comity.triage.normalize import normalize_text

# Enum members as plain class attributes: in Python 3.11 reading `Category.TOXIC` costs
# ~300 ns (the Enum metaclass), a plain class attribute ~40 ns, and the decision reads
# them a few dozen times per comment. Same objects, so `is` and `==` are unchanged.


class Cat:
    """`Category` members, fast to read."""

    CAMPAIGN: Final = Category.CAMPAIGN
    COMPLAINT: Final = Category.COMPLAINT
    CREATIVE_CRITIQUE: Final = Category.CREATIVE_CRITIQUE
    FAN_CONTENT: Final = Category.FAN_CONTENT
    FEEDBACK: Final = Category.FEEDBACK
    LEGAL: Final = Category.LEGAL
    MISINFORMATION: Final = Category.MISINFORMATION
    NEUTRAL: Final = Category.NEUTRAL
    PRAISE: Final = Category.PRAISE
    QUESTION: Final = Category.QUESTION
    SPAM: Final = Category.SPAM
    TOXIC: Final = Category.TOXIC
    TROLL: Final = Category.TROLL


class Sent:
    """`Sentiment` members, fast to read."""

    MIXED: Final = Sentiment.MIXED
    NEGATIVE: Final = Sentiment.NEGATIVE
    NEUTRAL: Final = Sentiment.NEUTRAL
    POSITIVE: Final = Sentiment.POSITIVE


class Act:
    """`ActionKind` members, fast to read."""

    DELETE: Final = ActionKind.DELETE
    HIDE: Final = ActionKind.HIDE
    LIKE: Final = ActionKind.LIKE
    MONITOR: Final = ActionKind.MONITOR
    REMIND: Final = ActionKind.REMIND
    THANK: Final = ActionKind.THANK


class Legal:
    """`LegalSub` members, fast to read."""

    HATE: Final = LegalSub.HATE
    IP: Final = LegalSub.IP
    OBSCENE: Final = LegalSub.OBSCENE
    PERSONAL_RIGHTS: Final = LegalSub.PERSONAL_RIGHTS
    THREAT: Final = LegalSub.THREAT


# Returns the top n-grams behind one signal head, e.g. [("지랄", 0.8)].
Explainer = Callable[[str], list[tuple[str, float]]]

# Categories worth reporting as secondary (what a manager also needs to see).
SECONDARY_OK = frozenset(
    {
        Cat.CAMPAIGN,
        Cat.TOXIC,
        Cat.SPAM,
        Cat.COMPLAINT,
        Cat.QUESTION,
        Cat.PRAISE,
    }
)
# The signal head that backs each category in a reason.
REASON_SIGNAL: dict[Category, str] = {
    Cat.TOXIC: "insult",
    Cat.TROLL: "toxicity",
    Cat.SPAM: "spam",
    Cat.COMPLAINT: "complaint",
    Cat.QUESTION: "question",
    Cat.FEEDBACK: "feedback",
    Cat.MISINFORMATION: "fact_claim",
    Cat.CREATIVE_CRITIQUE: "humour",
    Cat.PRAISE: "praise",
}
# Lexicon families whose words already show why a category was chosen; categories not
# listed are decided by the fact sheet, media or campaign words, never by a model alone.
CUE_FAMILIES: dict[Category, tuple[str, ...]] = {
    Cat.SPAM: ("promo", "follow", "scam", "crypto", "gambling"),
    Cat.TOXIC: ("insult", "profanity"),
    Cat.TROLL: ("bait", "insult", "negative"),
    Cat.COMPLAINT: ("complaint",),
    Cat.QUESTION: ("question",),
    Cat.FEEDBACK: ("feedback",),
    Cat.CREATIVE_CRITIQUE: ("humour",),
    Cat.PRAISE: ("praise", "thanks"),
    Cat.LEGAL: ("threat", "hate", "group", "obscene", "ip", "piracy", "defame", "dox"),
}
LEGAL_SIGNAL: dict[LegalSub, str] = {
    Legal.THREAT: "threat",
    Legal.HATE: "identity_attack",
    Legal.OBSCENE: "sexually_explicit",
}
_STRONG_OBSCENE = frozenset(
    {"야동", "19금", "porn", "nudes", "naked", "uncensored", "nackt", "onlyfans", "less clothes"}
)
# Replies that belong to the thread they answer: a campaign thread stays a campaign matter.
_THREAD_CATEGORIES = frozenset(
    {
        Cat.COMPLAINT,
        Cat.MISINFORMATION,
        Cat.QUESTION,
        Cat.CREATIVE_CRITIQUE,
        Cat.PRAISE,
        Cat.FEEDBACK,
    }
)
_SEVERE = frozenset({Cat.LEGAL, Cat.SPAM, Cat.TOXIC})
_MILD_PROFANITY = frozenset(normalize_text(w.strip("*")) for w in MILD_PROFANITY)
_NEGATIVE_CATEGORIES = frozenset({Cat.COMPLAINT, Cat.TOXIC, Cat.TROLL, Cat.MISINFORMATION})
_FIRST_PERSON = ("제가", "저는", "저 ", "내가", " my ", " me ", "ich ", "mein", "mir ")


@dataclass(frozen=True, slots=True)
class DecisionContext:
    """What a community manager also sees beside the text."""

    channel: str = ""
    campaign: str | None = None
    author_strikes: int = 0
    has_media: bool = False
    reply_to: str | None = None

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None, channel: str = "") -> DecisionContext:
        """Build from an evaluation record's `context` object (unknown keys are ignored)."""
        data = data or {}
        reply = data.get("reply_to")
        return cls(
            channel=str(data.get("channel") or channel or ""),
            campaign=data.get("campaign") or None,
            author_strikes=int(data.get("author_strikes") or 0),
            has_media=bool(data.get("has_media")),
            reply_to=str(reply) if reply else None,
        )


class _Signals:
    """Signal lookups that default to 0 when a head is missing."""

    __slots__ = ("values",)

    def __init__(self, values: Mapping[str, float]) -> None:
        self.values = values

    def __call__(self, name: str) -> float:
        return float(self.values.get(name, 0.0))

    def note(self, name: str) -> str:
        return f", {name} {self(name):.2f}" if name in self.values else ""


def _words(cues: Cues, *families: str) -> str:
    found = [w for f in families for w in cues.of(f)]
    return ", ".join(dict.fromkeys(found[:3]))


def _legal(cues: Cues, s: _Signals, norm: str) -> tuple[LegalSub, str] | None:
    if cues.has("threat") or s("threat") >= 0.85:
        return Legal.THREAT, f"threat of violence: {_words(cues, 'threat')}{s.note('threat')}"
    contempt = cues.has("group") and (cues.has("exclusion") or cues.has("insult"))
    if cues.has("hate") or contempt or (s("identity_attack") >= 0.85 and s("toxicity") >= 0.7):
        why = _words(cues, "hate", "group", "exclusion")
        return Legal.HATE, f"hate against a protected group: {why}{s.note('identity_attack')}"
    person = cues.has("target_staff") or cues.has("target_people") or cues.has("dox")
    if cues.personal_data and not (cues.has("self_contact") or _spammy(cues)):
        return Legal.PERSONAL_RIGHTS, f"personal data of others: {cues.personal_data[0]}"
    if cues.has("defame") and person:
        why = _words(cues, "defame", "dox")
        return Legal.PERSONAL_RIGHTS, f"accuses a person of wrongdoing: {why}"
    if cues.has("dox") and (cues.has("target_staff") or cues.has("target_people")):
        if not cues.has("self_contact"):
            return Legal.PERSONAL_RIGHTS, f"exposes a person: {_words(cues, 'dox')}"
    obscene = cues.of("obscene", k=10)
    if (
        any(w in _STRONG_OBSCENE for w in obscene)
        or len(obscene) >= 2
        or (obscene and (person or s("sexually_explicit") >= 0.5))
        or s("sexually_explicit") >= 0.85
    ):
        why = _words(cues, "obscene")
        return Legal.OBSCENE, f"sexual content: {why}{s.note('sexually_explicit')}"
    if cues.has("piracy"):
        return Legal.IP, f"pirated content: {_words(cues, 'piracy')}"
    offer = cues.has("sell") or bool(cues.urls) or cues.money or cues.messenger
    if (cues.has("ip") or (cues.has("fake") and cues.has("brand"))) and offer:
        return Legal.IP, f"counterfeit goods: {_words(cues, 'ip', 'fake', 'sell')}"
    return None


def _spammy(cues: Cues) -> bool:
    return any(cues.has(f) for f in ("promo", "crypto", "gambling", "scam", "follow"))


def _spam(cues: Cues, s: _Signals) -> tuple[bool, str] | None:
    """(fraud?, reason) when the comment is spam; fraud means delete rather than hide."""
    reach = bool(cues.urls) or cues.messenger or cues.money or bool(cues.mentions)
    if cues.impersonation and (cues.has("scam") or reach or cues.has("promo")):
        return True, f"spam: impersonates the brand ({cues.impersonation})"
    for family, label in (("gambling", "gambling"), ("crypto", "crypto promotion")):
        if cues.has(family) and (reach or len(cues.of(family)) >= 2 or _spammy_other(cues, family)):
            return True, f"spam: {label}: {_words(cues, family)}"
    if cues.has("scam") and (reach or cues.risky_url):
        return True, f"spam: phishing or fake giveaway: {_words(cues, 'scam')}"
    if cues.risky_url and not cues.has("brand"):
        return True, f"spam: suspicious link {cues.urls[0]}"
    if cues.has("follow"):
        return False, f"spam: follow-for-follow: {_words(cues, 'follow')}"
    promo = cues.of("promo", k=10)
    if len(promo) >= 2 or (promo and (reach or cues.has("sell"))):
        return False, f"spam: advertising: {_words(cues, 'promo')}"
    if s("spam") >= 0.9 and reach:
        return False, f"spam: promotional text with a link{s.note('spam')}"
    return None


def _spammy_other(cues: Cues, family: str) -> bool:
    return any(cues.has(f) for f in ("promo", "scam", "crypto", "gambling") if f != family)


def _negated(norm: str, word: str) -> bool:
    """'안 깨졌어요' / 'not broken' reports that nothing went wrong."""
    at = norm.find(word)
    before = norm[max(0, at - 5) : at]
    return before.endswith(("안 ", "안", "못 ", "not ", "never ", "nicht ", "kein "))


def _complaint(cues: Cues, s: _Signals, norm: str) -> str | None:
    found = [w for w in cues.of("complaint", k=10) if not _negated(norm, w)]
    concrete = cues.order_no or cues.money
    heat = cues.has("profanity") or cues.has("sarcasm") or cues.has("negative")
    if found and (len(found) >= 2 or concrete or heat or s("complaint") >= 0.5):
        return f"complaint: {', '.join(found[:3])}{s.note('complaint')}"
    if found and not cues.question_mark:
        return f"complaint: {found[0]}{s.note('complaint')}"
    # The model alone must not turn an insult without a concrete problem into a complaint.
    if s("complaint") >= 0.85 and s("sentiment_negative") >= 0.6 and not cues.has("insult"):
        return f"complaint: reports a problem{s.note('complaint')}"
    return None


def _asks(cues: Cues, s: _Signals) -> bool:
    if cues.rhetorical:
        return False
    # An insult, bait or joke with a bare "?" is rhetorical unless it asks for something.
    if (cues.has("insult") or cues.has("bait")) and not cues.has("question"):
        return False
    if cues.has("humour") and not (cues.question_form or cues.has("question")):
        return False
    form = cues.question_form or cues.question_mark or cues.has("question")
    # Without any question form the model must be very sure (jokes read like questions).
    return form or s("question") >= 0.95


def _question(cues: Cues, s: _Signals) -> str | None:
    if not _asks(cues, s):
        return None
    # "how about a mint latte?" suggests rather than asks.
    if cues.has("feedback") and not cues.has("question"):
        return None
    about = cues.has("topic") or cues.has("brand") or cues.has("campaign") or bool(cues.stores)
    # "what time do you close?" / "are your cups recyclable?" ask even without a product word.
    asked = (cues.has("question") or cues.question_form) and cues.question_mark
    if not (about or (asked and not cues.has("community"))):
        return None
    words = _words(cues, "question") or ("question mark" if cues.question_mark else "ending")
    return f"question: asks about {_words(cues, 'topic', 'campaign') or 'the brand'} ({words})"


def _insult(cues: Cues, s: _Signals) -> str | None:
    if cues.has("insult"):
        target = "staff" if cues.has("target_staff") else "people"
        return f"insult aimed at {target}: {_words(cues, 'insult')}{s.note('insult')}"
    if s("insult") >= 0.85 and s("toxicity") >= 0.85:
        return f"insulting language{s.note('insult')}"
    return None


_SECOND_PERSON = frozenset(
    {
        "너는",
        "너가",
        "너희",
        "니가",
        "니들이",
        "너네",
        "니들",
        "you",
        "your",
        "u",
        "ur",
        "you're",
        "youre",
        "du",
        "dich",
        "dir",
        "euch",
    }
)


def _praising(cues: Cues) -> bool:
    return (cues.has("praise") or cues.has("thanks")) and not cues.has("sarcasm")


def _addressed(cues: Cues) -> bool:
    return any(w in _SECOND_PERSON for w in cues.of("target_people", k=10))


def _at_a_group(cues: Cues) -> bool:
    """Jabs at 'people who…' bait a crowd; a direct 'you' insults one person."""
    return any(w not in _SECOND_PERSON for w in cues.of("target_people", k=10))


def _detect(
    cues: Cues, s: _Signals, ctx: DecisionContext, norm: str
) -> tuple[dict[Category, str], LegalSub | None, bool]:
    """Every category that applies, with its reason; plus the legal sub-label and fraud flag."""
    found: dict[Category, str] = {}
    legal = _legal(cues, s, norm)
    if legal:
        found[Cat.LEGAL] = f"legal ({legal[0].value}): {legal[1]}"
    spam = _spam(cues, s)
    if spam:
        found[Cat.SPAM] = spam[1]
    if (complaint := _complaint(cues, s, norm)) is not None:
        found[Cat.COMPLAINT] = complaint
    misinfo = cues.misinformation
    # "does oat milk cost extra?" asks; a claim with a bare "?" or hearsay asserts.
    if misinfo and not (cues.question_form and not cues.has("hearsay")):
        found[Cat.MISINFORMATION] = (
            f"misinformation: '{misinfo[1]}' contradicts the fact sheet ({misinfo[0].fact})"
        )
    if (question := _question(cues, s)) is not None:
        found[Cat.QUESTION] = question
    insult = _insult(cues, s)
    if insult:
        found[Cat.TOXIC] = insult
    # "damn, you guys are amazing" swears in praise, not at anyone.
    elif cues.has("profanity") and _addressed(cues) and not _praising(cues):
        insult = f"swearing at someone: {_words(cues, 'profanity', 'target_people')}"
        found[Cat.TOXIC] = insult
    if cues.has("bait"):
        found[Cat.TROLL] = f"troll: baiting or derailing: {_words(cues, 'bait')}"
    elif ctx.author_strikes >= 2 and insult and _at_a_group(cues):
        found[Cat.TROLL] = f"troll: repeat offender ({ctx.author_strikes} strikes) baiting"
    if ctx.author_strikes >= 2 and not found and (cues.has("negative") or s("toxicity") >= 0.5):
        why = _words(cues, "negative")
        strikes = ctx.author_strikes
        found[Cat.TROLL] = f"troll: repeat offender ({strikes} strikes) bashing: {why}"
    if cues.has("feedback") or s("feedback") >= 0.85:
        found[Cat.FEEDBACK] = f"feedback: suggests {_words(cues, 'feedback')}"
    _creative(cues, s, ctx, found)
    if (praise := _praise(cues, s)) is not None:
        found[Cat.PRAISE] = praise
    if cues.has("campaign") or (ctx.campaign and cues.has("campaign_context")):
        why = _words(cues, "campaign", "campaign_context")
        found[Cat.CAMPAIGN] = f"campaign: reacts to {why}"
    return found, legal[0] if legal else None, bool(spam and spam[0])


def _praise(cues: Cues, s: _Signals) -> str | None:
    words = [w for w in cues.of("praise", k=10) if w.isascii() or any(c.isalpha() for c in w)]
    # An emoji alone (💛) is praise only when it is about the brand or a product.
    praised = bool(words) or (cues.has("praise") and (cues.has("topic") or cues.has("brand")))
    liked = (praised or cues.has("thanks")) and not cues.has("negative")
    # Mock praise ("love how it arrived melted 🙃") is not praise.
    if liked and not cues.has("sarcasm") or s("praise") >= 0.85:
        return f"praise: {_words(cues, 'praise', 'thanks')}{s.note('sentiment_positive')}"
    return None


def _creative(cues: Cues, s: _Signals, ctx: DecisionContext, found: dict[Category, str]) -> None:
    """Fan content and creative critique: both are about the form of the comment."""
    story = cues.has("story") and len(cues.of("praise")) + len(cues.of("story")) >= 2
    if ctx.has_media and not cues.has("negative") or (cues.has("own_work") and ctx.has_media):
        what = _words(cues, "own_work") or "attached media"
        found[Cat.FAN_CONTENT] = f"fan content: own photo/work ({what})"
    elif story:
        found[Cat.FAN_CONTENT] = f"fan content: personal story ({_words(cues, 'story')})"
    joking = cues.has("humour") or s("humour") >= 0.8
    if joking and cues.has("critique") and not cues.has("insult"):
        why = _words(cues, "critique", "humour")
        found[Cat.CREATIVE_CRITIQUE] = f"creative critique: joke about {why}{s.note('humour')}"


def _primary(found: dict[Category, str], ctx: DecisionContext) -> Category:
    if not found:
        return Cat.NEUTRAL
    primary = primary_of(set(found))
    # The one override of precedence: a repeat offender's bait is trolling, not a one-off.
    if primary is Cat.TOXIC and Cat.TROLL in found and ctx.author_strikes >= 2:
        return Cat.TROLL
    return primary


def _action(
    primary: Category, cues: Cues, fraud: bool, ctx: DecisionContext, norm: str
) -> ActionKind:
    strikes = ctx.author_strikes
    if primary in (Cat.TOXIC, Cat.TROLL):
        if strikes <= 0:
            return Act.REMIND if primary is Cat.TOXIC else Act.MONITOR
        return moderation_action_for_strikes(strikes)
    if primary is Cat.SPAM:
        return Act.DELETE if fraud else Act.HIDE
    if primary is Cat.PRAISE:
        # A named store, a thank-you or a first-person story about staff earns a personal reply.
        padded = f" {norm} "
        story = cues.has("target_staff") and any(p in padded for p in _FIRST_PERSON)
        personal = bool(cues.stores) or cues.has("thanks") or story
        return Act.THANK if personal else Act.LIKE
    return PRIMARY_ACTION[primary]


def decide(
    text: str,
    norm: str,
    lang: str,
    signals: Mapping[str, float],
    context: DecisionContext | None = None,
    *,
    finder: CueFinder | None = None,
    explain: Explainer | None = None,
    model: str = "",
) -> Triage:
    """Decide primary/secondary categories, sentiment, legal sub-label and action, with reasons."""
    triage, head = decide_deferred(text, norm, lang, signals, context, finder=finder, model=model)
    if explain is not None and head is not None:
        return with_explanation(triage, head, explain(head))
    return triage


def with_explanation(triage: Triage, head: str, grams: Sequence[tuple[str, float]]) -> Triage:
    """Add the model's evidence for `head` as the last reason (nothing when it has none)."""
    if not grams:
        return triage
    reason = f"{head} n-grams: " + ", ".join(g for g, _ in grams[:3])
    return replace(triage, reasons=(*triage.reasons, reason))


def decide_deferred(
    text: str,
    norm: str,
    lang: str,
    signals: Mapping[str, float],
    context: DecisionContext | None = None,
    *,
    finder: CueFinder | None = None,
    model: str = "",
) -> tuple[Triage, str | None]:
    """`decide` without the n-gram explanation: returns the head worth explaining, if any.

    A batch caller explains all such comments in one featurisation and then adds the
    reason with `with_explanation`; the result equals `decide` with an explainer.
    """
    ctx = context or DecisionContext()
    finder = finder or default_finder()
    cues = finder.find(text, norm)
    s = _Signals(signals)
    found, legal_sub, fraud = _detect(cues, s, ctx, norm)
    # Swearing inside a complaint, question or legal case is noted, not a category of its own.
    if Cat.COMPLAINT in found and cues.has("profanity") and Cat.TOXIC not in found:
        found[Cat.TOXIC] = f"swearing: {_words(cues, 'profanity')}"
    # Strong swearing with nothing else to act on (no complaint, question, praise ...) is
    # toxic (a reminder); mild words ("damn", "verdammt") alone are not, and neither is
    # swearing about a product, an order or money, or that the complaint head half-believes:
    # that may be an angry customer whose problem no cue word named.
    elif (
        not found
        and any(w not in _MILD_PROFANITY for w in cues.of("profanity", k=10))
        and not (cues.has("topic") or cues.order_no or cues.money or s("complaint") >= 0.5)
    ):
        found[Cat.TOXIC] = f"swearing: {_words(cues, 'profanity')}"
    # The brand's own replies ("불편을 드려 죄송합니다", "DM us") need nothing from the team.
    own_reply = norm.startswith(finder.reply_prefixes)
    if (own_reply or cues.has("brand_voice")) and not found.keys() & _SEVERE:
        found = {}
    primary = _primary(found, ctx)
    if (
        ctx.reply_to
        and primary in _THREAD_CATEGORIES
        and Cat.CAMPAIGN not in found
        and _about_campaign(finder, ctx.reply_to)
    ):
        found[Cat.CAMPAIGN] = "campaign: replies in a campaign thread"
    secondary = tuple(
        c for c in found if c is not primary and c in SECONDARY_OK and _keeps(c, primary)
    )
    action = _action(primary, cues, fraud, ctx, norm)
    reasons = [found.get(primary, "neutral: nothing actionable")]
    reasons += [found[c] for c in secondary]
    if primary in (Cat.TOXIC, Cat.TROLL) and ctx.author_strikes:
        reasons.append(f"{action.value}: author has {ctx.author_strikes} prior strikes")
    head = REASON_SIGNAL.get(primary) or (LEGAL_SIGNAL.get(legal_sub) if legal_sub else None)
    # The model's n-grams are the evidence when no cue word is: explain a head that fired
    # (a low score would mislead) and only then, since explaining costs a featurisation.
    families = CUE_FAMILIES.get(primary)
    cued = families is None or any(cues.has(f) for f in families)
    wanted = head if head and not cued and signals.get(head, 0.0) >= 0.5 else None
    triage = Triage(
        lang=lang,
        primary=primary,
        secondary=secondary,
        sentiment=decide_sentiment(primary, cues, signals, legal_sub),
        action=action,
        legal_sub=legal_sub if primary is Cat.LEGAL else None,
        signals=dict(signals),
        reasons=tuple(reasons),
        model=model,
    )
    return triage, wanted


def decide_sentiment(
    primary: Category, cues: Cues, signals: Mapping[str, float], legal_sub: LegalSub | None
) -> Sentiment:
    """Sentiment from the category's usual tone, corrected by cues and the sentiment heads."""
    positive = cues.has("praise") or cues.has("thanks")
    negative = cues.has("negative") or cues.has("insult") or cues.has("profanity")
    if primary in _NEGATIVE_CATEGORIES:
        return Sent.NEGATIVE
    if primary is Cat.LEGAL:
        quiet = legal_sub in (Legal.IP, Legal.OBSCENE) and not cues.has("insult")
        return Sent.NEUTRAL if quiet else Sent.NEGATIVE
    if primary is Cat.CREATIVE_CRITIQUE:
        return Sent.MIXED if cues.has("critique") else Sent.POSITIVE
    if primary in (Cat.PRAISE, Cat.FAN_CONTENT):
        # "I don't love it": praise words whose valence came out negative are no praise.
        negative = negative or cues.valence() <= _NEGATIVE_VALENCE
        return Sent.MIXED if negative and not cues.has("humour") else Sent.POSITIVE
    if primary is Cat.FEEDBACK:
        if positive and (negative or cues.has("feedback")):
            return Sent.MIXED
        return Sent.NEGATIVE if negative else Sent.NEUTRAL
    if primary is Cat.QUESTION:
        if negative and not cues.has("campaign") or cues.rhetorical:
            return Sent.NEGATIVE
        if positive or (negative and cues.has("campaign")):
            return Sent.POSITIVE
        # "Why would anyone …?": a question's own words still carry its tone.
        valence = cues.valence()
        return _from_valence(valence) if valence < 0 else Sent.NEUTRAL
    if primary is Cat.CAMPAIGN:
        return Sent.POSITIVE
    if primary is Cat.SPAM:
        return Sent.NEUTRAL
    valence = cues.valence()
    if valence:
        return _from_valence(valence)
    if positive != negative:
        return Sent.POSITIVE if positive else Sent.NEGATIVE
    # Chit-chat ("yep", "네") must not count as negative in the monitoring without a cue word:
    # the heads lean negative on very short texts, so only a confident head decides.
    return _from_signals(signals, floor=0.8) or Sent.NEUTRAL


# Valence cut-offs (lexicons/sentiment.py), tuned on UMSAB English and German train:
# one clear negative word is enough, a positive needs a clear one too ("fine" is not).
_POSITIVE_VALENCE = 1.5
_NEGATIVE_VALENCE = -0.5


def _from_valence(valence: float) -> Sentiment:
    if valence >= _POSITIVE_VALENCE:
        return Sent.POSITIVE
    return Sent.NEGATIVE if valence <= _NEGATIVE_VALENCE else Sent.NEUTRAL


def _from_signals(signals: Mapping[str, float], floor: float = 0.6) -> Sentiment | None:
    heads = {
        Sent.POSITIVE: signals.get("sentiment_positive"),
        Sent.NEUTRAL: signals.get("sentiment_neutral"),
        Sent.NEGATIVE: signals.get("sentiment_negative"),
    }
    known = {k: v for k, v in heads.items() if v is not None}
    if not known:
        return None
    best = max(known, key=lambda k: known[k])
    return best if known[best] >= floor else None


def _about_campaign(finder: CueFinder, text: str) -> bool:
    """Whether a parent comment is about the current campaign (its thread inherits it)."""
    return "campaign" in finder.lexicon.scan(normalize_text(text))


def _keeps(secondary: Category, primary: Category) -> bool:
    """Drop secondaries that only restate the primary (e.g. toxic under a troll is kept)."""
    if secondary is Cat.QUESTION:
        return primary is Cat.COMPLAINT
    if secondary is Cat.PRAISE:
        return primary in (Cat.FEEDBACK, Cat.FAN_CONTENT)
    return True
