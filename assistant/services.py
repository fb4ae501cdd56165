"""The one place where collaborators are built from settings and handed to jobs (wiring)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from assistant.config import Settings, get_settings
from assistant.db import migrate
from assistant.db.models import Manager
from assistant.db.repositories import ManagerRepository, Repositories
from assistant.db.session import make_engine, make_session_factory, session_scope
from assistant.errors import CoachError, NotFoundError

if TYPE_CHECKING:  # heavy modules (Chroma, LangChain) load only when first used
    from assistant.knowledge.documents import NoteDocument
    from assistant.knowledge.index import KnowledgeIndex
    from assistant.knowledge.retriever import Retriever
    from assistant.llm import LLMClient

logger = logging.getLogger(__name__)


@dataclass
class Services:
    """Long-lived collaborators for one process (CLI run or Streamlit server)."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    _migrated: bool = field(default=False, repr=False)
    _index: KnowledgeIndex | None = field(default=None, repr=False)
    _index_failed: str | None = field(default=None, repr=False)
    _synced_notes: set[int] = field(default_factory=set, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def from_settings(
        cls, settings: Settings | None = None, *, migrate_db: bool = True
    ) -> Services:
        from assistant.config.saved import effective_settings

        # Choices saved on the Settings page apply to the CLI as well as the app.
        settings = effective_settings(settings or get_settings())
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
        return True

    def forget_notes(self, manager_id: int) -> None:
        """Remove a manager's notes from the index (no-op if no index was ever written)."""
        index = self._index
        if index is None:
            if not self.settings.chroma_host and not self.settings.resolved_chroma_path.exists():
                return
            try:
                from assistant.knowledge.index import KnowledgeIndex

                index = KnowledgeIndex.from_settings(self.settings)
            except (CoachError, OSError, ValueError) as exc:
                logger.warning("could not open the index to remove notes: %s", exc)
                return
        with self._lock:
            index.sync_notes(manager_id, [])
            self._synced_notes.discard(manager_id)

    # -- drafting collaborators -----------------------------------------------------------------

    def llm(self) -> LLMClient | None:
        """The configured model client, or None: the built-in engine drafts alone."""
        from assistant.llm import LLMClient

        return LLMClient.from_settings(self.settings)

    def index(self) -> KnowledgeIndex | None:
        """The knowledge index, opened once (guidance synced); None if it cannot be opened."""
        with self._lock:
            if self._index is None and self._index_failed is None:
                try:
                    from assistant.knowledge.index import KnowledgeIndex

                    index = KnowledgeIndex.from_settings(self.settings)
                    index.sync_guidance()
                    self._index = index
                except (CoachError, OSError, ValueError) as exc:
                    # Drafts still work without retrieval; the UI says search is unavailable.
                    self._index_failed = str(exc)
                    logger.warning("knowledge index unavailable: %s", exc)
            return self._index

    @property
    def index_problem(self) -> str | None:
        return self._index_failed

    def retriever(self, manager_id: int) -> Retriever | None:
        """Hybrid search over the guidance and this manager's notes (synced on first use)."""
        index = self.index()
        if index is None:
            return None
        from assistant.knowledge.retriever import Retriever

        if manager_id not in self._synced_notes:
            self.reindex_notes(manager_id)
        return Retriever(index, manager_id)

    def note_documents(self, manager_id: int) -> list[NoteDocument]:
        """Every meeting's shareable notes of one manager, as the index takes them."""
        from assistant.knowledge.documents import NoteDocument

        with self.repos(manager_id) as repos:
            return [
                NoteDocument(
                    manager_id=manager_id,
                    report_id=r.report_id,
                    meeting_id=r.meeting_id,
                    meeting_date=r.meeting_date,
                    report_name=r.report_name,
                    text=r.text,
                )
                for r in repos.meetings.notes_for_indexing()
            ]

    def reindex_notes(self, manager_id: int) -> None:
        """Bring this manager's notes in the index up to date (incremental by content hash)."""
        index = self.index()
        if index is None:
            return
        docs = self.note_documents(manager_id)
        with self._lock:
            index.sync_notes(manager_id, docs)
            self._synced_notes.add(manager_id)
