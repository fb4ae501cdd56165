"""Sidebar: whose team is shown, getting started, and removing the demo team."""

from __future__ import annotations

import streamlit as st

from assistant.db.repositories import ManagerRepository, Repositories
from assistant.demo.seed import remove_demo, seed_demo
from assistant.errors import CoachError
from ui.state import MANAGER_KEY, current_manager, get_services


def render_sidebar() -> None:
    svc = get_services()
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
            st.session_state[MANAGER_KEY] = picked
        if manager is None:
            _getting_started()
        elif manager.is_demo:
            st.caption("Demo data: fictional team.")
            if st.button("Remove demo team", key="remove_demo", icon=":material/delete:"):
                with svc.session() as session:
                    remove_demo(session)
                st.session_state.pop(MANAGER_KEY, None)
                st.toast("Demo team removed.")
                st.rerun()


def _getting_started() -> None:
    svc = get_services()
    st.subheader("Get started")
    with st.form("create_team", border=False):
        name = st.text_input("Your name", key="new_manager_name")
        first = st.text_input("First report's full name", key="first_report_name")
        if st.form_submit_button("Create my team", type="primary"):
            try:
                with svc.session() as session:
                    manager = ManagerRepository(session).get_or_create(name or "Me")
                    if first.strip():
                        Repositories(session, manager.id).reports.add(first)
                    st.session_state[MANAGER_KEY] = manager.id
            except CoachError as exc:
                st.error(str(exc))
            else:
                st.rerun()
    if st.button("Explore with a demo team", key="load_demo"):
        with svc.session() as session:
            st.session_state[MANAGER_KEY] = seed_demo(session).manager_id
        st.rerun()
