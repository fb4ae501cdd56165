"""Engine and session factory. SQLite gets foreign keys and WAL; PostgreSQL needs nothing extra."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from assistant.errors import ConflictError

logger = logging.getLogger(__name__)
CONFLICT_MESSAGE = (
    "That clashes with something already saved (for example a second 1:1 with the same person "
    "that day); nothing was changed. Reload and try again."
)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Cascading deletes (demo removal, report deletion) rely on enforced foreign keys.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str, *, null_pool: bool = False) -> Engine:
    """Create an engine; for a SQLite file, its folder is created first."""
    parsed = make_url(url)
    extra: dict[str, Any] = {"poolclass": NullPool} if null_pool else {}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False}, **extra)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **extra)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    session = factory()
    try:
        yield session
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise ConflictError(CONFLICT_MESSAGE) from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def describe_database(url: str) -> tuple[str, str]:
    """What to show a person: ("SQLite file", its path) or ("Postgresql", URL, no password)."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return "SQLite file", parsed.database or ""
    return backend.capitalize(), parsed.render_as_string(hide_password=True)


T = TypeVar("T")
CONFLICT_ATTEMPTS = 4


def retry_on_conflict(unit: Callable[[], T], *, attempts: int = CONFLICT_ATTEMPTS) -> T:
    """Run a unit of work (which opens its own session) again when a concurrent one won a
    race: a unique constraint it just hit (two windows creating the same day's 1:1) or, on
    SQLite, a database still busy after the busy timeout. The last failure propagates."""
    for attempt in range(1, attempts + 1):
        try:
            return unit()
        except (IntegrityError, ConflictError):
            if attempt == attempts:
                raise
            logger.info("a concurrent write won the race (attempt %d); running again", attempt)
        except OperationalError as exc:
            if attempt == attempts or "locked" not in str(exc.orig).lower():
                raise
            logger.info("the database was busy (attempt %d); running again", attempt)
        time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")


def compact_database(engine: Engine) -> None:
    """Rewrite the database so deleted rows leave no copy in its files.

    SQLite: VACUUM (deleted rows stay in free pages otherwise) and truncate the WAL (it holds
    the pages as they were). PostgreSQL: VACUUM FULL rewrites every table; the server's own WAL
    and backups are the database administrator's to manage.
    """
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("VACUUM")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        elif conn.dialect.name == "postgresql":
            conn.exec_driver_sql("VACUUM FULL")
