"""Full-text search over comment texts, Korean included.

SQLite: an FTS5 table with the `trigram` tokenizer, kept in sync by triggers on `comments`
(so both the bulk insert and the edit path feed it). A trigram index finds any substring of
three or more characters, which is what Korean needs: 환불해 inside 환불해주세요, without
a morphological analyser. Shorter queries (1-2 characters) fall back to LIKE.

PostgreSQL: pg_trgm's GIN index on comments.text serves ILIKE '%term%' for the same reason.

These objects live outside tables.metadata (a virtual table and an operator-class index);
`include_name` tells schema comparison to leave them alone.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, column, select, table, true
from sqlalchemy import text as sql_text

from comity.store import tables as t

FTS_TABLE = "comments_fts"
TRGM_INDEX = "ix_comments_text_trgm"

SQLITE_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "text, content='comments', content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER IF NOT EXISTS comments_fts_insert AFTER INSERT ON comments BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
    f"CREATE TRIGGER IF NOT EXISTS comments_fts_delete AFTER DELETE ON comments BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); END",
    f"CREATE TRIGGER IF NOT EXISTS comments_fts_update AFTER UPDATE OF text ON comments BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); "
    f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
    # Index what was stored before this migration.
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS comments_fts_insert",
    "DROP TRIGGER IF EXISTS comments_fts_delete",
    "DROP TRIGGER IF EXISTS comments_fts_update",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
)
POSTGRES_DDL = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX IF NOT EXISTS {TRGM_INDEX} ON comments USING gin (text gin_trgm_ops)",
)
POSTGRES_DROP = (f"DROP INDEX IF EXISTS {TRGM_INDEX}",)


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    """For Alembic comparison: skip the search objects (FTS shadow tables, trigram index)."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(FTS_TABLE)
    if type_ == "index":
        return name != TRGM_INDEX
    return True


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_fts = table(FTS_TABLE, column("rowid"), column(FTS_TABLE))


def text_condition(dialect: str, term: str) -> Any:
    """A WHERE condition matching comments that contain every word of `term` (any order)."""
    conditions = [_word_condition(dialect, word) for word in term.split()]
    if not conditions:
        return true()
    return and_(*conditions)


def _word_condition(dialect: str, word: str) -> Any:
    pattern = f"%{_like_escape(word)}%"
    if dialect == "postgresql":
        # ILIKE lower-cases every row it checks; Korean has no case, and LIKE is ~4x faster
        # where the trigram index cannot help (1-2 character words).
        if word.lower() == word.upper():
            return t.comments.c.text.like(pattern, escape="\\")
        return t.comments.c.text.ilike(pattern, escape="\\")
    if dialect == "sqlite" and len(word) >= 3:
        # A phrase query: the word's trigrams in a row; double quotes escaped by doubling.
        phrase = '"' + word.replace('"', '""') + '"'
        matching = select(_fts.c.rowid).where(_fts.c[FTS_TABLE].op("MATCH")(phrase))
        return t.comments.c.id.in_(matching)
    return t.comments.c.text.like(pattern, escape="\\")


def create_search(conn: Connection) -> None:
    """Create the search objects for this database (used by migration 0003)."""
    statements = POSTGRES_DDL if conn.dialect.name == "postgresql" else SQLITE_DDL
    if conn.dialect.name not in ("postgresql", "sqlite"):
        return
    for statement in statements:
        conn.execute(sql_text(statement))


def drop_search(conn: Connection) -> None:
    statements = POSTGRES_DROP if conn.dialect.name == "postgresql" else SQLITE_DROP
    if conn.dialect.name not in ("postgresql", "sqlite"):
        return
    for statement in statements:
        conn.execute(sql_text(statement))
