"""Turn drafts into import records (docs/import-format.md) with ids assigned in time order."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from datetime import UTC
from typing import Any

from comity.demo.channels import campaign_tag, comment_url, external_id, media_urls
from comity.demo.stream import Draft


def _order(drafts: list[Draft]) -> list[int]:
    return sorted(range(len(drafts)), key=lambda i: (drafts[i].at.astimezone(UTC), i))


def assign_ids(drafts: list[Draft], rng: random.Random) -> dict[int, str]:
    """External ids in time order, so per-post running numbers grow like on the real sites."""
    ids: dict[int, str] = {}
    taken: set[tuple[str, str]] = set()
    counters: dict[tuple[str, str], int] = defaultdict(int)
    for index in _order(drafts):
        draft = drafts[index]
        key = (draft.channel, draft.post.code)
        while True:
            counters[key] += 1
            candidate = external_id(draft.channel, draft.post, counters[key], rng)
            if (draft.channel, candidate) not in taken:
                break
        taken.add((draft.channel, candidate))
        ids[index] = candidate
    return ids


def to_records(drafts: list[Draft], rng: random.Random) -> list[dict[str, Any]]:
    """One record per draft, oldest first."""
    ids = assign_ids(drafts, rng)
    records = []
    for index in _order(drafts):
        draft = drafts[index]
        comment_id = ids[index]
        record: dict[str, Any] = {
            "channel": draft.channel,
            "external_id": comment_id,
            "author": draft.author,
            "text": draft.text,
            "created_at": draft.at.isoformat(timespec="seconds"),
        }
        if draft.parent is not None:
            record["parent"] = ids[draft.parent]
        if draft.media:
            record["media"] = media_urls(rng, draft.channel, draft.media)
        url = comment_url(draft.channel, draft.post, comment_id, draft.handle)
        if url:
            record["url"] = url
        if draft.show_lang:
            record["lang"] = draft.lang
        record["context"] = {
            "campaign": campaign_tag(draft.lang) if draft.post.campaign else None,
            "post": draft.post.desc,
        }
        record["demo_label"] = draft.label
        if not draft.show_lang:
            record["demo_lang"] = draft.lang  # the answer language identification should find
        if draft.from_brand:
            record["from_brand"] = True
        if draft.storm:
            record["demo_storm"] = True
        if draft.strikes:
            record["demo_strikes"] = draft.strikes
        records.append(record)
    return records


def dumps(records: list[dict[str, Any]]) -> str:
    """JSON Lines, UTF-8 text kept readable."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
