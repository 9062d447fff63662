"""Moderator decisions as training labels: the audit log read back per comment.

Every inbox action is an audit_log row (comity/actions). This module turns the ones
that say what a comment *is* into one labelled record per comment, in the taxonomy's
evaluation format plus where the label came from. Mapping (docs/triage.md, "Learning
the community's own norms"):

- label ``category:<name>`` on a case: the comment's primary category is ``<name>``
  (removing that label takes it back). An explicit label beats every action.
- hide or delete of a comment: the moderation family. The triage's own category is
  kept when it already is ``toxic``, ``troll``, ``spam`` or ``legal``; otherwise it is
  ``toxic``. An unhide cancels the hide.
- like: ``praise``. Product feedback recorded on a case (``feedback``): ``feedback``.
- Everything else (replies, assignments, snoozes, mutes and bans of a person) says
  nothing about what one comment is and gives no label.
The latest applicable action wins; records are ordered by comment id.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from comity.domain import Category
from comity.store import tables as t
from comity.store.rows import aware
from comity.store.upsert import chunks

LABEL_PREFIX = "category:"
MODERATION_FAMILY = frozenset({"toxic", "troll", "spam", "legal"})
# The audit actions read; anything else never changes a label.
ACTIONS = ("label", "unlabel", "hide", "unhide", "delete", "like", "feedback")
_CATEGORIES = frozenset(c.value for c in Category)


@dataclass
class _State:
    label: str | None = None  # explicit category label
    action: str | None = None  # category implied by the latest action
    label_by: tuple[str, str, str] = ("", "", "")  # (audit action, actor, at)
    action_by: tuple[str, str, str] = ("", "", "")


def label_category(label: str) -> str | None:
    """``category:praise`` → ``praise``; None for other labels or unknown categories."""
    if not label.startswith(LABEL_PREFIX):
        return None
    name = label[len(LABEL_PREFIX) :].strip()
    return name if name in _CATEGORIES else None


def _comment_of_cases(engine: Engine, case_ids: list[int]) -> dict[int, int]:
    found: dict[int, int] = {}
    with engine.connect() as conn:
        for chunk in chunks(case_ids, 500):
            query = select(t.cases.c.id, t.cases.c.comment_id).where(t.cases.c.id.in_(chunk))
            found.update({int(r.id): int(r.comment_id) for r in conn.execute(query)})
    return found


def _apply(state: _State, action: str, after: Any, before: Any, triage_primary: str) -> None:
    after = after if isinstance(after, dict) else {}
    before = before if isinstance(before, dict) else {}
    if action == "label":
        name = label_category(str(after.get("label") or ""))
        if name:
            state.label = name
    elif action == "unlabel":
        name = label_category(str(before.get("label") or ""))
        if name and state.label == name:
            state.label = None
    elif action in ("hide", "delete"):
        family = triage_primary in MODERATION_FAMILY
        state.action = triage_primary if family else Category.TOXIC.value
    elif action == "unhide":
        state.action = None
    elif action == "like":
        state.action = Category.PRAISE.value
    elif action == "feedback":
        state.action = Category.FEEDBACK.value


def decision_records(engine: Engine, *, since_id: int = 0) -> Iterator[dict[str, Any]]:
    """One labelled record per decided comment (see the module docstring for the mapping)."""
    audit = t.audit_log
    query = (
        select(audit)
        .where(audit.c.action.in_(ACTIONS), audit.c.id > since_id)
        .where(audit.c.target_type.in_(("comment", "case")))
        .order_by(audit.c.id)
    )
    with engine.connect() as conn:
        rows = list(conn.execute(query))
    case_ids = sorted({int(r.target_id) for r in rows if r.target_type == "case"})
    case_comment = _comment_of_cases(engine, case_ids)
    by_comment: dict[int, list[Any]] = {}
    for row in rows:
        try:
            ident = int(row.target_id)
        except ValueError:
            continue
        comment_id = ident if row.target_type == "comment" else case_comment.get(ident)
        if comment_id is not None:
            by_comment.setdefault(comment_id, []).append(row)
    ids = sorted(by_comment)
    with engine.connect() as conn:
        for chunk in chunks(ids, 500):
            query = (
                select(
                    t.comments.c.id,
                    t.comments.c.text,
                    t.comments.c.lang,
                    t.comments.c.channel,
                    t.triages.c.lang.label("triage_lang"),
                    t.triages.c.primary,
                    t.triages.c.legal_sub,
                )
                .select_from(t.comments.outerjoin(t.triages))
                .where(t.comments.c.id.in_(chunk))
                .order_by(t.comments.c.id)
            )
            for comment in conn.execute(query):
                record = _record(comment, by_comment[int(comment.id)])
                if record is not None:
                    yield record


def _record(comment: Any, rows: list[Any]) -> dict[str, Any] | None:
    triage_primary = str(comment.primary or "")
    state = _State()
    for row in rows:
        label, action = state.label, state.action
        _apply(state, str(row.action), row.after, row.before, triage_primary)
        who = (str(row.action), str(row.actor), aware(row.at).isoformat())
        if state.label != label:
            state.label_by = who
        if state.action != action:
            state.action_by = who
    primary = state.label or state.action
    if primary is None:
        return None
    source, actor, at = state.label_by if state.label else state.action_by
    legal_sub = comment.legal_sub if primary == "legal" else None
    return {
        "id": f"comment:{comment.id}",
        "comment_id": int(comment.id),
        "text": comment.text,
        "lang": comment.lang or comment.triage_lang or None,
        "channel": comment.channel,
        "primary": primary,
        "legal_sub": legal_sub,
        "triage_primary": triage_primary or None,
        "source": source,
        "actor": actor,
        "at": at,
    }
