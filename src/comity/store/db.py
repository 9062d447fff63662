"""Engine creation and schema migration for SQLite (default) and PostgreSQL."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import JSON, Connection, Engine, Table, create_engine, event, insert, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.sql.schema import ScalarElementColumnDefault

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine with the pragmas SQLite needs for one writer and many readers."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def alembic_config(engine: Engine) -> Config:
    """An Alembic config that runs the packaged migrations on `engine`."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (safe to call on every start)."""
    command.upgrade(alembic_config(engine), "head")


def is_migrated(engine: Engine) -> bool:
    """Whether the database has been created by Comity's migrations."""
    return "alembic_version" in inspect(engine).get_table_names()


def ping(engine: Engine) -> bool:
    """Whether the database answers a trivial query (for health checks)."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception:  # any driver error means "not reachable" to a health check
        return False
    return True


def bulk_insert(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert many rows: COPY on PostgreSQL, batched multi-row INSERTs elsewhere.

    psycopg re-parses every long multi-row INSERT in Python (about 10 ms per page of rows), so
    on PostgreSQL COPY is ~10x faster. Elsewhere RETURNING switches SQLAlchemy to its
    "insertmanyvalues" mode: pages of rows per statement from one cached template.
    """
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        _copy_rows(conn, table, rows)
        return
    first_column = next(iter(table.primary_key.columns))
    conn.execute(insert(table).returning(first_column), list(rows)).close()


def _copy_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    from psycopg.types.json import Json  # only PostgreSQL deployments need psycopg

    names = list(rows[0])
    defaults = {
        column.name: column.default.arg
        for column in table.columns
        if column.name not in rows[0] and isinstance(column.default, ScalarElementColumnDefault)
    }
    names += list(defaults)
    json_columns = {name for name in names if isinstance(table.c[name].type, JSON)}
    column_list = ", ".join(f'"{name}"' for name in names)
    raw = conn.connection.driver_connection
    assert raw is not None, "a live connection has a driver connection"
    with raw.cursor() as cursor:
        with cursor.copy(f'COPY "{table.name}" ({column_list}) FROM STDIN') as copy:
            for row in rows:
                values = {**defaults, **row}
                copy.write_row(
                    [Json(values[name]) if name in json_columns else values[name] for name in names]
                )
