"""Do the suggested replies pass their own checks? Run over an evaluation JSONL file.

    .venv/bin/python benchmarks/replies_seed_check.py \
        ../shared/data/seed_taxonomy/seed_taxonomy_dev.jsonl [--triage]

For every record, 2-3 drafts are suggested (category from the record's `primary`
label, or from triage with --triage) and checked for tone, speech level on the
record's channel, glossary and facts. Prints the pass rate, the distinct drafts per category,
the distinct bodies (without closing line and sign-off), the draft pairs of one case whose
bodies are near copies (char-shingle Jaccard >= MAX_BODY_SIMILARITY, names and cited fact left
out) and the failing hints (hint messages only: the dataset's text is never printed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from comity.replies import BrandProfile, CaseInput, Draft, check, load_profile, suggest
from comity.replies.similarity import jaccard, normalise, shingles
from comity.replies.suggest import MAX_BODY_SIMILARITY
from comity.replies.templates import load_templates

KINDS = ("tone", "speech_level", "glossary", "facts")


def body(draft: Draft, profile: BrandProfile, channel: str) -> str:
    """The draft without sign-off and closing line: what makes it an alternative."""
    text = draft.text
    sign_off = profile.sign_off.for_channel(channel, draft.lang)
    if sign_off and text.endswith(sign_off):
        text = text[: -len(sign_off)].rstrip()
    for closer in load_templates().closers_for(draft.lang, draft.level):
        if closer and text.endswith(closer):
            text = text[: -len(closer)].rstrip()
    return text


def near_copies(bodies: list[str], cited: str) -> int:
    """Pairs of one case's bodies that are near copies (the shared cited fact left out)."""
    grams = [shingles(normalise(b, (cited,))) for b in bodies]
    return sum(
        jaccard(grams[i], grams[j]) >= MAX_BODY_SIMILARITY
        for i in range(len(grams))
        for j in range(i + 1, len(grams))
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--triage", action="store_true", help="category from triage, not labels")
    args = parser.parse_args(argv)
    profile = load_profile()
    records = [json.loads(line) for line in args.path.read_text("utf-8").splitlines() if line]
    categories = [str(r.get("primary") or "neutral") for r in records]
    if args.triage:
        from comity.triage import Triager
        from comity.triage.decide import DecisionContext
        from comity.triage.triager import TriageInput

        triager = Triager.load()
        inputs = [
            TriageInput(r["text"], r.get("lang"), DecisionContext(channel=r.get("channel", "")))
            for r in records
        ]
        categories = [t.primary.value for t in triager.triage_inputs(inputs)]
    total = passed = 0
    distinct: dict[str, set[str]] = defaultdict(set)
    distinct_bodies: dict[str, set[str]] = defaultdict(set)
    copies: Counter[str] = Counter()
    drafts_per: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    for record, category in zip(records, categories, strict=True):
        case = CaseInput(
            id=str(record["id"]),
            text=str(record["text"]),
            channel=str(record.get("channel") or "other"),
            category=category,
            lang=record.get("lang"),
        )
        drafts = suggest(case, profile)
        bodies = [body(d, profile, case.channel) for d in drafts]
        distinct_bodies[category].update(bodies)
        cited = {f.id: f.text.get(d.lang) for d in drafts for f in profile.facts if f.id in d.facts}
        copies[category] += near_copies(bodies, " ".join(cited.values()))
        for draft in drafts:
            total += 1
            drafts_per[category] += 1
            distinct[category].add(draft.text)
            hints = check(
                draft.text, case.channel, draft.lang, profile, category=category, kinds=KINDS
            )
            warnings = [h for h in hints if h.severity == "warning"]
            if warnings:
                for hint in warnings:
                    failures[f"{draft.template}: {hint.kind}: {hint.message[:60]}"] += 1
            else:
                passed += 1
    rate = passed / total if total else 1.0
    print(f"records {len(records)}, drafts {total}, passed {passed} ({rate:.1%})")
    print("category           drafts  distinct  bodies  near-copy pairs")
    for category in sorted(drafts_per):
        print(
            f"{category:<18} {drafts_per[category]:>6}  {len(distinct[category]):>8}"
            f"  {len(distinct_bodies[category]):>6}  {copies[category]:>15}"
        )
    for failure, count in failures.most_common(20):
        print(f"FAIL x{count}: {failure}")
    return 0 if passed == total else 1


if __name__ == "__main__":
    sys.exit(main())
