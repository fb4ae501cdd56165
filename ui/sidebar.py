"""Sidebar: whose team is shown, which engine drafts, removing the demo team; in team mode,
who is signed in and signing out."""

from __future__ import annotations

import streamlit as st

from ui.components import engine_label, escape_inline
from ui.state import MANAGER_KEY, current_manager, get_services


def render_sidebar() -> None:
    svc = get_services()
    if svc.settings.team_mode:
        _team_sidebar()
        return
    with st.sidebar:
        managers = svc.managers()
        manager = current_manager()
        if len(managers) > 1:
            labels = {m.id: m.name + (" (demo)" if m.is_demo else "") for m in managers}
            ids = list(labels)
            picked = st.selectbox(
                "Team of",
                ids,
                index=ids.index(manager.id) if manager else 0,
                format_func=labels.__getitem__,
                key="sidebar_manager",
            )
            if picked != st.session_state.get(MANAGER_KEY):
                st.session_state[MANAGER_KEY] = picked
                st.rerun()
        if manager is not None:
            _engine_status()
            if manager.is_demo:
                st.caption("Demo data: fictional team.")
                if st.button("Remove demo team", key="remove_demo", icon=":material/delete:"):
                    svc.remove_demo_team()
                    st.session_state.pop(MANAGER_KEY, None)
                    st.toast("Demo team removed.")
                    st.rerun()


def _team_sidebar() -> None:
    """Team mode: who is signed in and as what, and signing out. No switching teams and no
    demo team: a manager sees their own team only."""
    from ui.identity import current_access, sign_out_button

    access = current_access()
    if access is None:
        return
    with st.sidebar:
        roles = " and ".join(access.roles) or "not on a team yet"
        st.caption(
            f":material/account_circle: Signed in as **{escape_inline(access.identity.display)}**"
            f" ({escape_inline(access.identity.email or 'no address')}) · {roles}"
        )
        if access.manager is not None:
            _engine_status()
        sign_out_button("sidebar_sign_out")


def _engine_status() -> None:
    svc = get_services()
    llm = svc.llm()
    if llm is None:
        st.caption(
            ":material/lock: Drafts by the **built-in engine**; nothing leaves this machine."
        )
    else:
        host = svc.settings.llm.destination_host or "the configured server"
        where = " (this machine)" if svc.settings.llm.destination_is_local else ""
        st.caption(
            f":material/auto_awesome: Drafts refined by **{engine_label(llm.engine_label)}**; "
            f"text for drafts is sent to **{host}**{where}"
            + (", names replaced." if svc.settings.redact else ", names included.")
        )
