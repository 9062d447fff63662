"""Build the en/de language-id weights: src/comity/triage/models/langid.{npz,json}.

    python training/train_langid.py             # train, evaluate, write the shipped weights
    python training/train_langid.py --eval      # evaluate the shipped weights only
    python training/train_langid.py --research  # all corpora, for comparison (not shipped)

The shipped weights are trained only on corpora whose licence allows commercial use
(COMMERCIAL below: davidson, youtube-spam, germeval2018) plus our own hand-written
sentences in training/authored/langid_{en,de}.txt. ``--research`` trains on every
corpus, including those with no stated licence, and writes to a temporary directory
(or ``--out``), never over the shipped weights.

Only the train files in ../shared/data are read. Documents are split by a hash of
their text: 90 % train, 5 % calibration, 5 % evaluation. Training and calibration use
the selected corpora; the evaluation always measures on the held-out documents of all
train files (measuring is not shipping), so the figures of both builds compare. It draws
one 2-5-word snippet per evaluation document (English, German and Korean datasets) and
also scores whole documents and the labelled seed_taxonomy dev comments. Korean never
reaches the model (Hangul decides), but it is measured so the figure covers what the
triage engine sees.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import io
import json
import os
import random
import re
import sys
import tempfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from comity.triage import langid
from comity.triage.langid import char_ngrams, detect_language, latin_words

DATA = Path(os.environ.get("COMITY_SHARED_DATA", "/work/shared/data"))
OUT = Path(langid.MODEL_DIR)
AUTHORED = Path(__file__).resolve().parent / "authored"  # langid_en.txt, langid_de.txt
SEED = 20240601
ALPHA = 0.5  # additive smoothing
MIN_COUNT = 2  # features seen fewer times in total are dropped
SEED_DEV = "seed_taxonomy/seed_taxonomy_dev.jsonl"  # our brand comments, ko/en/de labelled
csv.field_size_limit(10_000_000)

Loader = Callable[[], Iterator[str]]


def _csv(rel: str, column: str, delimiter: str = ",") -> Loader:
    def load() -> Iterator[str]:
        with open(DATA / rel, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL):
                yield row[column] or ""

    return load


def _lines(rel: str, split: str | None = None, field: int = 0, skip: int = 0) -> Loader:
    def load() -> Iterator[str]:
        with open(DATA / rel, encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                if number >= skip:
                    line = line.rstrip("\n")
                    yield line.split(split)[field] if split else line

    return load


def _curse() -> Iterator[str]:
    with open(DATA / "curse-detection/train.txt", encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\n").rsplit("|", 1)[0]


SOURCES: dict[str, dict[str, Loader]] = {
    "en": {
        "davidson": _csv("davidson/labeled_data_train.csv", "tweet"),
        "tweeteval": lambda: (
            text
            for task in ("emotion", "hate", "irony", "offensive")
            for text in _lines(f"tweeteval/{task}/train_text.txt")()
        ),
        "olid": _csv("olid/olid-training-v1.0.tsv", "tweet", "\t"),
        "complaints": _csv("complaints/complaints-data_train.csv", "text"),
        "youtube-spam": _csv("youtube-spam/youtube_spam_train.csv", "CONTENT"),
        "hasoc2019": _csv("hasoc2019/english_dataset.tsv", "text", "\t"),
        "umsab": _lines("umsab/english/train_text.txt"),
    },
    "de": {
        "germeval2018": _lines("germeval2018/germeval2018.training.txt", "\t", 0),
        "germeval2021": _csv("germeval2021/GermEval21_Toxic_Train.csv", "comment_text"),
        "flausch2025": _csv("flausch2025/task1_train.csv", "comment"),
        "hasoc2019": _csv("hasoc2019/german_dataset.tsv", "text", "\t"),
        "umsab": _lines("umsab/german/train_text.txt"),
    },
    "ko": {
        "nsmc-derived": _csv("nsmc-derived/ratings_derived_train.tsv", "document", "\t"),
        "curse-detection": _curse,
        "unsmile": _csv("unsmile/unsmile_train_v1.0.tsv", "문장", "\t"),
        "kocohub-beep": _csv("kocohub-beep/train.tsv", "comments", "\t"),
        "3i4k": _lines("3i4k/fci_train_val.txt", "\t", 1),
    },
}

# Corpora whose licence allows commercial use (../shared/data/README.md); only these
# train the shipped weights. Korean is listed for completeness: it never trains the model.
COMMERCIAL: dict[str, tuple[str, ...]] = {
    "en": ("davidson", "youtube-spam"),
    "de": ("germeval2018",),
    "ko": ("nsmc-derived", "curse-detection", "kocohub-beep", "3i4k"),
}

# As stated in ../shared/data/README.md; "not stated" sources are research-use only.
LICENSES = {
    "davidson": "MIT (repo); tweet ToS", "tweeteval": "per source task (unclear)",
    "olid": "not stated", "complaints": "not stated", "youtube-spam": "CC BY 4.0",
    "hasoc2019": "not stated", "umsab": "Apache-2.0 repo; data per source",
    "germeval2018": "CC BY 4.0", "germeval2021": "not stated", "flausch2025": "not stated",
    "authored": "our own hand-written sentences (training/authored/langid_*.txt)",
}  # fmt: skip

# Our own sentences in languages the model never saw; they must come out as "other".
OTHER_EXAMPLES = [
    "muy rico el café, gracias", "¿dónde está mi pedido?", "el envío tarda demasiado",
    "c'est vraiment trop cher", "merci pour la livraison rapide", "je n'ai pas reçu ma commande",
    "grazie mille, tutto perfetto", "il prezzo è troppo alto", "ordine arrivato in ritardo",
    "muito obrigado pela ajuda", "não recebi o meu pedido", "a entrega foi rápida",
    "ik heb mijn bestelling nog niet", "heel goed, bedankt", "waarom is de winkel dicht",
    "terima kasih banyak", "harganya mahal sekali", "enak banget kopi ini",
    "çok güzel teşekkürler", "sipariş nerede kaldı", "dziękuję bardzo, super",
    "tack så mycket", "спасибо большое", "ありがとうございます", "太好喝了", "شكرا جزيلا",
]  # fmt: skip

_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_JUNK = re.compile(r"https?://\S+|www\.\S+|@\w+|\bURL\b|^RT\b|\bRT\s")


def clean(text: str) -> str:
    """Undo escapes and drop URLs, mentions and retweet marks."""
    text = _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    text = _JUNK.sub(" ", html.unescape(text))
    return " ".join(text.split())


def bucket(text: str) -> str:
    """Stable split by text hash: train, calib or eval."""
    value = zlib.crc32(text.encode("utf-8")) % 20
    return "calib" if value == 0 else "eval" if value == 1 else "train"


Data = dict[str, dict[str, list[tuple[str, str]]]]


@cache
def _read(lang: str, name: str) -> tuple[str, ...]:
    """Cleaned texts of one corpus, in file order."""
    return tuple(clean(raw) for raw in SOURCES[lang][name]())


def authored(lang: str) -> list[str]:
    """Our own sentences for lang: one a line, blank lines and # comments skipped."""
    path = AUTHORED / f"langid_{lang}.txt"
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def load(selection: Mapping[str, tuple[str, ...]] | None = None) -> Data:
    """Texts per language and split, as (source, text), deduplicated per language.

    ``selection`` names the corpora per language (default: all of them, in SOURCES order).
    """
    out: Data = {}
    for lang, sources in SOURCES.items():
        names = [n for n in sources if selection is None or n in selection.get(lang, ())]
        seen: set[str] = set()
        splits: dict[str, list[tuple[str, str]]] = {"train": [], "calib": [], "eval": []}
        for name in names:
            for text in _read(lang, name):
                if len(text) >= 2 and text not in seen:
                    seen.add(text)
                    splits[bucket(text)].append((name, text))
        out[lang] = splits
    return out


