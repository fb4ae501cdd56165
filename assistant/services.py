"""The one place where collaborators are built from settings and handed to jobs (wiring).

`Services` is built once per process (a CLI run or the Streamlit server). It owns the database,
the search index, the model client and each job's model adapter (`refiners`), and exposes one
service object per job (`svc.recap`, `svc.agenda`, `svc.feedback`, `svc.team`). The CLI and the
pages call those objects with the same arguments; neither wires collaborators itself.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from assistant.config import Settings, get_settings
from assistant.config.files import secure_data_dir
from assistant.db import migrate
from assistant.db.models import Manager
from assistant.db.repositories import ManagerRepository, Repositories
from assistant.db.session import (
    compact_database,
    describe_database,
    make_engine,
    make_session_factory,
    session_scope,
)
from assistant.errors import CoachError, NotFoundError
from assistant.search_access import SearchIndexAccess

if TYPE_CHECKING:  # heavy modules (Chroma, LangChain) load only when first used
    from assistant.access.report_side import ReportSideService
    from assistant.access.service import AccessService
    from assistant.access.sharing import SharingService
    from assistant.agenda.service import AgendaRefiner, AgendaService
    from assistant.data.service import DataService
    from assistant.feedback.llm import LLMFeedbackPolisher
    from assistant.feedback.service import FeedbackRefiner, FeedbackService
    from assistant.knowledge.index import KnowledgeIndex
    from assistant.knowledge.warmup import IndexWarmer
    from assistant.llm.client import LLMClient
    from assistant.recap.service import RecapRefiner, RecapService
    from assistant.team.service import TeamService

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobRefiners:
    """Each job's model adapter, built once; all None when no model is configured."""

    recap: RecapRefiner | None = None
    agenda: AgendaRefiner | None = None
    feedback: FeedbackRefiner | None = None
    polish: LLMFeedbackPolisher | None = None


def build_refiners(llm: LLMClient | None) -> JobRefiners:
    if llm is None:
        return JobRefiners()
    from assistant.agenda.llm import LLMAgendaRefiner
    from assistant.feedback.llm import LLMFeedbackPolisher, LLMFeedbackRefiner
    from assistant.recap.llm import LLMRecapRefiner

    return JobRefiners(
        recap=LLMRecapRefiner(llm),
        agenda=LLMAgendaRefiner(llm),
        feedback=LLMFeedbackRefiner(llm),
        polish=LLMFeedbackPolisher(llm),
    )


