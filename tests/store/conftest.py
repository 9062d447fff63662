from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from comity.store import CommentRepository, make_engine, migrate
from comity.store.tables import metadata
from tests.pg import temporary_database


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with temporary_database() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """A migrated, empty database of each supported kind."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'comity.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = make_engine(url)
    migrate(engine)
    yield engine
    if request.param == "postgres":
        with engine.begin() as conn:
            for table in reversed(metadata.sorted_tables):
                conn.execute(table.delete())
    engine.dispose()


@pytest.fixture
def repo(engine: Engine) -> CommentRepository:
    return CommentRepository(engine)