def add_authored(data: Data, held_out: Data) -> None:
    """Append our own sentences to the en/de training split (never calibration or eval).

    A sentence equal to a held-out evaluation document is left out, so nothing that is
    measured was trained on.
    """
    for lang in ("en", "de"):
        measured = {text for _, text in held_out[lang]["eval"]}
        seen = {text for split in data[lang].values() for _, text in split}
        for line in authored(lang):
            text = clean(line)
            if len(text) >= 2 and text not in seen and text not in measured:
                seen.add(text)
                data[lang]["train"].append(("authored", text))


def snippet(text: str, rng: random.Random) -> str | None:
    """A random window of 2-5 words with letters, or None for shorter texts."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if len(words) < 2:
        return None
    size = min(rng.randint(2, 5), len(words))
    start = rng.randrange(len(words) - size + 1)
    return " ".join(words[start : start + size])


def count(texts: list[str]) -> tuple[Counter[str], Counter[str]]:
    """Word and character n-gram counts over texts."""
    words: Counter[str] = Counter()
    grams: Counter[str] = Counter()
    for text in texts:
        for word in latin_words(text):
            words[word] += 1
            grams.update(char_ngrams(word))
    return words, grams


def log_ratio(de: Counter[str], en: Counter[str]) -> dict[str, float]:
    """Smoothed log P(f|de) - log P(f|en) for features seen MIN_COUNT times or more."""
    keys = sorted(k for k in de.keys() | en.keys() if de[k] + en[k] >= MIN_COUNT)
    vocab = len(keys)
    de_total = sum(de[k] for k in keys) + ALPHA * vocab
    en_total = sum(en[k] for k in keys) + ALPHA * vocab
    norm = np.log(en_total) - np.log(de_total)
    return {k: float(np.log(de[k] + ALPHA) - np.log(en[k] + ALPHA) + norm) for k in keys}


def family_scores(
    text: str, words: dict[str, float], grams: dict[str, float]
) -> tuple[float, float]:
    """Summed word and character n-gram log-ratios of one text (before calibration)."""
    tokens = latin_words(text)
    return (
        sum(words.get(w, 0.0) for w in tokens),
        sum(grams.get(g, 0.0) for w in tokens for g in char_ngrams(w)),
    )


def calibrate(features: npt.NDArray[np.float64], labels: npt.NDArray[np.float64]) -> list[float]:
    """Logistic regression on (word sum, n-gram sum, 1) by Newton steps; returns weights.

    Each language weighs the same in total, so the bias does not learn the corpora's
    en:de ratio (which says nothing about the comments a page gets).
    """
    x = np.hstack([features, np.ones((len(features), 1))])
    positives = labels.sum()
    weight = np.where(labels == 1, 0.5 / positives, 0.5 / (len(labels) - positives))
    weight *= len(labels)
    w = np.zeros(3)
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (weight * (p - labels)) + 1e-3 * w
        hess = (x * (weight * p * (1 - p))[:, None]).T @ x + 1e-3 * np.eye(3)
        w -= np.linalg.solve(hess, grad)
    return [float(v) for v in w]


def _keys_blob(keys: list[str]) -> npt.NDArray[np.uint8]:
    return np.frombuffer("\n".join(keys).encode("utf-8"), dtype=np.uint8)


def write_npz(path: Path, arrays: dict[str, npt.NDArray[np.generic]]) -> bytes:
    """Write an .npz with fixed zip timestamps so equal weights give equal bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            member = io.BytesIO()
            np.lib.format.write_array(member, np.ascontiguousarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(2024, 6, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, member.getvalue())
    data = buffer.getvalue()
    path.write_bytes(data)
    return data


def evaluate(data: Data) -> dict[str, object]:
    """Accuracy of the loaded detector on eval snippets and whole eval documents."""
    rng = random.Random(SEED)
    report: dict[str, object] = {}
    total_ok = total = 0
    for lang in ("en", "de", "ko"):
        docs = [text for _, text in data[lang]["eval"]]
        pieces = [(name, snippet(text, rng)) for name, text in data[lang]["eval"]]
        snippets = [(name, piece) for name, piece in pieces if piece is not None]
        predicted = [(name, detect_language(piece)[0]) for name, piece in snippets]
        ok = sum(guess == lang for _, guess in predicted)
        doc_ok = sum(detect_language(t)[0] == lang for t in docs)
        by_source: dict[str, list[int]] = {}
        for name, guess in predicted:
            tally = by_source.setdefault(name, [0, 0])
            tally[0] += guess == lang
            tally[1] += 1
        report[lang] = {
            "snippets": len(snippets),
            "snippet_accuracy": round(ok / len(snippets), 4),
            "snippet_predictions": dict(Counter(guess for _, guess in predicted)),
            "snippet_accuracy_by_source": {
                name: round(good / n, 4) for name, (good, n) in by_source.items()
            },
            "documents": len(docs),
            "document_accuracy": round(doc_ok / len(docs), 4),
        }
        total_ok += ok
        total += len(snippets)
    report["snippet_accuracy_all"] = round(total_ok / total, 4)
    seed = [json.loads(line) for line in open(DATA / SEED_DEV, encoding="utf-8")]
    seed_ok = sum(detect_language(row["text"])[0] == row["lang"] for row in seed)
    report["seed_taxonomy_dev_accuracy"] = round(seed_ok / len(seed), 4)
    other_ok = sum(detect_language(t)[0] == "other" for t in OTHER_EXAMPLES)
    report["other_examples_accuracy"] = round(other_ok / len(OTHER_EXAMPLES), 4)
    return report


def evaluate_at(out: Path, data: Data) -> dict[str, object]:
    """Evaluate the weights in directory out (loaded in place of the shipped ones)."""
    shipped = langid.MODEL_DIR
    langid.MODEL_DIR = out
    langid._model.cache_clear()
    try:
        return evaluate(data)
    finally:
        langid.MODEL_DIR = shipped
        langid._model.cache_clear()


def train(data: Data, held_out: Data, out: Path, research: bool) -> dict[str, object]:
    """Fit on data's train and calib splits, write out/langid.{npz,json}, measure on held_out."""
    en_words, en_grams = count([t for _, t in data["en"]["train"]])
    de_words, de_grams = count([t for _, t in data["de"]["train"]])
    words = log_ratio(de_words, en_words)
    grams = log_ratio(de_grams, en_grams)
    rng = random.Random(SEED + 1)
    rows: list[tuple[float, float]] = []
    labels: list[float] = []
    for lang, label in (("en", 0.0), ("de", 1.0)):
        for _, text in data[lang]["calib"]:
            for piece in (snippet(text, rng), text):
                if piece is not None:
                    rows.append(family_scores(piece, words, grams))
                    labels.append(label)
    word_scale, gram_scale, bias = calibrate(np.array(rows), np.array(labels))
    word_keys, gram_keys = list(words), list(grams)
    out.mkdir(parents=True, exist_ok=True)
    blob = write_npz(
        out / "langid.npz",
        {
            "words": _keys_blob(word_keys),
            "word_weights": np.array([words[k] for k in word_keys], dtype=np.float32),
            "grams": _keys_blob(gram_keys),
            "gram_weights": np.array([grams[k] for k in gram_keys], dtype=np.float32),
        },
    )
    sources: dict[str, dict[str, int]] = {}
    calibration: dict[str, dict[str, int]] = {}
    for lang in ("en", "de"):
        for split, table in (("train", sources), ("calib", calibration)):
            names = Counter(name for name, _ in data[lang][split])
            table[lang] = {n: names[n] for n in [*SOURCES[lang], "authored"] if names[n]}
    used = sorted({name for counts in sources.values() for name in counts})
    measured_only = sorted({name for lang in ("en", "de") for name in SOURCES[lang]} - set(used))
    meta: dict[str, object] = {
        "name": "langid",
        "version": "2",
        "model": "naive Bayes log-ratio de vs en over words and character 3-4-grams, "
        "calibrated by logistic regression on held-out calibration documents "
        "(both languages weighted equally)",
        "data": "research: all corpora, including those without a commercial licence"
        if research
        else "commercial: only corpora whose licence allows commercial use, plus our own sentences",
        "training_documents": sources,
        "calibration_documents": calibration,
        "licenses": {name: LICENSES[name] for name in used},
        "evaluation_only": measured_only,
        "features": {"words": len(word_keys), "char_3_4_grams": len(gram_keys)},
        "alpha": ALPHA,
        "min_count": MIN_COUNT,
        "calibration": {"word_scale": word_scale, "gram_scale": gram_scale, "bias": bias},
        "sha256": hashlib.sha256(blob).hexdigest(),
    }
    (out / "langid.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    meta["metrics"] = evaluate_at(out, held_out)
    (out / "langid.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", action="store_true", help="only evaluate the weights in --out")
    parser.add_argument(
        "--research",
        action="store_true",
        help="train on all corpora, also those without a commercial licence (not for shipping)",
    )
    parser.add_argument(
        "--no-authored", action="store_true", help="leave out training/authored/langid_*.txt"
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="weights directory (default: the shipped one; --research: a temp dir)",
    )
    args = parser.parse_args(argv)
    held_out = load()
    if args.eval:
        print(json.dumps(evaluate_at(args.out or OUT, held_out), indent=2, ensure_ascii=False))
        return 0
    if args.research and args.out is None:
        args.out = Path(tempfile.mkdtemp(prefix="langid-research-"))
    if args.research and args.out.resolve() == OUT.resolve():
        parser.error("--research weights must not replace the shipped ones")
    data = load() if args.research else load(COMMERCIAL)
    if not args.no_authored:
        add_authored(data, held_out)
    meta = train(data, held_out, args.out or OUT, args.research)
    print(json.dumps(meta["metrics"], indent=2, ensure_ascii=False))
    print(f"weights: {args.out or OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
