"""1:1 Coach — Streamlit entry point: page setup, navigation and the sidebar."""

from __future__ import annotations

import streamlit as st

st.set_page_config(
    page_title="1:1 Coach",
    page_icon=":material/handshake:",
    layout="wide",
    menu_items={"About": "1:1 Coach — prepare, run and follow up on your one-on-ones."},
)

from ui.sidebar import render_sidebar  # noqa: E402  (set_page_config must run first)

PAGES = [
    st.Page("app_pages/team.py", title="Team", icon=":material/groups:", default=True),
]

navigation = st.navigation(PAGES)
render_sidebar()
navigation.run()
