"""Load the labelled corpora in ../shared/data and map them onto Comity's signal heads.

Every loader yields ``Example``s whose ``labels`` hold only the heads the source
really annotates (a missing head means "unknown", never "no"). The mapping from a
corpus' labels to heads is the one place where label meanings are decided; see
docs/model-card.md for the reasoning.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(os.environ.get("COMITY_SHARED_DATA", "/work/shared/data"))
AUTHORED = Path(__file__).resolve().parent / "authored"

BINARY_HEADS: tuple[str, ...] = (
    "toxicity",
    "insult",
    "profanity",
    "identity_attack",
    "threat",
    "sexually_explicit",
    "spam",
    "question",
    "complaint",
    "feedback",
    "fact_claim",
    "humour",
    "praise",
)
SENTIMENT = ("negative", "neutral", "positive")  # class ids 0, 1, 2

csv.field_size_limit(10_000_000)


@dataclass
class Example:
    text: str
    lang: str
    source: str
    labels: dict[str, int] = field(default_factory=dict)


def _tsv(path: Path, header: bool = True) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        if header:
            next(rows)
        yield from rows


def _csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


# --- commercial-use corpora (default bundle) ----------------------------------------


def kocohub_beep() -> Iterator[Example]:
    for text, _, bias, hate in _tsv(DATA / "kocohub-beep/train.tsv"):
        lab = {"toxicity": int(hate != "none")}
        if hate != "offensive":  # offensive = rude but below insult: unknown for insult
            lab["insult"] = int(hate == "hate")
        if hate == "none" or bias == "none":
            lab["identity_attack"] = 0
        elif hate == "hate":
            lab["identity_attack"] = 1
        yield Example(text, "ko", "kocohub-beep", lab)


_KMHAS_IDENTITY = {"0", "4", "5", "6", "7"}  # origin, age, gender, race, religion


def kmhas() -> Iterator[Example]:
    for text, label in _tsv(DATA / "kmhas/kmhas_valid.txt"):
        ids = set(label.split(","))
        lab = {"toxicity": int(ids != {"8"}), "profanity": int("3" in ids)}
        if ids & _KMHAS_IDENTITY:
            lab["identity_attack"] = 1
        elif not ids & {"1", "2"}:  # appearance/politics only: not a protected identity
            lab["identity_attack"] = 0
        yield Example(text, "ko", "kmhas", lab)


def curse_detection() -> Iterator[Example]:
    for line in (DATA / "curse-detection/train.txt").read_text(encoding="utf-8").splitlines():
        text, _, label = line.rpartition("|")
        if label in ("0", "1") and text.strip():
            yield Example(
                text, "ko", "curse-detection", {"toxicity": int(label), "profanity": int(label)}
            )


_KOTE_PRAISE = {"2", "4", "7"}  # 감동/감탄, 고마움, 존경


def kote() -> Iterator[Example]:
    for _, text, label in _tsv(DATA / "kote/val.tsv", header=False):
        ids = set(label.split(","))
        lab = {"complaint": int("0" in ids), "praise": int(bool(ids & _KOTE_PRAISE))}
        yield Example(text, "ko", "kote", lab)


def i3i4k() -> Iterator[Example]:
    for label, text in _tsv(DATA / "3i4k/fci_train_val.txt", header=False):
        yield Example(text, "ko", "3i4k", {"question": int(label in ("2", "4"))})


def nsmc_derived() -> Iterator[Example]:
    for row in _tsv(DATA / "nsmc-derived/ratings_derived_train.tsv"):
        yield Example(row[6], "ko", "nsmc-derived", {"sentiment": SENTIMENT.index(row[4])})


def youtube_spam() -> Iterator[Example]:
    for row in _csv(DATA / "youtube-spam/youtube_spam_train.csv"):
        yield Example(row["CONTENT"], "en", "youtube-spam", {"spam": int(row["CLASS"])})


def germeval2018() -> Iterator[Example]:
    for text, coarse, fine in _tsv(DATA / "germeval2018/germeval2018.training.txt", header=False):
        lab = {"toxicity": int(coarse == "OFFENSE"), "identity_attack": int(fine == "ABUSE")}
        if fine != "ABUSE":
            lab["insult"] = int(fine == "INSULT")
        if fine in ("PROFANITY", "OTHER"):
            lab["profanity"] = int(fine == "PROFANITY")
        yield Example(text, "de", "germeval2018", lab)


def authored() -> Iterator[Example]:
    for path in sorted(AUTHORED.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            lab = {h: int(h in rec["labels"]) for h in BINARY_HEADS}
            lab["sentiment"] = SENTIMENT.index(rec["sentiment"])
            yield Example(rec["text"], rec["lang"], f"authored-{rec['lang']}", lab)


# --- research-only corpora (no clear commercial licence) ------------------------------

_UNSMILE_GROUPS = range(1, 8)  # 여성/가족 .. 종교 columns


def unsmile() -> Iterator[Example]:
    for row in _tsv(DATA / "unsmile/unsmile_train_v1.0.tsv"):
        flags = [int(v) for v in row[1:12]]
        lab = {"toxicity": int(not flags[9]), "profanity": flags[8]}
        if any(flags[i - 1] for i in _UNSMILE_GROUPS):
            lab["identity_attack"] = 1
        elif not flags[7]:  # 기타 혐오 (other hate) is not necessarily about identity
            lab["identity_attack"] = 0
        yield Example(row[0], "ko", "unsmile", lab)


def _tweeteval(task: str) -> Iterator[tuple[str, str, str]]:
    base = DATA / "tweeteval" / task
    for split in ("train", "val"):
        if not (base / f"{split}_text.txt").exists():
            continue
        texts = (base / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
        labels = (base / f"{split}_labels.txt").read_text(encoding="utf-8").splitlines()
        for t, y in zip(texts, labels, strict=True):
            yield t, y.strip(), split


def tweeteval() -> Iterator[Example]:
    for t, y, split in _tweeteval("offensive"):
        yield Example(t, "en", f"tweeteval-offensive-{split}", {"toxicity": int(y)})
    for t, y, split in _tweeteval("hate"):
        yield Example(t, "en", f"tweeteval-hate-{split}", {"identity_attack": int(y)})
    for t, y, split in _tweeteval("sentiment"):
        yield Example(t, "en", f"tweeteval-sentiment-{split}", {"sentiment": int(y)})


def olid() -> Iterator[Example]:
    for _, text, a, b, c in _tsv(DATA / "olid/olid-training-v1.0.tsv"):
        lab = {"toxicity": int(a == "OFF")}
        if a == "NOT":
            lab.update(insult=0, profanity=0, identity_attack=0)
        elif b == "UNT":
            lab.update(insult=0, profanity=1, identity_attack=0)
        elif b == "TIN":
            lab.update(insult=1, identity_attack=int(c == "GRP"))
        yield Example(text, "en", "olid", lab)


def davidson() -> Iterator[Example]:
    for row in _csv(DATA / "davidson/labeled_data_train.csv"):
        cls = row["class"]
        lab = {"toxicity": int(cls != "2"), "identity_attack": int(cls == "0")}
        if cls != "0":
            lab["profanity"] = int(cls == "1")
        yield Example(row["tweet"], "en", "davidson", lab)


def complaints() -> Iterator[Example]:
    for row in _csv(DATA / "complaints/complaints-data_train.csv"):
        yield Example(row["text"], "en", "complaints", {"complaint": int(row["label"])})


def germeval2017() -> Iterator[Example]:
    for row in _tsv(DATA / "germeval2017/dev.tsv", header=False):
        if len(row) < 4 or row[3] not in SENTIMENT:
            continue
        relevant = row[2] == "true"
        lab = {
            "sentiment": SENTIMENT.index(row[3]),
            "complaint": int(relevant and row[3] == "negative"),
        }
        yield Example(row[1], "de", "germeval2017", lab)


def germeval2021() -> Iterator[Example]:
    for row in _csv(DATA / "germeval2021/GermEval21_Toxic_Train.csv"):
        lab = {"toxicity": int(row["Sub1_Toxic"]), "fact_claim": int(row["Sub3_FactClaiming"])}
        yield Example(row["comment_text"], "de", "germeval2021", lab)


def flausch2025() -> Iterator[Example]:
    for row in _csv(DATA / "flausch2025/task1_train.csv"):
        yield Example(row["comment"], "de", "flausch2025", {"praise": int(row["flausch"] == "yes")})


def hasoc2019() -> Iterator[Example]:
    for lang, name in (("de", "german_dataset.tsv"), ("en", "english_dataset.tsv")):
        for row in _tsv(DATA / "hasoc2019" / name):
            t1, t2 = row[2], row[3]
            lab = {"toxicity": int(t1 == "HOF"), "identity_attack": int(t2 == "HATE")}
            if t2 in ("PRFN", "NONE"):
                lab["profanity"] = int(t2 == "PRFN")
            if t2 in ("OFFN", "NONE"):
                lab["insult"] = int(t2 == "OFFN")
            yield Example(row[1], lang, f"hasoc2019-{lang}", lab)


def umsab() -> Iterator[Example]:
    for lang, folder in (("de", "german"), ("en", "english")):
        base = DATA / "umsab" / folder
        for split in ("train", "val"):
            texts = (base / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
            labels = (base / f"{split}_labels.txt").read_text(encoding="utf-8").splitlines()
            for t, y in zip(texts, labels, strict=True):
                yield Example(t, lang, f"umsab-{lang}-{split}", {"sentiment": int(y)})


Loader = Callable[[], Iterator[Example]]

# name -> (loader, licence note for the model card / NOTICE)
COMMERCIAL: dict[str, Loader] = {
    "kocohub-beep": kocohub_beep,
    "kmhas": kmhas,
    "curse-detection": curse_detection,
    "kote": kote,
    "3i4k": i3i4k,
    "nsmc-derived": nsmc_derived,
    "youtube-spam": youtube_spam,
    "germeval2018": germeval2018,
    # MIT-licensed repository (shared/data README: "Repo OK; tweet-text ToS caveat"); the only
    # English toxicity data the default bundle can use.
    "davidson": davidson,
    "authored": authored,
}
RESEARCH_ONLY: dict[str, Loader] = {
    "unsmile": unsmile,
    "tweeteval": tweeteval,
    "olid": olid,
    "complaints": complaints,
    "germeval2017": germeval2017,
    "germeval2021": germeval2021,
    "flausch2025": flausch2025,
    "hasoc2019": hasoc2019,
    "umsab": umsab,
}
BUNDLES: dict[str, dict[str, Loader]] = {
    "default": COMMERCIAL,
    "research": {**COMMERCIAL, **RESEARCH_ONLY},
}


def load_bundle(bundle: str) -> list[Example]:
    """All examples of a bundle, in a fixed order."""
    out: list[Example] = []
    for loader in BUNDLES[bundle].values():
        out.extend(ex for ex in loader() if ex.text.strip())
    return out
