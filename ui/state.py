"""Process-wide services and the per-session choice of whose team is shown."""

from __future__ import annotations

import streamlit as st

from assistant.db.models import Manager
from assistant.errors import NotFoundError
from assistant.services import Services

MANAGER_KEY = "manager_id"


@st.cache_resource(show_spinner=False)
def get_services() -> Services:
    """Built once per server process: settings, database (migrated), later the index and LLM."""
    return Services.from_settings()


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
        st.info(
            "No team yet. Load the demo team or add your first report from the sidebar "
            "to get started."
        )
        st.stop()
    return manager
