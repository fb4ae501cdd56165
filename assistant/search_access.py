"""The search index side of `Services`: opening the knowledge index once (in the background
in the app), keeping each manager's notes in it current, and removing them without a copy left.

A mixin so `svc.index()`, `svc.retriever(...)` and the rest stay where callers find them;
`Services` (assistant/services.py) provides the settings, the lock and the repositories.
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from assistant.config import Settings
from assistant.errors import CoachError

if TYPE_CHECKING:
    from assistant.db.repositories import Repositories
    from assistant.knowledge.documents import NoteDocument
    from assistant.knowledge.index import KnowledgeIndex
    from assistant.knowledge.retriever import Retriever
    from assistant.knowledge.warmup import IndexWarmer

logger = logging.getLogger(__name__)

# How long a draft waits for an index that already exists (built by `coach index` or an earlier
# start): opening and checking it takes about a second, more on a busy machine.
READY_WAIT_SECONDS = 20.0
# How long it then waits for this manager's notes to be checked; new notes are embedded in the
# background meanwhile, and the draft uses the guidance and the notes indexed so far.
NOTES_WAIT_SECONDS = 5.0


class SearchIndexAccess:
    """Index methods of `Services`; the attributes below are `Services` dataclass fields."""

    settings: Settings
    background_index: bool
    _index: KnowledgeIndex | None
    _index_failed: str | None
    _synced_notes: set[int]
    _lock: threading.Lock
    _warmer: IndexWarmer | None
    _first_build: bool

    def repos(self, manager_id: int) -> AbstractContextManager[Repositories]:
        raise NotImplementedError  # provided by Services

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
        """Why search cannot work, once the index failed to open; None while building or fine."""
        warmer = self._warmer
        if warmer is not None:
            return (self._index_failed or warmer.error) if warmer.ready.is_set() else None
        return self._index_failed

    def index_on_disk(self) -> bool:
        """True when the search index was built before (so opening it is quick). A Chroma
        server is assumed built: it is checked when opened, which fails fast if it is down."""
        if self.settings.chroma_host:
            return True
        from assistant.knowledge.index import keyword_path_for

        chroma = self.settings.resolved_chroma_path
        return (chroma / "chroma.sqlite3").is_file() and keyword_path_for(self.settings).is_file()

    def _index_warmer(self) -> IndexWarmer:
        started = self._warmer
        if started is not None:
            # No lock: the warmer's thread holds it while it opens the index or embeds notes.
            return started
        with self._lock:
            if self._warmer is None:
                from assistant.knowledge.warmup import IndexWarmer

                # Checked before opening: opening creates the files of a new index.
                self._first_build = not self.index_on_disk()
                self._warmer = IndexWarmer(self.index, self._sync_notes, warm=_load_model)
            return self._warmer

    def retriever(self, manager_id: int, *, wait: float | None = None) -> Retriever | None:
        """Hybrid search over the guidance and this manager's notes, or None if unavailable.

        With `background_index`, waits at most `wait` seconds for the index (None meanwhile);
        by default briefly when it was built before and not at all when it is being built for
        the first time. Otherwise opens it and syncs this manager's notes on first use.
        """
        if self.background_index:
            warmer = self._index_warmer()
            if wait is None:
                wait = 0.0 if self._first_build else READY_WAIT_SECONDS
            notes_synced = warmer.request_notes(manager_id)
            started = time.monotonic()
            warmed = warmer.index if warmer.ready.wait(wait) else None
            if warmed is None:
                return None
            left = max(0.0, wait - (time.monotonic() - started))
            notes_synced.wait(left if wait > READY_WAIT_SECONDS else min(left, NOTES_WAIT_SECONDS))
            index = warmed
        else:
            opened = self.index()
            if opened is None:
                return None
            if manager_id not in self._synced_notes:
                self._sync_notes(manager_id)
            index = opened
        from assistant.knowledge.retriever import Retriever

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
        """Make new or changed notes searchable (queued in the background in the app)."""
        if self.background_index:
            self._index_warmer().request_notes(manager_id, again=True)
        else:
            self._sync_notes(manager_id)

    def _sync_notes(self, manager_id: int) -> None:
        """Bring this manager's notes in the index up to date (incremental by content hash)."""
        index = self.index()
        if index is None:
            return
        docs = self.note_documents(manager_id)
        with self._lock:
            index.sync_notes(manager_id, docs)
            self._synced_notes.add(manager_id)

    @property
    def index_building(self) -> bool:
        """True while the background thread is still opening (or first building) the index."""
        warmer = self._warmer
        return warmer is not None and not warmer.ready.is_set()

    def index_may_hold_notes(self) -> bool:
        """False only when no index was ever written here (nothing to clean)."""
        return bool(self.settings.chroma_host) or self.settings.resolved_chroma_path.exists()

    def purge_notes(self, manager_id: int) -> bool:
        """Make the index hold exactly the manager's current notes, with no copy of removed
        ones left in its files. False when the index could not be opened to do it."""
        index = self.index()
        if index is None:
            return not self.index_may_hold_notes()
        docs = self.note_documents(manager_id)
        with self._lock:
            index.sync_notes(manager_id, docs)  # current notes in, removed ones out...
            index.purge_notes(manager_id, docs)  # ...and no copy of those left in the files
            self._synced_notes.add(manager_id)
        return True

    def forget_notes(self, manager_id: int) -> None:
        """Remove a manager's notes from the index, leaving no copy of their text
        (no-op if no index was ever written)."""
        index = self._index
        if index is None:
            if not self.index_may_hold_notes():
                return
            try:
                from assistant.knowledge.index import KnowledgeIndex

                index = KnowledgeIndex.from_settings(self.settings)
            except (CoachError, OSError, ValueError) as exc:
                logger.warning("could not open the index to remove notes: %s", exc)
                return
        with self._lock:
            index.purge_notes(manager_id, [])
            self._synced_notes.discard(manager_id)


def _load_model(index: KnowledgeIndex) -> None:
    """Load the embedding model once in the background, so the first query does not pay it."""
    index.embed(["warm-up"])
