"""Migrations create the whole schema from empty and remove it again, on both backends."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from assistant.db import migrate
from assistant.db.models import Base
from tests.conftest import _admin, _with_db

EXPECTED_TABLES = {table.name for table in Base.metadata.sorted_tables}


@pytest.fixture(params=["sqlite", "postgres"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path, postgres_url: str | None):  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    if postgres_url is None:
        pytest.skip("no PostgreSQL server could be started on this machine")
    name = f"coach_empty_{os.getpid()}"
    _admin(postgres_url, f"DROP DATABASE IF EXISTS {name}")
    _admin(postgres_url, f"CREATE DATABASE {name}")
    yield _with_db(postgres_url, name)
    _admin(postgres_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_upgrade_from_empty_creates_every_model_table(empty_url: str) -> None:
    migrate.upgrade(empty_url)
    assert _tables(empty_url) == EXPECTED_TABLES


def test_downgrade_to_base_removes_every_table(empty_url: str) -> None:
    migrate.upgrade(empty_url)
    migrate.downgrade(empty_url, "base")
    assert _tables(empty_url) == set()


def test_upgrade_twice_is_a_no_op(empty_url: str) -> None:
    migrate.upgrade(empty_url)
    migrate.upgrade(empty_url)
    assert _tables(empty_url) == EXPECTED_TABLES


def test_models_match_the_migrations(empty_url: str) -> None:
    """Autogenerate finds nothing to do: no model change without a migration."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    migrate.upgrade(empty_url)
    engine = create_engine(empty_url)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        engine.dispose()
    assert diff == []
