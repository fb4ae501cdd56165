"""Process-wide services and the per-session choice of whose team is shown.

`get_services()` is built once per server process (cleared when Settings change). Pages call
the job services on it (`svc.recap`, `svc.agenda`, `svc.feedback`, `svc.team`). The search
index is built in a background thread (`Services(background_index=True)`), so a page never
blocks on embeddings unless it needs search results now.
"""

from __future__ import annotations

import logging

import streamlit as st

from assistant.db.models import Manager
from assistant.errors import NotFoundError
from assistant.services import Services

logger = logging.getLogger(__name__)

MANAGER_KEY = "manager_id"


@st.cache_resource(show_spinner=False)
def get_services() -> Services:
    """Built once per server process: settings (env + Settings page), migrated database."""
    return Services.from_settings(background_index=True)


def reset_services() -> None:
    """Forget every cached collaborator so the next run rebuilds them from new settings."""
    from assistant.config import get_settings

    get_settings.cache_clear()
    st.cache_resource.clear()


# -- whose team --------------------------------------------------------------------------------


def current_manager() -> Manager | None:
    """The manager picked in the sidebar, else the default (first real manager, else demo).

    Team mode: the signed-in manager, from `st.user` only (ui/identity.py); nobody else's
    team, whatever the session or the URL say."""
    svc = get_services()
    if svc.settings.team_mode:
        return _signed_in_manager(svc)
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


def _signed_in_manager(svc: Services) -> Manager | None:
    from ui.identity import current_access

    access = current_access()
    if access is None or access.manager is None:
        return None
    wanted = access.manager.manager_id
    return next((m for m in svc.managers() if m.id == wanted and not m.is_demo), None)


def require_manager() -> Manager:
    """Guard for pages that need a team: explains what to do and stops the page otherwise."""
    manager = current_manager()
    if manager is None and get_services().settings.team_mode:
        st.info("This page is for managers.", icon=":material/lock:")
        st.stop()
    if manager is None:
        from ui.welcome import welcome

        welcome()
        st.stop()
    return manager
