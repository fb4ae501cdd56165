"""Run Alembic migrations programmatically (used by `coach init`, the app and the tests)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from assistant.errors import StorageError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # '%' must be escaped for ConfigParser interpolation (passwords may contain it).
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    try:
        command.upgrade(alembic_config(url), revision)
    except Exception as exc:  # surfaced once, with where we tried to write
        raise StorageError(f"Could not migrate the database at {_safe(url)}: {exc}") from exc


def downgrade(url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(url), revision)


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def current_revision(url: str) -> str:
    """The schema revision the database is at ("+"-joined if several heads)."""
    from alembic.migration import MigrationContext

    from assistant.db.session import make_engine

    engine = make_engine(url, null_pool=True)
    try:
        with engine.connect() as conn:
            heads = MigrationContext.configure(conn).get_current_heads()
    finally:
        engine.dispose()
    return "+".join(sorted(heads))
