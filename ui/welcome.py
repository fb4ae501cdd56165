"""First launch: what the app does, and two ways to start (a demo team, or your own)."""

from __future__ import annotations

import streamlit as st

from assistant.errors import CoachError
from ui.state import MANAGER_KEY, get_services


def welcome() -> None:
    svc = get_services()
    st.title("Welcome to 1:1 Coach")
    st.markdown(
        "Run better one-on-ones in a few minutes a week:\n"
        "- **Before** a 1:1: a tailored agenda that opens with last time's action items.\n"
        "- **After** it: paste scrappy notes, get a clean recap with owners and due dates.\n"
        "- **Anytime**: question-based wording for praise and hard feedback.\n"
    )
    st.info(
        "No team yet. Look around with a fictional demo team, or create your own below.",
        icon=":material/waving_hand:",
    )
    if st.button(
        "Explore with a demo team", key="load_demo", type="primary", icon=":material/science:"
    ):
        with st.spinner("Creating a fictional team with a few months of history…"):
            st.session_state[MANAGER_KEY] = svc.team.seed_demo().manager_id
        st.rerun()
    with st.form("create_team"):
        st.markdown("**Start with your own team**")
        name = st.text_input("Your name", key="new_manager_name", max_chars=200)
        first = st.text_input("First report's full name", key="first_report_name", max_chars=200)
        st.caption("Everything stays on this machine. You can add more people on the Team page.")
        if st.form_submit_button("Create my team", key="create_team_submit"):
            try:
                manager = svc.team.create_team(name, first)
                st.session_state[MANAGER_KEY] = manager.id
            except CoachError as exc:
                st.error(str(exc))
            else:
                st.rerun()
