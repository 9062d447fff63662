"""Key numbers of a demo stream, as Markdown, so docs/demo.md can be checked against the file."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from typing import Any

from comity.demo.timeline import N_DAYS, STORM_DAY, day

LANGS = ("ko", "en", "de")


def record_lang(record: dict[str, Any]) -> str:
    """The language of a record, also where `lang` is left out."""
    return str(record.get("lang") or record["demo_lang"])


def _handle(record: dict[str, Any]) -> str:
    author = record["author"]
    return str(author["handle"] if isinstance(author, dict) else author)


def summarize(records: Sequence[dict[str, Any]]) -> str:
    """Channels by language, shares, threads, the storm; Markdown text."""
    total = len(records)
    by_channel = Counter(record["channel"] for record in records)
    cells = Counter((record["channel"], record_lang(record)) for record in records)
    lines = ["| channel | ko | en | de | total |", "|---|---:|---:|---:|---:|"]
    for channel, count in by_channel.most_common():
        row = " | ".join(str(cells[(channel, lang)]) for lang in LANGS)
        lines.append(f"| {channel} | {row} | {count} |")
    shares = Counter(record_lang(record) for record in records)
    share_text = ", ".join(f"{lang} {100 * shares[lang] / total:.1f} %" for lang in LANGS)
    missing = sum("lang" not in record for record in records)
    replies = sum("parent" in record for record in records)
    brand = sum(bool(record.get("from_brand")) for record in records)
    storm_date = day(STORM_DAY).isoformat()
    negative = Counter(
        record["created_at"][:10]
        for record in records
        if record["demo_label"]["sentiment"] == "negative"
    )
    median = statistics.median(negative[day(index).isoformat()] for index in range(N_DAYS))
    seen: set[tuple[str, str]] = set()
    storm = first_timers = 0
    for record in records:
        key = (record["channel"], _handle(record))
        if record.get("demo_storm") and record["created_at"].startswith(storm_date):
            storm += 1
            first_timers += key not in seen
        seen.add(key)
    lines += [
        "",
        f"- {total} comments; languages {share_text}; {missing} without `lang`",
        f"- {replies} replies, {brand} of them from the brand",
        f"- storm day {storm_date}: {storm} storm comments, "
        f"{100 * first_timers / max(storm, 1):.0f} % by first-time authors; "
        f"{negative[storm_date]} negative comments against a daily median of {median:g}",
    ]
    return "\n".join(lines) + "\n"
