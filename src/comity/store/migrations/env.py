"""Alembic environment: migrations run on the engine handed over by comity.store.db."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from comity.store.search import include_name
from comity.store.tables import metadata

engine = context.config.attributes.get("engine")
if not isinstance(engine, Engine):
    raise RuntimeError("run migrations through comity.store.db.migrate(engine)")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_name=include_name,  # autogenerate must not drop the search objects
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
