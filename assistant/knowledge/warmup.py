"""Keeps the knowledge index warm in one background thread, for long-lived processes (the app).

The first guidance + notes sync can take a minute on a small CPU, so the app never blocks a
page on it: drafts are made without retrieval until the index is ready, and new notes are
queued for indexing. The CLI does the same work in the foreground instead.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.knowledge.index import KnowledgeIndex

logger = logging.getLogger(__name__)


class IndexWarmer:
    """Opens the index once, then syncs each manager's notes when asked, in one thread."""

    def __init__(
        self,
        open_index: Callable[[], KnowledgeIndex | None],
        sync_notes: Callable[[int], None],
        *,
        warm: Callable[[KnowledgeIndex], None] | None = None,
    ) -> None:
        self._open_index = open_index
        self._sync_notes = sync_notes
        self._warm = warm
        self.index: KnowledgeIndex | None = None
        self.error: str | None = None
        self.ready = threading.Event()
        self._tasks: queue.Queue[int] = queue.Queue()
        self._synced: dict[int, threading.Event] = {}
        self._lock = threading.Lock()
        threading.Thread(target=self._run, name="coach-indexer", daemon=True).start()

    def request_notes(self, manager_id: int, *, again: bool = False) -> threading.Event:
        """Queue a notes sync; the event is set once this manager's notes were synced once."""
        with self._lock:
            done = self._synced.get(manager_id)
            if done is None:
                done = self._synced[manager_id] = threading.Event()
                self._tasks.put(manager_id)
            elif again:
                self._tasks.put(manager_id)
        return done

    def _run(self) -> None:
        try:
            self.index = self._open_index()
            if self.index is None:
                self.error = "index unavailable"
            elif self._warm is not None:
                try:
                    self._warm(self.index)  # e.g. load the embedding model before any query
                except Exception as exc:  # only a head start: the first query will retry
                    logger.warning("Warming the knowledge index failed: %s", exc)
        except Exception as exc:  # the index is optional: search says it is unavailable
            logger.warning("Knowledge index unavailable: %s", exc)
            self.error = str(exc)
        finally:
            self.ready.set()
        if self.index is None:
            return
        while True:
            manager_id = self._tasks.get()
            try:
                self._sync_notes(manager_id)
            except Exception as exc:  # one manager's failure must not stop the others
                logger.warning("Indexing notes of manager %s failed: %s", manager_id, exc)
            finally:
                self._synced[manager_id].set()
