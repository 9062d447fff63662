"""The database schema (SQLAlchemy Core). Change it only together with a migration."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

channels = Table(
    "channels",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("name", String(200), nullable=False, default=""),
)

authors = Table(
    "authors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", String(64), nullable=False),
    Column("handle", String(200), nullable=False),
    Column("display_name", String(200), nullable=False, default=""),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("strikes", Integer, nullable=False, default=0),
    UniqueConstraint("channel", "handle"),
)

# Every payload as received, stored before anything else happens to it.
raw_payloads = Table(
    "raw_payloads",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", String(64), nullable=False),
    Column("external_id", String(200), nullable=False),
    Column("source", String(32), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("body", JSON, nullable=False),
    Index(None, "channel", "external_id"),
)

comments = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", String(64), nullable=False),
    Column("external_id", String(200), nullable=False),
    Column("author_id", Integer, ForeignKey("authors.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("parent_external_id", String(200), nullable=True),
    Column("media", JSON, nullable=False),
    Column("url", Text, nullable=True),
    Column("lang", String(16), nullable=True),
    Column("context", JSON, nullable=False),
    Column("extra", JSON, nullable=False),
    Column("status", String(16), nullable=False, default="visible"),
    Column("edit_count", Integer, nullable=False, default=0),
    # The last pipeline stage completed; NULL means the pipeline still owes work.
    Column("pipeline_done", String(64), nullable=True),
    Column("pipeline_version", Integer, nullable=False, default=0),
    UniqueConstraint("channel", "external_id"),
    Index(None, "created_at"),
    Index(None, "pipeline_done"),
    Index(None, "author_id"),
)

comment_edits = Table(
    "comment_edits",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("comment_id", Integer, ForeignKey("comments.id", ondelete="CASCADE"), nullable=False),
    Column("previous_text", Text, nullable=False),
    Column("replaced_at", DateTime(timezone=True), nullable=False),
    Index(None, "comment_id"),
)

triages = Table(
    "triages",
    metadata,
    Column("comment_id", Integer, ForeignKey("comments.id", ondelete="CASCADE"), primary_key=True),
    Column("lang", String(16), nullable=False),
    Column("primary", String(32), nullable=False),
    Column("secondary", JSON, nullable=False),
    Column("sentiment", String(16), nullable=False),
    Column("action", String(16), nullable=False),
    Column("legal_sub", String(32), nullable=True),
    Column("signals", JSON, nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("model", String(64), nullable=False),
    Column("toxicity", Float, nullable=True),
    Index(None, "primary"),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("email", String(320), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(16), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # ui helper: user preferences (migration 0003); NULL means "from the browser".
    Column("locale", String(16), nullable=True),
    Column("time_zone", String(64), nullable=True),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_used_at", DateTime(timezone=True), nullable=True),
)

# Signatures already accepted, so a captured webhook cannot be replayed.
webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("signature", String(128), primary_key=True),
    Column("channel", String(64), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(320), nullable=False),
    Column("action", String(64), nullable=False),
    Column("target_type", String(32), nullable=False),
    Column("target_id", String(200), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("before", JSON, nullable=False),
    Column("after", JSON, nullable=False),
    Index(None, "target_type", "target_id"),
)

# What the netiquette stage found; replaced whole per comment (idempotent).
rule_hits = Table(
    "rule_hits",
    metadata,
    Column("comment_id", Integer, ForeignKey("comments.id", ondelete="CASCADE"), primary_key=True),
    Column("rule_id", String(100), primary_key=True),
    Column("action", String(32), nullable=False),
    Column("rule_action", String(32), nullable=False),
    Column("severity", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("explanation", Text, nullable=False),
    Column("strike", Boolean, nullable=False),
    Column("duration_seconds", Integer, nullable=True),
    Column("queue", String(32), nullable=True),
    Column("label", String(100), nullable=True),
    # Runs without a person (a sanction's hide). Rows from before 0009 say it as "hide:auto".
    Column("automatic", Boolean, nullable=False, server_default=false()),
)

# One strike per (comment, rule); an author's strikes decay by time (netiquette config).
strikes = Table(
    "strikes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", String(64), nullable=False),
    Column("handle", String(200), nullable=False),
    Column("comment_id", Integer, ForeignKey("comments.id", ondelete="CASCADE"), nullable=False),
    Column("rule_id", String(100), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("comment_id", "rule_id"),
    Index(None, "channel", "handle", "at"),
)

# The playbook's plan for a comment, and what the team does with it.
cases = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "comment_id",
        Integer,
        ForeignKey("comments.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    Column("queue", String(32), nullable=False),
    Column("priority", String(4), nullable=False),
    Column("status", String(16), nullable=False),
    Column("due_at", DateTime(timezone=True), nullable=True),
    Column("assignee", String(320), nullable=True),
    Column("reason", Text, nullable=False),
    Column("actions", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("first_response_at", DateTime(timezone=True), nullable=True),
    Column("resolved_at", DateTime(timezone=True), nullable=True),
    Index(None, "queue", "status", "due_at"),
)

# --- inbox (issue 5): snoozes, labels, notes, replies, sanctions, events, outbox ---------------

# A snoozed case keeps status "open" and leaves the queues until `snoozed_until` passes, so
# no job has to wake it up and the queue query keeps using the (queue, status, due_at) index.
cases.append_column(Column("snoozed_until", DateTime(timezone=True), nullable=True))
# The queue page's other orders and its counts (measured: benchmarks/queue_bench.py).
Index("ix_cases_status_assignee_due_at", cases.c.status, cases.c.assignee, cases.c.due_at)
Index("ix_cases_status_due_at", cases.c.status, cases.c.due_at)
Index("ix_cases_status_resolved_at", cases.c.status, cases.c.resolved_at)
Index(
    "ix_cases_open_counts",
    cases.c.status,
    cases.c.queue,
    cases.c.snoozed_until,
    cases.c.assignee,
    cases.c.due_at,
)

case_labels = Table(
    "case_labels",
    metadata,
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
    Column("label", String(100), primary_key=True),
    Column("by", String(320), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

# Internal notes on a case; `kind` "feedback" marks product feedback for the insights.
notes = Table(
    "notes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False, default="note"),
    Column("author", String(320), nullable=False),
    Column("body", Text, nullable=False),
    Column("mentions", JSON, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index(None, "case_id"),
)

sent_replies = Table(
    "sent_replies",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("comment_id", Integer, ForeignKey("comments.id", ondelete="CASCADE"), nullable=False),
    Column("channel", String(64), nullable=False),
    Column("to_handle", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Column("by", String(320), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("status", String(24), nullable=False),
    Column("approved_by", String(320), nullable=True),
    Column("approved_at", DateTime(timezone=True), nullable=True),
    Index(None, "case_id", "at"),
)

# Mutes and bans of an author on one channel; lifting keeps the row (history on the card).
author_sanctions = Table(
    "author_sanctions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", String(64), nullable=False),
    Column("handle", String(200), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("until", DateTime(timezone=True), nullable=True),
    Column("reason", Text, nullable=False),
    Column("by", String(320), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("lifted_by", String(320), nullable=True),
    Column("lifted_at", DateTime(timezone=True), nullable=True),
    Index(None, "channel", "handle"),
)

# What happened, in order: the id is the SSE event id a reconnecting client resumes from.
events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("case_id", Integer, nullable=True),
    Column("payload", JSON, nullable=False),
)

# Transactional outbox: channel effects written with the action, delivered later by connectors.
outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("channel", String(64), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("external_id", String(200), nullable=True),
    Column("handle", String(200), nullable=True),
    Column("payload", JSON, nullable=False),
    Column("status", String(16), nullable=False, default="pending"),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text, nullable=True),
    Column("audit_id", Integer, nullable=True),
    Index(None, "status", "id"),
)

# --- monitoring (shitstorm early warning) -------------------------------------------------

# The detector's whole state (JSON) and the last comment it counted, so it survives restarts.
monitor_state = Table(
    "monitor_state",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("state", JSON, nullable=False),
    Column("last_comment_id", Integer, nullable=False, default=0),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# One row per alert episode of one scope ("brand", "channel:x", "campaign:c", "topic:n").
alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(200), nullable=False, unique=True),
    Column("scope", String(200), nullable=False),
    Column("level", String(16), nullable=False),
    Column("peak", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("topic", Text, nullable=False),
    Column("since", DateTime(timezone=True), nullable=False),
    Column("last_at", DateTime(timezone=True), nullable=False),
    Column("ended_at", DateTime(timezone=True), nullable=True),
    Column("observed", Integer, nullable=False),
    Column("expected", Float, nullable=False),
    Column("score", Float, nullable=False),
    Column("details", JSON, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("notified_at", DateTime(timezone=True), nullable=True),
    Column("notified_level", String(16), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index(None, "status", "active"),
)

# Crisis mode switches, brand-wide (scope "brand") or per campaign ("campaign:<name>").
crisis_modes = Table(
    "crisis_modes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("scope", String(200), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("policy", JSON, nullable=False),
    Column("started_by", String(320), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("ended_by", String(320), nullable=True),
    Column("ended_at", DateTime(timezone=True), nullable=True),
    Index(None, "active"),
)

# ---- replies: the team's saved replies (templates with variables), with usage counts.
saved_replies = Table(
    "saved_replies",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(100), nullable=False, unique=True),
    Column("category", String(32), nullable=False),
    Column("lang", String(8), nullable=False),
    Column("level", String(16), nullable=True),
    Column("text", Text, nullable=False),
    Column("usage_count", Integer, nullable=False, default=0),
    Column("created_by", String(320), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index(None, "category", "lang"),
)

# --- outbox delivery (runtime/delivery.py): claims, retries with backoff, the channel's answer.
outbox.append_column(Column("claimed_by", String(200), nullable=True))
outbox.append_column(Column("claimed_at", DateTime(timezone=True), nullable=True))
outbox.append_column(Column("next_attempt_at", DateTime(timezone=True), nullable=True))
outbox.append_column(Column("sent_at", DateTime(timezone=True), nullable=True))
outbox.append_column(Column("remote_id", String(200), nullable=True))

# --- case view (issue 5): the thread's replies by their parent, the author on every channel.
Index("ix_comments_channel_parent_external_id", comments.c.channel, comments.c.parent_external_id)
Index("ix_authors_handle", authors.c.handle)
# An author's newest comments (the card's earlier cases, its open-problem check).
Index("ix_comments_author_id_created_at", comments.c.author_id, comments.c.created_at)
