"""Shared fixtures: a fresh database per test; override `database_url` to change the backend."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy import Engine
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette 1.x prefers httpx2 for its test client; httpx still works. Drop this
    # filter once httpx2 is a dev dependency.
    warnings.filterwarnings(
        "ignore",
        message="Using `httpx` with `starlette.testclient` is deprecated",
        category=StarletteDeprecationWarning,
    )
    from fastapi.testclient import TestClient

from comity.domain import Stage
from comity.runtime.services import Services
from comity.settings import Settings
from comity.store import make_engine, migrate
from comity.store.tables import metadata
from comity.web import create_app
from tests.pg import temporary_database


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """SQLite in the test's own directory."""
    return f"sqlite:///{(tmp_path / 'comity.db').as_posix()}"


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        database_url=database_url,
        secret_key="test-session-key-" + "x" * 32,
    )


@pytest.fixture
def pipeline_stages() -> list[Stage] | None:
    """No stages by default, so the background pipeline never races a test's own triage.

    Override (e.g. return None for the real `build_stages`) where a test needs the pipeline.
    """
    return []


@pytest.fixture
def services(settings: Settings, pipeline_stages: list[Stage] | None) -> Iterator[Services]:
    """Migrated database and repositories, closed after the test."""
    built = Services.from_settings(settings, stages=pipeline_stages)
    yield built
    built.close()


@pytest.fixture
def app(settings: Settings, services: Services) -> FastAPI:
    return create_app(settings, services)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """Runs the lifespan (background pipeline) for the duration of the test."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """One throwaway PostgreSQL database for the run (mandatory when CI=true)."""
    with temporary_database() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """A migrated, empty database of each supported kind (tests using it run on both)."""
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
