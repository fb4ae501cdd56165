"""1:1 Coach — Streamlit entry point: page setup, navigation and the sidebar."""

from __future__ import annotations

import streamlit as st

st.set_page_config(
    page_title="1:1 Coach",
    page_icon=":material/handshake:",
    layout="wide",
    menu_items={"About": "1:1 Coach — prepare, run and follow up on your one-on-ones."},
)

import logging  # noqa: E402

from assistant.errors import CoachError  # noqa: E402
from ui.roles import team_pages  # noqa: E402
from ui.sidebar import render_sidebar  # noqa: E402  (set_page_config must run first)
from ui.state import get_services  # noqa: E402

logger = logging.getLogger("ui")
# Tests set this so an unexpected error fails the test instead of showing the friendly message.
RAISE_ERRORS_KEY = "_coach_raise_errors"
UNEXPECTED = (
    "Something went wrong on this page. Everything you saved is safe. "
    "Try again, or reload the page; the details are in the app's log."
)

PAGES = {
    "": [
        st.Page("app_pages/team.py", title="Team", icon=":material/groups:", default=True),
        st.Page("app_pages/person.py", title="People", icon=":material/person:"),
    ],
    "Your 1:1s": [
        st.Page("app_pages/prepare.py", title="Prepare", icon=":material/event_note:"),
        st.Page("app_pages/recap.py", title="Recap", icon=":material/edit_note:"),
        st.Page("app_pages/action_items.py", title="Action items", icon=":material/task_alt:"),
        st.Page("app_pages/feedback.py", title="Feedback", icon=":material/forum:"),
        st.Page("app_pages/coaching.py", title="Coaching", icon=":material/insights:"),
    ],
    "Reference": [
        st.Page("app_pages/knowledge.py", title="Knowledge", icon=":material/menu_book:"),
        st.Page("app_pages/settings.py", title="Settings", icon=":material/settings:"),
    ],
}

if get_services().settings.team_mode:
    # Team mode: the pages this identity may open, and no others. A page left out of
    # st.navigation does not run, whatever URL is typed (Streamlit serves the first page).
    navigation = st.navigation(team_pages(PAGES))
else:
    navigation = st.navigation(PAGES)
try:
    render_sidebar()
    navigation.run()
except CoachError as exc:  # a problem the user can act on, said in one line
    st.error(str(exc), icon=":material/error:")
except Exception:
    if st.session_state.get(RAISE_ERRORS_KEY):
        raise
    logger.exception("unexpected error on page %s", navigation.title)
    st.error(UNEXPECTED, icon=":material/error:")