def _local_paths(settings: Settings) -> list[Path]:
    """Files of ours that may live outside the data folder (a SQLite file or Chroma folder
    configured elsewhere), to make private as well."""
    paths: list[Path] = []
    url = make_url(settings.resolved_database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        paths.append(Path(str(url.database)))
    chroma = settings.resolved_chroma_path
    if not settings.chroma_host:
        paths.append(chroma)
    paths.append(chroma.parent / f"{chroma.name}-keyword.sqlite3")  # knowledge/index.py
    return paths


@dataclass
class Services(SearchIndexAccess):
    """Long-lived collaborators for one process (CLI run or Streamlit server).

    `background_index`: open the search index in a background thread (the app), started at
    once when it was built before (`coach index`), so drafts wait for it only briefly; an index
    that was never built is built in the background and drafts never block on it. Without it,
    the index is opened and synced when first needed (the CLI).
    """

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    background_index: bool = False
    _migrated: bool = field(default=False, repr=False)
    _index: KnowledgeIndex | None = field(default=None, repr=False)
    _index_failed: str | None = field(default=None, repr=False)
    _synced_notes: set[int] = field(default_factory=set, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _warmer: IndexWarmer | None = field(default=None, repr=False)
    _first_build: bool = field(default=False, repr=False)

    @classmethod
    def from_settings(
        cls,
        settings: Settings | None = None,
        *,
        migrate_db: bool = True,
        background_index: bool = False,
    ) -> Services:
        # get_settings() already holds the Settings page's choices (settings.json).
        settings = settings or get_settings()
        # Private before anything is written: 0700 folder, 0600 files (config/files.py).
        secure_data_dir(settings.data_dir, *_local_paths(settings))
        engine = make_engine(settings.resolved_database_url)
        services = cls(
            settings=settings,
            engine=engine,
            sessions=make_session_factory(engine),
            background_index=background_index,
        )
        if migrate_db:
            services.migrate()
        if background_index and services.index_on_disk():
            services._index_warmer()  # warm it before the first page needs it
        return services

    def migrate(self) -> None:
        if not self._migrated:
            migrate.upgrade(self.settings.resolved_database_url)
            self._migrated = True

    def database_location(self) -> tuple[str, str]:
        """("SQLite file", path) or ("Postgresql", URL without the password), for Settings."""
        return describe_database(self.settings.resolved_database_url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.sessions) as session:
            yield session

    @contextmanager
    def repos(self, manager_id: int) -> Iterator[Repositories]:
        with self.session() as session:
            yield Repositories(session, manager_id)

    # -- the jobs --------------------------------------------------------------------------------

    @cached_property
    def recap(self) -> RecapService:
        from assistant.recap.service import RecapService

        return RecapService(self)

    @cached_property
    def agenda(self) -> AgendaService:
        from assistant.agenda.service import AgendaService

        return AgendaService(self)

    @cached_property
    def feedback(self) -> FeedbackService:
        from assistant.feedback.service import FeedbackService

        return FeedbackService(self)

    @cached_property
    def data(self) -> DataService:
        from assistant.data.service import DataService

        return DataService(self)

    @cached_property
    def team(self) -> TeamService:
        from assistant.team.service import TeamService

        return TeamService(self)

    # -- team mode: who signed in, the report's side, sharing -------------------------------------

    @cached_property
    def access(self) -> AccessService:
        from assistant.access.service import AccessService

        return AccessService(self)

    @cached_property
    def report_side(self) -> ReportSideService:
        from assistant.access.report_side import ReportSideService

        return ReportSideService(self)

    @cached_property
    def sharing(self) -> SharingService:
        from assistant.access.sharing import SharingService

        return SharingService(self)

    # -- managers ----------------------------------------------------------------------------------

    def managers(self) -> list[Manager]:
        with self.session() as session:
            return ManagerRepository(session).all()

    def people_names(self) -> list[str]:
        """Everyone the database names (all managers and reports): redaction hides them all,
        not only the people of the draft at hand."""
        try:
            with self.session() as session:
                return ManagerRepository(session).people_names()
        except SQLAlchemyError:  # no database yet (e.g. `coach recap` without --save)
            logger.info("no database to read names from; redacting the given names only")
            return []

    def has_database(self) -> bool:
        """True when the database exists and is migrated (checked without creating a file)."""
        url = make_url(self.settings.resolved_database_url)
        local = url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")
        if local and not Path(str(url.database)).expanduser().is_file():
            return False
        try:
            return inspect(self.engine).has_table("managers")
        except SQLAlchemyError:
            return False

    def find_manager(self, name: str) -> Manager | None:
        """The manager with this name (any case), or None."""
        with self.session() as session:
            return ManagerRepository(session).find_by_name(name)

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

    def remove_demo_team(self) -> bool:
        """Delete the demo team and its notes from the search index. False if there was none."""
        from assistant.demo.seed import remove_demo

        with self.session() as session:
            demo = ManagerRepository(session).demo()
            if demo is None:
                return False
            demo_id = demo.id
            remove_demo(session)
        self.forget_notes(demo_id)
        compact_database(self.engine)  # no copy of the demo notes left in the database file
        return True

    # -- the model ---------------------------------------------------------------------------------

    @cached_property
    def _llm_state(self) -> tuple[LLMClient | None, str | None]:
        from assistant.llm.client import LLMClient

        try:
            return LLMClient.from_settings(self.settings, known_people=self.people_names), None
        except CoachError as exc:  # misconfigured: drafts use the built-in engine, pages say why
            logger.warning("the configured model cannot be used: %s", exc)
            return None, str(exc)

    def llm(self) -> LLMClient | None:
        """The configured model client, or None: the built-in engine drafts alone."""
        return self._llm_state[0]

    @property
    def llm_problem(self) -> str | None:
        """Why the configured model cannot be used, if it cannot (shown on drafting pages)."""
        return self._llm_state[1]

    @cached_property
    def refiners(self) -> JobRefiners:
        return build_refiners(self.llm())
