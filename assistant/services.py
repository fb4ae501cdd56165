"""The one place where collaborators are built from settings and handed to jobs (wiring)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from assistant.config import Settings, get_settings
from assistant.db import migrate
from assistant.db.models import Manager
from assistant.db.repositories import ManagerRepository, Repositories
from assistant.db.session import make_engine, make_session_factory, session_scope
from assistant.errors import NotFoundError


@dataclass
class Services:
    """Long-lived collaborators for one process (CLI run or Streamlit server)."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    _migrated: bool = field(default=False, repr=False)

    @classmethod
    def from_settings(
        cls, settings: Settings | None = None, *, migrate_db: bool = True
    ) -> Services:
        settings = settings or get_settings()
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        url = settings.resolved_database_url
        engine = make_engine(url)
        services = cls(settings=settings, engine=engine, sessions=make_session_factory(engine))
        if migrate_db:
            services.migrate()
        return services

    def migrate(self) -> None:
        if not self._migrated:
            migrate.upgrade(self.settings.resolved_database_url)
            self._migrated = True

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.sessions) as session:
            yield session

    @contextmanager
    def repos(self, manager_id: int) -> Iterator[Repositories]:
        with self.session() as session:
            yield Repositories(session, manager_id)

    def managers(self) -> list[Manager]:
        with self.session() as session:
            return ManagerRepository(session).all()

    def resolve_manager(self, name: str | None = None) -> Manager:
        """The manager whose team we show: by name, else settings, else first real, else demo."""
        wanted = name or self.settings.manager_name
        with self.session() as session:
            repo = ManagerRepository(session)
            if wanted:
                found = repo.find_by_name(wanted)
                if found is None:
                    raise NotFoundError(
                        f"No manager called '{wanted}'. Create it: coach init --manager NAME"
                    )
                return found
            managers = repo.all()  # real managers sort before the demo one
            if not managers:
                raise NotFoundError(
                    "No team yet: run `coach demo` for a demo team or add your first report."
                )
            return managers[0]
