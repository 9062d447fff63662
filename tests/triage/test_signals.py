"""The shipped signal bundle: integrity checks, probability shapes and obvious directions."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pytest

from comity.triage.features import N_KINDS, featurize, prepare
from comity.triage.signals import MODELS_DIR, ModelIntegrityError, SignalModel

NAMES = (
    "toxicity",
    "insult",
    "profanity",
    "identity_attack",
    "threat",
    "sexually_explicit",
    "spam",
    "sentiment_positive",
    "sentiment_neutral",
    "sentiment_negative",
    "question",
    "complaint",
    "feedback",
    "fact_claim",
    "humour",
    "praise",
)


@pytest.fixture(scope="module")
def model() -> SignalModel:
    return SignalModel.load()


def test_default_bundle_metadata(model: SignalModel) -> None:
    assert model.names == NAMES
    meta = model.metadata
    assert meta["bundle"] == "default"
    assert meta["license_class"] == "commercial"
    assert {"training_data", "date", "metrics", "sha256"} <= meta.keys()
    research_only = {"unsmile", "tweeteval", "olid", "complaints", "flausch2025", "hasoc2019"}
    assert not research_only & {d["name"] for d in meta["training_data"]}


def test_research_bundle_is_marked_research() -> None:
    research = SignalModel.load("research")
    assert research.metadata["license_class"] == "research"
    assert research.names == NAMES


def _copy_bundle(tmp_path: Path) -> Path:
    target = tmp_path / "bundle"
    shutil.copytree(MODELS_DIR / "default", target)
    return target


def test_path_overrides_the_shipped_bundle(tmp_path: Path) -> None:
    folder = _copy_bundle(tmp_path)
    meta = json.loads((folder / "signals.json").read_text(encoding="utf-8"))
    meta["bundle"] = "fine-tuned"
    (folder / "signals.json").write_text(json.dumps(meta), encoding="utf-8")
    assert SignalModel.load(path=folder).metadata["bundle"] == "fine-tuned"


def test_sha256_mismatch_is_rejected(tmp_path: Path) -> None:
    folder = _copy_bundle(tmp_path)
    data = bytearray((folder / "signals.npz").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (folder / "signals.npz").write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match="SHA-256"):
        SignalModel.load(path=folder)


def test_pickled_arrays_are_refused(tmp_path: Path) -> None:
    folder = _copy_bundle(tmp_path)
    npz = folder / "signals.npz"
    np.savez(npz, weights=np.array([object()], dtype=object), lang_bias=np.ones(1))
    meta = json.loads((folder / "signals.json").read_text(encoding="utf-8"))
    meta["sha256"] = hashlib.sha256(npz.read_bytes()).hexdigest()
    (folder / "signals.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ValueError, match="pickle"):
        SignalModel.load(path=folder)


def test_missing_bundle_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="build_models"):
        SignalModel.load(path=tmp_path)


def test_predict_shape_range_and_sentiment_triple(model: SignalModel) -> None:
    texts = ["", "ok", "커피 맛있어요", "Wo bleibt meine Bestellung?", "x" * 5000]
    probs = model.predict(texts, ["en", "en", "ko", "de", "xx"])
    assert probs.shape == (len(texts), len(NAMES))
    assert probs.dtype == np.float32
    assert np.all((probs >= 0.0) & (probs <= 1.0))
    sent = probs[:, [NAMES.index(n) for n in NAMES if n.startswith("sentiment_")]]
    np.testing.assert_allclose(sent.sum(axis=1), 1.0, rtol=1e-5)


def test_predict_rejects_mismatched_languages(model: SignalModel) -> None:
    with pytest.raises(ValueError):
        model.predict(["a", "b"], ["en"])


def test_batch_and_single_predictions_agree(model: SignalModel) -> None:
    texts = ["Your latte is great", "배송 언제 와요?", "Ihr seid alle Idioten", "lol"]
    langs = ["en", "ko", "de", "en"]
    batch = model.predict(texts, langs)
    for row, text, lang in zip(batch, texts, langs, strict=True):
        single = model.predict_one(text, lang)
        np.testing.assert_allclose(row, [single[n] for n in NAMES], rtol=1e-5, atol=1e-6)


# (language, text that should score high, text that should score low) per head; own sentences.
DIRECTIONS = [
    ("toxicity", "ko", "야 이 병신아 닥치고 꺼져", "사장님 커피 너무 맛있어요 감사합니다"),
    ("toxicity", "en", "shut up you stupid idiot", "thanks, the new blend is lovely"),
    ("toxicity", "de", "Halt die Fresse, du dummer Idiot", "Danke, der Kuchen war super lecker"),
    ("insult", "de", "Du bist so ein erbärmlicher Vollidiot", "Heute scheint die Sonne"),
    ("profanity", "ko", "씨발 존나 느리네", "오늘 날씨가 좋네요"),
    (
        "spam",
        "en",
        "Earn $500 a day!! click the link in my bio www.cash-now.example.com",
        "I had a flat white this morning",
    ),
    (
        "spam",
        "ko",
        "하루 50만원 수익 보장 프로필 링크 클릭 www.money.example.com",
        "어제 친구랑 카페 갔어요",
    ),
    (
        "spam",
        "de",
        "Verdiene 1000 Euro pro Woche, Link in meiner Bio klicken",
        "Ich trinke meinen Kaffee schwarz",
    ),
    ("question", "ko", "주말에도 매장 문 여나요?", "주말에 매장에 다녀왔습니다"),
    ("question", "en", "What time do you open on Sundays?", "We opened the box on Sunday."),
    (
        "question",
        "de",
        "Habt ihr auch laktosefreie Milch?",
        "Wir haben laktosefreie Milch gekauft.",
    ),
    (
        "complaint",
        "en",
        "My order arrived broken and nobody answers my emails",
        "Lovely little shop, great music",
    ),
    (
        "praise",
        "ko",
        "직원분들 너무 친절하시고 커피도 최고예요 감사합니다",
        "주문 취소는 어떻게 하나요",
    ),
    ("praise", "en", "Thank you so much, your staff are wonderful", "Where is the nearest store"),
    ("threat", "en", "I know where you live and I will hurt you", "I know where the store is"),
    ("sentiment_positive", "ko", "정말 행복하고 좋은 하루였어요 최고!", "최악이다 다시는 안 간다"),
    ("sentiment_negative", "de", "Total enttäuschend, nie wieder", "Wunderbar, ich bin begeistert"),
    ("sentiment_negative", "en", "Awful, never again, total disappointment", "I love it, perfect!"),
]


@pytest.mark.parametrize(("head", "lang", "high", "low"), DIRECTIONS)
def test_obvious_examples_point_the_right_way(
    model: SignalModel, head: str, lang: str, high: str, low: str
) -> None:
    hi, lo = model.predict([high, low], [lang, lang])[:, NAMES.index(head)]
    assert hi > lo
    assert hi - lo > 0.1


def test_unknown_language_still_predicts(model: SignalModel) -> None:
    probs = model.predict_one("shut up you idiot", "und")
    assert probs["toxicity"] > model.predict_one("have a nice day", "und")["toxicity"]


def test_explain_names_words_from_the_comment(model: SignalModel) -> None:
    reasons = model.explain("야 이 병신아 닥치고 꺼져", "ko", "toxicity", k=3)
    assert 1 <= len(reasons) <= 3
    assert all(value > 0 for _, value in reasons)
    assert all(word in "야 이 병신아 닥치고 꺼져" for word, _ in reasons)
    values = [v for _, v in reasons]
    assert values == sorted(values, reverse=True)
    with pytest.raises(KeyError):
        model.explain("x", "en", "no_such_head")


def test_batch_explanations_equal_one_by_one(model: SignalModel) -> None:
    """The batch path groups features per comment: a repeated word stays one key per comment."""
    texts = [
        "야 이 병신아 닥치고 꺼져",
        "you clown, you absolute clown",
        "",
        "Danke für den tollen Service, wirklich toll",
        "너무 맛있어요 최고 최고",
    ]
    heads = ["toxicity", "insult", "spam", "sentiment_positive", "sentiment_positive"]
    batch = model.explain_normalized(prepare(texts), heads, k=3)
    assert batch == [_reference_explain(model, t, h) for t, h in zip(texts, heads, strict=True)]
    assert batch[2] == []
    assert len({w for w, _ in batch[1]}) == len(batch[1])  # "clown" twice is one entry


def _reference_explain(model: SignalModel, text: str, head: str) -> list[tuple[str, float]]:
    """The plain definition: each n-gram counts for the word its first letter is in."""
    feats = featurize(prepare([text]), normalized=True, spans=True)
    col = model.names.index(head)
    weights = model._weights[:-1].astype(np.float32)
    column = weights[:, col]
    if head.startswith("sentiment_"):
        column = column - weights[:, list(model._sent)].mean(axis=1)
    totals: dict[str, float] = {}
    padded = feats.text
    columns = (feats.indices, feats.starts, feats.lengths, feats.kinds)
    for idx, start, length, kind in zip(*(c.tolist() for c in columns), strict=True):
        span = padded[start : start + length]
        if kind == N_KINDS - 1:
            key = span
        else:
            first = start + len(span) - len(span.lstrip(" "))
            left = padded.rfind(" ", 0, first) + 1
            right = padded.find(" ", first)
            key = padded[left:right]
        totals[key] = totals.get(key, 0.0) + float(column[idx] * feats.scale[0])
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(word, round(value, 3)) for word, value in ranked[:3] if value > 0]


def test_every_head_has_a_reliability_diagram_linked_from_the_model_card(
    model: SignalModel,
) -> None:
    root = Path(__file__).resolve().parents[2]
    card = (root / "docs/model-card.md").read_text(encoding="utf-8")
    for head in model.names:
        svg = root / "docs/images" / f"reliability-{head}.svg"
        tree = ElementTree.parse(svg)  # well-formed SVG written by training/reliability_svg.py
        assert tree.getroot().tag.endswith("svg")
        assert f"(images/reliability-{head}.svg)" in card
