"""Copy-paste guard: char-shingle Jaccard of a draft against replies the team sent recently.

Names, handles, links and digits are blanked before comparing, so a template sent to
ten people with only the name changed counts as the same text ten times.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from comity.replies.hints import N_, Hint, Param

SHINGLE = 4
_HANDLE = re.compile(r"@[\w.]+")
_URL = re.compile(r"https?://\S+")
_DIGITS = re.compile(r"\d+")
_NOISE = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class RecentReply:
    """A reply the team sent: to whom (author handle on the channel) and when."""

    text: str
    author: str = ""
    author_name: str = ""
    sent_at: datetime | None = None
    case_id: int | None = None
    by: str = ""


def normalise(text: str, names: Iterable[str] = ()) -> str:
    """Casefolded text without names, handles, links, digits, punctuation or spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    for name in names:
        name = name.strip().lstrip("@").casefold()
        if len(name) >= 2:
            folded = folded.replace(name, " ")
    folded = _URL.sub(" ", _HANDLE.sub(" ", folded))
    folded = _DIGITS.sub("0", folded)
    return _NOISE.sub("", folded)


def shingles(norm: str) -> frozenset[str]:
    if len(norm) <= SHINGLE:
        return frozenset({norm}) if norm else frozenset()
    return frozenset(norm[i : i + SHINGLE] for i in range(len(norm) - SHINGLE + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


@dataclass
class ReplyCorpus:
    """Recent replies with their shingles computed once (reuse it across keystrokes)."""

    replies: Sequence[RecentReply]
    _sets: list[frozenset[str]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._sets = [shingles(normalise(r.text, (r.author, r.author_name))) for r in self.replies]

    def similar(
        self, draft: str, threshold: float, recipient: Iterable[str] = ()
    ) -> list[tuple[float, RecentReply]]:
        """Replies to other people at or above `threshold`, most similar first."""
        names = [n for n in recipient if n]
        mine = shingles(normalise(draft, names))
        folded = {n.strip().lstrip("@").casefold() for n in names}
        out = []
        for reply, theirs in zip(self.replies, self._sets, strict=True):
            if folded and reply.author.strip().lstrip("@").casefold() in folded:
                continue  # the same person: repeating ourselves to them is not copy-paste
            score = jaccard(mine, theirs)
            if score >= threshold:
                out.append((score, reply))
        out.sort(key=lambda pair: -pair[0])
        return out


def check_copy_paste(
    draft: str,
    corpus: ReplyCorpus,
    threshold: float,
    recipient: Iterable[str] = (),
) -> list[Hint]:
    if len(normalise(draft)) < 20:  # "감사해요!" twice is no copy-paste
        return []
    found = corpus.similar(draft, threshold, recipient)
    if not found:
        return []
    score, closest = found[0]
    message = (
        N_(
            "%(count)s reply the team sent recently to other people is too similar "
            "(closest %(score)s): make it personal"
        )
        if len(found) == 1
        else N_(
            "%(count)s replies the team sent recently to other people are too similar "
            "(closest %(score)s): make it personal"
        )
    )
    params: dict[str, Param] = {"count": len(found), "score": f"{score:.0%}"}
    detail = {
        "similar_count": len(found),
        "closest_score": round(score, 3),
        "closest_text": closest.text,
        "closest_author": closest.author,
        "closest_sent_at": closest.sent_at.isoformat() if closest.sent_at else None,
    }
    return [Hint.of("copy_paste", message, params, detail=detail)]
