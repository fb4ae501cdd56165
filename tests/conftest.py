"""Shared fixtures: real SQLite files and a real PostgreSQL server, each test on its own database.

Each backend is migrated once per session into a template; every test then gets a fresh copy
(a file copy for SQLite, `CREATE DATABASE ... TEMPLATE` for PostgreSQL), so tests exercise the
same commit/rollback paths as the app and cannot see each other's rows.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from assistant.config import Settings, get_settings
from assistant.db import migrate
from assistant.llm.client import LLMClient
from assistant.llm.failures import Backoff
from assistant.llm.guard import set_remote_calls_blocked
from assistant.services import Services
from tests.support.cli import Coach
from tests.support.fake_openai import FakeOpenAIServer, llm_settings_for
from tests.support.postgres import running_postgres

BACKENDS = ["sqlite", "postgres"]
FAST_BACKOFF = Backoff(initial=0.001, factor=2.0, maximum=0.01, jitter=0.0)
_counter = itertools.count()


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No COACH_* variable or cached settings from the developer's shell leaks into a test."""
    for name in list(os.environ):
        if name.startswith("COACH_"):
            monkeypatch.delenv(name)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def make_settings(data_dir: Path, database_url: str | None = None, **extra: object) -> Settings:
    return Settings(_env_file=None, data_dir=data_dir, database_url=database_url, **extra)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    migrate.upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str | None]:
    """A superuser URL, from COACH_TEST_DATABASE_URL or a server we start; None if impossible."""
    given = os.environ.get("COACH_TEST_DATABASE_URL")
    if given:
        yield given
        return
    try:
        with running_postgres() as url:
            yield url
    except Exception as exc:
        if os.environ.get("CI"):
            raise RuntimeError(f"CI must be able to start PostgreSQL: {exc}") from exc
        yield None


@pytest.fixture(scope="session")
def postgres_template(postgres_url: str | None) -> str | None:
    if postgres_url is None:
        return None
    _admin(postgres_url, "DROP DATABASE IF EXISTS coach_template")
    _admin(postgres_url, "CREATE DATABASE coach_template")
    migrate.upgrade(_with_db(postgres_url, "coach_template"))
    return "coach_template"


def _admin(url: str, statement: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(statement))
    finally:
        engine.dispose()


def _with_db(url: str, database: str) -> str:
    return make_url(url).set(database=database).render_as_string(hide_password=False)


@pytest.fixture(params=BACKENDS)
def db_url(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    sqlite_template: Path,
    postgres_url: str | None,
) -> Iterator[str]:
    """A fresh, migrated database URL on each backend (PostgreSQL skips only without a server)."""
    if request.param == "sqlite":
        target = tmp_path / "coach.db"
        shutil.copyfile(sqlite_template, target)
        yield f"sqlite:///{target}"
        return
    template = request.getfixturevalue("postgres_template")
    if postgres_url is None or template is None:
        pytest.skip("no PostgreSQL server could be started on this machine")
    name = f"coach_test_{os.getpid()}_{next(_counter)}"
    _admin(postgres_url, f"CREATE DATABASE {name} TEMPLATE {template}")
    try:
        yield _with_db(postgres_url, name)
    finally:
        _admin(postgres_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def services(db_url: str, tmp_path: Path) -> Iterator[Services]:
    """Services over a fresh database, on SQLite and on PostgreSQL."""
    svc = Services.from_settings(make_settings(tmp_path, db_url))
    yield svc
    svc.engine.dispose()


@pytest.fixture
def sqlite_services(tmp_path: Path, sqlite_template: Path) -> Iterator[Services]:
    """Services over a fresh SQLite file, for tests that need only one backend."""
    target = tmp_path / "coach.db"
    shutil.copyfile(sqlite_template, target)
    svc = Services.from_settings(make_settings(tmp_path, f"sqlite:///{target}"))
    yield svc
    svc.engine.dispose()


# --- LLM: a real local OpenAI-compatible HTTP server (tests/support/fake_openai.py) ---------


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
def llm_settings(fake_openai: FakeOpenAIServer) -> Settings:
    """openai_compatible at the fake server, model gpt-4o-mini, 0.5 s timeout, 2 retries."""
    settings: Settings = llm_settings_for(fake_openai)
    return settings


@pytest.fixture
def sleeps() -> list[float]:
    """Backoff delays requested by the code under test (recorded instead of slept)."""
    return []


@pytest.fixture
def llm_client(llm_settings: Settings, sleeps: list[float]) -> LLMClient:
    """A client for the fake server: 2 retries, 0.5 s timeout, tiny recorded backoff."""
    client = LLMClient.from_settings(llm_settings, backoff=FAST_BACKOFF, sleep=sleeps.append)
    assert client is not None
    return client


@pytest.fixture(autouse=True)
def _guard_auto_mode() -> Iterator[None]:
    """Leave the remote-call guard's module switch as found, even if a test flips it."""
    yield
    set_remote_calls_blocked(None)


@pytest.fixture
def coach(tmp_path: Path) -> Coach:
    """The real `coach` CLI in a subprocess, with its own data dir."""
    return Coach(tmp_path)


@pytest.fixture
def fresh_postgres_url(postgres_url: str | None, postgres_template: str | None) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database (skips without a server), for tests that need a
    second database beside `db_url`."""
    if postgres_url is None or postgres_template is None:
        pytest.skip("no PostgreSQL server could be started on this machine")
    name = f"coach_extra_{os.getpid()}_{next(_counter)}"
    _admin(postgres_url, f"CREATE DATABASE {name} TEMPLATE {postgres_template}")
    try:
        yield _with_db(postgres_url, name)
    finally:
        _admin(postgres_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
