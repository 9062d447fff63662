from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine

from comity.store import migrate
from comity.store.db import is_migrated
from comity.store.search import include_name
from comity.store.tables import metadata


def test_migrations_produce_exactly_the_declared_schema(engine: Engine) -> None:
    with engine.connect() as conn:
        # The search objects (FTS5 table, trigram index) live outside the metadata on purpose.
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_migrating_twice_is_harmless(engine: Engine) -> None:
    migrate(engine)
    assert is_migrated(engine)
