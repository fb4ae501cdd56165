"""Process-wide services and the per-session choice of whose team is shown.

`get_services()` is built once per server process (cleared when Settings change). The LLM
client and the search index come from `Services` (`svc.llm()`, `svc.index()`,
`svc.retriever(manager_id)`, `svc.reindex_notes(manager_id)`). Index work runs in a background
thread so a page never blocks on embeddings unless it needs search results now.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from typing import TYPE_CHECKING

import streamlit as st

from assistant.config import get_settings
from assistant.config.saved import effective_settings
from assistant.db.models import Manager
from assistant.errors import CoachError, NotFoundError
from assistant.services import Services

if TYPE_CHECKING:
    from assistant.knowledge.index import KnowledgeIndex
    from assistant.knowledge.retriever import Retriever
    from assistant.llm import LLMClient

logger = logging.getLogger(__name__)

MANAGER_KEY = "manager_id"


@st.cache_resource(show_spinner=False)
def get_services() -> Services:
    """Built once per server process: settings (env + Settings page), migrated database."""
    return Services.from_settings(effective_settings(get_settings()))


def reset_services() -> None:
    """Forget every cached collaborator so the next run rebuilds them from new settings."""
    st.cache_resource.clear()


# -- LLM ---------------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _llm_state() -> tuple[LLMClient | None, str | None]:
    try:
        return get_services().llm(), None
    except CoachError as exc:
        return None, str(exc)


def get_llm() -> LLMClient | None:
    """The configured LLM client, or None for the built-in engine (also when misconfigured)."""
    client, _ = _llm_state()
    return client


def llm_problem() -> str | None:
    """Why the configured LLM cannot be used (shown once on pages that draft), if it cannot."""
    _, problem = _llm_state()
    return problem


# -- retrieval ---------------------------------------------------------------------------------


class _Indexer:
    """Keeps the knowledge index warm in one background thread, so no page waits for
    embeddings unless it has to (the first guidance + notes sync takes up to a minute).
    """

    def __init__(self, svc: Services) -> None:
        self.svc = svc
        self.index: KnowledgeIndex | None = None
        self.error: str | None = None
        self.ready = threading.Event()
        self._tasks: queue.Queue[int] = queue.Queue()
        self._synced: dict[int, threading.Event] = {}
        threading.Thread(target=self._run, name="coach-indexer", daemon=True).start()

    def request_notes(self, manager_id: int, *, again: bool = False) -> threading.Event:
        """Queue a notes sync; the event is set once this manager's notes were synced once."""
        done = self._synced.get(manager_id)
        if done is None:
            done = self._synced[manager_id] = threading.Event()
            self._tasks.put(manager_id)
        elif again:
            self._tasks.put(manager_id)
        return done

    def _open(self) -> KnowledgeIndex | None:
        index = self.svc.index()
        if index is None:
            self.error = self.svc.index_problem or "index unavailable"
        return index

    def _run(self) -> None:
        try:
            self.index = self._open()
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
                self.svc.reindex_notes(manager_id)
            except Exception as exc:
                logger.warning("Indexing notes of manager %s failed: %s", manager_id, exc)
            finally:
                self._synced[manager_id].set()


@st.cache_resource(show_spinner=False)
def _indexer() -> _Indexer:
    return _Indexer(get_services())


def get_retriever(manager_id: int, *, wait: float = 0.0) -> Retriever | None:
    """A retriever over guidance + this manager's notes; None when the index is unavailable or
    not built within `wait` seconds (it keeps building in the background)."""
    try:
        indexer = _indexer()
        notes_synced = indexer.request_notes(manager_id)
        started = time.monotonic()
        if not indexer.ready.wait(wait) or indexer.index is None:
            return None
        notes_synced.wait(max(0.0, wait - (time.monotonic() - started)))
        return get_services().retriever(manager_id)
    except Exception as exc:  # search is optional everywhere it is used
        logger.warning("Retriever unavailable: %s", exc)
        return None


def index_problem() -> str | None:
    """Why search cannot work, once the index failed to open; None while building or fine."""
    indexer = _indexer()
    return indexer.error if indexer.ready.is_set() else None


def reindex_notes(manager_id: int) -> None:
    """Make new or changed notes searchable, in the background (the notes are in the DB)."""
    try:
        _indexer().request_notes(manager_id, again=True)
    except Exception as exc:
        logger.warning("Re-indexing notes failed: %s", exc)


# -- whose team --------------------------------------------------------------------------------


def current_manager() -> Manager | None:
    """The manager picked in the sidebar, else the default (first real manager, else demo)."""
    svc = get_services()
    managers = {m.id: m for m in svc.managers()}
    chosen = st.session_state.get(MANAGER_KEY)
    if chosen in managers:
        return managers[chosen]
    try:
        manager = svc.resolve_manager()
    except NotFoundError:
        return None
    st.session_state[MANAGER_KEY] = manager.id
    return manager


def require_manager() -> Manager:
    """Guard for pages that need a team: explains what to do and stops the page otherwise."""
    manager = current_manager()
    if manager is None:
        from ui.welcome import welcome

        welcome()
        st.stop()
    return manager
